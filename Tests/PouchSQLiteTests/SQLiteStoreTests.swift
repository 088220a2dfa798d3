import Foundation
import PouchCore
import PouchSQLite
import PouchStore
import PouchTestSupport
import Testing

/// A new store in a temporary directory (real SQLite, fast KDF cost).
func temporaryStore() throws -> (SQLiteStore, String) {
    let directory = NSTemporaryDirectory() + "pouch-test-" + UUID().uuidString
    return (try SQLiteStore.create(at: directory, passphrase: "correct horse battery", cost: .testing), directory)
}

@Suite("The SQLite store")
struct SQLiteStoreTests {
    static let cable: Cable = {
        var cable = Cable(
            referenceID: ReferenceID("09ISLAMABAD2295"), dateTimeGroup: DateTimeGroup(year: 2009, month: 11, day: 4, hour: 10, minute: 30),
            precedence: .immediate, origin: "AMEMBASSY ISLAMABAD", to: [Addressee(name: "SECSTATE WASHDC")], classification: .secret,
            caveats: [.noforn], telegramNumber: TelegramNumber(post: "ISLAMABAD", serial: 2295), tags: ["PREL", "PK"],
            subject: "ZARDARI ON THE CABINET", authority: ClassificationAuthority(classifiedBy: "Ambassador Anne W. Patterson", reasons: ["b", "d"]),
            paragraphs: [Paragraph(number: 1, mark: PortionMark("S/NF"), text: "President Zardari told the Ambassador that the army agreed.")])
        cable.executiveOrder = ExecutiveOrderLine(order: "13526", declassification: .on(CalendarDay(year: 2019, month: 11, day: 4)))
        return cable
    }()
    static let cleared = Reader(id: "anne", name: "Anne", post: "ISLAMABAD", clearance: .secret)
    static let foreign = Reader(id: "fred", name: "Fred", post: "ISLAMABAD", clearance: .topSecret, citizen: false)
    static let low = Reader(id: "lou", name: "Lou", post: "KABUL", clearance: .confidential)

    @Test("create, reopen with the passphrase; a wrong one is refused")
    func passphrase() throws {
        let (_, directory) = try temporaryStore()
        _ = try SQLiteStore.open(at: directory, passphrase: "correct horse battery")
        #expect(throws: StoreError.wrongPassphrase) { try SQLiteStore.open(at: directory, passphrase: "wrong") }
        #expect(throws: StoreError.alreadyExists(directory)) { try SQLiteStore.create(at: directory, passphrase: "x", cost: .testing) }
        #expect(throws: StoreError.notAStore("/nonexistent/pouch")) { try SQLiteStore.open(at: "/nonexistent/pouch", passphrase: "x") }
    }

    @Test("readers round-trip; duplicates are refused")
    func readers() async throws {
        let (store, _) = try temporaryStore()
        try await store.addReader(Self.cleared)
        #expect(try await store.reader(id: "anne") == Self.cleared)
        await #expect(throws: StoreError.duplicate("user anne")) { try await store.addReader(Self.cleared) }
    }

    @Test("a stored cable reads back identically for whoever may read it; others get 'no such cable'")
    func needToKnow() async throws {
        let (store, _) = try temporaryStore()
        for reader in [Self.cleared, Self.foreign, Self.low] { try await store.addReader(reader) }
        try await store.put(Self.cable, distribution: .archive)
        let id = Self.cable.referenceID!
        #expect(try await store.cable(id, as: "anne") == Self.cable)
        #expect(try await store.list(as: "anne") == [id])
        // Not cleared, not a citizen, unknown reader, unknown cable: all the same error.
        for reader in ["fred", "lou", "nobody"] {
            await #expect(throws: StoreError.noSuchCable("09ISLAMABAD2295")) { try await store.cable(id, as: reader) }
            #expect(try await store.list(as: reader).isEmpty)
        }
        await #expect(throws: StoreError.noSuchCable("09ISLAMABAD9999")) { try await store.cable(ReferenceID("09ISLAMABAD9999")!, as: "anne") }
    }

    @Test("a sent cable follows its distribution; an unknown addressee rolls the whole put back")
    func distribution() async throws {
        let (store, _) = try temporaryStore()
        try await store.addReader(Self.cleared)
        var other = Self.cleared
        other.id = "bea"
        try await store.addReader(other)
        try await store.put(Self.cable, distribution: .addressees(["bea"]))
        await #expect(throws: StoreError.noSuchCable("09ISLAMABAD2295")) { try await store.cable(Self.cable.referenceID!, as: "anne") }
        #expect(try await store.cable(Self.cable.referenceID!, as: "bea") == Self.cable)
        var second = Self.cable
        second.referenceID = ReferenceID("09ISLAMABAD2296")
        await #expect(throws: StoreError.noSuchReader("ghost")) { try await store.put(second, distribution: .addressees(["bea", "ghost"])) }
        #expect(try await store.list(as: "bea") == [Self.cable.referenceID!])
    }

    @Test("no word of the cable's text is in the database file")
    func noPlaintext() async throws {
        let (store, directory) = try temporaryStore()
        try await store.put(Self.cable, distribution: .archive)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: SQLiteStore.databasePath(in: directory)))
            + ((try? Data(contentsOf: URL(fileURLWithPath: SQLiteStore.databasePath(in: directory) + "-wal"))) ?? Data())
        for word in ["Zardari", "ZARDARI", "CABINET", "army", "Patterson"] {
            #expect(bytes.range(of: Data(word.utf8)) == nil, "\(word)")
        }
    }
}

import GRDB

@Suite("Tampering with the stored rows")
struct TamperTests {
    @Test("300 random single-byte flips in a stored cable's sealed columns are all reported, never shown")
    func flips() async throws {
        let (store, directory) = try temporaryStore()
        try await store.addReader(SQLiteStoreTests.cleared)
        try await store.put(SQLiteStoreTests.cable, distribution: .archive)
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        let columns = ["wrappedKey", "sealedText", "signature"]
        let original: [String: Data] = try await raw.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT wrappedKey, sealedText, signature FROM cable")!
            return Dictionary(uniqueKeysWithValues: columns.map { ($0, row[$0] as Data) })
        }
        var random = SplitMix(seed: 1)
        for _ in 0..<300 {
            let column = columns[Int.random(in: 0..<3, using: &random)]
            var bytes = [UInt8](original[column]!)
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            let changed = Data(bytes)
            try await raw.write { db in try db.execute(sql: "UPDATE cable SET \(column) = ?", arguments: [changed]) }
            await #expect(throws: SealError.self) { try await store.cable(SQLiteStoreTests.cable.referenceID!, as: "anne") }
            let restore = original[column]!
            try await raw.write { db in try db.execute(sql: "UPDATE cable SET \(column) = ?", arguments: [restore]) }
        }
        #expect(try await store.cable(SQLiteStoreTests.cable.referenceID!, as: "anne") == SQLiteStoreTests.cable)
    }
}
