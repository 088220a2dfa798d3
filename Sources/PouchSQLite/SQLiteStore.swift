import Foundation
import GRDB
import PouchCore
import PouchFingerprint
import PouchStore

/// The embedded store: one SQLite file (WAL, foreign keys, migrations) in the store directory.
///
/// Cable text and subject are sealed (`Seal`) under the master key and signed by the sending
/// post; each recipient's fingerprinted copy is sealed and signed on its own. Only what the
/// need-to-know rule needs (classification, captions, distribution) is plain, and it is bound
/// into every seal, so changing it makes the cable unreadable rather than visible to someone new.
/// User rows carry a MAC under the master key, so a raised clearance is detected.
public struct SQLiteStore: CableStore {
    let database: any StoreDatabase
    /// Every master key version the store holds: records are sealed under the current one and
    /// opened under the one they name (see `SQLiteStore+MasterKey`).
    let keys: StoreKeyring
    /// The MAC root: master key version 1, which keys the MACs over rows kept in the clear and
    /// the API-token digests. A rotation moves records to a new version; these MACs stay.
    let integrity: MasterKey
    /// Every version of the fingerprint key: new sends use the newest, tracing uses the one each cable was marked with.
    let tracingKeys: TracingKeys
    let auditKey: SigningKey
    let profile: FingerprintProfile
    let index: BlindIndex
    let vocabulary: VocabularyCache
    /// The scrypt cost for sign-in passwords: the store's own master-key cost.
    let passwordCost: MasterKey.Cost
    /// Group commit for entries that record reading, not changing.
    let auditQueue = AuditQueue()
    /// Every cable's unchanging envelope by docid: access, filters, facets and date order in memory.
    let envelopes = EnvelopeCache()
    /// Each indexed word's token, so an import computes one HMAC per new word, not per word per batch.
    let tokenCache = TokenCache()
    /// The signed audit head kept beside the database (and in a witness, if one is named).
    let headFile: AuditHeadFile
    /// The head of the transaction being committed, written to `headFile` once it commits.
    let headWriter = HeadWriter()
    /// The MAC keys for rows stored in the clear (envelopes, copy sets, people), derived once.
    let macs: IntegrityKeys
    /// The store directory, for messages.
    public let directory: String
    /// Rows found damaged during ordinary work: each is audited once, and left out of lists and searches.
    let damage = DamageLog()

    /// The database file inside a store directory.
    public static func databasePath(in directory: String) -> String { directory + "/pouch.sqlite" }

    /// Creates a new store and its first administrator.
    public static func create(
        at directory: String, credential: StoreCredential, administrator: Reader,
        cost: MasterKey.Cost = .standard, options: OpenOptions = OpenOptions()
    ) throws -> SQLiteStore {
        let path = databasePath(in: directory)
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(directory) }
        guard administrator.roles.contains(.administrator) else { throw StoreError.invalid("the first user must be an administrator") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A random master key, wrapped under the passphrase or key file: see `MasterKeyLock`.
        let master = MasterKey.random()
        let lock = try MasterKeyLock.locking(master, with: credential, cost: cost)
        let (tracingKey, tracingBytes) = FingerprintKey.generate()
        let auditKey = SigningKey()
        let profile = FingerprintProfile.standard
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
            // A throwaway store value to fill the new database: one version, nothing to reload.
            let store = SQLiteStore(
                database: database, keys: StoreKeyring(Keyring(master), encryptionKey: master, database: database), integrity: master,
                tracingKeys: TracingKeys([1: tracingKey]), auditKey: auditKey, profile: profile,
                index: BlindIndex(keyBytes: []), vocabulary: VocabularyCache(), passwordCost: cost,
                headFile: AuditHeadFile(directory: building + ".unused"), macs: IntegrityKeys(master: master), directory: directory)
            let head: AuditHead = try pool.write { grdb in
                let db = SQLiteConnection(grdb)
                try db.execute(
                    sql:
                        "INSERT INTO meta (id, salt, verifier, rounds, blockSize, parallelism, credential, administrator, profile, format, wrappedMaster) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        Data(lock.salt), Data(lock.verifier), cost.rounds, cost.blockSize, cost.parallelism, credential.kind,
                        administrator.id, profile.rawValue, Self.currentFormat, lock.wrappedMaster.map { Data($0) },
                    ])
                try store.storeSecret("trace", tracingBytes, publicKey: nil, db)
                try store.storeSecret("audit", auditKey.rawRepresentation, publicKey: auditKey.publicKey, db)
                try store.storeSecret("index", randomBytes(32), publicKey: nil, db)
                try store.insertUser(administrator, db)
                try store.appendAudit(
                    AuditEvent(
                        user: administrator.id, action: .initialize, target: directory,
                        detail: "store created; administrator \(administrator.id); format \(Self.currentFormat)"), db)
                store.headWriter.discard()
                return try store.currentHead(db)
            }
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

    /// How a store is opened.
    public struct OpenOptions: Sendable {
        /// A second place where every signed audit head is also appended (another disk, a share).
        public var witness: String?
        /// Open a store that fails its open checks (a log behind its head file), to report what is
        /// wrong rather than refuse: for `pouch verify` and `pouch audit verify`.
        public var inspecting: Bool

        public init(witness: String? = nil, inspecting: Bool = false) {
            self.witness = witness
            self.inspecting = inspecting
        }
    }

    /// The store format this code writes: 2 binds envelopes, copy sets and account state into
    /// MACs and keeps the audit head outside the database.
    static let currentFormat = 2

    /// Opens an existing store; a wrong passphrase or key is a clear error. The audit log is
    /// compared with the head file (and witness): a database behind them is `StoreError.damaged`,
    /// unless `options.inspecting` (then `verifyAudit` and `verifyStore` report it).
    public static func open(at directory: String, credential: StoreCredential, options: OpenOptions = OpenOptions()) throws -> SQLiteStore {
        do {
            return try openChecked(at: directory, credential: credential, options: options)
        } catch {
            throw plain(error, directory: directory)
        }
    }

    static func openChecked(at directory: String, credential: StoreCredential, options: OpenOptions) throws -> SQLiteStore {
        let path = databasePath(in: directory)
        try checkDirectory(directory)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notAStore(directory) }
        if !isWritable(directory: directory, path: path) { throw StoreError.readOnly(directory) }
        let lengths = DocumentLengths()
        let pool = try DatabasePool(path: path, configuration: configuration(lengths: lengths))
        try migrator.migrate(pool)
        let database = SQLiteDatabase(pool: pool, directory: directory, documentLengths: lengths)
        guard let row = try database.readNow({ try SQLRow.fetchOne($0, sql: "SELECT * FROM meta WHERE id = 1") }) else {
            throw StoreError.notAStore(directory)
        }
        let lock = Self.lock(row)
        let (_, encryptionKey) = try lock.unlockWithKey(credential)
        let keyring = try database.readNow { db in try StoreKeyring.load(db, encryptionKey: encryptionKey) }
        guard let integrity = keyring.key(version: 1) else {
            throw StoreError.tampered("master key version 1 (the MAC root) is missing from the keyring")
        }
        let cost = lock.cost
        let profile = FingerprintProfile(rawValue: row["profile"]) ?? .standard
        let secrets = try database.readNow { db in
            (try secret("trace", db, keys: keyring), try secret("audit", db, keys: keyring), try secret("index", db, keys: keyring))
        }
        let tracingKey = try FingerprintKey(bytes: secrets.0)
        let auditKey = try SigningKey(rawRepresentation: secrets.1)
        let headFile = AuditHeadFile(directory: directory, witness: options.witness)
        let format: Int = row["format"]
        // The head outside the database first: an upgrade must not run on a rolled-back copy.
        let problems = try database.readNow { db in try headProblems(db, headFile: headFile, format: format, auditKey: auditKey) }
        if !problems.isEmpty, !options.inspecting { throw StoreError.damaged(problems.map(\.message).joined(separator: "; ")) }
        let store = SQLiteStore(
            database: database, keys: StoreKeyring(keyring, encryptionKey: encryptionKey, database: database), integrity: integrity,
            tracingKeys: TracingKeys([1: tracingKey]), auditKey: auditKey, profile: profile,
            index: BlindIndex(keyBytes: secrets.2), vocabulary: VocabularyCache(), passwordCost: cost,
            headFile: headFile, macs: IntegrityKeys(master: integrity), directory: directory)
        if format < currentFormat {
            try store.upgrade(from: format)
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

    /// The SQLite database under the store, for what only SQLite has: a backup copies its file,
    /// and stores written in format 1 (SQLite only) are upgraded in it.
    func sqlite(_ purpose: String) throws -> SQLiteDatabase {
        guard let sqlite = database as? SQLiteDatabase else { throw StoreError.invalid("\(purpose) is for a store in SQLite only") }
        return sqlite
    }

    /// A write transaction whose failures a person can act on (a full disk, a read-only file)
    /// come back as `StoreError`s; the transaction is rolled back whole either way.
    func writing<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        do {
            return try await database.write(body)
        } catch  where database.isStaleMasterKey(error) {
            // Another process rotated the master key after this one sealed the record: nothing
            // was written; load the new version so that trying again works.
            keys.reload()
            throw StoreError.invalid("the store's master key was rotated while this was being prepared; nothing was saved: try again")
        } catch {
            throw database.storeError(error) ?? error
        }
    }

    /// A read transaction: one consistent snapshot of the store, while writers go on.
    func reading<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch {
            throw database.storeError(error) ?? error
        }
    }

    /// The same, for synchronous callers (opening a store, tests).
    func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try database.readNow(body)
    }

    /// The administrator created with the store.
    public func administrator() async throws -> String {
        try await reading { db in try String.fetchOne(db, sql: "SELECT administrator FROM meta WHERE id = 1") ?? "" }
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

    /// A cable's envelope and its sealed columns, for queries that open it.
    static let cableColumns = "cable.*, sealed.wrappedKey, sealed.sealedText, sealed.subjectKey, sealed.sealedSubject, sealed.signature"
    static let cableWithSealed = "cable JOIN sealed ON sealed.docid = cable.docid"

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
            for (table, column) in SQLiteStore.masterVersionColumns {
                for event in ["INSERT", "UPDATE OF \(column)"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(column)_\(event.prefix(6).lowercased())_current BEFORE \(event) ON \(table)
                            WHEN length(NEW.\(column)) IN (60, 62) AND NOT (SELECT CASE masterVersion WHEN 1 THEN length(NEW.\(column)) = 60
                                ELSE length(NEW.\(column)) = 62 AND hex(substr(NEW.\(column), 1, 2)) = printf('%04X', masterVersion) END FROM meta WHERE id = 1)
                            BEGIN SELECT RAISE(ABORT, '\(SQLiteStore.staleMasterKey)'); END
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
        return migrator
    }

    /// Every column that holds a data key wrapped under the master key.
    static let masterVersionColumns = [
        ("sealed", "wrappedKey"), ("sealed", "subjectKey"), ("copy", "wrappedKey"), ("vocabulary", "wrappedKey"),
        ("secret", "wrappedKey"), ("postKey", "wrappedKey"), ("auditSeal", "wrappedKey"),
    ]
    /// The triggers' message when a process writes under a version that is no longer current.
    static let staleMasterKey = "pouch: sealed under a master key version that is no longer current"

    static func saveLock(_ lock: MasterKeyLock, _ db: any SQLConnection) throws {
        try db.execute(
            sql: "UPDATE meta SET salt = ?, verifier = ?, credential = ?, wrappedMaster = ? WHERE id = 1",
            arguments: [Data(lock.salt), Data(lock.verifier), lock.credential, lock.wrappedMaster.map { Data($0) }])
    }

    /// How the master key is unlocked, from the `meta` row.
    static func lock(_ row: SQLRow) -> MasterKeyLock {
        MasterKeyLock(
            credential: row["credential"], salt: Array(row["salt"] as Data),
            cost: MasterKey.Cost(rounds: row["rounds"], blockSize: row["blockSize"], parallelism: row["parallelism"]),
            verifier: Array(row["verifier"] as Data), wrappedMaster: (row["wrappedMaster"] as Data?).map(Array.init))
    }

    // MARK: Secrets

    func storeSecret(_ name: String, _ bytes: [UInt8], publicKey: [UInt8]?, _ db: any SQLConnection) throws {
        let sealed = try Seal.seal(bytes, record: "secret|\(name)", keys: keys)
        try db.execute(
            sql: "INSERT INTO secret (name, wrappedKey, sealed, publicKey) VALUES (?, ?, ?, ?)",
            arguments: [name, Data(sealed.wrappedKey), Data(sealed.content), publicKey.map { Data($0) }])
    }

    static func secret(_ name: String, _ db: any SQLConnection, keys: some MasterKeys) throws -> [UInt8] {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM secret WHERE name = ?", arguments: [name]) else {
            throw StoreError.tampered("the store's \(name) key (missing)")
        }
        do {
            return try Seal.open(
                SealedRecord(wrappedKey: Array(row["wrappedKey"] as Data), content: Array(row["sealed"] as Data)),
                record: "secret|\(name)", keys: keys)
        } catch {
            throw StoreError.tampered("the store's \(name) key")
        }
    }
}

func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}
