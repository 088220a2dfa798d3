import PouchCore

/// A paragraph's text split into words and punctuation, each with its place in the text, for
/// finding the slots where wording can vary.
struct TextTokens {
    struct Token {
        /// UTF-8 offsets in the paragraph text.
        var start: Int
        var end: Int
        var text: Substring
        /// Lower-cased, for matching.
        var lower: String
        var isWord: Bool
        /// Inside quoted speech.
        var quoted: Bool
        /// Whether the text has a digit.
        var hasDigit: Bool
    }

    let text: String
    let tokens: [Token]
    /// Whether the paragraph is written in capitals throughout.
    let allCaps: Bool

    init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var index = text.startIndex
        var offset = 0
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while index < text.endIndex {
            let character = text[index]
            let width = character.utf8.count
            if character.isWhitespace {
                index = text.index(after: index)
                offset += width
                continue
            }
            if isWordCharacter(character) {
                // A word: letters and digits, with inner apostrophes, hyphens and abbreviation periods.
                let start = index
                let startOffset = offset
                var end = index
                var endOffset = offset
                var cursor = index
                var cursorOffset = offset
                var hasDigit = false
                while cursor < text.endIndex {
                    let c = text[cursor]
                    if isWordCharacter(c) {
                        if c.isNumber { hasDigit = true }
                        cursorOffset += c.utf8.count
                        cursor = text.index(after: cursor)
                        end = cursor
                        endOffset = cursorOffset
                    } else if c == "'" || c == "\u{2019}" || c == "-" || c == "." {
                        let next = text.index(after: cursor)
                        guard next < text.endIndex, isWordCharacter(text[next]) else { break }
                        cursorOffset += c.utf8.count
                        cursor = next
                    } else {
                        break
                    }
                }
                let word = text[start..<end]
                tokens.append(
                    Token(start: startOffset, end: endOffset, text: word, lower: word.lowercased(), isWord: true, quoted: false, hasDigit: hasDigit))
                index = end
                offset = endOffset
                continue
            }
            // Punctuation: one character.
            tokens.append(
                Token(
                    start: offset, end: offset + width, text: text[index..<text.index(after: index)], lower: String(character),
                    isWord: false, quoted: false, hasDigit: false))
            index = text.index(after: index)
            offset += width
        }
        self.tokens = Self.markQuotes(tokens)
        var letters = 0
        var upper = 0
        for character in text where character.isLetter {
            letters += 1
            if character.isUppercase { upper += 1 }
        }
        allCaps = letters >= 8 && upper * 10 >= letters * 9
    }

    /// Quoted speech: text between curly quotes, or between a pair of straight quotes.
    private static func markQuotes(_ input: [Token]) -> [Token] {
        var tokens = input
        for i in tokens.indices { tokens[i].quoted = false }
        var openCurly: Int?
        var openStraight: Int?
        for i in tokens.indices {
            switch tokens[i].text {
            case "\u{201C}":
                openCurly = i
            case "\u{201D}":
                let start = openCurly ?? i
                for j in start...i { tokens[j].quoted = true }
                openCurly = nil
            case "\"":
                if let start = openStraight {
                    for j in start...i { tokens[j].quoted = true }
                    openStraight = nil
                } else {
                    openStraight = i
                }
            default:
                break
            }
        }
        // An opening quote never closed runs to the end of the paragraph.
        if let start = openCurly ?? openStraight {
            for j in start..<tokens.count { tokens[j].quoted = true }
        }
        return tokens
    }

    /// The substring between two token indices (inclusive).
    func span(_ first: Int, _ last: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: tokens[first].start)
        let end = utf8.index(utf8.startIndex, offsetBy: tokens[last].end)
        return text[start..<end]
    }

    /// Whether a space separates token `index` from the next one ("Brazil,s" in old telegrams has none).
    func spaceAfter(_ index: Int) -> Bool {
        index + 1 >= tokens.count || tokens[index + 1].start > tokens[index].end
    }

    /// The index of a phrase's last token when its words (lower case) follow one another, unquoted, at `start`.
    func endOfPhrase(_ phrase: [String], at start: Int) -> Int? {
        var position = start
        for (offset, word) in phrase.enumerated() {
            guard position < tokens.count, tokens[position].isWord, tokens[position].lower == word, !tokens[position].quoted else { return nil }
            if offset < phrase.count - 1 { position += 1 }
        }
        return position
    }

    /// The next word token after `index`, if only spaces lie between (no punctuation).
    func nextWord(after index: Int) -> Int? {
        let next = index + 1
        guard next < tokens.count, tokens[next].isWord else { return nil }
        return next
    }

    /// The previous word token before `index`, if only spaces lie between.
    func previousWord(before index: Int) -> Int? {
        let previous = index - 1
        guard previous >= 0, tokens[previous].isWord else { return nil }
        return previous
    }

    /// Whether the token starts a sentence: first in the paragraph, or after `.`, `?`, `!`, `:` or a dash.
    func startsSentence(_ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0, ["\"", "\u{201C}", "(", "\u{2018}"].contains(String(tokens[previous].text)) { previous -= 1 }
        guard previous >= 0 else { return true }
        return [".", "?", "!", ":", ";", "\u{2014}", "-"].contains(String(tokens[previous].text)) || tokens[previous].text == "--"
    }
}
