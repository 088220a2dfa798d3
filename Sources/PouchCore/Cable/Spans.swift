import Foundation

/// A marked span of a cable's text: SUMMARY … END SUMMARY, COMMENT … END COMMENT.
public struct TextSpan: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case summary, comment, note
    }

    public var kind: Kind
    /// Index into `Cable.paragraphs` where the span starts and ends (inclusive).
    public var firstParagraph: Int
    public var lastParagraph: Int
    /// The span's text, without its opening and closing words.
    public var text: String
}

extension Cable {
    /// The SUMMARY, COMMENT and NOTE spans of the text, found by their opening word
    /// (`SUMMARY:`, `Summary.`, `BEGIN COMMENT`) and closing phrase (`END SUMMARY`).
    public var spans: [TextSpan] {
        var result: [TextSpan] = []
        let kinds: [(TextSpan.Kind, String)] = [(.summary, "SUMMARY"), (.comment, "COMMENT"), (.note, "NOTE")]
        // Each paragraph upper-cased once, as UTF-8 bytes (nil when upper-casing changes its length,
        // so byte offsets would not carry over): the searches run for every kind over every paragraph,
        // and on bytes they cost a scan, not a Unicode-aware search.
        let uppers: [[UInt8]?] = paragraphs.map { paragraph in
            let upper = Array(paragraph.text.uppercased().utf8)
            return upper.count == paragraph.text.utf8.count ? upper : nil
        }
        for (kind, word) in kinds {
            let wordBytes = Array(word.utf8)
            // Most cables never name the word at all.
            guard uppers.contains(where: { $0.map { Self.find(wordBytes, in: $0, from: 0) != nil } ?? false }) else { continue }
            var searchFrom = 0
            while searchFrom < paragraphs.count {
                guard let (startIndex, startOffset) = findOpening(word, from: searchFrom, uppers: uppers) else { break }
                guard let (endIndex, endOffset) = findClosing(word, from: startIndex, offset: startOffset, uppers: uppers) else { break }
                var pieces: [Substring] = []
                for index in startIndex...endIndex {
                    let text = paragraphs[index].text
                    let from = index == startIndex ? startOffset : 0
                    let to = index == endIndex ? (index == startIndex ? max(endOffset, startOffset) : endOffset) : text.utf8.count
                    pieces.append(text[text.utf8.index(text.startIndex, offsetBy: from)..<text.utf8.index(text.startIndex, offsetBy: to)])
                }
                let text = pieces.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
                result.append(TextSpan(kind: kind, firstParagraph: startIndex, lastParagraph: endIndex, text: text))
                searchFrom = endIndex + 1
            }
        }
        return result.sorted { ($0.firstParagraph, $0.kind.rawValue) < ($1.firstParagraph, $1.kind.rawValue) }
    }

    /// Where the opening word of a span ends (a UTF-8 offset): `SUMMARY:` at the start of a
    /// paragraph's text or of a sentence, or `BEGIN COMMENT` anywhere.
    private func findOpening(_ word: String, from start: Int, uppers: [[UInt8]?]) -> (Int, Int)? {
        let openers = ["BEGIN \(word)", "\(word):", "\(word).", "\(word) -"].map { Array($0.utf8) }
        for index in start..<paragraphs.count {
            guard let upper = uppers[index] else { continue }
            for opener in openers {
                // Only the first occurrence of each opener is considered.
                guard let position = Self.find(opener, in: upper, from: 0) else { continue }
                let before = upper[..<position]
                var trimmedEnd = before.endIndex
                while trimmedEnd > before.startIndex, Self.isSpace(before[trimmedEnd - 1]) { trimmedEnd -= 1 }
                let trimmed = before[..<trimmedEnd]
                let atStart =
                    trimmed.isEmpty || before.last == UInt8(ascii: "(") || opener.starts(with: Array("BEGIN".utf8))
                    || trimmed.last.map { Array(".!?:\")".utf8).contains($0) } == true
                    || trimmed.suffix(3).elementsEqual(Array("”".utf8)) || trimmed.suffix(2).elementsEqual(Array("--".utf8))
                guard atStart, !before.suffix(4).elementsEqual(Array("END ".utf8)) else { continue }
                return (index, position + opener.count)
            }
        }
        return nil
    }

    /// Where the closing phrase (`END SUMMARY`) starts, searching at most 40 paragraphs on.
    private func findClosing(_ word: String, from start: Int, offset: Int, uppers: [[UInt8]?]) -> (Int, Int)? {
        let closer = Array("END \(word)".utf8)
        for index in start..<min(paragraphs.count, start + 40) {
            guard let upper = uppers[index] else { continue }
            if let position = Self.find(closer, in: upper, from: index == start ? offset : 0) {
                return (index, position)
            }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The first position of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count - from >= needle.count else { return nil }
        var position = from
        let last = haystack.count - needle.count
        while position <= last {
            if haystack[position] == first {
                var matched = 1
                while matched < needle.count, haystack[position + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return position }
            }
            position += 1
        }
        return nil
    }
}
