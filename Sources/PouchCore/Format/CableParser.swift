import Foundation

/// Reads a cable from Pouch's canonical text or from a telegram as archives keep it (raw,
/// with routing block and page breaks, or as the WikiLeaks pages show it).
///
/// The parser never crashes on bad input: anything it cannot read as a cable is a
/// `CableParseError` naming the line and the problem.
public struct CableParser: Sendable {
    public init() {}

    /// Parses a file's bytes. `fileName` is used in errors and, when it is a reference ID
    /// (`09ISLAMABAD2295.txt`), to supply the year that a cable without routing block lacks.
    public func parse(bytes: some Collection<UInt8>, fileName: String? = nil) throws(CableParseError) -> CableDocument {
        let decoded = try TextDecoding.decode(bytes, fileName: fileName)
        var document = try parse(text: decoded.text, fileName: fileName)
        document.encoding = decoded.encoding
        return document
    }

    /// Parses text that is already decoded (line ends may still be CRLF).
    public func parse(text: String, fileName: String? = nil) throws(CableParseError) -> CableDocument {
        let clean = TextDecoding.clean(text)
        var reader = TelegramReader(text: clean, fileName: fileName)
        return try reader.read()
    }
}

/// One physical line, with the position of its first character in the source.
struct SourceLine {
    var text: Substring
    var number: Int
    var column: Int

    var location: SourceLocation { SourceLocation(line: number, column: column) }
    var isBlank: Bool { text.isEmpty }
}

struct TelegramReader {
    let fileName: String?
    var lines: [SourceLine]
    var sourceMap = CableSourceMap()
    var cable = Cable()
    var form: CableDocument.Form = .telegram
    var pageDate: DateTimeGroup?
    var explicitReferenceID: ReferenceID?
    var truncated = false
    var routingSerial: Int?

    init(text: String, fileName: String?) {
        self.fileName = fileName
        var lines: [SourceLine] = []
        var number = 0
        for raw in Self.splitLines(text) {
            number += 1
            var line = raw
            var column = 1
            // Leading blanks carry no meaning in cables; stray pilcrows mark paragraph starts.
            // Leading blanks and pilcrows: check bytes first, since most lines start with a letter.
            while let byte = line.utf8.first, byte == 0x20 || byte == 0xC2,
                let first = line.first, first == " " || first == "\u{00B6}" || first == "\u{00A0}"
            {
                line = line.dropFirst()
                column += 1
            }
            while let byte = line.utf8.last, byte == 0x20 || byte == 0xA0, let last = line.last, last == " " || last == "\u{00A0}" {
                line = line.dropLast()
            }
            lines.append(SourceLine(text: line, number: number, column: column))
        }
        self.lines = lines
    }

    /// Splits at `\n` by bytes (much faster than by `Character`).
    static func splitLines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(text[start..<utf8.endIndex])
        return result
    }

    /// Whether an FM line's value can name a sending post (`AMEMBASSY MADRID`, `SECSTATE WASHDC`,
    /// `USMISSION USUN NEW YORK`): upper-case words, no digits. Running text that a broken line
    /// wrap put after "FM ", or a routing serial glued to the post, is not a post, and taking it
    /// for one gives a cable whose telegram number no banner can carry.
    static func looksLikePost(_ value: Substring) -> Bool {
        value.trimmingWhitespace().count <= 80 && value.isUpperCaseWords(digits: false, punctuation: ".,&/'()-")
    }

    func error(_ kind: CableParseError.Kind, _ message: String, at location: SourceLocation? = nil) -> CableParseError {
        CableParseError(kind, file: fileName, line: location?.line ?? 1, column: location?.column ?? 1, message: message)
    }

    mutating func read() throws(CableParseError) -> CableDocument {
        guard let firstText = lines.firstIndex(where: { !$0.isBlank }) else {
            throw error(.empty, "the file has no text")
        }
        if lines[firstText].text.hasPrefix("CABLE"), lines[firstText].text.count < 40 {
            form = .canonical
        }
        guard let (bannerIndex, banner) = findBanner() ?? findHeaderWithoutBanner() else {
            throw error(
                .noBanner, "no classification banner (such as 'CONFIDENTIAL SECTION 01 OF 02 PRETORIA 001173') found", at: lines[firstText].location)
        }
        readRoutingBlock(upTo: bannerIndex)
        cable.classification = banner.classification
        cable.telegramNumber = banner.telegramNumber
        if cable.telegramNumber == nil, let serial = routingSerial, let origin = cable.origin {
            // No banner number: the routing block's serial and the sending post stand in.
            let post = Post(fmLine: origin)
            let words = post.fmLine.split(separator: " ")
            let name = post.fmLine == "SECSTATE WASHDC" ? "STATE" : words.dropFirst().joined(separator: " ")
            cable.telegramNumber = TelegramNumber(post: name.isEmpty ? post.fmLine : name, serial: serial)
        }
        cable.sectionCount = banner.sectionCount
        for caveat in banner.caveats { addCaveat(caveat) }
        sourceMap.banner = lines[bannerIndex].location

        let bodyStart = readHeader(from: bannerIndex + 1)
        guard let bodyStart, lines[bodyStart...].contains(where: { !$0.isBlank }) else {
            // Archives hold records cut short after the header, marked with an ellipsis.
            if form == .canonical {
                // Canonical text says exactly what the cable holds, including no text at all.
                return finish()
            }
            if let last = lines.last(where: { !$0.isBlank }), last.text.hasSuffix("...") {
                truncated = true
                return finish()
            }
            throw error(.noText, "the cable has a header but no text", at: lines[bannerIndex].location)
        }
        sourceMap.body = lines[bodyStart].location
        readBody(from: bodyStart)
        guard !cable.paragraphs.isEmpty else {
            throw error(.noText, "the cable has a header but no text", at: lines[bannerIndex].location)
        }
        return finish()
    }

    // MARK: Finish

    func finish() -> CableDocument {
        var cable = self.cable
        var originInferred = false
        if form == .telegram, cable.origin == nil, let post = cable.telegramNumber?.post {
            cable.origin = Post(telegramPost: post).fmLine
            originInferred = true
        }
        let hint = fileName.flatMap(Self.referenceIDFromFileName)
        var date = cable.dateTimeGroup
        var dateSource: CableDocument.DateSource? = date == nil ? nil : .dateTimeGroup
        if date == nil, let pageDate {
            date = pageDate
            dateSource = .page
        }
        var yearFromFileName = false
        if let explicit = explicitReferenceID {
            cable.referenceID = explicit
        } else if let number = cable.telegramNumber {
            var year = date?.year
            if year == nil, let hint, hint.post == ReferenceID.compactPost(number.post), hint.serial == number.serial {
                year = hint.year
                yearFromFileName = true
            }
            if year == nil, let decl = cable.executiveOrder?.declassification.day {
                year = decl.year - 10
            }
            if let year { cable.referenceID = ReferenceID(year: year, post: number.post, serial: number.serial) }
        }
        if date == nil, let decl = cable.executiveOrder?.declassification.day {
            // Classifiers default to ten years: the classification day is the declassification day, ten years back.
            let year = cable.referenceID?.year ?? decl.year - 10
            let estimate = DateTimeGroup(year: year, month: decl.month, day: min(decl.day, 28 + (decl.month == 2 ? 0 : 2)), hour: 12, minute: 0)
            if estimate.date != nil {
                date = estimate
                dateSource = .declassification
            }
        }
        return CableDocument(
            cable: cable, sourceMap: sourceMap, form: form, fileName: fileName, encoding: "utf-8",
            date: date, dateSource: dateSource, originInferred: originInferred, referenceYearFromFileName: yearFromFileName,
            truncated: truncated)
    }

    /// `…/09ISLAMABAD2295.txt` → `09ISLAMABAD2295`.
    static func referenceIDFromFileName(_ path: String) -> ReferenceID? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return ReferenceID(stem)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
