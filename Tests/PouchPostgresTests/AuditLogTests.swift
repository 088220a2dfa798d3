import Foundation
import PostgresNIO
import PouchStore
import Testing

@testable import PouchPostgres

@Suite("The audit chain in PostgreSQL, appended by several servers", .enabled(if: TestServer.isAvailable, TestServer.skipReason))
struct AuditLogTests {
    static let schema = SchemaMigrator([PostgresAuditLog.migration])

    @Test("servers appending at once make one unbroken chain: every entry once, sequences without gaps, checkpoints and the signed head verify")
    func concurrentAppends() async throws {
        try await TestServer.withDatabase { location async throws in
            let key = SigningKey()
            let setup = PostgresPool(location, maximumConnections: 1)
            try await Self.schema.migrate(setup)
            // Four servers, each appending 30 transactions of 1 to 3 entries (a group commit is one transaction).
            let servers = 4
            let perServer = 30
            let appended = try await withThrowingTaskGroup(of: Int.self) { group in
                for server in 0..<servers {
                    group.addTask {
                        let pool = PostgresPool(location, maximumConnections: 3)
                        let log = PostgresAuditLog(signingKey: key)
                        var count = 0
                        for batch in 0..<perServer {
                            let events = (0...(batch % 3)).map { n in
                                AuditEvent(user: "server\(server)", action: .read, target: "09KABUL\(batch)", detail: "entry \(n)")
                            }
                            try await pool.transaction { connection in
                                try await log.append(events, on: connection, logger: pool.logger)
                            }
                            count += events.count
                        }
                        await pool.close()
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(appended == servers * perServer * 2)
            let report = try await setup.transaction { connection in
                try await PostgresAuditLog(signingKey: key).verify(on: connection, logger: setup.logger)
            }
            #expect(report.intact, "\(report.problems.prefix(3))")
            #expect(report.entries == appended)
            #expect(report.checkpoints == appended / 100)
            let users = try await setup.query(#"SELECT "user", count(*) FROM audit GROUP BY "user" ORDER BY "user""#)
                .map { try $0.decode((String, Int).self) }
            #expect(users.map(\.1) == Array(repeating: perServer * 2, count: servers))
            await setup.close()
        }
    }

    @Test("a changed, deleted or cut-off entry is found")
    func tampering() async throws {
        try await TestServer.withDatabase { location async throws in
            let key = SigningKey()
            let pool = PostgresPool(location)
            try await Self.schema.migrate(pool)
            let log = PostgresAuditLog(signingKey: key)
            try await pool.transaction { connection in
                try await log.append(
                    (1...5).map { AuditEvent(user: "bea", action: .read, target: "09KABUL\($0)") }, on: connection, logger: pool.logger)
            }
            func report() async throws -> AuditReport {
                try await pool.transaction { connection in try await log.verify(on: connection, logger: pool.logger) }
            }
            #expect(try await report().intact)
            try await pool.query(#"UPDATE audit SET "user" = 'carl' WHERE sequence = 2"#)
            #expect(try await report().problems.contains { $0.sequence == 2 })
            try await pool.query(#"UPDATE audit SET "user" = 'bea' WHERE sequence = 2"#)
            #expect(try await report().intact)
            try await pool.query("DELETE FROM audit WHERE sequence = 5")
            #expect(try await !report().intact, "the signed head names entry 5")
            await pool.close()
        }
    }
}
