import Foundation
import PouchCore
import PouchTestSupport

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
}
