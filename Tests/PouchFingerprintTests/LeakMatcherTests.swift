import Foundation
import PouchCore
import PouchCorpus
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

    @Test("text that is in no cable matches nothing")
    func unrelated() {
        let matcher = LeakMatcher(cables: Self.cables)
        #expect(matcher.matches(leak: "The committee met on Tuesday to discuss the budget for the coming year and agreed to meet again.").isEmpty)
        #expect(matcher.matches(leak: "").isEmpty)
    }
}
