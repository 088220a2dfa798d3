import Foundation
import GRDB
import PouchCore
import PouchFingerprint
import PouchSQLite
import PouchTestSupport
import Testing

@testable import PouchStore

/// What someone with write access to the store's files (but not its key) can do, and how each
/// change is caught: at open, in ordinary work, and by `verifyStore` (`pouch verify`).
@Suite("Tamper-evidence without gaps", .temporaryFiles)
struct IntegrityTests {
    static let credential = StoreCredential.passphrase("correct horse battery")

    /// A store with a sent cable (to bea and sam) and an archived SECRET cable.
    static func store(witness: String? = nil) async throws -> (SealedStore, String, ReferenceID) {
        let directory = TemporaryFiles.path("integrity")
        let admin = Reader(id: "admin", name: "Administrator", post: "STATE", roles: [.administrator, .securityOfficer], clearance: .topSecret)
        let store = try SQLiteStore.create(
            at: directory, credential: credential, administrator: admin, cost: .testing,
            options: .init(witness: witness))
        try await store.addUsers([Fixture.drafter, Fixture.cleared, Fixture.low, Fixture.officer], as: "admin")
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["bea", "sam"], lists: [], as: "anne")
        return (store, directory, id)
    }

    /// The database as the sqlite3 shell opens it: no foreign-key checks.
    static func raw(_ directory: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        return try DatabaseQueue(path: SQLiteStore.databasePath(in: directory), configuration: configuration)
    }

    static func reopen(_ directory: String, witness: String? = nil, inspecting: Bool = false) throws -> SealedStore {
        try SQLiteStore.open(at: directory, credential: credential, options: .init(witness: witness, inspecting: inspecting))
    }

    static func damagedMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let StoreError.damaged(message) {
            return message
        } catch {
            return "unexpected \(error)"
        }
    }

    // MARK: The head outside the database

    @Test("a log cut at its end and grown again by a read is refused at the next open, naming both positions")
    func cutTail() async throws {
        let (store, directory, id) = try await Self.store()
        for _ in 0..<5 { _ = try await store.read(id, as: "bea") }
        let last = try await Self.raw(directory).read { try Int.fetchOne($0, sql: "SELECT MAX(sequence) FROM audit")! }
        try await Self.raw(directory).write { try $0.execute(sql: "DELETE FROM audit WHERE sequence > ?", arguments: [last - 3]) }
        // The attacker's next ordinary command, on a store opened afresh.
        let message = Self.damagedMessage { _ = try Self.reopen(directory) }
        #expect(message?.contains("ends at entry \(last - 3)") == true, "\(message ?? "opened")")
        #expect(message?.contains("records entry \(last)") == true, "\(message ?? "opened")")
        // Opened for inspection, the audit check names it too, and appending more never hides it.
        let inspecting = try Self.reopen(directory, inspecting: true)
        for _ in 0..<6 { _ = try? await inspecting.read(id, as: "bea") }
        let report = try await inspecting.verifyAudit(as: "admin")
        #expect(!report.intact)
        #expect(report.problems.contains { $0.message.contains("audit head file") }, "\(report.problems.map(\.message))")
        #expect(Self.damagedMessage { _ = try Self.reopen(directory) } != nil)
    }

    @Test("database files put back from before a send are refused at open")
    func rollback() async throws {
        let directory: String
        let aside = TemporaryFiles.path("aside")
        do {
            let (store, dir, _) = try await Self.store()
            directory = dir
            try await Self.raw(directory).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try FileManager.default.copyItem(atPath: SQLiteStore.databasePath(in: directory), toPath: aside)
            let second = try await store.draft(Fixture.draft, as: "anne")
            _ = try await store.send(second, to: ["bea"], lists: [], as: "anne")
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: SQLiteStore.databasePath(in: directory) + suffix) }
        try FileManager.default.copyItem(atPath: aside, toPath: SQLiteStore.databasePath(in: directory))
        let message = Self.damagedMessage { _ = try Self.reopen(directory) }
        #expect(message?.contains("rolled back") == true, "\(message ?? "opened")")
    }

    @Test("a head file deleted, forged or belonging to another store is refused")
    func headFile() async throws {
        let (_, directory, _) = try await Self.store()
        let path = directory + "/" + AuditHeadFile.fileName
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try FileManager.default.removeItem(atPath: path)
        #expect(Self.damagedMessage { _ = try Self.reopen(directory) }?.contains("missing") == true)
        // A lower sequence with the same signature does not verify.
        let lines = original.split(separator: "\n")
        var fields = lines[1].split(separator: " ").map(String.init)
        fields[0] = "2"
        let forged = String(lines[0]) + "\n" + fields.joined(separator: " ") + "\n"
        try forged.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.damagedMessage { _ = try Self.reopen(directory) }?.contains("not signed") == true)
        let (_, other, _) = try await Self.store()
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: other + "/" + AuditHeadFile.fileName, toPath: path)
        #expect(Self.damagedMessage { _ = try Self.reopen(directory) }?.contains("not signed") == true)
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Self.reopen(directory)
    }

    @Test("a witness catches a rollback of the database and its head file together")
    func witness() async throws {
        let witness = TemporaryFiles.path("witness")
        let aside = TemporaryFiles.path("aside")
        let directory: String
        do {
            let (store, dir, id) = try await Self.store(witness: witness)
            directory = dir
            try await Self.raw(directory).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
            for name in ["pouch.sqlite", AuditHeadFile.fileName] {
                try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: aside + "/" + name)
            }
            let reopened = try Self.reopen(directory, witness: witness)
            _ = try await reopened.read(id, as: "bea")
            _ = store
        }
        let lines = try String(contentsOfFile: witness, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 3)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: SQLiteStore.databasePath(in: directory) + suffix) }
        for name in ["pouch.sqlite", AuditHeadFile.fileName] {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
            try FileManager.default.copyItem(atPath: aside + "/" + name, toPath: directory + "/" + name)
        }
        _ = try Self.reopen(directory)  // without the witness, the pair agrees with itself
        let message = Self.damagedMessage { _ = try Self.reopen(directory, witness: witness) }
        #expect(message?.contains("witness") == true, "\(message ?? "opened")")
    }

    // MARK: Envelopes and copy sets

    @Test("a changed TAGS, date, year, state, serial, post key, caption bits or docid is reported, never shown, and named by verify")
    func envelopeColumns() async throws {
        let edits = [
            "tags = ',PTER,'", "date = '1999-01-01'", "year = 1999", "state = 'draft'", "serial = 999", "postKey = 'KABUL'",
            "restricted = 0", "docid = docid + 1000",
        ]
        for edit in edits {
            let (_, directory, id) = try await Self.store()
            try await Self.raw(directory).write { db in
                try db.execute(sql: "UPDATE cable SET \(edit) WHERE id = ?", arguments: [id.description])
                if edit.hasPrefix("docid") { try db.execute(sql: "UPDATE sealed SET docid = docid + 1000") }
            }
            let store = try Self.reopen(directory)
            let listing = try await store.list(as: "anne", limit: 10)
            #expect(listing.cables.isEmpty, "\(edit): the changed envelope was shown")
            #expect(listing.damaged == 1, "\(edit): not reported")
            let found = try await store.search(try SearchQuery(parsing: "Zardari"), as: "bea", options: SearchOptions())
            #expect(found.hits.isEmpty && found.damaged >= 1, "\(edit): search")
            await #expect(throws: StoreError.tampered("the envelope of cable \(id)")) { try await store.read(id, as: "bea") }
            let log = try await store.auditLog(AuditFilter(), as: "admin")
            #expect(log.contains { $0.action == "tamper" && $0.target.contains(id.description) }, "\(edit): not audited")
            let report = try await store.verifyStore(as: "admin")
            #expect(report.problems.contains { $0.table == "cable" && $0.key == id.description }, "\(edit): \(report.problems)")
        }
    }

    @Test("a reader's deleted copy is reported to them, in their list, in the audit log, by verify, and they stay traceable")
    func deletedCopy() async throws {
        let (_, directory, id) = try await Self.store()
        let copy = try await Self.reopen(directory).read(id, as: "bea").text
        try await Self.raw(directory).write { try $0.execute(sql: "DELETE FROM copy WHERE reader = 'bea'") }
        let store = try Self.reopen(directory)
        await #expect(throws: StoreError.tampered("the copy of cable \(id) for bea (deleted)")) { try await store.read(id, as: "bea") }
        let listing = try await store.list(as: "bea", limit: 10)
        #expect(listing.damaged == 1)
        let report = try await store.verifyStore(as: "admin")
        #expect(report.problems.contains { $0.table == "copy" && $0.key == "\(id)/bea" }, "\(report.problems)")
        #expect(report.problems.contains { $0.table == "holding" && $0.key == "bea" })
        let traced = try await store.trace(leaks: [copy], as: "sam")
        #expect(traced.verdict?.candidates.contains { $0.recipient == "bea" } == true)
    }

    @Test("a name slipped into a distribution list gets no copy: the send is refused as tampering")
    func listMember() async throws {
        let (store, directory, _) = try await Self.store()
        try await store.addToList("kabul", members: ["bea"], as: "admin")
        try await Self.raw(directory).write { try $0.execute(sql: "INSERT INTO listMember (list, reader) VALUES ('kabul', 'sam')") }
        let second = try await store.draft(Fixture.draft, as: "anne")
        await #expect(throws: StoreError.tampered("distribution list kabul")) {
            try await store.send(second, to: [], lists: ["kabul"], as: "anne")
        }
        #expect(try await store.verifyStore(as: "admin").problems.contains { $0.table == "list" && $0.key == "kabul" })
    }

    @Test("one changed user row leaves every other person listed, is named to the administrator and audited")
    func damagedUser() async throws {
        let (store, directory, _) = try await Self.store()
        try await Self.raw(directory).write { try $0.execute(sql: "UPDATE reader SET clearance = 4 WHERE id = 'lou'") }
        let listing = try await store.users(as: "admin")
        #expect(listing.damaged == ["lou"])
        #expect(Set(listing.users.map(\.id)) == ["admin", "anne", "bea", "sam"])
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.contains { $0.action == "tamper" && $0.target == "user lou" })
        await #expect(throws: StoreError.notPermitted("only an administrator may list users")) { try await store.users(as: "bea") }
    }

    @Test("a list, search, send or read refused because the actor's own row was changed is audited, with what was found")
    func refusalsAudited() async throws {
        let (store, directory, id) = try await Self.store()
        try await Self.raw(directory).write { try $0.execute(sql: "UPDATE reader SET clearance = 4 WHERE id IN ('lou', 'anne')") }
        await #expect(throws: StoreError.tampered("user lou")) { try await store.list(as: "lou", limit: 10) }
        await #expect(throws: StoreError.tampered("user lou")) {
            try await store.search(try SearchQuery(parsing: "Zardari"), as: "lou", options: SearchOptions())
        }
        await #expect(throws: StoreError.tampered("user lou")) { try await store.read(id, as: "lou") }
        await #expect(throws: StoreError.tampered("user anne")) { try await store.send(id, to: ["bea"], lists: [], as: "anne") }
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        for action in ["list", "search", "read"] {
            #expect(
                log.contains { $0.user == "lou" && $0.action == "tamper" && $0.target == "user lou" && $0.detail == "found during \(action)" },
                "\(action)")
            #expect(log.contains { $0.user == "lou" && $0.action == action && $0.outcome == "denied" }, "\(action)")
        }
        #expect(log.contains { $0.user == "anne" && $0.action == "send" && $0.outcome == "denied" && $0.detail.contains("user anne") })
    }

    @Test("a SECRET cable lowered to UNCLASSIFIED is never shown, counted or named to a reader below SECRET")
    func loweredMarking() async throws {
        let (_, directory, _) = try await Self.store()
        let store = try Self.reopen(directory)
        var archived = Fixture.draft
        archived.referenceID = ReferenceID(year: 2009, post: "ISLAMABAD", serial: 777)
        _ = try await store.importCable(archived, as: "admin")
        try await Self.raw(directory).write {
            try $0.execute(sql: "UPDATE cable SET classification = 1, caveats = ',', restricted = 0 WHERE id = '09ISLAMABAD777'")
        }
        for fresh in [store, try Self.reopen(directory)] {
            let listing = try await fresh.list(as: "lou", limit: 50)
            #expect(!listing.cables.contains { $0.referenceID == "09ISLAMABAD777" })
            #expect(listing.total == 0)
            let results = try await fresh.search(try SearchQuery(parsing: "Zardari"), as: "lou", options: SearchOptions())
            #expect(results.total == 0 && results.hits.isEmpty)
            let facets = results.facets.values.flatMap { $0 }
            #expect(facets.isEmpty)
            do {
                _ = try await fresh.read(ReferenceID("09ISLAMABAD777")!, as: "lou")
                Issue.record("read a lowered cable")
            } catch {
                #expect(error as? StoreError == .noSuchCable("09ISLAMABAD777"))
            }
        }
    }

    @Test("two sends of one draft at once: one sends, the other says it was already sent")
    func parallelSends() async throws {
        let (store, _, _) = try await Self.store()
        let id = try await store.draft(Fixture.draft, as: "anne")
        let outcomes = await withTaskGroup(of: Result<SendReceipt, any Error>.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do { return .success(try await store.send(id, to: ["bea", "sam"], lists: [], as: "anne")) } catch { return .failure(error) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let sent = outcomes.compactMap { try? $0.get() }.filter { !$0.recipients.isEmpty }
        #expect(sent.count == 1)
        for case .failure(let error) in outcomes {
            guard case StoreError.alreadySent(let cable, _) = error else {
                Issue.record("\(error)")
                continue
            }
            #expect(cable == id.description)
        }
        #expect(try await store.verifyStore(as: "admin").intact)
    }

    // MARK: pouch verify

    @Test("verify passes a busy store, and names by table and key a flip in any bound column of any table")
    func verifyFlips() async throws {
        let (store, directory, id) = try await Self.store()
        try await store.addToList("kabul", members: ["bea", "lou"], as: "admin")
        try await store.setPassword("a long enough password", for: "bea", as: "admin")
        _ = try await store.issueToken(for: "bea", label: "laptop", as: "bea")
        var archived = Fixture.draft
        archived.referenceID = ReferenceID(year: 2009, post: "ISLAMABAD", serial: 778)
        _ = try await store.importCable(archived, as: "admin")
        let clean = try await store.verifyStore(as: "admin")
        #expect(clean.intact, "\(clean.problems) \(clean.audit.problems)")
        #expect(clean.checked["cable"] == 2 && clean.checked["copy"] == 2 && clean.checked["receipt"] == 1)
        let raw = try Self.raw(directory)
        let cable = "'\(id)'"
        let docid = "(SELECT docid FROM cable WHERE id = '\(id)')"
        let targets: [(table: String, column: String, row: String, key: String)] = [
            ("reader", "name", "id = 'bea'", "bea"), ("reader", "disabled", "id = 'bea'", "bea"), ("reader", "generation", "id = 'bea'", "bea"),
            ("credential", "hash", "reader = 'bea'", "bea"), ("token", "expires", "reader = 'bea'", "bea/laptop"),
            ("cable", "tags", "id = \(cable)", id.description), ("cable", "classification", "id = \(cable)", id.description),
            ("sealed", "sealedText", "docid = \(docid)", id.description), ("sealed", "sealedSubject", "docid = \(docid)", id.description),
            ("copy", "sealedText", "cable = \(cable) AND reader = 'bea'", "\(id)/bea"), ("receipt", "recipients", "cable = \(cable)", id.description),
            ("holding", "copies", "reader = 'bea'", "bea"), ("marking", "scheme", "cable = \(cable)", id.description),
        ]
        for target in targets {
            let (rowid, value) = try await raw.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT rowid AS rid, \(target.column) FROM \(target.table) WHERE \(target.row)")!
                return (row["rid"] as Int64, row[target.column] as DatabaseValue)
            }
            try await raw.write { db in
                let changed: DatabaseValue =
                    switch value.storage {
                    case .int64(let number): (number + 1).databaseValue
                    case .string(let text): (text + "x").databaseValue
                    case .blob(let data): Data(data.reversed()).databaseValue
                    default: "x".databaseValue
                    }
                try db.execute(sql: "UPDATE \(target.table) SET \(target.column) = ? WHERE rowid = ?", arguments: [changed, rowid])
            }
            let report = try await store.verifyStore(as: "admin")
            let table = target.table == "sealed" ? "cable" : target.table
            #expect(
                report.problems.contains { $0.table == table && $0.key == target.key } || !report.audit.intact,
                "\(target.table).\(target.column): \(report.problems)")
            #expect(!report.intact, "\(target.table).\(target.column) went unnoticed")
            try await raw.write { db in
                try db.execute(sql: "UPDATE \(target.table) SET \(target.column) = ? WHERE rowid = ?", arguments: [value, rowid])
            }
        }
        #expect(try await store.verifyStore(as: "admin").intact)
        // A whole cable row deleted (with its sealed row): the audit log says it was there.
        try await raw.write { db in
            try db.execute(sql: "DELETE FROM sealed WHERE docid = (SELECT docid FROM cable WHERE id = '09ISLAMABAD778')")
            try db.execute(sql: "DELETE FROM cable WHERE id = '09ISLAMABAD778'")
        }
        let report = try await store.verifyStore(as: "admin")
        #expect(report.problems.contains { $0.table == "cable" && $0.key == "09ISLAMABAD778" && $0.message.contains("deleted") })
        await #expect(throws: StoreError.notPermitted("only an administrator or a security officer may verify the store")) {
            try await store.verifyStore(as: "bea")
        }
    }
}

/// A store written before envelopes, copy sets and account state were bound (format 1).
@Suite("Upgrading a format 1 store", .temporaryFiles)
struct UpgradeTests {
    /// A fresh copy of the format 1 store and its key.
    static func copy() throws -> (directory: String, credential: StoreCredential, token: String) {
        guard let fixture = Bundle.module.url(forResource: "format1-store", withExtension: nil) else { throw FixtureMissing() }
        let directory = TemporaryFiles.path("format1")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: directory)
        let key = try MasterKey(
            bytes: try FingerprintKey.rawBytes(fileContents: Array(try Data(contentsOf: fixture.appendingPathComponent("master.key")))))
        let token = try String(contentsOf: fixture.appendingPathComponent("token.txt"), encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return (directory, .key(key), token)
    }

    struct FixtureMissing: Error {}

    @Test("a store made before keyrings, whose master key is its key file's own bytes, moves to a passphrase: the old key file stops opening it")
    func keyringFromOldStore() async throws {
        let (directory, credential, _) = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStore.open(at: directory, credential: credential)
        try await store.changeCredential(to: .passphrase("a passphrase for decades"), as: "admin")
        #expect(throws: StoreError.invalid("this store is opened with a passphrase, not a key file")) {
            try SQLiteStore.open(at: directory, credential: credential)
        }
        let reopened = try SQLiteStore.open(at: directory, credential: .passphrase("a passphrase for decades"))
        // Back to a key file, a new one: the old file still does not open it.
        try await reopened.changeCredential(to: .key(try MasterKey(bytes: [UInt8](repeating: 5, count: 32))), as: "admin")
        #expect(throws: StoreError.wrongPassphrase) { try SQLiteStore.open(at: directory, credential: credential) }
        #expect(try await reopened.read(ReferenceID("26ISLAMABAD1")!, as: "bea").kind == .copy)
        #expect(try await reopened.verifyStore(as: "admin").intact)
        let entry = try #require(try await reopened.auditLog(AuditFilter(), as: "admin").first { $0.action == "key-passphrase" })
        #expect(entry.detail.contains("rotate it too"))
    }

    @Test("opening binds every row once, in the audit log; everything reads as before and verifies")
    func upgrade() async throws {
        let (directory, credential, token) = try Self.copy()
        #expect(!FileManager.default.fileExists(atPath: directory + "/" + AuditHeadFile.fileName))
        let store = try SQLiteStore.open(at: directory, credential: credential)
        #expect(FileManager.default.fileExists(atPath: directory + "/" + AuditHeadFile.fileName))
        let id = ReferenceID("26ISLAMABAD1")!
        #expect(try await store.read(id, as: "bea").kind == .copy)
        #expect(try await store.read(id, as: "sam").kind == .copy)
        #expect(try await store.list(as: "bea", limit: 50).total == 5)
        #expect(try await store.bearer(token)?.id == "bea")
        #expect(try await store.signIn("bea", password: "bea's long password", client: "test").id == "bea")
        let report = try await store.verifyStore(as: "admin")
        #expect(report.intact, "\(report.problems) \(report.audit.problems)")
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.filter { $0.action == "upgrade" }.count == 1)
        // Opening again does not upgrade again.
        _ = try SQLiteStore.open(at: directory, credential: credential)
        #expect(try await store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "upgrade" }.count == 1)
    }

    @Test("a format marker reset after the upgrade is refused: changed rows are never bound afresh")
    func markerReset() async throws {
        let (directory, credential, _) = try Self.copy()
        _ = try SQLiteStore.open(at: directory, credential: credential)
        let raw = try IntegrityTests.raw(directory)
        try await raw.write { db in
            try db.execute(sql: "UPDATE meta SET format = 1")
            try db.execute(sql: "UPDATE cable SET tags = ',PTER,', mac = NULL")
        }
        let message = IntegrityTests.damagedMessage { _ = try SQLiteStore.open(at: directory, credential: credential) }
        #expect(message?.contains("format marker") == true, "\(message ?? "opened")")
    }

    @Test("a user row changed before the upgrade is refused, not bound")
    func changedBeforeUpgrade() async throws {
        let (directory, credential, _) = try Self.copy()
        try await IntegrityTests.raw(directory).write { try $0.execute(sql: "UPDATE reader SET clearance = 4 WHERE id = 'bea'") }
        #expect(throws: StoreError.tampered("user bea")) { _ = try SQLiteStore.open(at: directory, credential: credential) }
    }
}
