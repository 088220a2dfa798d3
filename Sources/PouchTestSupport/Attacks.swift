import Foundation
import PouchCore
import PouchFingerprint

/// What a leaker or publisher does to a copy before it appears in public.
public enum Attack {
    /// Retyping: NFKC, no zero-width characters, look-alikes folded, quotes and dashes
    /// normalised, whitespace re-flowed (paragraphs joined and re-wrapped at a random width).
    public static func retype(_ text: String, using random: inout some RandomNumberGenerator) -> String {
        let normalized = TraceText.normalize(text)
        let width = Int.random(in: 50...90, using: &random)
        var paragraphs: [String] = []
        for block in normalized.components(separatedBy: "\n\n") {
            let words = block.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard !words.isEmpty else { continue }
            var lines: [String] = []
            var line = ""
            for word in words {
                if !line.isEmpty, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(line) }
            paragraphs.append(lines.joined(separator: "\n"))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// What a publisher did to a leaked cable: retyped; header, signature and marking lines
    /// removed; every numeral removed; and every word the spell checker does not know replaced
    /// by its best suggestion.
    public static func intercept(_ copyText: String, spellChecker: any SpellChecker, using random: inout some RandomNumberGenerator) throws -> String
    {
        // Keep only the body text: a publisher strips the routing block, banner and markings.
        let body: String
        if let document = try? CableParser().parse(text: copyText) {
            body = document.cable.paragraphs.map(\.text).joined(separator: "\n\n")
        } else {
            body = copyText
        }
        var text = retype(body, using: &random)
        // Inline portion marks and every numeral go.
        text = text.replacingOccurrences(of: #"\((U|SBU|C|S|TS|S/NF|C/NF|S//NF|C//NF|U/FOUO|SBU/NF)\)"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[0-9]+"#, with: "", options: .regularExpression)
        // Spell-correct every unknown word.
        let words = Set(text.split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init).filter { !$0.isEmpty })
        let corrections = try spellChecker.corrections(for: Array(words))
        guard !corrections.isEmpty else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var word = ""
        func flush() {
            if !word.isEmpty { out += corrections[word] ?? word }
            word = ""
        }
        for character in text {
            if character.isLetter || character == "'" {
                word.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// The paragraphs of a leak in another order, as a story quoting them might set them.
    public static func reorder(_ text: String, using random: inout some RandomNumberGenerator) -> String {
        text.components(separatedBy: "\n\n").shuffled(using: &random).joined(separator: "\n\n")
    }

    /// `count` consecutive words from a random sentence start.
    public static func excerpt(_ text: String, words count: Int, using random: inout some RandomNumberGenerator) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard words.count > count else { return words.joined(separator: " ") }
        var starts = [0]
        for index in 1..<words.count where words[index - 1].hasSuffix(".") && index + count <= words.count { starts.append(index) }
        let candidates = starts.filter { $0 + count <= words.count }
        let start = candidates.isEmpty ? 0 : candidates[Int.random(in: 0..<candidates.count, using: &random)]
        return words[start..<(start + count)].joined(separator: " ")
    }

    /// Several copies merged word by word: where they differ, each differing stretch is taken
    /// from a copy picked at random.
    public static func collude(_ copies: [String], using random: inout some RandomNumberGenerator) -> String {
        guard var merged = copies.first.map(tokens) else { return "" }
        for other in copies.dropFirst().map(tokens) {
            merged = mergeTwo(merged, other, using: &random)
        }
        return merged.joined()
    }

    /// Words and the whitespace after them, so joining gives the text back.
    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            let space = character == " " || character == "\n"
            if !space && inSpace {
                result.append(current)
                current = ""
            }
            inSpace = space
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Longest-common-subsequence merge of two token lists; each differing hunk from a random side.
    private static func mergeTwo(_ a: [String], _ b: [String], using random: inout some RandomNumberGenerator) -> [String] {
        let n = a.count
        let m = b.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] =
                    a[i] == b[j]
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var result: [String] = []
        var i = 0
        var j = 0
        var hunkA: [String] = []
        var hunkB: [String] = []
        func flush() {
            if !hunkA.isEmpty || !hunkB.isEmpty {
                result += Bool.random(using: &random) ? hunkA : hunkB
            }
            hunkA = []
            hunkB = []
        }
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                result.append(a[i])
                i += 1
                j += 1
            } else if j >= m || (i < n && table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
                hunkA.append(a[i])
                i += 1
            } else {
                hunkB.append(b[j])
                j += 1
            }
        }
        flush()
        return result
    }

    /// The choices a copy editor's house style settles one way throughout: commas, hyphens and
    /// compound spellings, the optional "that", and spelling variants.
    public static let houseStyleRules: Set<String> = [
        "serial-comma", "introductory-comma", "clause-comma", "sentence-adverb-comma", "hyphenated-compound", "prefix-hyphen",
        "compound-spelling", "that-complementizer", "toward-towards", "dialogue-dialog", "percent", "e-g-i-e",
    ]

    /// A publisher copy-edits the leak to its house style: every slot of `rules` (a house style
    /// knows nothing of the catalogue, but settles these choices one way) is written in one fixed
    /// wording; everything else is left as the copy had it.
    public static func restyle(_ copy: Cable, rules: Set<String> = houseStyleRules) -> Cable {
        CableFingerprint.canonicalize(copy, catalogue: RuleCatalogue.publicCatalogue.restricted(to: rules))
    }

    /// An adversary who knows the public catalogue rewrites every slot it recognises to one
    /// fixed wording; only a deployment's private rules survive.
    public static func canon(_ copy: Cable, publicCatalogue: RuleCatalogue = .publicCatalogue) -> Cable {
        CableFingerprint.canonicalize(copy, catalogue: publicCatalogue)
    }
}
