import Foundation
import PouchCore
import PouchCorpus
import Testing

/// The shared corpus, loaded once.
enum SharedCorpus {
    static let directory = CorpusFile.sharedCorpusDirectory()
    static let wikileaks: [CorpusFile] = (try? CorpusFile.loadDirectory(directory.appendingPathComponent("cablegate-wikileaks"))) ?? []
    static let raw: [CorpusFile] = (try? CorpusFile.loadDirectory(directory.appendingPathComponent("cablegate-raw"))) ?? []
    static let truth: [String: GroundTruth] =
        (try? GroundTruth.load(from: directory.appendingPathComponent("cablegate-wikileaks/metadata.jsonl"))) ?? [:]
}

enum TextForTests {
    static func latin1(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
