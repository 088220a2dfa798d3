import Foundation

/// The header: captions, E.O. line, TAGS, SUBJECT, REF lines, the classifier.
extension TelegramReader {
    // MARK: Header

    /// Reads captions, passing lines, E.O., TAGS, SUBJECT, REF and "Classified By";
    /// returns the index of the first body line.
    mutating func readHeader(from start: Int) -> Int? {
        var index = start
        var sawSubjectOrTags = false
        while index < lines.count {
            let line = lines[index]
            let text = line.text
            if text.isEmpty || form == .telegram && Self.isPageBreak(text) {
                index += 1
                continue
            }
            if form == .canonical, text.hasPrefix("\\"), cable.executiveOrder == nil, !sawSubjectOrTags {
                // An escaped passing line (see `CableRenderer`): taken as it stands.
                cable.handling.append(String(text.dropFirst()))
                index += 1
                continue
            }
            if NumberedStart(text, after: 0, requireSequence: false) != nil,
                form == .canonical || NumberedStart(text, after: 0, requireSequence: true) != nil
            {
                return index
            }
            if let field = HeaderField(text) {
                switch field {
                case .executiveOrder:
                    let (eo, next) = collect(from: index, limit: 2) { HeaderField($0) == nil && $0.uppercased().hasPrefix("DECL") }
                    cable.executiveOrder = parseExecutiveOrder(eo)
                    sourceMap.executiveOrder = line.location
                    index = next
                case .tags:
                    let (tags, next) = collect(from: index, limit: 2) { HeaderField($0) == nil && Self.looksLikeTagLine($0) }
                    cable.tags = Self.parseTags(Self.afterLabel(tags))
                    sourceMap.tags = line.location
                    sawSubjectOrTags = true
                    index = next
                case .subject:
                    let (subject, next) = collect(from: index, limit: form == .canonical ? 0 : 4) { continuation in
                        HeaderField(continuation) == nil && Caveat(captionLine: continuation) == nil
                            && NumberedStart(continuation, after: 0, requireSequence: true) == nil
                    }
                    cable.subject = Self.afterLabel(subject)
                    sourceMap.subject = line.location
                    sawSubjectOrTags = true
                    index = next
                case .references:
                    index = readReferences(from: index)
                case .authority:
                    let (text, next) = collect(from: index, limit: form == .canonical ? 0 : 3) { continuation in
                        HeaderField(continuation) == nil && NumberedStart(continuation, after: 0, requireSequence: true) == nil
                    }
                    cable.authority = Self.parseAuthority(text)
                    sourceMap.authority = line.location
                    index = next
                }
                continue
            }
            if let caveats = Self.captionLine(text) {
                for caveat in caveats { addCaveat(caveat) }
                index += 1
                continue
            }
            // Passing lines stand before the E.O. line; after it, unlabelled text is the body.
            if cable.executiveOrder != nil || sawSubjectOrTags {
                return index
            }
            cable.handling.append(text.collapsingWhitespace())
            index += 1
        }
        return nil
    }

    /// A line made only of captions and classification words: `NOFORN`, `SECRET/NOFORN`, `SIPDIS NOFORN`.
    static func captionLine(_ text: Substring) -> [Caveat]? {
        if let single = Caveat(captionLine: text) { return [single] }
        let words = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "/" })
        guard words.count >= 2, words.count <= 6 else { return nil }
        var caveats: [Caveat] = []
        for word in words {
            if let caveat = Caveat(captionLine: word) {
                caveats.append(caveat)
            } else if Classification(word: word) == nil {
                return nil
            }
        }
        return caveats.isEmpty ? nil : caveats
    }

    /// A field's first line plus continuation lines (joined by spaces) while `continues` holds;
    /// returns the text and the index after it.
    func collect(from start: Int, limit: Int, while continues: (Substring) -> Bool) -> (String, Int) {
        var text = lines[start].text.collapsingWhitespace()
        var index = start + 1
        var taken = 0
        while index < lines.count, taken < limit, !lines[index].isBlank, continues(lines[index].text) {
            text += " " + lines[index].text.collapsingWhitespace()
            index += 1
            taken += 1
        }
        return (text, index)
    }

    static func afterLabel(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 12 else {
            // `TAGS PREL PGOV` / `SUBJECT TEXT`: drop the first word.
            let words = text.split(separator: " ", maxSplits: 1)
            return words.count > 1 ? String(words[1]) : ""
        }
        return String(text[text.index(after: colon)...].trimmingWhitespace())
    }

    static func looksLikeTagLine(_ text: Substring) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        return !words.isEmpty && words.allSatisfy { $0.count <= 6 && $0.isAllCaps && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }

    /// `PREL, PGOV, SF` / `PREL PGOV PTER` / `OVIP (CLINTON, HILLARY) PREL`.
    static func parseTags(_ text: String) -> [String] {
        var tags: [String] = []
        var current = ""
        var depth = 0
        func flush() {
            let tag = current.collapsingWhitespace()
            current = ""
            guard !tag.isEmpty else { return }
            if tag.hasPrefix("("), let last = tags.popLast() {
                tags.append(last + " " + tag)
            } else {
                tags.append(tag)
            }
        }
        for character in text {
            switch character {
            case "(":
                if depth == 0 { flush() }
                depth += 1
                current.append(character)
            case ")":
                depth = max(0, depth - 1)
                current.append(character)
                if depth == 0 { flush() }
            case " " where depth == 0, "," where depth == 0, ";" where depth == 0:
                flush()
            default:
                current.append(character)
            }
        }
        flush()
        return tags
    }

    /// `E.O. 12958: DECL: 07/11/2016`, `EO 12958 DECL: 02/22/2011`, `E.O.12356: DECL:OADR`, `E.O. 12958: N/A`.
    func parseExecutiveOrder(_ text: String) -> ExecutiveOrderLine {
        var order = ""
        var index = text.startIndex
        while index < text.endIndex, !text[index].isNumber { index = text.index(after: index) }
        while index < text.endIndex, text[index].isNumber {
            order.append(text[index])
            index = text.index(after: index)
        }
        let rest = text[index...]
        let upperRest = rest.uppercased()
        var declassification = Declassification.notApplicable
        // Searched in the text itself, not an upper-cased copy, whose offsets can differ ("ß" → "SS").
        if let decl = rest.range(of: "DECL", options: .caseInsensitive) {
            var value = rest[decl.upperBound...].drop(while: { $0.isLetter })
            value = value.drop(while: { $0 == ":" || $0 == " " })
            let words = value.split(separator: " ")
            if let first = words.first, let day = CalendarDay(usDate: first.trimmingCharacters(in: ".,;")) {
                declassification = .on(day)
            } else if value.uppercased().hasPrefix("OADR") {
                declassification = .oadr
            } else {
                let original = value.trimmingWhitespace()
                declassification = original.isEmpty ? .notApplicable : .other(String(original))
            }
        } else if upperRest.containsBytes("N/A") || upperRest.containsBytes("NA") {
            declassification = .notApplicable
        } else if let day = rest.split(whereSeparator: { $0 == " " || $0 == ":" }).lazy.compactMap({ CalendarDay(usDate: $0) }).first {
            declassification = .on(day)
        }
        return ExecutiveOrderLine(order: order, declassification: declassification)
    }

    /// `Classified By: A/PolCouns Jon Dorschner for Reasons 1.4 (B, D)`.
    static func parseAuthority(_ text: String) -> ClassificationAuthority {
        // Drop the "Classified By" label.
        var body = Substring(text)
        if let byRange = body.range(of: "BY", options: .caseInsensitive) {
            body = body[byRange.upperBound...]
        }
        body = body.drop(while: { $0 == ":" || $0 == " " })
        // Searched in the text itself: an upper-cased copy can be longer ("ß" becomes "SS"), so
        // its offsets do not fall on the same characters.
        let reasonStart =
            body.range(of: "REASON", options: .caseInsensitive)?.lowerBound
            ?? body.range(of: "1.4")?.lowerBound ?? body.range(of: "1.5")?.lowerBound
        guard let split = reasonStart else {
            return ClassificationAuthority(classifiedBy: cleanClassifier(body), section: "1.4", reasons: [])
        }
        let classifier = cleanClassifier(body[..<split])
        let reasonText = Array(body[split...])
        // The section number.
        var section = "1.4"
        var position = 0
        while position + 2 < reasonText.count {
            if reasonText[position] == "1", reasonText[position + 1] == ".", reasonText[position + 2].isNumber {
                section = "1.\(reasonText[position + 2])"
                position += 3
                break
            }
            position += 1
        }
        if position + 2 >= reasonText.count { position = 0 }
        // Isolated letters a–h after it, until the first real word.
        var letters: [Character] = []
        var word = ""
        func endWord() -> Bool {
            defer { word = "" }
            guard !word.isEmpty else { return true }
            if word.count == 1, let letter = word.lowercased().first, ("a"..."h").contains(letter) {
                if !letters.contains(letter) { letters.append(letter) }
                return true
            }
            let upperWord = word.uppercased()
            return ["AND", "OR", "REASON", "REASONS", "REASONS:", "E", "O", "EO"].contains(upperWord)
                || (letters.isEmpty && !["FOR", "PER"].contains(upperWord))
        }
        var index = position
        scan: while index < reasonText.count {
            let character = reasonText[index]
            if character.isLetter {
                word.append(character)
            } else if !endWord() {
                break scan
            }
            index += 1
        }
        _ = endWord()
        return ClassificationAuthority(classifiedBy: classifier, section: section, reasons: letters)
    }

    static func cleanClassifier(_ text: Substring) -> String {
        // Drop the words that lead into the reasons ("… for", "…, per", "… under E.O.") and stray punctuation.
        var words = text.split(separator: " ").map(String.init)
        let connectives: Set<String> = ["FOR", "PER", "UNDER", "E.O.", "EO", "E.O", "AND", "-", "--"]
        while let last = words.last {
            let trimmed = last.trimmingCharacters(in: ",;:.-")
            if trimmed.isEmpty || connectives.contains(last.uppercased()) || connectives.contains(trimmed.uppercased()) {
                words.removeLast()
            } else if trimmed != last, !(last.hasSuffix(".") && trimmed.count <= 3 && trimmed.first?.isUppercase == true) {
                // Trailing punctuation goes, but not the period of an initial or "Jr.".
                words[words.count - 1] = trimmed
                break
            } else {
                break
            }
        }
        return words.joined(separator: " ")
    }

    /// REF lists: lettered (`A. 99 PRETORIA 12315 B. …`) or single; over several lines.
    mutating func readReferences(from start: Int) -> Int {
        sourceMap.references = lines[start].location
        if form == .canonical {
            var references: [Reference] = []
            var index = start
            while index < lines.count, !lines[index].isBlank {
                var text = lines[index].text
                if index == start { text = Substring(Self.afterLabel(String(text))) }
                references.append(Self.labelled(text))
                index += 1
            }
            cable.references = references
            return index
        }
        var text = lines[start].text.collapsingWhitespace()
        var index = start + 1
        while index < lines.count {
            if lines[index].isBlank {
                // A lettered list may go on after a blank line.
                var next = index
                while next < lines.count, lines[next].isBlank { next += 1 }
                guard next < lines.count else { break }
                let expected = Character(UnicodeScalar(UInt8(65 + Self.splitReferences(Self.afterLabel(text)).count)))
                let candidate = lines[next].text
                let continues =
                    HeaderField(candidate) == nil
                    && NumberedStart(candidate, after: 0, requireSequence: false) == nil
                    && (candidate.containsBytes("\(expected)) ") || candidate.hasPrefix("\(expected). ") || candidate.hasPrefix("(\(expected))"))
                guard continues else { break }
                index = next
            }
            let line = lines[index].text
            guard HeaderField(line) == nil, NumberedStart(line, after: 0, requireSequence: true) == nil, Caveat(captionLine: line) == nil
            else { break }
            text += " " + line.collapsingWhitespace()
            index += 1
        }
        cable.references = Self.splitReferences(Self.afterLabel(text))
        return index
    }

    static func labelled(_ text: Substring) -> Reference {
        let trimmed = text.trimmingWhitespace()
        if trimmed.count > 3, let first = trimmed.first, first.isUppercase, first.isLetter {
            let second = trimmed[trimmed.index(after: trimmed.startIndex)]
            let third = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)]
            if second == "." || second == ")", third == " " {
                return Reference(label: String(first), text: trimmed.dropFirst(3).collapsingWhitespace())
            }
        }
        return Reference(text: trimmed.collapsingWhitespace())
    }

    /// Splits a REF text at its letter labels, in order: `A.`, `B)`, `(C)`.
    static func splitReferences(_ text: String) -> [Reference] {
        let tokens = text.split(separator: " ")
        var references: [Reference] = []
        var current: [Substring] = []
        var label: String?
        var expected: Character = "A"
        func flush() {
            if !current.isEmpty || label != nil {
                references.append(Reference(label: label, text: current.joined(separator: " ")))
            }
            current = []
        }
        for token in tokens {
            let bare = token.trimmingCharacters(in: "().:")
            let isLabel =
                bare.count == 1 && bare.first == expected
                && (token == "\(expected)." || token == "\(expected))" || token == "(\(expected))" || token == "\(expected):")
            if isLabel {
                flush()
                label = String(expected)
                expected = Character(UnicodeScalar(expected.asciiValue! + 1))
            } else {
                current.append(token)
            }
        }
        flush()
        return references.filter { !$0.text.isEmpty }
    }
}

/// The labelled header fields of a cable.
enum HeaderField {
    case executiveOrder, tags, subject, references, authority

    init?(_ line: Substring) {
        guard let first = line.first, first.isLetter else { return nil }
        let head = line.prefix(16).uppercased()
        if head.hasPrefix("TAGS:") || head.hasPrefix("TAGS ") {
            self = .tags
        } else if head.hasPrefix("SUBJECT:") || head.hasPrefix("SUBJ:") || head.hasPrefix("SUBJECT :") {
            self = .subject
        } else if head.hasPrefix("REF:") || head.hasPrefix("REFS:") || head.hasPrefix("REFTEL:") || head.hasPrefix("REFERENCE:")
            || head.hasPrefix("REFERENCES:") || head.hasPrefix("REF :") || head.hasPrefix("REFS :")
        {
            self = .references
        } else if head.hasPrefix("CLASSIFIED BY") || head.hasPrefix("CLASSIFIED BY:") || head.hasPrefix("CLASSIFED BY") {
            self = .authority
        } else {
            let compact = head.filter { $0 != " " && $0 != "." }
            if compact.hasPrefix("EO"), let next = compact.dropFirst(2).first, next.isNumber || next == ":" {
                self = .executiveOrder
            } else if compact.hasPrefix("E0"), let next = compact.dropFirst(2).first, next.isNumber {
                self = .executiveOrder
            } else {
                return nil
            }
        }
    }
}
