import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Punctuation: serial, introductory and list commas")
struct PunctuationRuleTests {
    @Test("serial comma in lists of three or more")
    func serialComma() {
        #expect(alternatives("They discussed trade, energy, and security issues.", rule: "serial-comma") == [["energy, and", "energy and"]])
        #expect(alternatives("They discussed trade, energy, water and security issues.", rule: "serial-comma") == [["water and", "water, and"]])
        // Two items only: a comma before "and" there joins a clause, not a list.
        #expect(alternatives("In Kabul, Karzai and Abdullah met.", rule: "serial-comma").isEmpty)
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

    @Test("a list's comma only closes a short item of a real list, never an aside or one half of a pair")
    func listCommas() {
        #expect(alternatives("They discussed trade, energy, and security.", rule: "serial-comma") == [["energy, and", "energy and"]])
        #expect(alternatives("They discussed trade, energy, water and security.", rule: "serial-comma") == [["water and", "water, and"]])
        // An aside before the comma: "however and" would be wrong.
        #expect(alternatives("Killings are still occurring, however, and the number is rising.", rule: "serial-comma").isEmpty)
        #expect(alternatives("We would not shift course, either, and would continue to decline.", rule: "serial-comma").isEmpty)
        #expect(alternatives("The remarks were slanderous, he added, and must be retracted.", rule: "serial-comma").isEmpty)
        // "between A and B" and a clause are pairs, not lists.
        #expect(alternatives("They meet twice a year, biannually, between our AG and the Justice Minister.", rule: "serial-comma").isEmpty)
        #expect(alternatives("Musharraf wondered again, did the media and the U.S. believe him.", rule: "serial-comma").isEmpty)
        #expect(alternatives("Reforms, however, were watered down or withdrawn.", rule: "serial-comma").isEmpty)
        // Scheme 11 still finds them.
        #expect(alternatives("Killings are still occurring, however, and the number is rising.", rule: "serial-comma", scheme: .v11).count == 1)
        #expect(
            alternatives("They meet twice a year, biannually, between our AG and the Justice Minister.", rule: "serial-comma", scheme: .v11).count
                == 1)
    }

    @Test("an introductory comma only before a determiner, a pronoun or a name, and never before an aside")
    func introductoryCommas() {
        #expect(alternatives("During the meeting, the minister agreed.", rule: "introductory-comma") == [["meeting,", "meeting"]])
        #expect(alternatives("During the meeting, he agreed.", rule: "introductory-comma") == [["meeting,", "meeting"]])
        #expect(alternatives("Despite multiple requests, PolOff received no reply.", rule: "introductory-comma") == [["requests,", "requests"]])
        #expect(alternatives("On Gaza, xxxxxxxxxxxx said Turkey would help.", rule: "introductory-comma") == [["Gaza,", "Gaza"]])
        // Without the comma a bare noun would run on from the phrase ("the press fury reaction").
        #expect(alternatives("Despite the press fury, reaction from the government was muted.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("IN THE WAKE OF THE ATTACK, POLICE OFFICIALS REMAIN CALM.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("IN THE WAKE OF THE ATTACK, THE POLICE REMAIN CALM.", rule: "introductory-comma") == [["ATTACK,", "ATTACK"]])
        // "he said," after the comma: without it he would speak like a boxer.
        #expect(alternatives("Like a skilled boxer, he said, the key is to keep moving.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("Despite the press fury, reaction from the government was muted.", rule: "introductory-comma", scheme: .v11).count == 1)
        #expect(alternatives("Like a skilled boxer, he said, the key is to keep moving.", rule: "introductory-comma", scheme: .v11).count == 1)
    }
}
