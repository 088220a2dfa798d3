import Foundation
import GRDB
import PouchCore
import PouchSQLite
import PouchStore
import PouchTestSupport
import Testing

@Suite("Key rotation")
struct KeyRotationTests {
    /// A 40-paragraph real-text cable from Islamabad; parts 0 and 1 share no paragraph.
    static func longDraft(part: Int) throws -> Cable {
        var long = Fixture.draft
        long.paragraphs = try Fixture.realParagraphs(80)[(part * 40)..<(part * 40 + 40)].enumerated().map {
            Paragraph(number: $0.offset + 1, mark: PortionMark("C"), text: $0.element.text)
        }
        return long
    }

    @Test("after a tracing-key rotation, a copy sent before still names its reader, new cables use the new key, and a cable sent before keeps its version when sent again")
    func tracing() async throws {
        let (store, directory) = try await Fixture.populated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recipients = (0..<30).map { Reader(id: "r\($0)", name: "R", post: "KABUL", clearance: .secret) }
        try await store.addUsers(recipients, as: "admin")
        let old = try await store.draft(try Self.longDraft(part: 0), as: "anne")
        _ = try await store.send(old, to: recipients.prefix(20).map(\.id), lists: [], as: "anne")
        let oldLeak = try await store.read(old, as: "r7").text

        await #expect(throws: StoreError.self) { try await store.rotateTracingKey(as: "bea") }
        #expect(try await store.rotateTracingKey(as: "sam") == 2)

        // The cable sent before goes to ten more people with the version its first copies had.
        _ = try await store.send(old, to: recipients.suffix(10).map(\.id), lists: [], as: "anne")
        let lateLeak = try await store.read(old, as: "r25").text
        let new = try await store.draft(try Self.longDraft(part: 1), as: "anne")
        _ = try await store.send(new, to: recipients.map(\.id), lists: [], as: "anne")
        let newLeak = try await store.read(new, as: "r3").text

        var random = SplitMix(seed: 11)
        for (leak, cable, reader) in [(oldLeak, old, "r7"), (lateLeak, old, "r25"), (newLeak, new, "r3")] {
            let result = try await store.trace(leaks: [Attack.retype(leak, using: &random)], as: "sam")
            #expect(result.cables == [cable], "\(reader)")
            #expect(result.verdict?.accused.map(\.recipient) == [reader], "\(reader)")
        }
        // The two cables' copies were marked with different keys: the same text and recipient give different copies.
        let material = try await store.tracingMaterial(as: "sam")
        #expect(material.keys.count == 2)
        #expect(Dictionary(uniqueKeysWithValues: material.cables.map { ($0.cable.referenceID!, $0.keyVersion) }) == [old: 1, new: 2])
        let oldKeyCopy = CableFingerprint(cable: material.cables[1].cable, key: material.keys[1]!, scheme: material.cables[1].scheme).copy(for: "r3")
        #expect(CableRenderer().render(oldKeyCopy) != newLeak)

        let status = try await store.keyStatus(as: "admin")
        #expect(status.tracing.map(\.covers) == [1, 1])
        #expect(status.keyring)
        let log = try await store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "key-rotate" }
        #expect(log.map(\.outcome) == ["denied", "ok"])
        #expect(try await store.verifyStore(as: "admin").intact)

        // Reopened, the store still knows both versions.
        let reopened = try SQLiteStore.open(at: directory, credential: BackupTests.credential)
        let again = try await reopened.trace(leaks: [oldLeak], as: "sam")
        #expect(again.verdict?.accused.map(\.recipient) == ["r7"])
    }

    @Test("a cable's recorded key version changed in the file is tampering, named by verify")
    func tamperedVersion() async throws {
        let (store, directory) = try await Fixture.populated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let id = try await store.draft(Fixture.draft, as: "anne")
        try await store.rotateTracingKey(as: "admin")
        _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        try await raw.write { db in try db.execute(sql: "UPDATE marking SET keyVersion = 1") }
        try raw.close()
        let report = try await store.verifyStore(as: "admin")
        #expect(report.problems.map(\.table) == ["marking"])
    }
}
