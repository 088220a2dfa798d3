import Foundation
import PouchCore
import Synchronization

/// The MAC keys for rows kept in the clear, each derived once from the master key.
struct IntegrityKeys: Sendable {
    /// A cable's envelope: every column a person can see, and its docid.
    let envelope: MACKey
    /// One (reader, cable) pair of the copy set, XORed into the reader's digest.
    let held: MACKey
    /// A reader's holding row: how many copies and their digest.
    let holding: MACKey
    /// A send's receipt: the cable, the send's audit entry and its recipients.
    let receipt: MACKey
    /// A user row, with account state (format 2).
    let user: MACKey
    /// An API token's owner and expiry (format 2).
    let token: MACKey
    /// A distribution list's members.
    let list: MACKey
    /// A registered FM form of a post and the post it belongs to.
    let postName: MACKey

    init(master: MasterKey) {
        envelope = master.macKey(purpose: "envelope")
        held = master.macKey(purpose: "held-copy")
        holding = master.macKey(purpose: "holding")
        receipt = master.macKey(purpose: "send-receipt")
        user = master.macKey(purpose: "user-v2")
        token = master.macKey(purpose: "api-token-v2")
        list = master.macKey(purpose: "list-members")
        postName = master.macKey(purpose: "post-name")
    }
}

/// The audit head of the transaction being committed. `appendAudit` stages it; once the
/// transaction commits, the writer queue moves the head file forward (see `AuditHeadFile`).
final class HeadWriter: Sendable {
    private let staged = Mutex<AuditHead?>(nil)
    /// Why the head file could not be written the last time (a full disk, permissions), if it could not.
    let lastFailure = Mutex<String?>(nil)

    /// Keeps `head` for the commit; true when the transaction has nothing staged yet (so a commit
    /// hook must be registered).
    func stage(_ head: AuditHead) -> Bool {
        staged.withLock { staged in
            defer { staged = head }
            return staged == nil
        }
    }

    func take() -> AuditHead? {
        staged.withLock { staged in
            defer { staged = nil }
            return staged
        }
    }
    func discard() { staged.withLock { $0 = nil } }
}

/// Rows found damaged during ordinary work, by table and key: each is audited once per process.
final class DamageLog: Sendable {
    private let seen = Mutex<Set<String>>([])

    /// The keys not reported before.
    func fresh(_ keys: [String]) -> [String] {
        seen.withLock { seen in keys.filter { seen.insert($0).inserted } }
    }
}

extension SealedStore {
    // MARK: The head outside the database

    /// The newest entry as a signed head.
    func currentHead(_ db: any SQLConnection) throws -> AuditHead {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT sequence, hash, time FROM audit ORDER BY sequence DESC LIMIT 1") else {
            throw StoreError.damaged("the audit log is empty")
        }
        return try AuditHead.signed(sequence: row["sequence"], hash: Array(row["hash"] as Data), time: row["time"], key: auditKey)
    }

    static func auditHash(at sequence: Int, _ db: any SQLConnection) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT hash FROM audit WHERE sequence = ?", arguments: [sequence]).map(Array.init)
    }

    /// What is wrong between the database's log and the heads kept outside it (the head file,
    /// and the witness if there is one); empty when nothing is. A missing head file is a problem
    /// from format 2 on (earlier stores never had one). What opening a store and `audit verify` both check.
    static func headProblems(_ db: any SQLConnection, headFile: AuditHeadFile, format: Int, auditKey: SigningKey) throws -> [AuditReport.Problem] {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM audit") ?? 0
        var problems: [AuditReport.Problem] = []
        func compare(_ head: AuditHead?, source: String) throws {
            guard let head else { return }
            let comparison = try HeadComparison.compare(head, publicKey: auditKey.publicKey, databaseLast: last) { try auditHash(at: $0, db) }
            if let problem = comparison.problem(source: source) {
                let sequence: Int? = if case .behind(let last, _) = comparison { last + 1 } else { head.sequence }
                problems.append(.init(sequence: sequence, message: problem))
            }
        }
        do {
            let head = try headFile.read()
            if head == nil, format >= 2 {
                problems.append(
                    .init(sequence: nil, message: "the audit head file \(headFile.path) is missing (deleted, or the database was copied without it)"))
            }
            try compare(head, source: "the audit head file \(headFile.path)")
            if let witness = headFile.witness { try compare(try headFile.readWitness(), source: "the audit witness \(witness)") }
        } catch let error as AuditHeadFile.FileError {
            problems.append(.init(sequence: nil, message: error.description))
        }
        return problems
    }

    /// Brings the head file up to the database (a crash may have come between a commit and its file write).
    package func catchUpHead() throws {
        try reading { db in
            let head = try self.currentHead(db)
            guard try self.headFile.read() != head else { return }
            try self.headFile.advance(to: head) { try Self.auditHash(at: $0, db) }
        }
    }

    /// Called in `appendAudit`: the head is written to its file after the transaction commits.
    func stageHead(sequence: Int, hash: [UInt8], time: String, _ db: any SQLConnection) throws {
        let head = try AuditHead.signed(sequence: sequence, hash: hash, time: time, key: auditKey)
        guard headWriter.stage(head) else { return }
        let writer = headWriter
        let file = headFile
        db.afterCommit(
            { db in
                guard let head = writer.take() else { return }
                do {
                    try file.advance(to: head) { try Self.auditHash(at: $0, db) }
                    writer.lastFailure.withLock { $0 = nil }
                } catch {
                    // The commit stands; the next commit writes a newer head. `pouch verify` reports it meanwhile.
                    writer.lastFailure.withLock { $0 = "\(error)" }
                }
            }, onRollback: { writer.discard() })
    }

    // MARK: Envelopes

    /// The envelope columns a MAC binds, in order.
    static let envelopeColumns = [
        "docid", "id", "classification", "caveats", "restricted", "archive", "post", "postKey", "tags", "drafter",
        "year", "serial", "date", "state",
    ]

    /// The MAC of a stored envelope row, from each column's stored bytes.
    func envelopeMAC(_ row: SQLRow) -> [UInt8] {
        envelopeMAC(values: Self.envelopeColumns.map { row[$0] as SQLValue })
    }

    /// The same from the envelope columns' values, in `envelopeColumns` order.
    func envelopeMAC(values: [SQLValue]) -> [UInt8] {
        macs.envelope.code(fields: values.map(\.bytes))
    }

    /// Whether a row (holding every envelope column and `mac`) is as the store wrote it.
    func envelopeIsIntact(_ row: SQLRow) -> Bool {
        envelopeIsIntact(values: Self.envelopeColumns.map { row[$0] as SQLValue } + [row["mac"] as SQLValue])
    }

    /// The same from the values of `checkedEnvelopeColumns` (the envelope columns, then `mac`),
    /// read by position: the envelope cache checks every row of the table this way.
    func envelopeIsIntact(values: [SQLValue]) -> Bool {
        guard values.count == Self.envelopeColumns.count + 1, let stored = (values[values.count - 1]).blobBytes else { return false }
        return PasswordHash.constantTimeEqual(stored, envelopeMAC(values: Array(values.dropLast())))
    }

    static let checkedEnvelopeColumns = envelopeColumns + ["mac"]

    /// Loads new envelopes into the cache, each checked against its MAC.
    @discardableResult
    func refreshEnvelopes(_ db: any SQLConnection) throws -> [String] {
        try envelopes.refresh(db, checked: Self.checkedEnvelopeColumns) { self.envelopeIsIntact(values: $0) }
    }

    /// Recomputes a cable's envelope MAC from its row (after an insert or a change of state).
    func sealEnvelope(docid: Int64, _ db: any SQLConnection) throws {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM cable WHERE docid = ?", arguments: [docid]) else { return }
        try db.execute(sql: "UPDATE cable SET mac = ? WHERE docid = ?", arguments: [Data(envelopeMAC(row)), docid])
    }

    /// The row's envelope, checked; a changed one is tampering, reported by reference ID only to
    /// the caller (who decides what a reader may be told).
    func requireIntactEnvelope(_ row: SQLRow) throws {
        guard envelopeIsIntact(row) else { throw StoreError.tampered("cable \(String(decoding: (row["id"]).bytes, as: UTF8.self))") }
    }

    // MARK: Copy sets

    /// One copy's contribution to its reader's digest.
    func heldCode(reader: String, cable: String) -> [UInt8] {
        macs.held.code(fields: [Array(reader.utf8), Array(cable.utf8)])
    }

    func holdingMAC(reader: String, copies: Int, digest: [UInt8]) -> [UInt8] {
        macs.holding.code(fields: [Array(reader.utf8), Array(String(copies).utf8), digest])
    }

    static func xor(_ a: inout [UInt8], _ b: [UInt8]) {
        for index in a.indices { a[index] ^= b[index] }
    }

    /// A holding with no copies: nothing XORed in yet.
    static let emptyDigest = [UInt8](repeating: 0, count: 32)

    /// The order-free digest of a reader's copies: each copy's code, XORed together.
    func heldDigest(reader: String, cables: some Sequence<String>) -> [UInt8] {
        var digest = Self.emptyDigest
        for cable in cables { Self.xor(&digest, heldCode(reader: reader, cable: cable)) }
        return digest
    }

    /// The reader's holding row as stored (nil: none, which means no copies), MAC-checked.
    func holding(of reader: String, _ db: any SQLConnection) throws -> (copies: Int, digest: [UInt8])? {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT reader, copies, digest, mac FROM holding WHERE reader = ?", arguments: [reader])
        else {
            return nil
        }
        return try verifiedHolding(row, of: reader)
    }

    /// A holding row checked under its MAC (the reader named by the caller, not by the row).
    private func verifiedHolding(_ row: SQLRow, of reader: String) throws -> (copies: Int, digest: [UInt8]) {
        guard let copies = Int(sqlValue: row["copies"]), let digest = (row["digest"]).blobBytes, digest.count == 32,
            let mac = (row["mac"]).blobBytes, PasswordHash.constantTimeEqual(mac, holdingMAC(reader: reader, copies: copies, digest: digest))
        else {
            throw StoreError.tampered("the record of the copies held by \(reader)")
        }
        return (copies, digest)
    }

    static let holdingUpsert = "ON CONFLICT (reader) DO UPDATE SET copies = excluded.copies, digest = excluded.digest, mac = excluded.mac"

    /// Writes a reader's holding with its MAC.
    func storeHolding(reader: String, copies: Int, digest: [UInt8], _ db: any SQLConnection) throws {
        try db.insert(
            into: "holding", columns: ["reader", "copies", "digest", "mac"],
            rows: [holdingRow(reader: reader, copies: copies, digest: digest)], onConflict: Self.holdingUpsert)
    }

    private func holdingRow(reader: String, copies: Int, digest: [UInt8]) -> [SQLValue] {
        [.text(reader), .integer(Int64(copies)), .blob(Data(digest)), .blob(Data(holdingMAC(reader: reader, copies: copies, digest: digest)))]
    }

    /// Adds copies to readers' holdings (in the send's transaction): every holding read in a
    /// statement per 500 readers and written in one insert, not two statements a reader.
    func addHoldings(_ cable: String, readers: [String], _ db: any SQLConnection) throws {
        var held: [String: (copies: Int, digest: [UInt8])] = [:]
        for chunk in readers.chunks(of: 500) {
            let part = Array(chunk)
            for row in try SQLRow.fetchAll(
                db, sql: "SELECT reader, copies, digest, mac FROM holding WHERE reader IN (\(SQLArguments.placeholders(part.count)))",
                arguments: SQLArguments(part))
            {
                let reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
                held[reader] = try verifiedHolding(row, of: reader)
            }
        }
        let rows = readers.map { reader in
            var (copies, digest) = held[reader] ?? (0, Self.emptyDigest)
            Self.xor(&digest, heldCode(reader: reader, cable: cable))
            return holdingRow(reader: reader, copies: copies + 1, digest: digest)
        }
        try db.insert(into: "holding", columns: ["reader", "copies", "digest", "mac"], rows: rows, onConflict: Self.holdingUpsert)
    }

    /// A reader's copies as `heldCopies(of:_:)` finds them.
    typealias HeldCopies = (cables: [String], docids: [Int64], problem: String?, missing: Int)

    /// The cables a reader holds copies of (with their docids, nil for a copy whose cable row is
    /// gone), checked against their holding: a copy row deleted or added behind the store's back
    /// is tampering. The copies are returned either way (each one is sealed on its own), with the
    /// problem and how many copies are missing.
    func heldCopies(of reader: String, _ db: any SQLConnection) throws -> HeldCopies {
        let rows = try SQLRow.fetchAll(
            db, sql: "SELECT copy.cable, cable.docid FROM copy LEFT JOIN cable ON cable.id = copy.cable WHERE copy.reader = ?", arguments: [reader])
        let cables: [String] = rows.map { $0[0] }
        let docids = rows.compactMap { $0[1] as Int64? }
        let expected: (copies: Int, digest: [UInt8])
        do {
            expected = try holding(of: reader, db) ?? (0, Self.emptyDigest)
        } catch let error as StoreError {
            return (cables, docids, error.description, 0)
        }
        guard cables.count == expected.copies, heldDigest(reader: reader, cables: cables) == expected.digest else {
            let change =
                cables.count < expected.copies
                ? "\(expected.copies - cables.count) missing" : cables.count > expected.copies ? "\(cables.count - expected.copies) added" : "changed"
            return (
                cables, docids, "the copies held by \(reader) (\(change): \(cables.count) stored, \(expected.copies) sent)",
                max(0, expected.copies - cables.count)
            )
        }
        return (cables, docids, nil, 0)
    }

    // MARK: Receipts

    func receiptMAC(cable: String, sequence: Int, recipients: String) -> [UInt8] {
        macs.receipt.code(fields: [Array(cable.utf8), Array(String(sequence).utf8), Array(recipients.utf8)])
    }

    /// Records what a send made, bound to its audit entry.
    func storeReceipt(cable: String, sequence: Int, recipients: [String], _ db: any SQLConnection) throws {
        let list = recipients.sorted().joined(separator: ",")
        try db.execute(
            sql: "INSERT INTO receipt (cable, sequence, recipients, mac) VALUES (?, ?, ?, ?)",
            arguments: [cable, sequence, list, Data(receiptMAC(cable: cable, sequence: sequence, recipients: list))])
    }

    /// Everyone a cable was sent to, by its receipts; a receipt that fails its MAC is tampering.
    func receiptRecipients(of cable: String, _ db: any SQLConnection) throws -> Set<String> {
        var readers: Set<String> = []
        for row in try SQLRow.fetchAll(db, sql: "SELECT sequence, recipients, mac FROM receipt WHERE cable = ?", arguments: [cable]) {
            let list = String(decoding: (row["recipients"]).bytes, as: UTF8.self)
            guard let sequence = Int(sqlValue: row["sequence"]), let mac = (row["mac"]).blobBytes,
                PasswordHash.constantTimeEqual(mac, receiptMAC(cable: cable, sequence: sequence, recipients: list))
            else {
                throw StoreError.tampered("a send receipt of cable \(cable)")
            }
            readers.formUnion(list.split(separator: ",").map(String.init))
        }
        return readers
    }

    // MARK: Distribution lists

    func listMAC(name: String, members: [String]) -> [UInt8] {
        macs.list.code(fields: [Array(name.utf8)] + members.sorted().map { Array($0.utf8) })
    }

    /// Binds a list's current members (after a change, in the same transaction).
    func sealList(_ name: String, _ db: any SQLConnection) throws {
        let members = try String.fetchAll(db, sql: "SELECT reader FROM listMember WHERE list = ?", arguments: [name])
        try db.execute(sql: "UPDATE list SET mac = ? WHERE name = ?", arguments: [Data(listMAC(name: name, members: members)), name])
    }

    /// A list's members, checked against its MAC; nil when there is no such list.
    func verifiedMembers(of name: String, _ db: any SQLConnection) throws -> [String]? {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT mac FROM list WHERE name = ?", arguments: [name]) else { return nil }
        let members = try String.fetchAll(db, sql: "SELECT reader FROM listMember WHERE list = ? ORDER BY reader", arguments: [name])
        guard let mac = (row["mac"]).blobBytes, PasswordHash.constantTimeEqual(mac, listMAC(name: name, members: members)) else {
            throw StoreError.tampered("distribution list \(name)")
        }
        return members
    }

    // MARK: Tampering found in ordinary work

    /// Audits tampering found while serving `user`: each damaged row once per process. What the
    /// entry names (a reference ID) is for security officers; the person is told only that rows
    /// were left out.
    func reportTampering(_ records: [String], found user: String, during action: AuditAction) throws -> [AuditEvent] {
        damage.fresh(records).map { record in
            AuditEvent(user: user, action: .tamper, target: record, outcome: .failed, detail: "found during \(action.rawValue); left out")
        }
    }

    // MARK: Format upgrade

    /// Raises a store written by an earlier version to the current format, in one transaction:
    /// user rows and tokens are checked under their old MACs and bound again with account state;
    /// every envelope, copy set and send gets its MAC. Recorded in the audit log, and refused when
    /// the log already records an upgrade (a reset format marker would otherwise let a writer
    /// launder changed rows into freshly MAC'd ones).
    package func upgrade(from format: Int, _ db: any SQLConnection) throws {
        let marked =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM audit WHERE (action = 'upgrade' AND target = 'format \(Self.currentFormat)')
                        OR (action = 'init' AND detail LIKE '%format \(Self.currentFormat)%') LIMIT 1
                    """) ?? false
        guard !marked else {
            throw StoreError.damaged("the store's format marker was reset to \(format), but its audit log records format \(Self.currentFormat)")
        }
        for row in try SQLRow.fetchAll(db, sql: "SELECT * FROM reader") {
            let user = try self.verifiedUser(row, format: 1)
            try db.execute(
                sql: "UPDATE reader SET mac = ? WHERE id = ?", arguments: [Data(self.userMAC(user, disabled: false, generation: 0)), user.id])
        }
        let expiry = AuditEntry.timestamp(Date().addingTimeInterval(Self.tokenLifetime))
        for row in try SQLRow.fetchAll(db, sql: "SELECT digest, reader, mac FROM token") {
            let digest = Array(row["digest"] as Data)
            let reader: String = row["reader"]
            guard Array(row["mac"] as Data) == self.legacyTokenMAC(digest: digest, reader: reader) else {
                throw StoreError.tampered("an API token of \(reader)")
            }
            try db.execute(
                sql: "UPDATE token SET expires = ?, mac = ? WHERE digest = ?",
                arguments: [expiry, Data(self.tokenMAC(digest: digest, reader: reader, expires: expiry)), Data(digest)])
        }
        let docids = try Int64.fetchAll(db, sql: "SELECT docid FROM cable WHERE mac IS NULL")
        for docid in docids { try self.sealEnvelope(docid: docid, db) }
        var byReader: [String: [String]] = [:]
        var byCable: [String: [String]] = [:]
        for row in try SQLRow.fetchAll(db, sql: "SELECT cable, reader FROM copy") {
            byReader[row["reader"], default: []].append(row["cable"])
            byCable[row["cable"], default: []].append(row["reader"])
        }
        try db.execute(sql: "DELETE FROM holding")
        for (reader, cables) in byReader {
            try self.storeHolding(reader: reader, copies: cables.count, digest: self.heldDigest(reader: reader, cables: cables), db)
        }
        for name in try String.fetchAll(db, sql: "SELECT name FROM list") { try self.sealList(name, db) }
        let administrator = try String.fetchOne(db, sql: "SELECT administrator FROM meta WHERE id = 1") ?? "-"
        let sequence = try self.appendAudit(
            AuditEvent(
                user: administrator, action: .upgrade, target: "format \(Self.currentFormat)",
                detail: "from format \(format): \(docids.count) envelopes, \(byReader.count) holdings, \(byCable.count) sent cables bound"), db)
        // Copies made before receipts existed: one receipt each, as found at the upgrade.
        for (cable, readers) in byCable { try self.storeReceipt(cable: cable, sequence: sequence, recipients: readers, db) }
        try db.execute(sql: "UPDATE meta SET format = ? WHERE id = 1", arguments: [Self.currentFormat])
    }
}
