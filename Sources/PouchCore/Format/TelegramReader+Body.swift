import Foundation

/// The body: page breaks, wrapped lines, numbered and marked paragraphs, the signature.
extension TelegramReader {
    // MARK: Body

    mutating func readBody(from start: Int) {
        var body = Array(lines[start...])
        if form == .telegram { body = Self.removePageBreaks(body) }
        // Trailing footer lines: end-of-message marks, a repeated classification banner.
        while let last = body.last, last.isBlank || Self.isFooter(last.text) { body.removeLast() }
        if let signatureIndex = findSignature(body) {
            cable.signature = body[signatureIndex].text.collapsingWhitespace()
            body.removeSubrange(signatureIndex...)
            while let last = body.last, last.isBlank { body.removeLast() }
        }
        let logical = form == .canonical ? Self.canonicalLines(body) : Self.joinWrappedLines(body)
        buildParagraphs(logical)
    }

    static func isFooter(_ text: Substring) -> Bool {
        if text == "NNNN" || text == "BT" || text.hasPrefix("#") && text.count < 12 { return true }
        let compact = text.uppercased().filter { $0.isLetter }
        return ["UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOPSECRET", "SECRETNOFORN", "CONFIDENTIALNOFORN"].contains(compact)
            && text.count <= 40
    }

    /// The drafter's name on the last line: `PATTERSON`, `Beyrle`, `RICE`.
    func findSignature(_ body: [SourceLine]) -> Int? {
        guard let lastIndex = body.lastIndex(where: { !$0.isBlank }) else { return nil }
        let text = body[lastIndex].text
        let words = text.split(separator: " ")
        guard (1...3).contains(words.count), text.count <= 40,
            text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." }),
            let first = text.first, first.isUppercase
        else { return nil }
        let upper = text.uppercased()
        guard !upper.hasPrefix("END "), upper != "SIPDIS", !upper.hasSuffix(".") || words.count == 1 && text.isAllCaps else { return nil }
        // Mixed case only for a single capitalised word (a name), never a heading.
        guard text.isAllCaps || words.count == 1 else { return nil }
        guard lastIndex > 0 else { return nil }
        let previous = body[lastIndex - 1]
        if previous.isBlank { return lastIndex }
        // Directly under the text: the line above must end a sentence.
        guard form == .telegram, let end = previous.text.last, ".)\"”:!?".contains(end) else { return nil }
        return lastIndex
    }

    /// Drops page-break lines (`NEW DELHI 00005135  002 OF 008`, `PAGE 02 STATE 050524 131535Z`)
    /// and rejoins the text they split.
    static func removePageBreaks(_ body: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        result.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let line = body[index]
            guard isPageBreak(line.text) else {
                result.append(line)
                index += 1
                continue
            }
            // Skip the break and the blank lines around it.
            index += 1
            while index < body.count, body[index].isBlank { index += 1 }
            var trailingBlank: SourceLine?
            while let last = result.last, last.isBlank { trailingBlank = result.removeLast() }
            guard let previous = result.last, index < body.count else { continue }
            let next = body[index].text
            let previousEndsSentence = previous.text.last.map { ".:;!?\"”)".contains($0) } ?? true
            let nextStartsBlock =
                NumberedStart(next, after: 0, requireSequence: false) != nil || isBullet(next)
                || (index + 1 < body.count && isUnderline(body[index + 1].text))
            if previousEndsSentence || nextStartsBlock {
                result.append(trailingBlank ?? SourceLine(text: "", number: line.number, column: 1))
            }
        }
        return result
    }

    static func isPageBreak(_ text: Substring) -> Bool {
        guard let last = text.utf8.last, last == 0x5A || (last >= 0x30 && last <= 0x39), text.utf8.count <= 60,
            text.hasSuffix("Z") || text.containsBytes(" OF ")
        else { return false }
        let tokens = text.split(separator: " ")
        guard tokens.count >= 4 else { return false }
        if tokens[0] == "PAGE" || (tokens.count > 4 && tokens[1] == "PAGE") {
            return tokens.last!.hasSuffix("Z") && tokens.last!.count == 7
        }
        // POST 00005135  002 OF 008
        let count = tokens.count
        guard tokens[count - 2] == "OF", tokens[count - 1].allSatisfy(\.isNumber),
            tokens[count - 3].allSatisfy({ $0.isNumber || $0 == "." }),
            tokens[count - 4].allSatisfy(\.isNumber), tokens[count - 4].count >= 4
        else { return false }
        return tokens[0..<(count - 4)].allSatisfy { $0.isAllCaps }
    }

    static func isUnderline(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first == 0x2D || first == 0x5F || first == 0x3D, text.utf8.count >= 3 else { return false }
        return text.utf8.allSatisfy { $0 == 0x2D || $0 == 0x5F || $0 == 0x3D || $0 == 0x20 }
    }

    static func isBullet(_ text: Substring) -> Bool {
        // Decide on the first bytes: most lines start with a letter followed by another letter.
        var bytes = text.utf8.makeIterator()
        guard let b0 = bytes.next() else { return false }
        if b0 == 0x2D || b0 == 0x2A { return true }  // "-", "*"
        guard let b1 = bytes.next() else { return false }
        if b0 == 0xE2 { return text.hasPrefix("\u{2022}") }
        if b0 == 0x6F && b1 == 0x20 { return true }  // "o "
        let isDigit0 = b0 >= 0x30 && b0 <= 0x39
        let isLetter0 = (b0 >= 0x41 && b0 <= 0x5A) || (b0 >= 0x61 && b0 <= 0x7A)
        guard b0 == 0x28 || ((isLetter0 || isDigit0) && (b1 == 0x2E || b1 == 0x29 || (isDigit0 && b1 >= 0x30 && b1 <= 0x39))) else { return false }
        let characters = Array(text.prefix(5))
        guard characters.count >= 3 else { return false }
        // A. / A) / (A) / (1) / 1) / a.
        if characters[0].isLetter, characters[1] == "." || characters[1] == ")", characters[2] == " " {
            return characters[0].isUppercase || characters[1] == ")"
        }
        if characters[0] == "(", let close = characters.firstIndex(of: ")"), close <= 4,
            characters[1..<close].allSatisfy({ $0.isNumber || $0.isLetter }), PortionMark(String(characters[1..<close])) == nil
        {
            return true
        }
        if characters[0].isNumber, characters[1] == ")" || (characters[1].isNumber && characters[2] == ")") { return true }
        return false
    }

    /// Canonical text keeps one logical line per physical line.
    static func canonicalLines(_ body: [SourceLine]) -> [LogicalLine] {
        var result: [LogicalLine] = []
        var blockStart = true
        for line in body {
            if line.isBlank {
                blockStart = true
                continue
            }
            result.append(LogicalLine(text: line.text.collapsingWhitespace(), location: line.location, blockStart: blockStart, underlined: false))
            blockStart = false
        }
        return result
    }

    /// Telegram text is hard-wrapped: rejoin wrapped lines into logical lines, keeping
    /// bullets, sub-paragraphs and unwrapped long lines apart.
    static func joinWrappedLines(_ body: [SourceLine]) -> [LogicalLine] {
        var result: [LogicalLine] = []
        var blockStart = true
        var previousLength = 0
        var lastParagraphNumber = 0
        for line in body {
            if line.isBlank {
                blockStart = true
                continue
            }
            if isUnderline(line.text) {
                if var last = result.popLast() {
                    last.underlined = true
                    result.append(last)
                }
                blockStart = true
                continue
            }
            let text = line.text
            let numbered = NumberedStart(text, after: lastParagraphNumber, requireSequence: true)
            if let numbered { lastParagraphNumber = numbered.number }
            let startsNew = blockStart || result.isEmpty || numbered != nil || isBullet(text) || previousLength > 100
            let collapsed = text.collapsingWhitespace()
            if startsNew {
                result.append(LogicalLine(text: collapsed, location: line.location, blockStart: blockStart, underlined: false))
            } else {
                let previousBytes = result[result.count - 1].text.utf8
                // A word hyphenated across lines ("decision-" + "making") joins without a space; "--" does not.
                var joinsWord = false
                if previousBytes.last == 0x2D {
                    let beforeHyphen = previousBytes.dropLast().last
                    joinsWord = beforeHyphen.map { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) } ?? false
                }
                if !joinsWord { result[result.count - 1].text += " " }
                result[result.count - 1].text += collapsed
            }
            previousLength = text.utf8.count
            blockStart = false
        }
        return result
    }

    mutating func buildParagraphs(_ logical: [LogicalLine]) {
        var paragraphs: [Paragraph] = []
        var locations: [SourceLocation] = []
        var lastNumber = 0
        var currentIsHeading = false
        for (position, line) in logical.enumerated() {
            let text = Substring(line.text)
            let canonical = form == .canonical
            // Telegram paragraphs may skip numbers (extracts, renumbering slips): at the start of a
            // block any later number up to 20 ahead is taken; inside a block only the next one.
            let telegramStart =
                canonical
                ? nil
                : NumberedStart(text, after: lastNumber, requireSequence: true, collapsed: true)
                    ?? (line.blockStart
                        ? NumberedStart(text, after: lastNumber, requireSequence: false, collapsed: true).flatMap {
                            $0.number > lastNumber && $0.number <= lastNumber + 20 ? $0 : nil
                        } : nil)
            if let start = canonical
                ? (line.blockStart ? NumberedStart(text, after: lastNumber, requireSequence: false, collapsed: true) : nil) : telegramStart
            {
                paragraphs.append(Paragraph(number: start.number, mark: start.mark, text: start.text))
                locations.append(line.location)
                lastNumber = start.number
                currentIsHeading = false
                continue
            }
            if canonical, line.blockStart, text.hasPrefix("\\") {
                // An escaped unnumbered paragraph (see `CableRenderer.needsEscape`).
                paragraphs.append(Paragraph(number: nil, mark: nil, text: String(text.dropFirst())))
                locations.append(line.location)
                currentIsHeading = false
                continue
            }
            if line.blockStart, let (mark, rest) = Self.markedStart(text) {
                paragraphs.append(Paragraph(number: nil, mark: mark, text: rest))
                locations.append(line.location)
                currentIsHeading = false
                continue
            }
            let next = position + 1 < logical.count ? logical[position + 1] : nil
            let isHeading = !canonical && Self.isHeading(line, next: next, lastNumber: lastNumber)
            let continues = !paragraphs.isEmpty && !currentIsHeading && !isHeading && (!canonical || !line.blockStart)
            if continues {
                paragraphs[paragraphs.count - 1].text += "\n" + line.text
            } else {
                paragraphs.append(Paragraph(number: nil, mark: nil, text: line.text))
                locations.append(line.location)
                currentIsHeading = isHeading
            }
        }
        cable.paragraphs = paragraphs
        sourceMap.paragraphs = locations
    }

    /// A short line standing alone or underlined, before a numbered paragraph: `Summary`, `BACKGROUND:`.
    static func isHeading(_ line: LogicalLine, next: LogicalLine?, lastNumber: Int) -> Bool {
        guard line.text.utf8.count <= 80, !isBullet(Substring(line.text)) else { return false }
        if line.underlined { return true }
        guard let last = line.text.last, !".;,\"”)".contains(last) else { return false }
        guard let next else { return false }
        let nextIsParagraph = NumberedStart(Substring(next.text), after: lastNumber, requireSequence: true) != nil
        return (line.blockStart && next.blockStart) || nextIsParagraph
    }

    /// `(C) text` at the start of an unnumbered paragraph.
    static func markedStart(_ text: Substring) -> (PortionMark, String)? {
        guard text.first == "(", let close = text.prefix(26).firstIndex(of: ")"),
            let mark = PortionMark(text[text.index(after: text.startIndex)..<close])
        else { return nil }
        let rest = text[text.index(after: close)...].trimmingWhitespace()
        return (mark, String(rest))
    }
}

/// A line of text after wrapped lines are rejoined.
struct LogicalLine {
    var text: String
    var location: SourceLocation
    /// Whether a blank line (or the start of the body) precedes it.
    var blockStart: Bool
    /// Whether a line of dashes followed it (a heading).
    var underlined: Bool
}

/// The start of a numbered paragraph: `1. (C) Text`, `12.  (S/NF) Text`, `3. Text`.
struct NumberedStart {
    var number: Int
    var mark: PortionMark?
    var text: String

    /// Reads a numbered start. With `requireSequence`, a number is accepted only where it can
    /// follow `previous` (so a year such as `2007.` at the start of a wrapped line is not
    /// taken for paragraph 2007).
    init?(_ line: Substring, after previous: Int, requireSequence: Bool, collapsed: Bool = false) {
        guard let firstByte = line.utf8.first, firstByte >= 0x30, firstByte <= 0x39 else { return nil }
        var index = line.startIndex
        var number = 0
        var digits = 0
        while index < line.endIndex, let value = line[index].wholeNumberValue, line[index].isASCII {
            number = number * 10 + value
            digits += 1
            index = line.index(after: index)
            if digits > 3 { return nil }
        }
        guard digits > 0, index < line.endIndex, line[index] == "." else { return nil }
        index = line.index(after: index)
        guard index == line.endIndex || line[index] == " " || line[index] == "(" else { return nil }
        guard number > 0 else { return nil }
        if requireSequence, number != previous + 1, number <= previous || number > previous + 10 && previous != 0 {
            return nil
        }
        var rest = line[index...].trimmingWhitespace()
        var mark: PortionMark?
        if rest.first == "(", let close = rest.prefix(26).firstIndex(of: ")"),
            let parsed = PortionMark(rest[rest.index(after: rest.startIndex)..<close])
        {
            mark = parsed
            rest = rest[rest.index(after: close)...].trimmingWhitespace()
        }
        if requireSequence {
            // Out of sequence only with a portion mark (partial extracts skip paragraphs).
            guard number == previous + 1 || mark != nil else { return nil }
        }
        self.number = number
        self.mark = mark
        self.text = collapsed ? String(rest) : rest.collapsingWhitespace()
    }
}
