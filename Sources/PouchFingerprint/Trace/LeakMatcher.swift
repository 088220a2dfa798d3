import Foundation
import PouchCore

/// Finds which of many cables a leaked text comes from, before any slot is read.
///
/// A leak shares long runs of words with its source whatever a leaker did to it (retyped,
/// corrected, stripped of numbers, cut to an excerpt), and almost none with any other cable.
/// The matcher indexes every cable's word 4-grams and ranks cables by how many of the leak's
/// distinct 4-grams they contain; slot wordings differ between copies, so the original's
/// 4-grams are a slight undercount, which the threshold allows for.
///
/// A leak that is a whole copy, header lines and all, is matched on its subject and paragraphs
/// only: on a short cable the routing, serial and "Classified By" lines outnumber the words of
/// text, and would otherwise leave the text too small a share of the leak. A cable most of whose
/// own 4-grams are in the leak is its source too, however much else the leak holds.
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
    /// A larger share of a cable's own 4-grams than this in one leak: the leak holds the cable.
    public static let minimumCoverage = 0.5

    private let grams: [Set<Int>]

    public init(cables: [Cable]) {
        grams = cables.map { cable in
            let text = ([cable.subject] + cable.paragraphs.map(\.text)).joined(separator: "\n")
            return Self.grams(of: TraceText.tokens(of: text))
        }
    }

    /// The cables a leak comes from, best first.
    public func matches(leak text: String) -> [Match] {
        let leak = Self.grams(of: TraceText.tokens(of: Self.text(of: text)))
        guard !leak.isEmpty else { return [] }
        var result: [Match] = []
        for (index, cable) in grams.enumerated() {
            let shared = leak.reduce(0) { $0 + (cable.contains($1) ? 1 : 0) }
            let containment = Double(shared) / Double(leak.count)
            let coverage = cable.isEmpty ? 0 : Double(shared) / Double(cable.count)
            if shared >= Self.minimumShared, containment >= Self.minimumContainment || coverage >= Self.minimumCoverage {
                result.append(Match(cable: index, shared: shared, containment: containment))
            }
        }
        return result.sorted { $0.shared != $1.shared ? $0.shared > $1.shared : $0.cable < $1.cable }
    }

    /// The words to match: a leak that reads as a whole cable (any of the forms Pouch parses)
    /// gives its subject and paragraphs, the same text the cables are indexed by. Anything else
    /// (an excerpt, a copy cut below its header) is taken whole, less what is marking rather than
    /// text: portion marks such as `(S/NF)`, and the "Classified By", TAGS, REF and E.O. lines
    /// that open the rest of a header, so the words either side make 4-grams as in the cable.
    static func text(of leak: String) -> String {
        if let cable = try? CableParser().parse(text: leak).cable, !cable.paragraphs.isEmpty {
            return ([cable.subject] + cable.paragraphs.map(\.text)).joined(separator: "\n")
        }
        return
            leak
            .replacingOccurrences(of: #"(?im)^[ \t]*(classified by|tags|ref|e\.o\.)\b.*$"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"(?im)^[ \t]*subject:"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\((?:U|SBU|C|S|TS)(?://?[A-Z]+)*\)"#, with: " ", options: .regularExpression)
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
