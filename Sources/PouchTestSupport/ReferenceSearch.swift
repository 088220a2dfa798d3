import PouchCore
import PouchStore

/// Brute-force search over cables in memory: the reference the archive's index is checked
/// against. It restates the need-to-know rule for archived cables and evaluates the query on
/// every cable's terms directly.
public struct ReferenceSearch: Sendable {
    public let cables: [Cable]
    let columns: [[[SearchAnalyzer.Term]]]
    let vocabulary: [String: String]
    let sortedWords: [String]

    /// `cables` in import order; a reference ID seen again is skipped, as import skips it.
    public init(cables: [Cable]) {
        var seen: Set<String> = []
        let cables = cables.filter { $0.referenceID.map { seen.insert($0.description).inserted } ?? false }
        self.cables = cables
        var stems: [String: String] = [:]
        columns = cables.map { cable in
            let parts = BlindIndex.columns(of: cable)
            return [SearchAnalyzer.terms(parts.subject, stems: &stems), SearchAnalyzer.terms(parts.body, stems: &stems)]
        }
        vocabulary = stems
        sortedWords = stems.keys.sorted()
    }

    /// Archived cables this person may read: clearance, NOFORN through citizenship, distribution captions through grants, never NODIS.
    public static func mayRead(_ user: Reader, _ cable: Cable) -> Bool {
        guard user.clearance.rawValue >= cable.classification.rawValue, !cable.caveats.contains(.nodis) else { return false }
        if cable.caveats.contains(.noforn) && !user.citizen { return false }
        return [Caveat.exdis, .limdis, .stadis].allSatisfy { !cable.caveats.contains($0) || user.grants.contains($0) }
    }

    /// The stems of every word starting with `prefix`.
    public func expand(_ prefix: String) -> Set<String> {
        var low = 0
        var high = sortedWords.count
        while low < high {
            let middle = (low + high) / 2
            if sortedWords[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var result: Set<String> = []
        while low < sortedWords.count, sortedWords[low].hasPrefix(prefix) {
            result.insert(vocabulary[sortedWords[low]]!)
            low += 1
        }
        return result
    }

    /// The reference IDs of the cables the query finds for this person.
    public func hits(_ query: SearchQuery, user: Reader) -> Set<String> {
        var hits: Set<String> = []
        let filters = query.filters
        for (index, cable) in cables.enumerated() where Self.mayRead(user, cable) {
            guard let id = cable.referenceID else { continue }
            if let years = filters.years, !years.contains(id.year) { continue }
            if !filters.classifications.isEmpty, !filters.classifications.contains(cable.classification) { continue }
            if !filters.tags.isEmpty, !filters.tags.contains(where: { tag in cable.tags.contains { $0.uppercased() == tag } }) { continue }
            if !filters.caveats.isEmpty, !filters.caveats.contains(where: { cable.caveats.contains($0) }) { continue }
            if !filters.posts.isEmpty {
                let post = Post(fmLine: cable.origin ?? Post(telegramPost: id.post).fmLine).referencePost
                if !filters.posts.contains(where: { Post(fmLine: $0).referencePost == post || ReferenceID.compactPost($0.uppercased()) == post }) {
                    continue
                }
            }
            if !filters.cites.isEmpty {
                let cited = BlindIndex.columns(of: cable).cites
                if !filters.cites.contains(where: { cited.contains($0) }) { continue }
            }
            if let expression = query.expression, !expression.matches(columns[index], expand: expand) { continue }
            hits.insert(id.description)
        }
        if let id = query.referenceID, let cable = cables.first(where: { $0.referenceID == id }), Self.mayRead(user, cable) {
            hits.insert(id.description)
        }
        return hits
    }
}
