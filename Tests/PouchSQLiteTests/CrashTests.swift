import Foundation
import GRDB
import PouchCore
import PouchSQLite
import PouchStore
import PouchTestSupport
import Testing

/// Kills `pouch cable send` (SIGKILL) at random moments while it sends to 1,000 recipients, and
/// checks after each kill that the send happened entirely or not at all, that the audit chain
/// verifies, and that nothing sent before was lost.
@Suite("Crash safety")
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

    @Test("SIGKILL during send to 1,000 recipients, 50 times: all or nothing, audit intact, nothing lost")
    func killDuringSend() async throws {
        let pouch = try Self.pouchExecutable()
        let directory = NSTemporaryDirectory() + "pouch-crash-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: directory + ".key")
        }
        let keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let keyFile = directory + ".key"
        try FingerprintKey.fileContents(of: keyBytes).write(toFile: keyFile, atomically: true, encoding: .utf8)
        let credential = StoreCredential.key(try MasterKey(bytes: keyBytes))
        let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
        let store = try SQLiteStore.create(at: directory, credential: credential, administrator: admin)
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
            let process = Process()
            process.executableURL = pouch
            process.arguments = ["cable", "send", id.description, "--to-list", "all", "--as", "anne", "--store", directory, "--store-key", keyFile]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if let delay {
                Thread.sleep(forTimeInterval: delay)
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            return process.terminationStatus
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
                try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit WHERE action = 'send' AND target = ? AND outcome = 'ok'", arguments: [id.description])!
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
        print("crash test: a whole send took \(String(format: "%.2f", full)) s; after 50 kills \(outcomes.all) sends were whole, \(outcomes.none) had not happened, none partial")
    }
}
