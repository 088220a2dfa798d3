import Foundation
import Hummingbird
import PouchCore
import PouchFingerprint
import PouchStore

/// The JSON API under `/api`, described by `/openapi.json`. Bearer tokens from `POST /api/tokens`;
/// errors are RFC 9457 problem documents. The same store calls (need-to-know, audit) as the web.
struct APIRoutes: Sendable {
    let store: any CableStore
    let gate: SignInGate
    let metrics: ServerMetrics

    func add(to api: RouterGroup<PouchRequestContext>) {
        api.post("/tokens", use: issueToken)
        api.get("/me") { _, context -> UserBody in UserBody(try context.requireUser()) }
        api.get("/cables", use: list)
        api.get("/cables/:id", use: read)
        api.post("/cables/:id/send", use: send)
        api.post("/drafts", use: draft)
        api.get("/search", use: search)
        api.post("/trace", use: trace)
        api.get("/audit", use: audit)
        api.get("/audit/verify") { _, context -> AuditReport in
            try await store.verifyAudit(as: try context.requireUser().id)
        }
        api.get("/users") { _, context -> UsersBody in
            let listing = try await store.users(as: try context.requireUser().id)
            return UsersBody(users: listing.users.map(UserBody.init), damaged: listing.damaged)
        }
        api.post("/users", use: addUser)
        api.patch("/users/:user", use: updateUser)
        api.post("/users/:user/disable") { _, context -> UserBody in try await setDisabled(true, context: context) }
        api.post("/users/:user/enable") { _, context -> UserBody in try await setDisabled(false, context: context) }
        api.get("/users/:user/tokens") { _, context -> TokensBody in
            TokensBody(tokens: try await store.tokens(of: try context.parameters.require("user"), as: try context.requireUser().id))
        }
        api.delete("/users/:user/tokens") { request, context -> RevokedBody in
            let label = request.uri.queryParameters["label"].map(String.init)
            return RevokedBody(
                revoked: try await store.revokeTokens(of: try context.parameters.require("user"), label: label, as: try context.requireUser().id))
        }
        api.get("/lists") { _, context -> ListsBody in
            ListsBody(lists: try await store.lists(as: try context.requireUser().id))
        }
        api.post("/lists/:name", use: addToList)
    }

    // MARK: Tokens

    struct TokenRequest: Decodable {
        var user: String
        var password: String
        var label: String?
        /// Days until the token expires (1 to 1095; default 90).
        var days: Int?
    }

    struct TokenBody: ResponseEncodable {
        var token: String
        var user: String
    }

    func issueToken(_ request: Request, context: PouchRequestContext) async throws -> EditedResponse<TokenBody> {
        let body = try await request.decode(as: TokenRequest.self, context: context)
        let reader: Reader
        let days = body.days ?? 90
        guard (1...1095).contains(days) else { throw ClientError(.badRequest, "`days` must be a whole number from 1 to 1095") }
        switch try await gate.attempt(body.user, password: body.password, client: context.client) {
        case .heldBack(let refusal): throw ClientError(.tooManyRequests, refusal.message(client: context.client))
        case .wrong: throw StoreError.signInFailed
        case .disabled: throw StoreError.disabled(body.user)
        case .signedIn(let person): reader = person
        }
        let token = try await store.issueToken(for: reader.id, label: body.label ?? "api", lifetime: Double(days) * 24 * 60 * 60, as: reader.id)
        return EditedResponse(status: .created, response: TokenBody(token: token, user: reader.id))
    }

    // MARK: Cables

    struct ListingBody: ResponseEncodable {
        var total: Int
        var cables: [CableSummary]
        /// Stored cables left out because they failed the store's integrity checks.
        var damaged: Int
    }

    func list(_ request: Request, context: PouchRequestContext) async throws -> ListingBody {
        let user = try context.requireUser()
        let limit = try Self.integer(request, "limit", default: 50, range: 1...1000)
        let offset = try Self.integer(request, "offset", default: 0, range: 0...10_000_000)
        let listing = try await store.list(as: user.id, limit: limit, offset: offset)
        return ListingBody(total: listing.total, cables: listing.cables, damaged: listing.damaged)
    }

    struct CableBody: ResponseEncodable {
        var referenceID: String
        /// `copy`, `original` or `archive`.
        var kind: String
        /// The canonical text of this person's copy.
        var text: String
        var cable: CableRecord
    }

    func read(_ request: Request, context: PouchRequestContext) async throws -> CableBody {
        let user = try context.requireUser()
        let id = try Self.referenceID(context)
        let copy = try await store.read(id, as: user.id)
        let document = try CableParser().parse(text: copy.text)
        return CableBody(referenceID: id.description, kind: copy.kind.rawValue, text: copy.text, cable: CableRecord(document))
    }

    struct SendRequest: Decodable {
        var to: [String]?
        var lists: [String]?
    }

    struct SendBody: ResponseEncodable {
        var referenceID: String
        var recipients: [String]
        var alreadyHeld: [String]
    }

    func send(_ request: Request, context: PouchRequestContext) async throws -> SendBody {
        let user = try context.requireUser()
        let id = try Self.referenceID(context)
        let body = try await request.decode(as: SendRequest.self, context: context)
        guard !(body.to ?? []).isEmpty || !(body.lists ?? []).isEmpty else {
            throw ClientError(.unprocessableContent, "name at least one addressee in `to` or `lists`")
        }
        let receipt = try await store.send(id, to: body.to ?? [], lists: body.lists ?? [], as: user.id)
        metrics.sent()
        return SendBody(referenceID: receipt.referenceID.description, recipients: receipt.recipients, alreadyHeld: receipt.alreadyHeld)
    }

    struct DraftRequest: Decodable {
        /// A typed draft (`Key: value` lines, a blank line, paragraphs), as `pouch cable draft` reads.
        var text: String
    }

    struct DraftBody: ResponseEncodable {
        var referenceID: String
        var warnings: [DiagnosticBody]
    }

    struct DiagnosticBody: Codable {
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    func draft(_ request: Request, context: PouchRequestContext) async throws -> EditedResponse<DraftBody> {
        let user = try context.requireUser()
        let body = try await request.decode(as: DraftRequest.self, context: context)
        let check = DraftCheck(text: body.text, now: Date())
        let diagnostics = check.diagnostics.map {
            DiagnosticBody(line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
        }
        guard let cable = check.cable else {
            let errors = diagnostics.filter { $0.severity == "error" }.count
            throw ClientError(
                .unprocessableContent, "the draft has \(errors) error(s); nothing was stored",
                extra: ["diagnostics": .array(diagnostics.map(Self.json))])
        }
        let id = try await store.draft(cable, as: user.id)
        return EditedResponse(
            status: .created, headers: [.location: "/api/cables/\(id)"],
            response: DraftBody(referenceID: id.description, warnings: diagnostics))
    }

    static func json(_ diagnostic: DiagnosticBody) -> JSONValue {
        .object([
            "line": .number(Double(diagnostic.line)), "column": .number(Double(diagnostic.column)),
            "severity": .string(diagnostic.severity), "message": .string(diagnostic.message),
        ])
    }

    // MARK: Search and trace

    func search(_ request: Request, context: PouchRequestContext) async throws -> SearchResults {
        let user = try context.requireUser()
        guard let text = request.uri.queryParameters["q"].map(String.init), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ClientError(.badRequest, "give a query in `q`")
        }
        let query = try SearchQuery(parsing: text)
        let order: SearchOptions.Order
        switch request.uri.queryParameters["sort"].map(String.init) ?? "relevance" {
        case "relevance": order = .relevance
        case "date": order = .date
        case let other: throw ClientError(.badRequest, "sort is `relevance` or `date`, not `\(other)`")
        }
        return try await store.search(
            query, as: user.id,
            options: SearchOptions(
                limit: try Self.integer(request, "limit", default: 20, range: 1...200),
                offset: try Self.integer(request, "offset", default: 0, range: 0...1_000_000), order: order))
    }

    struct TraceRequest: Decodable {
        var leaks: [String]
        var maxFalseAccusation: Double?
    }

    struct TraceBody: ResponseEncodable {
        var verdict: String
        var accused: [TraceVerdict.Candidate]
        var candidates: [TraceVerdict.Candidate]
        var slotsObserved: Int
        var slotsInCable: Int
        var bitsObserved: Int
        var moreSlotsNeeded: Int?
        var maxFalseAccusation: Double
        var cables: [String]
    }

    func trace(_ request: Request, context: PouchRequestContext) async throws -> TraceBody {
        let user = try context.requireUser()
        let body = try await request.decode(as: TraceRequest.self, context: context)
        let bound = body.maxFalseAccusation ?? 1e-6
        guard bound > 0, bound < 1 else { throw ClientError(.unprocessableContent, "maxFalseAccusation must be between 0 and 1") }
        let leaks = body.leaks.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !leaks.isEmpty else { throw ClientError(.unprocessableContent, "give at least one leaked text in `leaks`") }
        let result = try await store.trace(leaks: leaks, as: user.id, maxFalseAccusation: bound)
        metrics.traced()
        guard let verdict = result.verdict else {
            return TraceBody(
                verdict: "inconclusive", accused: [], candidates: [], slotsObserved: 0, slotsInCable: 0, bitsObserved: 0,
                moreSlotsNeeded: nil, maxFalseAccusation: bound, cables: [])
        }
        return TraceBody(
            verdict: verdict.verdict, accused: verdict.accused, candidates: verdict.candidates,
            slotsObserved: verdict.slotsObserved, slotsInCable: verdict.slotsInCable, bitsObserved: verdict.bitsObserved,
            moreSlotsNeeded: verdict.moreSlotsNeeded, maxFalseAccusation: bound, cables: result.cables.map(\.description))
    }

    // MARK: Audit and people

    struct AuditEntryBody: Codable {
        var sequence: Int
        var time: String
        var user: String
        var action: String
        var target: String
        var outcome: String
        var detail: String

        init(_ entry: AuditEntry) {
            (sequence, time, user, action, target, outcome, detail) = (
                entry.sequence, entry.time, entry.user, entry.action, entry.target, entry.outcome, entry.detail
            )
        }
    }

    struct AuditLogBody: ResponseEncodable {
        var entries: [AuditEntryBody]
    }

    func audit(_ request: Request, context: PouchRequestContext) async throws -> AuditLogBody {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        let filter = AuditFilter(
            user: parameters["user"].map(String.init), since: parameters["since"].map(String.init),
            limit: try Self.integer(request, "limit", default: 100, range: 1...10_000))
        return AuditLogBody(entries: try await store.auditLog(filter, as: user.id).map(AuditEntryBody.init))
    }

    struct TokensBody: ResponseEncodable {
        var tokens: [TokenInfo]
    }

    struct RevokedBody: ResponseEncodable {
        var revoked: Int
    }

    func setDisabled(_ disabled: Bool, context: PouchRequestContext) async throws -> UserBody {
        let admin = try context.requireUser()
        let id = try context.parameters.require("user")
        try await store.setDisabled(disabled, user: id, as: admin.id)
        guard let user = try await store.user(id: id) else { throw StoreError.noSuchUser(id) }
        return UserBody(user)
    }

    struct UsersBody: ResponseEncodable {
        var users: [UserBody]
        /// Users whose stored row failed its MAC: left out (and audited).
        var damaged: [String]
    }

    struct ListsBody: ResponseEncodable {
        var lists: [String: [String]]
    }

    struct UserBody: ResponseEncodable {
        var id: String
        var name: String
        var post: String
        var clearance: String
        var caveats: [String]
        var roles: [String]
        var disabled: Bool

        init(_ reader: Reader) {
            id = reader.id
            name = reader.name
            post = reader.post
            clearance = reader.clearance.word
            caveats = (reader.citizen ? ["NOFORN"] : []) + reader.grants.map(\.rawValue).sorted()
            roles = reader.roles.map(\.rawValue).sorted()
            disabled = reader.disabled
        }
    }

    struct NewUserRequest: Decodable {
        var id: String
        var name: String
        var post: String
        var clearance: String
        var caveats: [String]?
        var roles: [String]?
        var password: String?
    }

    func addUser(_ request: Request, context: PouchRequestContext) async throws -> EditedResponse<UserBody> {
        let admin = try context.requireUser()
        let body = try await request.decode(as: NewUserRequest.self, context: context)
        let reader = try UserFields.reader(
            id: body.id, name: body.name, post: body.post, clearance: body.clearance,
            caveats: (body.caveats ?? []).joined(separator: ","), roles: (body.roles ?? []).joined(separator: ","))
        if let password = body.password { try PasswordHash.check(password) }
        try await store.addUsers([reader], as: admin.id)
        if let password = body.password { try await store.setPassword(password, for: reader.id, as: admin.id) }
        return EditedResponse(status: .created, response: UserBody(reader))
    }

    /// The fields to change; those left out stay as they are.
    struct UserChangeRequest: Decodable {
        var name: String?
        var post: String?
        var clearance: String?
        var caveats: [String]?
        var roles: [String]?
    }

    /// Changes a person (administrators): it takes effect on their next request.
    func updateUser(_ request: Request, context: PouchRequestContext) async throws -> UserBody {
        let admin = try context.requireUser()
        let id = try context.parameters.require("user")
        let body = try await request.decode(as: UserChangeRequest.self, context: context)
        guard body.name != nil || body.post != nil || body.clearance != nil || body.caveats != nil || body.roles != nil else {
            throw ClientError(.badRequest, "say what to change: name, post, clearance, caveats or roles")
        }
        // Refused before the lookup, so only administrators learn whether an ID exists.
        guard admin.acts(as: .administrator) else {
            try await store.record(AuditEvent(user: admin.id, action: .userUpdate, target: id, outcome: .denied))
            throw StoreError.notPermitted("only an administrator may change a person")
        }
        guard let before = try await store.user(id: id) else { throw StoreError.noSuchUser(id) }
        let updated = try UserFields.updating(
            before, name: body.name, post: body.post, clearance: body.clearance,
            caveats: body.caveats.map { $0.isEmpty ? "none" : $0.joined(separator: ",") },
            roles: body.roles.map { $0.joined(separator: ",") })
        _ = try await store.updateUser(updated, as: admin.id)
        return UserBody(updated)
    }

    struct ListRequest: Decodable {
        var members: [String]
    }

    func addToList(_ request: Request, context: PouchRequestContext) async throws -> ListsBody {
        let admin = try context.requireUser()
        let name = try context.parameters.require("name")
        let body = try await request.decode(as: ListRequest.self, context: context)
        try await store.addToList(name, members: body.members, as: admin.id)
        return ListsBody(lists: try await store.lists(as: admin.id).filter { $0.key == name })
    }

    // MARK: Parameters

    static func referenceID(_ context: PouchRequestContext) throws -> ReferenceID {
        let text = try context.parameters.require("id")
        guard let id = ReferenceID(text) else { throw StoreError.noSuchCable(text) }
        return id
    }

    static func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters[Substring(name)] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw ClientError(.badRequest, "`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

extension CableSummary: ResponseEncodable {}
extension SearchResults: ResponseEncodable {}
extension AuditReport: ResponseEncodable {}
