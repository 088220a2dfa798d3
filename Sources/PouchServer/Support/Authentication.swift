import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import PouchCore
import PouchStore

/// Web pages: every visitor gets a session (so the sign-in form has a CSRF token too); a
/// signed-in session names its person, who is loaded fresh from the store on every request
/// (a user whose row fails its MAC is refused, not trusted from the cookie).
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = PouchRequestContext
    let store: any CableStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let session = context.sessions.session {
            if let id = session.user {
                context.identity = try await store.user(id: id)
            }
        } else {
            context.sessions.createSession(WebSession(user: nil, csrf: Token.random()), expiresIn: .seconds(60 * 60))
        }
        // Every state-changing request must echo the session's CSRF token (form field `csrf`
        // or header `X-CSRF-Token`); SameSite=Strict cookies are the second fence.
        if request.method != .get, request.method != .head {
            guard let expected = context.sessions.session?.csrf else { throw ClientError(.forbidden, "the form has expired; reload the page") }
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let sent = request.headers[.csrfToken]
                ?? (try? URLEncodedFormDecoder().decode(CSRFField.self, from: String(buffer: body)))?.csrf
            guard let sent, Token.equal(sent, expected) else {
                throw ClientError(.forbidden, "the form has expired or did not come from Pouch (CSRF check failed); reload the page and try again")
            }
        }
        return try await next(request, context)
    }
}

/// The JSON API: `Authorization: Bearer pouch_…`, issued by `POST /api/tokens`.
struct BearerMiddleware: RouterMiddleware {
    typealias Context = PouchRequestContext
    let store: any CableStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                  let reader = try await store.bearer(String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
                throw ClientError(.unauthorized, "the bearer token is not valid")
            }
            context.identity = reader
        }
        return try await next(request, context)
    }
}

/// The one field every form carries.
struct CSRFField: Decodable {
    var csrf: String?
}

extension HTTPField.Name {
    static let csrfToken = Self("X-CSRF-Token")!
}

/// Random tokens and their constant-time comparison.
enum Token {
    static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return raw.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        PasswordHash.constantTimeEqual(Array(a.utf8), Array(b.utf8))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
