/// What a role lets a person do in Pouch.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case drafter
    case reader
    case securityOfficer = "security-officer"
    case administrator
}

/// A person who may read cables: their clearance, the caveats they hold, and their post.
public struct Reader: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var post: String
    public var roles: Set<Role>
    /// The highest level the person is cleared for.
    public var clearance: Classification
    /// Whether the person is a citizen (NOFORN material needs it).
    public var citizen: Bool
    /// Explicit grants for restricted distribution captions (EXDIS, NODIS, LIMDIS, STADIS).
    public var grants: Set<Caveat>
    /// A disabled account reads nothing and acts in no role until an administrator enables it.
    public var disabled: Bool

    public init(
        id: String, name: String, post: String, roles: Set<Role> = [.reader], clearance: Classification,
        citizen: Bool = true, grants: Set<Caveat> = [], disabled: Bool = false
    ) {
        self.id = id
        self.name = name
        self.post = post
        self.roles = roles
        self.clearance = clearance
        self.citizen = citizen
        self.grants = grants
        self.disabled = disabled
    }

    /// Whether the person may act in `role` now: they hold it and their account is not disabled.
    public func acts(as role: Role) -> Bool {
        !disabled && roles.contains(role)
    }

    enum CodingKeys: String, CodingKey { case id, name, post, roles, clearance, citizen, grants, disabled }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            post: try container.decode(String.self, forKey: .post), roles: try container.decode(Set<Role>.self, forKey: .roles),
            clearance: try container.decode(Classification.self, forKey: .clearance), citizen: try container.decode(Bool.self, forKey: .citizen),
            grants: try container.decode(Set<Caveat>.self, forKey: .grants),
            disabled: try container.decodeIfPresent(Bool.self, forKey: .disabled) ?? false)
    }

    /// Whether the person holds a caption: NOFORN through citizenship, the distribution captions
    /// through explicit grants; routing hints (SIPDIS) and handling captions (SBU, FOUO) need nothing.
    public func holds(_ caveat: Caveat) -> Bool {
        switch caveat {
        case .noforn: citizen
        case .exdis, .nodis, .limdis, .stadis: grants.contains(caveat)
        default: true
        }
    }
}
