import Foundation
import PouchCore
import PouchStore

/// Fills an empty store with a small, working world: posts, users of every role and clearance
/// with known passwords, a distribution list, an archive, a draft and sent copies.
public enum DemoStore {
    /// A demo sign-in: who, with what password, and what they show.
    public struct Login: Sendable {
        public var user: String
        public var password: String
        public var role: String
    }

    /// The people of the demo world (besides the administrator, created with the store).
    public static let people: [(Reader, String)] = [
        (
            Reader(id: "anne", name: "Anne Palmer", post: "ISLAMABAD", roles: [.drafter, .reader], clearance: .secret),
            "drafter at Islamabad, SECRET, NOFORN"
        ),
        (Reader(id: "bea", name: "Bea Jones", post: "KABUL", clearance: .secret), "reader at Kabul, SECRET, NOFORN"),
        (Reader(id: "dev", name: "Dev Mehta", post: "NEWDELHI", clearance: .secret), "reader at New Delhi, SECRET, NOFORN"),
        (
            Reader(id: "carl", name: "Carl Benson", post: "KABUL", clearance: .confidential, citizen: false),
            "reader at Kabul, CONFIDENTIAL, foreign national (no NOFORN)"
        ),
        (Reader(id: "dora", name: "Dora Kim", post: "STATE", clearance: .topSecret, grants: [.exdis]), "reader at State, TOP SECRET, NOFORN, EXDIS"),
        (
            Reader(id: "sam", name: "Sam Reed", post: "STATE", roles: [.securityOfficer, .reader], clearance: .topSecret, grants: [.exdis]),
            "security officer, TOP SECRET, NOFORN, EXDIS"
        ),
    ]

    /// Every demo login: the password is the user ID followed by `-pouch-demo`.
    public static func logins(administrator: String) -> [Login] {
        [Login(user: administrator, password: password(for: administrator), role: "administrator")]
            + people.map { Login(user: $0.0.id, password: password(for: $0.0.id), role: $0.1) }
    }

    public static func password(for user: String) -> String { "\(user)-pouch-demo" }

    /// Populates a freshly created store whose administrator is `administrator`.
    public static func populate(_ store: any CableStore, administrator: String, now: Date = Date()) async throws {
        try await store.setPassword(password(for: administrator), for: administrator, as: administrator)
        try await store.addUsers(people.map(\.0), as: administrator)
        for (person, _) in people {
            try await store.setPassword(password(for: person.id), for: person.id, as: administrator)
        }
        try await store.addToList("south-asia", members: ["bea", "dev", "dora"], as: administrator)

        let archive = try DemoCables.archive.enumerated().map { index, text in
            try DraftParser().parse(text: text, fileName: "demo archive \(index + 1)").cable
        }
        _ = try await store.importCables(archive, as: administrator)

        let defaults = DraftParser.Defaults(dateTimeGroup: DateTimeGroup(now))
        let talks = try DraftParser().parse(text: DemoCables.borderTalks, fileName: "demo border talks", defaults: defaults).cable
        let sent = try await store.draft(talks, as: "anne")
        _ = try await store.send(sent, to: ["sam"], lists: ["south-asia"], as: "anne")
        let water = try DraftParser().parse(text: DemoCables.waterTreaty, fileName: "demo water treaty", defaults: defaults).cable
        _ = try await store.draft(water, as: "anne")
    }
}
