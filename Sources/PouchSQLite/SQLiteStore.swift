import Foundation
import GRDB
import PouchCore
import PouchFingerprint
import PouchStore

/// The embedded store: one SQLite file (WAL, foreign keys, migrations) in the store directory,
/// with the signed audit head in a file beside it. `create` and `open` give a `SealedStore` over it.
public enum SQLiteStore {
    /// The database file inside a store directory.
    public static func databasePath(in directory: String) -> String { directory + "/pouch.sqlite" }

    /// Creates a new store and its first administrator.
    public static func create(
        at directory: String, credential: StoreCredential, administrator: Reader,
        cost: MasterKey.Cost = .standard, options: SealedStore.OpenOptions = SealedStore.OpenOptions()
    ) throws -> SealedStore {
        let path = databasePath(in: directory)
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(directory) }
        let genesis = try SealedStore.Genesis(credential: credential, administrator: administrator, cost: cost)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let headFile = AuditHeadFile(directory: directory, witness: options.witness)
        // Build the database under a temporary name and move it into place last: a failed init leaves nothing behind.
        let building = path + ".init"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        do {
            let lengths = DocumentLengths()
            let pool = try DatabasePool(path: building, configuration: configuration(lengths: lengths))
            try migrator.migrate(pool)
            let database = SQLiteDatabase(pool: pool, directory: directory, documentLengths: lengths)
            // The head file is written below, once the database is in place, not by the commit.
            let head = try pool.write { db in try genesis.write(SQLiteConnection(db), database: database, location: directory) }
            try pool.close()
            // The witness first: a witness that cannot be written leaves no head file behind.
            if let witness = options.witness { try headFile.append(head, to: witness) }
            try headFile.replace(with: head)
            try FileManager.default.moveItem(atPath: building, toPath: path)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
            try? FileManager.default.removeItem(atPath: headFile.path)
            throw Self.plain(error, directory: directory)
        }
        return try open(at: directory, credential: credential, options: options)
    }

    /// Opens an existing store; a wrong passphrase or key is a clear error. The audit log is
    /// compared with the head file (and witness): a database behind them is `StoreError.damaged`,
    /// unless `options.inspecting` (then `verifyAudit` and `verifyStore` report it).
    public static func open(
        at directory: String, credential: StoreCredential, options: SealedStore.OpenOptions = SealedStore.OpenOptions()
    ) throws -> SealedStore {
        do {
            return try openChecked(at: directory, credential: credential, options: options)
        } catch {
            throw plain(error, directory: directory)
        }
    }

    static func openChecked(at directory: String, credential: StoreCredential, options: SealedStore.OpenOptions) throws -> SealedStore {
        let path = databasePath(in: directory)
        try checkDirectory(directory)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notAStore(directory) }
        if !isWritable(directory: directory, path: path) { throw StoreError.readOnly(directory) }
        let lengths = DocumentLengths()
        let pool = try DatabasePool(path: path, configuration: configuration(lengths: lengths))
        try migrator.migrate(pool)
        let database = SQLiteDatabase(pool: pool, directory: directory, documentLengths: lengths)
        let (store, format, problems) = try SealedStore.load(
            database, credential: credential, headFile: AuditHeadFile(directory: directory, witness: options.witness), location: directory,
            inspecting: options.inspecting)
        if format < SealedStore.currentFormat {
            // Format 1 was SQLite's only: its stores are raised in place, in one transaction.
            try pool.write { db in try store.upgrade(from: format, SQLiteConnection(db)) }
        } else if problems.isEmpty {
            // The database may be ahead of its head file (a crash after a commit): bring the file up.
            try store.catchUpHead()
        }
        return store
    }

    /// Errors a person can act on, in place of SQLite's codes.
    static func plain(_ error: any Error, directory: String) -> any Error {
        storeError(error, directory: directory) ?? error
    }

    /// The store error an SQLite error means, if it means one a person can act on (a full disk,
    /// a read-only file, a damaged database); nil for any other error.
    public static func storeError(_ error: any Error, directory: String) -> StoreError? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL: return .diskFull(directory)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(directory)
        case .SQLITE_CANTOPEN where !isWritable(directory: directory, path: databasePath(in: directory)): return .readOnly(directory)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .damaged("\(databasePath(in: directory)) is not a readable SQLite database (\(error.message ?? "corrupt"))")
        default: return nil
        }
    }

    /// A store directory that is not a directory, or cannot be entered, gets a plain message.
    static func checkDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw StoreError.invalid("\(directory) is a file, not a store directory")
        }
    }

    static func isWritable(directory: String, path: String) -> Bool {
        access(directory, W_OK) == 0 && (!FileManager.default.fileExists(atPath: path) || access(path, W_OK) == 0)
    }

    static func configuration(lengths: DocumentLengths) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // FULL: a committed send or audit entry survives power loss, not only a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 64 MiB of page cache per connection: searches revisit the same index and envelope pages.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Pages read through a memory map, not copied out of the kernel by pread: whole-store
            // passes (verify, rewrap, backup) read every cable's overflow pages.
            try db.execute(sql: "PRAGMA mmap_size = 17179869184")
            try RankFunction.register(db, lengths: lengths)
            try AdmitFunction.register(db)
        }
        return configuration
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("id", .integer)
                t.column("salt", .blob).notNull()
                t.column("verifier", .blob).notNull()
                t.column("rounds", .integer).notNull()
                t.column("blockSize", .integer).notNull()
                t.column("parallelism", .integer).notNull()
                t.column("credential", .text).notNull()
                t.column("administrator", .text).notNull()
                t.column("profile", .text).notNull()
            }
            // Store-wide keys (the tracing key, the audit signing key), sealed under the master key.
            try db.create(table: "secret") { t in
                t.primaryKey("name", .text)
                t.column("wrappedKey", .blob).notNull()
                t.column("sealed", .blob).notNull()
                t.column("publicKey", .blob)
            }
            try db.create(table: "reader") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("post", .text).notNull()
                t.column("roles", .text).notNull()
                t.column("clearance", .integer).notNull()
                t.column("citizen", .boolean).notNull()
                t.column("grants", .text).notNull()
                t.column("mac", .blob).notNull()
            }
            try db.create(table: "list") { t in
                t.primaryKey("name", .text)
            }
            try db.create(table: "listMember") { t in
                t.column("list", .text).notNull().references("list", onDelete: .cascade)
                t.column("reader", .text).notNull().references("reader")
                t.primaryKey(["list", "reader"])
            }
            try db.create(table: "postKey") { t in
                t.primaryKey("post", .text)
                t.column("publicKey", .blob).notNull()
                t.column("wrappedKey", .blob).notNull()
                t.column("sealedKey", .blob).notNull()
            }
            // docid: a stable integer key shared with the search index's rowid.
            try db.create(table: "cable") { t in
                t.primaryKey("docid", .integer)
                t.column("id", .text).notNull().unique()
                t.column("classification", .integer).notNull()
                // ",NOFORN,EXDIS," so a caption test is one LIKE.
                t.column("caveats", .text).notNull()
                // The same captions as bits (NOFORN 1, EXDIS 2, NODIS 4, LIMDIS 8, STADIS 16) for the access test.
                t.column("restricted", .integer).notNull()
                t.column("archive", .boolean).notNull()
                t.column("post", .text).notNull().references("postKey")
                // The post as reference IDs name it (ISLAMABAD, STATE), for filters.
                t.column("postKey", .text).notNull()
                // ",PREL,PGOV," like caveats.
                t.column("tags", .text).notNull()
                t.column("drafter", .text).references("reader")
                t.column("year", .integer).notNull()
                t.column("serial", .integer).notNull()
                t.column("date", .text).notNull()
                t.column("state", .text).notNull()
            }
            // The sealed text apart from the envelope: the envelope rows stay small and dense, so
            // filters, counts and facets over many cables read few pages.
            try db.create(table: "sealed") { t in
                t.primaryKey("docid", .integer).references("cable", column: "docid")
                t.column("wrappedKey", .blob).notNull()
                t.column("sealedText", .blob).notNull()
                t.column("subjectKey", .blob).notNull()
                t.column("sealedSubject", .blob).notNull()
                t.column("signature", .blob).notNull()
            }
            try db.create(index: "cable_post_year_serial", on: "cable", columns: ["post", "year", "serial"])
            try db.create(index: "cable_date", on: "cable", columns: ["date"])
            // The blind index: hashed terms only (see BlindIndex), no content stored.
            try db.execute(sql: "CREATE VIRTUAL TABLE search USING fts5(subject, body, refs, content='', tokenize='ascii', detail='full')")
            // The words behind prefix queries, sealed one batch per transaction.
            try db.create(table: "vocabulary") { t in
                t.primaryKey("batch", .integer)
                t.column("wrappedKey", .blob).notNull()
                t.column("sealed", .blob).notNull()
            }
            try db.create(table: "copy") { t in
                t.column("cable", .text).notNull().references("cable", column: "id")
                t.column("reader", .text).notNull().references("reader")
                t.column("wrappedKey", .blob).notNull()
                t.column("sealedText", .blob).notNull()
                t.column("signature", .blob).notNull()
                t.primaryKey(["cable", "reader"])
            }
            try db.create(index: "copy_reader", on: "copy", columns: ["reader"])
            try db.create(table: "audit") { t in
                t.primaryKey("sequence", .integer)
                t.column("time", .text).notNull()
                t.column("user", .text).notNull()
                t.column("action", .text).notNull()
                t.column("target", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("previousHash", .blob).notNull()
                t.column("hash", .blob).notNull()
            }
            try db.create(index: "audit_user", on: "audit", columns: ["user"])
            try db.create(table: "auditCheckpoint") { t in
                t.primaryKey("sequence", .integer)
                t.column("hash", .blob).notNull()
                t.column("signature", .blob).notNull()
            }
            try db.create(table: "auditHead") { t in
                t.primaryKey("id", .integer)
                t.column("sequence", .integer).notNull()
                t.column("hash", .blob).notNull()
                t.column("signature", .blob).notNull()
            }
        }
        migrator.registerMigration("v2-sign-in") { db in
            // A scrypt hash per person; the MAC binds it to the person, so a thief who can write
            // the file cannot put in a hash of a password they know.
            try db.create(table: "credential") { t in
                t.primaryKey("reader", .text).references("reader")
                t.column("hash", .text).notNull()
                t.column("mac", .blob).notNull()
            }
            // API tokens: only a keyed hash of each token, bound to its owner by a MAC.
            try db.create(table: "token") { t in
                t.primaryKey("digest", .blob)
                t.column("reader", .text).notNull().references("reader")
                t.column("label", .text).notNull()
                t.column("created", .text).notNull()
                t.column("mac", .blob).notNull()
            }
        }
        migrator.registerMigration("v3-fingerprint-scheme") { db in
            // The scheme each sent cable's copies were marked with, bound to the cable by a MAC,
            // so copies stay traceable after the catalogue grows. Cables sent before this table
            // existed have no row and used scheme 1.
            try db.create(table: "marking") { t in
                t.primaryKey("cable", .text).references("cable", column: "id")
                t.column("scheme", .integer).notNull()
                t.column("mac", .blob).notNull()
            }
        }
        migrator.registerMigration("v4-post-filter-index") { db in
            // `post:KABUL` picks one post in hundreds: an index, not a scan of every envelope.
            try db.create(index: "cable_postKey", on: "cable", columns: ["postKey"], ifNotExists: true)
        }
        migrator.registerMigration("v5-drafter-index") { db in
            // Each search reads the cables its reader drafted: an index over the few drafted cables,
            // not a scan of every envelope (archived cables have no drafter and stay out of it).
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS cable_drafter ON cable(drafter) WHERE drafter IS NOT NULL")
        }
        migrator.registerMigration("v6-integrity") { db in
            // Format 2 (see `upgrade`): the columns start empty and are filled, under the master key,
            // the first time the store is opened with it.
            try db.alter(table: "meta") { t in t.add(column: "format", .integer).notNull().defaults(to: 1) }
            // A MAC over every envelope column a person can see (tags, date, state …) and the docid.
            try db.alter(table: "cable") { t in t.add(column: "mac", .blob) }
            // Account state, bound into the user's MAC: a disabled account, and a generation that
            // every password change, disabling or revocation raises, ending older sessions.
            try db.alter(table: "reader") { t in
                t.add(column: "disabled", .boolean).notNull().defaults(to: false)
                t.add(column: "generation", .integer).notNull().defaults(to: 0)
            }
            // A list's members, bound together: a name slipped into a list would get the next send's copy.
            try db.alter(table: "list") { t in t.add(column: "mac", .blob) }
            // Tokens expire; the expiry is bound into the token's MAC.
            try db.alter(table: "token") { t in t.add(column: "expires", .text) }
            // What each send made: its recipients, bound by a MAC to the cable and the send's audit entry.
            try db.create(table: "receipt") { t in
                t.column("cable", .text).notNull().references("cable", column: "id")
                t.column("sequence", .integer).notNull()
                t.column("recipients", .text).notNull()
                t.column("mac", .blob).notNull()
                t.primaryKey(["cable", "sequence"])
            }
            // Per person, how many copies they hold and an order-free digest of which: a deleted
            // or added copy row changes both.
            try db.create(table: "holding") { t in
                t.primaryKey("reader", .text).references("reader")
                t.column("copies", .integer).notNull()
                t.column("digest", .blob).notNull()
                t.column("mac", .blob).notNull()
            }
        }
        migrator.registerMigration("v7-keyring") { db in
            // The master key wrapped under the passphrase or key file (`MasterKeyLock`); empty in a
            // store made before, whose master key is the passphrase's key until it is changed.
            try db.alter(table: "meta") { t in t.add(column: "wrappedMaster", .blob) }
        }
        migrator.registerMigration("v8-post-registry") { db in
            // The long FM forms of a post ("EMBASSY WASHINGTON") and the post people are posted at.
            try db.create(table: "postName") { t in
                t.primaryKey("fm", .text)
                t.column("post", .text).notNull()
                t.column("mac", .blob).notNull()
            }
        }
        migrator.registerMigration("v9-tracing-key-versions") { db in
            // Which version of the fingerprint key a cable's copies were marked with (see TracingKeys).
            try db.alter(table: "marking") { t in t.add(column: "keyVersion", .integer).notNull().defaults(to: 1) }
        }
        migrator.registerMigration("v10-master-key-versions") { db in
            // The version of the master key that new records are sealed under (see `StoreKeyring`).
            try db.alter(table: "meta") { t in t.add(column: "masterVersion", .integer).notNull().defaults(to: 1) }
            // Older versions, each wrapped by the current one; a retired version's key is gone
            // (version 1 stays: it is the MAC root). Empty until the first rotation.
            try db.create(table: "masterKey") { t in
                t.primaryKey("version", .integer)
                t.column("wrapped", .blob)
                t.column("created", .text).notNull()
                t.column("retired", .text)
            }
            // A sealed audit detail's data key rewrapped under a newer version: the entry itself is
            // hash-chained and cannot change.
            try db.create(table: "auditSeal") { t in
                t.primaryKey("sequence", .integer)
                t.column("wrappedKey", .blob).notNull()
            }
            for (table, column) in SealedStore.masterVersionColumns {
                for event in ["INSERT", "UPDATE OF \(column)"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(column)_\(event.prefix(6).lowercased())_current BEFORE \(event) ON \(table)
                            WHEN length(NEW.\(column)) IN (60, 62) AND NOT (SELECT CASE masterVersion WHEN 1 THEN length(NEW.\(column)) = 60
                                ELSE length(NEW.\(column)) = 62 AND hex(substr(NEW.\(column), 1, 2)) = printf('%04X', masterVersion) END FROM meta WHERE id = 1)
                            BEGIN SELECT RAISE(ABORT, '\(SealedStore.staleMasterKey)'); END
                            """)
                }
            }
        }
        migrator.registerMigration("v11-post-key-versions") { db in
            // The version of the post's key that signs now; signatures from version 2 on name theirs.
            try db.alter(table: "postKey") { t in t.add(column: "version", .integer).notNull().defaults(to: 1) }
            // Every version a post has had since its first rotation: the public keys that older
            // signatures verify against, each signed by the version before it and by the store.
            try db.create(table: "postKeyVersion") { t in
                t.column("post", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("publicKey", .blob).notNull()
                t.column("created", .text).notNull()
                t.column("endorsement", .blob)
                t.column("attestation", .blob).notNull()
                t.primaryKey(["post", "version"])
            }
        }
        migrator.registerMigration("v12-audit-reads-index") { db in
            // Whether a reader has opened a copy is a lookup, not a walk through all their entries
            // (the inbox asks it on every view); the index's prefix serves `audit log --user` too.
            try db.execute(sql: SealedStore.auditReadsIndex)
            try db.drop(index: "audit_user")
        }
        return migrator
    }

}

extension SealedStore {
    /// The SQLite database under the store, for what only SQLite has: a backup copies its file,
    /// and stores written in format 1 (SQLite only) are upgraded in it.
    func sqlite(_ purpose: String) throws -> SQLiteDatabase {
        guard let sqlite = database as? SQLiteDatabase else { throw StoreError.invalid("\(purpose) is for a store in SQLite only") }
        return sqlite
    }
}
