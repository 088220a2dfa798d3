/// One TO or INFO addressee of a cable: `SECSTATE WASHDC`, with its precedence if stated.
public struct Addressee: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The plain-language address, without routing indicator or serial: `AMEMBASSY KABUL`.
    public var name: String
    public var precedence: Precedence?

    public init(name: String, precedence: Precedence? = nil) {
        self.name = name
        self.precedence = precedence
    }

    /// `AMEMBASSY KABUL PRIORITY`.
    public var description: String {
        precedence.map { "\(name) \($0.rawValue)" } ?? name
    }

    /// Whether text can be an address on a routing line: upper-case words of letters and digits
    /// (`AMEMBASSY KABUL`, `RUEHBUL/AMEMBASSY KABUL PRIORITY 3164`, `USMISSION USUN NEW YORK`).
    /// Running text or a header line that a damaged routing block holds is not an address.
    public static func looksLikeAddress(_ text: some StringProtocol) -> Bool {
        text.isUpperCaseWords(digits: true, punctuation: "/.-&'()")
    }

    /// Reads one routing line: `RUEHBUL/AMEMBASSY KABUL PRIORITY 3164` → `AMEMBASSY KABUL`, priority.
    /// Routing indicators, channel serials and trailing blanks are dropped.
    public init?(routingLine: some StringProtocol) {
        var text = Substring(routingLine).trimmingWhitespace()
        // Routing indicator: an all-caps token ending in "/" before the name.
        if let slash = text.firstIndex(of: "/"), !text[..<slash].contains(" "),
            text[..<slash].allSatisfy({ ($0.isLetter && $0.isUppercase) || $0.isNumber })
        {
            text = text[text.index(after: slash)...]
        }
        var words = text.split(separator: " ").map(String.init)
        // Channel serial number at the end.
        if let last = words.last, last.allSatisfy(\.isNumber) { words.removeLast() }
        var precedence: Precedence?
        if words.count >= 2, words[words.count - 2] == "NIACT", words.last == "IMMEDIATE" {
            precedence = .niactImmediate
            words.removeLast(2)
        } else if let last = words.last, let value = Precedence(rawValue: last), value != .niactImmediate {
            precedence = value
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        self.init(name: words.joined(separator: " "), precedence: precedence)
    }
}
