/// One entry of a cable's REF list: `A. 09 ISLAMABAD 2295`.
public struct Reference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The letter label (`A`, `B` …), when the list is lettered.
    public var label: String?
    /// The reference as written: `09 ISLAMABAD 2295`, `STATE 12345`, `SAINZ E-MAIL OF 10/6`.
    public var text: String

    public init(label: String? = nil, text: String) {
        self.label = label
        self.text = text
    }

    /// `A. 09 ISLAMABAD 2295`.
    public var description: String { label.map { "\($0). \(text)" } ?? text }

    /// The cable this reference names, when it names one: `[YY ]POST SERIAL` with the
    /// year defaulting to the citing cable's.
    public func referenceID(citingYear: Int?) -> ReferenceID? {
        var words = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        // Drop trailing qualifiers such as "(NOTAL)" or "(EXDIS)".
        while let last = words.last, last.hasPrefix("(") || last.hasSuffix(")") { words.removeLast() }
        guard words.count >= 2, let serial = Int(words.last!), serial > 0 else { return nil }
        var year = citingYear
        var postWords = words.dropLast()
        if let first = postWords.first, first.count == 2, let yy = Int(first) {
            year = yy >= 50 ? 1900 + yy : 2000 + yy
            postWords = postWords.dropFirst()
        }
        guard let resolvedYear = year, !postWords.isEmpty,
            postWords.allSatisfy({ $0.allSatisfy { $0.isLetter } })
        else { return nil }
        return ReferenceID(year: resolvedYear, post: postWords.joined(), serial: serial)
    }
}
