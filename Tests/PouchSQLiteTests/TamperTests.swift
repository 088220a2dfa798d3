import Foundation
import GRDB
import PouchCore
import PouchSQLite
import PouchTestSupport
import Testing

@testable import PouchStore

/// Changes stored rows behind the store's back, as someone with the database file would.
@Suite("Tampering with the stored rows", .temporaryFiles)
struct TamperTests {
    /// A store with one sent cable whose drafter and recipient are cleared for everything,
    /// so a changed marking can never hide the cable: every flip must be *reported*.
    static func sentCable() async throws -> (SealedStore, String, ReferenceID) {
        let (store, directory) = try temporaryStore()
        let grants: Set<Caveat> = [.exdis, .nodis, .limdis, .stadis]
        try await store.addUsers(
            [
                Reader(id: "anne", name: "Anne", post: "ISLAMABAD", roles: [.drafter], clearance: .topSecret, grants: grants),
                Reader(id: "tess", name: "Tess", post: "KABUL", clearance: .topSecret, grants: grants),
            ], as: "admin")
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["tess"], lists: [], as: "anne")
        return (store, directory, id)
    }

    /// Flips one random byte of a value's stored form.
    static func flip(_ value: DatabaseValue, using random: inout SplitMix) -> DatabaseValue {
        switch value.storage {
        case .blob(let data):
            var bytes = [UInt8](data)
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            return Data(bytes).databaseValue
        case .string(let text):
            var bytes = Array(text.utf8)
            guard !bytes.isEmpty else { return "x".databaseValue }
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            // Still text when the flip leaves valid UTF-8, raw bytes otherwise.
            if let changed = String(validatingCString: bytes.map { CChar(bitPattern: $0) } + [0]), changed.utf8.count == bytes.count {
                return changed.databaseValue
            }
            return Data(bytes).databaseValue
        case .int64(let number):
            var bytes = withUnsafeBytes(of: number.bigEndian) { Array($0) }
            bytes[Int.random(in: 0..<8, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            return Int64(bigEndian: bytes.withUnsafeBytes { $0.load(as: Int64.self) }).databaseValue
        default:
            return "x".databaseValue
        }
    }

    @Test("1,000 random single-byte flips in stored cable and copy rows are all reported as tampering, never shown")
    func cableFlips() async throws {
        let (store, directory, id) = try await Self.sentCable()
        let original = try await store.read(id, as: "anne").text
        let copy = try await store.read(id, as: "tess").text
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        let targets: [(table: String, column: String)] =
            ["classification", "caveats", "archive", "drafter"].map { ("cable", $0) }
            + ["wrappedKey", "sealedText", "subjectKey", "sealedSubject", "signature"].map { ("sealed", $0) }
            + ["wrappedKey", "sealedText", "signature"].map { ("copy", $0) }
        var random = SplitMix(seed: 11)
        var flips = 0
        var refusedByDatabase = 0
        while flips < 1_000 {
            let target = targets[Int.random(in: 0..<targets.count, using: &random)]
            let before = try await raw.read { try DatabaseValue.fetchOne($0, sql: "SELECT \(target.column) FROM \(target.table)")! }
            let after = Self.flip(before, using: &random)
            do {
                try await raw.write { try $0.execute(sql: "UPDATE \(target.table) SET \(target.column) = ?", arguments: [after]) }
            } catch {
                refusedByDatabase += 1  // a foreign key the change would break: nothing was changed
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
            try await raw.write { try $0.execute(sql: "UPDATE \(target.table) SET \(target.column) = ?", arguments: [before]) }
        }
        #expect(try await store.read(id, as: "tess").text == copy)
        #expect(refusedByDatabase < 1_000)
    }

    @Test("a raised clearance or a new grant in a user row is tampering, not access")
    func userRow() async throws {
        let (store, directory) = try await Fixture.populated()
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        try await raw.write { try $0.execute(sql: "UPDATE reader SET clearance = 3, citizen = 1 WHERE id = 'lou'") }
        await #expect(throws: StoreError.tampered("user lou")) { try await store.read(id, as: "lou") }
        await #expect(throws: StoreError.tampered("user lou")) { try await store.list(as: "lou", limit: 10) }
    }

    @Test("1,000 random single-byte flips in the audit table are all detected, and the entry named")
    func auditFlips() async throws {
        let (store, directory, id) = try await Self.sentCable()
        for _ in 0..<110 { _ = try await store.read(id, as: "tess") }  // past the first checkpoint
        #expect(try await store.verifyAudit(as: "admin").intact)
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        let count = try await raw.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit")! }
        let columns = ["sequence", "time", "user", "action", "target", "outcome", "detail", "previousHash", "hash"]
        var random = SplitMix(seed: 5)
        var flips = 0
        while flips < 1_000 {
            let sequence = Int.random(in: 1...count, using: &random)
            let column = columns[Int.random(in: 0..<columns.count, using: &random)]
            let before = try await raw.read {
                try DatabaseValue.fetchOne($0, sql: "SELECT \(column) FROM audit WHERE sequence = ?", arguments: [sequence])!
            }
            let after = Self.flip(before, using: &random)
            do {
                try await raw.write { try $0.execute(sql: "UPDATE audit SET \(column) = ? WHERE sequence = ?", arguments: [after, sequence]) }
            } catch {
                continue  // the new sequence number is taken: no change was made
            }
            flips += 1
            let key = column == "sequence" ? after : sequence.databaseValue
            let report = try store.verifyAuditWithoutRecording()
            #expect(!report.intact, "flip in entry \(sequence) column \(column) went unnoticed")
            if column != "sequence" {
                #expect(report.problems.contains { $0.sequence == sequence }, "entry \(sequence) not named")
            }
            try await raw.write { try $0.execute(sql: "UPDATE audit SET \(column) = ? WHERE sequence = ?", arguments: [before, key]) }
        }
        #expect(try store.verifyAuditWithoutRecording().intact)
    }

    @Test("a changed, deleted, inserted or reordered entry, and a cut tail, are each named")
    func auditEdits() async throws {
        let (store, directory, id) = try await Self.sentCable()
        for _ in 0..<20 { _ = try await store.read(id, as: "tess") }
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        func check(_ edit: String, expecting sequence: Int, _ undo: String) async throws {
            try await raw.write { try $0.execute(sql: edit) }
            let report = try store.verifyAuditWithoutRecording()
            #expect(report.problems.contains { $0.sequence == sequence }, "\(edit): \(report.problems.map(\.message))")
            try await raw.write { try $0.execute(sql: undo) }
            #expect(try store.verifyAuditWithoutRecording().intact, "after undoing \(edit)")
        }
        // Changed.
        try await check("UPDATE audit SET user = 'mallory' WHERE sequence = 7", expecting: 7, "UPDATE audit SET user = 'tess' WHERE sequence = 7")
        // Deleted (kept aside and put back).
        try await raw.write { try $0.execute(sql: "CREATE TABLE aside AS SELECT * FROM audit WHERE sequence IN (9, 10)") }
        try await check("DELETE FROM audit WHERE sequence = 9", expecting: 9, "INSERT INTO audit SELECT * FROM aside WHERE sequence = 9")
        // Reordered: entries 9 and 10 swap places.
        try await check(
            "UPDATE audit SET time = (SELECT time FROM aside WHERE sequence = 10), hash = (SELECT hash FROM aside WHERE sequence = 10), previousHash = (SELECT previousHash FROM aside WHERE sequence = 10) WHERE sequence = 9",
            expecting: 9,
            "UPDATE audit SET time = (SELECT time FROM aside WHERE sequence = 9), hash = (SELECT hash FROM aside WHERE sequence = 9), previousHash = (SELECT previousHash FROM aside WHERE sequence = 9) WHERE sequence = 9"
        )
        // Inserted at the end without the key.
        let last = try await raw.read { try Int.fetchOne($0, sql: "SELECT MAX(sequence) FROM audit")! }
        try await check(
            "INSERT INTO audit SELECT \(last + 1), time, user, action, target, outcome, detail, hash, hash FROM audit WHERE sequence = \(last)",
            expecting: last + 1, "DELETE FROM audit WHERE sequence = \(last + 1)")
        // Cut from the end.
        try await raw.write { try $0.execute(sql: "CREATE TABLE tail AS SELECT * FROM audit WHERE sequence = \(last)") }
        try await check("DELETE FROM audit WHERE sequence = \(last)", expecting: last, "INSERT INTO audit SELECT * FROM tail")
    }
}
