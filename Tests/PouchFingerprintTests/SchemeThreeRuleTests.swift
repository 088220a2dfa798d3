import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 3 rules, one by one")
struct SchemeThreeRuleTests {
    @Test("an adverb of stance or time before or after the auxiliary, never the copula, a negation or a month")
    func adverbAuxiliary() {
        #expect(alternatives("The government has already taken steps.", rule: "adverb-auxiliary") == [["has already", "already has"]])
        #expect(alternatives("It will likely remain the main fuel.", rule: "adverb-auxiliary", scheme: .v11) == [["will likely", "likely will"]])
        #expect(alternatives("It will likely remain the main fuel.", rule: "adverb-auxiliary") == [["will likely", "likely will", "will probably", "probably will"]])
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

    @Test("that after a predicate adjective of certainty or feeling")
    func thatAfterAdjective() {
        #expect(alternatives("He was confident that the plan would move forward.", rule: "that-after-adjective") == [["confident that", "confident"]])
        #expect(alternatives("We are not optimistic that they will agree.", rule: "that-after-adjective") == [["optimistic that", "optimistic"]])
        // Not attributive, not a demonstrative "that", not without a clause.
        #expect(alternatives("A confident that was rare.", rule: "that-after-adjective").isEmpty)
        #expect(alternatives("He was sure that that would work.", rule: "that-after-adjective").isEmpty)
        #expect(alternatives("He was certain that.", rule: "that-after-adjective").isEmpty)
    }

    @Test("due to as a cause, never as a schedule or after be")
    func dueTo() {
        #expect(alternatives("Shipments rose due to the lack of enforcement.", rule: "due-to") == [["due to", "owing to", "because of"]])
        #expect(alternatives("Due to his connections, he was untouchable.", rule: "due-to") == [["Due to", "Owing to", "Because of"]])
        #expect(alternatives("The minister is due to arrive on Monday.", rule: "due-to").isEmpty)
        #expect(alternatives("The delay was due to the strike.", rule: "due-to").isEmpty)
    }

    @Test("during and in the course of, before a determiner")
    func during() {
        #expect(alternatives("Relations were strained during the Roh era.", rule: "during-in-the-course-of", scheme: .v11) == [["during", "in the course of"]])
        #expect(alternatives("During his visit, he met the minister.", rule: "during-in-the-course-of", scheme: .v11) == [["During", "In the course of"]])
        #expect(alternatives("During his visit, he met the minister.", rule: "during-in-the-course-of") == [["During", "In the course of", "Over the course of"]])
        #expect(alternatives("He spoke during lunch.", rule: "during-in-the-course-of").isEmpty)
    }

    @Test("introductory comma: more openers and longer phrases, but never before an aside or a relative clause")
    func introductoryComma() {
        #expect(alternatives("According to the minister, the talks failed.", rule: "introductory-comma") == [["minister,", "minister"]])
        #expect(alternatives("On the negative side of the ledger, he cited Hamas.", rule: "introductory-comma") == [["ledger,", "ledger"]])
        #expect(alternatives("According to the minister, the talks failed.", rule: "introductory-comma", scheme: .v2).isEmpty)
        #expect(alternatives("In some cases, such as that of Spain, it failed.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("After two days of uncertainty, that included signals, it ended.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("In Kabul, Karzai said no.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("With respect to Washington, for instance, he spoke.", rule: "introductory-comma").isEmpty)
    }

    @Test("an alternative keeps the original's own small letter after a dash")
    func caseAfterDash() {
        #expect(alternatives("Social policy -- for example, affirmative action -- divides them.", rule: "for-example") == [["for example", "for instance"]])
        #expect(alternatives("Social policy -- for example, affirmative action -- divides them.", rule: "for-example", scheme: .v2) == [["for example", "For instance"]])
    }

    @Test("the word that makes a number an estimate or a bound, never the number, a year or a span of time")
    func numberQualifier() {
        #expect(alternatives("About 50 people attended the rally.", rule: "number-qualifier") == [["About", "Approximately", "Roughly"]])
        #expect(alternatives("The fund holds about $40 million.", rule: "number-qualifier") == [["about", "approximately", "roughly"]])
        #expect(alternatives("More than 200 officers were arrested.", rule: "number-qualifier") == [["More than", "Over"]])
        #expect(alternatives("The police arrested over 200 officers.", rule: "number-qualifier") == [["over", "more than"]])
        #expect(alternatives("The talks took place over 3 days in May.", rule: "number-qualifier").isEmpty)
        #expect(alternatives("He has served for more than 10 years in office.", rule: "number-qualifier").isEmpty)
        #expect(alternatives("Prices rose sharply over 2009 and 2010.", rule: "number-qualifier").isEmpty)
        #expect(alternatives("They talked about 3 cases of fraud.", rule: "number-qualifier").isEmpty)
        #expect(alternatives("About 50 people attended the rally.", rule: "number-qualifier", scheme: .v2).isEmpty)
    }

    @Test("two adjectives of domain in either order before a noun")
    func adjectivePair() {
        #expect(alternatives("They discussed political and economic reforms.", rule: "adjective-pair-order") == [["political and economic", "economic and political"]])
        #expect(alternatives("Political or military pressure will not work.", rule: "adjective-pair-order") == [["Political or military", "Military or political"]])
        #expect(alternatives("They discussed social, political and economic reforms.", rule: "adjective-pair-order").isEmpty)
        #expect(alternatives("The situation is political and economic.", rule: "adjective-pair-order").isEmpty)
        #expect(alternatives("It was an economic and political failure.", rule: "adjective-pair-order").isEmpty)
    }

    @Test("ongoing and continuing; in his view and in his opinion")
    func ongoingAndView() {
        #expect(alternatives("The ongoing talks have stalled.", rule: "ongoing-continuing") == [["ongoing", "continuing"]])
        #expect(alternatives("It has been an ongoing nuisance.", rule: "ongoing-continuing").isEmpty)
        #expect(alternatives("In his view the talks have stalled.", rule: "view-opinion") == [["In his view", "In his opinion"]])
    }
}
