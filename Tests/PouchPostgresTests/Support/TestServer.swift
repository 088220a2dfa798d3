import Foundation
import PostgresNIO
import Testing

@testable import PouchPostgres

/// The PostgreSQL server the tests use: `$POUCH_TEST_POSTGRES`, which `scripts/test` sets to a
/// throwaway server it starts. Without it the suites are skipped, saying why.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["POUCH_TEST_POSTGRES"]
    static let isAvailable = url != nil
    static let skipReason: Comment = "set POUCH_TEST_POSTGRES to a PostgreSQL server's URL (scripts/test starts one)"

    /// Runs `body` against a new, empty database of its own, dropped afterwards however `body` ends.
    static func withDatabase<Result: Sendable>(_ body: (PostgresLocation) async throws -> Result) async throws -> Result {
        let server = try PostgresLocation(url: try #require(url))
        let name = "pouch_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresPool(server, maximumConnections: 1)
        try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        do {
            let result = try await body(server.database(name))
            try await drop(name, through: admin)
            return result
        } catch {
            try? await drop(name, through: admin)
            throw error
        }
    }

    private static func drop(_ name: String, through admin: PostgresPool) async throws {
        // Pools a test forgot to close must not keep the database alive.
        try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        await admin.close()
    }
}
