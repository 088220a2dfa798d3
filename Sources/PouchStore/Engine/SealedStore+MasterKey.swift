import Foundation
import PouchCore

/// How far a master key rewrap has gone.
public struct RewrapProgress: Sendable, Hashable {
    /// The version records are moved to.
    public var version: Int
    /// Records moved so far in this run.
    public var done: Int
    /// Records still under an older version.
    public var left: Int
}

/// What a rewrap run did.
public struct RewrapReport: Sendable, Hashable {
    public var version: Int
    public var moved: Int
    /// Versions retired by this run (no record left under them).
    public var retired: [Int]
    public var seconds: Double
}

/// Records counted by the master key version that wraps their data key.
public struct MasterKeyVersion: Sendable, Hashable, Codable {
    public var version: Int
    public var created: String
    /// When it was retired (no record left under it), if it was.
    public var retired: String?
    public var covers: Int
}

extension SealedStore {
    /// Makes a new master key version (administrators and security officers), as Vault's
    /// `operator rotate` does: records sealed from now on use it, older records still open under
    /// the version they name, and `rewrapMasterKey` moves them across. The new version is wrapped
    /// under the same passphrase or key file (same salt), so running servers load it without
    /// being restarted; older versions are kept wrapped by the new one until retired.
    ///
    /// A store made before keyrings has its passphrase's own key as master key: it must first be
    /// given a wrapped one (`changeCredential`), else the new version would be wrapped by the old.
    @discardableResult
    public func rotateMasterKey(as userID: String) async throws -> Int {
        try await requireOperator(userID, action: .keyRotate, "rotate the master key")
        let next = MasterKey.random()
        let time = AuditEntry.timestamp(Date())
        return try await writing { db in
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM meta WHERE id = 1") else { throw StoreError.notAStore(self.directory) }
            let lock = Self.lock(row)
            guard lock.wrappedMaster != nil else {
                throw StoreError.invalid(
                    "this store's master key is its \(MasterKeyLock.name(lock.credential))'s own key: run 'pouch key passphrase' first (it gives the store a wrapped master key), then rotate"
                )
            }
            let current: Int = row["masterVersion"]
            let keyring = try StoreKeyring.load(db, encryptionKey: self.keys.encryptionKey)
            let version = current + 1
            if current == 1, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM masterKey WHERE version = 1") == 0 {
                let created = try Self.storeCreated(db) ?? time
                try db.execute(sql: "INSERT INTO masterKey (version, created) VALUES (1, ?)", arguments: [created])
            }
            for (older, key) in keyring.keys {
                try db.execute(
                    sql: "UPDATE masterKey SET wrapped = ? WHERE version = ?", arguments: [Data(try next.wrap(key, version: older)), older])
            }
            try db.execute(sql: "INSERT INTO masterKey (version, created) VALUES (?, ?)", arguments: [version, time])
            try Self.saveLock(try lock.relocking(next, encryptionKey: self.keys.encryptionKey), db)
            try db.execute(sql: "UPDATE meta SET masterVersion = ? WHERE id = 1", arguments: [version])
            try self.keys.reload(db)
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .keyRotate, target: "master",
                    detail:
                        "master key version \(version): records sealed from now on use it; older records are rewrapped to it by 'pouch key rewrap'"),
                db)
            return version
        }
    }

    /// Moves every record's data key to the current master key version, `batch` records per
    /// transaction (administrators and security officers). Only the 60-byte wrapped keys change,
    /// never a record's content or signature. Safe to kill at any moment and run again: each
    /// batch commits whole, and a run finds what is left by looking, not from a saved position.
    /// A version with no record left is retired: its key is deleted from the keyring (version 1
    /// is kept as the MAC root, marked retired). Reads and writes go on meanwhile.
    /// `pause` is waited after each batch: a background rewrap leaves room for requests.
    public func rewrapMasterKey(
        batch: Int = 2_000, pause: Duration = .zero, as userID: String,
        progress: @escaping @Sendable (RewrapProgress) -> Void = { _ in }
    ) async throws -> RewrapReport {
        try await requireOperator(userID, action: .keyRotate, "rewrap the store's records under the current master key")
        let started = ContinuousClock.now
        let batch = max(1, batch)
        let left = try await reading { db in try Self.masterKeyCounts(db) }
        var state = RewrapProgress(version: keys.current.version, done: 0, left: left.filter { $0.key != keys.current.version }.values.reduce(0, +))
        progress(state)
        for kind in RewrapKind.allCases {
            // The reading and the AES work happen outside the write lock, one batch ahead of the
            // write (a reader connection and the writer, so two cores); the write only swaps keys
            // still as they were read, so a record changed meanwhile is left for the next run.
            @Sendable func read(after position: SQLValue) async throws -> ([KeySwap], SQLValue?) {
                try await reading { db in try self.rewrap(kind, after: position, limit: batch, db) }
            }
            var (changes, last) = try await read(after: .null)
            while let position = last {
                async let next = read(after: position)
                let swaps = changes
                let moved = swaps.isEmpty ? 0 : try await writing { db in try Self.apply(swaps, db) }
                if moved > 0 {
                    state.done += moved
                    state.left = max(0, state.left - moved)
                    state.version = keys.current.version
                    progress(state)
                }
                (changes, last) = try await next
                if pause > .zero { try await Task.sleep(for: pause) }
            }
        }
        let version = keys.current.version
        let done = state.done
        // Counted in a read, not under the write lock: once a version is not current, the triggers
        // let no record be written under it, so a count of zero stays zero.
        let (counts, current) = try await reading { db in
            (try Self.masterKeyCounts(db), try Int.fetchOne(db, sql: "SELECT masterVersion FROM meta WHERE id = 1") ?? version)
        }
        let retired: [Int] = try await writing { db in
            let time = AuditEntry.timestamp(Date())
            var retired: [Int] = []
            for version in try Int.fetchAll(db, sql: "SELECT version FROM masterKey WHERE retired IS NULL AND version < ?", arguments: [current])
            where (counts[version] ?? 0) == 0 {
                // Version 1 keys the MACs over rows kept in the clear: it stops wrapping, its key stays.
                try db.execute(
                    sql: "UPDATE masterKey SET retired = ?, wrapped = CASE version WHEN 1 THEN wrapped END WHERE version = ?",
                    arguments: [time, version])
                retired.append(version)
            }
            let remaining = counts.filter { $0.key != current }.values.reduce(0, +)
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .keyRotate, target: "master",
                    detail: "rewrap: \(done) records moved to master key version \(current); \(remaining) left under older versions"
                        + (retired.isEmpty
                            ? "" : "; retired version\(retired.count == 1 ? "" : "s") \(retired.map(String.init).joined(separator: ", "))")), db)
            return retired
        }
        keys.reload()
        return RewrapReport(version: version, moved: state.done, retired: retired, seconds: (ContinuousClock.now - started).seconds)
    }

    /// How a server rewraps in the background: small batches, spaced, so requests wait little.
    public static let backgroundRewrap = (batch: 1_000, pause: Duration.milliseconds(20))

    /// Whether a rotation has left records to rewrap: a version older than the current one that
    /// is not retired yet (cheap: the keyring table, not the records).
    public func rewrapPending() async throws -> Bool {
        try await reading { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM masterKey WHERE retired IS NULL AND version < (SELECT masterVersion FROM meta WHERE id = 1) LIMIT 1") ?? false
        }
    }

    /// The kinds of record that hold a data key wrapped under the master key, with how to find
    /// and name each one (the name is bound into its seal).
    enum RewrapKind: CaseIterable {
        case secret, postKey, vocabulary, cable, copy, audit
    }

    /// Wrapped keys to swap in one row: in `table`, the row whose `key` column is `id`, each
    /// column from its old value to its new one. A cable's two keys go in one swap, so its row
    /// (text and all) is rewritten once, not twice.
    struct KeySwap: Sendable {
        var table: String
        var key: String
        var id: SQLValue
        var columns: [(name: String, old: Data?, new: Data)]
    }

    /// One batch of one kind, after the keyset position `after`: the keys to swap, and the last
    /// position looked at (nil when there was nothing after it).
    func rewrap(_ kind: RewrapKind, after: SQLValue, limit: Int, _ db: any SQLConnection) throws -> ([KeySwap], SQLValue?) {
        let keys = self.keys
        var swaps: [KeySwap] = []
        func move(_ wrapped: [UInt8], _ record: String) throws -> Data? {
            do {
                return try Seal.rewrap(wrapped, record: record, keys: keys).map { Data($0) }
            } catch {
                throw StoreError.tampered(
                    "the sealed record \(record.split(separator: "|").prefix(3).joined(separator: " ")) does not open (it is left as it is; run 'pouch verify')"
                )
            }
        }
        // Keyset paging: rows after the last one looked at, in key order.
        func position(_ column: String) -> String { after.isNull ? "" : "WHERE \(column) > ?" }
        let arguments: SQLArguments = after.isNull ? [] : [after]
        var last: SQLValue?
        switch kind {
        case .secret, .postKey, .vocabulary:
            let (table, key, prefix) =
                kind == .secret
                ? ("secret", "name", "secret") : kind == .postKey ? ("postKey", "post", "post") : ("vocabulary", "batch", "vocabulary")
            for row in try SQLRow.fetchAll(
                db, sql: "SELECT \(key) AS k, wrappedKey FROM \(table) \(position(key)) ORDER BY \(key) LIMIT \(limit)", arguments: arguments)
            {
                last = row["k"]
                let name: String = kind == .vocabulary ? String(row["k"] as Int) : row["k"]
                let old: Data = row["wrappedKey"]
                if let new = try move(Array(old), "\(prefix)|\(name)") {
                    swaps.append(KeySwap(table: table, key: key, id: row["k"], columns: [("wrappedKey", old, new)]))
                }
            }
        case .cable:
            for row in try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT sealed.docid AS k, sealed.wrappedKey AS textKey, sealed.subjectKey, cable.id, cable.classification, cable.caveats, cable.archive, cable.post, cable.drafter
                    FROM sealed JOIN cable ON cable.docid = sealed.docid \(position("sealed.docid")) ORDER BY sealed.docid LIMIT \(limit)
                    """, arguments: arguments)
            {
                last = row["k"]
                let binding = try binding(row)
                let text: Data = row["textKey"]
                let subject: Data = row["subjectKey"]
                var columns: [(name: String, old: Data?, new: Data)] = []
                if let new = try move(Array(text), binding.record("cable")) { columns.append(("wrappedKey", text, new)) }
                if let new = try move(Array(subject), binding.record("subject")) { columns.append(("subjectKey", subject, new)) }
                if !columns.isEmpty { swaps.append(KeySwap(table: "sealed", key: "docid", id: row["k"], columns: columns)) }
            }
        case .copy:
            for row in try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT copy.rowid AS k, copy.reader, copy.wrappedKey, cable.id, cable.classification, cable.caveats, cable.archive, cable.post, cable.drafter
                    FROM copy JOIN cable ON cable.id = copy.cable \(position("copy.rowid")) ORDER BY copy.rowid LIMIT \(limit)
                    """, arguments: arguments)
            {
                last = row["k"]
                let old: Data = row["wrappedKey"]
                if let new = try move(Array(old), try binding(row).copyRecord(reader: row["reader"])) {
                    swaps.append(KeySwap(table: "copy", key: "rowid", id: row["k"], columns: [("wrappedKey", old, new)]))
                }
            }
        case .audit:
            for row in try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT audit.sequence AS k, audit.detail, auditSeal.wrappedKey FROM audit LEFT JOIN auditSeal ON auditSeal.sequence = audit.sequence
                    \(position("audit.sequence"))\(after.isNull ? "WHERE" : " AND") audit.detail LIKE '%\(Self.sealedMarker)%'
                    ORDER BY audit.sequence LIMIT \(limit)
                    """, arguments: arguments)
            {
                last = row["k"]
                guard let (_, sealed) = Self.auditSeal(in: row["detail"]) else { continue }
                let rewrapped: Data? = row["wrappedKey"]
                if let new = try move(rewrapped.map(Array.init) ?? sealed.wrappedKey, "audit|\(row["k"] as Int)") {
                    // The entry itself is hash-chained: its new key goes beside it, in auditSeal.
                    swaps.append(KeySwap(table: "auditSeal", key: "sequence", id: row["k"], columns: [("wrappedKey", rewrapped, new)]))
                }
            }
        }
        return (swaps, last)
    }

    /// Writes the swaps whose keys are still the ones read; the number of keys written.
    static func apply(_ swaps: [KeySwap], _ db: any SQLConnection) throws -> Int {
        var moved = 0
        for swap in swaps {
            if swap.table == "auditSeal", let column = swap.columns.first, column.old == nil {
                let changed = try db.execute(
                    sql: "INSERT INTO auditSeal (sequence, wrappedKey) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [swap.id, column.new])
                moved += changed * swap.columns.count
            } else {
                let sets = swap.columns.map { "\($0.name) = ?" }.joined(separator: ", ")
                let unchanged = swap.columns.map { " AND \($0.name) = ?" }.joined()
                let changed = try db.execute(
                    sql: "UPDATE \(swap.table) SET \(sets) WHERE \(swap.key) = ?\(unchanged)",
                    arguments: SQLArguments(swap.columns.map(\.new) + [swap.id] + swap.columns.map(\.old)))
                moved += changed * swap.columns.count
            }
        }
        return moved
    }

    /// How many records each master key version wraps, over every sealed column and the sealed
    /// audit details (one pass over each table).
    static func masterKeyCounts(_ db: any SQLConnection) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for (table, column) in masterVersionColumns where table != "auditSeal" {
            for row in try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT length(\(column)) AS size, CASE WHEN length(\(column)) = 62 THEN substr(\(column), 1, 2) END AS prefix, COUNT(*) AS n
                    FROM \(table) GROUP BY size, prefix
                    """)
            {
                // Version 1's wrapped keys are 60 bytes; later ones are 62 and name their version in the first two.
                let version: Int? =
                    switch row["size"] as Int? {
                    case 60: 1
                    case 62: (row["prefix"] as Data?).flatMap { $0.count == 2 ? Int($0[$0.startIndex]) << 8 | Int($0[$0.startIndex + 1]) : nil }
                    default: nil
                    }
                if let version { counts[version, default: 0] += row["n"] as Int }
            }
        }
        for row in try SQLRow.fetchAll(
            db,
            sql: """
                SELECT audit.detail, auditSeal.wrappedKey FROM audit LEFT JOIN auditSeal ON auditSeal.sequence = audit.sequence
                WHERE audit.detail LIKE '%\(sealedMarker)%'
                """)
        {
            if let wrapped = (row["wrappedKey"] as Data?).map(Array.init), let version = Seal.version(of: wrapped) {
                counts[version, default: 0] += 1
            } else if let (_, sealed) = auditSeal(in: row["detail"]), let version = Seal.version(of: sealed.wrappedKey) {
                counts[version, default: 0] += 1
            }
        }
        return counts
    }

    /// Every master key version with what it covers.
    static func masterKeyVersions(_ db: any SQLConnection) throws -> [MasterKeyVersion] {
        let counts = try masterKeyCounts(db)
        let rows = try SQLRow.fetchAll(db, sql: "SELECT version, created, retired FROM masterKey ORDER BY version")
        if rows.isEmpty {
            let created = try Self.storeCreated(db) ?? ""
            return [MasterKeyVersion(version: 1, created: created, retired: nil, covers: counts.values.reduce(0, +))]
        }
        return rows.map {
            MasterKeyVersion(version: $0["version"], created: $0["created"], retired: $0["retired"], covers: counts[$0["version"]] ?? 0)
        }
    }
}
