import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// Several `pouch serve` processes over one PostgreSQL database: each opens the store on its own
/// (its connections, caches and audit head file), and together they behave as one store.
@Suite("Several servers over one database", .enabled(if: TestDatabase.available.contains(.postgres)))
struct SeveralServersTests {
    static let drafter = Reader(id: "anne", name: "Anne", post: "ISLAMABAD", roles: [.drafter, .reader], clearance: .secret)
    static let reader = Reader(id: "bea", name: "Bea", post: "KABUL", clearance: .secret)

    static func draft(_ number: Int) -> Cable {
        Cable(
            referenceID: nil, dateTimeGroup: DateTimeGroup(year: 2009, month: 11, day: 4, hour: 10, minute: 30),
            origin: "AMEMBASSY ISLAMABAD", to: [Addressee(name: "SECSTATE WASHDC")], classification: .secret, tags: ["PREL"],
            subject: "TALKS \(number)",
            paragraphs: [Paragraph(number: 1, mark: PortionMark("S"), text: "The minister said that round \(number) of the talks would begin.")])
    }

    @Test("servers drafting, sending, reading and searching at once make one audit chain without forks; each finds what the other wrote at once")
    func concurrentServers() async throws {
        try await TestDatabase.postgres.withStore { handle in
            try await handle.store.addUsers([Self.drafter, Self.reader], as: "admin")
            let other = NSTemporaryDirectory() + "pouch-server-b-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: other) }
            let a = handle.store
            let b = try await handle.openAgain(headFolder: other)
            // Each server drafts and sends 6 cables while also reading and searching: every write
            // takes the store's write lock, every read goes on beside them.
            let sent = try await withThrowingTaskGroup(of: [String].self) { group in
                for (server, store) in [a, b].enumerated() {
                    group.addTask {
                        var ids: [String] = []
                        for round in 0..<6 {
                            let id = try await store.draft(Self.draft(server * 100 + round), as: "anne")
                            _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
                            _ = try await store.read(id, as: "bea")
                            _ = try await store.search(try SearchQuery(parsing: "talks"), as: "bea", options: SearchOptions(limit: 5))
                            ids.append(id.description)
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(Set(sent).count == 12, "every draft got its own serial")
            // What one server wrote, the other sees in its next query: no cache holds it back.
            for store in [a, b] {
                let listing = try await store.list(as: "bea", limit: 50)
                #expect(Set(listing.cables.map(\.referenceID)) == Set(sent))
                let found = try await store.search(try SearchQuery(parsing: "round"), as: "bea", options: SearchOptions(limit: 50))
                #expect(found.total == 12)
            }
            let imported = try await b.importCable(
                {
                    var cable = Self.draft(999)
                    cable.referenceID = ReferenceID("09KABUL77")
                    cable.origin = "AMEMBASSY KABUL"
                    return cable
                }(), as: "admin")
            #expect(imported)
            let seen = try await a.search(try SearchQuery(parsing: "09KABUL77"), as: "bea", options: SearchOptions(limit: 5))
            #expect(seen.hits.first?.summary.referenceID == "09KABUL77")
            // One chain: every entry once, in order, verified by both; the whole store checks out.
            for store in [a, b] {
                let report = try await store.verifyAudit(as: "admin")
                #expect(report.intact, "\(report.problems)")
            }
            let entries = try await a.auditLog(AuditFilter(limit: 10_000), as: "admin")
            #expect(entries.filter { $0.action == AuditAction.send.rawValue && $0.outcome == "ok" }.count == 12)
            #expect(Set(entries.map(\.sequence)).count == entries.count)
            let verification = try await b.verifyStore(as: "admin", progress: nil)
            #expect(verification.problems.isEmpty, "\(verification.problems)")
            await b.close()
        }
    }
}
