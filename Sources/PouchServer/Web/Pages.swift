import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Mustache
import PouchCore

/// Renders the server's HTML pages from the swift-mustache templates shipped with the server.
/// Every page gets the navigation (who is signed in, what their roles open) and the session's
/// CSRF token for its forms.
struct Pages: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    let script: String
    /// The banner of pages that do not say what they show (sign-in, forms, errors).
    var systemMarking = PageMarking(classification: .topSecret, caveats: [])

    static func load() async throws -> Pages {
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let stylesheet = Bundle.module.url(forResource: "pouch", withExtension: "css", subdirectory: "Static"),
            let script = Bundle.module.url(forResource: "pouch", withExtension: "js", subdirectory: "Static")
        else {
            throw ServerSetupError("the server's templates are missing from its bundle")
        }
        return Pages(
            library: try await MustacheLibrary(directory: templates.path),
            stylesheet: try String(contentsOf: stylesheet, encoding: .utf8),
            script: try String(contentsOf: script, encoding: .utf8))
    }

    /// A page: its own values plus the header's (who is signed in, the navigation, the CSRF token)
    /// and the page's classification banner (`marking`: the highest level of what the page shows;
    /// the system's level when not given).
    func render(
        _ template: String, _ content: some PageContext, context: PouchRequestContext,
        status: HTTPResponse.Status = .ok, marking: PageMarking? = nil
    ) -> Response {
        let sessionCSRF = context.sessions.session?.csrf ?? ""
        let chrome = PageChrome(
            csrf: sessionCSRF, pageBanner: (marking ?? systemMarking).banner, nav: Navigation(current: template),
            user: context.identity.map { SignedInUser($0, sessionCSRF: sessionCSRF) })
        let html =
            self.html(template, RenderedPage(content: content, chrome: chrome).values)
            ?? "<!doctype html><title>Pouch</title><p>The page could not be rendered.</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A template filled with `values` alone (nil when the template is missing).
    func html(_ template: String, _ values: Any) -> String? {
        library.render(values, withTemplate: template)
    }

    func errorPage(_ failure: PublicError, context: PouchRequestContext) -> Response {
        render(
            "error",
            ErrorPage(
                title: failure.status.reasonPhrase, status: failure.status.code, reason: failure.status.reasonPhrase,
                detail: failure.detail), context: context, status: failure.status)
    }
}

/// What every page's header and footer show besides the page's own values.
struct PageChrome {
    /// The session's CSRF token, for the page's forms (a page may carry its own instead).
    var csrf: String
    var pageBanner: BannerView
    var nav: Navigation
    var user: SignedInUser?
}

/// Which menu item the page belongs to, so the header can mark it as the current one.
struct Navigation {
    var inbox = false, search = false, draft = false, trace = false, audit = false, people = false, account = false

    init(current template: String) {
        switch template {
        case "cable", "inbox": inbox = true
        case "search": search = true
        case "draft": draft = true
        case "trace": trace = true
        case "audit": audit = true
        case "users": people = true
        case "account": account = true
        default: break
        }
    }
}

/// The signed-in person as the header shows them, with what their roles open.
struct SignedInUser {
    /// The sign-out form always carries the session's token, even on a page whose own form
    /// carries another (the sign-in page's).
    var sessionCSRF: String
    var id: String
    var name: String
    var post: String
    var clearance: String
    var drafter: Bool
    var officer: Bool
    var administrator: Bool
    var auditor: Bool

    init(_ user: Reader, sessionCSRF: String) {
        self.sessionCSRF = sessionCSRF
        (id, name, post, clearance) = (user.id, user.name, user.post, user.clearance.word)
        drafter = user.roles.contains(.drafter)
        officer = user.roles.contains(.securityOfficer)
        administrator = user.roles.contains(.administrator)
        auditor = officer || administrator
    }
}

/// A page's values over the chrome's: a name the page sets hides the chrome's (the sign-in
/// page's own CSRF token); a name it leaves nil or lacks is the chrome's.
struct RenderedPage<Content: PageContext> {
    let content: Content
    let chrome: PageChrome

    /// The values as Mustache reads them (`MustacheValues.tree`).
    var values: [String: Any] {
        var values = MustacheValues.tree(chrome) as? [String: Any] ?? [:]
        values.merge(MustacheValues.tree(content) as? [String: Any] ?? [:]) { _, page in page }
        return values
    }
}

/// swift-mustache finds a name in a struct by reflecting it (`Mirror`) at every lookup, and a name
/// inside a section is first looked for in the section's row, then down the stack: on an inbox of
/// 50 rows that was a sixth of a server's CPU. The page's values are turned into dictionaries once
/// instead, which it reads by hash, with the same answers: a nil value is left out, so the lookup
/// goes on down the stack as it did.
enum MustacheValues {
    static func tree(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { tree($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { tree($0.value) }
        case .struct, .class:
            // Only the server's own view types, and only those that do not render or look names up
            // themselves: Foundation's (a Date, a URL) render as themselves.
            guard String(reflecting: type(of: value)).hasPrefix("PouchServer."),
                !(value is any MustacheParent || value is any MustacheCustomRenderable || value is any MustacheTransformable)
            else { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = tree(child.value) { fields[label] = field }
            }
            return fields
        default:
            return value
        }
    }
}
