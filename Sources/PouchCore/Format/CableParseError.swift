/// Why a cable or draft could not be read, and where: `FILE:LINE:COLUMN: error: message`.
public struct CableParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable name (like `Diagnostic.rule`): code and tests compare kinds,
    /// the message is for people and may be reworded.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file could not be read at all.
        case unreadable = "unreadable"
        /// No bytes, or only blank lines.
        case empty = "empty"
        /// Binary content: control characters, NULs.
        case notText = "not-text"
        /// A telegram with no classification banner.
        case noBanner = "no-banner"
        /// A header (banner, routing, or a draft's fields) and no paragraphs after it.
        case noText = "no-text"
        /// A draft header line that is not `Key: value`, or names a key drafts do not have.
        case unknownField = "unknown-field"
        /// A draft header key given twice.
        case repeatedField = "repeated-field"
        /// A draft without a field every cable needs (From, Classification, a classifier for Reasons).
        case missingField = "missing-field"
        /// A draft field whose value is not one the field takes (a classification, a date, a serial …).
        case invalidValue = "invalid-value"
    }

    public var kind: Kind
    public var file: String?
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ kind: Kind, file: String?, line: Int, column: Int, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`.
    public var description: String {
        "\(file ?? "<input>"):\(line):\(column): error: \(message)"
    }
}
