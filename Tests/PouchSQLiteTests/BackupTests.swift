import Foundation
import PouchCore
import Synchronization
import Testing

@testable import PouchSQLite
@testable import PouchStore

@Suite("Backups and the store's passphrase", .temporaryFiles)
struct BackupTests {
    static let credential = StoreCredential.passphrase("correct horse battery")

    /// Everything each person sees: their listing, every copy or cable they can read, and searches.
    static func views(_ store: SealedStore, people: [String]) async throws -> [String: String] {
        var views: [String: String] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for person in people {
            let listing = try await store.list(as: person, limit: 1_000)
            views[person + " list"] = String(describing: listing)
            for summary in listing.cables {
                let id = try #require(ReferenceID(summary.referenceID))
                views[person + " read " + summary.referenceID] = try await store.read(id, as: person).text
            }
            for query in ["zardari", "cabinet OR army", "tags:PREL"] {
                let results = try await store.search(try SearchQuery(parsing: query), as: person, options: SearchOptions())
                views[person + " search " + query] = String(decoding: try encoder.encode(results), as: UTF8.self)
            }
        }
        return views
    }

    static func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("a restored store shows every reader what the original showed at the backup's moment, and records the restore after the backup's head")
    func restoreRoundTrip() async throws {
        let (store, directory) = try await Fixture.populated()
        let backup = directory + ".pouchbackup"
        let restored = directory + "-restored"
        defer { Self.remove(directory, backup, restored) }
        let first = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(first, to: ["bea", "sam"], lists: [], as: "anne")
        _ = try await store.draft(Fixture.draft, as: "anne")
        let people = ["anne", "bea", "fred", "lou", "sam", "admin"]
        _ = try await Self.views(store, people: people)  // reads mark copies as read: views settle after one pass
        let before = try await Self.views(store, people: people)

        let made = try await store.backup(to: backup, as: "admin")
        // Changes after the backup are not in it.
        let later = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(later, to: ["bea"], lists: [], as: "anne")

        let summary = try await SQLiteStore.restore(backup, into: restored, credential: Self.credential)
        #expect(summary.head == made.head)
        let copy = try SQLiteStore.open(at: restored, credential: Self.credential)
        let after = try await Self.views(copy, people: people)
        #expect(after.keys.sorted() == before.keys.sorted())
        for key in before.keys.sorted() { #expect(after[key] == before[key], "\(key) differs after the restore") }

        let log = try await copy.auditLog(AuditFilter(), as: "admin")
        let restoreEntry = try #require(log.first { $0.action == "restore" })
        #expect(restoreEntry.sequence == made.head.sequence + 1)
        #expect(try await copy.verifyStore(as: "admin").intact)
        #expect(try await copy.verifyAudit(as: "admin").intact)
    }

    @Test("a backup held to a rate takes at least its database's size over that rate, and is whole")
    func paced() async throws {
        let (store, directory) = try await Fixture.populated()
        let backup = directory + ".pouchbackup"
        defer { Self.remove(directory, backup) }
        _ = try await store.draft(Fixture.draft, as: "anne")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: SQLiteStore.databasePath(in: directory))[.size] as? Int)
        let rate = size * 2  // about half a second
        let started = ContinuousClock.now
        let summary = try await store.backup(to: backup, as: "admin", maxRate: rate)
        let elapsed = ContinuousClock.now - started
        // Each half (the copy, the sealing) is held to twice the rate: the whole to about the rate.
        #expect(elapsed >= .milliseconds(Int(Double(summary.bytes) / Double(rate) * 900)), "\(elapsed) for \(summary.bytes) bytes")
        #expect(try SQLiteStore.verifyBackup(backup, credential: Self.credential).head == summary.head)
    }

    @Test("a backup holds no word of any cable, subject or person's name")
    func sealed() async throws {
        let (store, directory) = try temporaryStore()
        let backup = directory + ".pouchbackup"
        defer { Self.remove(directory, backup) }
        try await store.addUsers(
            [Reader(id: "qx1", name: "Wilhelmina Quartermaine", post: "ISLAMABAD", roles: [.drafter, .reader], clearance: .secret)], as: "admin")
        let id = try await store.draft(Fixture.draft, as: "qx1")
        _ = try await store.send(id, to: ["qx1"], lists: [], as: "qx1")
        _ = try await store.search(try SearchQuery(parsing: "zardari cabinet"), as: "qx1", options: SearchOptions())
        _ = try await store.backup(to: backup, as: "admin")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        var words: Set<String> = ["wilhelmina", "quartermaine"]
        for word in (Fixture.draft.subject + " " + Fixture.draft.paragraphs.map(\.text).joined(separator: " ")).lowercased()
            .split(whereSeparator: { !$0.isLetter }) where word.count >= 5
        { words.insert(String(word)) }
        #expect(words.count > 20)
        for word in words.sorted() { #expect(!text.contains(word), "\(word) is in the backup in plain text") }
    }

    @Test("a changed, cut or foreign backup is refused by name, and a restore never writes over a store")
    func damaged() async throws {
        let (store, directory) = try await Fixture.populated()
        let backup = directory + ".pouchbackup"
        let bad = directory + ".bad"
        let target = directory + "-restored"
        defer { Self.remove(directory, backup, bad, target) }
        _ = try await store.send(try await store.draft(Fixture.draft, as: "anne"), to: ["bea"], lists: [], as: "anne")
        _ = try await store.backup(to: backup, as: "admin")
        #expect(try SQLiteStore.verifyBackup(backup, credential: Self.credential).checked["copy"] == 1)
        let original = try Data(contentsOf: URL(fileURLWithPath: backup))
        let headerEnd = original.firstIndex(of: UInt8(ascii: "\n"), after: original.firstIndex(of: UInt8(ascii: "\n"))!)!

        func refusal(_ data: Data) throws -> String {
            try data.write(to: URL(fileURLWithPath: bad))
            do {
                _ = try SQLiteStore.verifyBackup(bad, credential: Self.credential)
                return "accepted"
            } catch {
                return String(describing: error)
            }
        }
        var flipped = original
        flipped[headerEnd + 100] ^= 0x01
        #expect(try refusal(flipped).contains("chunk 1 of 1 does not authenticate"))
        #expect(try refusal(original.prefix(original.count - 10)).contains("cut short"))
        #expect(try refusal(original + Data([0])).contains("bytes after the last chunk"))
        #expect(try refusal(Data("not a backup".utf8)).contains("not a Pouch backup"))
        // The header names the audit head; changing it (a thief hiding entries) breaks every chunk.
        let header = String(decoding: original[..<headerEnd], as: UTF8.self)
        let changed = header.replacingOccurrences(of: "\"created\":\"20", with: "\"created\":\"19")
        #expect(try refusal(Data(changed.utf8) + original[headerEnd...]).contains("does not authenticate"))
        #expect(throws: StoreError.wrongPassphrase) { try SQLiteStore.verifyBackup(backup, credential: .passphrase("wrong horse battery")) }

        // A bad backup leaves no store behind; a folder that is not empty is refused untouched.
        try flipped.write(to: URL(fileURLWithPath: bad))
        await #expect(throws: BackupFile.Failure.self) { try await SQLiteStore.restore(bad, into: target, credential: Self.credential) }
        #expect(!FileManager.default.fileExists(atPath: target))
        await #expect(throws: StoreError.self) { try await SQLiteStore.restore(backup, into: directory, credential: Self.credential) }
        #expect(try await store.verifyStore(as: "admin").intact)
    }

    @Test("backups taken again and again while a cable goes to 1,000 people each hold the send whole or not at all")
    func duringSend() async throws {
        let (store, directory) = try await Fixture.populated()
        let recipients = (0..<1_000).map { Reader(id: String(format: "r%04d", $0), name: "Recipient \($0)", post: "KABUL", clearance: .secret) }
        try await store.addUsers(recipients, as: "admin")
        defer { Self.remove(directory) }
        let id = try await store.draft(Fixture.draft, as: "anne")
        let finished = Mutex(false)
        let sending = Task {
            defer { finished.withLock { $0 = true } }
            return try await store.send(id, to: recipients.map(\.id), lists: [], as: "anne")
        }
        var copies: [Int] = []
        var duringSend = 0
        repeat {
            let backup = directory + ".\(copies.count).pouchbackup"
            defer { Self.remove(backup) }
            let running = !finished.withLock { $0 }
            _ = try await store.backup(to: backup, as: "admin")
            if running { duringSend += 1 }
            copies.append(try SQLiteStore.verifyBackup(backup, credential: Self.credential).checked["copy"] ?? -1)
        } while !finished.withLock({ $0 }) || copies.last == 0
        _ = try await sending.value
        print("copies in backups taken during a 1,000-recipient send: \(copies)")
        #expect(duringSend >= 1, "no backup began while the send was running")
        for count in copies { #expect(count == 0 || count == 1_000, "a backup holds \(count) copies") }
        #expect(copies.last == 1_000)
    }

    @Test("the plain copy waits in memory when there is room for it, else in the store's own directory, and is gone afterwards")
    func scratch() async throws {
        let (store, directory) = try temporaryStore()
        defer { Self.remove(directory, directory + ".pouchbackup") }
        #expect(try SQLiteStore.scratchFolder(for: 1 << 60, store: directory) == directory)
        let small = try SQLiteStore.scratchFolder(for: 1 << 20, store: directory)
        defer { if small != directory { Self.remove(small) } }
        let ours = "pouch-backup-" + SQLiteStore.scratchTag(directory)
        if FileManager.default.fileExists(atPath: "/dev/shm") { #expect(small.hasPrefix("/dev/shm/" + ours)) }
        Self.remove(small)
        // Other tests back up at the same time: only this store's scratch folders are looked for.
        _ = try await store.backup(to: directory + ".pouchbackup", as: "admin")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev/shm").filter { $0.hasPrefix(ours) }.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).allSatisfy { !$0.hasPrefix(".backup-") })
    }

    @Test("a new passphrase opens the store at once and the old one no longer does; the change is audited; a key file can take over")
    func passphrase() async throws {
        let (store, directory) = try await Fixture.populated()
        defer { Self.remove(directory) }
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
        let text = try await store.read(id, as: "bea").text
        await #expect(throws: StoreError.self) { try await store.changeCredential(to: .passphrase("bea's own choice"), as: "bea") }

        try await store.changeCredential(to: .passphrase("a brand new passphrase"), as: "admin")
        #expect(throws: StoreError.wrongPassphrase) { try SQLiteStore.open(at: directory, credential: Self.credential) }
        let reopened = try SQLiteStore.open(at: directory, credential: .passphrase("a brand new passphrase"))
        #expect(try await reopened.read(id, as: "bea").text == text)
        let entry = try #require(try await reopened.auditLog(AuditFilter(), as: "admin").last { $0.action == "key-passphrase" })
        #expect(entry.detail.contains("new passphrase") && !entry.detail.contains("brand"))

        let keyBytes = (0..<32).map { UInt8($0 * 7 % 256) }
        try await reopened.changeCredential(to: .key(try MasterKey(bytes: keyBytes)), as: "sam")
        #expect(throws: StoreError.self) { try SQLiteStore.open(at: directory, credential: .passphrase("a brand new passphrase")) }
        let byKey = try SQLiteStore.open(at: directory, credential: .key(try MasterKey(bytes: keyBytes)))
        #expect(try await byKey.read(id, as: "bea").text == text)
        #expect(try await byKey.verifyStore(as: "admin").intact)
    }
}

extension Data {
    /// The first index of `byte` after `index`.
    func firstIndex(of byte: UInt8, after index: Data.Index) -> Data.Index? {
        self[(index + 1)...].firstIndex(of: byte)
    }
}
