import Foundation
import PouchCore
import PouchStore

/// Holds back sign-in for a user name or an address after too many failures, so a password
/// cannot be guessed online.
///
/// The count and the check are one step: an attempt takes a place before its password is
/// checked, and attempts in flight count against the allowance, so a burst of parallel guesses
/// gets no more checks than a sequence would.
///
/// User names and addresses are counted apart. An address gets `addressFactor` times a user
/// name's allowance: many people sign in through one proxy or NAT. When only the address is held
/// back, the refusal says so (and for how long), so someone behind a noisy proxy whose own
/// account is clean is never told their password is wrong or their account is locked.
actor SignInThrottle {
    private struct Record {
        var failures = 0
        var inFlight = 0
        var lockedUntil: ContinuousClock.Instant?
    }

    /// Why an attempt is refused before its password is checked.
    enum Refusal: Error, Equatable {
        /// Too many failures for this user name.
        case user(Duration)
        /// Too many failures from this network address (the user name itself is clean).
        case address(Duration)
    }

    /// A place taken by `begin`, handed back to `finish`.
    struct Ticket {
        fileprivate let user: String
        fileprivate let client: String
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

    /// Takes a place for one attempt, or says why there is none.
    func begin(user: String, client: String) -> Result<Ticket, Refusal> {
        let now = clock.now
        let userKey = key(user: user)
        let clientKey = key(client: client)
        var userRecord = records[userKey] ?? Record()
        var clientRecord = records[clientKey] ?? Record()
        if let until = userRecord.lockedUntil, until > now { return .failure(.user(until - now)) }
        if let until = clientRecord.lockedUntil, until > now { return .failure(.address(until - now)) }
        // Attempts already in flight might all fail: they count against what is left.
        if userRecord.failures + userRecord.inFlight >= attempts { return .failure(.user(lockout)) }
        if clientRecord.failures + clientRecord.inFlight >= attempts * Self.addressFactor { return .failure(.address(lockout)) }
        userRecord.inFlight += 1
        clientRecord.inFlight += 1
        records[userKey] = userRecord
        records[clientKey] = clientRecord
        return .success(Ticket(user: userKey, client: clientKey))
    }

    /// Hands the place back with the attempt's outcome.
    func finish(_ ticket: Ticket, succeeded: Bool) {
        let now = clock.now
        for (key, allowance) in [(ticket.user, attempts), (ticket.client, attempts * Self.addressFactor)] {
            var record = records[key] ?? Record()
            record.inFlight = max(0, record.inFlight - 1)
            if succeeded {
                // A right password clears its user name; an address is cleared only by time, or a
                // guesser could reset it with an account of their own.
                if key == ticket.user { record.failures = 0 }
            } else {
                record.failures += 1
                if record.failures >= allowance {
                    record.lockedUntil = now + lockout
                    record.failures = 0
                }
            }
            records[key] = record
        }
        // Bounded memory whatever a scanner sends: forget records that hold nothing back.
        if records.count > 10_000 {
            records = records.filter { ($0.value.lockedUntil ?? now) > now || $0.value.inFlight > 0 }
        }
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
        case heldBack(SignInThrottle.Refusal)
        /// The password was right, but the account is disabled.
        case disabled
    }

    func attempt(_ user: String, password: String, client: String) async throws -> Outcome {
        let ticket: SignInThrottle.Ticket
        switch await throttle.begin(user: user, client: client) {
        case .failure(let refusal):
            metrics.signIn(succeeded: false)
            return .heldBack(refusal)
        case .success(let taken):
            ticket = taken
        }
        do {
            let reader = try await store.signIn(user, password: password, client: client)
            await throttle.finish(ticket, succeeded: true)
            metrics.signIn(succeeded: true)
            return .signedIn(reader)
        } catch StoreError.signInFailed {
            await throttle.finish(ticket, succeeded: false)
            metrics.signIn(succeeded: false)
            return .wrong
        } catch StoreError.disabled {
            await throttle.finish(ticket, succeeded: true)
            metrics.signIn(succeeded: false)
            return .disabled
        } catch {
            await throttle.finish(ticket, succeeded: false)
            throw error
        }
    }
}

extension SignInThrottle.Refusal {
    /// What to tell the person, in words that say which limit they met.
    func message(client: String) -> String {
        switch self {
        case .user(let wait):
            "Too many failed sign-ins for this user name. Try again in \(Self.minutes(wait))."
        case .address(let wait):
            "Too many failed sign-ins from your network address (\(client)), perhaps by others behind the same proxy. "
                + "Try again in \(Self.minutes(wait)), or ask an administrator."
        }
    }

    var wait: Duration {
        switch self {
        case .user(let wait), .address(let wait): wait
        }
    }

    static func minutes(_ wait: Duration) -> String {
        let minutes = Int(wait.components.seconds / 60) + 1
        return "\(minutes) minute\(minutes == 1 ? "" : "s")"
    }
}
