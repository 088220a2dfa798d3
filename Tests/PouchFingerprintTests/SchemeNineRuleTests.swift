import Foundation
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 9: co-operation, whilst, adviser / advisor, help (to), on before a date")
struct SchemeNineRuleTests {
    @Test("cooperation and coordination, hyphenated or closed, in mixed case only")
    func cooperation() {
        #expect(alternatives("They pledged closer cooperation on trade.", rule: "prefix-hyphen") == [["cooperation", "co-operation"]])
        #expect(alternatives("Both sides will co-ordinate their positions.", rule: "prefix-hyphen") == [["co-ordinate", "coordinate"]])
        #expect(alternatives("Cooperation with Brazil grew.", rule: "prefix-hyphen") == [["Cooperation", "Co-operation"]])
        // A name in title case, a cable in capitals, and scheme 8.
        #expect(alternatives("He addressed the Gulf Cooperation Council on trade.", rule: "prefix-hyphen").isEmpty)
        #expect(alternatives("THE SHANGHAI COOPERATION ORGANIZATION MET.", rule: "prefix-hyphen").isEmpty)
        #expect(alternatives("They pledged closer cooperation on trade.", rule: "prefix-hyphen", scheme: .v8).isEmpty)
        // en_US rejects the second part of these.
        #expect(alternatives("The talks were coordinated by the coordinator.", rule: "prefix-hyphen").isEmpty)
    }

    @Test("while and whilst as a conjunction, never the noun")
    func whilst() {
        #expect(alternatives("While the talks stalled, trade grew.", rule: "while-whilst") == [["While", "Whilst"]])
        #expect(alternatives("Trade grew while the talks stalled.", rule: "while-whilst") == [["while", "whilst"]])
        #expect(alternatives("He waited for a while before he spoke.", rule: "while-whilst").isEmpty)
        #expect(alternatives("All the while the talks stalled.", rule: "while-whilst").isEmpty)
        #expect(alternatives("TRADE GREW WHILE THE TALKS STALLED.", rule: "while-whilst") == [["WHILE", "WHILST"]])
    }

    @Test("adviser and advisor")
    func adviser() {
        #expect(alternatives("A senior adviser to the President spoke.", rule: "adviser-advisor") == [["adviser", "advisor"]])
        #expect(alternatives("Foreign Policy Advisor Garcia spoke.", rule: "adviser-advisor") == [["Adviser", "Advisor"]])
        #expect(alternatives("His advisers disagreed.", rule: "advisers-advisors") == [["advisers", "advisors"]])
    }

    @Test("help with or without to before a verb, never the noun")
    func helpTo() {
        #expect(alternatives("The aid will help to ensure stability.", rule: "help-to") == [["help to", "help"]])
        #expect(alternatives("The aid could help build schools.", rule: "help-to") == [["help to", "help"]])
        #expect(alternatives("The visit helped to ease tensions.", rule: "helped-to") == [["helped to", "helped"]])
        #expect(alternatives("He is helping secure the border.", rule: "helping-to") == [["helping to", "helping"]])
        // The noun, and a verb that is not listed.
        #expect(alternatives("They asked for financial help to build schools.", rule: "help-to").isEmpty)
        #expect(alternatives("The aid will help to the poor.", rule: "help-to").isEmpty)
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

    @Test("a person's speech or release, and never a name's particle or a title in apposition")
    func personGenitive() {
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
