import Foundation

/// Turns text into search terms, the same way for cables and for queries: words and numbers,
/// case and accents folded, common function words dropped, words stemmed (Porter), so
/// `negotiations`, `Negotiated` and `NEGOTIATING` are one term.
///
/// Positions count the terms kept, so a phrase matches across a dropped function word
/// (`"minister of defense"` finds "MINISTER OF DEFENSE" and "minister for defense" alike).
public enum SearchAnalyzer {
    /// One term of a text: its stem, and the word it came from (for prefix search and highlighting).
    public struct Term: Sendable, Hashable {
        public var stem: String
        public var word: String
        /// The word's UTF-8 range in the analysed text.
        public var range: Range<Int>
    }

    /// Function words too frequent to search for; they are not indexed.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "her",
        "his", "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "that", "the", "their", "them", "there",
        "these", "they", "this", "those", "to", "was", "we", "were", "which", "who", "will", "with", "would", "you",
    ]

    /// The terms of a text.
    public static func terms(_ text: String) -> [Term] {
        var stems: [String: String] = [:]
        return terms(text, stems: &stems)
    }

    /// The terms of a text, with a word → stem cache kept across calls (words recur; stemming is the cost).
    public static func terms(_ text: String, stems cache: inout [String: String]) -> [Term] {
        var result: [Term] = []
        forEachWord(in: text) { word, range in
            let stem: String
            if let known = cache[word] {
                stem = known
            } else {
                stem = stemmed(word)
                cache[word] = stem
            }
            result.append(Term(stem: stem, word: word, range: range))
        }
        return result
    }

    /// Calls `body` with every word the index keeps (folded, not a function word) and its UTF-8 range.
    public static func forEachWord(in text: String, _ body: (String, Range<Int>) -> Void) {
        scanWords(in: text) { word, range in
            body(word, range)
            return true
        }
    }

    /// The same, stopping as soon as `body` returns false.
    public static func scanWords(in text: String, _ body: (String, Range<Int>) -> Bool) {
        scanWords(in: text, keepingStopWords: false, body)
    }

    /// Every folded word, function words included when `keepingStopWords` (for callers that
    /// look each word up in a table of their own anyway and can mark function words there).
    public static func scanWords(in text: String, keepingStopWords: Bool, _ body: (String, Range<Int>) -> Bool) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            var going = true
            while going && index < utf8.count {
                guard isWordByte(utf8[index]) else {
                    index += 1
                    continue
                }
                let start = index
                var ascii = true
                var apostrophes = false
                while index < utf8.count {
                    let byte = utf8[index]
                    if isWordByte(byte) {
                        if byte >= 0x80 { ascii = false }
                    } else if byte == 0x27, index + 1 < utf8.count, isWordByte(utf8[index + 1]) {
                        apostrophes = true
                    } else {
                        break
                    }
                    index += 1
                }
                let raw = UnsafeBufferPointer(rebasing: utf8[start..<index])
                if ascii {
                    let word = String(unsafeUninitializedCapacity: raw.count) { buffer in
                        var count = 0
                        for byte in raw where !(apostrophes && byte == 0x27) {
                            buffer[count] = lowercase(byte)
                            count += 1
                        }
                        return count
                    }
                    if keepingStopWords || !stopWords.contains(word) { going = body(word, start..<index) }
                } else {
                    for (word, range) in nonASCIIWords(Array(raw), offset: start, keepingStopWords: keepingStopWords) where going {
                        going = body(word, range)
                    }
                }
            }
        }
    }

    /// A run with non-ASCII bytes: split on anything that is not a letter, a digit or an
    /// apostrophe between letters (dashes, curly quotes, non-breaking spaces), then fold.
    static func nonASCIIWords(_ raw: [UInt8], offset: Int, keepingStopWords: Bool = false) -> [(String, Range<Int>)] {
        let text = String(decoding: raw, as: UTF8.self)
        var result: [(String, Range<Int>)] = []
        var wordStart: String.Index?
        var previous: Character?
        func flush(_ end: String.Index) {
            guard let begin = wordStart else { return }
            let word = folded(String(text[begin..<end]))
            let lower = offset + text.utf8.distance(from: text.startIndex, to: begin)
            let upper = offset + text.utf8.distance(from: text.startIndex, to: end)
            if !word.isEmpty, keepingStopWords || !stopWords.contains(word) { result.append((word, lower..<upper)) }
            wordStart = nil
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let joinsWord =
                (character == "'" || character == "\u{2019}") && previous.map { $0.isLetter || $0.isNumber } == true
                && next < text.endIndex && (text[next].isLetter || text[next].isNumber)
            if character.isLetter || character.isNumber || joinsWord {
                if wordStart == nil { wordStart = index }
            } else {
                flush(index)
            }
            previous = character
            index = next
        }
        flush(text.endIndex)
        return result
    }

    /// The term a single query word stands for (nil for a function word).
    public static func term(_ word: String) -> String? {
        terms(word).first?.stem
    }

    /// A word folded the way the index folds it (for prefixes): lower case, no accents, no apostrophes.
    public static func folded(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .filter { $0.isLetter || $0.isNumber }
    }

    /// The stem of a folded word (words with digits or other scripts are their own stem).
    public static func stemmed(_ word: String) -> String {
        word.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } ? PorterStemmer.stem(word) : word
    }

    /// Letters, digits and any non-ASCII byte (accented letters); apostrophes inside words join them.
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 0x80
    }

    @inline(__always) static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
