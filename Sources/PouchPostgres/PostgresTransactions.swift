import Logging
import NIOPosix
import PostgresNIO
import PouchStore

extension PostgresPool {
    /// The advisory lock every write transaction holds: the store's writes are serialised across
    /// every server, as SQLite serialises them in one file, so a serial number, a docid or the
    /// audit chain's next entry is never handed out twice.
    static let writeLock: Int64 = 0x506F_7563_6857  // "PouchW"

    /// A read transaction: one snapshot of the whole database (REPEATABLE READ, READ ONLY), as a
    /// SQLite reader in WAL mode sees one. The body runs on a blocking thread.
    @discardableResult
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    /// A write transaction, committed when `body` returns and rolled back when it throws; it
    /// begins by taking the store's write lock.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN", lock: true, body)
    }

    private func transaction<T: Sendable>(
        begin: String, lock: Bool, _ body: @escaping @Sendable (any SQLConnection) throws -> T
    ) async throws -> T {
        let logger = self.logger
        do {
            return try await client.withConnection { connection in
                try await self.blocking.runIfActive {
                    let sql = PostgresSQLConnection(connection, logger: logger)
                    try sql.run(begin, [])
                    let result: T
                    do {
                        if lock { try sql.run("SELECT pg_advisory_xact_lock(?)", [Self.writeLock]) }
                        result = try body(sql)
                        try sql.run("COMMIT", [])
                    } catch {
                        _ = try? sql.run("ROLLBACK", [])
                        sql.finish(committed: false)
                        throw error
                    }
                    sql.finish(committed: true)
                    return result
                }
            }
        } catch {
            throw translated(error)
        }
    }
}
