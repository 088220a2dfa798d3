/// The classification level of a cable or of one of its portions.
///
/// Levels are ordered: `unclassified < confidential < secret < topSecret`.
public enum Classification: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case unclassified = 0
    case confidential = 1
    case secret = 2
    case topSecret = 3

    /// The full word as it stands in metadata and on a banner: `CONFIDENTIAL`, `TOP SECRET`.
    public var word: String {
        switch self {
        case .unclassified: "UNCLASSIFIED"
        case .confidential: "CONFIDENTIAL"
        case .secret: "SECRET"
        case .topSecret: "TOP SECRET"
        }
    }

    /// The word telegrams put on the banner line (`UNCLAS` for unclassified traffic).
    public var bannerWord: String {
        self == .unclassified ? "UNCLAS" : word
    }

    /// The abbreviation used in portion marks: `U`, `C`, `S`, `TS`.
    public var portionAbbreviation: String {
        switch self {
        case .unclassified: "U"
        case .confidential: "C"
        case .secret: "S"
        case .topSecret: "TS"
        }
    }

    public static func < (lhs: Classification, rhs: Classification) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Reads a classification word in any of the spellings cables use:
    /// `SECRET`, `S E C R E T`, `Secret`, `UNCLAS`, `UNCLASSIFIED`, `TOP SECRET`.
    public init?(word: some StringProtocol) {
        let compact = String(word.uppercased().filter { $0.isLetter })
        switch compact {
        case "UNCLAS", "UNCLASSIFIED": self = .unclassified
        case "CONFIDENTIAL": self = .confidential
        case "SECRET": self = .secret
        case "TOPSECRET": self = .topSecret
        default: return nil
        }
    }

    /// Reads a classification word that lost or gained one letter in transmission
    /// (`ECRET`, `SSECRET`, `CONFIDENTAL`).
    public init?(damagedWord: String) {
        if let exact = Classification(word: damagedWord) {
            self = exact
            return
        }
        let candidates: [(String, Classification)] = [
            ("UNCLAS", .unclassified), ("UNCLASSIFIED", .unclassified), ("CONFIDENTIAL", .confidential),
            ("SECRET", .secret), ("TOPSECRET", .topSecret),
        ]
        let word = Array(damagedWord.uppercased())
        for (name, level) in candidates where Self.withinOneEdit(word, Array(name)) {
            self = level
            return
        }
        return nil
    }

    static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if abs(a.count - b.count) > 1 { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count {
                i += 1
            } else if a.count < b.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(word)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Classification(word: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown classification \(text)")
        }
        self = value
    }
}
