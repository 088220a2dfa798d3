import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Word order: adverbs and auxiliaries, pairs, portfolios, however")
struct WordOrderRuleTests {
    @Test("also before or after an auxiliary, never around a negation")
    func alsoAuxiliary() {
        #expect(alternatives("The delegation will also visit Kabul next week.", rule: "also-auxiliary") == [["will also", "also will"]])
        #expect(alternatives("The delegation will also not visit Kabul.", rule: "also-auxiliary").isEmpty)
    }

    @Test("an adverb of stance or time before or after the auxiliary, never the copula, a negation or a month")
    func adverbAuxiliary() {
        #expect(alternatives("The government has already taken steps.", rule: "adverb-auxiliary") == [["has already", "already has"]])
        #expect(alternatives("It will likely remain the main fuel.", rule: "adverb-auxiliary", scheme: .v11) == [["will likely", "likely will"]])
        #expect(
            alternatives("It will likely remain the main fuel.", rule: "adverb-auxiliary") == [
                ["will likely", "likely will", "will probably", "probably will"]
            ])
        #expect(alternatives("The command probably could be expanded.", rule: "adverb-auxiliary") == [["probably could", "could probably"]])
        #expect(alternatives("THE GOVERNMENT HAS ALREADY TAKEN STEPS.", rule: "adverb-auxiliary") == [["HAS ALREADY", "ALREADY HAS"]])
        // Not before a negation or "been", not opening a question, not the copula, not the month.
        #expect(alternatives("He will probably not attend the meeting.", rule: "adverb-auxiliary").isEmpty)
        #expect(alternatives("The law has already been passed.", rule: "adverb-auxiliary").isEmpty)
        #expect(alternatives("Will he already be there?", rule: "adverb-auxiliary").isEmpty)
        #expect(alternatives("He is clearly frustrated by the talks.", rule: "adverb-auxiliary").isEmpty)
        #expect(alternatives("Talks resumed in May probably because of pressure.", rule: "adverb-auxiliary").isEmpty)
        #expect(alternatives("TALKS RESUMED IN MAY PROBABLY BECAUSE OF PRESSURE.", rule: "adverb-auxiliary").isEmpty)
        #expect(alternatives("The government has already taken steps.", rule: "adverb-auxiliary", scheme: .v2).isEmpty)
    }

    @Test("two adjectives of domain in either order before a noun")
    func adjectivePair() {
        #expect(
            alternatives("They discussed political and economic reforms.", rule: "adjective-pair-order") == [
                ["political and economic", "economic and political"]
            ])
        #expect(
            alternatives("Political or military pressure will not work.", rule: "adjective-pair-order") == [
                ["Political or military", "Military or political"]
            ])
        #expect(alternatives("They discussed social, political and economic reforms.", rule: "adjective-pair-order").isEmpty)
        #expect(alternatives("The situation is political and economic.", rule: "adjective-pair-order").isEmpty)
        #expect(alternatives("It was an economic and political failure.", rule: "adjective-pair-order").isEmpty)
    }

    @Test("two countries joined by and or or, in either order")
    func countryPairs() {
        #expect(
            alternatives("The talks between France and Germany ended.", rule: "country-pair-order") == [["France and Germany", "Germany and France"]])
        #expect(alternatives("Russia or China could veto it.", rule: "country-pair-order") == [["Russia or China", "China or Russia"]])
        #expect(alternatives("HE VISITED SPAIN AND ITALY IN MAY.", rule: "country-pair-order") == [["SPAIN AND ITALY", "ITALY AND SPAIN"]])
        // Scheme 7 has no such slot.
        #expect(alternatives("The talks between France and Germany ended.", rule: "country-pair-order", scheme: .v7).isEmpty)
    }

    @Test("never where order carries meaning or a word binds to one name")
    func countryPairsLeftAlone() {
        // A list of three, a word before the first name, a possessive, a longer name.
        #expect(alternatives("He visited Iran, Syria and Lebanon.", rule: "country-pair-order").isEmpty)
        #expect(alternatives("Fighting spread to northern Iraq and Syria.", rule: "country-pair-order").isEmpty)
        #expect(alternatives("It hurt Pakistan and India's ties.", rule: "country-pair-order").isEmpty)
        #expect(alternatives("He met Serbia and Montenegro officials.", rule: "country-pair-order").isEmpty)
        // What follows may be about the second country only.
        #expect(alternatives("Troops serve in Afghanistan and Iraq (with U.S. forces).", rule: "country-pair-order").isEmpty)
        #expect(alternatives("He went to Egypt and Jordan, which hosts the talks.", rule: "country-pair-order").isEmpty)
        // Order tied to something else in the paragraph.
        #expect(alternatives("France and Germany sent 3 and 5 ships respectively.", rule: "country-pair-order").isEmpty)
        #expect(alternatives("Spain and Italy differ; the latter wants more.", rule: "country-pair-order").isEmpty)
        // Quoted speech is never touched.
        #expect(alternatives("He said \"France and Germany agree\" on this.", rule: "country-pair-order").isEmpty)
    }

    @Test("either order, keeping case, with a name after the office")
    func bothOrders() {
        #expect(alternatives("The Justice Minister will decide soon.", rule: "portfolio") == [["Justice Minister", "Minister of Justice"]])
        #expect(alternatives("He met the Minister of Justice last week.", rule: "portfolio") == [["Justice Minister", "Minister of Justice"]])
        #expect(alternatives("Israeli Defense Minister Barak arrived today.", rule: "portfolio") == [["Defense Minister", "Minister of Defense"]])
        #expect(
            alternatives("He met the interior minister yesterday.", rule: "portfolio")
                == [["interior minister", "minister of interior", "minister of the interior"]])
        #expect(
            alternatives("THE MINISTRY OF THE INTERIOR WILL ACT.", rule: "portfolio")
                == [["INTERIOR MINISTRY", "MINISTRY OF INTERIOR", "MINISTRY OF THE INTERIOR"]])
        #expect(
            alternatives("Health Ministry officials said the outbreak was over.", rule: "portfolio") == [["Health Ministry", "Ministry of Health"]])
        // "Defense Ministry" and "Foreign Minister" are the known abbreviations' ("MOD", "FM").
        #expect(alternatives("The Defense Ministry said nothing.", rule: "portfolio").isEmpty)
        #expect(alternatives("The Foreign Minister said nothing.", rule: "portfolio").isEmpty)
        // Scheme 6 has no such rule.
        #expect(alternatives("The Justice Minister said the law would pass.", rule: "portfolio", scheme: .v6).isEmpty)
    }

    @Test("never where another word may belong to the portfolio")
    func wholePortfolio() {
        #expect(alternatives("The Higher Education Minister resigned.", rule: "portfolio").isEmpty)
        #expect(alternatives("The Oil and Energy Minister resigned.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Minister of Energy and Mines today.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Minister of Economy, Trade and Industry today.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Ministry of Interior Affairs officials.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Minister of State for Europe.", rule: "portfolio").isEmpty)
        #expect(alternatives("HE MET THE MINISTER OF DEFENSE INDUSTRY TODAY.", rule: "portfolio").isEmpty)
        #expect(alternatives("The Justice Minister's aide left.", rule: "portfolio").isEmpty)
        // Nor where the cable defines an abbreviation by it.
        #expect(alternatives("He met the Ministry of Finance (MOF) team.", rule: "portfolio").isEmpty)
        // After "an", "Interior Minister" never becomes "an Minister of Interior".
        #expect(alternatives("He met an Interior Ministry official.", rule: "portfolio").isEmpty)
    }

    @Test("however before or after a short subject that opens its sentence")
    func howeverPlacement() {
        #expect(
            alternatives("It rained. However, the minister said no.", rule: "however-placement") == [
                ["However, the minister", "The minister, however,"]
            ])
        #expect(
            alternatives("It rained. The minister, however, said no.", rule: "however-placement") == [
                ["The minister, however,", "However, the minister"]
            ])
        #expect(alternatives("It rained. However, he agreed.", rule: "however-placement") == [["However, he", "He, however,"]])
        #expect(alternatives("It rained; however, France has agreed.", rule: "however-placement") == [["however, France", "France, however,"]])
        #expect(alternatives("It rained; however, they agreed.", rule: "however-placement") == [["however, they", "they, however,"]])
        #expect(
            alternatives("HOWEVER, THIS EPISODE HAS SHOWN A GAP.", rule: "however-placement") == [
                ["HOWEVER, THIS EPISODE", "THIS EPISODE, HOWEVER,"]
            ])
        // Not across a possessive, a long or interrupted subject, an introductory phrase, or a word that only
        // opening the sentence capitalises.
        #expect(alternatives("However, Ortega's continued attacks hurt.", rule: "however-placement").isEmpty)
        #expect(alternatives("In 2009, the council, however, said no.", rule: "however-placement").isEmpty)
        #expect(alternatives("Officials, however, said no.", rule: "however-placement").isEmpty)
        #expect(alternatives("However hard they try, it fails.", rule: "however-placement").isEmpty)
        #expect(alternatives("However, the head of the office in the capital said no.", rule: "however-placement").isEmpty)
        #expect(alternatives("It rained. However, the minister said no.", rule: "however-placement", scheme: .v11).isEmpty)
    }
}
