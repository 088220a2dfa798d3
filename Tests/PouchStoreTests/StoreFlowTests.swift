import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// The README's flow, on every database: people, a list, a draft, a send, each reader's own copy,
/// search, the audit log and a whole-store check.
@Suite("The store's flow on every database")
struct StoreFlowTests {
    @Test(
        "a bearer token names its user until it is revoked or the user disabled; one pointed at another user is tampering",
        arguments: TestDatabase.available)
    func bearerTokens(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await store.addUsers([Fixture.drafter, Fixture.reader], as: "admin")
            let bea = try await store.issueToken(for: "bea", label: "laptop", as: "admin")
            let anne = try await store.issueToken(for: "anne", label: "laptop", as: "admin")
            #expect(try await store.bearer(bea) == Fixture.reader)
            #expect(try await store.bearer(anne)?.id == "anne")
            #expect(try await store.bearer("pouch_unknown") == nil)
            try await store.setDisabled(true, user: "anne", as: "admin")
            #expect(try await store.bearer(anne) == nil)
            #expect(try await store.revokeTokens(of: "bea", label: "laptop", as: "admin") == 1)
            #expect(try await store.bearer(bea) == nil)

            let again = try await store.issueToken(for: "bea", label: "phone", as: "admin")
            _ = try await store.database.write { db in try db.execute(sql: "UPDATE token SET reader = 'anne' WHERE label = 'phone'") }
            await #expect(throws: StoreError.tampered("an API token of anne")) { try await store.bearer(again) }
        }
    }

    @Test("a received copy is unread until its reader opens it, however often they or others read", arguments: TestDatabase.available)
    func unreadMarks(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await store.addUsers([Fixture.drafter, Fixture.reader, Fixture.officer, Fixture.low], as: "admin")
            let opened = try await store.draft(Fixture.cable("OPENED", "The minister said that the talks would resume."), as: "anne")
            let waiting = try await store.draft(Fixture.cable("WAITING", "The minister said that the talks had stalled."), as: "anne")
            for id in [opened, waiting] { _ = try await store.send(id, to: ["bea", "sam"], lists: [], as: "anne") }
            for _ in 0..<150 { _ = try await store.read(opened, as: "bea") }
            _ = try await store.read(waiting, as: "sam")
            await #expect(throws: StoreError.self) { try await store.read(waiting, as: "lou") }
            let unread = Dictionary(uniqueKeysWithValues: try await store.list(as: "bea", limit: 10).cables.map { ($0.referenceID, $0.unread) })
            #expect(unread == [opened.description: false, waiting.description: true])
            let sam = Dictionary(uniqueKeysWithValues: try await store.list(as: "sam", limit: 10).cables.map { ($0.referenceID, $0.unread) })
            #expect(sam == [opened.description: true, waiting.description: false])
            if database == .sqlite {
                // One index probe per cable, not a walk through all of the reader's entries.
                let plan = try await store.database.read { db in
                    try SQLRow.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SealedStore.openedSQL(2), arguments: ["a", "b", "bea"]).map {
                        $0["detail"] as String
                    }
                }
                #expect(plan.contains { $0.contains("audit USING COVERING INDEX audit_reads") }, "\(plan)")
                #expect(!plan.contains { $0.hasPrefix("SCAN audit") }, "\(plan)")
            }
        }
    }

    @Test("draft, send through a list, read your own copy, search, audit and verify", arguments: TestDatabase.available)
    func flow(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await store.addUsers([Fixture.drafter, Fixture.reader, Fixture.officer, Fixture.low], as: "admin")
            try await store.addToList("kabul", members: ["bea"], as: "admin")
            let id = try await store.draft(
                Fixture.cable("ZARDARI ON THE CABINET", "President Zardari told the Ambassador that the cabinet would meet on Monday."), as: "anne")
            #expect(id.description == "09ISLAMABAD1")
            let receipt = try await store.send(id, to: ["sam"], lists: ["kabul"], as: "anne")
            #expect(Set(receipt.recipients) == ["bea", "sam"])
            let copy = try await store.read(id, as: "bea")
            #expect(copy.kind == .copy && copy.text.contains("ZARDARI ON THE CABINET"))
            await #expect(throws: StoreError.noSuchCable(id.description)) { try await store.read(id, as: "lou") }
            #expect(try await store.list(as: "bea", limit: 10).cables.map(\.referenceID) == [id.description])
            #expect(try await store.list(as: "lou", limit: 10).total == 0)

            // Archived cables and search: words, a phrase, a prefix, NOT, filters; nothing above a reader's clearance.
            try await store.importCable(
                {
                    var cable = Fixture.cable(
                        "TALKS ON WATER", "The minister said that the water talks would continue in Kabul.", level: .confidential)
                    cable.referenceID = ReferenceID("08KABUL100")
                    cable.origin = "AMEMBASSY KABUL"
                    return cable
                }(), as: "admin")
            try await store.importCable(
                {
                    var cable = Fixture.cable("SECRET WATER TALKS", "The minister said that secret talks on water had begun.")
                    cable.referenceID = ReferenceID("08KABUL101")
                    cable.origin = "AMEMBASSY KABUL"
                    return cable
                }(), as: "admin")
            func found(_ text: String, as user: String) async throws -> [String] {
                try await store.search(try SearchQuery(parsing: text), as: user, options: SearchOptions(limit: 20)).hits.map(\.summary.referenceID)
                    .sorted()
            }
            #expect(try await found("water", as: "bea") == ["08KABUL100", "08KABUL101"])
            #expect(try await found("water", as: "lou") == ["08KABUL100"])
            #expect(try await found("\"talks would continue\"", as: "bea") == ["08KABUL100"])
            #expect(try await found("\"water talks\"", as: "bea") == ["08KABUL100", "08KABUL101"])
            #expect(try await found("secret talks", as: "bea") == ["08KABUL101"])
            #expect(try await found("wat*", as: "bea") == ["08KABUL100", "08KABUL101"])
            #expect(try await found("water -secret", as: "bea") == ["08KABUL100"])
            #expect(try await found("cabinet", as: "bea") == ["09ISLAMABAD1"])
            #expect(try await found("cabinet", as: "lou") == [])
            #expect(try await found("water class:confidential", as: "bea") == ["08KABUL100"])
            // By relevance (bm25, the subject weighing four times the body): both cables hold "water"
            // once in the subject and once in the body, so the shorter one ranks first, on either database.
            let ranked = try await store.search(try SearchQuery(parsing: "water"), as: "bea", options: SearchOptions(limit: 20))
            #expect(ranked.hits.map(\.summary.referenceID) == ["08KABUL100", "08KABUL101"])

            #expect(try await store.verifyAudit(as: "sam").intact)
            let report = try await store.verifyStore(as: "sam", progress: nil)
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }
}
