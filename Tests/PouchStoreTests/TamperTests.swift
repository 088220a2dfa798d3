import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// Changes stored rows behind the store's back, as someone with the database (the SQLite file,
/// or a PostgreSQL login) would; the same edits on every database.
@Suite("Tampering with the stored rows")
struct TamperTests {
    /// A sent cable whose drafter and recipient are cleared for everything, so a changed marking
    /// can never hide the cable: every flip must be *reported*.
    static func sendCable(in store: SealedStore) async throws -> ReferenceID {
        let grants: Set<Caveat> = [.exdis, .nodis, .limdis, .stadis]
        try await store.addUsers(
            [
                Reader(id: "anne", name: "Anne", post: "ISLAMABAD", roles: [.drafter], clearance: .topSecret, grants: grants),
                Reader(id: "tess", name: "Tess", post: "KABUL", clearance: .topSecret, grants: grants),
            ], as: "admin")
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["tess"], lists: [], as: "anne")
        return id
    }

    /// One random byte of a value's stored form flipped, keeping its type where it can: text that
    /// is no longer UTF-8 becomes bytes (SQLite stores them; PostgreSQL refuses the change).
    static func flip(_ value: SQLValue, using random: inout SplitMix) -> SQLValue {
        switch value {
        case .blob(let data):
            guard !data.isEmpty else { return .blob(Data([1])) }
            var bytes = [UInt8](data)
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            return .blob(Data(bytes))
        case .text(let text):
            var bytes = Array(text.utf8)
            guard !bytes.isEmpty else { return .text("x") }
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            if !bytes.contains(0), let changed = String(validating: bytes, as: UTF8.self) { return .text(changed) }
            return .blob(Data(bytes))
        case .integer(let number):
            var bytes = withUnsafeBytes(of: number.bigEndian) { Array($0) }
            bytes[Int.random(in: 0..<8, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            return .integer(Int64(bigEndian: bytes.withUnsafeBytes { $0.load(as: Int64.self) }))
        case .real, .null:
            return .text("x")
        }
    }

    /// Runs `sql` in a transaction of its own, as a hand at the database would; false when the
    /// database refused it (a type, key or constraint the change would break: nothing changed).
    static func tamper(_ store: SealedStore, _ sql: String, _ arguments: SQLArguments = []) async -> Bool {
        do {
            _ = try await store.database.write { db in try db.execute(sql: sql, arguments: arguments) }
            return true
        } catch {
            return false
        }
    }

    static func value(_ store: SealedStore, _ sql: String, _ arguments: SQLArguments = []) async throws -> SQLValue {
        try await store.database.read { db in try #require(try SQLRow.fetchOne(db, sql: sql, arguments: arguments)).values[0] }
    }

    @Test(
        "1,000 random single-byte flips in stored cable and copy rows are all reported as tampering, never shown", arguments: TestDatabase.available)
    func cableFlips(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let id = try await Self.sendCable(in: store)
            let original = try await store.read(id, as: "anne").text
            let copy = try await store.read(id, as: "tess").text
            let targets: [(table: String, column: String)] =
                ["classification", "caveats", "archive", "drafter"].map { ("cable", $0) }
                + ["wrappedKey", "sealedText", "subjectKey", "sealedSubject", "signature"].map { ("sealed", $0) }
                + ["wrappedKey", "sealedText", "signature"].map { ("copy", $0) }
            var random = SplitMix(seed: 11)
            var flips = 0
            var refusedByDatabase = 0
            while flips < 1_000 {
                let target = targets[Int.random(in: 0..<targets.count, using: &random)]
                let before = try await Self.value(store, "SELECT \(target.column) FROM \(target.table)")
                let after = Self.flip(before, using: &random)
                guard await Self.tamper(store, "UPDATE \(target.table) SET \(target.column) = ?", [after]) else {
                    refusedByDatabase += 1
                    continue
                }
                flips += 1
                // Whatever changed, no read may show text, and at least one of the two reads reports tampering.
                var reported = false
                for (user, expected) in [("anne", original), ("tess", copy)] {
                    do {
                        let text = try await store.read(id, as: user).text
                        #expect(text == expected, "flip in \(target.table).\(target.column) changed what \(user) reads")
                    } catch StoreError.tampered {
                        reported = true
                    }
                }
                let listing = try await store.list(as: "anne", limit: 10)
                if listing.damaged > 0 { reported = true }
                #expect(listing.cables.allSatisfy { $0.subject == Fixture.draft.subject }, "a changed subject was shown")
                #expect(reported, "flip in \(target.table).\(target.column) went unnoticed")
                #expect(await Self.tamper(store, "UPDATE \(target.table) SET \(target.column) = ?", [before]))
            }
            #expect(try await store.read(id, as: "tess").text == copy)
            #expect(refusedByDatabase < 1_000)
        }
    }

    @Test("a raised clearance or a new grant in a user row is tampering, not access", arguments: TestDatabase.available)
    func userRow(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await store.addUsers([Fixture.drafter, Fixture.reader, Fixture.low], as: "admin")
            let id = try await store.draft(Fixture.draft, as: "anne")
            _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
            #expect(await Self.tamper(store, "UPDATE reader SET clearance = 3, citizen = 1 WHERE id = 'lou'"))
            await #expect(throws: StoreError.tampered("user lou")) { try await store.read(id, as: "lou") }
            await #expect(throws: StoreError.tampered("user lou")) { try await store.list(as: "lou", limit: 10) }
        }
    }

    @Test("1,000 random single-byte flips in the audit table are all detected, and the entry named", arguments: TestDatabase.available)
    func auditFlips(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let id = try await Self.sendCable(in: store)
            for _ in 0..<110 { _ = try await store.read(id, as: "tess") }  // past the first checkpoint
            #expect(try await store.verifyAudit(as: "admin").intact)
            let count = try #require(Int(sqlValue: try await Self.value(store, "SELECT COUNT(*) FROM audit")))
            let columns = ["sequence", "time", "\"user\"", "action", "target", "outcome", "detail", "previousHash", "hash"]
            var random = SplitMix(seed: 5)
            var flips = 0
            while flips < 1_000 {
                let sequence = Int.random(in: 1...count, using: &random)
                let column = columns[Int.random(in: 0..<columns.count, using: &random)]
                let before = try await Self.value(store, "SELECT \(column) FROM audit WHERE sequence = ?", [sequence])
                let after = Self.flip(before, using: &random)
                // A sequence number already taken, or bytes where text belongs, change nothing.
                guard await Self.tamper(store, "UPDATE audit SET \(column) = ? WHERE sequence = ?", [after, sequence]) else { continue }
                flips += 1
                let key = column == "sequence" ? after : sequence.sqlValue
                let report = try store.verifyAuditWithoutRecording()
                #expect(!report.intact, "flip in entry \(sequence) column \(column) went unnoticed")
                if column != "sequence" {
                    #expect(report.problems.contains { $0.sequence == sequence }, "entry \(sequence) not named")
                }
                #expect(await Self.tamper(store, "UPDATE audit SET \(column) = ? WHERE sequence = ?", [before, key]))
            }
            #expect(try store.verifyAuditWithoutRecording().intact)
        }
    }

    @Test("a changed, deleted, inserted or reordered entry, and a cut tail, are each named", arguments: TestDatabase.available)
    func auditEdits(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            let id = try await Self.sendCable(in: store)
            for _ in 0..<20 { _ = try await store.read(id, as: "tess") }
            func check(_ edit: String, expecting sequence: Int, _ undo: String) async throws {
                #expect(await Self.tamper(store, edit), "\(edit) was refused")
                let report = try store.verifyAuditWithoutRecording()
                #expect(report.problems.contains { $0.sequence == sequence }, "\(edit): \(report.problems.map(\.message))")
                #expect(await Self.tamper(store, undo), "\(undo) was refused")
                #expect(try store.verifyAuditWithoutRecording().intact, "after undoing \(edit)")
            }
            // Changed.
            try await check(
                "UPDATE audit SET \"user\" = 'mallory' WHERE sequence = 7", expecting: 7, "UPDATE audit SET \"user\" = 'tess' WHERE sequence = 7")
            // Deleted (kept aside and put back).
            #expect(await Self.tamper(store, "CREATE TABLE aside AS SELECT * FROM audit WHERE sequence IN (9, 10)"))
            try await check("DELETE FROM audit WHERE sequence = 9", expecting: 9, "INSERT INTO audit SELECT * FROM aside WHERE sequence = 9")
            // Reordered: entries 9 and 10 swap places.
            let swapped = ["time", "hash", "previousHash"].map { "\($0) = (SELECT \($0) FROM aside WHERE sequence = 10)" }
            let restored = ["time", "hash", "previousHash"].map { "\($0) = (SELECT \($0) FROM aside WHERE sequence = 9)" }
            try await check(
                "UPDATE audit SET \(swapped.joined(separator: ", ")) WHERE sequence = 9", expecting: 9,
                "UPDATE audit SET \(restored.joined(separator: ", ")) WHERE sequence = 9")
            // Inserted at the end without the key.
            let last = try #require(Int(sqlValue: try await Self.value(store, "SELECT MAX(sequence) FROM audit")))
            try await check(
                "INSERT INTO audit SELECT \(last + 1), time, \"user\", action, target, outcome, detail, hash, hash FROM audit WHERE sequence = \(last)",
                expecting: last + 1, "DELETE FROM audit WHERE sequence = \(last + 1)")
            // Cut from the end.
            #expect(await Self.tamper(store, "CREATE TABLE tail AS SELECT * FROM audit WHERE sequence = \(last)"))
            try await check("DELETE FROM audit WHERE sequence = \(last)", expecting: last, "INSERT INTO audit SELECT * FROM tail")
        }
    }
}
