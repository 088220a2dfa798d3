import Foundation
import PouchCore

/// How far a copy has come: the phase (a table's name, or "index"), rows done, rows in all.
/// Throwing stops the copy there, as a crash would (a later run takes it up).
public typealias CopyProgress = @Sendable (_ phase: String, _ done: Int, _ total: Int) throws -> Void

/// What a copy did.
public struct CopyReport: Sendable, Equatable {
    /// Rows copied per table by this run (a resumed copy counts only what it added).
    public var rows: [String: Int] = [:]
    /// Cables indexed by this run.
    public var indexed = 0
    /// Whether this run took up a copy an earlier run left unfinished.
    public var resumed = false
    /// The source's last audit entry, which the target's chain continues from.
    public var sourceSequence: Int64 = 0
}

extension SealedStore {
    /// The store's tables in the order a copy fills them (every row after the rows it refers
    /// to), each with the columns that order its rows, so a copy can page through it and take up
    /// where it stopped.
    package static let copiedTables: [(name: String, key: [String])] = [
        ("meta", ["id"]), ("secret", ["name"]), ("masterKey", ["version"]), ("reader", ["id"]), ("list", ["name"]),
        ("listMember", ["list", "reader"]), ("postKey", ["post"]), ("postKeyVersion", ["post", "version"]), ("postName", ["fm"]),
        ("cable", ["docid"]), ("sealed", ["docid"]), ("vocabulary", ["batch"]), ("copy", ["cable", "reader"]),
        ("marking", ["cable"]), ("receipt", ["cable", "sequence"]), ("holding", ["reader"]), ("credential", ["reader"]),
        ("token", ["digest"]), ("audit", ["sequence"]), ("auditCheckpoint", ["sequence"]), ("auditSeal", ["sequence"]),
        ("auditHead", ["id"]),
    ]

    /// Copies this store's rows into `target`, an empty database of another kind with the store's
    /// schema, as they are: every record keeps its seal, signature and MAC, so nothing is sealed
    /// again and `pouch verify` passes on the target with the same keys. The full-text index is
    /// built again in the target's own form, from each cable's signed text opened in memory (the
    /// target's index holds the same keyed tokens; no word is written anywhere).
    ///
    /// Resumable: each batch commits with a progress row (`storeCopy`), and a later run takes
    /// up where the last stopped. The source must not change meanwhile (no server on it): its
    /// last audit entry is recorded when the copy begins and checked at every run and at the end.
    /// The caller then gives the target the source's signed audit head and appends the "moved"
    /// entry (`recordMove`), which continues the same chain.
    public func copyRows(
        into target: any StoreDatabase, as userID: String, batch: Int = copyBatch, progress: CopyProgress? = nil
    ) async throws -> CopyReport {
        guard try await reading({ db in (try? self.user(userID, db))?.acts(as: .administrator) ?? false }) else {
            try await record(AuditEvent(user: userID, action: .move, outcome: .denied))
            throw StoreError.notPermitted("only an administrator may copy the store to another database")
        }
        var report = CopyReport()
        let source = try await reading { db in try Self.lastAudit(db) }
        report.sourceSequence = source.sequence
        let started = try await Self.copyState(target)
        if let started {
            guard started.source == source.line else {
                throw StoreError.invalid(
                    "the store changed since the copy into \(target.location) began (its audit log was at \(started.source), now \(source.line)): stop every server on it, empty the target database and copy again"
                )
            }
            report.resumed = true
        } else {
            try await target.write { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meta") == 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") == 0
                else { throw StoreError.alreadyExists(target.location) }
                try db.execute(sql: "CREATE TABLE storeCopy (id bigint PRIMARY KEY, source text NOT NULL, indexed bigint NOT NULL)")
                try db.execute(sql: "INSERT INTO storeCopy (id, source, indexed) VALUES (1, ?, 0)", arguments: [source.line])
            }
        }
        do {
            for table in Self.copiedTables {
                report.rows[table.name] = try await copyTable(
                    table.name, key: table.key, into: target, upTo: source.sequence, batch: batch, progress: progress)
            }
            report.indexed = try await buildIndex(in: target, batch: batch, progress: progress)
        } catch {
            if target.isStaleMasterKey(error) {
                throw StoreError.invalid("some records are still sealed under an older master key: finish 'pouch key rewrap' before copying")
            }
            throw target.storeError(error) ?? error
        }
        let now = try await reading { db in try Self.lastAudit(db) }
        guard now == source else {
            throw StoreError.invalid(
                "the store changed during the copy (its audit log went from \(source.line) to \(now.line)): stop every server on it, empty the target database and copy again"
            )
        }
        return report
    }

    /// After `copyRows` and with the source's head file in place: the "moved" entry that continues
    /// the copied chain in the target, and the copy's progress row dropped (once only, so a
    /// second run after a crash here does not log the move twice).
    public func recordMove(from source: String, sourceSequence: Int64, as userID: String) async throws {
        try await writing { db in
            guard (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM storeCopy")) != nil else { return }
            if try Self.lastAudit(db).sequence == sourceSequence {
                _ = try self.appendAudit(
                    AuditEvent(
                        user: userID, action: .move, target: self.database.location,
                        detail: "copied from \(source) after its audit entry \(sourceSequence); every record keeps its seal and signature"), db)
            }
            try db.execute(sql: "DROP TABLE storeCopy")
        }
    }

    /// Whether `database` holds a copy that has not finished (its progress row still there).
    public static func copyUnfinished(_ database: any StoreDatabase) async -> Bool {
        (try? await copyState(database)) != nil
    }

    struct AuditPoint: Equatable, Sendable {
        var sequence: Int64
        var hash: String
        var line: String { "entry \(sequence) (\(hash.prefix(16)))" }
    }

    static func lastAudit(_ db: any SQLConnection) throws -> AuditPoint {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1") else {
            return AuditPoint(sequence: 0, hash: "")
        }
        return AuditPoint(sequence: row["sequence"], hash: AuditChain.hex((row["hash"] as SQLValue).bytes))
    }

    /// The progress row of an unfinished copy, or nil when the database has none (the table is
    /// made by the copy and dropped when it ends).
    static func copyState(_ database: any StoreDatabase) async throws -> (source: String, indexed: Int64)? {
        // A missing table is an error in a transaction of its own, so it cannot spoil another.
        try? await database.read { db in
            try SQLRow.fetchOne(db, sql: "SELECT source, indexed FROM storeCopy WHERE id = 1").map { ($0["source"], $0["indexed"]) }
        }
    }

    /// Copies the rows of one table the target lacks, in key order, a batch per transaction.
    func copyTable(
        _ table: String, key: [String], into target: any StoreDatabase, upTo sequence: Int64, batch: Int, progress: CopyProgress?
    ) async throws -> Int {
        let keyList = key.joined(separator: ", ")
        // Where the last run stopped: the target's highest key (batches commit in key order).
        var after: [SQLValue]? = try await target.read { db in
            try SQLRow.fetchOne(db, sql: "SELECT \(keyList) FROM \(table) ORDER BY \(key.map { $0 + " DESC" }.joined(separator: ", ")) LIMIT 1")?
                .values
        }
        // The audit log as it stood when the copy began; the tables that follow it stop there too.
        let bound = table.hasPrefix("audit") && table != "auditHead" ? " AND sequence <= \(sequence)" : ""
        let total = try await reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE 1 = 1\(bound)") ?? 0 }
        var done = try await target.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
        var copied = 0
        try progress?(table, done, total)
        while true {
            let start = after
            let rows = try await reading { db in
                let position = start.map { "(\(keyList)) > (\(SQLArguments.placeholders($0.count)))" } ?? "1 = 1"
                return try SQLRow.fetchAll(
                    db, sql: "SELECT * FROM \(table) WHERE \(position)\(bound) ORDER BY \(keyList) LIMIT \(batch)",
                    arguments: SQLArguments(values: start ?? []))
            }
            guard let last = rows.last else { break }
            // The target numbers its own rows (a PostgreSQL identity column is not SQLite's rowid).
            let columns = last.columns.filter { $0.lowercased() != "rowid" }
            try await target.write { db in
                try db.insert(
                    into: table, columns: columns.map { $0 == "user" ? "\"user\"" : $0 }, rows: rows.map { row in columns.map { row[$0] } })
            }
            after = key.map { last[$0] }
            done += rows.count
            copied += rows.count
            try progress?(table, done, total)
        }
        return copied
    }

    /// Rows per batch (and per transaction) unless told: a few hundred sealed cables.
    public static let copyBatch = 500

    /// Indexes the copied cables in the target's own full-text index, from their signed text.
    func buildIndex(in target: any StoreDatabase, batch size: Int, progress: CopyProgress?) async throws -> Int {
        let start = try await Self.copyState(target)?.indexed ?? 0
        var indexed = start
        let total = try await target.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cable") ?? 0 }
        var done = try await target.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cable WHERE docid <= ?", arguments: [start]) ?? 0 }
        var count = 0
        try progress?("index", done, total)
        while true {
            let after = indexed
            let (stored, publicKeys) = try await target.read { db in
                let rows = try SQLRow.fetchAll(
                    db,
                    sql: """
                        SELECT cable.*, sealed.wrappedKey, sealed.sealedText, sealed.subjectKey, sealed.sealedSubject, sealed.signature
                        FROM cable JOIN sealed ON sealed.docid = cable.docid WHERE cable.docid > ? ORDER BY cable.docid LIMIT \(size)
                        """, arguments: [after])
                let stored = rows.map { (docid: $0["docid"] as Int64, cable: StoredCable($0, store: self)) }
                var keys: [String: PostPublicKeys] = [:]
                for post in Set(stored.map(\.cable.binding.post)) { keys[post] = try self.publicKey(of: post, db) }
                return (stored, keys)
            }
            guard let last = stored.last else { break }
            let documents = Self.concurrentMap(stored) { item -> Result<BlindIndex.Document, StoreError> in
                guard let text = item.cable.text, let signature = item.cable.signature, let publicKey = publicKeys[item.cable.binding.post],
                    let opened = try? self.openCable(binding: item.cable.binding, sealed: text, signature: signature, publicKey: publicKey),
                    let cable = try? CableParser().parse(text: String(decoding: opened, as: UTF8.self)).cable
                else { return .failure(StoreError.tampered("cable \(item.cable.binding.id)")) }
                var tokens = BlindIndex.Cache()
                return .success(target.textIndex.prepare(self.index.document(for: cable, cache: &tokens)))
            }
            let batch = try zip(stored, documents).map { item, document in (item.docid, try document.get()) }
            try await target.write { db in
                try target.textIndex.add(batch, db)
                try db.execute(sql: "UPDATE storeCopy SET indexed = ? WHERE id = 1", arguments: [last.docid])
            }
            indexed = last.docid
            done += batch.count
            count += batch.count
            try progress?("index", done, total)
        }
        return count
    }
}
