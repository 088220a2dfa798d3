import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import PouchCore
import PouchStore

/// Web pages: a server-side session exists only once someone has signed in (anonymous visitors
/// cost no memory; the sign-in form's CSRF token lives in a signed cookie, see `SignInCookie`).
/// A signed-in session names its person, who is loaded fresh from the store on every request: a
/// user whose row fails its MAC is refused, a disabled account's sessions end at once, and a
/// session begun before the account's last password change or re-enabling has ended.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = PouchRequestContext
    let store: any CableStore
    let signInCookie: SignInCookie

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let session = context.sessions.session {
            if let account = try await store.account(id: session.user), !account.reader.disabled, account.generation == session.generation {
                context.identity = account.reader
            } else {
                context.sessions.clearSession()
            }
        }
        // Every state-changing request must echo a CSRF token (form field `csrf` or header
        // `X-CSRF-Token`): the session's once signed in, the signed cookie's on the sign-in form.
        // SameSite=Strict cookies are the second fence.
        if request.method != .get, request.method != .head {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let sent =
                request.headers[.csrfToken]
                ?? (try? URLEncodedFormDecoder().decode(CSRFField.self, from: String(buffer: body)))?.csrf
            let expected: String?
            if request.uri.path == "/login" {
                expected = signInCookie.token(in: request)
            } else if context.identity != nil {
                expected = context.sessions.session?.csrf
            } else {
                throw HTTPError(.unauthorized, message: "sign in first")
            }
            guard let expected else { throw ClientError(.forbidden, "the form has expired; reload the page and try again") }
            guard let sent, Token.equal(sent, expected) else {
                throw ClientError(.forbidden, "the form has expired or did not come from Pouch (CSRF check failed); reload the page and try again")
            }
        }
        return try await next(request, context)
    }
}

/// The sign-in form's CSRF token, kept by the browser rather than the server: a random token and
/// an HMAC of it under a key the server holds in memory, in an HttpOnly, SameSite=Strict cookie
/// scoped to `/login`. The form echoes the token; a forged form from another site has neither.
struct SignInCookie: Sendable {
    static let name = "pouch_signin"
    private let key: SymmetricKey
    let secure: Bool

    init(secure: Bool) {
        key = SymmetricKey(size: .bits256)
        self.secure = secure
    }

    /// A new token and the `Set-Cookie` value that carries it.
    func issue() -> (token: String, setCookie: String) {
        let token = Token.random(bytes: 24)
        let value = token + "." + mac(token)
        return (token, "\(Self.name)=\(value); Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""))
    }

    /// The token in the request's cookie, if its MAC holds.
    func token(in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0] == Self.name else { continue }
                let value = parts[1].split(separator: ".", maxSplits: 1)
                guard value.count == 2, Token.equal(String(value[1]), mac(String(value[0]))) else { continue }
                return String(value[0])
            }
        }
        return nil
    }

    private func mac(_ token: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(token.utf8), using: key).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
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
                let reader = try await store.bearer(String(parts[1]).trimmingCharacters(in: .whitespaces))
            else {
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
