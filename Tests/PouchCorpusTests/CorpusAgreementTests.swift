import Foundation
import PouchCore
import PouchCorpus
import Testing

@Suite("Agreement with the WikiLeaks metadata")
struct CorpusAgreementTests {
    @Test("the corpus is present: 300 WikiLeaks cables with metadata, 12 raw cables")
    func corpusIsPresent() {
        #expect(SharedCorpus.wikileaks.count == 300, "corpus at \(SharedCorpus.directory.path)")
        #expect(SharedCorpus.truth.count == 300)
        #expect(SharedCorpus.raw.count == 12)
    }

    @Test("a corpus folder that is not there is a CorpusError naming it, not a raw system error")
    func missingFolder() {
        let missing = URL(fileURLWithPath: "/nonexistent/pouch-corpus")
        #expect(throws: CorpusError("/nonexistent/pouch-corpus: not a folder of cables that can be read")) { try CorpusFile.loadDirectory(missing) }
    }

    @Test("classification and NOFORN ≥ 99%, reference ID ≥ 99%, origin ≥ 98%, date within a day ≥ 98%")
    func agreement() throws {
        var documents: [String: Result<CableDocument, CableParseError>] = [:]
        for file in SharedCorpus.wikileaks {
            documents[file.stem] = Result { () throws(CableParseError) in try CableParser().parse(bytes: file.bytes, fileName: file.name) }
        }
        let agreement = Agreement.measure(documents: documents, truth: SharedCorpus.truth)
        #expect(agreement.failed.isEmpty, "\(agreement.failed)")
        let thresholds = ["classification+noforn": 0.99, "refid": 0.99, "origin": 0.98, "date±1d": 0.98]
        for (name, threshold) in thresholds {
            let field = try #require(agreement.field(name))
            #expect(field.compared == 300)
            #expect(field.rate >= threshold, "\(name): \(field.agreed)/\(field.compared), differ: \(field.disagreements)")
        }
    }

    @Test("reference IDs agree from the content alone, without the file name, for every cable with a routing block")
    func referenceIDsFromContent() throws {
        for file in SharedCorpus.wikileaks {
            let document = try CableParser().parse(bytes: file.bytes)
            guard document.cable.dateTimeGroup != nil else { continue }
            #expect(document.cable.referenceID?.description == file.stem)
        }
    }
}
