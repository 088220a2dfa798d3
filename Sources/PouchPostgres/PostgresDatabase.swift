import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import PouchCore
import PouchStore

/// The PostgreSQL database under a store: the pool every request's transaction runs on, one
/// connection of its own for the synchronous reads made while opening and when the keyring is
/// reloaded, and the text index.
final class PostgresDatabase: StoreDatabase {
    let pool: PostgresPool
    /// For `readNow`: one connection, one caller at a time.
    private let direct: NIOLockedValueBox<PostgresConnection>
    let index = PostgresTextIndex()

    init(pool: PostgresPool, direct: PostgresConnection) {
        self.pool = pool
        self.direct = NIOLockedValueBox(direct)
    }

    var location: String { pool.location.description }
    var textIndex: any TextIndex { index }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await pool.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await pool.write(body)
    }

    func readNow<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try direct.withLockedValue { connection in
                let sql = PostgresSQLConnection(connection, logger: pool.logger)
                try sql.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [])
                defer { _ = try? sql.run("ROLLBACK", []) }
                return try body(sql)
            }
        } catch {
            throw pool.translated(error)
        }
    }

    func storeError(_ error: any Error) -> StoreError? {
        guard let error = error as? PostgresStoreError else { return nil }
        switch error.sqlState {
        case "53100": return .diskFull(location)
        case "25006": return .readOnly(location)
        default: return nil
        }
    }

    func isStaleMasterKey(_ error: any Error) -> Bool {
        "\(error)".contains(SealedStore.staleMasterKey)
    }

    func close() async {
        let connection = direct.withLockedValue { $0 }
        try? await connection.close()
        await pool.close()
    }

    /// A store dropped without `close()` (a command that ends) still lets its connection go.
    deinit {
        let connection = direct.withLockedValue { $0 }
        guard !connection.isClosed else { return }
        // The callback holds the connection until it has closed: postgres-nio requires that.
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}

/// A store in PostgreSQL, shared by several servers: `create` and `open` give a `SealedStore`
/// over it. PostgreSQL holds sealed records only; the master key comes from the passphrase or key
/// file as ever, and the signed audit head is kept outside the database, in `headDirectory` on
/// the machine that opens the store (each server keeps its own, checked at every open).
public enum PostgresStore {
    /// Creates the schema in an empty database and the store's first administrator.
    public static func create(
        at location: PostgresLocation, headDirectory: String, credential: StoreCredential, administrator: Reader,
        cost: MasterKey.Cost = .standard, options: SealedStore.OpenOptions = SealedStore.OpenOptions()
    ) async throws -> SealedStore {
        let genesis = try SealedStore.Genesis(credential: credential, administrator: administrator, cost: cost)
        let headFile = AuditHeadFile(directory: headDirectory, witness: options.witness)
        let database = try await connect(location)
        do {
            let exists = try await database.read { db in try SQLRow.fetchOne(db, sql: "SELECT 1 FROM meta WHERE id = 1") != nil }
            if exists { throw StoreError.alreadyExists(location.description) }
            try FileManager.default.createDirectory(atPath: headDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let head = try await database.write { db in try genesis.write(db, database: database, location: location.description) }
            if let witness = options.witness { try headFile.append(head, to: witness) }
            try headFile.replace(with: head)
        } catch {
            await database.close()
            throw database.storeError(error) ?? error
        }
        await database.close()
        return try await open(at: location, headDirectory: headDirectory, credential: credential, options: options)
    }

    /// Opens the store in `location`, bringing its schema up to date first (under the migrations'
    /// advisory lock, so servers starting together do not race).
    public static func open(
        at location: PostgresLocation, headDirectory: String, credential: StoreCredential,
        options: SealedStore.OpenOptions = SealedStore.OpenOptions()
    ) async throws -> SealedStore {
        let database = try await connect(location)
        do {
            let (store, format, problems) = try SealedStore.load(
                database, credential: credential, headFile: AuditHeadFile(directory: headDirectory, witness: options.witness),
                location: location.description, inspecting: options.inspecting)
            guard format == SealedStore.currentFormat else {
                throw StoreError.damaged("the database says format \(format); a PostgreSQL store is made at format \(SealedStore.currentFormat)")
            }
            if problems.isEmpty { try store.catchUpHead() }
            return store
        } catch {
            await database.close()
            throw database.storeError(error) ?? error
        }
    }

    /// Copies a store (one on SQLite) into an empty PostgreSQL database: every record as it is,
    /// sealed and signed, the full-text index built again in PostgreSQL's form, the source's
    /// signed audit head put in `headDirectory`, and a "moved" entry that continues its chain.
    /// Run again after an interruption, it takes up where it stopped. The source must not be
    /// served meanwhile; it is left as it was.
    public static func copy(
        _ source: SealedStore, headFile sourceHead: AuditHeadFile, to location: PostgresLocation, headDirectory: String,
        credential: StoreCredential, as userID: String, batch: Int = SealedStore.copyBatch, progress: CopyProgress? = nil
    ) async throws -> CopyReport {
        let targetHead = AuditHeadFile(directory: headDirectory)
        guard URL(fileURLWithPath: targetHead.path).standardized != URL(fileURLWithPath: sourceHead.path).standardized else {
            throw StoreError.invalid("the copy's audit head must be kept apart from the source's: give another directory than \(headDirectory)")
        }
        guard let head = try sourceHead.read() else {
            throw StoreError.damaged("the audit head file \(sourceHead.path) is missing: the source cannot be vouched for")
        }
        let database = try await connect(location)
        let report: CopyReport
        do {
            if !(await SealedStore.copyUnfinished(database)), try targetHead.read() != nil {
                throw StoreError.invalid(
                    "\(targetHead.path) already holds an audit head (another store's, or this one's from a copy that finished): give an empty directory"
                )
            }
            report = try await source.copyRows(into: database, as: userID, batch: batch, progress: progress)
        } catch {
            await database.close()
            throw database.storeError(error) ?? error
        }
        await database.close()
        try FileManager.default.createDirectory(atPath: headDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // The copied log ends where the source's does, so the source's signed head vouches for it.
        // (A head file past it means the "moved" entry is in already: a rerun after a crash.)
        if (try targetHead.read()?.sequence ?? 0) <= head.sequence { try targetHead.replace(with: head) }
        let store = try await open(at: location, headDirectory: headDirectory, credential: credential)
        do {
            try await store.recordMove(from: source.database.location, sourceSequence: report.sourceSequence, as: userID)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        return report
    }

    /// The web sessions of a store in PostgreSQL, shared by every server over it (sealed under a
    /// key derived from the store's master key, so every server opens them); nil for a store elsewhere.
    public static func sessions(of store: SealedStore) -> PostgresSessionDriver? {
        guard let database = store.database as? PostgresDatabase else { return nil }
        return PostgresSessionDriver(pool: database.pool, sealingKey: store.derivedKey(purpose: "web-sessions"))
    }

    /// The schema, in migration order.
    static let schema = SchemaMigrator(
        StoreSchema.migrations + [PostgresTextIndex.migration, PostgresTextIndex.postingMigration, PostgresTextIndex.blockMigration])

    static func connect(_ location: PostgresLocation) async throws -> PostgresDatabase {
        let pool = PostgresPool(location)
        do {
            // The direct connection first: a wrong URL or a stopped server is reported at once,
            // where the pool would retry for a minute.
            let direct: PostgresConnection
            do { direct = try await pool.connect() } catch { throw PostgresStoreError(error, at: location) }
            do {
                try await schema.migrate(pool)
            } catch {
                try? await direct.close()
                throw error
            }
            return PostgresDatabase(pool: pool, direct: direct)
        } catch {
            await pool.close()
            throw pool.translated(error)
        }
    }
}
