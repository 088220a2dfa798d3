/// How fast a cable must be handled, from the date-time-group line and the action addressees.
public enum Precedence: String, Sendable, Hashable, CaseIterable, Codable {
    case flash = "FLASH"
    case niactImmediate = "NIACT IMMEDIATE"
    case immediate = "IMMEDIATE"
    case priority = "PRIORITY"
    case routine = "ROUTINE"

    /// The prosign letter on the date-time-group line (`O 210722Z JUL 06`).
    /// NIACT IMMEDIATE travels as `O`; the NIACT is spelled out on the TO line.
    public var prosign: Character {
        switch self {
        case .flash: "Z"
        case .niactImmediate, .immediate: "O"
        case .priority: "P"
        case .routine: "R"
        }
    }

    public init?(prosign: Character) {
        switch prosign {
        case "Z": self = .flash
        case "O": self = .immediate
        case "P": self = .priority
        case "R": self = .routine
        default: return nil
        }
    }
}
