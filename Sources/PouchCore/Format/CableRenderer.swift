/// Writes a cable in Pouch's canonical text form: the telegram layout, one logical line per
/// line (no hard wrapping), headed by `CABLE <reference ID>`.
///
/// `CableParser` reads this form back to the identical `Cable`.
public struct CableRenderer: Sendable {
    public init() {}

    public func render(_ cable: Cable) -> String {
        var out: [String] = []
        out.append(cable.referenceID.map { "CABLE \($0)" } ?? "CABLE")
        if let dtg = cable.dateTimeGroup {
            var prosigns = cable.precedence.map { [String($0.prosign)] } ?? []
            if let info = cable.infoPrecedence { prosigns.append(String(info.prosign)) }
            out.append((prosigns + [dtg.description]).joined(separator: " "))
        }
        if let origin = cable.origin {
            out.append("FM \(origin)")
            for (index, addressee) in cable.to.enumerated() {
                out.append(index == 0 ? "TO \(addressee)" : addressee.description)
            }
            for (index, addressee) in cable.info.enumerated() {
                out.append(index == 0 ? "INFO \(addressee)" : addressee.description)
            }
        }
        out.append("")
        var banner = cable.classification.bannerWord
        if let count = cable.sectionCount { banner += " SECTION 01 OF " + twoDigits(count) }
        if let number = cable.telegramNumber { banner += " \(number)" }
        out.append(banner)
        if !cable.caveats.isEmpty {
            out.append("")
            out.append(contentsOf: cable.caveats.map(\.rawValue))
        }
        if !cable.handling.isEmpty {
            out.append("")
            // A passing line that would read back as a paragraph, a header field or a caption is escaped like a paragraph.
            out.append(contentsOf: cable.handling.map { Self.needsEscape($0) ? "\\" + $0 : $0 })
        }
        out.append("")
        if let eo = cable.executiveOrder {
            switch eo.declassification {
            case .on(let day): out.append("E.O. \(eo.order): DECL: \(day.usFormat)")
            case .oadr: out.append("E.O. \(eo.order): DECL: OADR")
            case .notApplicable: out.append("E.O. \(eo.order): N/A")
            case .other(let text): out.append("E.O. \(eo.order): DECL: \(text)")
            }
        }
        out.append("TAGS: " + cable.tags.joined(separator: " "))
        out.append("SUBJECT: \(cable.subject)")
        if !cable.references.isEmpty {
            out.append("")
            for (index, reference) in cable.references.enumerated() {
                out.append(index == 0 ? "REF: \(reference)" : reference.description)
            }
        }
        if let authority = cable.authority {
            out.append("")
            out.append("Classified By: \(authority.classifiedBy) for reasons \(authority.section) \(Self.reasonList(authority.reasons)).")
        }
        for (index, paragraph) in cable.paragraphs.enumerated() {
            out.append("")
            var head = ""
            if let number = paragraph.number { head += "\(number). " }
            if let mark = paragraph.mark { head += "\(mark) " }
            // Unnumbered, unmarked text that would read as a number, a mark, a header field or
            // (as the last block) a signature is escaped.
            let isLast = index == cable.paragraphs.count - 1 && cable.signature == nil
            if head.isEmpty, Self.needsEscape(paragraph.text) || isLast && Self.looksLikeSignature(paragraph.text) { head = "\\" }
            out.append(head + paragraph.text)
        }
        if let signature = cable.signature {
            out.append("")
            out.append(signature)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Whether an unnumbered, unmarked paragraph's text would be read back as something else.
    static func needsEscape(_ text: String) -> Bool {
        let first = Substring(text.prefix { $0 != "\n" })
        return first.hasPrefix("\\") || NumberedStart(first, after: 0, requireSequence: false) != nil
            || TelegramReader.markedStart(first) != nil || HeaderField(first) != nil
            || TelegramReader.captionLine(first) != nil || TelegramReader.isPageBreak(first)
    }

    static func looksLikeSignature(_ text: String) -> Bool {
        var reader = TelegramReader(text: "\n" + text, fileName: nil)
        reader.form = .canonical
        return reader.findSignature(reader.lines) != nil
    }

    /// `(b) and (d)`, `(a), (b) and (d)`.
    static func reasonList(_ reasons: [Character]) -> String {
        let items = reasons.map { "(\($0))" }
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
