/// Who classified a cable, and under which reasons of E.O. 12958/13526 section 1.4 (or 1.5).
///
/// `Classified By: Ambassador Anne W. Patterson for reasons 1.4 (b) and (d).`
public struct ClassificationAuthority: Sendable, Hashable, Codable {
    /// The classifier's title and name.
    public var classifiedBy: String
    /// The section of the order cited: `1.4` (or `1.5` in cables before 2003).
    public var section: String
    /// The reason letters, lower case, in order: `["b", "d"]`.
    public var reasons: [Character]

    public init(classifiedBy: String, section: String = "1.4", reasons: [Character]) {
        self.classifiedBy = classifiedBy
        self.section = section
        self.reasons = reasons
    }

    /// Reasons as written in JSON: `["1.4(b)", "1.4(d)"]`.
    public var reasonCodes: [String] { reasons.map { "\(section)(\($0))" } }

    enum CodingKeys: String, CodingKey { case classifiedBy, section, reasons }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(classifiedBy, forKey: .classifiedBy)
        try container.encode(section, forKey: .section)
        try container.encode(reasons.map(String.init), forKey: .reasons)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        classifiedBy = try container.decode(String.self, forKey: .classifiedBy)
        section = try container.decode(String.self, forKey: .section)
        reasons = try container.decode([String].self, forKey: .reasons).compactMap(\.first)
    }
}
