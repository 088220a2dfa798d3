import Foundation

/// Reads a draft a person can type: `Key: value` header lines, a blank line, then the
/// paragraphs, each optionally opening with its portion mark. Paragraphs are numbered for you.
///
/// ```
/// From: AMEMBASSY ISLAMABAD
/// To: SECSTATE WASHDC IMMEDIATE
/// Info: AMEMBASSY KABUL, AMEMBASSY NEW DELHI
/// Classification: SECRET//NOFORN
/// Tags: PREL, PGOV, PK
/// Subject: ZARDARI ON THE NEW CABINET
/// Classified By: Anne W. Patterson, Ambassador
/// Reasons: 1.4 (b), (d)
///
/// (C) Summary: President Zardari told the Ambassador …
///
/// (S/NF) He said that …
/// ```
public struct DraftParser: Sendable {
    /// Values a draft does not state and the system supplies: the send time, the serial.
    public struct Defaults: Sendable {
        public var dateTimeGroup: DateTimeGroup?
        public var serial: Int?

        public init(dateTimeGroup: DateTimeGroup? = nil, serial: Int? = nil) {
            self.dateTimeGroup = dateTimeGroup
            self.serial = serial
        }
    }

    /// The header keys a draft may use (case-insensitive).
    public static let keys = [
        "From", "To", "Info", "Precedence", "Date", "Serial", "Classification", "Caveats", "Handling", "Tags",
        "Subject", "Ref", "Classified By", "Reasons", "Declassify On", "Signature", "Reference ID",
    ]

    public init() {}

    /// Whether `text` looks like a draft (starts with a `Key: value` line of a known key).
    public static func looksLikeDraft(_ text: String) -> Bool {
        // Only the first non-blank line matters, and cables are long: find it without splitting the rest.
        var start = text.startIndex
        var first: Substring = ""
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[start..<end]
            if !line.trimmingWhitespace().isEmpty {
                first = line
                break
            }
            start = end < text.endIndex ? text.index(after: end) : end
        }
        guard let colon = first.firstIndex(of: ":") else { return false }
        let key = first[..<colon].trimmingWhitespace().lowercased()
        return keys.contains { $0.lowercased() == key }
    }

    public func parse(
        bytes: some Collection<UInt8>, fileName: String? = nil, defaults: Defaults = Defaults()
    ) throws(CableParseError) -> CableDocument {
        let decoded = try TextDecoding.decode(bytes, fileName: fileName)
        return try parse(text: decoded.text, fileName: fileName, defaults: defaults)
    }

    public func parse(text: String, fileName: String? = nil, defaults: Defaults = Defaults()) throws(CableParseError) -> CableDocument {
        func fail(_ kind: CableParseError.Kind, _ line: Int, _ message: String) -> CableParseError {
            CableParseError(kind, file: fileName, line: line, column: 1, message: message)
        }
        let lines = TextDecoding.clean(text).split(separator: "\n", omittingEmptySubsequences: false)
        var cable = Cable()
        var map = CableSourceMap()
        var fields: [String: (String, Int)] = [:]
        var references: [(String, Int)] = []
        var index = 0
        while index < lines.count, lines[index].trimmingWhitespace().isEmpty { index += 1 }
        guard index < lines.count else { throw fail(.empty, 1, "the draft is empty") }
        // Header.
        while index < lines.count {
            let line = lines[index].trimmingWhitespace()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(.unknownField, index + 1, "expected 'Key: value' in the draft header (keys: \(Self.keys.joined(separator: ", ")))")
            }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            let value = line[line.index(after: colon)...].collapsingWhitespace()
            guard let canonicalKey = Self.keys.first(where: { $0.lowercased() == key }) else {
                throw fail(.unknownField, index + 1, "unknown draft header '\(line[..<colon])' (keys: \(Self.keys.joined(separator: ", ")))")
            }
            if canonicalKey == "Ref" {
                references.append((value, index + 1))
            } else {
                guard fields[canonicalKey] == nil else { throw fail(.repeatedField, index + 1, "'\(canonicalKey)' is given twice") }
                fields[canonicalKey] = (value, index + 1)
            }
            index += 1
        }
        let headerEnd = index
        // Required fields.
        guard let (from, fromLine) = fields["From"], !from.isEmpty else {
            throw fail(.missingField, 1, "the draft has no 'From:' line (e.g. 'From: AMEMBASSY ISLAMABAD')")
        }
        guard let (classificationText, classificationLine) = fields["Classification"] else {
            throw fail(.missingField, 1, "the draft has no 'Classification:' line (UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET)")
        }
        cable.origin = from.uppercased()
        map.origin = SourceLocation(line: fromLine)

        // Classification, with captions after `//`.
        let parts = classificationText.uppercased().split(separator: "/").map { $0.trimmingWhitespace() }
        guard let level = parts.first.flatMap({ Classification(word: $0) }) else {
            throw fail(
                .invalidValue, classificationLine,
                "'\(classificationText)' is not a classification: use UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET")
        }
        cable.classification = level
        map.banner = SourceLocation(line: classificationLine)
        var captionTexts = parts.dropFirst().map(String.init)
        if let (caveats, _) = fields["Caveats"] {
            captionTexts += caveats.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingWhitespace() }.map(String.init)
        }
        for text in captionTexts where !text.isEmpty {
            guard let caveat = Caveat(captionLine: text) else {
                throw fail(
                    .invalidValue, fields["Caveats"]?.1 ?? classificationLine,
                    "'\(text)' is not a handling caption (NOFORN, SIPDIS, EXDIS, NODIS, LIMDIS, STADIS, SBU, FOUO)")
            }
            if !cable.caveats.contains(caveat) { cable.caveats.append(caveat) }
        }

        // Addressees.
        func addressees(_ key: String) throws(CableParseError) -> [Addressee] {
            guard let (value, line) = fields[key] else { return [] }
            var found: [Addressee] = []
            for item in value.uppercased().split(whereSeparator: { $0 == ";" || $0 == "," }) {
                let name = item.trimmingWhitespace()
                guard !name.isEmpty else { continue }
                // An address is words of letters and digits (AMEMBASSY KABUL, USMISSION USUN NEW YORK,
                // RUEHBUL/AMEMBASSY KABUL): anything else would not survive the telegram's routing lines.
                guard Addressee.looksLikeAddress(name), let addressee = Addressee(routingLine: name) else {
                    throw fail(.invalidValue, line, "'\(name.prefix(60))' is not an addressee (such as SECSTATE WASHDC or AMEMBASSY KABUL)")
                }
                found.append(addressee)
            }
            return found
        }
        cable.to = try addressees("To")
        cable.info = try addressees("Info")

        // Precedence.
        if let (value, line) = fields["Precedence"] {
            guard let precedence = Precedence(rawValue: value.uppercased()) else {
                throw fail(.invalidValue, line, "'\(value)' is not a precedence: use FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE")
            }
            cable.precedence = precedence
            if precedence == .niactImmediate, !cable.to.isEmpty { cable.to[0].precedence = .niactImmediate }
        } else {
            cable.precedence = cable.to.first?.precedence ?? .routine
        }

        // Date.
        if let (value, line) = fields["Date"] {
            guard let dtg = Self.parseDate(value) else {
                throw fail(.invalidValue, line, "'\(value)' is not a date: use YYYY-MM-DD HH:MM (UTC) or a date-time group such as 231553Z FEB 01")
            }
            cable.dateTimeGroup = dtg
        } else {
            cable.dateTimeGroup = defaults.dateTimeGroup
        }
        map.dateTimeGroup = fields["Date"].map { SourceLocation(line: $0.1) }

        // Telegram number and reference ID.
        let post = Post(fmLine: from)
        var serial = defaults.serial
        if let (value, line) = fields["Serial"] {
            guard let number = Int(value), TelegramNumber.serialRange.contains(number) else {
                throw fail(
                    .invalidValue, line,
                    "'\(value)' is not a serial number (\(TelegramNumber.serialRange.lowerBound) to \(TelegramNumber.serialRange.upperBound))")
            }
            serial = number
        }
        let telegramPost = post.telegramName
        if let serial {
            cable.telegramNumber = TelegramNumber(post: telegramPost, serial: serial)
        }
        if let (value, line) = fields["Reference ID"] {
            guard let id = ReferenceID(value) else { throw fail(.invalidValue, line, "'\(value)' is not a reference ID such as 09ISLAMABAD2295") }
            cable.referenceID = id
            map.referenceID = SourceLocation(line: line)
            if cable.telegramNumber == nil { cable.telegramNumber = TelegramNumber(post: telegramPost, serial: id.serial) }
        } else if let serial, let year = cable.dateTimeGroup?.year {
            cable.referenceID = ReferenceID(year: year, post: post.referencePost, serial: serial)
        }

        if let (value, _) = fields["Handling"] {
            cable.handling = value.split(separator: ";").map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }
        }
        if let (value, line) = fields["Tags"] {
            cable.tags = value.uppercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            map.tags = SourceLocation(line: line)
        }
        if let (value, line) = fields["Subject"] {
            cable.subject = value
            map.subject = SourceLocation(line: line)
        }
        for (value, line) in references {
            map.references = map.references ?? SourceLocation(line: line)
            for item in value.split(separator: ";") {
                let text = item.trimmingWhitespace()
                if text.count > 3, text.first!.isLetter, text.dropFirst().first == "." {
                    cable.references.append(Reference(label: String(text.first!).uppercased(), text: text.dropFirst(2).collapsingWhitespace()))
                } else if !text.isEmpty {
                    cable.references.append(Reference(text: text.collapsingWhitespace()))
                }
            }
        }
        if let (by, line) = fields["Classified By"] {
            // The line may carry its reasons itself, as lint's own example writes it
            // ("Classified By: NAME, TITLE for reasons 1.4 (b) and (d)"): they must not become part of the name.
            let inline = TelegramReader.parseAuthority("Classified By: \(by)")
            var authority: ClassificationAuthority
            if inline.reasons.isEmpty {
                authority = TelegramReader.parseAuthority("Classified By: \(by) for reasons \(fields["Reasons"]?.0 ?? "")")
                authority.classifiedBy = by.trimmingCharacters(in: " ,;.")
            } else {
                authority = inline
                if let (reasons, _) = fields["Reasons"] {
                    authority.reasons = TelegramReader.parseAuthority("Classified By: x for reasons \(reasons)").reasons
                }
            }
            cable.authority = authority
            map.authority = SourceLocation(line: line)
        } else if let (_, line) = fields["Reasons"] {
            throw fail(.missingField, line, "'Reasons:' needs a 'Classified By:' line naming who classified the cable")
        }
        if let (value, line) = fields["Declassify On"] {
            let order = "13526"
            if let day = CalendarDay(iso: value) ?? CalendarDay(usDate: value) {
                cable.executiveOrder = ExecutiveOrderLine(order: order, declassification: .on(day))
            } else if value.uppercased() == "N/A" {
                cable.executiveOrder = ExecutiveOrderLine(order: order, declassification: .notApplicable)
            } else {
                throw fail(.invalidValue, line, "'\(value)' is not a declassification date: use YYYY-MM-DD")
            }
            map.executiveOrder = SourceLocation(line: line)
        } else if cable.isClassified, let dtg = cable.dateTimeGroup {
            // The default: ten years from the date of classification.
            var day = CalendarDay(year: dtg.year + 10, month: dtg.month, day: dtg.day)
            if day.month == 2, day.day == 29 { day.day = 28 }
            cable.executiveOrder = ExecutiveOrderLine(order: "13526", declassification: .on(day))
        } else if !cable.isClassified {
            cable.executiveOrder = ExecutiveOrderLine(order: "13526", declassification: .notApplicable)
        }
        if let (value, _) = fields["Signature"] { cable.signature = value.uppercased() }

        // Body: paragraphs separated by blank lines.
        var blocks: [[(Substring, Int)]] = []
        var current: [(Substring, Int)] = []
        for lineIndex in headerEnd..<lines.count {
            let line = lines[lineIndex].trimmingWhitespace()
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append((line, lineIndex + 1))
            }
        }
        if !current.isEmpty { blocks.append(current) }
        guard !blocks.isEmpty else { throw fail(.noText, headerEnd, "the draft has a header but no text: write the paragraphs after a blank line") }
        var number = 0
        for block in blocks {
            var sublines: [String] = []
            for (line, _) in block {
                if sublines.isEmpty || TelegramReader.isBullet(line) {
                    sublines.append(line.collapsingWhitespace())
                } else {
                    sublines[sublines.count - 1] += " " + line.collapsingWhitespace()
                }
            }
            var first = Substring(sublines[0])
            if let numbered = NumberedStart(first, after: number, requireSequence: false) {
                first = Substring((numbered.mark.map { "\($0) " } ?? "") + numbered.text)
            }
            number += 1
            var mark: PortionMark?
            if let (parsed, rest) = TelegramReader.markedStart(first) {
                mark = parsed
                first = Substring(rest)
            }
            sublines[0] = String(first)
            cable.paragraphs.append(Paragraph(number: number, mark: mark, text: sublines.filter { !$0.isEmpty }.joined(separator: "\n")))
            map.paragraphs.append(SourceLocation(line: block[0].1))
        }
        return CableDocument(
            cable: cable, sourceMap: map, form: .draft, fileName: fileName, encoding: "utf-8",
            date: cable.dateTimeGroup, dateSource: cable.dateTimeGroup == nil ? nil : .dateTimeGroup,
            originInferred: false, referenceYearFromFileName: false)
    }

    /// `2009-11-04 09:30`, `2009-11-04T09:30Z`, `2009-11-04`, or a date-time group.
    static func parseDate(_ value: String) -> DateTimeGroup? {
        if let dtg = DateTimeGroup(value) { return dtg }
        let normalized = value.uppercased().replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        let parts = normalized.split(separator: " ")
        guard let first = parts.first, let day = CalendarDay(iso: first) else { return nil }
        var hour = 0
        var minute = 0
        if parts.count > 1 {
            let time = parts[1].split(separator: ":")
            guard time.count >= 2, let h = Int(time[0]), let m = Int(time[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
            hour = h
            minute = m
        }
        let dtg = DateTimeGroup(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return dtg.date == nil ? nil : dtg
    }
}
