import Crypto
import Foundation
import GRDB
import PouchStore

#if canImport(Glibc)
import Glibc
#endif

/// What a backup holds, as `backup create`, `verify` and `restore` report it.
public struct BackupSummary: Sendable, Hashable {
    /// The backup file.
    public var path: String
    /// The database's size inside the backup.
    public var bytes: Int
    /// The backup file's size.
    public var fileBytes: Int
    /// The last audit entry the backup holds.
    public var head: AuditHead
    /// When the backup was taken (the header's time).
    public var created: String
    /// Rows checked by table (verify and restore only).
    public var checked: [String: Int] = [:]
}

extension SealedStore {
    /// Writes a sealed backup of the store to `path` (administrators and security officers).
    ///
    /// The copy is one read snapshot (SQLite's backup API), so readers and writers go on while it is
    /// taken and a send is in it whole or not at all. The plain copy lives only in the store
    /// directory (which holds the same data) until it is sealed into `path`. The backup is
    /// recorded in the audit log after the snapshot, so its own entry is not in it.
    ///
    /// `maxRate` (bytes of database per second) holds the copy and the sealing each to twice that
    /// rate, so the backup as a whole runs at about `maxRate`, leaving the machine to requests.
    public func backup(to path: String, as userID: String, maxRate: Int? = nil) async throws -> BackupSummary {
        try await requireOperator(userID, action: .backup, "back up the store")
        let size = try SQLiteStore.fileSize(SQLiteStore.databasePath(in: directory))
        let scratch = try SQLiteStore.scratchFolder(for: size, store: directory)
        let copy = scratch + "/.backup-\(AuditChain.hex(randomBytes(8))).sqlite"
        defer {
            SQLiteStore.removeDatabase(copy)
            if scratch != directory { try? FileManager.default.removeItem(atPath: scratch) }
        }
        do {
            // SQLite's backup API copies pages inside one read transaction: a consistent snapshot
            // while writers go on (WAL), without VACUUM INTO's rebuilding of every table and index.
            // The plain copy is never synced: it is read back at once and deleted.
            let source = try sqlite("a backup file").pool
            try await SQLiteStore.offPool {
                var configuration = Configuration()
                configuration.prepareDatabase { db in
                    try db.execute(sql: "PRAGMA journal_mode = OFF")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                }
                let destination = try DatabaseQueue(path: copy, configuration: configuration)
                defer { try? destination.close() }
                // In steps of 1,024 pages when paced; each step waits for its due time. The read
                // transaction holds the snapshot across steps, so writers do not restart it.
                let pace = Pace(bytesPerSecond: maxRate.map { $0 * 2 })
                if maxRate == nil {
                    try source.backup(to: destination)
                } else {
                    try source.backup(to: destination, pagesPerStep: 1_024) { progress in
                        pace.wait(after: progress.completedPageCount * (size / max(1, progress.totalPageCount)))
                    }
                }
            }
        } catch {
            throw SQLiteStore.plain(error, directory: directory)
        }
        let (head, format, lock, version) = try SQLiteStore.snapshotFacts(copy, auditKey: auditKey)
        // Sealed under the version the snapshot's lock opens, even if another process rotated since.
        guard let master = keys.key(version: version) else {
            throw StoreError.invalid("master key version \(version) is not in this store's keyring")
        }
        let bytes = try SQLiteStore.fileSize(copy)
        let header = BackupFile.Header(created: AuditEntry.timestamp(Date()), format: format, lock: lock, head: head.line, bytes: bytes)
        let pace = Pace(bytesPerSecond: maxRate.map { $0 * 2 })
        try await SQLiteStore.offPool { try BackupFile.write(database: copy, to: path, header: header, master: master, pace: pace) }
        try await record(
            AuditEvent(
                user: userID, action: .backup, target: path,
                detail: "backup to audit entry \(head.sequence), \(bytes) bytes of database"))
        return BackupSummary(path: path, bytes: bytes, fileBytes: try SQLiteStore.fileSize(path), head: head, created: header.created)
    }
}

extension SQLiteStore {
    /// Runs long blocking work (copying and sealing gigabytes) on a thread of its own, not on
    /// Swift's cooperative pool, whose few threads (one per core) must stay free for requests.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = "pouch-backup"
            thread.start()
        }
    }

    /// Checks a backup without restoring it: every chunk opens under the store's key, and the
    /// database inside passes every check `pouch verify` makes, its audit chain ending exactly at
    /// the head the backup carries. The database is opened in a temporary folder under
    /// `workDirectory` (default: the system's), removed afterwards.
    public static func verifyBackup(_ path: String, credential: StoreCredential, workDirectory: String? = nil) throws -> BackupSummary {
        let work = try temporaryFolder(in: workDirectory ?? FileManager.default.temporaryDirectory.path)
        defer { try? FileManager.default.removeItem(atPath: work) }
        return try openBackup(path, credential: credential, into: work).summary
    }

    /// Restores a backup into `directory`, which must be empty or not exist: the backup is
    /// verified as `verifyBackup` does, put in place with its audit head, and the restore is
    /// recorded as the first audit entry after that head. On any failure the folder is left as
    /// it was found.
    public static func restore(
        _ path: String, into directory: String, credential: StoreCredential,
        as userID: String? = nil, options: SealedStore.OpenOptions = SealedStore.OpenOptions()
    ) async throws -> BackupSummary {
        let existed = FileManager.default.fileExists(atPath: directory)
        if existed {
            try checkDirectory(directory)
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard contents.isEmpty else {
                throw StoreError.invalid("\(directory) is not empty: a backup is restored into an empty folder only, never over a store")
            }
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        do {
            let opened = try openBackup(path, credential: credential, into: directory)
            try opened.store.sqlite("a restore").closeNow()
            let store = try open(at: directory, credential: credential, options: options)
            let user: String
            if let userID { user = userID } else { user = try await store.administrator() }
            try await store.record(
                AuditEvent(
                    user: user, action: .restore, target: path,
                    detail: "restored from a backup taken \(opened.summary.created) at audit entry \(opened.summary.head.sequence)"))
            try store.sqlite("a restore").closeNow()
            return opened.summary
        } catch {
            if existed {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                    try? FileManager.default.removeItem(atPath: directory + "/" + name)
                }
            } else {
                try? FileManager.default.removeItem(atPath: directory)
            }
            throw plain(error, directory: directory)
        }
    }

    /// Opens the backup's database as a store in `folder` and checks all of it.
    static func openBackup(_ path: String, credential: StoreCredential, into folder: String) throws -> (store: SealedStore, summary: BackupSummary) {
        let header = try BackupFile.readHeader(path)
        guard let head = header.auditHead else { throw BackupFile.Failure(path, "the header's audit head is damaged") }
        let master = try header.lock.unlock(credential)
        try BackupFile.open(path, master: master, to: databasePath(in: folder))
        try AuditHeadFile(directory: folder).replace(with: head)
        let store = try openChecked(at: folder, credential: credential, options: SealedStore.OpenOptions(inspecting: true))
        let report = try store.reading { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM audit") ?? 0
            var report = try store.verifyEverything(db, progress: nil)
            if last != head.sequence {
                report.audit.problems.append(
                    .init(
                        sequence: last, message: "the audit log inside ends at entry \(last), not at the head the backup carries (\(head.sequence))"))
            }
            return report
        }
        guard report.intact else {
            let problems =
                report.problems.map { "\($0.table) \($0.key): \($0.message)" }
                + report.audit.problems.map { "audit \($0.sequence.map(String.init) ?? "-"): \($0.message)" }
            throw BackupFile.Failure(
                path,
                "the database inside fails its checks: " + problems.prefix(5).joined(separator: "; ")
                    + (problems.count > 5 ? " (and \(problems.count - 5) more)" : ""))
        }
        let summary = BackupSummary(
            path: path, bytes: header.bytes, fileBytes: try fileSize(path), head: head,
            created: header.created, checked: report.checked)
        return (store, summary)
    }

    /// The signed head, format and lock of a database copy (its last audit entry).
    static func snapshotFacts(_ path: String, auditKey: SigningKey) throws -> (head: AuditHead, format: Int, lock: MasterKeyLock, masterVersion: Int)
    {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { grdb in
            let db = SQLiteConnection(grdb)
            guard let last = try SQLRow.fetchOne(db, sql: "SELECT sequence, hash, time FROM audit ORDER BY sequence DESC LIMIT 1"),
                let meta = try SQLRow.fetchOne(db, sql: "SELECT * FROM meta WHERE id = 1")
            else {
                throw StoreError.damaged("the backup copy has no audit log")
            }
            let head = try AuditHead.signed(sequence: last["sequence"], hash: Array(last["hash"] as Data), time: last["time"], key: auditKey)
            return (head, meta["format"], SealedStore.lock(meta), meta["masterVersion"])
        }
    }

    /// Where the plain copy waits to be sealed: memory (`/dev/shm`) when it has room for twice the
    /// database, so gigabytes are neither written to disk nor flushed past the server's own
    /// fsyncs; else the store directory, which holds the same data under the same protection.
    static func scratchFolder(for bytes: Int, store: String) throws -> String {
        let memory = "/dev/shm"
        var stats = statvfs()
        if statvfs(memory, &stats) == 0, Int(stats.f_bavail) * Int(stats.f_frsize) > 2 * bytes + (64 << 20),
            let folder = try? temporaryFolder(in: memory, tag: scratchTag(store))
        {
            return folder
        }
        return store
    }

    /// A few hex digits of the store directory's digest in its scratch folders' names, so an
    /// operator (and a test) can tell whose they are.
    static func scratchTag(_ store: String) -> String {
        AuditChain.hex(Array(SHA256.hash(data: Array(store.utf8)).prefix(4))) + "-"
    }

    static func temporaryFolder(in parent: String, tag: String = "") throws -> String {
        let folder = parent + "/pouch-backup-\(tag)\(AuditChain.hex(randomBytes(8)))"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.invalid("\(parent): cannot make a working folder there to open the backup (set TMPDIR to a folder with room)")
        }
        return folder
    }

    static func removeDatabase(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}
