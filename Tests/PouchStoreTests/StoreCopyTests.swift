import Foundation
import PouchCore
import PouchPostgres
import PouchSQLite
import PouchTestSupport
import Synchronization
import Testing

@testable import PouchStore

/// `pouch store copy`: a SQLite store moved into PostgreSQL as it is, sealed and signed.
@Suite("Copying a store into PostgreSQL", .enabled(if: TestDatabase.available.contains(.postgres)))
struct StoreCopyTests {
    static let bea = Reader(id: "bea", name: "Bea", post: "KABUL", roles: [.reader, .drafter], clearance: .topSecret, grants: [.exdis])
    /// A partial-access reader: what she finds must be the same on both.
    static let carl = Reader(id: "carl", name: "Carl", post: "ISLAMABAD", clearance: .confidential)

    struct Interrupted: Error {}

    /// A SQLite store with real cables, people, a sent cable, reads and searches; the sent cable's ID.
    static func filled(_ store: SealedStore) async throws -> ReferenceID {
        try await store.addUsers([bea, carl], as: "admin")
        let cables = try RealCables.load(60)
        _ = try await store.importCables(cables, as: "admin")
        var draft = cables[0]
        draft.referenceID = nil
        draft.dateTimeGroup = draft.dateTimeGroup ?? DateTimeGroup(year: 2009, month: 11, day: 4, hour: 10, minute: 30)
        draft.origin = "AMEMBASSY KABUL"
        let id = try await store.draft(draft, as: "bea")
        _ = try await store.send(id, to: ["admin", "carl"], lists: [], as: "bea")
        _ = try await store.read(id, as: "carl")
        _ = try await store.search(try SearchQuery(parsing: "minister"), as: "carl", options: SearchOptions(limit: 5))
        return id
    }

    /// Queries whose results must not change with the move: words, a prefix, a phrase, a NOT, fields.
    static func queries(_ cables: [Cable]) -> [String] {
        let words = cables.prefix(12).compactMap { cable in
            cable.paragraphs.first?.text.split(separator: " ").first(where: { $0.count >= 7 && $0.allSatisfy(\.isLetter) }).map(String.init)
        }
        return words + ["minist*", "\"prime minister\"", "government -security", "tags:PREL", "talks OR meeting"]
    }

    static func results(_ store: SealedStore, _ queries: [String], as user: String) async throws -> [[String]] {
        var all: [[String]] = []
        for text in queries {
            let found = try await store.search(try SearchQuery(parsing: text), as: user, options: SearchOptions(limit: 50))
            all.append(["\(found.total)"] + found.hits.map(\.summary.referenceID))
        }
        return all
    }

    static func counts(_ store: SealedStore) async throws -> [String: Int] {
        try await store.reading { db in
            var counts: [String: Int] = [:]
            for table in SealedStore.copiedTables { counts[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0 }
            return counts
        }
    }

    @Test("the copy opens with the same passphrase, verifies, finds and reads what the source did, and its log goes on with a moved entry")
    func copy() async throws {
        try await TestDatabase.sqlite.withStore { handle in
            let source = handle.store
            let sent = try await Self.filled(source)
            let queries = Self.queries(try RealCables.load(60))
            let before = try await Self.results(source, queries, as: "carl")
            #expect(before.filter { $0.count > 1 }.count >= 8, "most queries find cables: \(before)")
            let copyOfCarl = try await source.read(sent, as: "carl").text
            let sourceCounts = try await Self.counts(source)
            let sourceHead = try #require(try AuditHeadFile(directory: handle.folder).read())
            let head = NSTemporaryDirectory() + "pouch-copy-head-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: head) }
            try await PostgresTestServer.withDatabase { location in
                let phases = PhaseLog()
                let report = try await PostgresStore.copy(
                    source, headFile: AuditHeadFile(directory: handle.folder), to: location, headDirectory: head,
                    credential: TestDatabase.credential, as: "admin", progress: { phase, _, _ in phases.add(phase) })
                #expect(!report.resumed)
                #expect(report.indexed == sourceCounts["cable"])
                #expect(phases.seen.contains("index") && phases.seen.contains("audit"))
                // The source's log was not touched by the copy: its head is where it was.
                #expect(try AuditHeadFile(directory: handle.folder).read() == sourceHead)

                let target = try await PostgresStore.open(at: location, headDirectory: head, credential: TestDatabase.credential)
                let verification = try await target.verifyStore(as: "admin", progress: nil)
                #expect(verification.problems.isEmpty, "\(verification.problems)")
                let audit = try await target.verifyAudit(as: "admin")
                #expect(audit.intact, "\(audit.problems)")
                let moved = try await target.auditLog(AuditFilter(limit: 10_000), as: "admin").filter { $0.action == AuditAction.move.rawValue }
                #expect(moved.count == 1)
                #expect(moved.first?.sequence == Int(report.sourceSequence) + 1, "the move continues the source's chain")
                #expect(moved.first?.detail.contains(handle.folder) == true)
                var targetCounts = try await Self.counts(target)
                // Since the copy: the move, the verification, the audit check and the audit query.
                #expect(targetCounts["audit"]! > sourceCounts["audit"]!)
                targetCounts["audit"] = sourceCounts["audit"]
                targetCounts["auditCheckpoint"] = sourceCounts["auditCheckpoint"]
                #expect(targetCounts == sourceCounts)
                #expect(try await Self.results(target, queries, as: "carl") == before)
                #expect(try await target.read(sent, as: "carl").text == copyOfCarl, "the recipient's own copy, fingerprint and all")
                await target.close()
            }
        }
    }

    @Test("an interrupted copy resumes where it stopped; a source changed meanwhile, or a database that holds a store, is refused")
    func resume() async throws {
        try await TestDatabase.sqlite.withStore { handle in
            let source = handle.store
            _ = try await Self.filled(source)
            let sourceCounts = try await Self.counts(source)
            let head = NSTemporaryDirectory() + "pouch-copy-head-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: head) }
            func copy(to location: PostgresLocation, stoppingAt stop: String? = nil) async throws -> CopyReport {
                try await PostgresStore.copy(
                    source, headFile: AuditHeadFile(directory: handle.folder), to: location, headDirectory: head,
                    credential: TestDatabase.credential, as: "admin", batch: 25,
                    progress: { phase, done, _ in if phase == stop, done > 0 { throw Interrupted() } })
            }
            try await PostgresTestServer.withDatabase { location in
                // Stopped after a batch of cables, then again after a batch of the index: each run goes on from there.
                await #expect(throws: Interrupted.self) { try await copy(to: location, stoppingAt: "cable") }
                await #expect(throws: Interrupted.self) { try await copy(to: location, stoppingAt: "index") }
                let report = try await copy(to: location)
                #expect(report.resumed)
                // The second run copied the cables the first left; this one, the index after its first batch.
                #expect(report.rows["cable"] == 0)
                #expect(report.indexed == sourceCounts["cable"]! - 25)
                let target = try await PostgresStore.open(at: location, headDirectory: head, credential: TestDatabase.credential)
                let verification = try await target.verifyStore(as: "admin", progress: nil)
                #expect(verification.problems.isEmpty, "\(verification.problems)")
                #expect(try await Self.counts(target)["cable"] == sourceCounts["cable"])
                let found = try await target.search(try SearchQuery(parsing: "minister"), as: "bea", options: SearchOptions(limit: 5))
                let expected = try await source.search(try SearchQuery(parsing: "minister"), as: "bea", options: SearchOptions(limit: 5))
                #expect(found.total == expected.total)
                await target.close()
                // Finished: a second copy into it is refused, whatever the head folder.
                try? FileManager.default.removeItem(atPath: head)
                let again = await #expect(throws: StoreError.self) { try await copy(to: location) }
                #expect(again?.description.contains("already holds a Pouch store") == true, "\(String(describing: again))")
            }
            try? FileManager.default.removeItem(atPath: head)
            try await PostgresTestServer.withDatabase { location in
                await #expect(throws: Interrupted.self) { try await copy(to: location, stoppingAt: "sealed") }
                // The source is used before the copy is taken up: what was copied no longer matches it.
                _ = try await source.search(try SearchQuery(parsing: "embassy"), as: "bea", options: SearchOptions(limit: 5))
                let changed = await #expect(throws: StoreError.self) { try await copy(to: location) }
                #expect(changed?.description.contains("changed since the copy") == true, "\(String(describing: changed))")
            }
        }
    }

    @Test("only an administrator may copy the store, and the refusal is audited")
    func administratorsOnly() async throws {
        try await TestDatabase.sqlite.withStore { handle in
            try await handle.store.addUsers([Self.bea], as: "admin")
            try await PostgresTestServer.withDatabase { location in
                let head = NSTemporaryDirectory() + "pouch-copy-head-" + UUID().uuidString
                defer { try? FileManager.default.removeItem(atPath: head) }
                let refused = await #expect(throws: StoreError.self) {
                    try await PostgresStore.copy(
                        handle.store, headFile: AuditHeadFile(directory: handle.folder), to: location, headDirectory: head,
                        credential: TestDatabase.credential, as: "bea")
                }
                #expect(refused?.description.contains("only an administrator") == true)
                let denied = try await handle.store.auditLog(AuditFilter(user: "bea"), as: "admin").filter { $0.action == AuditAction.move.rawValue }
                #expect(denied.map(\.outcome) == ["denied"])
            }
        }
    }
}

/// The phases a copy reported, in order.
final class PhaseLog: Sendable {
    private let phases = Mutex<[String]>([])
    func add(_ phase: String) { phases.withLock { if $0.last != phase { $0.append(phase) } } }
    var seen: [String] { phases.withLock { $0 } }
}
