import Foundation
import PouchCore
import PouchFingerprint
import PouchTestSupport
import Testing

@testable import PouchStore

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

    @Test(
        "after a tracing-key rotation, a copy sent before still names its reader, new cables use the new key, and a cable sent before keeps its version when sent again",
        arguments: TestDatabase.available)
    func tracing(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Fixture.addPeople(to: store)
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
            let oldKeyCopy = CableFingerprint(cable: material.cables[1].cable, key: material.keys[1]!, scheme: material.cables[1].scheme).copy(
                for: "r3")
            #expect(CableRenderer().render(oldKeyCopy) != newLeak)

            let status = try await store.keyStatus(as: "admin")
            #expect(status.tracing.map(\.covers) == [1, 1])
            #expect(status.keyring)
            let log = try await store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "key-rotate" }
            #expect(log.map(\.outcome) == ["denied", "ok"])
            #expect(try await store.verifyStore(as: "admin").intact)

            // Reopened, the store still knows both versions.
            let reopened = try await handle.openAgain()
            let again = try await reopened.trace(leaks: [oldLeak], as: "sam")
            #expect(again.verdict?.accused.map(\.recipient) == ["r7"])
            await reopened.close()
        }
    }

    @Test("a cable's recorded key version changed in the file is tampering, named by verify", arguments: TestDatabase.available)
    func tamperedVersion(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Fixture.addPeople(to: store)
            let id = try await store.draft(Fixture.draft, as: "anne")
            try await store.rotateTracingKey(as: "admin")
            _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
            _ = try await store.database.write { db in try db.execute(sql: "UPDATE marking SET keyVersion = 1") }
            let report = try await store.verifyStore(as: "admin")
            #expect(report.problems.map(\.table) == ["marking"])
        }
    }
}

@Suite("Post key rotation")
struct PostKeyRotationTests {
    static func signatureVersions(_ store: SealedStore) async throws -> [String: [Int]] {
        try await store.database.read { db in
            var versions: [String: [Int]] = [:]
            for row in try SQLRow.fetchAll(
                db, sql: "SELECT cable.id, sealed.signature FROM cable JOIN sealed ON sealed.docid = cable.docid ORDER BY cable.id")
            {
                versions[row["id"] as String, default: []].append(PostPublicKeys.split((row["signature"] as SQLValue).blobBytes ?? [])?.version ?? -1)
            }
            for row in try SQLRow.fetchAll(db, sql: "SELECT cable, reader, signature FROM copy ORDER BY cable, reader") {
                versions["\(row["cable"] as String) \(row["reader"] as String)", default: []].append(
                    PostPublicKeys.split((row["signature"] as SQLValue).blobBytes ?? [])?.version ?? -1)
            }
            return versions
        }
    }

    @Test(
        "after a post key rotation, what was signed before still verifies against its version, new signatures name the new one, and the history is signed by each version before and by the store",
        arguments: TestDatabase.available)
    func rotate(on database: TestDatabase) async throws {
        try await database.withStore { handle in
            let store = handle.store
            try await Fixture.addPeople(to: store)
            let old = try await store.draft(Fixture.draft, as: "anne")
            _ = try await store.send(old, to: ["bea"], lists: [], as: "anne")
            let oldCopy = try await store.read(old, as: "bea").text

            await #expect(throws: StoreError.self) { try await store.rotatePostKey("ISLAMABAD", as: "bea") }
            await #expect(throws: StoreError.self) { try await store.rotatePostKey("NOWHERE", as: "sam") }
            let rotated = try await store.rotatePostKey("ISLAMABAD", as: "sam")
            #expect(rotated.post == "AMEMBASSY ISLAMABAD" && rotated.version == 2)
            #expect(try await store.read(old, as: "bea").text == oldCopy)
            // The cable signed before goes to one more person: the new copy is signed by version 2, the text keeps version 1's.
            _ = try await store.send(old, to: ["sam"], lists: [], as: "anne")
            let new = try await store.draft(Fixture.draft, as: "anne")
            _ = try await store.send(new, to: ["bea"], lists: [], as: "anne")
            #expect(try await store.rotatePostKey("AMEMBASSY ISLAMABAD", as: "admin").version == 3)
            let versions = try await Self.signatureVersions(store)
            #expect(versions[old.description] == [1] && versions["\(old) bea"] == [1] && versions["\(old) sam"] == [2])
            #expect(versions[new.description] == [2] && versions["\(new) bea"] == [2])
            for (id, reader) in [(old, "bea"), (old, "sam"), (new, "bea"), (new, "anne")] {
                #expect(try await store.read(id, as: reader).text.contains("Zardari"), "\(id) \(reader)")
            }
            #expect(try await store.search(try SearchQuery(parsing: "zardari"), as: "bea", options: SearchOptions()).hits.count == 2)
            #expect(try await store.verifyStore(as: "admin").intact)
            let status = try await store.keyStatus(as: "admin")
            #expect(status.postVersions.map(\.version) == [1, 2, 3])
            let log = try await store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "key-rotate" }
            #expect(log.map(\.outcome) == ["denied", "ok", "ok"])

            // A history entry changed in the file is named by verify.
            let endorsement = try await store.database.read { db in
                try #require(try SQLRow.fetchOne(db, sql: "SELECT endorsement FROM postKeyVersion WHERE version = 3")?["endorsement"] as SQLValue?)
            }
            let shifted = Data((endorsement.blobBytes ?? []).dropFirst() + [0])
            _ = try await store.database.write { db in
                try db.execute(sql: "UPDATE postKeyVersion SET endorsement = ? WHERE version = 3", arguments: [shifted])
            }
            let report = try await store.verifyStore(as: "admin")
            #expect(report.problems.map(\.table) == ["postKeyVersion"])
            #expect(report.problems.first?.message.contains("version 3 is not signed by version 2") == true)
        }
    }
}
