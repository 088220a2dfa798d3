import Foundation
import Logging
import PouchSQLite
import PouchServer
import PouchStore
import Synchronization
import Testing

@Suite("Scheduled backups while serving")
struct BackupScheduleTests {
    @Test("each round writes and verifies a backup, keeps the newest N, and a backup that fails its check is set aside while the good ones stay")
    func rounds() async throws {
        let fixture = try await ServerFixture.make()
        let folder = fixture.directory + "-backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: fixture.directory)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let store = fixture.store
        let credential = StoreCredential.passphrase("correct horse battery")
        func schedule(verify: @escaping @Sendable (String) async throws -> Void) -> BackupSchedule {
            BackupSchedule(
                directory: folder, interval: .seconds(3_600), keep: 2, metrics: fixture.server.metrics, logger: Logger(label: "test"),
                write: { path in _ = try await store.backup(to: path, as: "admin") }, verify: verify)
        }
        let good = schedule { path in _ = try SQLiteStore.verifyBackup(path, credential: credential, workDirectory: fixture.directory) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for hour in 0..<3 { await good.takeOne(at: start + Double(hour) * 3_600) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [BackupSchedule.fileName(at: start + 3_600), BackupSchedule.fileName(at: start + 7_200)])
        #expect(names[0] == "pouch-20270115T090000Z.pouchbackup")

        let failing = schedule { _ in throw BackupFile.Failure("x", "chunk 1 of 1 does not authenticate") }
        await failing.takeOne(at: start + 4 * 3_600)
        let after = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(after == names + [BackupSchedule.fileName(at: start + 4 * 3_600) + ".failed"])
        let metrics = fixture.server.metrics.exposition()
        #expect(metrics.contains("pouch_backups_total{outcome=\"ok\"} 3"))
        #expect(metrics.contains("pouch_backups_total{outcome=\"failed\"} 1"))
        #expect(metrics.contains("pouch_backup_last_success_timestamp_seconds"))
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.filter { $0.action == "backup" }.count == 4)
    }

    @Test("intervals are written 90s, 30m, 1h, 1d or in seconds; anything else is refused")
    func intervals() {
        #expect(Duration(schedule: "90s") == .seconds(90))
        #expect(Duration(schedule: "30m") == .seconds(1_800))
        #expect(Duration(schedule: "1h") == .seconds(3_600))
        #expect(Duration(schedule: "2d") == .seconds(172_800))
        #expect(Duration(schedule: "600") == .seconds(600))
        for bad in ["", "0s", "-1h", "h", "1w", "1.5h", "99999999999999999999d"] { #expect(Duration(schedule: bad) == nil, "\(bad)") }
    }

    @Test(
        "after a master key rotation left for later, the server's background service moves every record while it serves, and then finds nothing to do"
    )
    func backgroundRewrap() async throws {
        let fixture = try await ServerFixture.make()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let store = fixture.store
        #expect(try await store.rewrapPending() == false)
        try await store.rotateMasterKey(as: "admin")
        #expect(try await store.rewrapPending())
        let runs = Counter()
        let service = KeyRewrapService(
            logger: Logger(label: "test"), pending: { try await store.rewrapPending() },
            rewrap: {
                runs.add()
                return try await store.rewrapMasterKey(batch: 2, pause: .milliseconds(1), as: "admin").moved
            })
        await service.runOnce()
        #expect(try await store.rewrapPending() == false)
        let status = try await store.keyStatus(as: "admin")
        #expect(status.master.map(\.version) == [1, 2] && status.master[0].covers == 0 && status.master[0].retired != nil)
        await service.runOnce()
        #expect(runs.value == 1)
        #expect(try await store.verifyStore(as: "admin").intact)
    }
}

/// A count shared with a `@Sendable` closure.
final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
