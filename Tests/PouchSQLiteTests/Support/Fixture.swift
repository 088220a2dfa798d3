import Foundation
import PouchCore
import PouchCorpus
import PouchSQLite
import PouchTestSupport

@testable import PouchStore

/// What the store tests share: a draft, the people it goes to, real paragraphs, a populated store.
enum Fixture {
    /// A draft as `pouch cable draft` produces it: no reference ID yet.
    static let draft = SampleDraft.cable
    static let drafter = Reader(id: "anne", name: "Anne", post: "ISLAMABAD", roles: [.drafter, .reader], clearance: .secret)
    static let cleared = Reader(id: "bea", name: "Bea", post: "KABUL", clearance: .secret)
    static let foreign = Reader(id: "fred", name: "Fred", post: "ISLAMABAD", clearance: .topSecret, citizen: false)
    static let low = Reader(id: "lou", name: "Lou", post: "KABUL", clearance: .confidential)
    static let officer = Reader(id: "sam", name: "Sam", post: "STATE", roles: [.securityOfficer], clearance: .topSecret)

    /// Paragraphs of real cables from the shared corpus.
    static func realParagraphs(_ count: Int) throws -> [Paragraph] {
        let directory = CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
        var paragraphs: [Paragraph] = []
        for file in try CorpusFile.loadDirectory(directory) where paragraphs.count < count {
            guard let document = try? CableReading.read(bytes: file.bytes, fileName: file.name) else { continue }
            paragraphs += document.cable.paragraphs.filter { $0.text.split(separator: " ").count >= 30 }
        }
        return Array(paragraphs.prefix(count))
    }

    static func populated() async throws -> (SealedStore, String) {
        let (store, directory) = try temporaryStore()
        try await store.addUsers([drafter, cleared, foreign, low, officer], as: "admin")
        return (store, directory)
    }
}
