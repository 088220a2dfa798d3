import Foundation
import PostgresNIO
import PouchTestSupport
import Testing

@testable import PouchPostgres
@testable import PouchStore

/// A database made when the index kept token arrays gets postings computed from them (through
/// the second form, a row per posting, into blocks), the same postings the index writes for the
/// same cable now.
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

    /// Every posting of the index, as (token, docid, weighted count, length, positions in hex), read out of the blocks.
    static func postings(_ db: any SQLConnection) throws -> [[String]] {
        var found: [[String]] = []
        for row in try SQLRow.fetchAll(db, sql: "SELECT token, block, docs, positions FROM postingBlock ORDER BY token, block", arguments: []) {
            let docs = (row["docs"] as SQLValue).bytes
            let positions = (row["positions"] as SQLValue).bytes
            func number(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int64 {
                bytes[offset..<offset + size].reduce(Int64(0)) { $0 << 8 | Int64($1) }
            }
            var offset = 0
            for index in 0..<docs.count / 16 {
                let count = Int(number(positions, offset, 4))
                let docid = number(docs, index * 16, 8)
                #expect(row["block"] as Int64 == docid >> PostgresTextIndex.blockShift)
                found.append([
                    "\(row["token"] as Int64)", "\(docid)", "\(number(docs, index * 16 + 8, 4))", "\(number(docs, index * 16 + 12, 4))",
                    AuditChain.hex(Array(positions[offset + 4..<offset + 4 + count * 4])),
                ])
                offset += 4 + count * 4
            }
            #expect(offset == positions.count)
        }
        return found
    }

    @Test(
        "each token's weighted count, the cable's length and its positions (column, offset) as the index writes them, in blocks a later cable appends to"
    )
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
            #expect(try await PostgresStore.schema.migrate(pool) == ["text-index-v2-postings", "text-index-v3-blocks"])
            let postings = try await pool.write { db in
                try Self.cable(2, db)
                try Self.cable(1_500, db)
                try PostgresTextIndex().add(docid: 2, document: Self.document, db)
                try PostgresTextIndex().add([(1_500, Self.document)], db)
                return try Self.postings(db)
            }
            let migrated = [
                ["5", "4", "6", "0000000002000000"],  // subject 0, references 0: weight 4 + 0
                ["7", "6", "6", "000000010100000001000002"],  // subject 1, body 0 and 2: 4 + 1 + 1
                ["9", "1", "6", "01000001"],
            ]
            // Docid 2 is appended to docid 1's blocks; 1,500 starts the next block.
            #expect(
                postings
                    == migrated.flatMap { posting in
                        ["1", "2", "1500"].map { docid in [posting[0], docid] + posting[1...] }
                    })
            await pool.close()
        }
    }

    @Test(
        "random batches across a block boundary, prepared or not, in one pass or several, store each cable's postings exactly as one cable at a time would",
        arguments: [1, 2, 3])
    func batches(seed: UInt64) async throws {
        var generator = SplitMix(seed: seed)
        // A small vocabulary, so cables share tokens and blocks hold several cables.
        let vocabulary = (1...40).map { String(format: "k%012x", $0 * 7_919) }
        func text(_ count: Int) -> String {
            (0..<count).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
        }
        let documents: [(docid: Int64, document: BlindIndex.Document)] = (1_000...1_060).map { docid in
            (
                Int64(docid),
                BlindIndex.Document(
                    subject: text(Int.random(in: 0...6, using: &generator)), body: text(Int.random(in: 0...60, using: &generator)),
                    refs: text(Int.random(in: 0...2, using: &generator)))
            )
        }
        try await TestServer.withDatabase { location async throws in
            let pool = PostgresPool(location)
            _ = try await PostgresStore.schema.migrate(pool)
            let index = PostgresTextIndex()
            let (batched, single) = try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO postKey (post, publicKey, wrappedKey, sealedKey) VALUES ('KABUL', '\\x00', '\\x00', '\\x00')", arguments: [])
                for (docid, _) in documents { try Self.cable(docid, db) }
                // Two batches, the first prepared ahead as an import prepares it, the second not.
                try index.add(documents[..<30].map { ($0.docid, index.prepare($0.document)) }, db)
                try index.add(Array(documents[30...]), db)
                let batched = try Self.postings(db)
                try db.execute(sql: "DELETE FROM postingBlock", arguments: [])
                try db.execute(sql: "DELETE FROM textIndex", arguments: [])
                // In passes of 7 cables, as a batch too big for one pass goes.
                try index.add(documents, passesOf: 7, db)
                #expect(try Self.postings(db) == batched)
                try db.execute(sql: "DELETE FROM postingBlock", arguments: [])
                try db.execute(sql: "DELETE FROM textIndex", arguments: [])
                for (docid, document) in documents { try index.add(docid: docid, document: document, db) }
                return (batched, try Self.postings(db))
            }
            #expect(!batched.isEmpty)
            #expect(batched == single)
            // Both blocks, 0 (docids to 1,023) and 1, hold postings.
            #expect(Set(batched.map { Int64($0[1])! >> PostgresTextIndex.blockShift }) == [0, 1])
            await pool.close()
        }
    }
}
