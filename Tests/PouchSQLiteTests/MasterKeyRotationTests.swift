import Foundation
import GRDB
import PouchCore
import PouchSQLite
import PouchTestSupport
import Synchronization
import Testing

@testable import PouchStore

/// The whole rotation on SQLite, through to a backup; what both databases share runs in
/// PouchStoreTests (`MasterKeyRotationTests` there, and `CrashTests.killDuringRewrap`).
@Suite("Master key rotation", .temporaryFiles)
struct MasterKeyRotationTests {
    static let people = ["anne", "bea", "fred", "lou", "sam", "admin"]

    /// Versions of every wrapped data key in the file, by version.
    static func versions(_ directory: String) throws -> [Int: Int] {
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        defer { try? raw.close() }
        return try raw.read { db in
            var counts: [Int: Int] = [:]
            for sql in [
                "SELECT wrappedKey FROM sealed", "SELECT subjectKey FROM sealed", "SELECT wrappedKey FROM copy", "SELECT wrappedKey FROM vocabulary",
                "SELECT wrappedKey FROM secret", "SELECT wrappedKey FROM postKey",
            ] {
                for key in try Data.fetchAll(db, sql: sql) { counts[Seal.version(of: Array(key)) ?? -1, default: 0] += 1 }
            }
            return counts
        }
    }

    /// A store with drafts, copies, a search (a sealed audit detail) and a moved person.
    static func store() async throws -> (SealedStore, String) {
        let (store, directory) = try await Fixture.populated()
        let first = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(first, to: ["bea", "sam"], lists: [], as: "anne")
        _ = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.search(try SearchQuery(parsing: "zardari cabinet"), as: "bea", options: SearchOptions())
        _ = try await BackupTests.views(store, people: people)  // reads mark copies as read: views settle after one pass
        return (store, directory)
    }

    @Test(
        "a new version seals new records at once, old ones open throughout, the rewrap moves every record and retires the old version; verify and audit pass"
    )
    func rotateAndRewrap() async throws {
        let (store, directory) = try await Self.store()
        defer { BackupTests.remove(directory) }
        let before = try await BackupTests.views(store, people: Self.people)
        let records = try Self.versions(directory).values.reduce(0, +)
        #expect(try Self.versions(directory) == [1: records])

        await #expect(throws: StoreError.self) { try await store.rotateMasterKey(as: "bea") }
        #expect(try await store.rotateMasterKey(as: "sam") == 2)
        // Old records read as before; a new one is sealed under version 2 at once.
        #expect(try await BackupTests.views(store, people: Self.people) == before)
        let late = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(late, to: ["bea"], lists: [], as: "anne")
        let mixed = try Self.versions(directory)
        #expect(mixed[1] == records && (mixed[2] ?? 0) >= 3)
        _ = try await BackupTests.views(store, people: Self.people)
        let during = try await BackupTests.views(store, people: Self.people)
        let pending = try await store.keyStatus(as: "admin").master
        #expect(pending.map(\.version) == [1, 2])
        // Cable keys, plus the sealed audit details of every search so far.
        #expect(pending[0].covers > records)

        let log = Mutex<[RewrapProgress]>([])
        let report = try await store.rewrapMasterKey(batch: 3, as: "admin") { progress in log.withLock { $0.append(progress) } }
        let seen = log.withLock { $0 }
        #expect(report.version == 2 && report.retired == [1])
        #expect(report.moved == pending[0].covers)
        #expect(seen.count > 5 && seen.last?.left == 0 && seen.last?.done == report.moved)
        #expect(try Self.versions(directory).keys.sorted() == [2])

        let status = try await store.keyStatus(as: "admin")
        #expect(status.master[0].covers == 0 && status.master[1].covers >= pending[0].covers + pending[1].covers)
        #expect(status.master.first?.retired != nil && status.master.last?.retired == nil)
        let after = try await BackupTests.views(store, people: Self.people)
        #expect(after.keys.sorted() == during.keys.sorted())
        for key in during.keys.sorted() { #expect(after[key] == during[key], "\(key) differs after the rewrap") }
        #expect(try await store.verifyStore(as: "admin").intact)
        #expect(try await store.verifyAudit(as: "admin").intact)
        let entries = try await store.auditLog(AuditFilter(), as: "admin")
        // Every sealed search query still opens, now from its rewrapped key.
        #expect(entries.filter { $0.detail.contains("query: ") && $0.detail.lowercased().contains("zardari") }.count >= 1)
        #expect(!entries.contains { $0.detail.contains("[sealed:") })
        #expect(entries.filter { $0.action == "key-rotate" }.map(\.outcome) == ["denied", "ok", "ok"])

        // Reopened, and rotated once more: version 2 retires and its key is gone from the file.
        let reopened = try SQLiteStore.open(at: directory, credential: BackupTests.credential)
        #expect(try await reopened.rotateMasterKey(as: "admin") == 3)
        #expect(try await reopened.rewrapMasterKey(as: "admin").retired == [2])
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        let kept = try await raw.read { db in try Int.fetchAll(db, sql: "SELECT version FROM masterKey WHERE wrapped IS NOT NULL ORDER BY version") }
        try raw.close()
        #expect(kept == [1])  // version 1 stays as the MAC root; version 3 is in the lock
        let third = try await BackupTests.views(reopened, people: Self.people)
        for key in during.keys.sorted() { #expect(third[key] == during[key], "\(key) differs after the second rotation") }
        #expect(try await reopened.verifyStore(as: "admin").intact)
        // A passphrase change after rotations still opens every version.
        try await reopened.changeCredential(to: .passphrase("another long passphrase"), as: "admin")
        let moved = try SQLiteStore.open(at: directory, credential: .passphrase("another long passphrase"))
        #expect(try await moved.verifyStore(as: "admin").intact)
        // A backup taken now opens under the current version, with the keyring inside it.
        let backup = directory + ".pouchbackup"
        defer { BackupTests.remove(backup) }
        _ = try await moved.backup(to: backup, as: "admin")
        #expect(try SQLiteStore.verifyBackup(backup, credential: .passphrase("another long passphrase")).checked.isEmpty == false)
    }
}
