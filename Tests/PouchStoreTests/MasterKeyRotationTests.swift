import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// Master key rotation where several processes share the store, and the database's own guard
/// against records sealed under a retired version, on every database.
@Suite("Master key rotation on every database")
struct MasterKeyRotationTests {
    /// Drafts, copies and a search (a sealed audit detail).
    static func fill(_ store: SealedStore) async throws {
        try await Fixture.addPeople(to: store)
        let first = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(first, to: ["bea", "sam"], lists: [], as: "anne")
        _ = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.search(try SearchQuery(parsing: "zardari cabinet"), as: "bea", options: SearchOptions())
    }

    @Test(
        "a server opened before the rotation reads records sealed under the new version, and a record it sealed under the old one is refused whole, then saved on the next try",
        arguments: TestDatabase.available)
    func secondProcess(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            let server = try await handle.openAgain(headFolder: handle.folder + "-server")
            defer { try? FileManager.default.removeItem(atPath: handle.folder + "-server") }
            _ = try await server.keyStatus(as: "admin")  // loads its keyring and checks the current version now
            let drafts = try await server.list(as: "anne", limit: 1_000).cables.count
            try await store.rotateMasterKey(as: "admin")
            // The server checked its version under a second ago, so it still seals under version 1:
            // the database refuses that, nothing is half-written, and the next try is sealed under 2.
            do {
                _ = try await server.draft(Fixture.draft, as: "anne")
            } catch let error as StoreError {
                #expect(String(describing: error).contains("try again"))
                #expect(try await server.list(as: "anne", limit: 1_000).cables.count == drafts)
                _ = try await server.draft(Fixture.draft, as: "anne")
            }
            #expect(try await server.list(as: "anne", limit: 1_000).cables.count == drafts + 1)
            let fresh = try await store.draft(Fixture.draft, as: "anne")
            #expect(try await server.read(fresh, as: "anne").text.contains("ZARDARI"))
            _ = try await store.rewrapMasterKey(as: "admin")
            #expect(try await Fixture.masterKeyVersions(of: store).keys.sorted() == [2])
            #expect(try await server.verifyStore(as: "admin").intact)
            await server.close()
        }
    }

    @Test("once a version is current, the database refuses a record wrapped under any other, inserted or changed", arguments: TestDatabase.available)
    func triggers(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            try await store.rotateMasterKey(as: "admin")
            @Sendable func key(_ prefix: [UInt8]) -> Data { Data(prefix + [UInt8](repeating: 7, count: 60)) }
            let vocabulary = "INSERT INTO vocabulary (batch, wrappedKey, sealed) VALUES (999, ?, ?)"
            let edits: [(String, SQLArguments)] = [
                (vocabulary, [key([]), Data([0])]),
                (vocabulary, [key([0, 1]), Data([0])]),
                ("UPDATE copy SET wrappedKey = ?", [key([])]),
                ("UPDATE sealed SET subjectKey = ?", [key([0, 3])]),
            ]
            for (sql, arguments) in edits {
                let error = await #expect(throws: (any Error).self, "\(sql)") {
                    try await store.database.write { db in try db.execute(sql: sql, arguments: arguments) }
                }
                #expect(String(describing: error).contains("no longer current"), "\(sql): \(String(describing: error))")
            }
            _ = try await store.database.write { db in try db.execute(sql: vocabulary, arguments: [key([0, 2]), Data([0])]) }
        }
    }

    @Test("a store whose master key is its passphrase's own key must be given a wrapped one first", arguments: TestDatabase.available)
    func legacyStore(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            _ = try await store.database.write { db in try db.execute(sql: "UPDATE meta SET wrappedMaster = NULL") }
            await #expect(throws: StoreError.self) { try await store.rotateMasterKey(as: "admin") }
            #expect(try await Fixture.masterKeyVersions(of: store).keys.sorted() == [1])
        }
    }

    @Test("a record changed in the database stops the rewrap by name, and moves nothing of its batch", arguments: TestDatabase.available)
    func tamperedRecord(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Self.fill(store)
            try await store.rotateMasterKey(as: "admin")
            _ = try await store.database.write { db in
                // One byte short: a length the version triggers do not police (a thief would drop them anyway).
                try db.execute(sql: "UPDATE copy SET wrappedKey = substr(wrappedKey, 1, 59) WHERE rowid = (SELECT MIN(rowid) FROM copy)")
            }
            let error = await #expect(throws: StoreError.self) { try await store.rewrapMasterKey(batch: 1_000, as: "admin") }
            #expect(String(describing: error).contains("copy"))
            // The batch with the changed copy rolled back whole: the other copy is still under version 1.
            let versions = try await Fixture.masterKeyVersions(of: store)
            #expect(versions[1] == 1 && versions[-1] == 1, "\(versions)")
        }
    }
}
