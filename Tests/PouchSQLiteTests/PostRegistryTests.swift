import Foundation
import GRDB
import PouchCore
import PouchSQLite
import Testing

@testable import PouchStore

@Suite("The post registry", .temporaryFiles)
struct PostRegistryTests {
    static let washington = Reader(id: "wash", name: "Wes", post: "WASHINGTON", roles: [.drafter, .reader], clearance: .secret)
    static let kabul = Reader(id: "kab", name: "Kai", post: "KABUL", roles: [.drafter, .reader], clearance: .secret)

    static func draft(from origin: String) -> Cable {
        var cable = Fixture.draft
        cable.origin = origin
        cable.caveats = []
        cable.paragraphs = cable.paragraphs.map {
            var paragraph = $0
            paragraph.mark = PortionMark("C")
            return paragraph
        }
        return cable
    }

    @Test(
        "a post's own FM form ('EMBASSY WASHINGTON') is refused until registered, then drafted and numbered under the post's name by its people only")
    func register() async throws {
        let (store, directory) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await store.addUsers([Self.washington, Self.kabul], as: "admin")
        await #expect(throws: StoreError.self) { try await store.draft(Self.draft(from: "EMBASSY WASHINGTON"), as: "wash") }

        await #expect(throws: StoreError.self) { try await store.addPost("WASHINGTON", fmLines: ["EMBASSY WASHINGTON"], as: "wash") }
        try await store.addPost("washington", fmLines: ["Embassy  Washington", "PAKISTAN EMBASSY WASHINGTON DC"], as: "admin")
        #expect(try await store.posts() == ["WASHINGTON": ["EMBASSY WASHINGTON", "PAKISTAN EMBASSY WASHINGTON DC"]])
        let first = try await store.draft(Self.draft(from: "EMBASSY WASHINGTON"), as: "wash")
        let second = try await store.draft(Self.draft(from: "PAKISTAN EMBASSY WASHINGTON DC"), as: "wash")
        #expect(first.description == "09WASHINGTON1" && second.description == "09WASHINGTON2")
        // Someone posted elsewhere still may not draft for it; a form cannot move to another post.
        await #expect(throws: StoreError.self) { try await store.draft(Self.draft(from: "EMBASSY WASHINGTON"), as: "kab") }
        await #expect(throws: StoreError.duplicate("the FM line EMBASSY WASHINGTON (registered for WASHINGTON)")) {
            try await store.addPost("KABUL", fmLines: ["EMBASSY WASHINGTON"], as: "admin")
        }
        // The US forms work as before.
        #expect(try await store.draft(Self.draft(from: "AMEMBASSY KABUL"), as: "kab").description == "09KABUL1")
        let filtered = try await store.search(try SearchQuery(parsing: "post:WASHINGTON"), as: "wash", options: SearchOptions())
        #expect(filtered.total == 2)
        let log = try await store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "post-add" }
        #expect(log.map(\.outcome) == ["denied", "ok"])
        #expect(try await store.verifyStore(as: "admin").intact)
    }

    @Test("a post name or FM line that is not one is refused with what is wrong, and nothing is registered")
    func badInput() async throws {
        let (store, directory) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        await #expect(throws: StoreError.invalid("'WASH!NGTON' is not a post name (letters, digits, spaces and hyphens, e.g. WASHINGTON)")) {
            try await store.addPost("WASH!NGTON", fmLines: ["EMBASSY WASHINGTON"], as: "admin")
        }
        await #expect(throws: StoreError.invalid("give the post's FM line as it is written, e.g. --fm \"EMBASSY WASHINGTON\"")) {
            try await store.addPost("WASHINGTON", fmLines: ["   "], as: "admin")
        }
        await #expect(throws: StoreError.self) { try await store.addPost("WASHINGTON", fmLines: [], as: "admin") }
        #expect(try await store.posts().isEmpty)
    }

    @Test("a registry row moved to another post in the file is tampering: the draft is refused and verify names it")
    func tampered() async throws {
        let (store, directory) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await store.addUsers([Self.washington, Self.kabul], as: "admin")
        try await store.addPost("WASHINGTON", fmLines: ["EMBASSY WASHINGTON"], as: "admin")
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        try await raw.write { db in try db.execute(sql: "UPDATE postName SET post = 'KABUL'") }
        try raw.close()
        await #expect(throws: StoreError.tampered("the post registry entry for EMBASSY WASHINGTON")) {
            try await store.draft(Self.draft(from: "EMBASSY WASHINGTON"), as: "kab")
        }
        let report = try await store.verifyStore(as: "admin")
        #expect(report.problems.map(\.table) == ["postName"])
        #expect(try await store.posts().isEmpty)
    }
}
