import Foundation
import GRDB
import PouchCore
import PouchFingerprint
import PouchTestSupport
import Testing

@testable import PouchSQLite
@testable import PouchStore

@Suite("Fingerprint schemes in the store", .temporaryFiles)
struct SchemeStoreTests {
    @Test("a cable keeps the scheme of its first send; copies sent under scheme 1 still trace; a changed scheme is tampering")
    func schemes() async throws {
        let (store, directory) = try await Fixture.populated()
        let recipients = (0..<20).map { Reader(id: "r\($0)", name: "R", post: "KABUL", clearance: .secret) }
        try await store.addUsers(recipients, as: "admin")
        var long = Fixture.draft
        long.paragraphs = try Fixture.realParagraphs(40).enumerated().map {
            Paragraph(number: $0.offset + 1, mark: PortionMark("C"), text: $0.element.text)
        }
        let id = try await store.draft(long, as: "anne")
        _ = try await store.send(id, to: (0..<10).map { "r\($0)" }, lists: [], as: "anne")
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        let recorded = try await raw.read { try Int.fetchOne($0, sql: "SELECT scheme FROM marking WHERE cable = ?", arguments: [id.description]) }
        #expect(recorded == FingerprintScheme.current.rawValue)

        // A cable sent before schemes were recorded has no row: later copies are marked, and
        // traced, with scheme 1, like its first copies were.
        try await raw.write { try $0.execute(sql: "DELETE FROM marking") }
        _ = try await store.send(id, to: (10..<20).map { "r\($0)" }, lists: [], as: "anne")
        let original = try CableParser().parse(text: try await store.read(id, as: "anne").text).cable
        let schemeOne = CableFingerprint(cable: original, key: try store.tracingKey, profile: store.profile, scheme: .v1)
        let copy = try await store.read(id, as: "r15").text
        #expect(copy == CableRenderer().render(schemeOne.copy(for: "r15")))
        #expect(copy != CableRenderer().render(CableFingerprint(cable: original, key: try store.tracingKey, profile: store.profile).copy(for: "r15")))
        var random = SplitMix(seed: 5)
        let result = try await store.trace(leaks: [Attack.retype(copy, using: &random)], as: "sam")
        #expect(result.verdict?.accused.map(\.recipient) == ["r15"])

        // Rewriting the recorded scheme is reported, never silently used: the cable is left out of
        // the trace and named to the officer, and every other cable still traces.
        try await raw.write { try $0.execute(sql: "UPDATE marking SET scheme = 2") }
        let damaged = try await store.trace(leaks: [copy], as: "sam")
        #expect(damaged.verdict == nil)
        #expect(damaged.damaged == ["the fingerprint scheme of cable \(id.description)"])
    }
}
