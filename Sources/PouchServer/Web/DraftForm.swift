import Foundation
import PouchCore

/// The drafting form: header fields (classification, caveats, precedence, reasons and the
/// declassification date as controls, the rest as text) and paragraphs, turned into the
/// typed-draft text the `DraftParser` reads, so the web and `pouch cable draft` accept exactly
/// the same cables and report the same lint problems. Each problem is shown next to the field it
/// concerns and listed, linked to it, at the top of the page.
struct DraftForm: Codable, Sendable {
    var from: String = ""
    var to: String = ""
    var info: String = ""
    var precedence: String?
    /// A level (`SECRET`), or a level with captions (`SECRET//NOFORN`, as the API and older forms send).
    var classification: String = ""
    /// Ticked caveats (`caveats[]`).
    var caveats: [String]?
    var handling: String?
    var tags: String = ""
    var subject: String = ""
    var ref: String = ""
    var classifiedBy: String = ""
    /// Ticked E.O. 13526 §1.4 reasons, by letter (`reasonCodes[]`); else the `reasons` text.
    var reasonCodes: [String]?
    var reasons: String = ""
    var declassifyOn: String?
    var signature: String?
    var body: String = ""
    /// `preview` shows the cable as recipients will see it without storing it; anything else saves.
    var action: String?

    init() {}

    /// A browser leaves out empty and unticked fields: each one may be missing.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try container.decodeIfPresent(String.self, forKey: key) ?? "" }
        from = try text(.from)
        to = try text(.to)
        info = try text(.info)
        precedence = try container.decodeIfPresent(String.self, forKey: .precedence)
        classification = try text(.classification)
        caveats = try container.decodeIfPresent([String].self, forKey: .caveats)
        handling = try container.decodeIfPresent(String.self, forKey: .handling)
        tags = try text(.tags)
        subject = try text(.subject)
        ref = try text(.ref)
        classifiedBy = try text(.classifiedBy)
        reasonCodes = try container.decodeIfPresent([String].self, forKey: .reasonCodes)
        reasons = try text(.reasons)
        declassifyOn = try container.decodeIfPresent(String.self, forKey: .declassifyOn)
        signature = try container.decodeIfPresent(String.self, forKey: .signature)
        body = try text(.body)
        action = try container.decodeIfPresent(String.self, forKey: .action)
    }

    /// The form's header fields in draft order: (form field, draft key).
    static let fields: [(field: String, key: String)] = [
        ("from", "From"), ("to", "To"), ("info", "Info"), ("precedence", "Precedence"), ("classification", "Classification"),
        ("caveats", "Caveats"), ("handling", "Handling"), ("tags", "Tags"), ("subject", "Subject"), ("ref", "Ref"),
        ("classifiedBy", "Classified By"), ("reasons", "Reasons"), ("declassifyOn", "Declassify On"), ("signature", "Signature"),
    ]

    /// The §1.4 reasons of E.O. 13526, by letter.
    static let reasonTexts: [(code: String, text: String)] = [
        ("a", "military plans, weapons systems, or operations"),
        ("b", "foreign government information"),
        ("c", "intelligence activities, sources or methods, or cryptology"),
        ("d", "foreign relations or foreign activities of the United States, including confidential sources"),
        ("e", "scientific, technological or economic matters relating to the national security"),
        ("f", "programs for safeguarding nuclear materials or facilities"),
        ("g", "vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans or protection services"),
        ("h", "the development, production or use of weapons of mass destruction"),
    ]

    /// The captions a drafter may tick, with what each means.
    static let caveatTexts: [(caveat: Caveat, text: String)] = [
        (.noforn, "not releasable to foreign nationals"),
        (.exdis, "exclusive distribution"),
        (.nodis, "no distribution beyond the addressees"),
        (.limdis, "limited distribution"),
        (.stadis, "State Department distribution only"),
        (.sipdis, "for SIPRNet distribution"),
        (.sbu, "sensitive but unclassified"),
    ]

    /// The level chosen (nil when the field is not a level).
    var level: Classification? {
        classification.uppercased().split(separator: "/").first.flatMap { Classification(word: $0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Captions ticked, and any written after the level (`SECRET//NOFORN`), without repeats.
    var chosenCaveats: [String] {
        var result: [String] = []
        let written = classification.uppercased().split(separator: "/").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        for caveat in written + (caveats ?? []).map({ $0.uppercased() }) where !caveat.isEmpty && !result.contains(caveat) {
            result.append(caveat)
        }
        return result
    }

    /// The reasons line: the ticked letters, else what was typed.
    var reasonsLine: String {
        let codes = Self.reasonTexts.map(\.code).filter { (reasonCodes ?? []).map { $0.lowercased() }.contains($0) }
        guard !codes.isEmpty else { return reasons }
        return "1.4 " + codes.map { "(\($0))" }.joined(separator: ", ")
    }

    func value(_ field: String) -> String {
        switch field {
        case "from": from
        case "to": to
        case "info": info
        case "precedence": precedence ?? ""
        case "classification": level?.word ?? classification
        case "caveats": chosenCaveats.joined(separator: ", ")
        case "handling": handling ?? ""
        case "tags": tags
        case "subject": subject
        case "ref": ref
        case "classifiedBy": classifiedBy
        case "reasons": reasonsLine
        case "declassifyOn": declassifyOn ?? ""
        case "signature": signature ?? ""
        default: body
        }
    }

    /// The draft text and, for each of its lines, the form field it came from.
    func draftText() -> (text: String, fieldOfLine: [Int: String]) {
        var lines: [String] = []
        var fieldOfLine: [Int: String] = [:]
        for (field, key) in Self.fields {
            // One line per header field: a pasted newline must not open a second header.
            let value = self.value(field).replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            lines.append("\(key): \(value)")
            fieldOfLine[lines.count] = field
        }
        lines.append("")
        let bodyStart = lines.count + 1
        let bodyLines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in bodyLines.enumerated() {
            lines.append(String(line))
            fieldOfLine[bodyStart + offset] = "body"
        }
        return (lines.joined(separator: "\n") + "\n", fieldOfLine)
    }

    /// A problem with the draft, attached to a field.
    struct Problem: Sendable, Hashable {
        var field: String
        var severity: String
        var message: String
    }

    /// Parses and lints the draft. Returns the cable when it has no errors, and every problem found.
    func check(now: Date = Date()) -> (cable: Cable?, problems: [Problem]) {
        let (text, fieldOfLine) = draftText()
        let check = DraftCheck(text: text, now: now)
        let problems = check.diagnostics.map { diagnostic in
            // "The cable has no SUBJECT" belongs to the empty field it names, not to the line it was reported at.
            let missing = Self.field(mentionedIn: diagnostic.message)
            let field = missing != "form" && value(missing).isEmpty ? missing : fieldOfLine[diagnostic.location.line] ?? missing
            return Problem(field: field, severity: diagnostic.severity.rawValue, message: diagnostic.message)
        }
        return (check.cable, problems)
    }

    /// A problem with no line of its own (a missing field) belongs to the field it names.
    static func field(mentionedIn message: String) -> String {
        let lowered = message.lowercased()
        for (field, key) in fields.reversed() where lowered.contains(key.lowercased()) { return field }
        if lowered.contains("declassif") || lowered.contains("decl") { return "declassifyOn" }
        if lowered.contains("paragraph") || lowered.contains("portion") { return "body" }
        return "form"
    }
}
