/// A cable's reference ID: two-digit year, post, serial — `09ISLAMABAD2295`.
public struct ReferenceID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The four-digit year.
    public var year: Int
    /// The post as written in a reference ID: upper case, no spaces (`NEWDELHI`, `STATE`).
    public var post: String
    public var serial: Int

    public init(year: Int, post: String, serial: Int) {
        self.year = year
        self.post = Self.compactPost(post)
        self.serial = serial
    }

    /// `NEW DELHI` → `NEWDELHI`.
    public static func compactPost(_ name: some StringProtocol) -> String {
        String(name.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Parses `09ISLAMABAD2295` (also with spaces or leading zeros in the serial).
    public init?(_ text: some StringProtocol) {
        let compact = Array(String(text).uppercased().filter { !$0.isWhitespace })
        guard compact.count >= 4, compact[0].isASCII, compact[0].isNumber, compact[1].isNumber else { return nil }
        var end = compact.count
        while end > 2, compact[end - 1].isASCII, compact[end - 1].isNumber { end -= 1 }
        let postChars = compact[2..<end]
        guard !postChars.isEmpty, end < compact.count, postChars.allSatisfy({ $0.isASCII && $0.isLetter }),
            let yy = Int(String(compact[0..<2])), let serial = Int(String(compact[end...]))
        else { return nil }
        self.init(year: yy >= 50 ? 1900 + yy : 2000 + yy, post: String(postChars), serial: serial)
    }

    public var description: String {
        let yy = year % 100
        return (yy < 10 ? "0" : "") + "\(yy)\(post)\(serial)"
    }

    public static func < (lhs: ReferenceID, rhs: ReferenceID) -> Bool {
        (lhs.year, lhs.post, lhs.serial) < (rhs.year, rhs.post, rhs.serial)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ReferenceID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a reference ID: \(text)")
        }
        self = id
    }
}
