import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Prepositions: cause, period, topic, dates and events")
struct PrepositionRuleTests {
    @Test("due to as a cause, never as a schedule or after be")
    func dueTo() {
        #expect(alternatives("Shipments rose due to the lack of enforcement.", rule: "due-to") == [["due to", "owing to", "because of"]])
        #expect(alternatives("Due to his connections, he was untouchable.", rule: "due-to") == [["Due to", "Owing to", "Because of"]])
        #expect(alternatives("The minister is due to arrive on Monday.", rule: "due-to").isEmpty)
        #expect(alternatives("The delay was due to the strike.", rule: "due-to").isEmpty)
    }

    @Test("during and in the course of, before a determiner")
    func during() {
        #expect(
            alternatives("Relations were strained during the Roh era.", rule: "during-in-the-course-of", scheme: .v11) == [
                ["during", "in the course of"]
            ])
        #expect(
            alternatives("During his visit, he met the minister.", rule: "during-in-the-course-of", scheme: .v11) == [["During", "In the course of"]])
        #expect(
            alternatives("During his visit, he met the minister.", rule: "during-in-the-course-of") == [
                ["During", "In the course of", "Over the course of"]
            ])
        #expect(alternatives("He spoke during lunch.", rule: "during-in-the-course-of").isEmpty)
    }

    @Test("on, regarding or concerning after a noun of information, never a place, a medium or a time")
    func topicPreposition() {
        #expect(alternatives("He gave information on the attack.", rule: "topic-on-regarding") == [["on", "regarding", "concerning"]])
        #expect(alternatives("HE ASKED FOR VIEWS ON HOW TO PROCEED.", rule: "topic-on-regarding") == [["ON", "REGARDING", "CONCERNING"]])
        #expect(alternatives("The decision on the budget is due.", rule: "topic-on-regarding") == [["on", "regarding", "concerning"]])
        #expect(alternatives("He made comments on the sidelines of the summit.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("He posted information on the website.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("He made the statement on the same day.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("The minister's position on the ground is weak.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("He gave a briefing on Monday.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("They relied on the army.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("The press is afraid to report on such incidents.", rule: "topic-on-regarding").isEmpty)
        #expect(alternatives("He gave information on the attack.", rule: "topic-on-regarding", scheme: .v4).isEmpty)
    }

    @Test("on before a date, after the event it dates")
    func onDate() {
        #expect(alternatives("The minister met Garcia on March 3 in Brasilia.", rule: "on-date") == [["on March", "March"]])
        #expect(alternatives("The court convicted him on May 24 of fraud.", rule: "on-date") == [["on May", "May"]])
        #expect(alternatives("The director told us on Monday that talks would resume.", rule: "on-date") == [["on Monday", "Monday"]])
        #expect(alternatives("THE MINISTER ARRIVED ON JUNE 5 IN PARIS.", rule: "on-date") == [["ON JUNE", "JUNE"]])
        // A word that takes "on", a noun, a conjunction, a sentence's start, a month without its day.
        #expect(alternatives("The estimate is based on March 3 figures.", rule: "on-date").isEmpty)
        #expect(alternatives("His statement on December 16 surprised us.", rule: "on-date").isEmpty)
        #expect(alternatives("They met in May and on June 2 again.", rule: "on-date").isEmpty)
        #expect(alternatives("On March 3 the minister resigned.", rule: "on-date").isEmpty)
        #expect(alternatives("The minister decided on March as the date.", rule: "on-date").isEmpty)
        #expect(alternatives("They met on Monday night.", rule: "on-date").isEmpty)
        // Scheme 8 has no such slot.
        #expect(alternatives("The minister met Garcia on March 3 in Brasilia.", rule: "on-date", scheme: .v8).isEmpty)
    }

    @Test("before only before an event, never meaning in front of or opening a clause")
    func beforeEvent() {
        #expect(alternatives("One month before the election, the outlook is bleak.", rule: "before-event") == [["before", "prior to"]])
        #expect(alternatives("It will happen before the end of the year.", rule: "before-event") == [["before", "prior to"]])
        #expect(alternatives("BLACKLISTS MUST BE REMOVED BEFORE THE TALKS.", rule: "before-event") == [["BEFORE", "PRIOR TO"]])
        for text in [
            "Aznar was willing to go before the US Congress.", "He will appear before a special session.",
            "They want to embarrass Putin before the West.", "The lists must be removed before these talks can start.",
            "Nothing will happen before the court decides.", "Polls taken before the election process starts are useless.",
        ] {
            #expect(alternatives(text, rule: "before-event").isEmpty, "\(text)")
            #expect(alternatives(text, rule: "prior-to").isEmpty, "\(text)")
        }
        // "Prior to" is still found, and scheme 11 still looks for "before" in its own way.
        #expect(alternatives("Prior to the meeting, he called.", rule: "prior-to") == [["Prior to", "Before"]])
        #expect(alternatives("Aznar was willing to go before the US Congress.", rule: "prior-to", scheme: .v11).count == 1)
    }
}
