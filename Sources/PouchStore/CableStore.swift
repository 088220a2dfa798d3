import PouchCore

/// Where Pouch keeps people, cables, copies and the audit log. Implementations: SQLite (GRDB)
/// now, PostgreSQL later; callers see only this protocol.
///
/// Every method that shows cable content applies `AccessPolicy` and writes an audit entry in
/// the same transaction as its effect. A cable a person may not read and a cable that does not
/// exist give the same error (`StoreError.noSuchCable`), and the same audit outcome (`denied`).
public protocol CableStore: Sendable {
    // MARK: People

    /// Adds users, all or nothing. `actor` must be an administrator.
    func addUsers(_ users: [Reader], as actor: String) async throws
    func user(id: String) async throws -> Reader?
    /// Everyone, for an administrator; a user row that fails its MAC is left out, named in
    /// `damaged` and audited, never allowed to hide the others.
    func users(as actor: String) async throws -> UserListing
    /// The people a drafter may address (drafters, security officers and administrators): every
    /// active account, so the send form can show names, posts and clearances and warn who may not
    /// read a cable before it is sent, and a trace report can name whom it accuses. Rows that fail their MAC are left out and audited, as in `users(as:)`.
    func addressBook(as actor: String) async throws -> UserListing
    /// Disables or enables an account (administrators): a disabled person's sessions and tokens stop
    /// working at once, sign-in is refused, and they act in no role.
    func setDisabled(_ disabled: Bool, user userID: String, as actor: String) async throws
    /// Changes a person's name, post, clearance, caveats or roles (administrators): it takes effect
    /// on their next request (a lowered clearance hides at once what it no longer covers), their
    /// sessions and tokens stay, and the audit entry records each field before and after. An
    /// administrator cannot take their own administrator role away. Returns the person as before.
    @discardableResult
    func updateUser(_ updated: Reader, as actor: String) async throws -> Reader
    /// The person with their account generation: raised by every password change, disabling and
    /// enabling. A web session remembers the generation it began under and ends when it changes.
    func account(id: String) async throws -> Account?
    /// Adds members to a distribution list, creating it if needed. `actor` must be an administrator.
    func addToList(_ name: String, members: [String], as actor: String) async throws
    /// Takes members off a distribution list (administrators); the list stays, even if empty.
    /// Copies already sent through the list are not affected.
    func removeFromList(_ name: String, members: [String], as actor: String) async throws
    /// Every distribution list and its members (drafters, who send through them, and
    /// administrators); anyone else is refused, and the refusal audited.
    func lists(as actor: String) async throws -> [String: [String]]

    // MARK: Signing in

    /// Sets a person's sign-in password (an administrator, or the person themself).
    func setPassword(_ password: String, for userID: String, as actor: String) async throws
    /// Checks a password and records a `login` audit entry, allowed or denied. An unknown user,
    /// a user without a password and a wrong password all throw `StoreError.signInFailed`, after
    /// the same work.
    func signIn(_ userID: String, password: String, client: String) async throws -> Reader
    /// Issues a bearer token for the JSON API (an administrator, or the person themself). The
    /// token is returned once; the store keeps only a keyed hash of it.
    func issueToken(for userID: String, label: String, as actor: String) async throws -> String
    /// Issues a token that expires after `lifetime` seconds.
    func issueToken(for userID: String, label: String, lifetime: Double, as actor: String) async throws -> String
    /// The person a bearer token belongs to, or nil for an unknown, expired or revoked token or a disabled account.
    func bearer(_ token: String) async throws -> Reader?
    /// A person's tokens: labels and dates (the tokens themselves are never kept).
    func tokens(of userID: String, as actor: String) async throws -> [TokenInfo]
    /// Revokes a person's tokens with `label`, or all of them when nil; returns how many.
    func revokeTokens(of userID: String, label: String?, as actor: String) async throws -> Int

    // MARK: Cables

    /// Stores a validated draft, sealed and signed by its post. Assigns the next serial of the
    /// post (and so the reference ID) when the draft has none. `userID` must be a drafter whose
    /// clearance and captions cover the cable.
    func draft(_ cable: Cable, as userID: String) async throws -> ReferenceID
    /// Sends a draft: one transaction creates a fingerprinted, sealed, signed copy for every
    /// addressee (named or through a list). If any addressee may not read the cable, nothing is
    /// sent and `StoreError.refused` names them.
    func send(_ id: ReferenceID, to users: [String], lists: [String], as userID: String) async throws -> SendReceipt
    /// Adds an archived cable (imported, not fingerprinted): open to everyone its
    /// classification and captions allow, except NODIS. Returns false if the reference ID is
    /// already stored (import is idempotent). `userID` must be an administrator.
    @discardableResult
    func importCable(_ cable: Cable, as userID: String) async throws -> Bool
    /// Adds many archived cables in one transaction (sealed, signed, indexed in parallel); cables
    /// already stored are skipped. `userID` must be an administrator.
    func importCables(_ cables: [Cable], as userID: String) async throws -> ImportOutcome
    /// Searches what the person may read; counts, facets and pages cover nothing else.
    func search(_ query: SearchQuery, as userID: String, options: SearchOptions) async throws -> SearchResults
    /// The text this person received: their own copy of a sent cable, the original of their
    /// own draft, or an archived cable.
    func read(_ id: ReferenceID, as userID: String) async throws -> CableText
    /// What the person may see within `filter` (a box, a post, years, a level), newest first unless
    /// the filter says otherwise: `limit` of them after skipping `offset`, and how many there are.
    func list(as userID: String, limit: Int, offset: Int, filter: ListingFilter) async throws -> CableListing

    // MARK: Tracing and audit

    /// Every sent cable with its recipients and the tracing key, for a security officer.
    func tracingMaterial(as officerID: String) async throws -> TracingMaterial
    /// Appends an entry to the audit log (for actions performed outside the store, such as a trace).
    func record(_ event: AuditEvent) async throws
    /// The audit log, for a security officer or an administrator.
    func auditLog(_ filter: AuditFilter, as userID: String) async throws -> [AuditEntry]
    /// Checks the whole audit chain, its signed checkpoints and the head kept outside the store.
    func verifyAudit(as userID: String) async throws -> AuditReport
    /// Checks every row of the store (administrators and security officers; see `VerificationReport`).
    func verifyStore(as userID: String, progress: VerificationProgress?) async throws -> VerificationReport
}

extension CableStore {
    /// What the person may see, newest first: `limit` of them after skipping `offset`.
    public func list(as userID: String, limit: Int, offset: Int) async throws -> CableListing {
        try await list(as: userID, limit: limit, offset: offset, filter: ListingFilter())
    }

    /// The newest `limit` cables the person may see.
    public func list(as userID: String, limit: Int) async throws -> CableListing {
        try await list(as: userID, limit: limit, offset: 0)
    }
}

/// What a store reports to its callers. Messages never contain cable text or key material.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such cable — or one the person may not read: the two must look the same.
    case noSuchCable(String)
    case noSuchUser(String)
    case noSuchList(String)
    case duplicate(String)
    case wrongPassphrase
    /// A wrong user name or password: which of the two is never said.
    case signInFailed
    case notAStore(String)
    case alreadyExists(String)
    /// The person lacks the role or the clearance for the action.
    case notPermitted(String)
    /// A send that would reach people who may not read the cable: nothing was sent.
    case refused([String])
    /// A stored row no longer matches its seal, signature or MAC.
    case tampered(String)
    /// The store as a whole cannot be trusted as it stands (its audit log is behind the head kept
    /// outside it, a file is missing): nothing is read or written until an officer looks.
    case damaged(String)
    /// The store's files cannot be written (a read-only mount or permissions); Pouch records every
    /// read in its audit log, so only the integrity checks run.
    case readOnly(String)
    /// The disk is full: nothing of the failed step was written.
    case diskFull(String)
    /// The user's account is disabled: no sign-in, no token, no session, no action.
    case disabled(String)
    /// Another send of the same cable finished first and already gave these people their copies.
    case alreadySent(String, [String])
    case invalid(String)

    public var description: String {
        switch self {
        case .noSuchCable(let id): "no such cable: \(id)"
        case .noSuchUser(let id): "no such user: \(id)"
        case .noSuchList(let name): "no such distribution list: \(name)"
        case .duplicate(let what): "\(what) already exists"
        case .wrongPassphrase: "wrong passphrase or key for this store"
        case .signInFailed: "wrong user name or password"
        case .notAStore(let path): "\(path) is not a Pouch store (run 'pouch init' first)"
        case .alreadyExists(let path): "\(path) already holds a Pouch store"
        case .notPermitted(let message): "not permitted: \(message)"
        case .refused(let reasons): "nothing was sent; these addressees may not receive the cable: \(reasons.joined(separator: "; "))"
        case .tampered(let record): "tampering detected in \(record); its content is not shown"
        case .damaged(let message): "the store is damaged: \(message); run 'pouch verify' and restore from a backup"
        case .readOnly(let path):
            "the store in \(path) is read-only (a read-only mount or permissions): Pouch records every read in its audit log, so it can only be checked ('pouch verify', 'pouch audit verify') until it is writable"
        case .diskFull(let path):
            "the disk holding \(path) is full: nothing of the failed step was written; free some space and run the command again"
        case .disabled(let id): "the account \(id) is disabled"
        case .alreadySent(let id, let readers):
            "cable \(id) was already sent to \(readers.joined(separator: ", ")) by a send that finished first; nothing more was sent"
        case .invalid(let message): message
        }
    }
}
