import PouchCore

/// The store's public operations, each auditing the tampering it runs into (a changed user row
/// of the person acting, a receipt or list that fails its MAC) before reporting it: a refused
/// read, list, search, send or user listing after a row was changed is in the audit log, with
/// what was found. Rows damaged beyond the person's own (other cables, other users) are left out
/// and audited inside each operation instead.
extension SealedStore {
    public func read(_ id: ReferenceID, as userID: String) async throws -> CableText {
        try await auditingTampering(userID, .read, target: id.description) { try await readChecked(id, as: userID) }
    }

    public func list(as userID: String, limit: Int, offset: Int, filter: ListingFilter) async throws -> CableListing {
        try await auditingTampering(userID, .list) { try await listChecked(as: userID, limit: limit, offset: offset, filter: filter) }
    }

    public func search(_ query: SearchQuery, as userID: String, options: SearchOptions) async throws -> SearchResults {
        try await auditingTampering(userID, .search) { try await searchChecked(query, as: userID, options: options) }
    }

    public func draft(_ cable: Cable, as userID: String) async throws -> ReferenceID {
        try await auditingTampering(userID, .draft) { try await draftChecked(cable, as: userID) }
    }

    public func send(_ id: ReferenceID, to users: [String], lists: [String], as userID: String) async throws -> SendReceipt {
        try await auditingTampering(userID, .send, target: id.description) { try await sendChecked(id, to: users, lists: lists, as: userID) }
    }

    public func users(as actor: String) async throws -> UserListing {
        try await auditingTampering(actor, .userList) { try await usersChecked(as: actor) }
    }

    public func addressBook(as actor: String) async throws -> UserListing {
        try await auditingTampering(actor, .userList) { try await usersChecked(as: actor, addressBook: true) }
    }

    public func tracingMaterial(as officerID: String) async throws -> TracingMaterial {
        try await auditingTampering(officerID, .trace) { try await tracingMaterialChecked(as: officerID) }
    }

    public func auditLog(_ filter: AuditFilter, as userID: String) async throws -> [AuditEntry] {
        try await auditingTampering(userID, .auditLog) { try await auditLogChecked(filter, as: userID) }
    }

    public func verifyAudit(as userID: String) async throws -> AuditReport {
        try await auditingTampering(userID, .auditVerify) { try await verifyAuditChecked(as: userID) }
    }

    /// Runs `body`; tampering it reports is audited first (what was found, and the refusal).
    func auditingTampering<T>(
        _ userID: String, _ action: AuditAction, target: String = "",
        _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch StoreError.tampered(let record) {
            try await self.record(
                AuditEvent(
                    user: userID, action: .tamper, target: record, outcome: .failed,
                    detail: "found during \(action.rawValue)"))
            try await self.record(
                AuditEvent(
                    user: userID, action: action, target: target, outcome: .denied,
                    detail: "refused: tampering detected in \(record)"))
            throw StoreError.tampered(record)
        }
    }
}
