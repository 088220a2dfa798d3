import Crypto
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing

@testable import PouchPostgres

@Suite("Web sessions in PostgreSQL, shared by every server", .enabled(if: TestServer.isAvailable, TestServer.skipReason))
struct SessionDriverTests {
    struct Session: Codable, Sendable, Equatable {
        var user: String
        var csrf: String
    }

    static let schema = SchemaMigrator([PostgresSessionDriver.migration])
    static let key = SymmetricKey(data: Data(repeating: 7, count: 32))

    /// Two "servers": each its own pool and driver over one database.
    static func withTwoServers(_ body: (PostgresSessionDriver, PostgresSessionDriver, PostgresPool) async throws -> Void) async throws {
        try await TestServer.withDatabase { location async throws in
            let first = PostgresPool(location, maximumConnections: 2)
            let second = PostgresPool(location, maximumConnections: 2)
            try await schema.migrate(first)
            try await body(PostgresSessionDriver(pool: first, sealingKey: key), PostgresSessionDriver(pool: second, sealingKey: key), first)
            await first.close()
            await second.close()
        }
    }

    @Test("a session made through one server is read, changed and ended through another")
    func shared() async throws {
        try await Self.withTwoServers { a, b, _ in
            try await a.create(key: "session-key-1", value: Session(user: "anne", csrf: "t1"), expires: .seconds(3600))
            #expect(try await b.get(key: "session-key-1", as: Session.self) == Session(user: "anne", csrf: "t1"))
            try await b.set(key: "session-key-1", value: Session(user: "anne", csrf: "t2"), expires: nil)
            let read = try #require(try await a.getWithTTL(key: "session-key-1", as: Session.self))
            #expect(read.object.csrf == "t2")
            let ttl = try #require(read.ttl)
            // (Loosely bounded: a busy test machine may take minutes between the two calls.)
            #expect(ttl > .seconds(1800) && ttl <= .seconds(3600), "set without an expiry keeps the one the session had")
            try await a.remove(key: "session-key-1")
            #expect(try await b.get(key: "session-key-1", as: Session.self) == nil)
        }
    }

    @Test("a live session under the same key is a duplicate; an expired one is replaced; expired ones read as none and are swept")
    func expiry() async throws {
        try await Self.withTwoServers { a, b, _ in
            try await a.create(key: "k", value: Session(user: "anne", csrf: "1"), expires: .seconds(3600))
            await #expect(throws: PersistError.duplicate) {
                try await b.create(key: "k", value: Session(user: "bea", csrf: "2"), expires: .seconds(3600))
            }
            try await a.create(key: "short", value: Session(user: "carl", csrf: "3"), expires: .milliseconds(200))
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await b.get(key: "short", as: Session.self) == nil)
            // The expired row is replaced (a long expiry now, so a slow machine cannot expire it before it is read).
            try await b.create(key: "short", value: Session(user: "dora", csrf: "4"), expires: .seconds(600))
            #expect(try await a.get(key: "short", as: Session.self)?.user == "dora")
            try await a.create(key: "gone", value: Session(user: "eve", csrf: "5"), expires: .milliseconds(100))
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await a.sweep() == 1, "only the expired row")
            #expect(try await a.get(key: "k", as: Session.self)?.user == "anne", "the live one stays")
        }
    }

    @Test("the table holds neither the session key nor the session's contents, and a row moved or altered opens as no session")
    func sealed() async throws {
        try await Self.withTwoServers { a, _, pool in
            let secretKey = "raw-session-key-do-not-store"
            try await a.create(key: secretKey, value: Session(user: "anne-the-drafter", csrf: "csrf-token-value"), expires: .seconds(60))
            try await a.create(key: "other", value: Session(user: "bea", csrf: "x"), expires: .seconds(60))
            let dump = try await pool.query("SELECT encode(key_hash, 'escape') || encode(sealed, 'escape') FROM pouch_sessions")
                .map { try $0.decode(String.self) }.joined()
            #expect(!dump.contains(secretKey) && !dump.contains("anne-the-drafter") && !dump.contains("csrf-token-value"))
            // Someone with write access copies bea's sealed value onto anne's row: it does not open there.
            try await pool.query(
                """
                UPDATE pouch_sessions SET sealed = (SELECT sealed FROM pouch_sessions WHERE key_hash = \(PostgresSessionDriver.hash("other")))
                WHERE key_hash = \(PostgresSessionDriver.hash(secretKey))
                """)
            #expect(try await a.get(key: secretKey, as: Session.self) == nil)
            // A driver with another sealing key (another store) reads nothing either.
            let stranger = PostgresSessionDriver(pool: pool, sealingKey: SymmetricKey(size: .bits256))
            #expect(try await stranger.get(key: "other", as: Session.self) == nil)
        }
    }

    @Test("the sweeping service stops when the server shuts down, and sweeps while it runs")
    func service() async throws {
        try await Self.withTwoServers { a, _, pool in
            try await a.create(key: "brief", value: Session(user: "anne", csrf: "1"), expires: .milliseconds(100))
            let sweeper = PostgresSessionDriver(pool: pool, sealingKey: Self.key, sweepInterval: .milliseconds(300))
            let group = ServiceGroup(services: [sweeper], gracefulShutdownSignals: [], logger: Logger(label: "test"))
            // Waits for the sweep rather than for a fixed time: on a busy machine the sweeper may run late.
            func rows() async throws -> Int { try await pool.query("SELECT count(*) FROM pouch_sessions").first?.decode(Int.self) ?? -1 }
            let swept = try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Polls at most 600 times: a count of polls, not a clock, so a test machine that starves
                // both tasks for a while cannot make the test give up before the sweeper had its turn.
                var polls = 0
                while try await rows() > 0, polls < 600 {
                    polls += 1
                    try await Task.sleep(for: .milliseconds(100))
                }
                let swept = try await rows() == 0
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return swept
            }
            #expect(swept, "swept while running, and the service then stopped")
        }
    }
}
