import Foundation
import PouchCore
import PouchFingerprint
import PouchTestSupport
import Testing

@testable import PouchStore

/// What someone who can write the database (but has not the key) can do to envelopes, copies,
/// lists and people, and how each change is caught: in ordinary work, in the audit log, and by
/// `verifyStore` (`pouch verify`); on every database. (The audit head outside the database, and
/// the upgrade of old SQLite stores, are in PouchSQLiteTests.)
@Suite("Tamper-evidence on every database")
struct IntegrityTests {
    /// anne's cable sent to bea and sam; lou is cleared only for CONFIDENTIAL.
    static func sendCable(_ store: SealedStore) async throws -> ReferenceID {
        try await Fixture.addPeople(to: store)
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["bea", "sam"], lists: [], as: "anne")
        return id
    }

    /// Runs `edit` behind the store's back in one transaction, with the foreign keys not enforced
    /// until it ends (SQLite) or at all (PostgreSQL, as a superuser may): what the sqlite3 shell or
    /// psql in the hands of someone with the database would allow.
    static func tamper(_ handle: TestStore, _ edit: @escaping @Sendable (any SQLConnection) throws -> Void) async throws {
        let database = handle.database
        try await handle.store.database.write { db in
            switch database {
            case .sqlite: try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            case .postgres: try db.execute(sql: "SET LOCAL session_replication_role = replica")
            }
            try edit(db)
        }
    }

    @Test(
        "a changed TAGS, date, year, state, serial, post key, caption bits or docid is reported, never shown, and named by verify",
        arguments: TestDatabase.available)
    func envelopeColumns(on database: TestDatabase) async throws {
        let edits = [
            "tags = ',PTER,'", "date = '1999-01-01'", "year = 1999", "state = 'draft'", "serial = 999", "postKey = 'KABUL'",
            "restricted = 0", "docid = docid + 1000",
        ]
        for edit in edits {
            try await database.withStore { handle in
                let id = try await Self.sendCable(handle.store)
                try await Self.tamper(handle) { db in
                    try db.execute(sql: "UPDATE cable SET \(edit) WHERE id = ?", arguments: [id.description])
                    if edit.hasPrefix("docid") { try db.execute(sql: "UPDATE sealed SET docid = docid + 1000") }
                }
                let store = try await handle.openAgain()
                let listing = try await store.list(as: "anne", limit: 10)
                #expect(listing.cables.isEmpty, "\(edit): the changed envelope was shown")
                #expect(listing.damaged == 1, "\(edit): not reported")
                let found = try await store.search(try SearchQuery(parsing: "Zardari"), as: "bea", options: SearchOptions())
                #expect(found.hits.isEmpty && found.damaged >= 1, "\(edit): search")
                await #expect(throws: StoreError.tampered("the envelope of cable \(id)")) { try await store.read(id, as: "bea") }
                let log = try await store.auditLog(AuditFilter(), as: "admin")
                #expect(log.contains { $0.action == "tamper" && $0.target.contains(id.description) }, "\(edit): not audited")
                let report = try await store.verifyStore(as: "admin")
                #expect(report.problems.contains { $0.table == "cable" && $0.key == id.description }, "\(edit): \(report.problems)")
                await store.close()
            }
        }
    }

    @Test(
        "a reader's deleted copy is reported to them, in their list, in the audit log, by verify, and they stay traceable",
        arguments: TestDatabase.available)
    func deletedCopy(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let id = try await Self.sendCable(handle.store)
            let copy = try await handle.store.read(id, as: "bea").text
            try await Self.tamper(handle) { db in try db.execute(sql: "DELETE FROM copy WHERE reader = 'bea'") }
            let store = try await handle.openAgain()
            await #expect(throws: StoreError.tampered("the copy of cable \(id) for bea (deleted)")) { try await store.read(id, as: "bea") }
            let listing = try await store.list(as: "bea", limit: 10)
            #expect(listing.damaged == 1)
            let report = try await store.verifyStore(as: "admin")
            #expect(report.problems.contains { $0.table == "copy" && $0.key == "\(id)/bea" }, "\(report.problems)")
            #expect(report.problems.contains { $0.table == "holding" && $0.key == "bea" })
            let traced = try await store.trace(leaks: [copy], as: "sam")
            #expect(traced.verdict?.candidates.contains { $0.recipient == "bea" } == true)
            await store.close()
        }
    }

    @Test("a name slipped into a distribution list gets no copy: the send is refused as tampering", arguments: TestDatabase.available)
    func listMember(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            _ = try await Self.sendCable(store)
            try await store.addToList("kabul", members: ["bea"], as: "admin")
            try await Self.tamper(handle) { db in try db.execute(sql: "INSERT INTO listMember (list, reader) VALUES ('kabul', 'sam')") }
            let second = try await store.draft(Fixture.draft, as: "anne")
            await #expect(throws: StoreError.tampered("distribution list kabul")) {
                try await store.send(second, to: [], lists: ["kabul"], as: "anne")
            }
            #expect(try await store.verifyStore(as: "admin").problems.contains { $0.table == "list" && $0.key == "kabul" })
        }
    }

    @Test("one changed user row leaves every other person listed, is named to the administrator and audited", arguments: TestDatabase.available)
    func damagedUser(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            _ = try await Self.sendCable(store)
            try await Self.tamper(handle) { db in try db.execute(sql: "UPDATE reader SET clearance = 4 WHERE id = 'lou'") }
            let listing = try await store.users(as: "admin")
            #expect(listing.damaged == ["lou"])
            #expect(Set(listing.users.map(\.id)) == ["admin", "anne", "bea", "sam"])
            let log = try await store.auditLog(AuditFilter(), as: "admin")
            #expect(log.contains { $0.action == "tamper" && $0.target == "user lou" })
            await #expect(throws: StoreError.notPermitted("only an administrator may list users")) { try await store.users(as: "bea") }
        }
    }

    @Test(
        "a list, search, send or read refused because the actor's own row was changed is audited, with what was found",
        arguments: TestDatabase.available)
    func refusalsAudited(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let id = try await Self.sendCable(store)
            try await Self.tamper(handle) { db in try db.execute(sql: "UPDATE reader SET clearance = 4 WHERE id IN ('lou', 'anne')") }
            await #expect(throws: StoreError.tampered("user lou")) { try await store.list(as: "lou", limit: 10) }
            await #expect(throws: StoreError.tampered("user lou")) {
                try await store.search(try SearchQuery(parsing: "Zardari"), as: "lou", options: SearchOptions())
            }
            await #expect(throws: StoreError.tampered("user lou")) { try await store.read(id, as: "lou") }
            await #expect(throws: StoreError.tampered("user anne")) { try await store.send(id, to: ["bea"], lists: [], as: "anne") }
            let log = try await store.auditLog(AuditFilter(), as: "admin")
            for action in ["list", "search", "read"] {
                #expect(
                    log.contains { $0.user == "lou" && $0.action == "tamper" && $0.target == "user lou" && $0.detail == "found during \(action)" },
                    "\(action)")
                #expect(log.contains { $0.user == "lou" && $0.action == action && $0.outcome == "denied" }, "\(action)")
            }
            #expect(log.contains { $0.user == "anne" && $0.action == "send" && $0.outcome == "denied" && $0.detail.contains("user anne") })
        }
    }

    @Test("a SECRET cable lowered to UNCLASSIFIED is never shown, counted or named to a reader below SECRET", arguments: TestDatabase.available)
    func loweredMarking(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            _ = try await Self.sendCable(store)
            var archived = Fixture.draft
            archived.referenceID = ReferenceID(year: 2009, post: "ISLAMABAD", serial: 777)
            _ = try await store.importCable(archived, as: "admin")
            try await Self.tamper(handle) { db in
                try db.execute(sql: "UPDATE cable SET classification = 1, caveats = ',', restricted = 0 WHERE id = '09ISLAMABAD777'")
            }
            let reopened = try await handle.openAgain()
            for fresh in [store, reopened] {
                let listing = try await fresh.list(as: "lou", limit: 50)
                #expect(!listing.cables.contains { $0.referenceID == "09ISLAMABAD777" })
                #expect(listing.total == 0)
                let results = try await fresh.search(try SearchQuery(parsing: "Zardari"), as: "lou", options: SearchOptions())
                #expect(results.total == 0 && results.hits.isEmpty)
                #expect(results.facets.values.flatMap { $0 }.isEmpty)
                do {
                    _ = try await fresh.read(ReferenceID("09ISLAMABAD777")!, as: "lou")
                    Issue.record("read a lowered cable")
                } catch {
                    #expect(error as? StoreError == .noSuchCable("09ISLAMABAD777"))
                }
            }
            await reopened.close()
        }
    }

    @Test("two sends of one draft at once: one sends, the other says it was already sent", arguments: TestDatabase.available)
    func parallelSends(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            _ = try await Self.sendCable(store)
            let id = try await store.draft(Fixture.draft, as: "anne")
            let outcomes = await withTaskGroup(of: Result<SendReceipt, any Error>.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        do { return .success(try await store.send(id, to: ["bea", "sam"], lists: [], as: "anne")) } catch { return .failure(error) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let sent = outcomes.compactMap { try? $0.get() }.filter { !$0.recipients.isEmpty }
            #expect(sent.count == 1)
            for case .failure(let error) in outcomes {
                guard case StoreError.alreadySent(let cable, _) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(cable == id.description)
            }
            #expect(try await store.verifyStore(as: "admin").intact)
        }
    }

    @Test("verify passes a busy store, and names by table and key a flip in any bound column of any table", arguments: TestDatabase.available)
    func verifyFlips(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let id = try await Self.sendCable(store)
            try await store.addToList("kabul", members: ["bea", "lou"], as: "admin")
            try await store.setPassword("a long enough password", for: "bea", as: "admin")
            _ = try await store.issueToken(for: "bea", label: "laptop", as: "bea")
            var archived = Fixture.draft
            archived.referenceID = ReferenceID(year: 2009, post: "ISLAMABAD", serial: 778)
            _ = try await store.importCable(archived, as: "admin")
            let clean = try await store.verifyStore(as: "admin")
            #expect(clean.intact, "\(clean.problems) \(clean.audit.problems)")
            #expect(clean.checked["cable"] == 2 && clean.checked["copy"] == 2 && clean.checked["receipt"] == 1)
            let cable = "'\(id)'"
            let docid = "(SELECT docid FROM cable WHERE id = '\(id)')"
            let targets: [(table: String, column: String, row: String, key: String)] = [
                ("reader", "name", "id = 'bea'", "bea"), ("reader", "disabled", "id = 'bea'", "bea"), ("reader", "generation", "id = 'bea'", "bea"),
                ("credential", "hash", "reader = 'bea'", "bea"), ("token", "expires", "reader = 'bea'", "bea/laptop"),
                ("cable", "tags", "id = \(cable)", id.description), ("cable", "classification", "id = \(cable)", id.description),
                ("sealed", "sealedText", "docid = \(docid)", id.description), ("sealed", "sealedSubject", "docid = \(docid)", id.description),
                ("copy", "sealedText", "cable = \(cable) AND reader = 'bea'", "\(id)/bea"),
                ("receipt", "recipients", "cable = \(cable)", id.description),
                ("holding", "copies", "reader = 'bea'", "bea"), ("marking", "scheme", "cable = \(cable)", id.description),
            ]
            for target in targets {
                let value = try await store.database.read { db in
                    try #require(try SQLRow.fetchOne(db, sql: "SELECT \(target.column) FROM \(target.table) WHERE \(target.row)")).values[0]
                }
                let changed: SQLValue =
                    switch value {
                    case .integer(let number): .integer(number + 1)
                    case .text(let text): .text(text + "x")
                    case .blob(let data): .blob(Data(data.reversed()))
                    default: .text("x")
                    }
                let update = "UPDATE \(target.table) SET \(target.column) = ? WHERE \(target.row)"
                try await Self.tamper(handle) { db in try db.execute(sql: update, arguments: [changed]) }
                let report = try await store.verifyStore(as: "admin")
                let table = target.table == "sealed" ? "cable" : target.table
                #expect(
                    report.problems.contains { $0.table == table && $0.key == target.key } || !report.audit.intact,
                    "\(target.table).\(target.column): \(report.problems)")
                #expect(!report.intact, "\(target.table).\(target.column) went unnoticed")
                try await Self.tamper(handle) { db in try db.execute(sql: update, arguments: [value]) }
            }
            #expect(try await store.verifyStore(as: "admin").intact)
            // A whole cable row deleted (with its sealed row): the audit log says it was there.
            try await Self.tamper(handle) { db in
                try db.execute(sql: "DELETE FROM sealed WHERE docid = (SELECT docid FROM cable WHERE id = '09ISLAMABAD778')")
                try db.execute(sql: "DELETE FROM cable WHERE id = '09ISLAMABAD778'")
            }
            let report = try await store.verifyStore(as: "admin")
            #expect(report.problems.contains { $0.table == "cable" && $0.key == "09ISLAMABAD778" && $0.message.contains("deleted") })
            await #expect(throws: StoreError.notPermitted("only an administrator or a security officer may verify the store")) {
                try await store.verifyStore(as: "bea")
            }
        }
    }
}
