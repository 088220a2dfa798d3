import Foundation
import PouchCore
import Synchronization

extension SealedStore {
    /// Appends an entry in the caller's transaction, re-signs the head and, every
    /// `AuditChain.checkpointInterval` entries, keeps a signed checkpoint.
    /// `signHead: false` lets a batch sign the head once, after its last entry.
    @discardableResult
    func appendAudit(_ event: AuditEvent, _ db: any SQLConnection, signHead: Bool = true) throws -> Int {
        try appendAudit([event], db, signHead: signHead)
    }

    /// Appends entries in order, chained in memory and written a table at a time; the head is
    /// signed for the last one only (when `signHead`), as it would be after appending them one by one.
    @discardableResult
    func appendAudit(_ events: [AuditEvent], _ db: any SQLConnection, signHead: Bool = true) throws -> Int {
        let last = try SQLRow.fetchOne(db, sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1")
        var sequence = last.map { $0["sequence"] as Int } ?? 0
        guard !events.isEmpty else { return sequence }
        var previous = last.map { Array($0["hash"] as Data) } ?? AuditChain.genesis
        var entries: [[SQLValue]] = []
        var checkpoints: [[SQLValue]] = []
        var final: AuditEntry?
        for var event in events {
            sequence += 1
            if !event.confidential.isEmpty {
                let sealed = try Seal.seal(Array(event.confidential.utf8), record: "audit|\(sequence)", keys: keys)
                event.detail += (event.detail.isEmpty ? "" : "; ") + Self.auditSealText(sealed)
                event.confidential = ""
            }
            let entry = AuditEntry(sequence: sequence, time: AuditEntry.timestamp(Date()), event: event, previousHash: previous)
            entries.append(
                SQLArguments([
                    entry.sequence, entry.time, entry.user, entry.action, entry.target, entry.outcome, entry.detail,
                    Data(entry.previousHash), Data(entry.hash),
                ]).values)
            if sequence % AuditChain.checkpointInterval == 0 {
                let signature = Data(try auditKey.sign(AuditChain.signedMessage(sequence: sequence, hash: entry.hash)))
                checkpoints.append([.integer(Int64(sequence)), .blob(Data(entry.hash)), .blob(signature)])
            }
            previous = entry.hash
            final = entry
        }
        try db.insert(
            into: "audit", columns: ["sequence", "time", "\"user\"", "action", "target", "outcome", "detail", "previousHash", "hash"],
            rows: entries)
        if !checkpoints.isEmpty { try db.insert(into: "auditCheckpoint", columns: ["sequence", "hash", "signature"], rows: checkpoints) }
        if signHead, let entry = final {
            let signature = Data(try auditKey.sign(AuditChain.signedMessage(sequence: sequence, hash: entry.hash)))
            try db.execute(
                sql: """
                    INSERT INTO auditHead (id, sequence, hash, signature) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, signature = excluded.signature
                    """,
                arguments: [sequence, Data(entry.hash), signature])
            try stageHead(sequence: sequence, hash: entry.hash, time: entry.time, db)
        }
        return sequence
    }

    static let sealedMarker = "[sealed:"

    /// A sealed detail as the entry carries it: the wrapped key and the content in base64, the
    /// master key version first when it is not 1 (`[sealed:v2:…]`; base64 has no colon).
    static func auditSealText(_ sealed: SealedRecord) -> String {
        let (version, key) = KeyVersionPrefix.split(sealed.wrappedKey, length: Seal.plainWrapLength) ?? (1, sealed.wrappedKey)
        return sealedMarker + (version == 1 ? "" : "v\(version):") + Data(key + sealed.content).base64EncodedString() + "]"
    }

    /// The sealed part of an audit detail, and the text before it.
    static func auditSeal(in detail: String) -> (before: Substring, sealed: SealedRecord)? {
        guard let start = detail.range(of: sealedMarker), detail.hasSuffix("]") else { return nil }
        var body = detail[start.upperBound..<detail.index(before: detail.endIndex)]
        var version = 1
        if body.hasPrefix("v"), let colon = body.firstIndex(of: ":"), let named = Int(body[body.index(after: body.startIndex)..<colon]), named > 1 {
            version = named
            body = body[body.index(after: colon)...]
        }
        guard let bytes = Data(base64Encoded: String(body)), bytes.count > Seal.plainWrapLength else { return nil }
        let raw = Array(bytes)
        return (
            detail[..<start.lowerBound],
            SealedRecord(
                wrappedKey: KeyVersionPrefix.tag(Array(raw[0..<Seal.plainWrapLength]), version: version), content: Array(raw[Seal.plainWrapLength...])
            )
        )
    }

    /// The detail with its sealed part opened (for `pouch audit log`; the stored entry keeps it
    /// sealed). A data key rewrapped under a newer master key version is in `auditSeal`.
    func unsealedDetail(_ detail: String, sequence: Int, _ db: any SQLConnection) -> String {
        guard case (let before, var sealed)? = Self.auditSeal(in: detail) else { return detail }
        if let rewrapped = try? Data.fetchOne(db, sql: "SELECT wrappedKey FROM auditSeal WHERE sequence = ?", arguments: [sequence]) {
            sealed.wrappedKey = Array(rewrapped)
        }
        guard let plain = try? Seal.open(sealed, record: "audit|\(sequence)", keys: keys) else { return detail }
        return String(before) + "query: " + String(decoding: plain, as: UTF8.self)
    }

    /// Appends an entry through the group commit: it returns once the entry is committed, sharing
    /// the transaction (and its fsync) with entries recorded at the same moment.
    public func record(_ event: AuditEvent) async throws {
        try await auditQueue.append(event) { events in
            _ = try await writing { db in try self.appendAudit(events, db) }
        }
    }

    /// Security officers and administrators see the log; anyone else is refused (and that is logged).
    func requireAuditor(_ userID: String, action: AuditAction, _ db: any SQLConnection) throws -> Bool {
        guard let user = try user(userID, db), user.acts(as: .securityOfficer) || user.acts(as: .administrator) else {
            try appendAudit(AuditEvent(user: userID, action: action, outcome: .denied), db)
            return false
        }
        return true
    }

    /// Refuses (and audits the refusal) unless the person is an administrator or a security
    /// officer: the operations on the whole store (verify, back up, change keys).
    package func requireOperator(_ userID: String, action: AuditAction, _ what: String) async throws {
        let allowed: Bool = try await reading { db in
            guard let user = try? self.user(userID, db) else { return false }
            return user.acts(as: .administrator) || user.acts(as: .securityOfficer)
        }
        guard allowed else {
            try await record(AuditEvent(user: userID, action: action, outcome: .denied))
            throw StoreError.notPermitted("only an administrator or a security officer may \(what)")
        }
    }

    func auditLogChecked(_ filter: AuditFilter, as userID: String) async throws -> [AuditEntry] {
        let outcome: Result<[AuditEntry], StoreError> = try await writing { db in
            guard try self.requireAuditor(userID, action: .auditLog, db) else {
                return .failure(.notPermitted("only a security officer or an administrator may read the audit log"))
            }
            var conditions: [String] = []
            var arguments: SQLArguments = []
            if let user = filter.user {
                conditions.append("\"user\" = ?")
                arguments.append(contentsOf: [user])
            }
            if let since = filter.since {
                conditions.append("time >= ?")
                arguments.append(contentsOf: [since])
            }
            if let until = filter.until {
                // A prefix: the whole of the day (or hour, or minute) it names.
                conditions.append("substr(time, 1, CAST(? AS INTEGER)) <= ?")
                arguments.append(contentsOf: [until.count, until])
            }
            if let before = filter.before {
                conditions.append("sequence < ?")
                arguments.append(contentsOf: [before])
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limitClause = filter.limit.map { "LIMIT \(max(0, $0))" } ?? ""
            let rows = try SQLRow.fetchAll(db, sql: "SELECT * FROM audit \(whereClause) ORDER BY sequence DESC \(limitClause)", arguments: arguments)
            let entries = rows.reversed().map { row in
                AuditEntry(
                    sequence: row["sequence"], time: row["time"], user: row["user"], action: row["action"], target: row["target"],
                    outcome: row["outcome"], detail: self.unsealedDetail(row["detail"], sequence: row["sequence"], db),
                    previousHash: Array(row["previousHash"] as Data), hash: Array(row["hash"] as Data))
            }
            try self.appendAudit(AuditEvent(user: userID, action: .auditLog, target: filter.user ?? "", detail: "\(entries.count) entries shown"), db)
            return .success(entries)
        }
        return try outcome.get()
    }

    func verifyAuditChecked(as userID: String) async throws -> AuditReport {
        let outcome: Result<AuditReport, StoreError> = try await writing { db in
            guard try self.requireAuditor(userID, action: .auditVerify, db) else {
                return .failure(.notPermitted("only a security officer or an administrator may verify the audit log"))
            }
            let report = try self.auditReport(db)
            // The verification itself is logged after the check, so it never disturbs what it checked.
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .auditVerify, outcome: report.intact ? .ok : .failed,
                    detail: report.intact ? "\(report.entries) entries intact" : "\(report.problems.count) problems"), db)
            return .success(report)
        }
        return try outcome.get()
    }

    /// The chain checked, and the database compared with the head file and the witness.
    func auditReport(_ db: any SQLConnection) throws -> AuditReport {
        var report = try Self.verifyAudit(db)
        report.problems += try Self.headProblems(db, headFile: headFile, format: Self.currentFormat, auditKey: auditKey)
        if let failure = headWriter.lastFailure.withLock({ $0 }) {
            report.problems.append(.init(sequence: nil, message: "the audit head file could not be written after the last commit: \(failure)"))
        }
        return report
    }

    /// Reads every stored value as raw bytes and checks the chain, checkpoints and head.
    static func verifyAudit(_ db: any SQLConnection) throws -> AuditReport {
        let publicKey = try Data.fetchOne(db, sql: "SELECT publicKey FROM secret WHERE name = 'audit'").map { Array($0) } ?? []
        var entries: [AuditChain.StoredEntry] = []
        try db.forEachRow(sql: "SELECT * FROM audit ORDER BY sequence", arguments: []) { row in
            let fields = ["time", "user", "action", "target", "outcome", "detail"].map { name -> [UInt8]? in
                guard case .text(let text) = row[name] as SQLValue else { return nil }
                return Array(text.utf8)
            }
            entries.append(
                AuditChain.StoredEntry(
                    sequence: Int64(sqlValue: row["sequence"] as SQLValue), fields: fields,
                    previousHash: (row["previousHash"] as SQLValue).blobBytes, hash: (row["hash"] as SQLValue).blobBytes))
        }
        let checkpoints = try SQLRow.fetchAll(db, sql: "SELECT * FROM auditCheckpoint ORDER BY sequence").map { row in
            AuditChain.SignedPoint(
                sequence: Int64(sqlValue: row["sequence"] as SQLValue), hash: (row["hash"] as SQLValue).blobBytes,
                signature: (row["signature"] as SQLValue).blobBytes)
        }
        let head = try SQLRow.fetchOne(db, sql: "SELECT * FROM auditHead WHERE id = 1").map { row in
            AuditChain.SignedPoint(
                sequence: Int64(sqlValue: row["sequence"] as SQLValue), hash: (row["hash"] as SQLValue).blobBytes,
                signature: (row["signature"] as SQLValue).blobBytes)
        }
        return AuditChain.verify(entries: entries, checkpoints: checkpoints, head: head, publicKey: publicKey)
    }
}

extension SealedStore {
    /// Checks the audit log without logging the check: for tests and integrity scans that must not
    /// change the table they examine.
    public func verifyAuditWithoutRecording() throws -> AuditReport {
        try reading { db in try self.auditReport(db) }
    }
}
