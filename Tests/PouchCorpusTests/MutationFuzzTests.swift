import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@Suite("Fuzzing with mutated real cables")
struct MutationFuzzTests {
    /// Byte flips, deletions, duplications, truncation, line shuffles and splices of two cables.
    static func mutate(_ bytes: [UInt8], other: [UInt8], using random: inout SplitMix) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            guard !result.isEmpty else { break }
            let position = Int.random(in: 0..<result.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: result[position] = UInt8.random(in: 0...255, using: &random)
            case 1: result.remove(at: position)
            case 2:
                let end = min(result.count, position + Int.random(in: 1...400, using: &random))
                result.removeSubrange(position..<end)
            case 3:
                let end = min(result.count, position + Int.random(in: 1...200, using: &random))
                result.insert(contentsOf: result[position..<end], at: position)
            case 4: result = Array(result[..<position])
            case 5: result.insert(contentsOf: [0x0A, 0x0A], at: position)
            case 6:
                let start = Int.random(in: 0..<max(1, other.count), using: &random)
                result.insert(contentsOf: other[start..<min(other.count, start + 300)], at: position)
            default:
                result.insert(contentsOf: Array("1. (S/NF) ".utf8), at: position)
            }
        }
        return result
    }

    @Test("2,000 mutations of real cables parse or fail with a located error")
    func mutations() {
        let files = SharedCorpus.wikileaks + SharedCorpus.raw
        #expect(files.count == 312)
        guard files.count > 1 else { return }
        var random = SplitMix(seed: 42)
        var parsed = 0
        var failed = 0
        for _ in 0..<2_000 {
            let file = files[Int.random(in: 0..<files.count, using: &random)]
            let other = files[Int.random(in: 0..<files.count, using: &random)]
            let bytes = Self.mutate(file.bytes, other: other.bytes, using: &random)
            do {
                let document = try CableReading.read(bytes: bytes, fileName: file.name)
                parsed += 1
                // What parses must also render, re-parse to the same cable, and lint without crashing.
                let text = CableRenderer().render(document.cable)
                let again = try CableParser().parse(text: text).cable
                #expect(again == document.cable, "\(file.name): \(differences(again, document.cable))")
                _ = CableLinter().lint(document)
            } catch {
                failed += 1
                #expect(error.line >= 1 && !error.message.isEmpty)
                #expect(error.file == file.name)
            }
        }
        #expect(parsed > 1_600)
    }
}
