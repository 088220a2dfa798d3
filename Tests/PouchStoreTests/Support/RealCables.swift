import Foundation
import PouchCore
import PouchCorpus
import PouchTestSupport

/// Real cables from the shared corpus, as the archive would hold them.
enum RealCables {
    /// The first `count` WikiLeaks cables that parse with a reference ID and text.
    static func load(_ count: Int) throws -> [Cable] {
        let directory = CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
        var cables: [Cable] = []
        for file in try CorpusFile.loadDirectory(directory) where cables.count < count {
            guard let document = try? CableReading.read(bytes: file.bytes, fileName: file.name), document.cable.referenceID != nil,
                !document.cable.paragraphs.isEmpty
            else { continue }
            cables.append(document.cable)
        }
        return cables
    }
}
