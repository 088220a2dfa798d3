import Hummingbird
import HummingbirdAuth
import NIOCore
import PouchCore

/// What a browser session remembers: who signed in, the account generation they signed in
/// under (a password change or disabling raises it and so ends the session), and the token every
/// form must echo back. Sessions exist only after sign-in.
public struct WebSession: Codable, Sendable {
    public var user: String
    public var generation: Int
    public var csrf: String

    public init(user: String, generation: Int, csrf: String) {
        self.user = user
        self.generation = generation
        self.csrf = csrf
    }
}

/// Per-request state: the session, the signed-in person, and where the request came from.
public struct PouchRequestContext: SessionRequestContext, AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person (cookie session or bearer token); nil for anonymous requests.
    public var identity: Reader?
    public let sessions: SessionContext<WebSession>
    /// The peer's IP address, for sign-in throttling and the audit log.
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        client = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Cable text, trace evidence and drafts are bounded well below this.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The signed-in person, or a 401 the error middleware turns into a sign-in page or a problem.
    func requireUser() throws -> Reader {
        guard let identity else { throw HTTPError(.unauthorized, message: "sign in first") }
        return identity
    }
}
