import Foundation
import PouchStore
import Synchronization
import Testing

@testable import PouchPostgres

@Suite("The store's SQL connection on PostgreSQL")
struct SQLConnectionTests {
    @Test("? placeholders are numbered outside quoted strings and identifiers")
    func placeholders() {
        #expect(PostgresSQLConnection.numbered("SELECT ? , ?") == "SELECT $1 , $2")
        #expect(PostgresSQLConnection.numbered("SELECT '?', \"a?b\", ? WHERE x = ?") == "SELECT '?', \"a?b\", $1 WHERE x = $2")
        #expect(PostgresSQLConnection.numbered("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1")
        #expect(PostgresSQLConnection.numbered("no parameters") == "no parameters")
    }
}

@Suite("Transactions on a PostgreSQL server", .enabled(if: TestServer.isAvailable, TestServer.skipReason))
struct PostgresTransactionTests {
    static let table = """
        CREATE TABLE sample (id BIGINT PRIMARY KEY, number BIGINT, real DOUBLE PRECISION, word TEXT, bytes BYTEA, flag BOOLEAN)
        """

    @Test("every storage class comes back as it went in, NULL too; booleans and aggregates read as integers")
    func roundTrip() async throws {
        try await TestServer.withDatabase { location in
            let pool = PostgresPool(location, maximumConnections: 2)
            let bytes = Data((0...255).map(UInt8.init))
            let rows = try await pool.write { db in
                try db.execute(sql: Self.table)
                try db.execute(
                    sql: "INSERT INTO sample (id, number, real, word, bytes, flag) VALUES (?, ?, ?, ?, ?, TRUE)",
                    arguments: [1, Int64.max, 2.5, "naïve 'quoted' ?", bytes])
                try db.execute(sql: "INSERT INTO sample (id) VALUES (?)", arguments: [2])
                return try SQLRow.fetchAll(db, sql: "SELECT * FROM sample ORDER BY id")
            }
            #expect(rows.count == 2)
            #expect(rows[0]["number"] as Int64 == Int64.max)
            #expect(rows[0]["REAL"] as Double == 2.5)
            #expect(rows[0]["word"] as String == "naïve 'quoted' ?")
            #expect(rows[0]["bytes"] as Data == bytes)
            #expect(rows[0]["flag"] as Bool == true)
            #expect(rows[1]["number"] as SQLValue == .null)
            #expect(rows[1]["word"] as String? == nil)
            let aggregates = try await pool.read { db in
                try SQLRow.fetchOne(db, sql: "SELECT COUNT(*) AS n, SUM(id) AS total, MAX(id) AS top, 1 AS one FROM sample")
            }
            #expect(aggregates?["n"] as Int? == 2)
            #expect(aggregates?["total"] as Int? == 3)
            #expect(aggregates?["top"] as Int? == 2)
            #expect(aggregates?["one"] as Int? == 1)
            await pool.close()
        }
    }

    @Test("execute counts the rows it changed; a scan reads every row in order through a cursor")
    func changesAndScans() async throws {
        try await TestServer.withDatabase { location in
            let pool = PostgresPool(location, maximumConnections: 2)
            let changed = try await pool.write { db in
                try db.execute(sql: Self.table)
                for id in 1...2_500 { try db.execute(sql: "INSERT INTO sample (id, number) VALUES (?, ?)", arguments: [id, id * 2]) }
                return try db.execute(sql: "UPDATE sample SET word = 'even' WHERE number % 4 = 0")
            }
            #expect(changed == 1_250)
            let scanned = try await pool.read { db in
                var ids: [Int] = []
                try db.forEachRow(sql: "SELECT id FROM sample WHERE id > ? ORDER BY id", arguments: [10]) { ids.append($0[0]) }
                return ids
            }
            #expect(scanned == Array(11...2_500))
            await pool.close()
        }
    }

    @Test("insert sends many rows per statement, NULLs included, over several statements; onConflict merges rows already there")
    func batchInsert() async throws {
        try await TestServer.withDatabase { location in
            let pool = PostgresPool(location, maximumConnections: 2)
            // 12,000 rows of 3 values: more than one statement's worth of parameters.
            let count = PostgresSQLConnection.parametersPerStatement / 3 + 2_000
            let rows: [[SQLValue]] = (1...count).map { id in
                [.integer(Int64(id)), id.isMultiple(of: 2) ? .null : .integer(Int64(id) * 10), .blob(Data([UInt8(id % 256)]))]
            }
            let merged: [[SQLValue]] = (count - 1...count + 1).map { id in [.integer(Int64(id)), .integer(-1), .blob(Data([7]))] }
            let (total, nulls, sample, tail) = try await pool.write { db in
                try db.execute(sql: Self.table)
                try db.insert(into: "sample", columns: ["id", "number", "bytes"], rows: rows)
                try db.insert(
                    into: "sample", columns: ["id", "number", "bytes"], rows: merged,
                    onConflict: "ON CONFLICT (id) DO UPDATE SET number = sample.number + excluded.number, bytes = sample.bytes || excluded.bytes")
                return (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample WHERE number IS NULL"),
                    try SQLRow.fetchOne(db, sql: "SELECT number, bytes FROM sample WHERE id = 9001"),
                    try SQLRow.fetchAll(db, sql: "SELECT id, number, bytes FROM sample WHERE id >= ? ORDER BY id", arguments: [count - 1])
                )
            }
            #expect(total == count + 1)
            #expect(nulls == count / 2)  // the even ids: NULL + -1 stays NULL
            #expect(sample?["number"] as Int? == 90_010 && sample?["bytes"] as Data? == Data([UInt8(9001 % 256)]))
            #expect(tail.map { $0["number"] as Int? } == [(count - 1) * 10 - 1, nil, -1])
            #expect(tail.map { $0["bytes"] as Data? } == [Data([UInt8((count - 1) % 256), 7]), Data([UInt8(count % 256), 7]), Data([7])])
            await pool.close()
        }
    }

    @Test("a body that throws writes nothing and runs its rollback actions; one that returns runs its commit actions after COMMIT")
    func commitAndRollback() async throws {
        try await TestServer.withDatabase { location in
            let pool = PostgresPool(location, maximumConnections: 2)
            try await pool.write { db in try db.execute(sql: Self.table) }
            let log = Mutex<[String]>([])
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await pool.write { db in
                    try db.execute(sql: "INSERT INTO sample (id) VALUES (1)")
                    db.afterCommit({ _ in log.withLock { $0.append("committed 1") } }, onRollback: { log.withLock { $0.append("rolled back 1") } })
                    throw Refused()
                }
            }
            try await pool.write { db in
                try db.execute(sql: "INSERT INTO sample (id) VALUES (2)")
                db.afterCommit(
                    { db in
                        // After COMMIT: another connection's view, so the row must already be there.
                        let count = (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample")) ?? -1
                        log.withLock { $0.append("committed 2, \(count) rows") }
                    }, onRollback: { log.withLock { $0.append("rolled back 2") } })
            }
            let ids = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT id FROM sample ORDER BY id") }
            #expect(ids == [2])
            #expect(log.withLock { $0 } == ["rolled back 1", "committed 2, 1 rows"])
            await pool.close()
        }
    }

    @Test("writers from several pools (servers) are serialised: read-modify-write never loses an update")
    func serialisedWriters() async throws {
        try await TestServer.withDatabase { location in
            let setup = PostgresPool(location, maximumConnections: 1)
            try await setup.write { db in
                try db.execute(sql: Self.table)
                try db.execute(sql: "INSERT INTO sample (id, number) VALUES (1, 0)")
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let pool = PostgresPool(location, maximumConnections: 3)
                        try await withThrowingTaskGroup(of: Void.self) { inner in
                            for _ in 0..<3 {
                                inner.addTask {
                                    for _ in 0..<10 {
                                        try await pool.write { db in
                                            let now = try Int.fetchOne(db, sql: "SELECT number FROM sample WHERE id = 1") ?? 0
                                            try db.execute(sql: "UPDATE sample SET number = ? WHERE id = 1", arguments: [now + 1])
                                        }
                                    }
                                }
                            }
                            try await inner.waitForAll()
                        }
                        await pool.close()
                    }
                }
                try await group.waitForAll()
            }
            let total = try await setup.read { db in try Int.fetchOne(db, sql: "SELECT number FROM sample WHERE id = 1") }
            #expect(total == 90)
            await setup.close()
        }
    }

    @Test("a read transaction cannot write")
    func readOnly() async throws {
        try await TestServer.withDatabase { location in
            let pool = PostgresPool(location, maximumConnections: 1)
            try await pool.write { db in try db.execute(sql: Self.table) }
            await #expect(throws: PostgresStoreError.self) {
                try await pool.read { db in try db.execute(sql: "INSERT INTO sample (id) VALUES (1)") }
            }
            await pool.close()
        }
    }
}
