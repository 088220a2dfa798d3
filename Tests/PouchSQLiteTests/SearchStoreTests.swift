import Foundation
import GRDB
import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@testable import PouchSQLite
@testable import PouchStore

/// The archive's search against a brute-force reference on real cables, under need-to-know.
@Suite("Searching the archive", .temporaryFiles)
struct SearchStoreTests {
    static let cables: [Cable] = {
        let directory = CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
        let files = (try? CorpusFile.loadDirectory(directory)) ?? []
        var seen: Set<String> = []
        return files.compactMap { try? CableReading.read(bytes: $0.bytes, fileName: $0.name).cable }
            .filter { $0.referenceID != nil && seen.insert($0.referenceID!.description).inserted }
    }()

    static let users = [
        Reader(id: "low", name: "Low", post: "KABUL", clearance: .confidential, citizen: true),
        Reader(id: "mid", name: "Mid", post: "KABUL", clearance: .secret, citizen: false),
        Reader(id: "high", name: "High", post: "STATE", clearance: .topSecret, citizen: true, grants: [.exdis, .nodis]),
    ]

    static func archive() async throws -> (SealedStore, String) {
        let (store, directory) = try temporaryStore()
        try await store.addUsers(users, as: "admin")
        let outcome = try await store.importCables(cables, as: "admin")
        #expect(outcome.imported.count == cables.count)
        return (store, directory)
    }

    static let reference = ReferenceSearch(cables: cables)

    static let queries = [
        "nuclear", "iran", "\"prime minister\"", "government OR opposition", "election -fraud", "negot*", "minister president",
        "terror* tag:PTER", "post:MOSCOW", "year:2006-2008 oil", "class:secret army", "caveat:NOFORN", "tag:PREL tag:PGOV embassy",
        "(china OR russia) AND trade", "\"human rights\" NOT china", "ambassador -(iran OR iraq)", "the of",
        "corrupt* class:confidential", "\"united states\" elect*", "NOT embassy", "refugees OR migrants OR asylum",
    ]

    @Test("every query gives the brute-force reference's hits and count, for users of three access levels")
    func agreesWithReference() async throws {
        let (store, _) = try await Self.archive()
        for text in Self.queries {
            guard let query = try? SearchQuery(parsing: text) else {
                #expect(text == "the of")
                continue
            }
            for user in Self.users {
                let expected = Self.reference.hits(query, user: user)
                let results = try await store.search(query, as: user.id, options: SearchOptions(limit: 1_000, snippets: false))
                #expect(results.total == expected.count, "\(text) as \(user.id): count")
                #expect(Set(results.hits.map(\.summary.referenceID)) == expected, "\(text) as \(user.id): hits")
                let facetTotal = results.facets["classification"]?.reduce(0) { $0 + $1.count } ?? 0
                #expect(facetTotal == results.total, "\(text): facets count only what the user may read")
            }
        }
    }

    @Test("snippets come from the reader's text with the matches marked; a reference ID finds its cable and its citations")
    func snippetsAndReferences() async throws {
        let (store, _) = try await Self.archive()
        let results = try await store.search(try SearchQuery(parsing: "nuclear"), as: "high", options: SearchOptions(limit: 5))
        #expect(!results.hits.isEmpty)
        for hit in results.hits {
            let marked = hit.snippet.filter(\.match).map { $0.text.lowercased() }
            #expect(!marked.isEmpty && marked.allSatisfy { $0.hasPrefix("nuclear") }, "\(hit.snippet)")
        }
        // A cable that cites another in the corpus.
        let ids = Set(Self.cables.map { $0.referenceID!.description })
        guard
            let citing = Self.cables.first(where: { cable in
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

    @Test("facet counts are the brute-force counts over the hits the user may read, for every facet")
    func facetsAgreeWithReference() async throws {
        let (store, _) = try await Self.archive()
        let byID = Dictionary(Self.cables.map { ($0.referenceID!.description, $0) }, uniquingKeysWith: { first, _ in first })
        for text in ["nuclear", "government OR opposition", "class:secret", "tag:PREL embassy", "NOT embassy"] {
            let query = try SearchQuery(parsing: text)
            for user in Self.users {
                var expected: [String: [String: Int]] = [:]
                for id in Self.reference.hits(query, user: user) {
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

    @Test("a page picked in memory is the page SQL's ORDER BY gives over the envelope table, by relevance and by date, at every offset")
    func pageOrderAgreesWithSQL() async throws {
        let (store, _) = try await Self.archive()
        for text in [
            "nuclear", "government OR opposition", "negot* tag:PREL", "\"human rights\"", "minister president", "class:secret",
            "tag:PREL post:MOSCOW",
        ] {
            let query = try SearchQuery(parsing: text)
            let compiled = FTS5Query(token: store.index.token, expand: { store.vocabulary.expand($0) }).compile(query)
            for user in Self.users {
                let (visibility, visibilityArguments) = SealedStore.visibility(for: user)
                let (from, baseConditions, arguments, rank) = SearchSQL.clauses(
                    compiled, filters: query.filters, envelope: "cable", index: "search",
                    rankFunction: RankFunction.name)
                let conditions = [visibility] + baseConditions
                for order in SearchOptions.Order.allCases {
                    let sqlOrder =
                        order == .relevance && rank != nil ? "\(rank!), cable.date DESC, cable.docid DESC" : "cable.date DESC, cable.id DESC"
                    for offset in [0, 7, 40] {
                        let sql =
                            "SELECT cable.id FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(sqlOrder) LIMIT 15 OFFSET \(offset)"
                        let sqlArguments = SQLiteConnection.arguments(SQLArguments(visibilityArguments + arguments))
                        let expected = try await store.sqlite("a test").pool.read { db in
                            try store.vocabulary.refresh(SQLiteConnection(db), keys: store.keys)
                            try store.sqlite("a test").index.documentLengths.refresh(SQLiteConnection(db))
                            return try String.fetchAll(db, sql: sql, arguments: sqlArguments)
                        }
                        let found = try await store.search(
                            query, as: user.id,
                            options: SearchOptions(
                                limit: 15, offset: offset, order: order, facets: offset == 0,
                                snippets: false))
                        #expect(found.hits.map(\.summary.referenceID) == expected, "\(text) as \(user.id), \(order) from \(offset)")
                    }
                }
            }
        }
    }

    @Test("the pass over the matches split across two connections gives the docids and ranks of one pass")
    func splitPass() async throws {
        let (store, _) = try await Self.archive()
        for text in ["nuclear", "government OR opposition", "\"human rights\"", "minister president", "negot*"] {
            let compiled = FTS5Query(token: store.index.token, expand: { store.vocabulary.expand($0) }).compile(try SearchQuery(parsing: text))
            let match = try #require(compiled.match)
            for splitAt in [Int64(1), 100, 200] {
                let (whole, split) = try await store.sqlite("a test").pool.read { db in
                    try store.vocabulary.refresh(SQLiteConnection(db), keys: store.keys)
                    try store.sqlite("a test").index.documentLengths.refresh(SQLiteConnection(db))
                    let upTo = try Int64.fetchOne(db, sql: "SELECT MAX(docid) FROM cable") ?? 0
                    var admitted = DocidSet(capacity: Int(upTo))
                    // Every other cable, so the admitted set matters too.
                    for docid in stride(from: Int64(1), through: upTo, by: 2) { admitted.insert(docid) }
                    return (
                        try store.sqlite("a test").index.pass(
                            match, admitted: admitted, ranked: true, splitAt: nil, upTo: upTo, SQLiteConnection(db)),
                        try store.sqlite("a test").index.pass(
                            match, admitted: admitted, ranked: true, splitAt: splitAt, upTo: upTo, SQLiteConnection(db))
                    )
                }
                #expect(!whole.docids.isEmpty && whole.docids.allSatisfy { $0 % 2 == 1 }, "\(text)")
                #expect(split.docids == whole.docids && split.ranks == whole.ranks, "\(text) split at \(splitAt)")
            }
        }
    }

    @Test("a pipelined import in small batches gives the archive one batch gives, and a second run adds nothing")
    func pipelinedImport() async throws {
        let (store, _) = try temporaryStore()
        try await store.addUsers(Self.users, as: "admin")
        let files = try ArchiveImport.files(in: [CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks").path])
        // Batches of 23: a dozen in flight one after another, words first met in one batch found in cables of the next.
        let first = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 23)
        #expect(first.imported == Self.cables.count && first.failures.isEmpty)
        let second = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 23)
        #expect(second.imported == 0 && second.duplicates == first.imported + first.duplicates)
        for text in Self.queries {
            guard let query = try? SearchQuery(parsing: text) else { continue }
            let expected = Self.reference.hits(query, user: Self.users[2])
            let results = try await store.search(query, as: "high", options: SearchOptions(limit: 1_000, facets: false, snippets: false))
            #expect(Set(results.hits.map(\.summary.referenceID)) == expected && results.total == expected.count, "\(text)")
        }
    }

    @Test("import is idempotent: the same cables twice are one archive")
    func idempotent() async throws {
        let (store, _) = try await Self.archive()
        let again = try await store.importCables(Array(Self.cables.prefix(50)), as: "admin")
        #expect(again.imported.isEmpty && again.duplicates.count == 50)
        await #expect(throws: StoreError.self) { try await store.importCables(Array(Self.cables.prefix(1)), as: "low") }
    }

    @Test("a stolen database file, read with the sqlite3 shell, holds no word of any cable body or subject")
    func stolenFile() async throws {
        let (store, directory) = try await Self.archive()
        _ = try await store.search(try SearchQuery(parsing: "nuclear weapons"), as: "high", options: SearchOptions())
        #expect(
            try StolenFileCheck.plainWords(of: SQLiteStore.databasePath(in: directory)).isSuperset(of: ["archive", "import"]),
            "the scan sees the file's plain text")
        let result = try StolenFileCheck.run(store: directory, cables: Self.cables)
        #expect(result.checked > 5_000)
        #expect(result.found.isEmpty, "plain words in the file: \(result.found.prefix(20))")
    }
}
