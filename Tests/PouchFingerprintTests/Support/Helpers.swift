import Foundation
import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@testable import PouchFingerprint

/// Loaded once: the real cables and every slot the catalogue finds in them.
enum RealSlots {
    static let corpus = CorpusFile.sharedCorpusDirectory()
    static let cables: [Cable] = {
        let files = (try? CorpusFile.loadDirectory(corpus.appendingPathComponent("cablegate-wikileaks"))) ?? []
        return files.compactMap { try? CableParser().parse(bytes: $0.bytes, fileName: $0.name).cable }
    }()
    static let found: [(cable: Cable, slots: [Slot])] = cables.map { ($0, SlotFinder(catalogue: .publicCatalogue).slots(in: $0)) }
}

enum TestKeys {
    static let key = try! FingerprintKey(bytes: (0..<32).map { UInt8($0 * 7 % 256) })
    static let other = try! FingerprintKey(bytes: (0..<32).map { UInt8(255 - $0) })
}

/// The longest real cable, for tests that need many slots.
enum LongCable {
    static let cable: Cable = RealSlots.cables.max { $0.wordCount < $1.wordCount }!
    static let fingerprint = CableFingerprint(cable: cable, key: TestKeys.key)
}

/// The slots a catalogue finds in one paragraph, as (rule, original span, alternatives).
func slots(
    _ text: String, catalogue: RuleCatalogue = .publicCatalogue, scheme: FingerprintScheme = .current
) -> [(rule: String, alternatives: [String])] {
    let cable = Cable(classification: .confidential, paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: text)])
    return SlotFinder(catalogue: catalogue, scheme: scheme).slots(in: cable).map { ($0.rule, $0.alternatives) }
}

func alternatives(_ text: String, rule: String, scheme: FingerprintScheme = .current) -> [[String]] {
    slots(text, scheme: scheme).filter { $0.rule == rule }.map(\.alternatives)
}

/// The alternatives of one rule's slots in a one-paragraph cable sent from `post` (none: the Department).
func alternatives(_ text: String, rule: String, post: String?, scheme: FingerprintScheme = .current) -> [[String]] {
    let cable = Cable(
        referenceID: post.map { ReferenceID(year: 2009, post: $0, serial: 1) }, classification: .confidential,
        paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: text)])
    return SlotFinder(catalogue: .publicCatalogue, scheme: scheme).slots(in: cable).filter { $0.rule == rule }.map(\.alternatives)
}
