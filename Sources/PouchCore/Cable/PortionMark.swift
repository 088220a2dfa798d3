/// The classification mark at the head of a paragraph: `(U)`, `(SBU)`, `(C)`, `(S/NF)`, `(TS)`.
///
/// Stored in a normal form: upper case, components separated by one `/`
/// (`(S//NF)`, `(S NF)` and `(s/nf)` all read as `S/NF`).
public struct PortionMark: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The normalised components, e.g. `["S", "NF"]`.
    public let components: [String]

    /// The level this mark claims.
    public let level: Classification

    static let levelAbbreviations: [String: Classification] = [
        "U": .unclassified, "SBU": .unclassified, "LOU": .unclassified, "FOUO": .unclassified,
        "C": .confidential, "S": .secret, "TS": .topSecret,
    ]

    static let controlAbbreviations: Set<String> = [
        "NF", "NOFORN", "REL", "SBU", "FOUO", "OC", "ORCON", "PR", "PROPIN", "SI", "TK", "HCS", "FGI", "LES",
        "EXDIS", "NODIS", "LIMDIS", "USA", "NATO", "REL TO", "USA", "FVEY", "DEA", "LOU",
    ]

    /// Reads the text between the parentheses. Returns nil when it is not a portion mark
    /// (`(1)`, `(NOTE: …)`, `(AP)`).
    public init?(_ text: some StringProtocol) {
        let upper = text.uppercased()
        guard !upper.isEmpty, upper.count <= 24 else { return nil }
        let parts = upper.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "-" || $0 == "," }).map(String.init)
        guard let first = parts.first, let level = Self.levelAbbreviations[first] else { return nil }
        for part in parts.dropFirst() where !Self.controlAbbreviations.contains(part) {
            return nil
        }
        self.components = parts
        self.level = level
    }

    /// Whether the mark carries the NOFORN control.
    public var isNoforn: Bool { components.contains("NF") || components.contains("NOFORN") }

    /// `S/NF` (without parentheses).
    public var text: String { components.joined(separator: "/") }

    /// `(S/NF)`.
    public var description: String { "(\(text))" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let mark = PortionMark(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a portion mark: \(text)")
        }
        self = mark
    }
}
