import Foundation
import PouchCore
import PouchTestSupport

@testable import PouchStore

/// The people and cables the store tests share.
enum Fixture {
    static let drafter = Reader(id: "anne", name: "Anne Patterson", post: "ISLAMABAD", roles: [.drafter, .reader], clearance: .secret)
    static let reader = Reader(id: "bea", name: "Bea Jones", post: "KABUL", clearance: .secret)
    static let officer = Reader(id: "sam", name: "Sam Reed", post: "STATE", roles: [.securityOfficer], clearance: .topSecret, grants: [.exdis])
    static let low = Reader(id: "lou", name: "Lou", post: "KABUL", clearance: .confidential)

    /// A one-paragraph NOFORN draft from Islamabad.
    static func cable(_ subject: String, _ text: String, level: Classification = .secret) -> Cable {
        Cable(
            referenceID: nil, dateTimeGroup: DateTimeGroup(year: 2009, month: 11, day: 4, hour: 10, minute: 30),
            origin: "AMEMBASSY ISLAMABAD", to: [Addressee(name: "SECSTATE WASHDC")], classification: level, caveats: [.noforn],
            tags: ["PREL", "PK"], subject: subject,
            paragraphs: [Paragraph(number: 1, mark: PortionMark(level.portionAbbreviation) ?? PortionMark("U"), text: text)])
    }

    /// A draft whose copies carry fingerprint slots.
    static let draft = SampleDraft.cable

    /// Paragraphs of at least 30 words from real corpus cables.
    static func realParagraphs(_ count: Int) throws -> [Paragraph] {
        Array(try RealCables.load(400).flatMap(\.paragraphs).filter { $0.text.split(separator: " ").count >= 30 }.prefix(count))
    }

    /// A store's people for most tests: anne drafts, bea reads, sam is the security officer, lou is cleared low.
    static func addPeople(to store: SealedStore) async throws {
        try await store.addUsers([drafter, reader, officer, low], as: "admin")
    }

    /// How many sealed records are wrapped under each master key version (-1: unreadable).
    static func masterKeyVersions(of store: SealedStore) async throws -> [Int: Int] {
        try await store.database.read { db in
            var counts: [Int: Int] = [:]
            for sql in [
                "SELECT wrappedKey FROM sealed", "SELECT subjectKey FROM sealed", "SELECT wrappedKey FROM copy", "SELECT wrappedKey FROM vocabulary",
                "SELECT wrappedKey FROM secret", "SELECT wrappedKey FROM postKey",
            ] {
                for row in try SQLRow.fetchAll(db, sql: sql) {
                    counts[(row[0] as SQLValue).blobBytes.flatMap(Seal.version(of:)) ?? -1, default: 0] += 1
                }
            }
            return counts
        }
    }
}
