import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import PouchCore
import PouchFingerprint
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
        router.get("/drafts/new", use: newDraft)
        router.post("/drafts", use: draft)
        router.get("/search", use: search)
        router.get("/trace") { _, context in
            let user = try context.requireUser()
            guard user.roles.contains(.securityOfficer) else { throw StoreError.notPermitted("only a security officer may trace leaks") }
            return pages.render("trace", TracePage(threshold: "1e-6"), context: context)
        }
        router.post("/trace", use: trace)
        router.get("/account") { _, context in
            _ = try context.requireUser()
            return pages.render("account", AccountPage(), context: context, marking: .unclassified)
        }
        router.post("/account/password", use: changePassword)
        router.get("/audit", use: audit)
        router.get("/audit/export", use: auditExport)
        router.get("/admin/users") { request, context in try await users(request, context: context) }
        router.post("/admin/users", use: addUser)
        router.post("/admin/lists", use: addToList)
        router.post("/admin/users/:id/disable") { request, context in try await setDisabled(true, request, context: context) }
        router.post("/admin/users/:id/enable") { request, context in try await setDisabled(false, request, context: context) }
        router.post("/admin/users/:id/password", use: resetPassword)
        router.post("/admin/users/:id/update", use: updateUser)
        router.post("/admin/lists/:name/remove", use: removeFromList)
    }

    // MARK: Signing in and out

    struct SignInForm: Decodable {
        var user: String
        var password: String
        var next: String?
    }

    /// The sign-in page; on a demo server, its public demo sign-ins too.
    func loginContext(next: String, user: String? = nil, error: String? = nil) -> LoginPage {
        var page = LoginPage(next: next, enteredUser: user, error: error)
        if !configuration.demoLogins.isEmpty {
            page.demo = configuration.demoLogins.map { LoginPage.DemoLogin(user: $0.user, password: $0.password, role: $0.role) }
            page.isDemo = true
        }
        return page
    }

    /// The sign-in page with a fresh signed CSRF cookie (no server-side session before sign-in).
    func loginPage(
        next: String, user: String? = nil, error: String? = nil, context: PouchRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let (token, setCookie) = signInCookie.issue()
        var page = loginContext(next: next, user: user, error: error)
        page.csrf = token
        var response = pages.render("login", page, context: context, status: status)
        response.headers.append(HTTPField(name: .setCookie, value: setCookie))
        return response
    }

    func signIn(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(SignInForm.self, from: request, context: context)
        let user = form.user.trimmingCharacters(in: .whitespaces)
        let next = Self.safeNext(form.next)
        switch try await gate.attempt(user, password: form.password, client: context.client) {
        case .heldBack(let refusal):
            var response = loginPage(
                next: next, user: user, error: refusal.message(client: context.client), context: context, status: .tooManyRequests)
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
        context.sessions.createSession(
            WebSession(user: userID, generation: generation, csrf: Token.random()), expiresIn: configuration.sessionLifetime)
    }

    /// Only a known local page may follow sign-in: never another site. Browsers drop tabs and
    /// line breaks from URLs and read `\\` as `/`, so `/\t/evil.example` would become
    /// `//evil.example`: only plain path characters are allowed, under a page Pouch serves.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.utf8.count <= 512,
            next.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/-_.~%?=&+:".unicodeScalars.contains($0)) }),
            !next.contains("//"), !next.contains("%2f"), !next.contains("%2F"), !next.contains("%5c"), !next.contains("%5C"), !next.contains(".."),
            let first = next.split(separator: "/", omittingEmptySubsequences: false).dropFirst().first,
            next.hasPrefix("/"), localPages.contains(String(first.prefix { $0 != "?" }))
        else { return "/inbox" }
        // Percent-encoded control characters and spaces are refused too.
        if next.range(of: "%[01][0-9a-fA-F]|%7[fF]|%20", options: .regularExpression) != nil { return "/inbox" }
        return next
    }

    /// The first path segments of the pages a sign-in may lead to.
    static let localPages: Set<String> = ["inbox", "cables", "drafts", "search", "trace", "account", "audit", "admin"]

    // MARK: Inbox and cables

    /// The inbox: one box at a time (received, drafts, sent, archive, or all), filtered by level,
    /// post and years, newest or oldest first, paged, with the real count of what matches.
    func inbox(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let perPage = 50
        let page = try Self.page(request)
        let parameters = request.uri.queryParameters
        func parameter(_ name: String) -> String {
            parameters[name[...]].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        var filter = ListingFilter()
        let boxText = parameter("box")
        if !boxText.isEmpty {
            guard let box = ListingFilter.Box(rawValue: boxText) else {
                throw ClientError(.badRequest, "box must be one of all, received, drafts, sent, archive")
            }
            filter.box = box
        }
        let level = parameter("class")
        if !level.isEmpty {
            guard let classification = Classification(word: level.uppercased().replacingOccurrences(of: "-", with: " ")) else {
                throw ClientError(.badRequest, "class must be UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET")
            }
            filter.filters.classifications = [classification]
        }
        let post = parameter("post")
        if !post.isEmpty { filter.filters.posts = [post] }
        let from = parameter("from")
        let to = parameter("to")
        if !from.isEmpty || !to.isEmpty {
            guard let first = from.isEmpty ? 1900 : Int(from), let last = to.isEmpty ? 2100 : Int(to),
                (1900...2100).contains(first), (1900...2100).contains(last), first <= last
            else {
                throw ClientError(.badRequest, "the years must be whole numbers from 1900 to 2100, the first no later than the last")
            }
            filter.filters.years = first...last
        }
        filter.oldestFirst = parameter("sort") == "oldest"
        let listing = try await store.list(as: user.id, limit: perPage, offset: (page - 1) * perPage, filter: filter)

        // Links keep every filter but the one they change.
        func link(box: ListingFilter.Box? = nil, page: Int? = nil) -> String {
            var items: [(String, String)] = []
            let chosen = box ?? filter.box
            if chosen != .all { items.append(("box", chosen.rawValue)) }
            if box == nil {
                for name in ["class", "post", "from", "to", "sort"] where !parameter(name).isEmpty { items.append((name, parameter(name))) }
                if let page, page > 1 { items.append(("page", String(page))) }
            }
            return "/inbox" + (items.isEmpty ? "" : "?" + items.map { "\($0.0)=\(Self.queryEscaped($0.1))" }.joined(separator: "&"))
        }
        let boxNames: [(ListingFilter.Box, String)] = [
            (.all, "All"), (.received, "Received"), (.drafts, "Drafts"), (.sent, "Sent"), (.archive, "Archive"),
        ]
        let inbox = InboxPage(
            total: listing.total, shown: listing.cables.count,
            boxName: boxNames.first { $0.0 == filter.box }?.1 ?? "All",
            tabs: boxNames.map { InboxPage.Tab(label: $0.1, link: link(box: $0.0), current: $0.0 == filter.box) },
            box: filter.box == .all ? "" : filter.box.rawValue,
            levels: Classification.allCases.map { ChoiceView(value: $0.word, selected: filter.filters.classifications.contains($0)) },
            post: post, from: from, to: to, oldest: filter.oldestFirst,
            filtered: !filter.filters.isEmpty,
            cables: listing.cables.map(CableRowView.init), hasCables: !listing.cables.isEmpty,
            unreadCount: listing.cables.filter(\.unread).count, hasUnread: listing.cables.contains(where: \.unread),
            damaged: listing.damaged, hasDamaged: listing.damaged > 0,
            page: page, pages: max(1, (listing.total + perPage - 1) / perPage), multiplePages: listing.total > perPage,
            first: listing.total == 0 ? 0 : (page - 1) * perPage + 1, last: (page - 1) * perPage + listing.cables.count,
            previous: page > 1 ? link(page: page - 1) : nil,
            next: page * perPage < listing.total ? link(page: page + 1) : nil)
        return pages.render(
            "inbox", inbox, context: context,
            marking: .highest(of: listing.cables.map { ($0.classification, $0.caveats) }))
    }

    /// The `page` parameter: a whole number from 1 to 100,000, else a plain 400.
    static func page(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["page"] else { return 1 }
        guard let page = Int(text), (1...100_000).contains(page) else {
            throw ClientError(.badRequest, "page must be a whole number from 1 to 100000")
        }
        return page
    }

    func cable(_ request: Request, context: PouchRequestContext) async throws -> Response {
        try await cablePage(id: context.parameters.require("id"), context: context, notice: nil)
    }

    /// The cable page. A drafter's original carries the send form, with the address book, unless
    /// it was just sent (the confirmation then stands above the cable, and a link brings the form back).
    func cablePage(
        id text: String, context: PouchRequestContext, notice: String?, sendError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        guard let id = ReferenceID(text) else { throw StoreError.noSuchCable(text) }
        let copy = try await store.read(id, as: user.id)
        let cable = try copy.cable()
        let mayDraft = copy.kind == .original && user.roles.contains(.drafter)
        var page = CablePage(
            title: "\(id) \(cable.subject)", id: id.description, cable: CableView(cable, id: id), kind: copy.kind.rawValue,
            isCopy: copy.kind == .copy, canSend: mayDraft && notice == nil, sentAgain: mayDraft && notice != nil,
            notice: notice, sendError: sendError)
        if mayDraft && notice == nil {
            try await addAddressBook(to: &page, for: cable, as: user.id)
        }
        return pages.render(
            "cable", page, context: context, status: status,
            marking: PageMarking(classification: cable.classification, caveats: cable.caveats))
    }

    /// The send form's address book: every active person with their post and clearance, and every
    /// list with its members; those who may not read this cable are shown with the reason and
    /// cannot be ticked.
    func addAddressBook(to page: inout CablePage, for cable: Cable, as userID: String) async throws {
        let people = try await store.addressBook(as: userID).users
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func barrier(_ reader: Reader) -> String? {
            if AccessPolicy.mayRead(reader, classification: cable.classification, caveats: cable.caveats, distribution: .addressees([reader.id])) {
                return nil
            }
            if reader.clearance < cable.classification { return "cleared only to \(reader.clearance.word)" }
            let missing = cable.caveats.filter { !reader.holds($0) }.map(\.rawValue)
            return missing.isEmpty ? "may not read it" : "does not hold " + missing.joined(separator: ", ")
        }
        let lists = try await store.lists(as: userID)
        page.hasLists = !lists.isEmpty
        page.people = people.filter { $0.id != userID }.map { reader in
            CablePage.Addressee(
                id: reader.id, name: reader.name, post: reader.post,
                clearance: ([reader.clearance.word] + Self.caveatWords(reader)).joined(separator: ", "),
                barrier: barrier(reader))
        }
        page.lists = lists.keys.sorted().map { name in
            let members = lists[name] ?? []
            let barred = members.filter { byID[$0].map { barrier($0) != nil } ?? true }
            return CablePage.AddressList(
                name: name, members: members.joined(separator: ", "), count: members.count,
                barred: barred.isEmpty ? nil : barred.joined(separator: ", "))
        }
    }

    /// The send form: ticked people (`person[]`) and lists (`list[]`); `to` and `lists` take
    /// IDs and names typed as text (comma- or space-separated).
    struct SendForm: Decodable {
        var person: [String]?
        var list: [String]?
        var to: String?
        var lists: String?
    }

    func send(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let text = try context.parameters.require("id")
        guard let id = ReferenceID(text) else { throw StoreError.noSuchCable(text) }
        let form = try await URLEncodedFormDecoder().decode(SendForm.self, from: request, context: context)
        let to = (form.person ?? []) + Self.names(form.to)
        let lists = (form.list ?? []) + Self.names(form.lists)
        guard !to.isEmpty || !lists.isEmpty else {
            return try await cablePage(
                id: text, context: context, notice: nil, sendError: "Name at least one addressee or list.", status: .unprocessableContent)
        }
        do {
            let receipt = try await store.send(id, to: to, lists: lists, as: user.id)
            metrics.sent()
            var notice =
                "Sent: \(receipt.recipients.count) new cop\(receipt.recipients.count == 1 ? "y" : "ies") (\(receipt.recipients.joined(separator: ", ")))."
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

    /// A new draft: the drafter's post as origin, the Department as addressee, CONFIDENTIAL for
    /// foreign relations, classified by the drafter.
    func newDraft(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard user.acts(as: .drafter) else { throw StoreError.notPermitted("only a drafter may draft cables") }
        var form = DraftForm()
        form.from = Self.originLine(post: user.post)
        form.to = "SECSTATE WASHDC"
        form.classification = "CONFIDENTIAL"
        form.reasonCodes = ["b", "d"]
        form.classifiedBy = user.name
        return draftPage(form, problems: [], context: context)
    }

    /// The draft page, marked at the level the form has chosen.
    func draftPage(
        _ form: DraftForm, problems: [DraftForm.Problem], preview: Cable? = nil, context: PouchRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var page = Self.draftContext(form, problems: problems)
        page.preview = preview.map { CableView($0, id: $0.referenceID) }
        let marking = PageMarking(
            classification: form.level ?? pages.systemMarking.classification,
            caveats: form.chosenCaveats.compactMap { Caveat(captionLine: $0) })
        return pages.render("draft", page, context: context, status: status, marking: marking)
    }

    func draft(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await URLEncodedFormDecoder().decode(DraftForm.self, from: request, context: context)
        let (cable, problems) = form.check()
        guard let cable else {
            return draftPage(form, problems: problems, context: context, status: .unprocessableContent)
        }
        if form.action == "preview" {
            return draftPage(form, problems: problems, preview: cable, context: context)
        }
        do {
            let id = try await store.draft(cable, as: user.id)
            return Response.redirect(to: "/cables/\(id)", type: .normal)
        } catch let error as StoreError {
            guard case .notPermitted = error else { throw error }
            return draftPage(
                form, problems: [.init(field: "form", severity: "error", message: error.description)], context: context, status: .forbidden)
        }
    }

    static let draftLabels = [
        "from": "From", "to": "To", "info": "Info", "precedence": "Precedence", "classification": "Classification", "caveats": "Caveats",
        "handling": "Handling (passing lines, separated by ;)", "tags": "TAGS", "subject": "Subject", "ref": "Ref",
        "classifiedBy": "Classified by", "reasons": "Reasons (E.O. 13526, section 1.4)", "declassifyOn": "Declassify on", "signature": "Signature",
        "body": "Paragraphs",
    ]
    static let draftHints = [
        "from": "The sending post, e.g. AMEMBASSY ISLAMABAD.", "to": "Action addressees, with precedence, e.g. SECSTATE WASHDC IMMEDIATE.",
        "info": "Information addressees, comma-separated, e.g. AMEMBASSY KABUL, AMEMBASSY NEW DELHI.",
        "tags": "Subject codes, comma-separated, e.g. PREL, PGOV, PK.", "subject": "In capitals, e.g. ZARDARI ON THE NEW CABINET.",
        "ref": "Earlier cables, e.g. A. STATE 12345; B. ISLAMABAD 678.", "classifiedBy": "Name and title, e.g. Ambassador Anne W. Patterson.",
        "declassifyOn": "Leave empty for ten years from today.", "signature": "The signing officer's surname, e.g. PATTERSON.",
        "handling": "e.g. PASS TO NSC",
    ]

    static func draftContext(_ form: DraftForm, problems: [DraftForm.Problem]) -> DraftPage {
        func field(_ name: String) -> DraftPage.Field {
            let own = problems.filter { $0.field == name }
            return DraftPage.Field(
                name: name, label: draftLabels[name] ?? name, value: form.value(name), hint: draftHints[name] ?? "",
                problems: own.map { ProblemView(severity: $0.severity, message: $0.message) },
                invalid: own.contains { $0.severity == "error" }, hasProblems: !own.isEmpty)
        }
        var fields: [String: DraftPage.Field] = [:]
        for name in DraftForm.fields.map(\.field) + ["body"] { fields[name] = field(name) }
        let level = form.level
        let chosen = Set(form.chosenCaveats)
        let codes = Set(form.reasonsLine.lowercased().compactMap { $0.isLetter && $0 <= "h" ? String($0) : nil })
        let errors = problems.filter { $0.severity == "error" }
        return DraftPage(
            f: fields,
            levels: Classification.allCases.map { ChoiceView(value: $0.word, selected: $0 == level) },
            precedences: ([""] + Precedence.allCases.map(\.rawValue)).map {
                ChoiceView(
                    value: $0, label: $0.isEmpty ? "As on the To line (default ROUTINE)" : $0, selected: $0 == (form.precedence ?? "").uppercased())
            },
            caveatChoices: DraftForm.caveatTexts.map {
                ChoiceView(value: $0.caveat.rawValue, text: $0.text, checked: chosen.contains($0.caveat.rawValue))
            },
            reasonChoices: DraftForm.reasonTexts.map { DraftPage.Reason(code: $0.code, text: $0.text, checked: codes.contains($0.code)) },
            // The error summary: each error, linked to its field.
            summary: errors.map { DraftPage.SummaryLine(field: $0.field == "form" ? "field-body" : "field-\($0.field)", message: $0.message) },
            problemCount: errors.count,
            hasProblems: !errors.isEmpty,
            formProblems: problems.filter { $0.field == "form" }.map { ProblemView(severity: $0.severity, message: $0.message) })
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
        var values = SearchPage(q: text, byDate: byDate)
        guard !text.isEmpty else { return pages.render("search", values, context: context) }
        let query: SearchQuery
        do {
            query = try SearchQuery(parsing: text)
        } catch {
            values.error = error.message
            return pages.render("search", values, context: context, status: .badRequest)
        }
        let perPage = 20
        let results = try await store.search(
            query, as: user.id,
            options: SearchOptions(
                limit: perPage, offset: (page - 1) * perPage, order: byDate ? .date : .relevance))
        let sortParameter = byDate ? "&sort=date" : ""
        func link(_ query: String, page: Int = 1) -> String {
            "/search?q=\(Self.queryEscaped(query))\(sortParameter)\(page > 1 ? "&page=\(page)" : "")"
        }
        values.searched = true
        values.total = results.total
        values.hasTotal = results.total > 0
        values.first = results.total == 0 ? 0 : (page - 1) * perPage + 1
        values.last = (page - 1) * perPage + results.hits.count
        values.hits = results.hits.map { hit in
            var row = CableRowView(hit.summary)
            row.snippet = hit.snippet.map { CableRowView.Snippet(text: $0.text, match: $0.match) }
            if let cites = hit.cites, !cites.isEmpty { row.cites = cites }
            if let citedBy = hit.citedBy, !citedBy.isEmpty { row.citedBy = citedBy }
            return row
        }
        let facetNames = [("post", "Post"), ("year", "Year"), ("classification", "Classification"), ("caveat", "Caveat"), ("tag", "TAGS")]
        let filterName = ["post": "post", "year": "year", "classification": "class", "caveat": "caveat", "tag": "tag"]
        values.facets = facetNames.compactMap { key, label in
            guard let counts = results.facets[key], !counts.isEmpty else { return nil }
            return SearchPage.Facet(
                label: label,
                values: counts.prefix(12).map { count in
                    // Filter values are one word: the query language reads `_` as a space.
                    let filter = "\(filterName[key]!):\(count.value.replacingOccurrences(of: " ", with: "_"))"
                    return SearchPage.Facet.Value(value: count.value, count: count.count, link: link(text + " " + filter))
                })
        }
        if page > 1 { values.previous = link(text, page: page - 1) }
        if page * perPage < results.total { values.next = link(text, page: page + 1) }
        values.page = page
        values.pages = (results.total + perPage - 1) / perPage
        values.multiplePages = results.total > perPage
        values.dateLink = "/search?q=\(Self.queryEscaped(text))&sort=date"
        values.relevanceLink = "/search?q=\(Self.queryEscaped(text))"
        return pages.render(
            "search", values, context: context,
            marking: .highest(of: results.hits.map { ($0.summary.classification, $0.summary.caveats) }))
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
            return pages.render(
                "trace", TracePage(threshold: form.threshold ?? "1e-6", error: "Paste the leaked text first."),
                context: context, status: .unprocessableContent)
        }
        let result = try await store.trace(leaks: leaks, as: user.id, maxFalseAccusation: threshold)
        metrics.traced()
        var page = TracePage(threshold: form.threshold ?? "1e-6", leak: form.leak, traced: true)
        guard let verdict = result.verdict else {
            page.nomatch = true
            return pages.render("trace", page, context: context)
        }
        // Names and posts beside IDs, for the officer's report.
        let people = Dictionary((try await store.addressBook(as: user.id).users).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        page.verdict = Self.traceView(verdict, cables: result.cables.map(\.description), people: people)
        page.tracedAt = ISO8601DateFormatter().string(from: Date())
        page.officer = "\(user.name) (\(user.id))"
        return pages.render("trace", page, context: context)
    }

    /// A probability as an officer would say it: "about 1 in 250", "less than 1 in 10^40".
    static func probabilityInWords(_ probability: Double) -> (text: String, power: Int?) {
        guard probability < 1 else { return ("1 in 1 (no evidence against them)", nil) }
        guard probability > 0 else { return ("less than 1 in 10", 300) }
        if probability >= 1e-4 {
            let odds = 1 / probability
            let rounded = odds < 20 ? (odds * 10).rounded() / 10 : odds < 1000 ? odds.rounded() : (odds / 100).rounded() * 100
            let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
            return ("about 1 in \(text)", nil)
        }
        return ("less than 1 in 10", Int((-log10(probability)).rounded(.down)))
    }

    /// A verdict as the trace page shows it: the accused (and by which test), the candidates, the counts and the chart.
    static func traceView(_ verdict: TraceVerdict, cables: [String], people: [String: Reader] = [:]) -> TraceVerdictView {
        func who(_ id: String) -> TraceVerdictView.Person {
            TraceVerdictView.Person(id: id, name: people[id]?.name, post: people[id]?.post)
        }
        func row(_ candidate: TraceVerdict.Candidate) -> TraceVerdictView.Candidate {
            let words = probabilityInWords(candidate.falseAccusationProbability)
            return TraceVerdictView.Candidate(
                recipient: candidate.recipient, who: who(candidate.recipient),
                score: String(format: "%.2f", candidate.score),
                probability: String(format: "%.2g", candidate.falseAccusationProbability),
                words: words.text, power: words.power, partner: candidate.partner.map(who))
        }
        return TraceVerdictView(
            cables: cables, identified: verdict.verdict == "identified",
            accused: verdict.accused.map(row), hasAccused: !verdict.accused.isEmpty, candidates: verdict.candidates.map(row),
            slotsObserved: verdict.slotsObserved, slotsInCable: verdict.slotsInCable, bitsObserved: verdict.bitsObserved,
            symbolsRead: verdict.symbolsRead, moreSlotsNeeded: verdict.moreSlotsNeeded,
            restyled: verdict.restyledRules.isEmpty ? nil : verdict.restyledRules.joined(separator: ", "),
            chart: ScoreChart(verdict: verdict, names: people.mapValues { "\($0.name), \($0.post)" }).svg())
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
            pages.render("account", AccountPage(error: message), context: context, status: status, marking: .unclassified)
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
        return pages.render(
            "account", AccountPage(notice: "Your password is changed. Your other sessions are signed out."),
            context: context, marking: .unclassified)
    }

    // MARK: Audit and people

    /// The audit page's filter from its query: a user, a day range (date pickers), a page (entries
    /// before a sequence number).
    static func auditFilter(_ request: Request, limit: Int) throws -> AuditFilter {
        let parameters = request.uri.queryParameters
        func parameter(_ name: String) -> String? {
            parameters[name[...]].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        for name in ["since", "until"] {
            if let day = parameter(name), day.range(of: #"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2})?)?)?)?$"#, options: .regularExpression) == nil {
                throw ClientError(.badRequest, "\(name) must be a date such as 2026-11-22")
            }
        }
        var before: Int?
        if let text = parameter("before") {
            guard let number = Int(text), number > 0 else { throw ClientError(.badRequest, "before must be a positive entry number") }
            before = number
        }
        return AuditFilter(user: parameter("user"), since: parameter("since"), until: parameter("until"), before: before, limit: limit)
    }

    func audit(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let perPage = 100
        let filter = try Self.auditFilter(request, limit: perPage)
        let report = try await store.verifyAudit(as: user.id)
        let entries = try await store.auditLog(filter, as: user.id)
        func link(_ extra: [(String, String)]) -> String {
            let items =
                [("user", filter.user), ("since", filter.since), ("until", filter.until)].compactMap { name, value in value.map { (name, $0) } }
                + extra
            return items.isEmpty ? "" : items.map { "\($0.0)=\(Self.queryEscaped($0.1))" }.joined(separator: "&")
        }
        var page = AuditPage(
            intact: report.intact, entryCount: report.entries, checkpoints: report.checkpoints,
            problems: report.problems.map { AuditPage.Problem(sequence: $0.sequence.map(String.init), message: $0.message) },
            entries: entries.reversed().map {
                AuditPage.Entry(
                    sequence: $0.sequence, time: $0.time, user: $0.user, action: $0.action, target: $0.target, outcome: $0.outcome,
                    denied: $0.outcome != "ok", detail: $0.detail)
            },
            filterUser: filter.user ?? "", filterSince: filter.since ?? "", filterUntil: filter.until ?? "",
            csv: "/audit/export?" + link([("format", "csv")]), json: "/audit/export?" + link([("format", "json")]))
        if let oldest = entries.first?.sequence, entries.count == perPage, oldest > 1 {
            page.older = "/audit?" + link([("before", String(oldest))])
        }
        if filter.before != nil { page.newest = "/audit" + (link([]).isEmpty ? "" : "?" + link([])) }
        return pages.render("audit", page, context: context)
    }

    /// The audit log as a file: CSV for a spreadsheet, JSON for tools (at most 100,000 entries,
    /// newest last). The export is itself an audit entry.
    func auditExport(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let format = request.uri.queryParameters["format"].map(String.init) ?? "csv"
        guard format == "csv" || format == "json" else { throw ClientError(.badRequest, "format must be csv or json") }
        let entries = try await store.auditLog(try Self.auditFilter(request, limit: 100_000), as: user.id)
        var headers = HTTPFields()
        let body: String
        if format == "csv" {
            func cell(_ text: String) -> String {
                // Quoted, and a leading formula character defused, so a spreadsheet shows the text and runs nothing.
                let safe = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
                return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            body =
                "sequence,time,user,action,target,outcome,detail\r\n"
                + entries.map { entry in
                    [String(entry.sequence), entry.time, entry.user, entry.action, entry.target, entry.outcome, entry.detail].map(cell).joined(
                        separator: ",")
                }.joined(separator: "\r\n") + "\r\n"
            headers[.contentType] = "text/csv; charset=utf-8"
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            body = String(decoding: try encoder.encode(entries.map(APIRoutes.AuditEntryBody.init)), as: UTF8.self)
            headers[.contentType] = "application/json"
        }
        headers[.contentDisposition] = "attachment; filename=\"pouch-audit.\(format)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func users(
        _ request: Request, context: PouchRequestContext, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let listing = try await store.users(as: user.id)
        let people = listing.users
        let lists = try await store.lists(as: user.id)
        func levels(selected: Classification) -> [ChoiceView] {
            Classification.allCases.map {
                ChoiceView(value: $0.word.lowercased().replacingOccurrences(of: " ", with: "-"), label: $0.word, selected: $0 == selected)
            }
        }
        let page = UsersPage(
            people: people.map { person in
                let fields = UserFields.text(of: person)
                return UsersPage.Person(
                    id: person.id, name: person.name, post: person.post, clearance: person.clearance.word,
                    levels: levels(selected: person.clearance), caveatsField: fields.caveats, rolesField: fields.roles,
                    caveats: Self.caveatText(person), roles: person.roles.map(\.rawValue).sorted().joined(separator: ", "),
                    disabled: person.disabled, isSelf: person.id == user.id)
            },
            damaged: listing.damaged,
            lists: lists.keys.sorted().map { name in
                UsersPage.List(name: name, members: (lists[name] ?? []).map { UsersPage.List.Member(id: $0, list: name) })
            },
            levels: levels(selected: .secret),
            caveatChoices: ["NOFORN", "EXDIS", "NODIS", "LIMDIS", "STADIS"].map {
                ChoiceView(value: $0, text: $0 == "NOFORN" ? "a citizen: may read NOFORN" : "granted \($0)")
            },
            roleChoices: ["reader", "drafter", "security-officer", "administrator"].map { ChoiceView(value: $0, checked: $0 == "reader") },
            notice: notice, error: error)
        return pages.render("users", page, context: context, status: status, marking: .unclassified)
    }

    static func caveatText(_ reader: Reader) -> String {
        caveatWords(reader).joined(separator: ", ")
    }

    /// What a person holds besides their clearance: NOFORN for a citizen, then their grants.
    static func caveatWords(_ reader: Reader) -> [String] {
        (reader.citizen ? ["NOFORN"] : []) + reader.grants.map(\.rawValue).sorted()
    }

    struct UserForm: Decodable {
        var id: String
        var name: String
        var post: String
        var clearance: String
        var caveats: String?
        var roles: String?
        /// Ticked caveats and roles (`caveatChoices[]`, `roleChoices[]`), besides any typed.
        var caveatChoices: [String]?
        var roleChoices: [String]?
        var password: String
    }

    func addUser(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(UserForm.self, from: request, context: context)
        return try await administer(request, context: context) { admin in
            let caveats = ((form.caveatChoices ?? []) + Self.names(form.caveats)).joined(separator: ",")
            let roles = ((form.roleChoices ?? []) + Self.names(form.roles)).joined(separator: ",")
            let reader = try UserFields.reader(
                id: form.id, name: form.name, post: form.post, clearance: form.clearance,
                caveats: caveats, roles: roles)
            try PasswordHash.check(form.password)
            try await store.addUsers([reader], as: admin)
            try await store.setPassword(form.password, for: reader.id, as: admin)
            return "Added \(reader.id)."
        }
    }

    /// An administrator's change from the people page: done, the page again with `notice`; refused
    /// for a reason the page can show (an unknown person, a bad value), the page with the error.
    /// Only "not permitted" goes to the error page.
    func administer(
        _ request: Request, context: PouchRequestContext,
        _ change: (_ admin: String) async throws -> String
    ) async throws -> Response {
        let admin = try context.requireUser()
        do {
            let notice = try await change(admin.id)
            return try await users(request, context: context, notice: notice)
        } catch let error as StoreError {
            if case .notPermitted = error { throw error }
            return try await users(request, context: context, error: error.description, status: .unprocessableContent)
        }
    }

    /// Disables or enables an account from the people page.
    func setDisabled(_ disabled: Bool, _ request: Request, context: PouchRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        return try await administer(request, context: context) { admin in
            try await store.setDisabled(disabled, user: id, as: admin)
            return disabled ? "Disabled \(id): their sessions and tokens no longer work." : "Enabled \(id)."
        }
    }

    struct UpdateForm: Decodable {
        var name: String
        var post: String
        var clearance: String
        var caveats: String?
        var roles: String?
    }

    /// Changes a person who moves: name, post, clearance, caveats, roles.
    func updateUser(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await URLEncodedFormDecoder().decode(UpdateForm.self, from: request, context: context)
        return try await administer(request, context: context) { admin in
            let updated = try UserFields.reader(
                id: id, name: form.name, post: form.post, clearance: form.clearance,
                caveats: Self.names(form.caveats).joined(separator: ","), roles: Self.names(form.roles).joined(separator: ","))
            let before = try await store.updateUser(updated, as: admin)
            return "Updated \(id): " + UserFields.changes(from: before, to: updated).joined(separator: "; ") + "."
        }
    }

    struct ResetForm: Decodable {
        var password: String
    }

    /// An administrator sets a new password for someone (who has forgotten theirs); their sessions end.
    func resetPassword(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await URLEncodedFormDecoder().decode(ResetForm.self, from: request, context: context)
        return try await administer(request, context: context) { admin in
            try await store.setPassword(form.password, for: id, as: admin)
            return "New password set for \(id); their sessions are signed out. Give it to them in person."
        }
    }

    struct RemoveForm: Decodable {
        var member: String
    }

    /// Takes one person off a list.
    func removeFromList(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let form = try await URLEncodedFormDecoder().decode(RemoveForm.self, from: request, context: context)
        return try await administer(request, context: context) { admin in
            try await store.removeFromList(name, members: [form.member], as: admin)
            return "Removed \(form.member) from \(name)."
        }
    }

    struct ListForm: Decodable {
        var name: String
        var members: String
    }

    func addToList(_ request: Request, context: PouchRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(ListForm.self, from: request, context: context)
        return try await administer(request, context: context) { admin in
            try await store.addToList(form.name.trimmingCharacters(in: .whitespaces), members: Self.names(form.members), as: admin)
            return "List \(form.name) updated."
        }
    }
}
