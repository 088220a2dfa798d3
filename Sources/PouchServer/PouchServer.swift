import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import PouchStore
import ServiceLifecycle

/// Pouch over HTTP: the web pages, the JSON API under `/api`, `/openapi.json`, `/healthz` and
/// Prometheus `/metrics`, all on one Hummingbird router over any `CableStore`.
public struct PouchServer: Sendable {
    public let store: any CableStore
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    let pages: Pages
    let openAPIDocument: String
    /// Where web sessions are kept: in memory (one server), or in the shared database.
    let sessions: any PersistDriver
    let signInCookie: SignInCookie
    /// Open connections, shared by every connection's guard.
    let connections: ConnectionCounter

    /// `sessions`: where web sessions are kept when several servers share the store (a person signed
    /// in through one is signed in through all); in this process's memory when nil.
    public init(
        store: any CableStore, configuration: ServerConfiguration = ServerConfiguration(), sessions: (any PersistDriver)? = nil
    )
        async throws
    {
        self.store = store
        self.configuration = configuration
        metrics = ServerMetrics()
        var pages = try await Pages.load()
        pages.systemMarking = configuration.systemMarking
        self.pages = pages
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Static") else {
            throw ServerSetupError("the OpenAPI document is missing from the server's bundle")
        }
        openAPIDocument = try String(contentsOf: url, encoding: .utf8)
        self.sessions = sessions ?? MemoryPersistDriver<ContinuousClock>()
        signInCookie = SignInCookie(secure: configuration.secureCookies)
        connections = ConnectionCounter(limit: configuration.maxConnections)
    }

    /// The router with every route and middleware (what tests drive directly), answering `HEAD`
    /// wherever it answers `GET`.
    public func router() -> PouchRouter {
        let router = Router(context: PouchRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: SecurityHeadersMiddleware(strictTransport: configuration.tls != nil))
        let routes = RouteTable()
        router.add(middleware: ErrorMiddleware(pages: pages, routes: routes))

        router.get("/healthz") { _, _ -> HealthBody in
            // A real read of the store: a server whose store is gone is not healthy.
            _ = try await store.user(id: "")
            return HealthBody(status: "ok")
        }
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get("/openapi.json") { _, _ in
            Self.staticResponse(openAPIDocument, type: "application/json")
        }
        router.get("/static/pouch.css") { _, _ in Self.staticResponse(pages.stylesheet, type: "text/css; charset=utf-8") }
        router.get("/static/pouch.js") { _, _ in Self.staticResponse(pages.script, type: "text/javascript; charset=utf-8") }

        let cookie = SessionCookieParameters(name: "pouch_session", path: "/", secure: configuration.secureCookies, sameSite: .strict)
        let web = router.group()
            .add(
                middleware: SessionMiddleware(
                    storage: sessions,
                    configuration: .init(
                        sessionCookieParameters: cookie, keyPrefix: "pouch.session.", defaultSessionExpiration: configuration.sessionLifetime))
            )
            .add(middleware: WebSessionMiddleware(store: store, signInCookie: signInCookie))
            .add(middleware: ErrorMiddleware(pages: pages))
        let throttle = SignInThrottle(attempts: configuration.signInAttempts, lockout: configuration.signInLockout)
        let gate = SignInGate(store: store, throttle: throttle, metrics: metrics)
        WebRoutes(store: store, pages: pages, gate: gate, metrics: metrics, configuration: configuration, signInCookie: signInCookie).add(to: web)

        let api = router.group("api").add(middleware: BearerMiddleware(store: store))
        APIRoutes(store: store, gate: gate, metrics: metrics).add(to: api)
        routes.set(router.routes.map { ($0.path.description, $0.method.rawValue) })
        return PouchRouter(router: router)
    }

    /// The application, listening where the configuration says (HTTPS when it names TLS files).
    ///
    /// Every connection is guarded: its request must arrive whole within the read timeout, and
    /// over the connection cap it is answered 503 and closed, so idle or half-sent connections
    /// cannot use up the process's file descriptors. `onServerRunning` runs once the port is bound.
    public func application(
        logger: Logger = Logger(label: "pouch.server"), services: [any Service] = [],
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let counter = connections
        let timeout = TimeAmount(configuration.readTimeout)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(counter: counter, readTimeout: timeout)], idleTimeout: timeout)
        var server = HTTPServerBuilder.http1(configuration: http1)
        if let tls = configuration.tls {
            server = try .tls(.http1(configuration: http1), tlsConfiguration: try Self.tlsConfiguration(tls))
        }
        var app = Application(
            router: router(),
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Pouch"),
            onServerRunning: onServerRunning,
            logger: logger)
        app.addServices(sessions)
        app.addServices(services)
        return app
    }

    /// TLS 1.2 or later with the given chain and key; errors name the file, never its contents.
    static func tlsConfiguration(_ files: ServerConfiguration.TLSFiles) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificateChain)
        } catch {
            throw ServerSetupError("\(files.certificateChain): not a readable PEM certificate chain")
        }
        guard !chain.isEmpty else { throw ServerSetupError("\(files.certificateChain): no certificate in the file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.privateKey, format: .pem)
        } catch {
            throw ServerSetupError("\(files.privateKey): not a readable PEM private key")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    static func staticResponse(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    struct HealthBody: ResponseEncodable {
        var status: String
    }
}

/// Why the server could not start (a missing template, an unreadable TLS file): names the file,
/// never its contents.
public struct ServerSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
