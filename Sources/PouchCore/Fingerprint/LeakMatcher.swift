/// Finds which of many cables a leaked text comes from, before any slot is read.
///
/// A leak shares long runs of words with its source whatever a leaker did to it (retyped,
/// corrected, stripped of numbers, cut to an excerpt), and almost none with any other cable.
/// The matcher indexes every cable's word 4-grams and ranks cables by how many of the leak's
/// distinct 4-grams they contain; slot wordings differ between copies, so the original's
/// 4-grams are a slight undercount, which the threshold allows for.
public struct LeakMatcher: Sendable {
    /// A cable that matched, with how much of the leak it explains.
    public struct Match: Sendable, Hashable {
        /// Index of the cable in the matcher's list.
        public var cable: Int
        /// Distinct leak 4-grams found in the cable.
        public var shared: Int
        /// `shared` over the leak's distinct 4-grams.
        public var containment: Double
    }

    static let gram = 4
    /// Fewer shared 4-grams than this is coincidence (formulaic phrases recur across cables).
    public static let minimumShared = 6
    /// A smaller share of the leak than this is a quotation in another text, not a copy.
    public static let minimumContainment = 0.2

    private let grams: [Set<Int>]

    public init(cables: [Cable]) {
        grams = cables.map { cable in
            let text = ([cable.subject] + cable.paragraphs.map(\.text)).joined(separator: "\n")
            return Self.grams(of: TraceText.tokens(of: text))
        }
    }

    /// The cables a leak comes from, best first.
    public func matches(leak text: String) -> [Match] {
        let leak = Self.grams(of: TraceText.tokens(of: text))
        guard !leak.isEmpty else { return [] }
        var result: [Match] = []
        for (index, cable) in grams.enumerated() {
            let shared = leak.reduce(0) { $0 + (cable.contains($1) ? 1 : 0) }
            let containment = Double(shared) / Double(leak.count)
            if shared >= Self.minimumShared, containment >= Self.minimumContainment {
                result.append(Match(cable: index, shared: shared, containment: containment))
            }
        }
        return result.sorted { $0.shared != $1.shared ? $0.shared > $1.shared : $0.cable < $1.cable }
    }

    /// Hashes of the word 4-grams (commas dropped: leakers re-punctuate).
    static func grams(of tokens: [String]) -> Set<Int> {
        let words = tokens.filter { $0 != "," }
        guard words.count >= gram else { return [] }
        var result = Set<Int>()
        result.reserveCapacity(words.count)
        for start in 0...(words.count - gram) {
            var hasher = Hasher()
            for word in words[start..<(start + gram)] { hasher.combine(word) }
            result.insert(hasher.finalize())
        }
        return result
    }
}
