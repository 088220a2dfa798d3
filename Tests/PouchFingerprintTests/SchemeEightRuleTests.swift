import Foundation
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 8: country pairs, governments by name or adjective, paragraph references")
struct SchemeEightRuleTests {
    @Test("two countries joined by and or or, in either order")
    func countryPairs() {
        #expect(alternatives("The talks between France and Germany ended.", rule: "country-pair-order") == [["France and Germany", "Germany and France"]])
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

    @Test("a country's government by adjective, by of, or by possessive")
    func countryGovernment() {
        let iran = ["the Iranian government", "the government of Iran", "Iran's government"]
        #expect(alternatives("He said the Iranian government had refused.", rule: "country-government") == [iran])
        #expect(alternatives("He said the government of Iran had refused.", rule: "country-government") == [iran])
        #expect(alternatives("He said that Iran's government had refused.", rule: "country-government") == [iran])
        // Case kept: "Government", a sentence's "The", capitals.
        #expect(alternatives("The Government of Colombia agreed.", rule: "country-government")
                == [["The Colombian Government", "The Government of Colombia", "Colombia's Government"]])
        #expect(alternatives("Saudi Arabia's government agreed.", rule: "country-government")
                == [["The Saudi government", "The government of Saudi Arabia", "Saudi Arabia's government"]])
        #expect(alternatives("THE FRENCH GOVERNMENT WILL ACT.", rule: "country-government")
                == [["THE FRENCH GOVERNMENT", "THE GOVERNMENT OF FRANCE", "FRANCE'S GOVERNMENT"]])
        // A country named with its article has no possessive wording.
        #expect(alternatives("They met the Dutch government today.", rule: "country-government")
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

    @Test("para and paragraph before a paragraph's number")
    func paragraphReferences() {
        #expect(alternatives("Details follow (see para 6).", rule: "paragraph-reference") == [["para", "paragraph"]])
        #expect(alternatives("See paragraphs 4 and 5 for details.", rule: "paragraph-reference") == [["paras", "paragraphs"]])
        #expect(alternatives("PARA 3 SETS OUT THE REQUEST.", rule: "paragraph-reference") == [["PARA", "PARAGRAPH"]])
        // Not without a number ("Partido para la Democracia").
        #expect(alternatives("He founded the Partido para la Democracia.", rule: "paragraph-reference").isEmpty)
    }

    @Test("coming beside upcoming and forthcoming, never after a or an")
    func coming() {
        #expect(alternatives("He discussed the upcoming elections.", rule: "upcoming-forthcoming") == [["upcoming", "forthcoming", "coming"]])
        #expect(alternatives("He discussed the upcoming elections.", rule: "upcoming-forthcoming", scheme: .v7) == [["upcoming", "forthcoming"]])
        #expect(alternatives("He announced the forthcoming visit.", rule: "upcoming-forthcoming") == [["upcoming", "forthcoming", "coming"]])
        // After "a", "upcoming" would need "an" and "a coming visit" is not idiomatic: nothing else fits.
        #expect(alternatives("He announced a forthcoming visit.", rule: "upcoming-forthcoming").isEmpty)
    }

    @Test("DOE, DOD and DOJ are written out only where the cable writes them")
    func departments() {
        #expect(alternatives("A DOJ prosecutor will attend.", rule: "known-abbreviation") == [["DOJ", "Department of Justice"]])
        #expect(alternatives("A Department of Justice prosecutor will attend.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("A DOJ prosecutor will attend.", rule: "known-abbreviation", scheme: .v7).isEmpty)
    }

    @Test("scheme 7's genitive faults: a noun that opens a longer phrase, a conjunct, a longer name")
    func genitiveFaultsFixed() {
        // Scheme 7 wrote these (kept, so its copies stay traceable); scheme 8 leaves them alone.
        #expect(alternatives("Pakistan's security forces will act.", rule: "genitive", scheme: .v7) == [["Pakistan's security", "The security of Pakistan"]])
        #expect(alternatives("Pakistan's security forces will act.", rule: "genitive").isEmpty)
        #expect(alternatives("The views of France and Germany carry weight.", rule: "genitive", scheme: .v7) == [["The views of France", "France's views"]])
        #expect(alternatives("The views of France and Germany carry weight.", rule: "genitive").isEmpty)
        #expect(alternatives("He said United Russia's leadership was split.", rule: "genitive").isEmpty)
        #expect(alternatives("Many of the region's security forces are weak.", rule: "genitive-institution", scheme: .v7) == [["the region's security", "the security of the region"]])
        #expect(alternatives("Many of the region's security forces are weak.", rule: "genitive-institution").isEmpty)
        // A phrase that ends where it should still varies.
        #expect(alternatives("He doubted Pakistan's commitment to the plan.", rule: "genitive") == [["Pakistan's commitment", "the commitment of Pakistan"]])
        #expect(alternatives("In Pakistan's view, the plan fails.", rule: "genitive") == [["Pakistan's view", "the view of Pakistan"]])
    }

    @Test("someone's visit or the visit of someone, title and name kept")
    func personGenitive() {
        #expect(alternatives("He welcomed President Lula's visit to Madrid.", rule: "genitive-person") == [["President Lula's visit", "the visit of President Lula"]])
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

    @Test("the host government also by possessive, and never the Government of X before a noun")
    func hostGovernmentPossessive() {
        #expect(alternatives("As expected, the GOB announced new rules.", rule: "host-government", post: "BRASILIA")
                == [["the GOB", "the Government of Brazil", "the Brazilian Government", "Brazil's Government"]])
        #expect(alternatives("The Brazilian government agreed.", rule: "host-government", post: "BRASILIA")
                == [["The GOB", "The government of Brazil", "The Brazilian government", "Brazil's government"]])
        // Before scheme 11, right after another slot ("said" / "said that") "the" cannot join the slot: scheme 7's slot stands.
        #expect(alternatives("He said the Brazilian government would act.", rule: "host-government", post: "BRASILIA", scheme: .v10)
                == [["GOB", "government of Brazil", "Brazilian government"]])
        // From scheme 11 slots may stand side by side, so the whole phrase is the slot.
        #expect(alternatives("He said the Brazilian government would act.", rule: "host-government", post: "BRASILIA")
                == [["the GOB", "the government of Brazil", "the Brazilian government", "Brazil's government"]])
        // Before a noun only the wordings that stay grammatical there (scheme 7 wrote "the Government of Argentina position").
        let slot = SlotFinder(catalogue: .publicCatalogue).slots(in: Cable(referenceID: ReferenceID(year: 2009, post: "BUENOSAIRES", serial: 1),
            classification: .confidential, paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: "He explained the GOA position on trade.")]))
            .first { $0.rule == "host-government" }
        #expect(slot.map { found in found.symbols.map { found.alternatives[$0] } } == ["the Argentine Government", "Argentina's Government"])
        #expect(alternatives("He explained the GOA position on trade.", rule: "host-government", post: "BUENOSAIRES", scheme: .v7)
                == [["GOA", "Government of Argentina", "Argentine Government"]])
        // A country named with its article has no possessive wording.
        #expect(alternatives("THE GOP WILL ACT SOON.", rule: "host-government", post: "MANILA")
                == [["THE GOP", "THE GOVERNMENT OF THE PHILIPPINES", "THE PHILIPPINE GOVERNMENT"]])
    }
}
