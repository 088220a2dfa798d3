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

    public init(id: String, name: String, post: String, roles: Set<Role> = [.reader], clearance: Classification,
                citizen: Bool = true, grants: Set<Caveat> = []) {
        self.id = id
        self.name = name
        self.post = post
        self.roles = roles
        self.clearance = clearance
        self.citizen = citizen
        self.grants = grants
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
