import Foundation
import GRDB
import PouchCore
import PouchFingerprint
import PouchSQLite
import PouchTestSupport
import Testing

@testable import PouchStore

/// What someone with write access to the store's files (but not its key) can do with the files
/// themselves (cut the log, put old files back, touch the head file), and how each is caught at
/// open. Changed rows are caught the same way on both databases: `IntegrityTests` in PouchStoreTests.
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
