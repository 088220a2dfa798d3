import Foundation

/// Holds back sign-in for a user name or an address after too many failures in a row, so a
/// password cannot be guessed online. Successful sign-in clears the user name's count.
actor SignInThrottle {
    private struct Record {
        var failures: Int
        var lockedUntil: ContinuousClock.Instant?
    }

    private let attempts: Int
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
        for key in [key(user: user), key(client: client)] {
            var record = records[key] ?? Record(failures: 0)
            record.failures += 1
            if record.failures >= attempts {
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
