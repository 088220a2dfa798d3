import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// Kills the `pouch` command (SIGKILL) at random moments while it sends to 1,000 recipients or
/// rewraps the store's keys, and checks after each kill that nothing is half done, the audit chain
/// verifies and nothing written before was lost; on every database.
@Suite("Crash safety")
struct CrashTests {
    /// `count` drafts of four real paragraphs each, from anne.
    static func drafts(_ count: Int, in store: SealedStore) async throws -> [ReferenceID] {
        let paragraphs = try Fixture.realParagraphs(count * 4)
        var drafts: [ReferenceID] = []
        for index in 0..<count {
            var cable = Fixture.draft
            cable.paragraphs = (0..<4).map { k in
                Paragraph(number: k + 1, mark: PortionMark("C"), text: paragraphs[(index * 4 + k) % paragraphs.count].text)
            }
            drafts.append(try await store.draft(cable, as: "anne"))
        }
        return drafts
    }

    static func count(_ store: SealedStore, _ sql: String, _ arguments: SQLArguments = []) async throws -> Int {
        try await store.database.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    @Test("SIGKILL during send to 1,000 recipients, 50 times: all or nothing, audit intact, nothing lost", arguments: TestDatabase.available)
    func killDuringSend(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let recipients = (0..<1_000).map { Reader(id: String(format: "r%04d", $0), name: "Recipient \($0)", post: "KABUL", clearance: .secret) }
            try await store.addUsers(recipients + [Fixture.drafter], as: "admin")
            try await store.addToList("all", members: recipients.map(\.id), as: "admin")
            let drafts = try await Self.drafts(51, in: store)
            let command = handle.command

            func send(_ id: ReferenceID, killAfter delay: Double?) throws -> Int32 {
                try PouchProcess.run(
                    ["cable", "send", id.description, "--to-list", "all", "--as", "anne"] + command.arguments, environment: command.environment,
                    killAfter: delay
                ).status
            }
            func copies(_ id: ReferenceID) async throws -> Int {
                try await Self.count(store, "SELECT COUNT(*) FROM copy WHERE cable = ?", [id.description])
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
                let reopened = try await handle.openAgain()
                let count = try await copies(id)
                #expect(count == 0 || count == 1_000, "send of \(id) left \(count) copies")
                let state = try await store.database.read { db in
                    try String.fetchOne(db, sql: "SELECT state FROM cable WHERE id = ?", arguments: [id.description])
                }
                let logged = try await Self.count(
                    store, "SELECT COUNT(*) FROM audit WHERE action = 'send' AND target = ? AND outcome = 'ok'", [id.description])
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
                await reopened.close()
                for earlier in complete { #expect(try await copies(earlier) == 1_000, "\(earlier) lost copies") }
            }
            print(
                "crash test (\(database)): a whole send took \(String(format: "%.2f", full)) s; after 50 kills \(outcomes.all) sends were whole, \(outcomes.none) had not happened, none partial"
            )
        }
    }

    @Test(
        "SIGKILL during a master key rewrap, 30 times at random moments, then run again: every record opens, none is lost, the audit verifies",
        arguments: TestDatabase.available)
    func killDuringRewrap(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let recipients = (0..<200).map { Reader(id: String(format: "r%03d", $0), name: "Recipient \($0)", post: "KABUL", clearance: .secret) }
            try await store.addUsers(recipients + [Fixture.drafter], as: "admin")
            let sent = try await Self.drafts(20, in: store)
            for id in sent { _ = try await store.send(id, to: recipients.map(\.id), lists: [], as: "anne") }
            // What a sample of readers see, to compare at the end.
            var before: [String: String] = [:]
            for id in sent { for reader in ["r000", "r077", "r199"] { before["\(id) \(reader)"] = try await store.read(id, as: reader).text } }

            let command = handle.command
            func rewrap(killAfter delay: Double?) throws -> (status: Int32, killedRunning: Bool) {
                try PouchProcess.run(["key", "rewrap", "--batch", "25"] + command.arguments, environment: command.environment, killAfter: delay)
            }
            let records = try await Fixture.masterKeyVersions(of: store).values.reduce(0, +)

            // One whole rewrap, timed, to know when to strike.
            try await store.rotateMasterKey(as: "admin")
            let start = Date()
            #expect(try rewrap(killAfter: nil).status == 0)
            let full = Date().timeIntervalSince(start)
            #expect(try await Fixture.masterKeyVersions(of: store) == [2: records])

            var random = SplitMix(seed: 28)
            var (midRun, partial) = (0, 0)
            for round in 0..<30 {
                // A new version every round: kills meet records left under several older versions.
                try await store.rotateMasterKey(as: "admin")
                let outcome = try rewrap(killAfter: Double.random(in: (full * 0.15)...(full * 0.75), using: &random))
                if outcome.killedRunning { midRun += 1 }
                let counts = try await Fixture.masterKeyVersions(of: store)
                #expect(counts.values.reduce(0, +) == records && counts[-1] == nil, "round \(round): \(counts)")
                if counts.count > 1 { partial += 1 }
                // Every record opens after the kill, whatever version it is under.
                let reopened = try await handle.openAgain()
                #expect(try await reopened.verifyStore(as: "admin").intact, "round \(round)")
                #expect(try reopened.verifyAuditWithoutRecording().intact, "round \(round)")
                await reopened.close()
            }
            #expect(try rewrap(killAfter: nil).status == 0)
            let current = try await Self.count(store, "SELECT masterVersion FROM meta")
            #expect(try await Fixture.masterKeyVersions(of: store) == [current: records])
            let reopened = try await handle.openAgain()
            let status = try await reopened.keyStatus(as: "admin")
            #expect(status.master.dropLast().allSatisfy { $0.retired != nil && $0.covers == 0 })
            for (key, text) in before {
                let parts = key.split(separator: " ")
                #expect(try await reopened.read(try #require(ReferenceID(String(parts[0]))), as: String(parts[1])).text == text, "\(key)")
            }
            #expect(try await reopened.verifyStore(as: "admin").intact)
            #expect(try await reopened.verifyAudit(as: "admin").intact)
            await reopened.close()
            #expect(midRun >= 20, "only \(midRun) of 30 kills met a running rewrap")
            print(
                "rewrap crash test (\(database)): \(records) records, a whole rewrap took \(String(format: "%.2f", full)) s; 30 kills, \(midRun) while it ran, \(partial) left records under mixed versions; all opened, none lost"
            )
        }
    }
}
