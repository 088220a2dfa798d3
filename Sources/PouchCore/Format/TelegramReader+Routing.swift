import Foundation

/// The routing block: precedence, date-time group, FM, TO and INFO lines.
extension TelegramReader {
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
            !last.allSatisfy(\.isNumber), Precedence(rawValue: String(last)) == nil, last != "NIACT"
        {
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
            first == 0x5A || first == 0x4F || first == 0x50 || first == 0x52 || (first >= 0x30 && first <= 0x39)
        else { return nil }
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
            text.utf8.count <= 40
        else { return nil }
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
}
