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

struct Banner {
    var classification: Classification
    var caveats: [Caveat]
    var telegramNumber: TelegramNumber?
    var sectionCount: Int?
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
                  let first = line.first, first == " " || first == "\u{00B6}" || first == "\u{00A0}" {
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
            throw error(.noBanner, "no classification banner (such as 'CONFIDENTIAL SECTION 01 OF 02 PRETORIA 001173') found", at: lines[firstText].location)
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

    // MARK: Banner

    mutating func findBanner() -> (Int, Banner)? {
        var fallback: (Int, Banner)?
        for index in lines.indices {
            let line = lines[index].text
            guard !line.isEmpty, line.utf8.count <= 300 else { continue }
            if let banner = parseBanner(line) {
                if banner.telegramNumber != nil { return (index, banner) }
                if fallback == nil { fallback = (index, banner) }
            }
            // The banner comes before the header fields; past them, take the best seen.
            if HeaderField(line) == .subject || HeaderField(line) == .tags {
                return fallback
            }
        }
        return fallback
    }

    /// A telegram whose banner line is lost: the classification from the routing block's
    /// `ZNY SSSSS ZZH` line, the header from the first caption or labelled field after FM.
    func findHeaderWithoutBanner() -> (Int, Banner)? {
        guard let fm = lines.firstIndex(where: { $0.text.hasPrefix("FM ") }) else { return nil }
        var classification: Classification?
        for line in lines[..<fm] where line.text.hasPrefix("ZNY ") || line.text.hasPrefix("ZNR ") {
            let code = line.text.split(separator: " ").dropFirst().first ?? ""
            switch code.first {
            case "S": classification = .secret
            case "C": classification = .confidential
            case "T": classification = .topSecret
            case "U", "E": classification = .unclassified
            default: break
            }
        }
        guard let classification else { return nil }
        for index in (fm + 1)..<lines.count {
            let text = lines[index].text
            if HeaderField(text) != nil || Caveat(captionLine: text) != nil {
                // The header starts here; pretend the banner stood on the line before it.
                return (index - 1, Banner(classification: classification, caveats: [], telegramNumber: nil, sectionCount: nil))
            }
        }
        return nil
    }

    /// `C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 001173`, `SECRET STATE 014577`,
    /// `UNCLAS USEU BRUSSELS 001177`, `SECRET//NOFORN`, `S e c r e t state 004134`.
    func parseBanner(_ line: Substring) -> Banner? {
        // Banners start with a letter-spaced word (`C O N …`) or a classification word.
        var bytes = line.utf8.makeIterator()
        guard let b0 = bytes.next(), let b1 = bytes.next(), let b2 = bytes.next() else { return nil }
        let upper = { (b: UInt8) -> UInt8 in b >= 0x61 && b <= 0x7A ? b - 0x20 : b }
        let spaced = b1 == 0x20 || (b2 == 0x20 && upper(b0) == upper(b1))
        let head = [upper(b0), upper(b1), upper(b2)]
        guard spaced || [[0x43, 0x4F, 0x4E], [0x53, 0x45, 0x43], [0x54, 0x4F, 0x50], [0x55, 0x4E, 0x43], [0x4C, 0x49, 0x4D]].contains(head)
        else { return nil }
        var tokens = line.split(separator: " ").map { $0.uppercased() }
        var caveats: [Caveat] = []
        var classification: Classification?
        var index = 0
        var spelled = ""
        // Letter-spaced: `C O N F I D E N T I A L`, allowing one stray or lost letter (`SS E C R E T`, `E C R E T`).
        while index < tokens.count, tokens[index].count <= 2, tokens[index].allSatisfy(\.isLetter),
              index == 0 || tokens[index].count == 1 {
            spelled += tokens[index]
            index += 1
        }
        if spelled.count >= 5, index >= 4 {
            guard let value = Classification(damagedWord: spelled) else { return nil }
            classification = value
        } else {
            index = 0
            guard !tokens.isEmpty else { return nil }
            // SECRET//NOFORN or SECRET/NOFORN as the first token.
            let parts = tokens[0].split(separator: "/").map(String.init)
            if parts.count > 1 {
                tokens.replaceSubrange(0...0, with: parts)
            }
            if tokens[0] == "TOP", tokens.count > 1, tokens[1] == "SECRET" {
                classification = .topSecret
                index = 2
            } else if tokens.count >= 3, tokens[0] == "LIMITED", tokens[1] == "OFFICIAL", tokens[2] == "USE" {
                classification = .unclassified
                caveats.append(.limitedOfficialUse)
                index = 3
            } else if ["UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"].contains(tokens[0]) {
                classification = Classification(word: tokens[0])
                index = 1
            } else {
                return nil
            }
            // The original must be upper case (body prose like "Secret talks" is not a banner).
            guard line.prefix(6).isAllCaps else { return nil }
        }
        guard let classification else { return nil }
        // Captions glued to the classification: SECRET//NOFORN.
        while index < tokens.count, let caveat = Caveat(captionLine: tokens[index]) {
            caveats.append(caveat)
            index += 1
        }
        var sectionCount: Int?
        if index + 3 < tokens.count, tokens[index] == "SECTION", Int(tokens[index + 1]) != nil, tokens[index + 2] == "OF",
           let count = Int(tokens[index + 3]) {
            sectionCount = count
            index += 4
        }
        var postWords: [String] = []
        var serial: Int?
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if token.allSatisfy(\.isNumber) {
                guard token.count <= 7, !postWords.isEmpty else { return nil }
                serial = Int(token)
                break
            }
            guard postWords.count < 5, token.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." }) else { return nil }
            postWords.append(token)
        }
        // Captions may trail the telegram number.
        while index < tokens.count {
            guard let caveat = Caveat(captionLine: tokens[index]) else { return nil }
            caveats.append(caveat)
            index += 1
        }
        if serial == nil {
            // A bare classification line is a banner only when nothing else is on it.
            guard postWords.isEmpty else { return nil }
            return Banner(classification: classification, caveats: caveats, telegramNumber: nil, sectionCount: sectionCount)
        }
        return Banner(
            classification: classification, caveats: caveats,
            telegramNumber: TelegramNumber(post: postWords.joined(separator: " "), serial: serial!),
            sectionCount: sectionCount)
    }

    mutating func addCaveat(_ caveat: Caveat) {
        if !cable.caveats.contains(caveat) { cable.caveats.append(caveat) }
    }

    // MARK: Routing block

    mutating func readRoutingBlock(upTo end: Int) {
        if form == .canonical {
            readCanonicalRoutingBlock(upTo: end)
            return
        }
        enum State { case none, to, info }
        var state = State.none
        for index in 0..<end {
            let line = lines[index]
            let text = line.text
            if text.isEmpty { continue }
            if cable.dateTimeGroup == nil, readDateTimeGroup(line) {
                state = .none
                continue
            }
            if pageDate == nil, let date = parsePageDate(text) {
                pageDate = date
                continue
            }
            if text.hasPrefix("FM "), cable.origin == nil, Self.looksLikePost(text.dropFirst(3)) {
                cable.origin = text.dropFirst(3).collapsingWhitespace()
                sourceMap.origin = line.location
                state = .none
                continue
            }
            // Only address-like lines are addressees: a damaged routing block can hold running
            // text or header lines, which no canonical routing block could carry back.
            if text.hasPrefix("TO "), cable.origin != nil {
                state = .to
                if Self.isAddress(text.dropFirst(3)) { cable.to.append(Self.addressee(text.dropFirst(3))) }
                continue
            }
            if text.hasPrefix("INFO "), cable.origin != nil, !text.containsBytes("-00"), !text.dropFirst(5).trimmingWhitespace().hasPrefix("PAGE ") {
                state = .info
                if Self.isAddress(text.dropFirst(5)) { cable.info.append(Self.addressee(text.dropFirst(5))) }
                continue
            }
            // `DE RUEHNE #5135/01 2020722`: the station and the telegram's serial.
            if text.hasPrefix("DE "), let hash = text.firstIndex(of: "#") {
                let digits = text[text.index(after: hash)...].prefix(while: \.isNumber)
                routingSerial = Int(digits)
                continue
            }
            if text.hasPrefix("XMT ") || text.hasPrefix("BT") && text.count <= 3 {
                state = .none
                continue
            }
            let isNoise = text.hasPrefix("PAGE ") || text.hasPrefix("ACTION ") || text.hasPrefix("INFO ")
            switch state {
            case .to where !isNoise:
                if Self.isAddress(text) { cable.to.append(Self.addressee(text)) }
            case .info where !isNoise:
                if Self.isAddress(text) { cable.info.append(Self.addressee(text)) }
            default:
                break
            }
        }
        upgradeToNiact()
    }

    /// Canonical routing: `CABLE id`, the DTG line, FM, TO lines, INFO lines — read literally.
    mutating func readCanonicalRoutingBlock(upTo end: Int) {
        enum State { case none, to, info }
        var state = State.none
        for index in 0..<end {
            let line = lines[index]
            let text = line.text
            if text.isEmpty { continue }
            switch state {
            case .none:
                if text.hasPrefix("CABLE") {
                    let rest = text.dropFirst(5).trimmingWhitespace()
                    if !rest.isEmpty, let id = ReferenceID(rest) {
                        explicitReferenceID = id
                        sourceMap.referenceID = line.location
                    }
                } else if cable.dateTimeGroup == nil, readDateTimeGroup(line) {
                    continue
                } else if cable.origin == nil, text.hasPrefix("FM "), Self.looksLikePost(text.dropFirst(3)) {
                    cable.origin = String(text.dropFirst(3))
                    sourceMap.origin = line.location
                } else if cable.origin != nil, text.hasPrefix("TO ") {
                    state = .to
                    cable.to.append(Self.addressee(text.dropFirst(3)))
                } else if cable.origin != nil, text.hasPrefix("INFO ") {
                    state = .info
                    cable.info.append(Self.addressee(text.dropFirst(5)))
                }
            case .to:
                if text.hasPrefix("INFO ") {
                    state = .info
                    cable.info.append(Self.addressee(text.dropFirst(5)))
                } else {
                    cable.to.append(Self.addressee(text))
                }
            case .info:
                cable.info.append(Self.addressee(text))
            }
        }
        upgradeToNiact()
    }

    /// A DTG line sets the date-time group and the precedences; returns whether the line was one.
    mutating func readDateTimeGroup(_ line: SourceLine) -> Bool {
        guard let (prosigns, dtg) = parseDateTimeGroupLine(line.text) else { return false }
        cable.dateTimeGroup = dtg
        cable.precedence = prosigns.first.flatMap { Precedence(prosign: $0) }
        cable.infoPrecedence = prosigns.count > 1 ? Precedence(prosign: prosigns[1]) : nil
        sourceMap.dateTimeGroup = line.location
        return true
    }

    /// NIACT IMMEDIATE travels as an `O` prosign; the first action addressee's line says NIACT.
    mutating func upgradeToNiact() {
        if cable.precedence == .immediate, cable.to.first?.precedence == .niactImmediate {
            cable.precedence = .niactImmediate
        }
    }

    /// An addressee read until it no longer changes, so that rendering and re-reading it is stable.
    static func isAddress(_ text: Substring) -> Bool {
        Addressee.looksLikeAddress(text) && Addressee(routingLine: text) != nil
    }

    static func addressee(_ text: Substring) -> Addressee {
        guard var current = Addressee(routingLine: text) else { return Addressee(name: String(text)) }
        // Most names are stable at once; only a leftover indicator, number or precedence word can change again.
        if !current.name.contains("/"), let last = current.name.split(separator: " ").last,
           !last.allSatisfy(\.isNumber), Precedence(rawValue: String(last)) == nil, last != "NIACT" {
            return current
        }
        while let next = Addressee(routingLine: current.description), next != current {
            current = next
        }
        return current
    }

    /// `O 231553Z FEB 01`, `O P 261148Z NOV 08`, `R 181313Z JUN 09 ZDK MANY SVCS`.
    func parseDateTimeGroupLine(_ text: Substring) -> ([Character], DateTimeGroup)? {
        guard text.utf8.count >= 14, text.utf8.count <= 80, let first = text.utf8.first,
              first == 0x5A || first == 0x4F || first == 0x50 || first == 0x52 || (first >= 0x30 && first <= 0x39) else { return nil }
        let tokens = text.split(separator: " ")
        var prosigns: [Character] = []
        var index = 0
        while index < tokens.count, tokens[index].count == 1, let letter = tokens[index].first, "ZOPR".contains(letter) {
            prosigns.append(letter)
            index += 1
        }
        guard index + 2 < tokens.count, tokens[index].count == 7, tokens[index].hasSuffix("Z") else { return nil }
        guard let dtg = DateTimeGroup(tokens[index...(index + 2)].joined(separator: " "), centuryHint: explicitReferenceID?.year)
        else { return nil }
        return (prosigns, dtg)
    }

    /// The WikiLeaks page's own date line: `Friday, 23 February 2001, 15:53`.
    func parsePageDate(_ text: Substring) -> DateTimeGroup? {
        // "Friday, 23 February 2001, 15:53": a capitalised weekday, and a time at the end.
        guard let first = text.utf8.first, first >= 0x41, first <= 0x5A, let last = text.utf8.last, last >= 0x30, last <= 0x39,
              text.utf8.count <= 40 else { return nil }
        let parts = text.split(separator: ",").map { $0.trimmingWhitespace() }
        guard parts.count == 3, ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"].contains(parts[0].uppercased())
        else { return nil }
        let dayMonthYear = parts[1].split(separator: " ")
        let time = parts[2].split(separator: ":")
        guard dayMonthYear.count == 3, time.count == 2, let day = Int(dayMonthYear[0]), let year = Int(dayMonthYear[2]),
              let hour = Int(time[0]), let minute = Int(time[1]),
              let month = DateTimeGroup.monthNames.firstIndex(of: String(dayMonthYear[1].prefix(3)).uppercased())
        else { return nil }
        let group = DateTimeGroup(year: year, month: month + 1, day: day, hour: hour, minute: minute)
        return group.date == nil ? nil : group
    }

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
            if NumberedStart(text, after: 0, requireSequence: false) != nil, form == .canonical || NumberedStart(text, after: 0, requireSequence: true) != nil {
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
        let reasonStart = body.range(of: "REASON", options: .caseInsensitive)?.lowerBound
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
                let continues = HeaderField(candidate) == nil
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
            if (second == "." || second == ")"), third == " " {
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
            let isLabel = bare.count == 1 && bare.first == expected
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
            let nextStartsBlock = NumberedStart(next, after: 0, requireSequence: false) != nil || isBullet(next)
                || (index + 1 < body.count && isUnderline(body[index + 1].text))
            if previousEndsSentence || nextStartsBlock {
                result.append(trailingBlank ?? SourceLine(text: "", number: line.number, column: 1))
            }
        }
        return result
    }

    static func isPageBreak(_ text: Substring) -> Bool {
        guard let last = text.utf8.last, last == 0x5A || (last >= 0x30 && last <= 0x39), text.utf8.count <= 60,
              text.hasSuffix("Z") || text.containsBytes(" OF ") else { return false }
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
        if characters[0].isLetter, characters[1] == "." || characters[1] == ")", characters[2] == " " { return characters[0].isUppercase || characters[1] == ")" }
        if characters[0] == "(", let close = characters.firstIndex(of: ")"), close <= 4,
           characters[1..<close].allSatisfy({ $0.isNumber || $0.isLetter }), PortionMark(String(characters[1..<close])) == nil {
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
            let telegramStart = canonical ? nil : NumberedStart(text, after: lastNumber, requireSequence: true, collapsed: true)
                ?? (line.blockStart ? NumberedStart(text, after: lastNumber, requireSequence: false, collapsed: true).flatMap {
                    $0.number > lastNumber && $0.number <= lastNumber + 20 ? $0 : nil
                } : nil)
            if let start = canonical ? (line.blockStart ? NumberedStart(text, after: lastNumber, requireSequence: false, collapsed: true) : nil) : telegramStart {
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
              let mark = PortionMark(text[text.index(after: text.startIndex)..<close]) else { return nil }
        let rest = text[text.index(after: close)...].trimmingWhitespace()
        return (mark, String(rest))
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
           let parsed = PortionMark(rest[rest.index(after: rest.startIndex)..<close]) {
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
                    || head.hasPrefix("REFERENCES:") || head.hasPrefix("REF :") || head.hasPrefix("REFS :") {
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

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
