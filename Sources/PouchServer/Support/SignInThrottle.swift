import Foundation
import PouchCore
import PouchStore

/// Holds back sign-in for a user name or an address after too many failures in a row, so a
/// password cannot be guessed online. Successful sign-in clears the user name's count.
///
/// An address gets `addressFactor` times the user name's allowance: many people may sign in
/// through one proxy or NAT, and one person's typos must not lock out their whole office, while
/// a guesser spraying many user names from one address is still held back.
actor SignInThrottle {
    private struct Record {
        var failures: Int
        var lockedUntil: ContinuousClock.Instant?
    }

    private let attempts: Int
    static let addressFactor = 4
    private let lockout: Duration
    private let clock = ContinuousClock()
    private var records: [String: Record] = [:]

    init(attempts: Int, lockout: Duration) {
        self.attempts = attempts
        self.lockout = lockout
    }

    /// How long the caller must still wait, or nil when they may try.
    func wait(user: String, client: String) -> Duration? {
        let now = clock.now
        let waits = [key(user: user), key(client: client)].compactMap { records[$0]?.lockedUntil }.filter { $0 > now }
        return waits.max().map { $0 - now }
    }

    func failed(user: String, client: String) {
        for (key, allowance) in [(key(user: user), attempts), (key(client: client), attempts * Self.addressFactor)] {
            var record = records[key] ?? Record(failures: 0)
            record.failures += 1
            if record.failures >= allowance {
                record.lockedUntil = clock.now + lockout
                record.failures = 0
            }
            records[key] = record
        }
        // Bounded memory whatever a scanner sends: forget records that no longer hold anything back.
        if records.count > 10_000 {
            let now = clock.now
            records = records.filter { ($0.value.lockedUntil ?? now) > now }
        }
    }

    func succeeded(user: String) {
        records[key(user: user)] = nil
    }

    private func key(user: String) -> String { "user:" + user.lowercased() }
    private func key(client: String) -> String { "client:" + client }
}

/// A password check through the throttle, counted in the metrics: what the sign-in page, the
/// token endpoint and the password change all do.
struct SignInGate: Sendable {
    let store: any CableStore
    let throttle: SignInThrottle
    let metrics: ServerMetrics

    enum Outcome {
        case signedIn(Reader)
        case wrong
        /// Too many failures: try again after this long.
        case heldBack(Duration)
    }

    func attempt(_ user: String, password: String, client: String) async throws -> Outcome {
        if let wait = await throttle.wait(user: user, client: client) {
            metrics.signIn(succeeded: false)
            return .heldBack(wait)
        }
        do {
            let reader = try await store.signIn(user, password: password, client: client)
            await throttle.succeeded(user: user)
            metrics.signIn(succeeded: true)
            return .signedIn(reader)
        } catch StoreError.signInFailed {
            await throttle.failed(user: user, client: client)
            metrics.signIn(succeeded: false)
            return .wrong
        }
    }
}
