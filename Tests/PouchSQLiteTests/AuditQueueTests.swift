import Foundation
import PouchCore
import Synchronization
import Testing

@testable import PouchSQLite
@testable import PouchStore

/// The batches a test's commit closure saw.
final class Batches: Sendable {
    let value = Mutex<[[String]]>([])
}

@Suite("Audit group commit", .temporaryFiles)
struct AuditQueueTests {
    @Test("Concurrent entries share transactions, each caller returns after its own entry is written, none is lost")
    func groupCommit() async throws {
        let queue = AuditQueue()
        let written = Batches()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<400 {
                group.addTask {
                    let event = AuditEvent(user: "u\(index)", action: .read)
                    try await queue.append(event) { batch in
                        try await Task.sleep(for: .milliseconds(2))
                        written.value.withLock { $0.append(batch.map(\.user)) }
                    }
                    // Returned: the entry must already be in a written batch.
                    #expect(written.value.withLock { $0.contains { $0.contains("u\(index)") } })
                }
            }
            try await group.waitForAll()
        }
        let batches = written.value.withLock { $0 }
        #expect(batches.flatMap { $0 }.sorted() == (0..<400).map { "u\($0)" }.sorted())
        #expect(batches.count < 400, "entries arriving during a commit share the next one (\(batches.count) batches)")
    }

    @Test("A failed commit fails every caller in its batch, and the queue goes on")
    func failure() async throws {
        let queue = AuditQueue()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await queue.append(AuditEvent(user: "a", action: .read)) { _ in throw Boom() }
        }
        try await queue.append(AuditEvent(user: "b", action: .read)) { batch in #expect(batch.map(\.user) == ["b"]) }
    }

    @Test("Through the store: 300 concurrent reads leave 300 read entries and a chain that verifies")
    func storeReads() async throws {
        let (store, _) = try temporaryStore()
        try await store.addUsers([Fixture.drafter, Fixture.cleared], as: "admin")
        let id = try await store.draft(Fixture.draft, as: Fixture.drafter.id)
        _ = try await store.send(id, to: [Fixture.cleared.id], lists: [], as: Fixture.drafter.id)
        let before = try await store.auditLog(AuditFilter(), as: "admin").count
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<300 {
                group.addTask { _ = try await store.read(id, as: Fixture.cleared.id) }
            }
            try await group.waitForAll()
        }
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.count == before + 300 + 1)
        #expect(log.filter { $0.action == "read" && $0.user == Fixture.cleared.id }.count == 300)
        #expect(try await store.verifyAudit(as: "admin").intact)
    }
}
