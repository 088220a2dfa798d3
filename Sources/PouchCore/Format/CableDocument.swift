import Foundation

/// A 1-based position in a source file.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Where each part of a parsed cable stood in its source, for diagnostics.
public struct CableSourceMap: Sendable, Hashable {
    public var referenceID: SourceLocation?
    public var dateTimeGroup: SourceLocation?
    public var origin: SourceLocation?
    public var banner: SourceLocation?
    public var executiveOrder: SourceLocation?
    public var tags: SourceLocation?
    public var subject: SourceLocation?
    public var references: SourceLocation?
    public var authority: SourceLocation?
    /// One location per paragraph, in order.
    public var paragraphs: [SourceLocation] = []
    /// The first line of the text after the header.
    public var body: SourceLocation?

    public init() {}
}

/// A cable read from a file, with what the file said about it beyond the cable itself.
public struct CableDocument: Sendable {
    /// Which of the forms Pouch reads the file was in.
    public enum Form: String, Sendable, Codable {
        /// Pouch's own canonical text (what `pouch cable render` prints).
        case canonical
        /// A telegram as archived: raw with routing block, or as a WikiLeaks page shows it.
        case telegram
        /// A person's header-plus-body draft.
        case draft
    }

    /// Where a date came from when the cable has no date-time group.
    public enum DateSource: String, Sendable, Codable {
        case dateTimeGroup = "dtg"
        /// The archive page's own date line (`Friday, 23 February 2001, 15:53`).
        case page
        /// Estimated from the declassification date (10 years after classification by default).
        case declassification
    }

    public var cable: Cable
    public var sourceMap: CableSourceMap
    public var form: Form
    public var fileName: String?
    /// `utf-8` or `windows-1252`.
    public var encoding: String
    /// What reading the file's bytes found amiss (bytes that were not valid UTF-8), as warnings
    /// naming the file and the byte offsets.
    public var warnings: [String] = []
    /// The date and where it came from.
    public var date: DateTimeGroup?
    public var dateSource: DateSource?
    /// Whether the FM line was inferred from the telegram number because the routing block is missing.
    public var originInferred: Bool
    /// Whether the reference ID's year had to come from the file name.
    public var referenceYearFromFileName: Bool
    /// Whether the record stops after the header (an archive's truncated extract).
    public var truncated: Bool = false
}
