import Foundation
import GRDB
import PouchCore
import PouchFingerprint
import PouchSQLite
import PouchTestSupport
import Testing

@testable import PouchStore

/// Kills `pouch cable send` (SIGKILL) at random moments while it sends to 1,000 recipients, and
/// checks after each kill that the send happened entirely or not at all, that the audit chain
/// verifies, and that nothing sent before was lost.
@Suite("Crash safety", .temporaryFiles)
struct CrashTests {
    /// The `pouch` executable built beside the test bundle.
    static func pouchExecutable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pouch"),
            Bundle.main.bundleURL.appendingPathComponent("pouch"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pouch"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw StoreError.invalid("the pouch executable was not found beside the tests (run 'swift build --build-tests' first)")
        }
        return found
    }

    /// A store opened with a key file (what the killed commands are given), in a temporary folder
    /// that `remove` deletes with its key file.
    static func keyFileStore(_ name: String) throws -> (store: SealedStore, directory: String, keyFile: String, credential: StoreCredential) {
        let directory = TemporaryFiles.path(name)
        let keyFile = directory + ".key"
        let keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        try FingerprintKey.fileContents(of: keyBytes).write(toFile: keyFile, atomically: true, encoding: .utf8)
        let credential = StoreCredential.key(try MasterKey(bytes: keyBytes))
        let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
        return (try SQLiteStore.create(at: directory, credential: credential, administrator: admin), directory, keyFile, credential)
    }

    /// Runs `pouch` with `arguments`, killing it with SIGKILL after `delay` seconds if one is
    /// given: its exit status, and whether it was still running when killed.
    static func run(_ pouch: URL, _ arguments: [String], killAfter delay: Double?) throws -> (status: Int32, killedRunning: Bool) {
        let process = Process()
        process.executableURL = pouch
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var running = false
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            running = process.isRunning
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return (process.terminationStatus, running)
    }

    @Test("SIGKILL during send to 1,000 recipients, 50 times: all or nothing, audit intact, nothing lost")
    func killDuringSend() async throws {
        let pouch = try Self.pouchExecutable()
        let (store, directory, keyFile, credential) = try Self.keyFileStore("crash")
        defer { BackupTests.remove(directory, keyFile) }
        let recipients = (0..<1_000).map { Reader(id: String(format: "r%04d", $0), name: "Recipient \($0)", post: "KABUL", clearance: .secret) }
        try await store.addUsers(recipients + [Fixture.drafter], as: "admin")
        try await store.addToList("all", members: recipients.map(\.id), as: "admin")
        let paragraphs = try Fixture.realParagraphs(120)
        var drafts: [ReferenceID] = []
        for index in 0..<51 {
            var cable = Fixture.draft
            cable.paragraphs = (0..<4).map { k in
                Paragraph(number: k + 1, mark: PortionMark("C"), text: paragraphs[(index * 4 + k) % paragraphs.count].text)
            }
            drafts.append(try await store.draft(cable, as: "anne"))
        }

        func send(_ id: ReferenceID, killAfter delay: Double?) throws -> Int32 {
            try Self.run(
                pouch, ["cable", "send", id.description, "--to-list", "all", "--as", "anne", "--store", directory, "--store-key", keyFile],
                killAfter: delay
            ).status
        }

        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        func copies(_ id: ReferenceID) async throws -> Int {
            try await raw.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM copy WHERE cable = ?", arguments: [id.description])! }
        }

        // A whole send, timed, to know when to strike.
        let start = Date()
        #expect(try send(drafts[0], killAfter: nil) == 0)
        let full = Date().timeIntervalSince(start)
        #expect(try await copies(drafts[0]) == 1_000)

        var random = SplitMix(seed: 9)
        var complete = [drafts[0]]
        var outcomes = (all: 0, none: 0)
        for (index, id) in drafts.dropFirst().enumerated() {
            // Half the kills anywhere in the send, half in its last part, where copies are written and committed.
            let range = index.isMultiple(of: 2) ? 0...(full * 1.05) : (full * 0.6)...(full * 1.1)
            _ = try send(id, killAfter: Double.random(in: range, using: &random))
            let reopened = try SQLiteStore.open(at: directory, credential: credential)
            let count = try await copies(id)
            #expect(count == 0 || count == 1_000, "send of \(id) left \(count) copies")
            let state = try await raw.read { try String.fetchOne($0, sql: "SELECT state FROM cable WHERE id = ?", arguments: [id.description]) }
            let logged = try await raw.read {
                try Int.fetchOne(
                    $0, sql: "SELECT COUNT(*) FROM audit WHERE action = 'send' AND target = ? AND outcome = 'ok'", arguments: [id.description])!
            }
            if count == 1_000 {
                outcomes.all += 1
                complete.append(id)
                #expect(state == "sent" && logged == 1)
                #expect(try await reopened.read(id, as: "r0500").kind == .copy)
            } else {
                outcomes.none += 1
                #expect(state == "draft" && logged == 0)
            }
            #expect(try reopened.verifyAuditWithoutRecording().intact, "audit after killing the send of \(id)")
            for earlier in complete { #expect(try await copies(earlier) == 1_000, "\(earlier) lost copies") }
        }
        print(
            "crash test: a whole send took \(String(format: "%.2f", full)) s; after 50 kills \(outcomes.all) sends were whole, \(outcomes.none) had not happened, none partial"
        )
    }

    @Test("SIGKILL during a master key rewrap, 30 times at random moments, then run again: every record opens, none is lost, the audit verifies")
    func killDuringRewrap() async throws {
        let pouch = try Self.pouchExecutable()
        let (store, directory, keyFile, credential) = try Self.keyFileStore("rewrap-crash")
        defer { BackupTests.remove(directory, keyFile) }
        let recipients = (0..<200).map { Reader(id: String(format: "r%03d", $0), name: "Recipient \($0)", post: "KABUL", clearance: .secret) }
        try await store.addUsers(recipients + [Fixture.drafter], as: "admin")
        let paragraphs = try Fixture.realParagraphs(80)
        var sent: [ReferenceID] = []
        for index in 0..<20 {
            var cable = Fixture.draft
            cable.paragraphs = (0..<4).map { k in
                Paragraph(number: k + 1, mark: PortionMark("C"), text: paragraphs[(index * 4 + k) % paragraphs.count].text)
            }
            let id = try await store.draft(cable, as: "anne")
            _ = try await store.send(id, to: recipients.map(\.id), lists: [], as: "anne")
            sent.append(id)
        }
        // What a sample of readers see, to compare at the end.
        var before: [String: String] = [:]
        for id in sent { for reader in ["r000", "r077", "r199"] { before["\(id) \(reader)"] = try await store.read(id, as: reader).text } }

        func rewrap(killAfter delay: Double?) throws -> (status: Int32, killedRunning: Bool) {
            try Self.run(pouch, ["key", "rewrap", "--batch", "25", "--store", directory, "--store-key", keyFile], killAfter: delay)
        }
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        defer { try? raw.close() }
        func versions() throws -> [Int: Int] { try MasterKeyRotationTests.versions(directory) }
        let records = try versions().values.reduce(0, +)

        // One whole rewrap, timed, to know when to strike.
        try await store.rotateMasterKey(as: "admin")
        let start = Date()
        #expect(try rewrap(killAfter: nil).status == 0)
        let full = Date().timeIntervalSince(start)
        #expect(try versions() == [2: records])

        var random = SplitMix(seed: 28)
        var (midRun, partial) = (0, 0)
        for round in 0..<30 {
            // A new version every round: kills meet records left under several older versions.
            try await store.rotateMasterKey(as: "admin")
            let outcome = try rewrap(killAfter: Double.random(in: (full * 0.15)...(full * 0.75), using: &random))
            if outcome.killedRunning { midRun += 1 }
            let counts = try versions()
            #expect(counts.values.reduce(0, +) == records && counts[-1] == nil, "round \(round): \(counts)")
            if counts.count > 1 { partial += 1 }
            // Every record opens after the kill, whatever version it is under.
            let reopened = try SQLiteStore.open(at: directory, credential: credential)
            #expect(try await reopened.verifyStore(as: "admin").intact, "round \(round)")
            #expect(try reopened.verifyAuditWithoutRecording().intact, "round \(round)")
        }
        #expect(try rewrap(killAfter: nil).status == 0)
        let current = try await raw.read { db in try Int.fetchOne(db, sql: "SELECT masterVersion FROM meta")! }
        #expect(try versions() == [current: records])
        let reopened = try SQLiteStore.open(at: directory, credential: credential)
        let status = try await reopened.keyStatus(as: "admin")
        #expect(status.master.dropLast().allSatisfy { $0.retired != nil && $0.covers == 0 })
        for (key, text) in before {
            let parts = key.split(separator: " ")
            #expect(try await reopened.read(try #require(ReferenceID(String(parts[0]))), as: String(parts[1])).text == text, "\(key)")
        }
        #expect(try await reopened.verifyStore(as: "admin").intact)
        #expect(try await reopened.verifyAudit(as: "admin").intact)
        #expect(midRun >= 20, "only \(midRun) of 30 kills met a running rewrap")
        print(
            "rewrap crash test: \(records) records, a whole rewrap took \(String(format: "%.2f", full)) s; 30 kills, \(midRun) while it ran, \(partial) left records under mixed versions; all opened, none lost"
        )
    }
}
