import Foundation
import Synchronization

/// The master key versions a running store holds (see `Keyring`), kept current with the database:
/// a version another process made (`pouch key rotate master` while `pouch serve` runs) is loaded
/// the first time a record names it, and the version new records are sealed under is checked
/// against the database at most once a second. Triggers refuse a record sealed under any other
/// version (the triggers on `SealedStore.masterVersionColumns`), so a process that has not yet noticed a
/// rotation cannot write under a version being retired.
package final class StoreKeyring: MasterKeys {
    private struct State {
        var keyring: Keyring
        var checked: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    /// The key from the passphrase or key file: it opens every version the lock wraps.
    let encryptionKey: MasterKey
    private let database: any StoreDatabase

    init(_ keyring: Keyring, encryptionKey: MasterKey, database: any StoreDatabase) {
        state = Mutex(State(keyring: keyring, checked: .now))
        self.encryptionKey = encryptionKey
        self.database = database
    }

    var keyring: Keyring { state.withLock { $0.keyring } }

    package var current: (version: Int, key: MasterKey) {
        let (keyring, stale) = state.withLock { state in
            (state.keyring, ContinuousClock.now - state.checked > .seconds(1))
        }
        guard stale else { return keyring.current }
        state.withLock { $0.checked = .now }
        let version = try? database.readNow { db in try Int.fetchOne(db, sql: "SELECT masterVersion FROM meta WHERE id = 1") }
        if let version, version != keyring.currentVersion, let fresh = reload() { return fresh.current }
        return keyring.current
    }

    package func key(version: Int) -> MasterKey? {
        if let key = state.withLock({ $0.keyring.key(version: version) }) { return key }
        return reload()?.key(version: version)
    }

    /// Loads the keyring again from the database; nil if it cannot (the passphrase was changed
    /// since this process started: it must be restarted with the new one).
    @discardableResult
    func reload() -> Keyring? {
        guard let fresh = try? database.readNow({ db in try Self.load(db, encryptionKey: encryptionKey) }) else {
            return nil
        }
        state.withLock { $0 = State(keyring: fresh, checked: .now) }
        return fresh
    }

    /// Reloads inside a transaction (after this process rotated).
    func reload(_ db: any SQLConnection) throws {
        let fresh = try Self.load(db, encryptionKey: encryptionKey)
        state.withLock { $0 = State(keyring: fresh, checked: .now) }
    }

    /// The keyring as the database holds it: the current version from the lock in `meta`, older
    /// ones from `masterKey`, each wrapped by the current one. Retired versions have no key.
    static func load(_ db: any SQLConnection, encryptionKey: MasterKey) throws -> Keyring {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM meta WHERE id = 1") else {
            throw StoreError.damaged("the store's meta row is missing")
        }
        let current: Int = row["masterVersion"]
        let master = try SealedStore.lock(row).open(with: encryptionKey)
        var keys = [current: master]
        for older in try SQLRow.fetchAll(
            db, sql: "SELECT version, wrapped FROM masterKey WHERE wrapped IS NOT NULL AND version <> ?", arguments: [current])
        {
            let version: Int = older["version"]
            do {
                keys[version] = try master.unwrap(Array(older["wrapped"] as Data), version: version)
            } catch {
                throw StoreError.tampered("master key version \(version) in the keyring")
            }
        }
        return Keyring(current: current, keys: keys)
    }
}
