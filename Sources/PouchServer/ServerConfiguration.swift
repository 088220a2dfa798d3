import PouchCore

/// How `pouch serve` listens and what it promises browsers.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Marks the session cookie `Secure` so it never travels in the clear: always on with `tls`;
    /// set it when a TLS proxy stands in front of Pouch.
    public var secureCookies: Bool
    /// Serve HTTPS with this certificate chain and key (PEM files).
    public var tls: TLSFiles?

    /// A PEM certificate chain and its PEM private key.
    public struct TLSFiles: Sendable {
        public var certificateChain: String
        public var privateKey: String

        public init(certificateChain: String, privateKey: String) {
            self.certificateChain = certificateChain
            self.privateKey = privateKey
        }
    }
    /// Sign-ins shown on the sign-in page: only for the demo store, whose passwords are public anyway.
    public var demoLogins: [DemoStore.Login] = []
    /// How long a signed-in session lasts without being renewed.
    public var sessionLifetime: Duration
    /// Failed sign-ins allowed per user name before it is held back (an address is allowed four times as many).
    public var signInAttempts: Int
    /// How long a held-back user name or address waits.
    public var signInLockout: Duration
    /// How long a connection may take to send a whole request (and may stay idle between
    /// requests) before it is closed.
    public var readTimeout: Duration
    /// Connections served at once; more are answered 503 and closed at once. Kept below the
    /// process's open-file limit, so the store and the log always have descriptors left.
    public var maxConnections: Int
    /// The highest marking this system is approved for: the banner of the sign-in page and of
    /// pages that take classified input (the trace form, the audit log).
    public var systemMarking = PageMarking(classification: .topSecret, caveats: [])

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, tls: TLSFiles? = nil,
        sessionLifetime: Duration = .seconds(8 * 60 * 60), signInAttempts: Int = 5,
        signInLockout: Duration = .seconds(15 * 60), readTimeout: Duration = .seconds(30), maxConnections: Int = 1_000
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies || tls != nil
        self.tls = tls
        self.sessionLifetime = sessionLifetime
        self.signInAttempts = signInAttempts
        self.signInLockout = signInLockout
        self.readTimeout = readTimeout
        self.maxConnections = min(maxConnections, ConnectionCounter.descriptorBound())
    }
}
