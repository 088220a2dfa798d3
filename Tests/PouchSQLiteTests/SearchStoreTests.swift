import Foundation
import GRDB
import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@testable import PouchSQLite
@testable import PouchStore

/// What only the SQLite archive has: its page order against SQL's, its split pass, its stolen file.
/// (The search against the brute-force reference runs on every database in PouchStoreTests.)
@Suite("Searching the archive", .temporaryFiles)
struct SearchStoreTests {
    static let cables = SearchFixture.cables
    static let users = SearchFixture.users

    static func archive() async throws -> (SealedStore, String) {
        let (store, directory) = try temporaryStore()
        try await store.addUsers(users, as: "admin")
        let outcome = try await store.importCables(cables, as: "admin")
        #expect(outcome.imported.count == cables.count)
        return (store, directory)
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
