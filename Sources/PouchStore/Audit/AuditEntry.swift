import Foundation

/// Something a person did (or tried to do), for the audit log.
public struct AuditEvent: Sendable, Hashable, Codable {
    public var user: String
    public var action: AuditAction
    /// What the action was about: a reference ID, a user ID, a list name, a query.
    public var target: String
    public var outcome: AuditOutcome
    /// Free text that never holds cable content or secrets (counts, addressees, verdicts).
    public var detail: String
    /// What must be kept but may echo cable words (a search query): sealed under the master key
    /// inside the entry, readable through `pouch audit log`, not in a stolen file.
    public var confidential: String

    public init(user: String, action: AuditAction, target: String = "", outcome: AuditOutcome = .ok, detail: String = "", confidential: String = "") {
        self.user = user
        self.action = action
        self.target = target
        self.outcome = outcome
        self.detail = detail
        self.confidential = confidential
    }
}

public enum AuditAction: String, Sendable, Hashable, Codable, CaseIterable {
    case initialize = "init"
    case userAdd = "user-add"
    case listAdd = "list-add"
    case listRemove = "list-remove"
    case draft, send, read, list, search, trace, export, login, logout
    case password
    case token
    case importCable = "import"
    case auditLog = "audit-log"
    case auditVerify = "audit-verify"
    case userList = "user-list"
    case userDisable = "user-disable"
    case userUpdate = "user-update"
    case userEnable = "user-enable"
    case tokenRevoke = "token-revoke"
    /// `pouch verify`: every row of the store checked.
    case verify
    /// Tampering found during ordinary work (a row that fails its seal, signature or MAC).
    case tamper
    /// The store's format raised (new integrity bindings computed once, over what was verified).
    case upgrade
    /// A sealed backup written (`pouch backup create`, or the server's schedule).
    case backup
    /// The store put back from a backup: the first entry after the backup's head.
    case restore
    /// The master key rewrapped under a new passphrase or key file.
    case keyPassphrase = "key-passphrase"
    /// A post's FM forms registered (`pouch post add`).
    case postAdd = "post-add"
    /// A new version of a key (`pouch key rotate`).
    case keyRotate = "key-rotate"
    /// The keys' versions looked at (`pouch key status`).
    case keyStatus = "key-status"
    /// The store copied into another database (`pouch store copy`): the first entry there after the source's log.
    case move
}

public enum AuditOutcome: String, Sendable, Hashable, Codable {
    case ok
    /// Need-to-know or role refused it.
    case denied
    /// The request was wrong (unknown user, invalid cable) and nothing changed.
    case failed
}

/// One entry of the hash-chained audit log.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3 … with no gaps.
    public var sequence: Int
    /// UTC, ISO 8601 with milliseconds.
    public var time: String
    public var user: String
    public var action: String
    public var target: String
    public var outcome: String
    public var detail: String
    /// The hash of the entry before (32 zero bytes for the first).
    public var previousHash: [UInt8]
    /// SHA-256 over this entry's fields and `previousHash`.
    public var hash: [UInt8]

    public init(sequence: Int, time: String, event: AuditEvent, previousHash: [UInt8]) {
        self.sequence = sequence
        self.time = time
        user = event.user
        action = event.action.rawValue
        target = event.target
        outcome = event.outcome.rawValue
        detail = event.detail
        self.previousHash = previousHash
        hash = AuditChain.hash(
            sequence: Int64(sequence), fields: [time, user, action, target, outcome, detail].map { Array($0.utf8) },
            previous: previousHash)
    }

    public init(
        sequence: Int, time: String, user: String, action: String, target: String, outcome: String, detail: String,
        previousHash: [UInt8], hash: [UInt8]
    ) {
        self.sequence = sequence
        self.time = time
        self.user = user
        self.action = action
        self.target = target
        self.outcome = outcome
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    enum CodingKeys: String, CodingKey { case sequence, time, user, action, target, outcome, detail, hash }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(time, forKey: .time)
        try container.encode(user, forKey: .user)
        try container.encode(action, forKey: .action)
        try container.encode(target, forKey: .target)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(detail, forKey: .detail)
        try container.encode(AuditChain.hex(hash), forKey: .hash)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int.self, forKey: .sequence)
        time = try container.decode(String.self, forKey: .time)
        user = try container.decode(String.self, forKey: .user)
        action = try container.decode(String.self, forKey: .action)
        target = try container.decode(String.self, forKey: .target)
        outcome = try container.decode(String.self, forKey: .outcome)
        detail = try container.decode(String.self, forKey: .detail)
        previousHash = []
        hash = AuditChain.bytes(hex: try container.decode(String.self, forKey: .hash)) ?? []
    }
}

/// Which entries to show.
public struct AuditFilter: Sendable, Hashable {
    public var user: String?
    /// Entries at or after this time (an ISO 8601 prefix such as `2026-11-22` or `2026-11-22T10:00`).
    public var since: String?
    /// Entries at or before this time (an ISO 8601 prefix: `2026-11-22` takes in the whole day).
    public var until: String?
    /// Entries before this sequence number (the next page of a newest-first listing).
    public var before: Int?
    /// The most recent entries only.
    public var limit: Int?

    public init(user: String? = nil, since: String? = nil, until: String? = nil, before: Int? = nil, limit: Int? = nil) {
        self.user = user
        self.since = since
        self.until = until
        self.before = before
        self.limit = limit
    }
}
