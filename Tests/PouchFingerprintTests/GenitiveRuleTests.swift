import Foundation
import PouchCore
import Testing

@testable import PouchFingerprint

@Suite("Genitives: a country's government, institutions, a person's events")
struct GenitiveRuleTests {
    @Test("genitive alternation for countries and abstract nouns")
    func genitive() {
        #expect(
            alternatives("He explained Pakistan's position on the issue.", rule: "genitive") == [["Pakistan's position", "the position of Pakistan"]])
        #expect(
            alternatives("He explained the position of Pakistan on the issue.", rule: "genitive") == [
                ["the position of Pakistan", "Pakistan's position"]
            ])
        #expect(
            alternatives("Pakistan's position is clear to all of us.", rule: "genitive") == [["Pakistan's position", "The position of Pakistan"]])
    }

    @Test("a country's government by adjective, by of, or by possessive")
    func countryGovernment() {
        let iran = ["the Iranian government", "the government of Iran", "Iran's government"]
        #expect(alternatives("He said the Iranian government had refused.", rule: "country-government") == [iran])
        #expect(alternatives("He said the government of Iran had refused.", rule: "country-government") == [iran])
        #expect(alternatives("He said that Iran's government had refused.", rule: "country-government") == [iran])
        // Case kept: "Government", a sentence's "The", capitals.
        #expect(
            alternatives("The Government of Colombia agreed.", rule: "country-government")
                == [["The Colombian Government", "The Government of Colombia", "Colombia's Government"]])
        #expect(
            alternatives("Saudi Arabia's government agreed.", rule: "country-government")
                == [["The Saudi government", "The government of Saudi Arabia", "Saudi Arabia's government"]])
        #expect(
            alternatives("THE FRENCH GOVERNMENT WILL ACT.", rule: "country-government")
                == [["THE FRENCH GOVERNMENT", "THE GOVERNMENT OF FRANCE", "FRANCE'S GOVERNMENT"]])
        // A country named with its article has no possessive wording.
        #expect(
            alternatives("They met the Dutch government today.", rule: "country-government")
                == [["the Dutch government", "the government of the Netherlands"]])
    }

    @Test("a government inside a longer name, a compound or a definition is left alone")
    func countryGovernmentLeftAlone() {
        #expect(alternatives("He met the French Government Spokesman.", rule: "country-government").isEmpty)
        #expect(alternatives("He rejected the Iranian government's offer.", rule: "country-government").isEmpty)
        #expect(alternatives("The Government of India (GOI) agreed.", rule: "country-government").isEmpty)
        #expect(alternatives("He met the Iranian government-backed group.", rule: "country-government").isEmpty)
        #expect(alternatives("It was the Iran's government.", rule: "country-government").isEmpty)
        // The host government is the host-government rule's.
        #expect(alternatives("He said the Brazilian government would act.", rule: "country-government", post: "BRASILIA").isEmpty)
        #expect(alternatives("He said the Brazilian government would act.", rule: "host-government", post: "BRASILIA").count == 1)
    }

    @Test("scheme 7's genitive faults: a noun that opens a longer phrase, a conjunct, a longer name")
    func genitiveFaultsFixed() {
        // Scheme 7 wrote these (kept, so its copies stay traceable); scheme 8 leaves them alone.
        #expect(
            alternatives("Pakistan's security forces will act.", rule: "genitive", scheme: .v7) == [
                ["Pakistan's security", "The security of Pakistan"]
            ])
        #expect(alternatives("Pakistan's security forces will act.", rule: "genitive").isEmpty)
        #expect(
            alternatives("The views of France and Germany carry weight.", rule: "genitive", scheme: .v7) == [
                ["The views of France", "France's views"]
            ])
        #expect(alternatives("The views of France and Germany carry weight.", rule: "genitive").isEmpty)
        #expect(alternatives("He said United Russia's leadership was split.", rule: "genitive").isEmpty)
        #expect(
            alternatives("Many of the region's security forces are weak.", rule: "genitive-institution", scheme: .v7) == [
                ["the region's security", "the security of the region"]
            ])
        #expect(alternatives("Many of the region's security forces are weak.", rule: "genitive-institution").isEmpty)
        // A phrase that ends where it should still varies.
        #expect(
            alternatives("He doubted Pakistan's commitment to the plan.", rule: "genitive") == [
                ["Pakistan's commitment", "the commitment of Pakistan"]
            ])
        #expect(alternatives("In Pakistan's view, the plan fails.", rule: "genitive") == [["Pakistan's view", "the view of Pakistan"]])
    }

    @Test("someone's visit or the visit of someone, title and name kept")
    func personGenitive() {
        #expect(
            alternatives("He welcomed President Lula's visit to Madrid.", rule: "genitive-person") == [
                ["President Lula's visit", "the visit of President Lula"]
            ])
        #expect(alternatives("They discussed Putin's decision.", rule: "genitive-person") == [["Putin's decision", "the decision of Putin"]])
        // Not at a sentence's start, not a date, not before a longer phrase, not in capitals.
        #expect(alternatives("Lula's visit was short.", rule: "genitive-person").isEmpty)
        #expect(alternatives("He noted Monday's decision in Paris.", rule: "genitive-person").isEmpty)
        #expect(alternatives("He backed Putin's decision making process.", rule: "genitive-person").isEmpty)
        #expect(alternatives("HE WELCOMED PRESIDENT LULA'S VISIT TO MADRID.", rule: "genitive-person").isEmpty)
        // Two possessors may own it together.
        #expect(alternatives("He backed Merkel and Sarkozy's proposal.", rule: "genitive-person").isEmpty)
        #expect(alternatives("He backed France and Germany's position.", rule: "genitive").isEmpty)
    }

    @Test("a person's speech or release, and never a name's particle or a title in apposition")
    func personGenitiveEvents() {
        #expect(alternatives("The crowd cheered after Lula's speech.", rule: "genitive-person") == [["Lula's speech", "the speech of Lula"]])
        #expect(alternatives("The crowd cheered after Lula's speech.", rule: "genitive-person", scheme: .v8).isEmpty)
        // Scheme 8 took the word before the name for one that opens a phrase; scheme 9 does not.
        for text in ["They discussed hostage Ingrid Betancourt's position.", "Analysts expect Rio de Janeiro's economy to grow."] {
            #expect(alternatives(text, rule: "genitive-person", scheme: .v8).count == 1, "\(text)")
            #expect(alternatives(text, rule: "genitive-person").isEmpty, "\(text)")
        }
        #expect(alternatives("It was tied to then-President Chissano's decision.", rule: "genitive-person").isEmpty)
    }
}
