import Foundation
import GRDB
import PouchStore

extension SQLiteStore {
    /// Rewraps the master key under a new passphrase or key file (administrators and security
    /// officers). Only the `meta` row changes, so it takes the same time at any size; the old
    /// credential stops opening the store when the transaction commits. The scrypt work is done
    /// before the write transaction, which stays short.
    public func changeCredential(to credential: StoreCredential, as userID: String) async throws {
        try await requireOperator(userID, action: .keyPassphrase, "change the store's passphrase or key file")
        let current = try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM meta WHERE id = 1").map(Self.lock)
        }
        guard let current else { throw StoreError.notAStore(directory) }
        let lock = try MasterKeyLock.locking(master, with: credential, cost: current.cost)
        try await writing { db in
            try db.execute(sql: "UPDATE meta SET salt = ?, verifier = ?, credential = ?, wrappedMaster = ? WHERE id = 1",
                           arguments: [Data(lock.salt), Data(lock.verifier), lock.credential, lock.wrappedMaster.map { Data($0) }])
            let from = MasterKeyLock.name(current.credential), to = MasterKeyLock.name(lock.credential)
            try self.appendAudit(AuditEvent(user: userID, action: .keyPassphrase, target: self.directory,
                                            detail: "master key rewrapped under a new \(to) (was a \(from))"
                                                + (current.wrappedMaster == nil ? "; the master key was the old \(from)'s own key: rotate it too if that may be known" : "")), db)
        }
    }
}
