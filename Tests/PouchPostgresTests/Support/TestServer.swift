import PouchTestSupport
import Testing

@testable import PouchPostgres

/// The PostgreSQL server the tests use: `$POUCH_TEST_POSTGRES`, which `scripts/test` sets to a
/// throwaway server it starts. Without it the suites are skipped, saying why.
enum TestServer {
    static let isAvailable = PostgresTestServer.url != nil
    static let skipReason: Comment = "set POUCH_TEST_POSTGRES to a PostgreSQL server's URL (scripts/test starts one)"

    /// Runs `body` against a new, empty database of its own, dropped afterwards however `body` ends.
    static func withDatabase<Result: Sendable>(_ body: (PostgresLocation) async throws -> Result) async throws -> Result {
        try await PostgresTestServer.withDatabase(body)
    }
}
