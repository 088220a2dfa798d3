import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import PouchCore
import PouchStore

/// The browser pages: sign-in, inbox, cable, drafting and sending, search, trace, audit, people.
/// Plain HTML forms; every action goes through the same store calls (need-to-know, audit) as the CLI.
struct WebRoutes: Sendable {
    let store: any CableStore
    let pages: Pages
    let gate: SignInGate
    let metrics: ServerMetrics
    let configuration: ServerConfiguration
    let signInCookie: SignInCookie

    func add(to router: RouterGroup<PouchRequestContext>) {
        router.get("/") { _, context in
            Response.redirect(to: context.identity == nil ? "/login" : "/inbox", type: .found)
        }
        router.get("/login") { request, context in
            loginPage(next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), context: context)
        }
        router.post("/login", use: signIn)
        router.post("/logout", use: signOut)
        router.get("/inbox", use: inbox)
        router.get("/cables/:id", use: cable)
        router.post("/cables/:id/send", use: send)
        router.get("/drafts/new") { _, context in
            let user = try context.requireUser()
            guard user.acts(as: .drafter) else { throw StoreError.notPermitted("only a drafter may draft cables") }
            var form = DraftForm()
            form.from = Self.originLine(post: user.post)
            form.to = "SECSTATE WASHDC"
            form.classification = "CONFIDENTIAL"
            form.reasons = "1.4 (b), (d)"
            form.classifiedBy = user.name
            return pages.render("draft", try Self.draftValues(form, problems: []), context: context)
        }
        router.post("/drafts", use: draft)
        router.get("/search", use: search)
        router.get("/trace") { _, context in
            let user = try context.requireUser()
            guard user.roles.contains(.securityOfficer) else { throw StoreError.notPermitted("only a security officer may trace leaks") }
            return pages.render("trace", ["title": "Trace a leak", "threshold": "1e-6"], context: context)
        }
        router.post("/trace", use: trace)
        router.get("/account") { _, context in
            _ = try context.requireUser()
            return pages.render("account", ["title": "Your account"], context: context)
        }
        router.post("/account/password", use: changePassword)
        router.get("/audit", use: audit)
        router.get("/admin/users") { request, context in try await users(request, context: context) }
        router.post("/admin/users", use: addUser)
        router.post("/admin/lists", use: addToList)
        router.post("/admin/users/:id/disable") { request, context in try await setDisabled(true, request, context: context) }
        router.post("/admin/users/:id/enable") { request, context in try await setDisabled(false, request, context: context) }
    }

    // MARK: Signing in and out

    struct SignInForm: Decodable {
        var user: String
        var password: String
        var next: String?
    }

    /// The sign-in page's values; on a demo server, its public demo sign-ins too.
    func loginValues(next: String, user: String? = nil, error: String? = nil) -> [String: Any] {
        var values: [String: Any] = ["title": "Sign in", "next": next]
        if let user { values["enteredUser"] = user }
        if let error { values["error"] = error }
        if !configuration.demoLogins.isEmpty {
            values["demo"] = configuration.demoLogins.map { ["user": $0.user, "password": $0.password, "role": $0.role] }
            values["isDemo"] = true
        }
        return values
    }

    /// The sign-in page with a fresh signed CSRF cookie (no server-side session before sign-in).
    func loginPage(next: String, user: String? = nil, error: String? = nil, context: PouchRequestContext,
                   status: HTTPResponse.Status = .ok) -> Response {
        let (token, setCookie) = signInCookie.issue()
        var values = loginValues(next: next, user: user, error: error)
        values["csrf"] = token
        var response = pages.render("login", values, context: context, status: status)
        response.headers.append(HTTPField(name: .setCookie, value: setCookie))
        return response
    }

    func signIn(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(SignInForm.self, from: request, context: context)
        let user = form.user.trimmingCharacters(in: .whitespaces)
        let next = Self.safeNext(form.next)
        switch try await gate.attempt(user, password: form.password, client: context.client) {
        case .heldBack(let refusal):
            var response = loginPage(next: next, user: user, error: refusal.message(client: context.client), context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(refusal.wait.components.seconds + 1)
            return response
        case .wrong:
            return loginPage(next: next, user: user, error: "Wrong user name or password.", context: context, status: .unauthorized)
        case .disabled:
            return loginPage(next: next, user: user, error: "This account is disabled. Ask an administrator.", context: context, status: .forbidden)
        case .signedIn(let reader):
            // The session begins here, with a new ID: nothing from before sign-in carries over.
            try await startSession(for: reader.id, context: context)
            var response = Response.redirect(to: next, type: .normal)
            response.headers.append(HTTPField(name: .setCookie, value: "\(SignInCookie.name)=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict"))
            return response
        }
    }

    func signOut(_ request: Request, context: PouchRequestContext) async throws -> Response {
        if let user = context.identity {
            try await store.record(AuditEvent(user: user.id, action: .logout, target: context.client, detail: "signed out"))
        }
        context.sessions.clearSession()
        return Response.redirect(to: "/login", type: .normal)
    }

    /// A new session (a new ID and CSRF token) under the person's current account generation.
    func startSession(for userID: String, context: PouchRequestContext) async throws {
        let generation = try await store.account(id: userID)?.generation ?? 0
        context.sessions.createSession(WebSession(user: userID, generation: generation, csrf: Token.random()), expiresIn: configuration.sessionLifetime)
    }

    /// Only a known local page may follow sign-in: never another site. Browsers drop tabs and
    /// line breaks from URLs and read `\\` as `/`, so `/\t/evil.example` would become
    /// `//evil.example`: only plain path characters are allowed, under a page Pouch serves.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.utf8.count <= 512,
              next.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/-_.~%?=&+:".unicodeScalars.contains($0)) }),
              !next.contains("//"), !next.contains("%2f"), !next.contains("%2F"), !next.contains("%5c"), !next.contains("%5C"), !next.contains(".."),
              let first = next.split(separator: "/", omittingEmptySubsequences: false).dropFirst().first,
              next.hasPrefix("/"), localPages.contains(String(first.prefix { $0 != "?" })) else { return "/inbox" }
        // Percent-encoded control characters and spaces are refused too.
        if next.range(of: "%[01][0-9a-fA-F]|%7[fF]|%20", options: .regularExpression) != nil { return "/inbox" }
        return next
    }

    /// The first path segments of the pages a sign-in may lead to.
    static let localPages: Set<String> = ["inbox", "cables", "drafts", "search", "trace", "account", "audit", "admin"]

    // MARK: Inbox and cables

    func inbox(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let perPage = 50
        let page = try Self.page(request)
        let listing = try await store.list(as: user.id, limit: perPage, offset: (page - 1) * perPage)
        var values: [String: Any] = [
            "title": "Inbox", "total": listing.total, "shown": listing.cables.count,
            "cables": listing.cables.map(Self.summaryValues),
            "damaged": listing.damaged, "hasDamaged": listing.damaged > 0,
            "page": page, "pages": max(1, (listing.total + perPage - 1) / perPage), "multiplePages": listing.total > perPage,
        ]
        if page > 1 { values["previous"] = "/inbox?page=\(page - 1)" }
        if page * perPage < listing.total { values["next"] = "/inbox?page=\(page + 1)" }
        return pages.render("inbox", values, context: context)
    }

    /// The `page` parameter: a whole number from 1 to 100,000, else a plain 400.
    static func page(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["page"] else { return 1 }
        guard let page = Int(text), (1...100_000).contains(page) else {
            throw ClientError(.badRequest, "page must be a whole number from 1 to 100000")
        }
        return page
    }

    static func summaryValues(_ summary: CableSummary) -> [String: Any] {
        ["id": summary.referenceID, "date": summary.date, "origin": summary.origin, "subject": summary.subject,
         "state": summary.state, "banner": Pages.banner(summary.classification, summary.caveats)]
    }

    func cable(_ request: Request, context: PouchRequestContext) async throws -> Response {
        try await cablePage(id: context.parameters.require("id"), context: context, notice: nil)
    }

    func cablePage(id text: String, context: PouchRequestContext, notice: String?, sendError: String? = nil,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser()
        guard let id = ReferenceID(text) else { throw StoreError.noSuchCable(text) }
        let copy = try await store.read(id, as: user.id)
        let cable = try copy.cable()
        var values = Self.cableValues(cable, id: id)
        values["title"] = "\(id) \(cable.subject)"
        values["kind"] = copy.kind.rawValue
        values["isCopy"] = copy.kind == .copy
        values["canSend"] = copy.kind == .original && user.roles.contains(.drafter)
        if let notice { values["notice"] = notice }
        if let sendError { values["sendError"] = sendError }
        if copy.kind == .original {
            values["lists"] = try await store.lists().keys.sorted()
        }
        return pages.render("cable", values, context: context, status: status)
    }

    static func cableValues(_ cable: Cable, id: ReferenceID) -> [String: Any] {
        let date = cable.dateTimeGroup.map { String(format: "%04d-%02d-%02d %02d:%02dZ", $0.year, $0.month, $0.day, $0.hour, $0.minute) } ?? ""
        var values: [String: Any] = [
            "id": id.description,
            "banner": Pages.banner(cable.classification, cable.caveats),
            "date": date,
            "origin": cable.origin ?? "",
            "to": cable.to.map(\.description).joined(separator: ", "),

            "tags": cable.tags.joined(separator: ", "),
            "subject": cable.subject,
            "references": cable.references.map { ["label": $0.label ?? "", "text": $0.text] },
            "paragraphs": cable.paragraphs.map { paragraph in
                ["number": paragraph.number.map(String.init) ?? "", "mark": paragraph.mark?.description ?? "", "text": paragraph.text]
            },
        ]
        if !cable.info.isEmpty { values["info"] = cable.info.map(\.description).joined(separator: ", ") }
        if let signature = cable.signature, !signature.isEmpty { values["signature"] = signature }
        if let authority = cable.authority {
            values["authority"] = ["by": authority.classifiedBy,
                                   "reasons": "\(authority.section) " + authority.reasons.map { "(\($0))" }.joined(separator: ", ")]
        }
        return values
    }

    struct SendForm: Decodable {
        var to: String?
        var lists: String?
    }

    func send(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let text = try context.parameters.require("id")
        guard let id = ReferenceID(text) else { throw StoreError.noSuchCable(text) }
        let form = try await URLEncodedFormDecoder().decode(SendForm.self, from: request, context: context)
        let to = Self.names(form.to), lists = Self.names(form.lists)
        guard !to.isEmpty || !lists.isEmpty else {
            return try await cablePage(id: text, context: context, notice: nil, sendError: "Name at least one addressee or list.", status: .unprocessableContent)
        }
        do {
            let receipt = try await store.send(id, to: to, lists: lists, as: user.id)
            metrics.sent()
            var notice = "Sent: \(receipt.recipients.count) new cop\(receipt.recipients.count == 1 ? "y" : "ies") (\(receipt.recipients.joined(separator: ", ")))."
            if !receipt.alreadyHeld.isEmpty { notice += " Already held a copy: \(receipt.alreadyHeld.joined(separator: ", "))." }
            return try await cablePage(id: text, context: context, notice: notice)
        } catch let error as StoreError {
            switch error {
            case .refused, .noSuchUser, .noSuchList, .invalid:
                return try await cablePage(id: text, context: context, notice: nil, sendError: error.description, status: .unprocessableContent)
            default: throw error
            }
        }
    }

    static func names(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: Drafting

    func draft(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await URLEncodedFormDecoder().decode(DraftForm.self, from: request, context: context)
        let (cable, problems) = form.check()
        guard let cable else {
            return pages.render("draft", try Self.draftValues(form, problems: problems), context: context, status: .unprocessableContent)
        }
        do {
            let id = try await store.draft(cable, as: user.id)
            return Response.redirect(to: "/cables/\(id)", type: .normal)
        } catch let error as StoreError {
            guard case .notPermitted = error else { throw error }
            return pages.render("draft", try Self.draftValues(form, problems: [.init(field: "form", severity: "error", message: error.description)]),
                                context: context, status: .forbidden)
        }
    }

    static func draftValues(_ form: DraftForm, problems: [DraftForm.Problem]) throws -> [String: Any] {
        let labels = ["from": "From", "to": "To", "info": "Info", "classification": "Classification", "tags": "TAGS", "subject": "Subject",
                      "ref": "Ref", "classifiedBy": "Classified by", "reasons": "Reasons", "body": "Paragraphs"]
        let hints = [
            "from": "AMEMBASSY ISLAMABAD", "to": "SECSTATE WASHDC IMMEDIATE", "info": "AMEMBASSY KABUL, AMEMBASSY NEW DELHI",
            "classification": "SECRET//NOFORN", "tags": "PREL, PGOV, PK", "subject": "ZARDARI ON THE NEW CABINET",
            "ref": "A. STATE 12345; B. ISLAMABAD 678", "classifiedBy": "Ambassador Anne W. Patterson", "reasons": "1.4 (b), (d)",
        ]
        func field(_ name: String) -> [String: Any] {
            let own = problems.filter { $0.field == name }
            return ["name": name, "label": labels[name] ?? name, "value": form.value(name), "hint": hints[name] ?? "",
                    "problems": own.map { ["severity": $0.severity, "message": $0.message] }, "invalid": own.contains { $0.severity == "error" }]
        }
        return [
            "title": "Draft a cable",
            "fields": DraftForm.fields.map { field($0.field) },
            "body": field("body"),
            "formProblems": problems.filter { $0.field == "form" }.map { ["severity": $0.severity, "message": $0.message] },
            "problemCount": problems.filter { $0.severity == "error" }.count,
            "hasProblems": problems.contains { $0.severity == "error" },
        ]
    }

    static func originLine(post: String) -> String {
        post.uppercased() == "STATE" ? "SECSTATE WASHDC" : "AMEMBASSY \(post.uppercased())"
    }

    // MARK: Search

    func search(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        let text = parameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let page = try Self.page(request)
        let byDate = parameters["sort"] == "date"
        var values: [String: Any] = ["title": "Search", "q": text, "byDate": byDate]
        guard !text.isEmpty else { return pages.render("search", values, context: context) }
        let query: SearchQuery
        do {
            query = try SearchQuery(parsing: text)
        } catch {
            values["error"] = error.message
            return pages.render("search", values, context: context, status: .badRequest)
        }
        let perPage = 20
        let results = try await store.search(query, as: user.id, options: SearchOptions(
            limit: perPage, offset: (page - 1) * perPage, order: byDate ? .date : .relevance))
        let sortParameter = byDate ? "&sort=date" : ""
        func link(_ query: String, page: Int = 1) -> String {
            "/search?q=\(Self.queryEscaped(query))\(sortParameter)\(page > 1 ? "&page=\(page)" : "")"
        }
        values["searched"] = true
        values["total"] = results.total
        values["hasTotal"] = results.total > 0
        values["first"] = results.total == 0 ? 0 : (page - 1) * perPage + 1
        values["last"] = (page - 1) * perPage + results.hits.count
        values["hits"] = results.hits.map { hit -> [String: Any] in
            var row = Self.summaryValues(hit.summary)
            row["snippet"] = hit.snippet.map { ["text": $0.text, "match": $0.match] }
            if let cites = hit.cites, !cites.isEmpty { row["cites"] = cites }
            if let citedBy = hit.citedBy, !citedBy.isEmpty { row["citedBy"] = citedBy }
            return row
        }
        let facetNames = [("post", "Post"), ("year", "Year"), ("classification", "Classification"), ("caveat", "Caveat"), ("tag", "TAGS")]
        let filterName = ["post": "post", "year": "year", "classification": "class", "caveat": "caveat", "tag": "tag"]
        values["facets"] = facetNames.compactMap { key, label -> [String: Any]? in
            guard let counts = results.facets[key], !counts.isEmpty else { return nil }
            return ["label": label, "values": counts.prefix(12).map { count -> [String: Any] in
                // Filter values are one word: the query language reads `_` as a space.
                let filter = "\(filterName[key]!):\(count.value.replacingOccurrences(of: " ", with: "_"))"
                return ["value": count.value, "count": count.count, "link": link(text + " " + filter)]
            }]
        }
        if page > 1 { values["previous"] = link(text, page: page - 1) }
        if page * perPage < results.total { values["next"] = link(text, page: page + 1) }
        values["page"] = page
        values["pages"] = (results.total + perPage - 1) / perPage
        values["multiplePages"] = results.total > perPage
        values["dateLink"] = "/search?q=\(Self.queryEscaped(text))&sort=date"
        values["relevanceLink"] = "/search?q=\(Self.queryEscaped(text))"
        return pages.render("search", values, context: context)
    }

    static func queryEscaped(_ text: String) -> String {
        // Only RFC 3986's unreserved characters stay as they are.
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    // MARK: Trace

    struct TraceForm: Decodable {
        var leak: String
        var threshold: String?
    }

    func trace(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await URLEncodedFormDecoder().decode(TraceForm.self, from: request, context: context)
        let threshold = Double(form.threshold ?? "") ?? 1e-6
        guard threshold > 0, threshold < 1 else { throw ClientError(.unprocessableContent, "the false-accusation bound must be between 0 and 1") }
        // Several leaks may be pasted at once, separated by a line of three or more dashes.
        let leaks = form.leak.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n---")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-").union(.whitespacesAndNewlines)) }.filter { !$0.isEmpty }
        guard !leaks.isEmpty else {
            return pages.render("trace", ["title": "Trace a leak", "threshold": form.threshold ?? "1e-6", "error": "Paste the leaked text first."],
                                context: context, status: .unprocessableContent)
        }
        let result = try await store.trace(leaks: leaks, as: user.id, maxFalseAccusation: threshold)
        metrics.traced()
        var values: [String: Any] = ["title": "Trace a leak", "leak": form.leak, "threshold": form.threshold ?? "1e-6", "traced": true]
        guard let verdict = result.verdict else {
            values["nomatch"] = true
            return pages.render("trace", values, context: context)
        }
        values.merge(Self.traceValues(verdict, cables: result.cables.map(\.description))) { $1 }
        return pages.render("trace", values, context: context)
    }

    /// The trace page's values for a verdict: the accused (and by which test), the candidates, the counts and the chart.
    static func traceValues(_ verdict: TraceVerdict, cables: [String]) -> [String: Any] {
        func row(_ candidate: TraceVerdict.Candidate) -> [String: Any] {
            var values: [String: Any] = ["recipient": candidate.recipient, "score": String(format: "%.2f", candidate.score),
                                         "probability": String(format: "%.2g", candidate.falseAccusationProbability)]
            if let partner = candidate.partner { values["partner"] = partner }
            return values
        }
        var values: [String: Any] = [:]
        values["cables"] = cables
        values["identified"] = verdict.verdict == "identified"
        values["accused"] = verdict.accused.map(row)
        values["hasAccused"] = !verdict.accused.isEmpty
        values["candidates"] = verdict.candidates.map(row)
        values["slotsObserved"] = verdict.slotsObserved
        values["slotsInCable"] = verdict.slotsInCable
        values["bitsObserved"] = verdict.bitsObserved
        values["symbolsRead"] = verdict.symbolsRead
        if let more = verdict.moreSlotsNeeded { values["moreSlotsNeeded"] = more }
        if !verdict.restyledRules.isEmpty { values["restyled"] = verdict.restyledRules.joined(separator: ", ") }
        values["chart"] = ScoreChart(verdict: verdict).svg()
        return values
    }

    // MARK: Account

    struct PasswordForm: Decodable {
        var current: String
        var new: String
        var confirm: String
    }

    /// Changing one's own password needs the current one (re-checked, throttled and audited like a sign-in).
    func changePassword(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await URLEncodedFormDecoder().decode(PasswordForm.self, from: request, context: context)
        func fail(_ message: String, _ status: HTTPResponse.Status) -> Response {
            pages.render("account", ["title": "Your account", "error": message], context: context, status: status)
        }
        guard form.new == form.confirm else { return fail("The new password and its confirmation differ.", .unprocessableContent) }
        switch try await gate.attempt(user.id, password: form.current, client: context.client) {
        case .heldBack(let refusal): return fail(refusal.message(client: context.client), .tooManyRequests)
        case .wrong: return fail("The current password is wrong.", .forbidden)
        case .disabled: throw StoreError.disabled(user.id)
        case .signedIn: break
        }
        do {
            try await store.setPassword(form.new, for: user.id, as: user.id)
        } catch let error as StoreError {
            guard case .invalid(let message) = error else { throw error }
            return fail(message.prefix(1).uppercased() + message.dropFirst() + ".", .unprocessableContent)
        }
        // The change ended every session of this person; this one goes on under a new ID.
        try await startSession(for: user.id, context: context)
        return pages.render("account", ["title": "Your account", "notice": "Your password is changed. Your other sessions are signed out."], context: context)
    }

    // MARK: Audit and people

    func audit(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        let filter = AuditFilter(user: parameters["user"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                                 since: parameters["since"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, limit: 200)
        let report = try await store.verifyAudit(as: user.id)
        let entries = try await store.auditLog(filter, as: user.id)
        return pages.render("audit", [
            "title": "Audit log",
            "intact": report.intact, "entryCount": report.entries, "checkpoints": report.checkpoints,
            "problems": report.problems.map { ["sequence": $0.sequence.map(String.init) ?? "", "message": $0.message] },
            "entries": entries.reversed().map { ["sequence": $0.sequence, "time": $0.time, "user": $0.user, "action": $0.action,
                                                 "target": $0.target, "outcome": $0.outcome, "denied": $0.outcome != "ok", "detail": $0.detail] },
            "filterUser": filter.user ?? "", "filterSince": filter.since ?? "",
        ], context: context)
    }

    func users(_ request: Request, context: PouchRequestContext, notice: String? = nil, error: String? = nil,
               status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser()
        let listing = try await store.users(as: user.id)
        let people = listing.users
        let lists = try await store.lists()
        var values: [String: Any] = [
            "title": "People and lists",
            "people": people.map { ["id": $0.id, "name": $0.name, "post": $0.post, "clearance": $0.clearance.word,
                                    "caveats": Self.caveatText($0), "roles": $0.roles.map(\.rawValue).sorted().joined(separator: ", "),
                                    "disabled": $0.disabled, "self": $0.id == user.id] },
            "damaged": listing.damaged,
            "lists": lists.keys.sorted().map { ["name": $0, "members": lists[$0]!.joined(separator: ", ")] },
        ]
        if let notice { values["notice"] = notice }
        if let error { values["error"] = error }
        return pages.render("users", values, context: context, status: status)
    }

    static func caveatText(_ reader: Reader) -> String {
        ((reader.citizen ? ["NOFORN"] : []) + reader.grants.map(\.rawValue).sorted()).joined(separator: ", ")
    }

    struct UserForm: Decodable {
        var id: String
        var name: String
        var post: String
        var clearance: String
        var caveats: String?
        var roles: String?
        var password: String
    }

    func addUser(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let admin = try context.requireUser()
        let form = try await URLEncodedFormDecoder().decode(UserForm.self, from: request, context: context)
        do {
            let reader = try UserFields.reader(id: form.id, name: form.name, post: form.post, clearance: form.clearance,
                                               caveats: form.caveats ?? "", roles: form.roles ?? "")
            try PasswordHash.check(form.password)
            try await store.addUsers([reader], as: admin.id)
            try await store.setPassword(form.password, for: reader.id, as: admin.id)
            return try await users(request, context: context, notice: "Added \(reader.id).")
        } catch let error as StoreError {
            if case .notPermitted = error { throw error }
            return try await users(request, context: context, error: error.description, status: .unprocessableContent)
        }
    }

    /// Disables or enables an account from the people page.
    func setDisabled(_ disabled: Bool, _ request: Request, context: PouchRequestContext) async throws -> Response {
        let admin = try context.requireUser()
        let id = try context.parameters.require("id")
        do {
            try await store.setDisabled(disabled, user: id, as: admin.id)
            return try await users(request, context: context, notice: disabled ? "Disabled \(id): their sessions and tokens no longer work." : "Enabled \(id).")
        } catch let error as StoreError {
            if case .notPermitted = error { throw error }
            return try await users(request, context: context, error: error.description, status: .unprocessableContent)
        }
    }

    struct ListForm: Decodable {
        var name: String
        var members: String
    }

    func addToList(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let admin = try context.requireUser()
        let form = try await URLEncodedFormDecoder().decode(ListForm.self, from: request, context: context)
        do {
            try await store.addToList(form.name.trimmingCharacters(in: .whitespaces), members: Self.names(form.members), as: admin.id)
            return try await users(request, context: context, notice: "List \(form.name) updated.")
        } catch let error as StoreError {
            if case .notPermitted = error { throw error }
            return try await users(request, context: context, error: error.description, status: .unprocessableContent)
        }
    }
}
