import Foundation

/// A typed draft read and linted in one step, as every front end needs it: the cable when it has
/// no errors, and every problem found — a parse failure reported as one more error diagnostic.
public struct DraftCheck: Sendable {
    /// Parse failures and lint findings, in line order of discovery.
    public var diagnostics: [Diagnostic]
    /// The cable, when no diagnostic is an error.
    public var cable: Cable?

    /// Reads `text` as a draft stamped at `now` (its date-time group when it gives none) and lints it.
    public init(text: String, now: Date) {
        do {
            let document = try DraftParser().parse(text: text, defaults: DraftParser.Defaults(dateTimeGroup: DateTimeGroup(now)))
            diagnostics = CableLinter().lint(document)
            cable = diagnostics.contains { $0.severity == .error } ? nil : document.cable
        } catch {
            diagnostics = [Diagnostic(.error, "parse", at: SourceLocation(line: error.line, column: error.column), error.message)]
            cable = nil
        }
    }
}
