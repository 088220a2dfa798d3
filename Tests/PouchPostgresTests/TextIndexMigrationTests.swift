import Foundation
import PostgresNIO
import Testing

@testable import PouchPostgres
@testable import PouchStore

/// A database made when the index kept token arrays gets postings computed from them, the same
/// postings the index writes for the same cable now.
@Suite("The text index's move to postings", .enabled(if: TestServer.isAvailable, TestServer.skipReason))
struct TextIndexMigrationTests {
    /// Subject "5 7", body "7 9 7", references "5": tokens as the index numbers them.
    static let document = BlindIndex.Document(
        subject: "k000000000005 k000000000007", body: "k000000000007 k000000000009 k000000000007", refs: "k000000000005")

    static func cable(_ docid: Int64, _ db: any SQLConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO cable (docid, id, classification, caveats, restricted, archive, post, postKey, tags, year, serial, date, state)
                VALUES (?, ?, 1, ',', 0, 1, 'KABUL', 'KABUL', ',', 2009, ?, '2009', 'archive')
                """, arguments: [docid, "09KABUL\(docid)", docid])
    }

    static func postings(_ docid: Int64, _ db: any SQLConnection) throws -> [[String]] {
        try SQLRow.fetchAll(db, sql: "SELECT token, frequency, length, positions FROM posting WHERE docid = ? ORDER BY token", arguments: [docid]).map
        { row in
            [
                "\(row["token"] as Int64)", "\(row["frequency"] as Int64)", "\(row["length"] as Int64)",
                AuditChain.hex((row["positions"] as SQLValue).bytes),
            ]
        }
    }

    @Test("each token's weighted count, the cable's length and its positions (column, offset) as the index writes them")
    func postings() async throws {
        try await TestServer.withDatabase { location async throws in
            let pool = PostgresPool(location)
            let before = SchemaMigrator(StoreSchema.migrations + [PostgresTextIndex.migration])
            _ = try await before.migrate(pool)
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO postKey (post, publicKey, wrappedKey, sealedKey) VALUES ('KABUL', '\\x00', '\\x00', '\\x00')", arguments: [])
                try Self.cable(1, db)
                try db.execute(
                    sql: "INSERT INTO textIndex (docid, terms, subject, body, refs, length) VALUES (1, '{5,7,9}', '{5,7}', '{7,9,7}', '{5}', 6)",
                    arguments: [])
            }
            #expect(try await PostgresStore.schema.migrate(pool) == ["text-index-v2-postings"])
            let (migrated, written) = try await pool.write { db in
                try Self.cable(2, db)
                try PostgresTextIndex().add(docid: 2, document: Self.document, db)
                return (try Self.postings(1, db), try Self.postings(2, db))
            }
            #expect(
                migrated == [
                    ["5", "4", "6", "0000000002000000"],  // subject 0, references 0: weight 4 + 0
                    ["7", "6", "6", "000000010100000001000002"],  // subject 1, body 0 and 2: 4 + 1 + 1
                    ["9", "1", "6", "01000001"],
                ])
            #expect(written == migrated)
            await pool.close()
        }
    }
}
