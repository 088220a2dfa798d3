import Foundation
import PouchCore
import Testing

@testable import PouchFingerprint

@Suite("Spelling: prefixes, compounds and words with two spellings")
struct SpellingRuleTests {
    @Test("a listed prefixed word with or without its hyphen, never in a name")
    func prefixHyphen() {
        #expect(alternatives("They discussed non-proliferation policy.", rule: "prefix-hyphen") == [["non-proliferation", "nonproliferation"]])
        #expect(alternatives("They discussed nonproliferation policy.", rule: "prefix-hyphen") == [["nonproliferation", "non-proliferation"]])
        #expect(alternatives("Re-election is unlikely.", rule: "prefix-hyphen") == [["Re-election", "Reelection"]])
        #expect(alternatives("HIS RE-ELECTION IS UNLIKELY.", rule: "prefix-hyphen") == [["RE-ELECTION", "REELECTION"]])
        // Names: title case, or before Treaty; words whose closed form is another word are not listed.
        #expect(alternatives("They discussed the Non-Proliferation Treaty.", rule: "prefix-hyphen").isEmpty)
        #expect(alternatives("THEY DISCUSSED THE NON-PROLIFERATION TREATY.", rule: "prefix-hyphen").isEmpty)
        #expect(alternatives("He will re-sign the contract.", rule: "prefix-hyphen").isEmpty)
        #expect(alternatives("They discussed non-proliferation policy.", rule: "prefix-hyphen", scheme: .v4).isEmpty)
    }

    @Test("a listed compound closed, hyphenated or open, never in a name")
    func compoundSpelling() {
        #expect(alternatives("Both sides agreed to a cease-fire yesterday.", rule: "compound-spelling") == [["cease-fire", "ceasefire"]])
        #expect(alternatives("The report is on the web site of the ministry.", rule: "compound-spelling") == [["website", "web site"]])
        #expect(
            alternatives("Policymakers in the capital disagree.", rule: "compound-spelling") == [["Policymakers", "Policy-makers", "Policy makers"]])
        #expect(alternatives("THE TALKS ARE UNDER WAY.", rule: "compound-spelling") == [["UNDERWAY", "UNDER WAY"]])
        #expect(alternatives("He met the Department of Peacekeeping Operations.", rule: "compound-spelling").isEmpty)
        #expect(alternatives("Please visit the Classified Website for details.", rule: "compound-spelling").isEmpty)
        #expect(alternatives("Both sides agreed to a cease-fire yesterday.", rule: "compound-spelling", scheme: .v4).isEmpty)
    }

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
}
