import Foundation
import PouchCore
import PouchCorpus
import PouchFingerprint
import PouchTestSupport
import Testing

@Suite("Finding the cable a leak comes from")
struct LeakMatcherTests {
    static let cables: [Cable] = {
        let directory = CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
        let files = (try? CorpusFile.loadDirectory(directory)) ?? []
        return files.prefix(120).compactMap { try? CableReading.read(bytes: $0.bytes, fileName: $0.name).cable }.filter { $0.wordCount >= 200 }
    }()

    @Test("a retyped 100-word excerpt of a marked copy finds its cable and no other")
    func excerpts() throws {
        #expect(Self.cables.count > 50)
        let matcher = LeakMatcher(cables: Self.cables)
        var random = SplitMix(seed: 4)
        let key = try FingerprintKey(bytes: [UInt8](repeating: 7, count: 32))
        for (index, cable) in Self.cables.enumerated() {
            let copy = CableFingerprint(cable: cable, key: key).copy(for: "reader-\(index)")
            let text = copy.paragraphs.map(\.text).joined(separator: "\n\n")
            let leak = Attack.retype(Attack.excerpt(text, words: 100, using: &random), using: &random)
            let matches = matcher.matches(leak: leak)
            #expect(matches.map(\.cable) == [index], "cable \(index): \(matches)")
        }
    }

    @Test("a short cable's whole marked copy, header lines and all, finds its cable first")
    func wholeCopies() throws {
        let directory = CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
        let all = try CorpusFile.loadDirectory(directory).compactMap { try? CableReading.read(bytes: $0.bytes, fileName: $0.name).cable }
        let matcher = LeakMatcher(cables: all)
        let key = try FingerprintKey(bytes: [UInt8](repeating: 9, count: 32))
        var tried = 0
        // The short ones, where the header outweighs the text (longer ones are the excerpt test's).
        for (index, cable) in all.enumerated() where !cable.paragraphs.isEmpty && cable.wordCount < 300 {
            tried += 1
            let copy = CableRenderer().render(CableFingerprint(cable: cable, key: key).copy(for: "reader-\(index)"))
            let matches = matcher.matches(leak: copy)
            #expect(matches.first?.cable == index, "\(cable.referenceID?.description ?? "cable \(index)") (\(cable.wordCount) words): \(matches)")
        }
        #expect(tried >= 10, "the corpus has short cables")
    }

    @Test("text that is in no cable matches nothing")
    func unrelated() {
        let matcher = LeakMatcher(cables: Self.cables)
        #expect(matcher.matches(leak: "The committee met on Tuesday to discuss the budget for the coming year and agreed to meet again.").isEmpty)
        #expect(matcher.matches(leak: "").isEmpty)
    }
}
