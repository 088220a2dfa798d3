import Foundation
import GRDB
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchSQLite
@testable import PouchStore

/// `pouchrank` must be FTS5's `bm25` to the last bit that matters: same order, same scores.
@Suite("The rank function", .temporaryFiles)
struct RankFunctionTests {
    @Test("pouchrank equals bm25 on every matching row, with row lengths from memory and without")
    func equalsBM25() async throws {
        let (store, _) = try temporaryStore()
        try await store.addUsers(SearchFixture.users, as: "admin")
        _ = try await store.importCables(SearchFixture.cables, as: "admin")
        let texts = [
            "nuclear", "\"prime minister\"", "government OR opposition", "election -fraud", "negot*", "minister president",
            "(china OR russia) AND trade", "\"human rights\" NOT china", "iran weapons program",
        ]
        for (round, loadLengths) in [false, true].enumerated() {
            for text in texts {
                let compiled = FTS5Query(token: store.index.token, expand: { store.vocabulary.expand($0) }).compile(try SearchQuery(parsing: text))
                guard let match = compiled.match else { continue }
                let rows = try store.sqlite("a test").pool.read { db in
                    try store.vocabulary.refresh(SQLiteConnection(db), keys: store.keys)
                    if loadLengths { try store.sqlite("a test").index.documentLengths.refresh(SQLiteConnection(db)) }
                    return try Row.fetchAll(
                        db, sql: "SELECT rowid, bm25(search, 4.0, 1.0, 0.0), pouchrank(search, 4.0, 1.0, 0.0) FROM search WHERE search MATCH ?",
                        arguments: [match])
                }
                #expect(rows.count > 0, "\(text) matches")
                for row in rows {
                    let (expected, found): (Double, Double) = (row[1], row[2])
                    #expect(
                        abs(expected - found) <= 1e-9 * max(1, abs(expected)),
                        "\(text), row \(row[0] as Int64), round \(round): \(expected) vs \(found)")
                }
            }
        }
        let lengths = try store.sqlite("a test").index.documentLengths.snapshot
        #expect(lengths.count > 1 && lengths[1] >= 0)
    }
}

@Suite("Query plans", .temporaryFiles)
struct QueryPlanTests {
    @Test("with text and a post filter, the full-text index drives the query (the postKey index would probe it once per cable)")
    func textDrivesPostFilteredQueries() throws {
        let (store, _) = try temporaryStore()
        let query = try SearchQuery(parsing: "nuclear post:KABUL")
        let compiled = FTS5Query(token: store.index.token, expand: { _ in [] }).compile(query)
        let (from, conditions, arguments, _) = SearchSQL.clauses(compiled, filters: query.filters, envelope: "cable", index: "search")
        let plan = try store.sqlite("a test").pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT cable.docid FROM \(from) WHERE \(conditions.joined(separator: " AND "))",
                arguments: SQLiteConnection.arguments(SQLArguments(arguments))
            ).map { $0["detail"] as String }
        }
        #expect(plan.first?.hasPrefix("SCAN search") == true, "\(plan)")
        // Without text the index serves the filter.
        let filterOnly = try SearchQuery(parsing: "post:KABUL")
        let (from2, conditions2, arguments2, _) = SearchSQL.clauses(
            FTS5Query(token: store.index.token, expand: { _ in [] }).compile(filterOnly),
            filters: filterOnly.filters, envelope: "cable", index: "search")
        let plan2 = try store.sqlite("a test").pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT cable.docid FROM \(from2) WHERE \(conditions2.joined(separator: " AND "))",
                arguments: SQLiteConnection.arguments(SQLArguments(arguments2))
            ).map { $0["detail"] as String }
        }
        #expect(plan2.contains { $0.contains("cable_postKey") }, "\(plan2)")
    }
}
