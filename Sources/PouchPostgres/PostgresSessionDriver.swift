import Crypto
import Foundation
import Hummingbird
import PostgresNIO
import ServiceLifecycle

/// Web sessions kept in PostgreSQL, so that every server over one database knows every session:
/// a person signed in through one server is signed in through all, and one signed out is signed
/// out everywhere.
///
/// A row holds the SHA-256 of the session key, never the key (a copy of the table lets no one
/// take over a session), and the value sealed with AES-GCM under `sealingKey`, bound to that hash
/// (a value moved to another row does not open). A row that does not open reads as no session.
public struct PostgresSessionDriver: PersistDriver {
    let pool: PostgresPool
    let sealingKey: SymmetricKey
    /// How often expired rows are deleted (reads already ignore them).
    let sweepInterval: Duration

    /// The table the driver needs; part of the store's schema, for `SchemaMigrator`.
    public static let migration = SchemaMigrator.Migration(
        "sessions",
        [
            """
            CREATE TABLE pouch_sessions (
                key_hash bytea PRIMARY KEY,
                sealed bytea NOT NULL,
                expires_at timestamptz
            )
            """,
            "CREATE INDEX pouch_sessions_expiry ON pouch_sessions (expires_at) WHERE expires_at IS NOT NULL",
        ])

    public init(pool: PostgresPool, sealingKey: SymmetricKey, sweepInterval: Duration = .seconds(300)) {
        self.pool = pool
        self.sealingKey = sealingKey
        self.sweepInterval = sweepInterval
    }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let hash = Self.hash(key)
        let sealed = try seal(value, hash: hash)
        // An expired row under the same key is replaced; a live one is a duplicate.
        let rows = try await run(
            """
            INSERT INTO pouch_sessions (key_hash, sealed, expires_at) VALUES (\(hash), \(sealed), now() + \(Self.seconds(expires))::float8 * interval '1 second')
            ON CONFLICT (key_hash) DO UPDATE SET sealed = EXCLUDED.sealed, expires_at = EXCLUDED.expires_at
            WHERE pouch_sessions.expires_at IS NOT NULL AND pouch_sessions.expires_at <= now()
            RETURNING 1
            """)
        guard !rows.isEmpty else { throw PersistError.duplicate }
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let hash = Self.hash(key)
        let sealed = try seal(value, hash: hash)
        // Without a new expiry, a live row keeps its own.
        try await run(
            """
            INSERT INTO pouch_sessions (key_hash, sealed, expires_at) VALUES (\(hash), \(sealed), now() + \(Self.seconds(expires))::float8 * interval '1 second')
            ON CONFLICT (key_hash) DO UPDATE SET sealed = EXCLUDED.sealed,
                expires_at = CASE WHEN \(expires == nil) AND pouch_sessions.expires_at > now() THEN pouch_sessions.expires_at
                                  ELSE EXCLUDED.expires_at END
            """)
    }

    public func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let hash = Self.hash(key)
        let rows = try await run(
            """
            SELECT sealed, extract(epoch FROM expires_at - now())::float8 FROM pouch_sessions
            WHERE key_hash = \(hash) AND (expires_at IS NULL OR expires_at > now())
            """)
        guard let row = rows.first else { return nil }
        let (sealed, seconds) = try row.decode((ByteBuffer, Double?).self)
        guard let object = try open(sealed, hash: hash, as: type) else { return nil }
        return (object, seconds.map { .milliseconds(Int64(($0 * 1000).rounded())) })
    }

    public func remove(key: String) async throws {
        try await run("DELETE FROM pouch_sessions WHERE key_hash = \(Self.hash(key))")
    }

    /// Deletes expired rows now and then until the service is shut down.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: sweepInterval)
                    _ = try? await sweep()
                }
            }
        } catch is CancellationError {
            // Shut down: nothing is left half-done (a sweep is one statement).
        }
    }

    /// Deletes every expired row; returns how many.
    @discardableResult
    public func sweep() async throws -> Int {
        let rows = try await run("WITH gone AS (DELETE FROM pouch_sessions WHERE expires_at <= now() RETURNING 1) SELECT count(*) FROM gone")
        return try rows.first?.decode(Int.self) ?? 0
    }

    // MARK: Sealing

    static func hash(_ key: String) -> ByteBuffer {
        ByteBuffer(bytes: SHA256.hash(data: Data(key.utf8)))
    }

    private func seal(_ value: some Encodable, hash: ByteBuffer) throws -> ByteBuffer {
        let plain = try JSONEncoder().encode(value)
        let box = try AES.GCM.seal(plain, using: sealingKey, authenticating: Data(hash.readableBytesView))
        guard let combined = box.combined else { throw PersistError.invalidConversion }
        return ByteBuffer(bytes: combined)
    }

    private func open<Object: Decodable>(_ sealed: ByteBuffer, hash: ByteBuffer, as type: Object.Type) throws -> Object? {
        guard let box = try? AES.GCM.SealedBox(combined: Data(sealed.readableBytesView)),
            let plain = try? AES.GCM.open(box, using: sealingKey, authenticating: Data(hash.readableBytesView))
        else { return nil }
        do {
            return try JSONDecoder().decode(type, from: plain)
        } catch {
            throw PersistError.invalidConversion
        }
    }

    /// Seconds from now, reckoned on the database's clock (servers' clocks may differ from it and from each other).
    private static func seconds(_ expires: Duration?) -> Double? {
        expires.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
    }

    @discardableResult
    private func run(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await pool.query(query)
    }
}
