import Foundation
import PouchCore
import PouchFingerprint
import Synchronization

extension SealedStore {
    /// Rewraps the master key under a new passphrase or key file (administrators and security
    /// officers). Only the `meta` row changes, so it takes the same time at any size; the old
    /// credential stops opening the store when the transaction commits. The scrypt work is done
    /// before the write transaction, which stays short.
    public func changeCredential(to credential: StoreCredential, as userID: String) async throws {
        try await requireOperator(userID, action: .keyPassphrase, "change the store's passphrase or key file")
        let (current, version) = try await reading { db in
            (
                try SQLRow.fetchOne(db, sql: "SELECT * FROM meta WHERE id = 1").map(Self.lock),
                try Int.fetchOne(db, sql: "SELECT masterVersion FROM meta WHERE id = 1") ?? 1
            )
        }
        guard let current else { throw StoreError.notAStore(directory) }
        guard let master = keys.key(version: version) else {
            throw StoreError.invalid("master key version \(version) is not in this store's keyring")
        }
        let lock = try MasterKeyLock.locking(master, with: credential, cost: current.cost)
        try await writing { db in
            guard try Int.fetchOne(db, sql: "SELECT masterVersion FROM meta WHERE id = 1") == version else {
                throw StoreError.invalid("the master key was rotated while the passphrase was being changed: run the command again")
            }
            try Self.saveLock(lock, db)
            let from = MasterKeyLock.name(current.credential)
            let to = MasterKeyLock.name(lock.credential)
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .keyPassphrase, target: self.directory,
                    detail: "master key rewrapped under a new \(to) (was a \(from))"
                        + (current.wrappedMaster == nil ? "; the master key was the old \(from)'s own key: rotate it too if that may be known" : "")),
                db)
        }
    }
}

extension SealedStore {
    /// When the store was made (its first audit entry): the making time of every first key version.
    static func storeCreated(_ db: any SQLConnection) throws -> String? {
        try String.fetchOne(db, sql: "SELECT time FROM audit WHERE sequence = 1")
    }
}

/// The versions of the store's fingerprint (tracing) key, loaded from their sealed `secret` rows
/// as they are needed: version 1 is `trace`, later ones `trace-v2`, `trace-v3` …. Shared by every
/// copy of the store value, so a rotation by another process is picked up at the next send.
final class TracingKeys: Sendable {
    private let keys: Mutex<[Int: FingerprintKey]>

    init(_ keys: [Int: FingerprintKey]) { self.keys = Mutex(keys) }

    static func secretName(_ version: Int) -> String { version == 1 ? "trace" : "trace-v\(version)" }

    /// The newest version in the store.
    static func current(_ db: any SQLConnection) throws -> Int {
        let names = try String.fetchAll(db, sql: "SELECT name FROM secret WHERE name = 'trace' OR name LIKE 'trace-v%'")
        return names.compactMap { $0 == "trace" ? 1 : Int($0.dropFirst("trace-v".count)) }.max() ?? 1
    }

    func key(_ version: Int, _ db: any SQLConnection, keys master: some MasterKeys) throws -> FingerprintKey {
        if let key = keys.withLock({ $0[version] }) { return key }
        let key = try FingerprintKey(bytes: try SealedStore.secret(Self.secretName(version), db, keys: master))
        keys.withLock { $0[version] = key }
        return key
    }

    /// Every version, for tracing.
    func all(_ db: any SQLConnection, keys master: some MasterKeys) throws -> [Int: FingerprintKey] {
        var all: [Int: FingerprintKey] = [:]
        for version in 1...(try Self.current(db)) { all[version] = try key(version, db, keys: master) }
        return all
    }
}

extension SealedStore {
    /// The newest fingerprint key (for tests and tools that mark as the store does).
    var tracingKey: FingerprintKey {
        get throws { try reading { db in try self.tracingKeys.key(try TracingKeys.current(db), db, keys: self.keys) } }
    }

    /// A new fingerprint key version (administrators and security officers): cables first sent
    /// from now on are marked with it; cables already sent keep the version their copies were
    /// marked with, for later sends and for tracing, so a trace of an old leak still names its
    /// leaker. For when the fingerprint key may be known: with it, a leaker could find and undo
    /// their copy's marks.
    @discardableResult
    public func rotateTracingKey(as userID: String) async throws -> Int {
        try await requireOperator(userID, action: .keyRotate, "rotate the tracing key")
        let (_, bytes) = FingerprintKey.generate()
        return try await writing { db in
            let version = try TracingKeys.current(db) + 1
            try self.storeSecret(TracingKeys.secretName(version), bytes, publicKey: nil, db)
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .keyRotate, target: "tracing",
                    detail: "tracing key version \(version): cables first sent from now on are marked with it"), db)
            return version
        }
    }

    /// The versions of each kind of key, when each was made, and how much each still covers.
    public func keyStatus(as userID: String) async throws -> KeyStatus {
        try await requireOperator(userID, action: .keyStatus, "see the store's keys")
        let status: KeyStatus = try await reading { db in
            let lock = try SQLRow.fetchOne(db, sql: "SELECT * FROM meta WHERE id = 1").map(Self.lock)
            var tracing: [KeyStatus.Version] = []
            let made = try SQLRow.fetchAll(db, sql: "SELECT time, detail FROM audit WHERE action IN ('init', 'key-rotate') ORDER BY sequence")
            let created = try Self.storeCreated(db) ?? ""
            let counts = Dictionary(
                uniqueKeysWithValues: try SQLRow.fetchAll(db, sql: "SELECT keyVersion, COUNT(*) AS n FROM marking GROUP BY keyVersion").map {
                    (($0["keyVersion"] as Int), ($0["n"] as Int))
                })
            let unrecorded =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cable WHERE state = 'sent' AND id NOT IN (SELECT cable FROM marking)") ?? 0
            for version in 1...(try TracingKeys.current(db)) {
                let row = made.first { ($0["detail"] as String).hasPrefix("tracing key version \(version):") }
                let time: String = version == 1 ? created : (row?["time"] ?? "")
                tracing.append(.init(version: version, created: time, covers: (counts[version] ?? 0) + (version == 1 ? unrecorded : 0)))
            }
            let master = try Self.masterKeyVersions(db)
            let posts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postKey") ?? 0
            let postVersions = try Self.postKeyVersions(db)
            return KeyStatus(
                credential: lock.map { MasterKeyLock.name($0.credential) } ?? "", keyring: lock?.wrappedMaster != nil,
                master: master, tracing: tracing, postKeys: posts, postVersions: postVersions)
        }
        try await record(AuditEvent(user: userID, action: .keyStatus))
        return status
    }
}

/// What `pouch key status` shows.
public struct KeyStatus: Sendable, Hashable, Codable {
    public struct Version: Sendable, Hashable, Codable {
        public var version: Int
        public var created: String
        /// Sent cables marked with this version (tracing).
        public var covers: Int
    }

    /// `passphrase` or `key file`.
    public var credential: String
    /// Whether the master key is kept wrapped (false for a store made before keyrings and never changed since).
    public var keyring: Bool
    /// The master key's versions, oldest first: when each was made and retired, and how many
    /// sealed records (cable texts and subjects, copies, store keys, sealed audit details) it wraps.
    public var master: [MasterKeyVersion]
    public var tracing: [Version]
    /// Posts with a signing key.
    public var postKeys: Int
    /// The versions of every post whose key has been rotated.
    public var postVersions: [PostKeyVersion]
}
