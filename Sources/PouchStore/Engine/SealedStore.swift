import Crypto
import Foundation
import PouchCore
import PouchFingerprint

/// The store: people, cables, copies and the audit log, sealed and signed, over a `StoreDatabase`
/// (SQLite in a directory, or PostgreSQL shared by several servers): the same logic, statements
/// and checks on both.
///
/// Cable text and subject are sealed (`Seal`) under the master key and signed by the sending
/// post; each recipient's fingerprinted copy is sealed and signed on its own. Only what the
/// need-to-know rule needs (classification, captions, distribution) is plain, and it is bound
/// into every seal, so changing it makes the cable unreadable rather than visible to someone new.
/// User rows carry a MAC under the master key, so a raised clearance is detected.
public struct SealedStore: CableStore {
    package let database: any StoreDatabase
    /// Every master key version the store holds: records are sealed under the current one and
    /// opened under the one they name (see `SealedStore+MasterKey`).
    package let keys: StoreKeyring
    /// The MAC root: master key version 1, which keys the MACs over rows kept in the clear and
    /// the API-token digests. A rotation moves records to a new version; these MACs stay.
    let integrity: MasterKey
    /// Every version of the fingerprint key: new sends use the newest, tracing uses the one each cable was marked with.
    let tracingKeys: TracingKeys
    package let auditKey: SigningKey
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
    /// Where the store is, for messages and audit targets: its directory, or its server and database.
    public let directory: String
    /// Rows found damaged during ordinary work: each is audited once, and left out of lists and searches.
    let damage = DamageLog()

    init(
        database: any StoreDatabase, keys: StoreKeyring, integrity: MasterKey, tracingKeys: TracingKeys, auditKey: SigningKey,
        profile: FingerprintProfile, index: BlindIndex, vocabulary: VocabularyCache, passwordCost: MasterKey.Cost,
        headFile: AuditHeadFile, macs: IntegrityKeys, directory: String
    ) {
        self.database = database
        self.keys = keys
        self.integrity = integrity
        self.tracingKeys = tracingKeys
        self.auditKey = auditKey
        self.profile = profile
        self.index = index
        self.vocabulary = vocabulary
        self.passwordCost = passwordCost
        self.headFile = headFile
        self.macs = macs
        self.directory = directory
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
    package static let currentFormat = 2

    /// A new store's keys and first administrator, made before its database holds them (the
    /// scrypt work is done here, outside any transaction).
    package struct Genesis: Sendable {
        let master: MasterKey
        let lock: MasterKeyLock
        let credentialKind: String
        let cost: MasterKey.Cost
        let tracingKey: FingerprintKey
        let tracingBytes: [UInt8]
        let auditKey: SigningKey
        let profile = FingerprintProfile.standard
        let administrator: Reader

        package init(credential: StoreCredential, administrator: Reader, cost: MasterKey.Cost) throws {
            guard administrator.roles.contains(.administrator) else { throw StoreError.invalid("the first user must be an administrator") }
            // A random master key, wrapped under the passphrase or key file: see `MasterKeyLock`.
            master = MasterKey.random()
            lock = try MasterKeyLock.locking(master, with: credential, cost: cost)
            credentialKind = credential.kind
            self.cost = cost
            (tracingKey, tracingBytes) = FingerprintKey.generate()
            auditKey = SigningKey()
            self.administrator = administrator
        }

        /// Writes the new store's first rows in `db` (an empty schema, in the caller's write
        /// transaction): its meta row, sealed keys, administrator and first audit entry. Returns the
        /// signed head, which the caller writes outside the database once the transaction commits.
        package func write(_ db: any SQLConnection, database: any StoreDatabase, location: String) throws -> AuditHead {
            // A throwaway store value to fill the new database: one version, nothing to reload, no head file.
            let store = SealedStore(
                database: database, keys: StoreKeyring(Keyring(master), encryptionKey: master, database: database), integrity: master,
                tracingKeys: TracingKeys([1: tracingKey]), auditKey: auditKey, profile: profile,
                index: BlindIndex(keyBytes: []), vocabulary: VocabularyCache(), passwordCost: cost,
                headFile: AuditHeadFile(directory: "/nonexistent/pouch-genesis"), macs: IntegrityKeys(master: master), directory: location)
            try db.execute(
                sql:
                    "INSERT INTO meta (id, salt, verifier, rounds, blockSize, parallelism, credential, administrator, profile, format, wrappedMaster) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    Data(lock.salt), Data(lock.verifier), cost.rounds, cost.blockSize, cost.parallelism, credentialKind,
                    administrator.id, profile.rawValue, SealedStore.currentFormat, lock.wrappedMaster.map { Data($0) },
                ])
            try store.storeSecret("trace", tracingBytes, publicKey: nil, db)
            try store.storeSecret("audit", auditKey.rawRepresentation, publicKey: auditKey.publicKey, db)
            try store.storeSecret("index", randomBytes(32), publicKey: nil, db)
            try store.insertUser(administrator, db)
            try store.appendAudit(
                AuditEvent(
                    user: administrator.id, action: .initialize, target: location,
                    detail: "store created; administrator \(administrator.id); format \(SealedStore.currentFormat)"), db)
            store.headWriter.discard()
            return try store.currentHead(db)
        }
    }

    /// A store opened over its database: the passphrase or key file unlocks the master key, the
    /// keyring and sealed keys are loaded, and the audit log is compared with the head kept outside
    /// the database. Returns the store with its format and what the head comparison found; the
    /// caller decides what a problem means (`OpenOptions.inspecting`).
    package static func load(
        _ database: any StoreDatabase, credential: StoreCredential, headFile: AuditHeadFile, location: String, inspecting: Bool
    ) throws -> (store: SealedStore, format: Int, problems: [AuditReport.Problem]) {
        guard let row = try database.readNow({ try SQLRow.fetchOne($0, sql: "SELECT * FROM meta WHERE id = 1") }) else {
            throw StoreError.notAStore(location)
        }
        let lock = Self.lock(row)
        let (_, encryptionKey) = try lock.unlockWithKey(credential)
        let keyring = try database.readNow { db in try StoreKeyring.load(db, encryptionKey: encryptionKey) }
        guard let integrity = keyring.key(version: 1) else {
            throw StoreError.tampered("master key version 1 (the MAC root) is missing from the keyring")
        }
        let profile = FingerprintProfile(rawValue: row["profile"]) ?? .standard
        let secrets = try database.readNow { db in
            (try secret("trace", db, keys: keyring), try secret("audit", db, keys: keyring), try secret("index", db, keys: keyring))
        }
        let tracingKey = try FingerprintKey(bytes: secrets.0)
        let auditKey = try SigningKey(rawRepresentation: secrets.1)
        let format: Int = row["format"]
        // The head outside the database first: an upgrade must not run on a rolled-back copy.
        let problems = try database.readNow { db in try headProblems(db, headFile: headFile, format: format, auditKey: auditKey) }
        if !problems.isEmpty, !inspecting { throw StoreError.damaged(problems.map(\.message).joined(separator: "; ")) }
        let store = SealedStore(
            database: database, keys: StoreKeyring(keyring, encryptionKey: encryptionKey, database: database), integrity: integrity,
            tracingKeys: TracingKeys([1: tracingKey]), auditKey: auditKey, profile: profile,
            index: BlindIndex(keyBytes: secrets.2), vocabulary: VocabularyCache(), passwordCost: lock.cost,
            headFile: headFile, macs: IntegrityKeys(master: integrity), directory: location)
        return (store, format, problems)
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
    package func reading<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch {
            throw database.storeError(error) ?? error
        }
    }

    /// The same, for synchronous callers (opening a store, tests).
    package func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try database.readNow(body)
    }

    /// A key derived from the store's MAC root for `purpose`: every process that opens the store
    /// derives the same one (web sessions sealed by one server open on another).
    package func derivedKey(purpose: String) -> SymmetricKey {
        integrity.derivedKey(purpose: purpose)
    }

    /// Closes the store's database connections; the store cannot be used after.
    public func close() async {
        await database.close()
    }

    /// The administrator created with the store.
    public func administrator() async throws -> String {
        try await reading { db in try String.fetchOne(db, sql: "SELECT administrator FROM meta WHERE id = 1") ?? "" }
    }

    /// A cable's envelope and its sealed columns, for queries that open it.
    static let cableColumns = "cable.*, sealed.wrappedKey, sealed.sealedText, sealed.subjectKey, sealed.sealedSubject, sealed.signature"
    static let cableWithSealed = "cable JOIN sealed ON sealed.docid = cable.docid"

    /// Every column that holds a data key wrapped under the master key.
    package static let masterVersionColumns = [
        ("sealed", "wrappedKey"), ("sealed", "subjectKey"), ("copy", "wrappedKey"), ("vocabulary", "wrappedKey"),
        ("secret", "wrappedKey"), ("postKey", "wrappedKey"), ("auditSeal", "wrappedKey"),
    ]
    /// The triggers' message when a process writes under a version that is no longer current.
    package static let staleMasterKey = "pouch: sealed under a master key version that is no longer current"

    static func saveLock(_ lock: MasterKeyLock, _ db: any SQLConnection) throws {
        try db.execute(
            sql: "UPDATE meta SET salt = ?, verifier = ?, credential = ?, wrappedMaster = ? WHERE id = 1",
            arguments: [Data(lock.salt), Data(lock.verifier), lock.credential, lock.wrappedMaster.map { Data($0) }])
    }

    /// How the master key is unlocked, from the `meta` row.
    package static func lock(_ row: SQLRow) -> MasterKeyLock {
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

package func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}
