import Foundation
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 11: try, attempt or seek to; such as or including; slots side by side; even symbols")
struct SchemeElevenRuleTests {
    @Test("try, attempt and seek before to, never where the word is a noun")
    func tryAttempt() {
        #expect(alternatives("The ministry will try to delay the vote.", rule: "try-attempt") == [["try", "attempt", "seek"]])
        #expect(alternatives("Spain will seek to strengthen ties.", rule: "try-attempt") == [["try", "attempt", "seek"]])
        #expect(alternatives("The party tries to avoid the issue.", rule: "tries-attempts") == [["tries", "attempts", "seeks"]])
        #expect(alternatives("HE SEEKS TO REASSURE PARTNERS.", rule: "tries-attempts") == [["TRIES", "ATTEMPTS", "SEEKS"]])
        // "attempt" is never looked for: "an attempt to" is a noun.
        #expect(alternatives("It was an attempt to delay the vote.", rule: "try-attempt").isEmpty)
        #expect(alternatives("They will attempt to delay the vote.", rule: "try-attempt").isEmpty)
        #expect(alternatives("Several attempts to mediate failed.", rule: "tries-attempts").isEmpty)
        // After a word that makes it a noun, and without "to", nothing is varied.
        #expect(alternatives("The first try to mediate failed.", rule: "try-attempt").isEmpty)
        #expect(alternatives("They will seek asylum in Spain.", rule: "try-attempt").isEmpty)
        #expect(alternatives("The ministry will try to delay the vote.", rule: "try-attempt", scheme: .v10).isEmpty)
    }

    @Test("such as and including after a plural noun, never after a singular one or before a pronoun or clause")
    func suchAs() {
        #expect(alternatives("They discussed issues such as trade and energy.", rule: "such-as") == [["such as", "including"]])
        #expect(alternatives("Spain helps in key areas, such as customs reform.", rule: "such-as") == [["such as", "including"]])
        #expect(alternatives("GROUPS SUCH AS HAMAS OBJECTED.", rule: "such-as") == [["SUCH AS", "INCLUDING"]])
        #expect(alternatives("Many people such as farmers lost land.", rule: "such-as") == [["such as", "including"]])
        // A singular noun: "a leader such as Putin" names one like him, not one of several.
        #expect(alternatives("A leader such as Putin would refuse.", rule: "such-as").isEmpty)
        #expect(alternatives("The crisis, such as it is, will pass.", rule: "such-as").isEmpty)
        #expect(alternatives("In cases such as these the law is silent.", rule: "such-as").isEmpty)
        #expect(alternatives("Its status such as when he left is unclear.", rule: "such-as").isEmpty)
        // "including" also counts in, so it is never looked for.
        #expect(alternatives("They won eleven titles, including the last three.", rule: "such-as").isEmpty)
        // Quoted speech is never touched.
        #expect(alternatives("He said \"issues such as trade matter.\"", rule: "such-as").isEmpty)
        #expect(alternatives("They discussed issues such as trade and energy.", rule: "such-as", scheme: .v10).isEmpty)
    }

    @Test("from scheme 11 two slots may stand side by side, except across a bracket or beside a list's comma")
    func adjoiningSlots() {
        let text = "The minister said that NATO membership was not on the table."
        #expect(slots(text).map(\.rule) == ["reporting-verb", "known-abbreviation"])
        #expect(slots(text, scheme: .v10).count == 1)
        let met = "The Ambassador met with UAE officials in Dubai."
        #expect(slots(met).map(\.rule) == ["met-with", "known-abbreviation"])
        #expect(slots(met, scheme: .v10).count == 1)
        // An abbreviation defined in brackets: each side written out would define it by itself.
        #expect(slots("He met non-governmental organizations (NGOs) in Kabul.").count == 1)
        // A list's comma keeps a word between itself and any other slot.
        let list = slots("They discussed Darfur, Afghanistan, Kosovo, and NATO at length.")
        #expect(list.map(\.rule).contains("serial-comma") != list.map(\.rule).contains("known-abbreviation"))
    }

    @Test("from scheme 11 a release marking and a currency are never varied")
    func markingsAndCurrencies() {
        #expect(alternatives("(S/Rel UK) The minister met UK officials.", rule: "known-abbreviation") == [["UK", "United Kingdom", "British"]])
        #expect(alternatives("(S/Rel UK) The minister met UK officials.", rule: "known-abbreviation", scheme: .v10).count == 2)
        #expect(alternatives("The annex is marked REL TO UK and Canada.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("Canada has allocated US$16 million to the fund.", rule: "united-states").isEmpty)
        #expect(alternatives("Canada has allocated US $16 million to the fund.", rule: "united-states").isEmpty)
        #expect(alternatives("Canada has allocated US$16 million to the fund.", rule: "united-states", scheme: .v10).count == 1)
    }

    @Test("from scheme 11 every symbol of a slot is equally likely, whatever the key")
    func evenSymbols() {
        let cable = LongCable.cable
        for key in [TestKeys.key, TestKeys.other] {
            let fingerprint = CableFingerprint(cable: cable, key: key, scheme: .v11)
            #expect(fingerprint.symbolProbabilities.allSatisfy { $0 == Array(repeating: 1 / Double($0.count), count: $0.count) })
        }
        let drawn = CableFingerprint(cable: cable, key: TestKeys.key, scheme: .v10)
        #expect(drawn.symbolProbabilities.contains { Set($0).count > 1 })
    }
}
