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

    /// A page: `values` plus the navigation and CSRF token.
    func render(_ template: String, _ values: [String: Any], context: PouchRequestContext,
                status: HTTPResponse.Status = .ok) -> Response {
        var page = values
        if page["csrf"] == nil { page["csrf"] = context.sessions.session?.csrf ?? "" }
        if let user = context.identity {
            page["user"] = [
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
