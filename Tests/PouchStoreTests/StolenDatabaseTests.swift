import Foundation
import PouchCore
import PouchPostgres
import PouchTestSupport
import Testing

@testable import PouchStore

/// A thief with a copy of the database, without the passphrase or key file: `pg_dump` of a
/// PostgreSQL store shows no word of any cable, copy or search, as `sqlite3 .dump` of an SQLite
/// store does not (`SearchStoreTests`).
@Suite("A stolen PostgreSQL database", .enabled(if: TestDatabase.available.contains(.postgres)))
struct StolenDatabaseTests {
    @Test("pg_dump of a store with real cables, sent copies and searches holds none of their words")
    func dump() async throws {
        let cables = try RealCables.load(40)
        try #require(cables.count == 40)
        // What any store's dump holds: a store with one made-up cable, drafted, sent and searched.
        let control = try await TestDatabase.postgres.withStore { handle in
            try await handle.store.addUsers(
                [Reader(id: "bea", name: "Bea", post: "KABUL", roles: [.reader, .drafter], clearance: .topSecret)], as: "admin")
            let made = Cable(
                referenceID: nil, dateTimeGroup: DateTimeGroup(year: 2009, month: 1, day: 2, hour: 3, minute: 4), origin: "AMEMBASSY KABUL",
                to: [Addressee(name: "SECSTATE WASHDC")], classification: .secret, tags: ["PREL"], subject: "QXZ",
                paragraphs: [Paragraph(number: 1, mark: PortionMark("S"), text: "Qxz vwq.")])
            let id = try await handle.store.draft(made, as: "bea")
            _ = try await handle.store.send(id, to: ["admin"], lists: [], as: "bea")
            _ = try await handle.store.search(try SearchQuery(parsing: "qxz"), as: "bea", options: SearchOptions(limit: 5))
            return try StolenFileCheck.postgresDumpWords(try #require(handle.location).description)
        }
        try await TestDatabase.postgres.withStore { handle in
            let store = handle.store
            let reader = Reader(id: "bea", name: "Bea", post: "KABUL", roles: [.reader, .drafter], clearance: .topSecret, grants: [.exdis, .nodis])
            try await store.addUsers([reader], as: "admin")
            let outcome = try await store.importCables(cables, as: "admin")
            #expect(outcome.imported.count == cables.count)
            // A draft sent as a copy, and searches for words of the cables: the queries are audited, sealed.
            var draft = cables[0]
            draft.referenceID = nil
            draft.origin = "AMEMBASSY KABUL"
            let id = try await store.draft(draft, as: "bea")
            _ = try await store.send(id, to: ["admin"], lists: [], as: "bea")
            for cable in cables.prefix(5) {
                let word = cable.subject.split(separator: " ").first(where: { $0.count >= 6 }).map(String.init) ?? "minister"
                _ = try await store.search(try SearchQuery(parsing: word), as: "bea", options: SearchOptions(limit: 5))
            }
            // The test server lets its user in without a password, so the URL shown is the URL to use.
            let url = try #require(handle.location).description
            let (checked, found) = try StolenFileCheck.run(postgres: url, control: control, location: handle.folder, cables: cables)
            #expect(checked > 1_000, "the cables' distinct words the check looked for")
            #expect(found.isEmpty, "words of the cables in pg_dump's output: \(found.prefix(20))")
            // The dump was read: the envelope, plain by design, is in it.
            let plain = try StolenFileCheck.postgresDumpWords(url)
            #expect(plain.contains("kabul") && plain.contains("bea"))
        }
    }
}
