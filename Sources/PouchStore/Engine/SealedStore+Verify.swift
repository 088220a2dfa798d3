import Foundation
import PouchCore

extension SealedStore {
    /// Checks every row of the store (administrators and security officers): seals, post
    /// signatures and MACs; each cable's envelope against its own sealed text; every copy against
    /// its cable and every copy set against the receipts of its sends and the holdings of its
    /// readers; that every cable the audit log says was drafted or imported is still there; and
    /// the audit chain against its head file. The check is recorded in the audit log afterwards.
    ///
    /// Reads in one snapshot, in batches; the cryptography runs on every core.
    public func verifyStore(as userID: String, progress: VerificationProgress? = nil) async throws -> VerificationReport {
        try await requireOperator(userID, action: .verify, "verify the store")
        let report = try await reading { db in try self.verifyEverything(db, progress: progress) }
        try await record(
            AuditEvent(
                user: userID, action: .verify, outcome: report.intact ? .ok : .failed,
                detail: report.intact
                    ? "\(report.checked.values.reduce(0, +)) rows intact"
                    : "\(report.problems.count + report.audit.problems.count) problems"))
        return report
    }

    package func verifyEverything(_ db: any SQLConnection, progress: VerificationProgress?) throws -> VerificationReport {
        var report = VerificationReport()
        func problem(_ table: String, _ key: String, _ message: String) {
            report.problems.append(.init(table: table, key: key, message: message))
        }

        // People, their passwords and tokens.
        var users: Set<String> = []
        for row in try SQLRow.fetchAll(db, sql: "SELECT * FROM reader ORDER BY id") {
            let id = String(decoding: (row["id"]).bytes, as: UTF8.self)
            users.insert(id)
            do { _ = try verifiedUser(row) } catch {
                problem("reader", id, "the user row fails its MAC (a changed clearance, caveat, role, post, name or account state)")
            }
        }
        report.checked["reader"] = users.count
        var credentials = 0
        for row in try SQLRow.fetchAll(db, sql: "SELECT reader, hash, mac FROM credential") {
            credentials += 1
            let reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
            let hash = String(decoding: (row["hash"]).bytes, as: UTF8.self)
            if (row["mac"]).blobBytes != credentialMAC(reader: reader, hash: hash) {
                problem("credential", reader, "the password hash fails its MAC (replaced)")
            }
        }
        report.checked["credential"] = credentials
        var tokens = 0
        for row in try SQLRow.fetchAll(db, sql: "SELECT digest, reader, label, expires, mac FROM token") {
            tokens += 1
            let reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
            let expires = String(decoding: (row["expires"]).bytes, as: UTF8.self)
            guard let digest = (row["digest"]).blobBytes, (row["mac"]).blobBytes == tokenMAC(digest: digest, reader: reader, expires: expires) else {
                problem(
                    "token", "\(reader)/\(String(decoding: (row["label"]).bytes, as: UTF8.self))",
                    "the API token fails its MAC (a changed owner or expiry)")
                continue
            }
        }
        report.checked["token"] = tokens

        // Lists.
        var lists = 0
        for name in try String.fetchAll(db, sql: "SELECT name FROM list ORDER BY name") {
            lists += 1
            do { _ = try verifiedMembers(of: name, db) } catch {
                problem("list", name, "the list's members fail their MAC (a member added or removed)")
            }
        }
        report.checked["list"] = lists

        // The post registry.
        var postNames = 0
        for row in try SQLRow.fetchAll(db, sql: "SELECT fm, post, mac FROM postName ORDER BY fm") {
            postNames += 1
            let fm = String(decoding: (row["fm"]).bytes, as: UTF8.self)
            let post = String(decoding: (row["post"]).bytes, as: UTF8.self)
            if (row["mac"]).blobBytes != postNameMAC(fm: fm, post: post) {
                problem("postName", fm, "the post registry entry fails its MAC (a post's FM line moved to another post)")
            }
        }
        report.checked["postName"] = postNames

        // Post keys, and the signed history of each post's versions.
        var publicKeys: [String: PostPublicKeys] = [:]
        for row in try SQLRow.fetchAll(db, sql: "SELECT post, publicKey FROM postKey") {
            let post = String(decoding: (row["post"]).bytes, as: UTF8.self)
            do {
                guard let key = try storedSigningKey(for: post, db), key.key.publicKey == (row["publicKey"]).blobBytes else {
                    throw StoreError.tampered(post)
                }
                publicKeys[post] = try publicKey(of: post, db)
            } catch {
                problem("postKey", post, "the post's signing key does not open or does not match its public key")
            }
        }
        var versions = 0
        for post in try String.fetchAll(db, sql: "SELECT DISTINCT post FROM postKeyVersion ORDER BY post") {
            let rows = try SQLRow.fetchAll(db, sql: "SELECT * FROM postKeyVersion WHERE post = ? ORDER BY version", arguments: [post])
            versions += rows.count
            for message in postKeyHistoryProblems(post, rows, db) { problem("postKeyVersion", post, message) }
        }
        report.checked["postKeyVersion"] = versions
        report.checked["postKey"] = publicKeys.count

        // Cables, in docid batches: envelope MAC, seal, signature, and the envelope against the text.
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cable") ?? 0
        var ids: Set<String> = []
        var states: [String: String] = [:]
        var bindings: [String: CableBinding] = [:]
        var lastDocid: Int64 = 0
        var done = 0
        progress?("cables", 0, total)
        while true {
            let rows = try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT cable.*, sealed.wrappedKey, sealed.sealedText, sealed.subjectKey, sealed.sealedSubject, sealed.signature
                    FROM cable LEFT JOIN sealed ON sealed.docid = cable.docid WHERE cable.docid > ? ORDER BY cable.docid LIMIT 2000
                    """, arguments: [lastDocid])
            guard let last = rows.last else { break }
            lastDocid = last["docid"]
            let stored = rows.map { StoredCable($0, store: self) }
            let keys = publicKeys
            let checks = Self.concurrentMap(stored) { cable in self.checkCable(cable, publicKeys: keys) }
            for (cable, found) in zip(stored, checks) {
                ids.insert(cable.binding.id)
                states[cable.binding.id] = cable.columns["state"] ?? ""
                bindings[cable.binding.id] = cable.binding
                for message in found { problem("cable", cable.binding.id, message) }
            }
            done += rows.count
            progress?("cables", done, total)
        }
        report.checked["cable"] = done
        let orphanSealed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sealed WHERE docid NOT IN (SELECT docid FROM cable)") ?? 0
        if orphanSealed > 0 { problem("sealed", "\(orphanSealed) rows", "sealed text without an envelope (its cable row was deleted)") }

        // Copies: each opened and checked against its cable, then every copy set against its receipts.
        let copyTotal = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM copy") ?? 0
        var copyReaders: [String: Set<String>] = [:]
        var copies = 0
        var lastRow: Int64 = 0
        progress?("copies", 0, copyTotal)
        while true {
            let rows = try SQLRow.fetchAll(db, sql: "SELECT rowid, * FROM copy WHERE rowid > ? ORDER BY rowid LIMIT 2000", arguments: [lastRow])
            guard let last = rows.last else { break }
            lastRow = last["rowid"]
            let stored = rows.map { (cable: String(decoding: ($0["cable"]).bytes, as: UTF8.self), copy: SealedCopy($0)) }
            let (keys, known) = (publicKeys, bindings)
            let checks = Self.concurrentMap(stored) { item -> String? in
                guard let binding = known[item.cable], let publicKey = keys[binding.post] else { return "a copy of a cable that is not in the store" }
                guard let copy = item.copy else { return "the copy's sealed columns are missing" }
                do { _ = try self.openCopy(copy, binding: binding, publicKey: publicKey) } catch {
                    return "the copy does not open or its signature fails"
                }
                return nil
            }
            for (row, found) in zip(rows, checks) {
                let cable = String(decoding: (row["cable"]).bytes, as: UTF8.self)
                let reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
                copyReaders[cable, default: []].insert(reader)
                if let found { problem("copy", "\(cable)/\(reader)", found) }
            }
            copies += rows.count
            progress?("copies", copies, copyTotal)
        }
        report.checked["copy"] = copies

        // Receipts: who each send gave a copy to, against the copies there are.
        var receiptReaders: [String: Set<String>] = [:]
        var receiptSequences: Set<Int> = []
        var receipts = 0
        for row in try SQLRow.fetchAll(db, sql: "SELECT cable, sequence, recipients, mac FROM receipt") {
            receipts += 1
            let cable = String(decoding: (row["cable"]).bytes, as: UTF8.self)
            let list = String(decoding: (row["recipients"]).bytes, as: UTF8.self)
            guard let sequence = Int(sqlValue: row["sequence"]),
                (row["mac"]).blobBytes == receiptMAC(cable: cable, sequence: sequence, recipients: list)
            else {
                problem("receipt", cable, "a send receipt fails its MAC")
                continue
            }
            receiptSequences.insert(sequence)
            receiptReaders[cable, default: []].formUnion(list.split(separator: ",").map(String.init))
        }
        report.checked["receipt"] = receipts
        for cable in Set(receiptReaders.keys).union(copyReaders.keys).sorted() {
            let sent = receiptReaders[cable] ?? []
            let held = copyReaders[cable] ?? []
            for reader in sent.subtracting(held).sorted() { problem("copy", "\(cable)/\(reader)", "the copy a send made is missing (deleted)") }
            for reader in held.subtracting(sent).sorted() { problem("copy", "\(cable)/\(reader)", "a copy no send made (inserted)") }
            if !sent.isEmpty, states[cable] != "sent" {
                problem("cable", cable, "the cable was sent but its state says \(states[cable] ?? "nothing")")
            }
        }
        for (cable, state) in states where state == "sent" && receiptReaders[cable] == nil {
            problem("receipt", cable, "a sent cable without a send receipt (deleted)")
        }

        // Holdings: each reader's copies against the count and digest the sends left.
        var byReader: [String: [String]] = [:]
        for (cable, readers) in copyReaders { for reader in readers { byReader[reader, default: []].append(cable) } }
        var holders: Set<String> = []
        for row in try SQLRow.fetchAll(db, sql: "SELECT reader FROM holding") {
            holders.insert(String(decoding: (row["reader"]).bytes, as: UTF8.self))
        }
        for reader in holders.union(byReader.keys).sorted() {
            if let found = try heldCopies(of: reader, db).problem { problem("holding", reader, "tampering detected in \(found)") }
        }
        report.checked["holding"] = holders.count

        // Markings.
        var markings = 0
        for row in try SQLRow.fetchAll(db, sql: "SELECT cable FROM marking") {
            markings += 1
            let cable = String(decoding: (row["cable"]).bytes, as: UTF8.self)
            do { _ = try marking(cable, sent: true, db) } catch { problem("marking", cable, "the recorded fingerprint scheme fails its MAC") }
        }
        report.checked["marking"] = markings

        // The search vocabulary.
        var batches = 0
        for row in try SQLRow.fetchAll(db, sql: "SELECT * FROM vocabulary") {
            batches += 1
            let batch: Int64 = row["batch"]
            guard let wrapped = (row["wrappedKey"]).blobBytes, let sealed = (row["sealed"]).blobBytes,
                (try? Seal.open(SealedRecord(wrappedKey: wrapped, content: sealed), record: "vocabulary|\(batch)", keys: keys)) != nil
            else {
                problem("vocabulary", String(batch), "a sealed batch of the search vocabulary does not open")
                continue
            }
        }
        report.checked["vocabulary"] = batches

        // The audit log, and what it says must exist: every cable drafted or imported, every send's receipt.
        progress?("audit", 0, 1)
        report.audit = try auditReport(db)
        let upgrade = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM audit WHERE action = 'upgrade'") ?? 0
        try db.forEachRow(
            sql: "SELECT sequence, action, target, detail FROM audit WHERE outcome = 'ok' AND action IN ('draft', 'import', 'send', 'user-add')",
            arguments: []
        ) { row in
            let sequence: Int = row["sequence"]
            let action: String = row["action"]
            let target: String = row["target"]
            switch action {
            case "draft", "import":
                if target != "batch", !ids.contains(target) {
                    problem("cable", target, "the audit log records it (entry \(sequence)) but the store no longer has it (deleted)")
                }
            case "send":
                let detail: String = row["detail"]
                if sequence > upgrade, !detail.hasPrefix("0 copies"), !receiptSequences.contains(sequence) {
                    problem("receipt", target, "the receipt of the send in audit entry \(sequence) is missing (deleted)")
                }
            default:
                if !users.contains(target) {
                    problem("reader", target, "the audit log records the user (entry \(sequence)) but the store no longer has them (deleted)")
                }
            }
        }
        progress?("audit", 1, 1)
        return report
    }

    /// One cable row: its envelope MAC, its sealed subject and text, the post's signature, and its
    /// envelope against the text it seals. Pure work (no database), so batches run on every core.
    func checkCable(_ stored: StoredCable, publicKeys: [String: PostPublicKeys]) -> [String] {
        var found: [String] = []
        if !stored.envelopeIntact { found.append("the envelope (markings, TAGS, date, state …) fails its MAC") }
        guard let text = stored.text, let subject = stored.subject, let signature = stored.signature else {
            return found + ["the sealed text is missing (deleted)"]
        }
        let binding = stored.binding
        guard let publicKey = publicKeys[binding.post],
            let opened = try? openCable(binding: binding, sealed: text, signature: signature, publicKey: publicKey)
        else {
            return found + ["the sealed text does not open or its post's signature fails (its markings, post or drafter were changed)"]
        }
        if (try? Seal.open(subject, record: binding.record("subject"), keys: keys)) == nil {
            found.append("the sealed subject does not open")
        }
        guard let cable = try? CableParser().parse(text: String(decoding: opened, as: UTF8.self)).cable, let id = ReferenceID(binding.id) else {
            return found + ["the sealed text is not a readable cable"]
        }
        // What the envelope shows must be what the signed text says.
        let date = Self.envelopeDate(of: cable, id: id)
        var expected: [String: String] = [
            "tags": Self.tagsColumn(cable.tags), "date": date, "year": String(id.year), "serial": String(id.serial),
            "postKey": Post(fmLine: binding.post).referencePost,
            "restricted": String(Self.restrictedBits(binding.caveats.split(separator: ",").map { Caveat(rawValue: String($0)) })),
        ]
        if binding.archive == "1" { expected["state"] = "archive" }
        for (column, value) in expected.sorted(by: { $0.key < $1.key }) where stored.columns[column] != value {
            found.append("the envelope's \(column) is not what the signed text says")
        }
        return found
    }
}

/// A cable row as read for verification: what the checks need, as values that may cross threads.
struct StoredCable: Sendable {
    var binding: CableBinding
    /// The envelope columns as stored text.
    var columns: [String: String]
    var envelopeIntact: Bool
    var text: SealedRecord?
    var subject: SealedRecord?
    var signature: [UInt8]?

    init(_ row: SQLRow, store: SealedStore) {
        binding = (try? store.binding(row)) ?? CableBinding(id: "", classification: "", caveats: "", archive: "", post: "", drafter: "")
        columns = Dictionary(
            uniqueKeysWithValues: SealedStore.envelopeColumns.map { ($0, String(decoding: (row[$0]).bytes, as: UTF8.self)) })
        envelopeIntact = store.envelopeIsIntact(row)
        if let wrapped = (row["wrappedKey"] as SQLValue).blobBytes, let content = (row["sealedText"] as SQLValue).blobBytes {
            text = SealedRecord(wrappedKey: wrapped, content: content)
        }
        if let wrapped = (row["subjectKey"] as SQLValue).blobBytes, let content = (row["sealedSubject"] as SQLValue).blobBytes {
            subject = SealedRecord(wrappedKey: wrapped, content: content)
        }
        signature = (row["signature"] as SQLValue).blobBytes
    }
}
