import Foundation
import PostgresNIO
import PouchStore

/// The audit chain in PostgreSQL, appended by several servers at once without forks.
///
/// Every append first locks the one row of `audit_head` (`SELECT … FOR UPDATE`): the appender
/// reads the last sequence and hash under that lock, chains its entries after them, and moves the
/// head in the same transaction, so a second server's append waits, then chains after the first.
/// A batch (group commit) takes the lock once. The chain, its hashes, the signed head and the
/// checkpoints are the same as the SQLite store's (`AuditChain`), so `AuditChain.verify` checks
/// both. An event's confidential part must be sealed by the caller (it needs the master key).
public struct PostgresAuditLog: Sendable {
    let signingKey: SigningKey

    public init(signingKey: SigningKey) {
        self.signingKey = signingKey
    }

    /// The tables the log needs; part of the store's schema, for `SchemaMigrator`.
    public static let migration = SchemaMigrator.Migration(
        "audit",
        [
            """
            CREATE TABLE audit (
                sequence bigint PRIMARY KEY, time text NOT NULL, "user" text NOT NULL, action text NOT NULL,
                target text NOT NULL, outcome text NOT NULL, detail text NOT NULL, previous_hash bytea NOT NULL, hash bytea NOT NULL
            )
            """,
            // The head row exists from the start, so that there is always a row to lock.
            "CREATE TABLE audit_head (id int PRIMARY KEY CHECK (id = 1), sequence bigint NOT NULL, hash bytea NOT NULL, signature bytea)",
            "INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '\\x\(AuditChain.hex(AuditChain.genesis))')",
            "CREATE TABLE audit_checkpoint (sequence bigint PRIMARY KEY, hash bytea NOT NULL, signature bytea NOT NULL)",
        ])

    /// Appends `events` in order in the caller's transaction; returns their entries.
    @discardableResult
    public func append(_ events: [AuditEvent], on connection: PostgresConnection, logger: Logger) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        let headRows = try await connection.query("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE", logger: logger)
        var last: (sequence: Int, hash: [UInt8])?
        for try await (sequence, hash) in headRows.decode((Int, ByteBuffer).self) {
            last = (sequence, Array(hash.readableBytesView))
        }
        guard var (sequence, previous) = last else { throw PostgresAuditError.noHead }
        let time = AuditEntry.timestamp(Date())
        var entries: [AuditEntry] = []
        for event in events {
            precondition(event.confidential.isEmpty, "an audit event's confidential part is sealed before it is appended")
            sequence += 1
            let entry = AuditEntry(sequence: sequence, time: time, event: event, previousHash: previous)
            try await connection.query(
                """
                INSERT INTO audit (sequence, time, "user", action, target, outcome, detail, previous_hash, hash)
                VALUES (\(entry.sequence), \(entry.time), \(entry.user), \(entry.action), \(entry.target), \(entry.outcome), \(entry.detail),
                        \(ByteBuffer(bytes: entry.previousHash)), \(ByteBuffer(bytes: entry.hash)))
                """, logger: logger)
            if sequence % AuditChain.checkpointInterval == 0 {
                try await connection.query(
                    "INSERT INTO audit_checkpoint (sequence, hash, signature) VALUES (\(sequence), \(ByteBuffer(bytes: entry.hash)), \(try sign(entry)))",
                    logger: logger)
            }
            previous = entry.hash
            entries.append(entry)
        }
        let head = entries[entries.count - 1]
        try await connection.query(
            "UPDATE audit_head SET sequence = \(head.sequence), hash = \(ByteBuffer(bytes: head.hash)), signature = \(try sign(head)) WHERE id = 1",
            logger: logger)
        return entries
    }

    private func sign(_ entry: AuditEntry) throws -> ByteBuffer {
        ByteBuffer(bytes: try signingKey.sign(AuditChain.signedMessage(sequence: entry.sequence, hash: entry.hash)))
    }

    /// Checks the whole chain, its checkpoints and the signed head in the database.
    public func verify(on connection: PostgresConnection, logger: Logger) async throws -> AuditReport {
        var entries: [AuditChain.StoredEntry] = []
        let rows = try await connection.query(
            #"SELECT sequence, time, "user", action, target, outcome, detail, previous_hash, hash FROM audit ORDER BY sequence"#, logger: logger)
        for try await row in rows {
            let (sequence, time, user, action, target, outcome, detail, previous, hash) = try row.decode(
                (Int64, String, String, String, String, String, String, ByteBuffer, ByteBuffer).self)
            entries.append(
                AuditChain.StoredEntry(
                    sequence: sequence, fields: [time, user, action, target, outcome, detail].map { Array($0.utf8) },
                    previousHash: Array(previous.readableBytesView), hash: Array(hash.readableBytesView)))
        }
        var checkpoints: [AuditChain.SignedPoint] = []
        for try await (sequence, hash, signature) in try await connection.query(
            "SELECT sequence, hash, signature FROM audit_checkpoint ORDER BY sequence", logger: logger
        ).decode((Int64, ByteBuffer, ByteBuffer).self) {
            checkpoints.append(.init(sequence: sequence, hash: Array(hash.readableBytesView), signature: Array(signature.readableBytesView)))
        }
        var head: AuditChain.SignedPoint?
        for try await (sequence, hash, signature) in try await connection.query(
            "SELECT sequence, hash, signature FROM audit_head WHERE id = 1 AND sequence > 0", logger: logger
        ).decode((Int64, ByteBuffer, ByteBuffer?).self) {
            head = .init(sequence: sequence, hash: Array(hash.readableBytesView), signature: signature.map { Array($0.readableBytesView) })
        }
        return AuditChain.verify(entries: entries, checkpoints: checkpoints, head: head, publicKey: signingKey.publicKey)
    }
}

public enum PostgresAuditError: Error, Sendable, CustomStringConvertible {
    /// The head row is missing: the schema was not migrated, or someone deleted it.
    case noHead

    public var description: String {
        switch self {
        case .noHead: "the audit log's head row is missing (run the store's migrations; if they ran, the log was tampered with)"
        }
    }
}
