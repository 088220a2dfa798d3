import Foundation
import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@testable import PouchStore

/// The archive's search against a brute-force reference on real cables, under need-to-know, on
/// every database: hits, counts, facets, snippets and citations, and import run twice.
@Suite("Searching the archive on every database")
struct ArchiveSearchTests {
    /// The corpus imported by the administrator, with readers of three access levels.
    static func fill(_ store: SealedStore) async throws {
        try await store.addUsers(SearchFixture.users, as: "admin")
        let outcome = try await store.importCables(SearchFixture.cables, as: "admin")
        #expect(outcome.imported.count == SearchFixture.cables.count)
    }

    @Test("every query gives the brute-force reference's hits and count, for users of three access levels", arguments: TestDatabase.available)
    func agreesWithReference(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            for text in SearchFixture.queries {
                guard let query = try? SearchQuery(parsing: text) else {
                    #expect(text == "the of")
                    continue
                }
                for user in SearchFixture.users {
                    let expected = SearchFixture.reference.hits(query, user: user)
                    let results = try await store.search(query, as: user.id, options: SearchOptions(limit: 1_000, snippets: false))
                    #expect(results.total == expected.count, "\(text) as \(user.id): count")
                    #expect(Set(results.hits.map(\.summary.referenceID)) == expected, "\(text) as \(user.id): hits")
                    let facetTotal = results.facets["classification"]?.reduce(0) { $0 + $1.count } ?? 0
                    #expect(facetTotal == results.total, "\(text): facets count only what the user may read")
                }
            }
        }
    }

    @Test(
        "snippets come from the reader's text with the matches marked; a reference ID finds its cable and its citations",
        arguments: TestDatabase.available)
    func snippetsAndReferences(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            let results = try await store.search(try SearchQuery(parsing: "nuclear"), as: "high", options: SearchOptions(limit: 5))
            #expect(!results.hits.isEmpty)
            for hit in results.hits {
                let marked = hit.snippet.filter(\.match).map { $0.text.lowercased() }
                #expect(!marked.isEmpty && marked.allSatisfy { $0.hasPrefix("nuclear") }, "\(hit.snippet)")
            }
            // A cable that cites another in the corpus.
            let ids = Set(SearchFixture.cables.map { $0.referenceID!.description })
            guard
                let citing = SearchFixture.cables.first(where: { cable in
                    cable.classification <= .secret && !cable.caveats.contains(.nodis)
                        && BlindIndex.columns(of: cable).cites.contains { ids.contains($0.description) }
                })
            else { return }
            let cited = BlindIndex.columns(of: citing).cites.first { ids.contains($0.description) }!
            let direct = try await store.search(try SearchQuery(parsing: citing.referenceID!.description), as: "high", options: SearchOptions())
            #expect(direct.hits.first?.summary.referenceID == citing.referenceID!.description)
            #expect(direct.hits.first?.cites?.contains(cited.description) == true)
            let back = try await store.search(try SearchQuery(parsing: "cites:\(cited)"), as: "high", options: SearchOptions())
            #expect(back.hits.map(\.summary.referenceID).contains(citing.referenceID!.description))
        }
    }

    @Test("facet counts are the brute-force counts over the hits the user may read, for every facet", arguments: TestDatabase.available)
    func facetsAgreeWithReference(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            let byID = Dictionary(SearchFixture.cables.map { ($0.referenceID!.description, $0) }, uniquingKeysWith: { first, _ in first })
            for text in ["nuclear", "government OR opposition", "class:secret", "tag:PREL embassy", "NOT embassy"] {
                let query = try SearchQuery(parsing: text)
                for user in SearchFixture.users {
                    var expected: [String: [String: Int]] = [:]
                    for id in SearchFixture.reference.hits(query, user: user) {
                        let cable = byID[id]!
                        let post = (cable.origin.map(Post.init(fmLine:)) ?? Post(telegramPost: cable.referenceID!.post)).fmLine
                        expected["post", default: [:]][post, default: 0] += 1
                        expected["year", default: [:]][String(cable.referenceID!.year), default: 0] += 1
                        expected["classification", default: [:]][cable.classification.word, default: 0] += 1
                        for caveat in cable.caveats { expected["caveat", default: [:]][caveat.rawValue, default: 0] += 1 }
                        for tag in Set(cable.tags.map { $0.uppercased() }) { expected["tag", default: [:]][tag, default: 0] += 1 }
                    }
                    let results = try await store.search(query, as: user.id, options: SearchOptions(limit: 1, snippets: false))
                    let found = results.facets.mapValues { Dictionary($0.map { ($0.value, $0.count) }, uniquingKeysWith: +) }
                    #expect(found == expected, "\(text) as \(user.id)")
                }
            }
        }
    }

    @Test("a pipelined import in small batches gives the archive one batch gives, and a second run adds nothing", arguments: TestDatabase.available)
    func pipelinedImport(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await store.addUsers(SearchFixture.users, as: "admin")
            let files = try ArchiveImport.files(in: [CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks").path])
            // Batches of 23: a dozen in flight one after another, words first met in one batch found in cables of the next.
            let first = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 23)
            #expect(first.imported == SearchFixture.cables.count && first.failures.isEmpty)
            let second = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 23)
            #expect(second.imported == 0 && second.duplicates == first.imported + first.duplicates)
            for text in SearchFixture.queries {
                guard let query = try? SearchQuery(parsing: text) else { continue }
                let expected = SearchFixture.reference.hits(query, user: SearchFixture.users[2])
                let results = try await store.search(query, as: "high", options: SearchOptions(limit: 1_000, facets: false, snippets: false))
                #expect(Set(results.hits.map(\.summary.referenceID)) == expected && results.total == expected.count, "\(text)")
            }
        }
    }

    @Test("import is idempotent: the same cables twice are one archive", arguments: TestDatabase.available)
    func idempotent(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            let again = try await store.importCables(Array(SearchFixture.cables.prefix(50)), as: "admin")
            #expect(again.imported.isEmpty && again.duplicates.count == 50)
            await #expect(throws: StoreError.self) { try await store.importCables(Array(SearchFixture.cables.prefix(1)), as: "low") }
        }
    }
}
