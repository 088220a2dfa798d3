/// How `pouch serve` listens and what it promises browsers.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Marks the session cookie `Secure`: set it when Pouch is reached over TLS (directly or
    /// through a proxy), so the cookie never travels in the clear.
    public var secureCookies: Bool
    /// How long a signed-in session lasts without being renewed.
    public var sessionLifetime: Duration
    /// Failed sign-ins allowed per user name before it is held back (an address is allowed four times as many).
    public var signInAttempts: Int
    /// How long a held-back user name or address waits.
    public var signInLockout: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                sessionLifetime: Duration = .seconds(8 * 60 * 60), signInAttempts: Int = 5,
                signInLockout: Duration = .seconds(15 * 60)) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.signInAttempts = signInAttempts
        self.signInLockout = signInLockout
    }
}
