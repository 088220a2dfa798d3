import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("What every slot keeps: protected spans, a word between slots, case, addresses, symbols")
struct SlotFinderTests {
    @Test("nothing inside quoted speech, numbers or negations changes")
    func protectedSpans() {
        #expect(slots("He said, \u{201C}We said that the deal is dead, regarding the talks.\u{201D}").isEmpty)
        #expect(slots("He quoted \"the minister said that the deal is dead\" today.").isEmpty)
        #expect(alternatives("Trade, energy, 5 and security were discussed.", rule: "serial-comma").isEmpty)
    }

    @Test("slots keep an unchanging word between them")
    func separation() {
        let cable = Cable(paragraphs: [Paragraph(text: "He said that the U.S. would also help, and they noted that the U.S. agreed.")])
        let found = SlotFinder(catalogue: .publicCatalogue).slots(in: cable)
        for (a, b) in zip(found, found.dropFirst()) {
            let between = cable.paragraphs[0].text.utf8.dropFirst(a.end).prefix(b.start - a.end)
            #expect(String(decoding: between, as: UTF8.self).contains { $0.isLetter }, "\(a.rule) then \(b.rule)")
        }
    }

    @Test("an alternative keeps the original's own small letter after a dash")
    func caseAfterDash() {
        #expect(
            alternatives("Social policy -- for example, affirmative action -- divides them.", rule: "for-example") == [
                ["for example", "for instance"]
            ])
        #expect(
            alternatives("Social policy -- for example, affirmative action -- divides them.", rule: "for-example", scheme: .v2) == [
                ["for example", "For instance"]
            ])
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

    @Test("nothing inside a web or mail address is varied")
    func addresses() {
        #expect(alternatives("See www.icc-ccs.org for the report.", rule: "hyphenated-compound").isEmpty)
        #expect(alternatives("See www icc-ccs org for the report.", rule: "hyphenated-compound").isEmpty)
        #expect(alternatives("It was a long-term effort.", rule: "hyphenated-compound").count == 1)
        // "U.S. government" is no address, and "COM" is a Chief of Mission.
        #expect(alternatives("The U.S. government agreed.", rule: "known-abbreviation").count == 1)
    }

    @Test("scheme 12's rules stand up to any order of their own trigger words, even at a text's very end")
    func triggerSoup() {
        let words = [
            "However", "however", ",", ".", ";", "he", "the", "minister", "said", "stated", "Moratinos", "before", "election",
            "end", "of", "will", "likely", "probably", "First", "buy", "bought", "time", "during", "particularly", "in",
            "and", "\"", "xxxxx", "whole", "to", "PM", "A/S", "www", "icc-ccs", "org", "his", "hope", "that",
        ]
        var random = SplitMix(seed: 12)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...9, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            for slot in slots(text) {
                #expect(slot.alternatives.count >= 2 && slot.alternatives.allSatisfy { !$0.isEmpty }, "\(text)")
            }
        }
        #expect(slots("It rained. However, he").allSatisfy { $0.rule != "however-placement" })
    }
}
