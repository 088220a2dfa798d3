/// A dissemination control or handling caption carried by a cable: `NOFORN`, `SIPDIS`, `EXDIS` …
///
/// Known captions have static members; any other caption a real cable carries is kept
/// verbatim (upper-cased) so nothing is lost on import.
public struct Caveat: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// Not releasable to foreign nationals.
    public static let noforn = Caveat(rawValue: "NOFORN")
    /// Cleared for the SIPRNet distribution (Net-Centric Diplomacy).
    public static let sipdis = Caveat(rawValue: "SIPDIS")
    /// Exclusive distribution: a small set of named offices.
    public static let exdis = Caveat(rawValue: "EXDIS")
    /// No distribution beyond the named addressees.
    public static let nodis = Caveat(rawValue: "NODIS")
    /// Limited distribution.
    public static let limdis = Caveat(rawValue: "LIMDIS")
    /// State Department distribution only.
    public static let stadis = Caveat(rawValue: "STADIS")
    /// Sensitive but unclassified.
    public static let sbu = Caveat(rawValue: "SBU")
    /// For official use only.
    public static let fouo = Caveat(rawValue: "FOUO")
    /// Limited official use (the pre-SBU caption).
    public static let limitedOfficialUse = Caveat(rawValue: "LIMITED OFFICIAL USE")

    /// Captions Pouch recognises on a line of their own in a cable's preamble.
    public static let known: [Caveat] = [.noforn, .sipdis, .exdis, .nodis, .limdis, .stadis, .sbu, .fouo, .limitedOfficialUse]

    /// Captions that restrict who may read a cable (as opposed to routing hints such as SIPDIS).
    public var restrictsDistribution: Bool {
        self == .noforn || self == .exdis || self == .nodis || self == .limdis || self == .stadis
    }

    /// Reads a caption line (`NOFORN`, `SENSITIVE`, `SENSITIVE BUT UNCLASSIFIED`,
    /// `FOR OFFICIAL USE ONLY`, `NOT FOR INTERNET DISTRIBUTION` is not one). Returns nil for
    /// anything else.
    public init?(captionLine: some StringProtocol) {
        let words = captionLine.uppercased().split(whereSeparator: { !$0.isLetter })
        let text = words.joined(separator: " ")
        switch text {
        case "NOFORN", "NOFORN NOT RELEASABLE TO FOREIGN NATIONALS", "NOT RELEASABLE TO FOREIGN NATIONALS", "NF":
            self = .noforn
        case "SIPDIS": self = .sipdis
        case "EXDIS": self = .exdis
        case "NODIS": self = .nodis
        case "LIMDIS": self = .limdis
        case "STADIS": self = .stadis
        case "SENSITIVE", "SENSITIVE BUT UNCLASSIFIED", "SBU": self = .sbu
        case "FOR OFFICIAL USE ONLY", "FOUO": self = .fouo
        case "LIMITED OFFICIAL USE": self = .limitedOfficialUse
        default: return nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: Caveat, rhs: Caveat) -> Bool { lhs.rawValue < rhs.rawValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
}
