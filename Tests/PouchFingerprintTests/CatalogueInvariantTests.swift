import Foundation
import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Every catalogue rule keeps the invariants, on every real cable")
struct CatalogueInvariantTests {
    /// Rules that rearrange words (phrase synonyms only ever swap fixed common words).
    static let structural: Set<String> = [
        "that-complementizer", "told-that", "told-informed", "also-auxiliary", "serial-comma", "introductory-comma",
        "clause-comma", "hyphenated-compound", "met-with", "country-pair-order",
    ]
    static let negations: Set<String> = ["not", "no", "never", "nor", "neither", "without", "cannot", "n't"]
    static let modals: Set<String> = ["may", "might", "will", "would", "shall", "should", "can", "could", "must", "cannot"]

    /// The facts of a text that no slot may change: numbers, quoted speech, negations, modals.
    static func facts(_ text: String) -> [String: Int] {
        let tokens = TextTokens(text)
        var counts: [String: Int] = [:]
        for token in tokens.tokens where token.isWord {
            if token.hasDigit { counts["number:" + token.lower, default: 0] += 1 }
            if token.quoted { counts["quoted:" + token.lower, default: 0] += 1 }
            if negations.contains(token.lower) || token.lower.hasSuffix("n't") { counts["negation:" + token.lower, default: 0] += 1 }
            if modals.contains(token.lower) { counts["modal:" + token.lower, default: 0] += 1 }
        }
        return counts
    }

    @Test("no slot changes a number, quoted speech, a negation or a modal; names survive")
    func invariants() {
        #expect(RealSlots.cables.count == 300)
        var checked = 0
        for (cable, slots) in RealSlots.found {
            for slot in slots {
                let text = cable.paragraphs[slot.paragraph].text
                let utf8 = Array(text.utf8)
                let span = String(decoding: utf8[slot.start..<slot.end], as: UTF8.self)
                // Quoted speech: the span never lies inside quotes (so no alternative can change it).
                let tokens = TextTokens(text)
                #expect(!tokens.tokens.contains { $0.quoted && $0.start < slot.end && $0.end > slot.start }, "\(slot.rule): \(span)")
                let before = Self.facts(span)
                let namesBefore = Self.capitalized(span)
                // What copies write: the symbols' wordings.
                for alternative in slot.symbols.map({ slot.alternatives[$0] }) {
                    #expect(Self.facts(alternative) == before, "\(slot.rule): \(span) → \(alternative)")
                    if slot.rule == "genitive" {
                        // The country moves, but stays.
                        let country = span.split(whereSeparator: { !$0.isLetter }).first { Gazetteer.countries.contains($0.lowercased()) }
                        #expect(country.map { alternative.contains($0) } == true, "\(alternative)")
                    } else if Self.structural.contains(slot.rule), !tokens.allCaps {
                        #expect(Self.capitalized(alternative) == namesBefore, "\(slot.rule): \(span) → \(alternative)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }

    /// Capitalised words in a span (names, or a sentence's first word that the rule keeps).
    static func capitalized(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in TextTokens(text).tokens where token.isWord && token.text.first?.isUppercase == true {
            counts[String(token.text), default: 0] += 1
        }
        return counts
    }

    @Test("alternatives keep the case of their text")
    func casing() {
        for (cable, slots) in RealSlots.found {
            for slot in slots where TextTokens(cable.paragraphs[slot.paragraph].text).allCaps {
                // What copies write: the symbols' wordings.
                for alternative in slot.symbols.map({ slot.alternatives[$0] }) {
                    #expect(alternative == alternative.uppercased(), "\(slot.rule): \(alternative)")
                }
            }
        }
    }

    @Test("every word a copy's wording brings in is in the en_US dictionary")
    func dictionaryWords() throws {
        let hunspell = try Hunspell()
        var introduced: Set<String> = []
        for (cable, slots) in RealSlots.found {
            for slot in slots {
                let original = Set(TraceText.tokens(of: slot.alternatives[slot.original]))
                // What copies write: the symbols' wordings.
                for alternative in slot.symbols.map({ slot.alternatives[$0] }) {
                    let words = String(alternative).split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "-") }).map(String.init)
                    // Words copied from the cable itself (names in an expansion) are the author's, not ours.
                    let body = cable.bodyText.lowercased()
                    for word in words where !original.contains(word.lowercased()) && !body.contains(word.lowercased()) {
                        introduced.insert(word)
                    }
                }
            }
        }
        #expect(!introduced.isEmpty)
        let misspelled = try hunspell.corrections(for: Array(introduced))
        #expect(misspelled.isEmpty, "\(misspelled.keys.sorted())")
    }

    @Test("a missing dictionary is named with the Debian package that brings it")
    func missingDictionary() {
        #expect {
            try Hunspell(dictionary: "xx_YY")
        } throws: { error in
            "\(error)".contains("no xx_YY dictionary") && "\(error)".contains("hunspell-xx-yy")
        }
    }

    @Test("every spelling of every listed prefixed word and compound is in the en_US dictionary")
    func prefixHyphenWords() throws {
        let hunspell = try Hunspell()
        let words =
            PrefixHyphenRule.hyphenated.flatMap { [$0, $0.replacingOccurrences(of: "-", with: "")] }
            + CompoundSpellingRule.groups.joined().flatMap { $0.split(separator: " ").map(String.init) }
        #expect(words.count > 200)
        let misspelled = try hunspell.corrections(for: words)
        #expect(misspelled.isEmpty, "\(misspelled.keys.sorted())")
    }

    @Test("the public catalogue finds slots in every long cable")
    func coverage() {
        for (cable, slots) in RealSlots.found where cable.wordCount >= 600 {
            #expect(!slots.isEmpty, "\(cable.referenceID?.description ?? "?")")
        }
    }

    @Test("normalising copies leaves almost nothing that tells them apart, on every real cable")
    func canonicalFormIsAlmostTheSameForEveryCopy() {
        // What trace compares: normalised tokens. Count the tokens where two normalised copies differ.
        var differing = 0
        var total = 0
        var slots = 0
        for cable in RealSlots.cables.prefix(120) {
            let fingerprint = CableFingerprint(cable: cable, key: TestKeys.key)
            guard !fingerprint.slots.isEmpty else { continue }
            slots += fingerprint.slots.count
            func normalized(_ recipient: String) -> [String] {
                TraceText.tokens(of: CableRenderer().render(CableFingerprint.canonicalize(fingerprint.copy(for: recipient))))
            }
            let reference = normalized("R0")
            let other = normalized("R1")
            total += reference.count
            let difference = other.difference(from: reference)
            differing += difference.insertions.count
        }
        // Residual differences come from rules that hide each other in some copies and not in
        // others; they are evidence about the real leaker only (never about an innocent).
        #expect(Double(differing) <= 0.1 * Double(slots), "\(differing) differing tokens for \(slots) slots in \(total) tokens")
    }

    @Test("no scheme-7 copy of a corpus cable puts a or an before a wording said otherwise")
    func corpusArticles() {
        #expect(RealSlots.cables.count > 250)
        var checked = 0
        for cable in RealSlots.cables {
            for slot in SlotFinder(catalogue: .publicCatalogue, scheme: .v7).slots(in: cable) {
                guard let article = SchemeTests.article(before: slot, in: cable) else { continue }
                let original = SlotFinder.firstWord(slot.alternatives[slot.original])
                for wording in slot.symbols.map({ slot.alternatives[$0] }) where SlotFinder.firstWord(wording) != original {
                    #expect(
                        ArticleSound.articles(wording, abbreviations: []).contains(article),
                        "\(cable.referenceID.map { "\($0)" } ?? "?"): \(article) \(wording)")
                }
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
