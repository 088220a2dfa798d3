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
              let script = Bundle.module.url(forResource: "pouch", withExtension: "js", subdirectory: "Static") else {
            throw ServerSetupError("the server's templates are missing from its bundle")
        }
        return Pages(library: try await MustacheLibrary(directory: templates.path),
                     stylesheet: try String(contentsOf: stylesheet, encoding: .utf8),
                     script: try String(contentsOf: script, encoding: .utf8))
    }

    /// A page: `values` plus the navigation, the CSRF token and the page's classification banner
    /// (`marking`: the highest level of what the page shows; the system's level when not given).
    func render(_ template: String, _ values: [String: Any], context: PouchRequestContext,
                status: HTTPResponse.Status = .ok, marking: PageMarking? = nil) -> Response {
        var page = values
        let sessionCSRF = context.sessions.session?.csrf ?? ""
        if page["csrf"] == nil { page["csrf"] = sessionCSRF }
        page["pageBanner"] = (marking ?? systemMarking).values
        page["nav"] = Self.navigation(current: template)
        if let user = context.identity {
            page["user"] = [
                // The sign-out form always carries the session's token, even on a page whose own
                // form carries another (the sign-in page's).
                "sessionCSRF": sessionCSRF,
                "id": user.id, "name": user.name, "post": user.post,
                "clearance": user.clearance.word,
                "drafter": user.roles.contains(.drafter),
                "officer": user.roles.contains(.securityOfficer),
                "administrator": user.roles.contains(.administrator),
                "auditor": user.roles.contains(.securityOfficer) || user.roles.contains(.administrator),
            ] as [String: Any]
        }
        let html = self.html(template, page) ?? "<!doctype html><title>Pouch</title><p>The page could not be rendered.</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Which menu item the page belongs to, so the header can mark it as the current one.
    static func navigation(current template: String) -> [String: Any] {
        let section = switch template {
        case "cable", "inbox": "inbox"
        case "users": "people"
        default: template
        }
        return [section: true]
    }

    /// A template filled with `values` alone (nil when the template is missing).
    func html(_ template: String, _ values: [String: Any]) -> String? {
        library.render(values, withTemplate: template)
    }

    func errorPage(_ failure: PublicError, context: PouchRequestContext) -> Response {
        render("error", ["title": failure.status.reasonPhrase, "status": failure.status.code, "reason": failure.status.reasonPhrase,
                         "detail": failure.detail], context: context, status: failure.status)
    }

    /// The classification banner shown at the top and bottom of a cable: its text and colour class.
    static func banner(_ classification: Classification, _ caveats: [Caveat]) -> [String: Any] {
        let text = ([classification.word] + caveats.map(\.rawValue)).joined(separator: "//")
        let level = switch classification {
        case .unclassified: "unclassified"
        case .confidential: "confidential"
        case .secret: "secret"
        case .topSecret: "top-secret"
        }
        return ["text": text, "level": level]
    }
}
