import PouchCore

/// A piece of a snippet: plain text or a matched word.
public struct SnippetFragment: Sendable, Hashable, Codable {
    public var text: String
    public var match: Bool

    public init(text: String, match: Bool) {
        self.text = text
        self.match = match
    }
}

/// Builds a snippet from decrypted text in memory: the window of about `width` terms with the
/// most matched terms, the matches marked.
public enum SnippetMaker {
    public static func snippet(of text: String, highlighting expression: SearchExpression?, width: Int = 28) -> [SnippetFragment] {
        let utf8 = Array(text.utf8)
        let (stems, prefixes) = expression?.highlightTerms ?? ([], [])
        // Stemming every word of a long cable is the cost; a stem keeps its word's first two letters,
        // so only words starting like a searched stem are stemmed.
        let openings = Set(stems.map { String($0.prefix(2)) })
        var terms: [Range<Int>] = []
        var matched: [Bool] = []
        // Read on until a window past the first match: long cables need not be scanned to the end.
        var firstMatch: Int?
        SearchAnalyzer.scanWords(in: text) { word, range in
            terms.append(range)
            let hit =
                prefixes.contains { word.hasPrefix($0) }
                || (openings.contains(String(word.prefix(2))) && stems.contains(SearchAnalyzer.stemmed(word)))
            matched.append(hit)
            if hit && firstMatch == nil { firstMatch = terms.count - 1 }
            return firstMatch.map { terms.count < $0 + 2 * width } ?? (terms.count < 4 * width || !stems.isEmpty || !prefixes.isEmpty)
        }
        guard !terms.isEmpty else { return [] }
        // The best window: most matches, earliest on ties.
        var best = 0
        var bestCount = -1
        var count = 0
        for index in terms.indices {
            if matched[index] { count += 1 }
            if index >= width, matched[index - width] { count -= 1 }
            let start = max(0, index - width + 1)
            if count > bestCount {
                bestCount = count
                best = start
            }
        }
        let end = min(terms.count, best + width)
        let from = best == 0 ? 0 : terms[best].lowerBound
        let to = end == terms.count ? utf8.count : terms[end - 1].upperBound
        var fragments: [SnippetFragment] = []
        var cursor = from
        func plain(_ upTo: Int) {
            guard upTo > cursor else { return }
            fragments.append(SnippetFragment(text: Self.oneLine(String(decoding: utf8[cursor..<upTo], as: UTF8.self)), match: false))
        }
        for index in best..<end where matched[index] {
            plain(terms[index].lowerBound)
            fragments.append(SnippetFragment(text: String(decoding: utf8[terms[index]], as: UTF8.self), match: true))
            cursor = terms[index].upperBound
        }
        plain(to)
        if best > 0 { fragments.insert(SnippetFragment(text: "… ", match: false), at: 0) }
        if end < terms.count { fragments.append(SnippetFragment(text: " …", match: false)) }
        return fragments
    }

    /// The text on one line: each run of line breaks is one space, at the ends too, so the words
    /// either side of a break (a subject and the next line) stay apart.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var inBreak = false
        for character in text {
            if character.isNewline {
                if !inBreak { result.append(" ") }
                inBreak = true
            } else {
                result.append(character)
                inBreak = false
            }
        }
        return result
    }
}
