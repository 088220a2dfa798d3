import Foundation
import PouchCore
import PouchSQLite
import PouchStore
import PouchTestSupport

/// `pouch-bench ops`: the operations of issue 28 on a store at the scale of the 2010 release.
/// Backs up a store of generated plus real cables while a reader keeps reading (read latency
/// with and without the backup running), verifies and restores the backup, and times a
/// passphrase change at the store's real scrypt cost.
public struct OpsBenchmark: Sendable {
    public var generated: URL
    public var real: URL
    public var work: URL
    public var reads: Int
    public var reuse: Bool
    /// The backup's `maxRate` (bytes of database per second), if one is given.
    public var backupMaxRate: Int?

    public init(generated: URL, real: URL, work: URL, reads: Int = 20_000, reuse: Bool = false, backupMaxRate: Int? = nil) {
        self.generated = generated
        self.real = real
        self.work = work
        self.reads = reads
        self.reuse = reuse
        self.backupMaxRate = backupMaxRate
    }

    public struct Report: Sendable {
        public var cables = 0
        public var databaseBytes = 0
        public var backupSeconds = 0.0
        public var backupFileBytes = 0
        public var verifySeconds = 0.0
        public var restoreSeconds = 0.0
        public var readsQuiet: [Double] = []
        public var readsDuringBackup: [Double] = []
        public var passphraseSeconds: [Double] = []
        public var restoredIntact = false
        public var rotateSeconds = 0.0
        public var rewrapRecords = 0
        public var rewrapSeconds = 0.0
        public var rewrapBusyRecords = 0
        public var rewrapBusySeconds = 0.0
        public var readsDuringRewrap: [Double] = []
        public var rewrappedIntact = false

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }

        public var table: String {
            let f1 = { (value: Double) in String(format: "%.1f", value) }
            let mb = Double(databaseBytes) / 1_000_000
            let quiet99 = Self.percentile(readsQuiet, 0.99)
            let busy99 = Self.percentile(readsDuringBackup, 0.99)
            var lines = ["| measure | result | aim |", "|---|---|---|"]
            lines.append("| store: \(cables) cables, database | \(f1(mb)) MB | |")
            lines.append(
                "| backup create (snapshot + seal + fsync) | \(f1(backupSeconds)) s = \(f1(mb / max(0.001, backupSeconds))) MB/s; file \(f1(Double(backupFileBytes) / 1_000_000)) MB | ≥ 100 MB/s |"
            )
            lines.append(
                "| reads p50 / p99, nothing else running (\(readsQuiet.count) reads) | \(f1(Self.percentile(readsQuiet, 0.5))) / \(f1(quiet99)) ms | |"
            )
            lines.append(
                "| reads p50 / p99 during the backup (\(readsDuringBackup.count) reads) | \(f1(Self.percentile(readsDuringBackup, 0.5))) / \(f1(busy99)) ms = \(String(format: "%.2f", busy99 / max(0.001, quiet99)))× | ≤ 2× |"
            )
            lines.append("| backup verify (open every chunk, check every row and the chain) | \(f1(verifySeconds)) s | |")
            lines.append(
                "| backup restore (verify + put in place + audit) | \(f1(restoreSeconds)) s; restored store intact: \(restoredIntact ? "yes" : "NO") | |"
            )
            let worst = passphraseSeconds.max() ?? 0
            lines.append(
                "| key passphrase (scrypt 2^15 + rewrap), \(passphraseSeconds.count) changes: slowest | \(String(format: "%.2f", worst)) s | ≤ 1 s |")
            lines.append("| key rotate master (new version, keyring rewrapped) | \(String(format: "%.2f", rotateSeconds)) s | |")
            lines.append(
                "| key rewrap, nothing else running: \(rewrapRecords) records to the new version | \(f1(rewrapSeconds)) s = \(Int(Double(rewrapRecords) / max(0.001, rewrapSeconds))) records/s | ≥ 20,000 records/s |"
            )
            lines.append(
                "| key rewrap again as a server does it in the background (batches of 1,000, 20 ms apart), a reader reading flat out meanwhile | \(f1(rewrapBusySeconds)) s = \(Int(Double(rewrapBusyRecords) / max(0.001, rewrapBusySeconds))) records/s; verify after: \(rewrappedIntact ? "intact" : "NOT INTACT") | |"
            )
            let rewrap99 = Self.percentile(readsDuringRewrap, 0.99)
            lines.append(
                "| reads p50 / p99 during that rewrap (\(readsDuringRewrap.count) reads) | \(f1(Self.percentile(readsDuringRewrap, 0.5))) / \(f1(rewrap99)) ms = \(String(format: "%.2f", rewrap99 / max(0.001, quiet99)))× | reads work |"
            )
            return lines.joined(separator: "\n")
        }
    }

    static let reader = Reader(
        id: "analyst", name: "Analyst", post: "STATE", roles: [.reader], clearance: .topSecret, citizen: true,
        grants: [.exdis, .nodis, .limdis, .stadis])

    public func run(progress: @escaping @Sendable (String) -> Void) async throws -> Report {
        var report = Report()
        let directory = work.appendingPathComponent("store").path
        let keyFile = work.appendingPathComponent("bench.key")
        let complete = work.appendingPathComponent("complete")
        var store: SealedStore
        var credential: StoreCredential
        if reuse, FileManager.default.fileExists(atPath: complete.path), let bytes = FileManager.default.contents(atPath: keyFile.path) {
            progress("reusing the store in \(directory)")
            credential = .key(try MasterKey(bytes: Array(bytes)))
            store = try SQLiteStore.open(at: directory, credential: credential)
        } else {
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
            credential = .key(try MasterKey(bytes: keyBytes))
            // Kept beside the scratch store only so --reuse can reopen it.
            _ = FileManager.default.createFile(atPath: keyFile.path, contents: Data(keyBytes), attributes: [.posixPermissions: 0o600])
            let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
            store = try SQLiteStore.create(at: directory, credential: credential, administrator: admin)
            try await store.addUsers([Self.reader], as: "admin")
            let files = try ArchiveImport.files(in: [generated.path]) + ArchiveImport.files(in: [real.path])
            progress("importing \(files.count) files")
            _ = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 1_000) { done in
                if done % 25_000 < 1_000 { progress("imported \(done)") }
            }
            _ = FileManager.default.createFile(atPath: complete.path, contents: Data())
        }
        try await store.warmSearchCaches()
        let ids = try await store.list(as: Self.reader.id, limit: 5_000).cables.compactMap { ReferenceID($0.referenceID) }
        report.cables = try await store.list(as: Self.reader.id, limit: 1).total

        // Reads alone, then reads while a backup runs (one reader task; the backup on its own task).
        // Half the quiet reads before the backup and half after, so drift in the machine counts on both sides.
        progress("timing \(reads / 2) reads with nothing else running")
        report.readsQuiet = try await Self.timeReads(store, ids: ids, count: reads / 2) { _ in false }
        let backup = work.appendingPathComponent("bench.pouchbackup").path
        progress("backing up while reading")
        let backupStore = store
        let started = Date()
        let rate = backupMaxRate
        let task = Task { try await backupStore.backup(to: backup, as: "admin", maxRate: rate) }
        let finished = Finished()
        Task {
            _ = try? await task.value
            await finished.set()
        }
        report.readsDuringBackup = try await Self.timeReads(store, ids: ids, count: Int.max) { _ in await finished.value }
        let summary = try await task.value
        report.backupSeconds = Date().timeIntervalSince(started)
        progress("timing \(reads - reads / 2) more reads with nothing else running")
        report.readsQuiet += try await Self.timeReads(store, ids: ids, count: reads - reads / 2) { _ in false }
        report.databaseBytes = summary.bytes
        report.backupFileBytes = summary.fileBytes

        progress("verifying the backup")
        var start = Date()
        _ = try SQLiteStore.verifyBackup(backup, credential: credential, workDirectory: work.path)
        report.verifySeconds = Date().timeIntervalSince(start)
        progress("restoring the backup")
        let restored = work.appendingPathComponent("restored").path
        try? FileManager.default.removeItem(atPath: restored)
        start = Date()
        _ = try await SQLiteStore.restore(backup, into: restored, credential: credential)
        report.restoreSeconds = Date().timeIntervalSince(start)
        report.restoredIntact = try SQLiteStore.open(at: restored, credential: credential).verifyAuditWithoutRecording().intact
        try? FileManager.default.removeItem(atPath: restored)
        try? FileManager.default.removeItem(atPath: backup)

        // The passphrase: key file → passphrase → passphrase → key file, each at the standard scrypt cost.
        progress("changing the passphrase")
        let steps: [StoreCredential] = [.passphrase("bench passphrase one"), .passphrase("bench passphrase two"), credential]
        for next in steps {
            start = Date()
            try await store.changeCredential(to: next, as: "admin")
            report.passphraseSeconds.append(Date().timeIntervalSince(start))
            store = try SQLiteStore.open(at: directory, credential: next)
        }

        // The master key: a new version and every record's data key moved to it, alone, then again
        // while a reader reads as fast as it can.
        progress("rotating the master key and rewrapping every record")
        start = Date()
        try await store.rotateMasterKey(as: "admin")
        report.rotateSeconds = Date().timeIntervalSince(start)
        let alone = try await store.rewrapMasterKey(batch: 5_000, as: "admin")
        report.rewrapRecords = alone.moved
        report.rewrapSeconds = alone.seconds
        progress("rotating and rewrapping again while reading")
        try await store.rotateMasterKey(as: "admin")
        let rewrapping = store
        // As a server rewraps in the background (`KeyRewrapService`): small, spaced batches.
        let rewrapTask = Task {
            try await rewrapping.rewrapMasterKey(batch: SealedStore.backgroundRewrap.batch, pause: SealedStore.backgroundRewrap.pause, as: "admin")
        }
        let rewrapped = Finished()
        Task {
            _ = try? await rewrapTask.value
            await rewrapped.set()
        }
        report.readsDuringRewrap = try await Self.timeReads(store, ids: ids, count: Int.max) { _ in await rewrapped.value }
        let rewrap = try await rewrapTask.value
        report.rewrapBusyRecords = rewrap.moved
        report.rewrapBusySeconds = rewrap.seconds
        report.rewrappedIntact = try await store.verifyStore(as: "admin").intact
        return report
    }

    /// Reads cables in turn until `count` or `stop` says so; each read's time in milliseconds.
    static func timeReads(_ store: SealedStore, ids: [ReferenceID], count: Int, stop: (Int) async -> Bool) async throws -> [Double] {
        var times: [Double] = []
        let clock = ContinuousClock()
        var index = 0
        while index < count, !(await stop(index)) {
            let id = ids[(index * 7_919) % ids.count]
            let elapsed = try await clock.measure { _ = try await store.read(id, as: reader.id) }
            times.append(elapsed.milliseconds)
            index += 1
        }
        return times
    }

    actor Finished {
        var value = false
        func set() { value = true }
    }
}
