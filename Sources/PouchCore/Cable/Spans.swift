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
        for (kind, word) in kinds {
            var searchFrom = 0
            while searchFrom < paragraphs.count {
                guard let (startIndex, startOffset) = findOpening(word, from: searchFrom) else { break }
                guard let (endIndex, endOffset) = findClosing(word, from: startIndex, offset: startOffset) else { break }
                var pieces: [Substring] = []
                for index in startIndex...endIndex {
                    let upper = paragraphs[index].text
                    let lower = upper.startIndex
                    var slice = upper[lower...]
                    if index == startIndex { slice = upper[startOffset...] }
                    if index == endIndex {
                        let endLimit = index == startIndex ? max(endOffset, startOffset) : endOffset
                        slice = slice[slice.startIndex..<endLimit]
                    }
                    pieces.append(slice)
                }
                let text = pieces.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
                result.append(TextSpan(kind: kind, firstParagraph: startIndex, lastParagraph: endIndex, text: text))
                searchFrom = endIndex + 1
            }
        }
        return result.sorted { ($0.firstParagraph, $0.kind.rawValue) < ($1.firstParagraph, $1.kind.rawValue) }
    }

    /// Where the opening word of a span ends: `SUMMARY:` at the start of a paragraph's text,
    /// or `BEGIN COMMENT`/`COMMENT:` anywhere.
    private func findOpening(_ word: String, from start: Int) -> (Int, String.Index)? {
        for index in start..<paragraphs.count {
            let text = paragraphs[index].text
            let upper = text.uppercased()
            guard upper.count == text.count else { continue }
            for opener in ["BEGIN \(word)", "\(word):", "\(word).", "\(word) -"] {
                if let range = upper.range(of: opener) {
                    let before = upper[upper.startIndex..<range.lowerBound]
                    let trimmedBefore = before.trimmingWhitespace()
                    // The opening word starts the paragraph or a sentence: "… agreed. COMMENT: …".
                    let atStart = trimmedBefore.isEmpty || before.hasSuffix("(") || opener.hasPrefix("BEGIN")
                        || trimmedBefore.last.map { ".!?:\")”".contains($0) } == true || trimmedBefore.hasSuffix("--")
                    guard atStart, !before.hasSuffix("END ") else { continue }
                    let offset = text.index(text.startIndex, offsetBy: upper.distance(from: upper.startIndex, to: range.upperBound))
                    return (index, offset)
                }
            }
        }
        return nil
    }

    private func findClosing(_ word: String, from start: Int, offset: String.Index) -> (Int, String.Index)? {
        for index in start..<min(paragraphs.count, start + 40) {
            let text = paragraphs[index].text
            let upper = text.uppercased()
            guard upper.count == text.count else { continue }
            let searchStart = index == start ? upper.index(upper.startIndex, offsetBy: text.distance(from: text.startIndex, to: offset)) : upper.startIndex
            if let range = upper.range(of: "END \(word)", range: searchStart..<upper.endIndex) {
                let offset = text.index(text.startIndex, offsetBy: upper.distance(from: upper.startIndex, to: range.lowerBound))
                return (index, offset)
            }
        }
        return nil
    }
}
