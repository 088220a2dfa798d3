/// One problem found in a cable, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable name for the rule, for tests and filtering: `banner-below-portion`.
    public var rule: String

    public init(_ severity: Severity, _ rule: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.message = message
    }

    public var description: String { "\(location.line):\(location.column): \(severity.rawValue): \(message)" }

    /// `FILE:LINE:COLUMN: error|warning: message`.
    public func formatted(file: String) -> String { "\(file):\(description)" }
}
