import Foundation
import PouchCore

/// The classification banner a whole page carries, top and bottom: the highest level of anything
/// the page shows, with every caveat of the items at that level or below that restricts who may
/// read them, as marking rules ask of a page that gathers many documents.
public struct PageMarking: Sendable, Hashable {
    /// The level.
    public var classification: Classification
    /// The caveats, in the customary order.
    public var caveats: [Caveat]

    static let unclassified = PageMarking(classification: .unclassified, caveats: [])

    /// The marking of a page that shows these items (unclassified when it shows none).
    static func highest(of items: [(Classification, [Caveat])]) -> PageMarking {
        var level = Classification.unclassified
        var caveats: Set<Caveat> = []
        for (classification, itemCaveats) in items {
            level = max(level, classification)
            caveats.formUnion(itemCaveats.filter(\.restrictsDistribution))
        }
        return PageMarking(classification: level, caveats: Caveat.known.filter(caveats.contains) + caveats.subtracting(Caveat.known).sorted())
    }

    /// Reads a marking such as `SECRET//NOFORN` (for `pouch serve --system-level`); nil if it is not one.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let level = parts.first.flatMap({ Classification(word: $0) }) else { return nil }
        var caveats: [Caveat] = []
        for part in parts.dropFirst() where !part.isEmpty {
            guard let caveat = Caveat(captionLine: part) else { return nil }
            caveats.append(caveat)
        }
        self.init(classification: level, caveats: caveats)
    }

    /// A marking of this level and these caveats.
    public init(classification: Classification, caveats: [Caveat]) {
        self.classification = classification
        self.caveats = caveats
    }

    /// The banner text, such as `SECRET//NOFORN`.
    public var text: String { ([classification.word] + caveats.map(\.rawValue)).joined(separator: "//") }

    /// The banner as the header and footer show it.
    var banner: BannerView { BannerView(classification, caveats) }
}
