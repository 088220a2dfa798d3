import Foundation
import PouchCore

/// The drafting form: header fields and paragraphs, turned into the typed-draft text the
/// `DraftParser` reads, so the web and `pouch cable draft` accept exactly the same cables and
/// report the same lint problems. Each problem is shown next to the field it concerns.
struct DraftForm: Codable, Sendable {
    var from: String = ""
    var to: String = ""
    var info: String = ""
    var classification: String = ""
    var tags: String = ""
    var subject: String = ""
    var ref: String = ""
    var classifiedBy: String = ""
    var reasons: String = ""
    var body: String = ""

    /// The form's fields in draft order: (form field, draft key).
    static let fields: [(field: String, key: String)] = [
        ("from", "From"), ("to", "To"), ("info", "Info"), ("classification", "Classification"), ("tags", "Tags"),
        ("subject", "Subject"), ("ref", "Ref"), ("classifiedBy", "Classified By"), ("reasons", "Reasons"),
    ]

    func value(_ field: String) -> String {
        switch field {
        case "from": from
        case "to": to
        case "info": info
        case "classification": classification
        case "tags": tags
        case "subject": subject
        case "ref": ref
        case "classifiedBy": classifiedBy
        case "reasons": reasons
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
        let problems = check.diagnostics.map {
            Problem(field: fieldOfLine[$0.location.line] ?? Self.field(mentionedIn: $0.message), severity: $0.severity.rawValue, message: $0.message)
        }
        return (check.cable, problems)
    }

    /// A problem with no line of its own (a missing field) belongs to the field it names.
    static func field(mentionedIn message: String) -> String {
        let lowered = message.lowercased()
        for (field, key) in fields.reversed() where lowered.contains(key.lowercased()) { return field }
        if lowered.contains("paragraph") || lowered.contains("portion") { return "body" }
        return "form"
    }
}
