import Foundation
import GRDB
import PouchCore
import PouchStore

extension SQLiteStore {
    public func setPassword(_ password: String, for userID: String, as actor: String) async throws {
        try PasswordHash.check(password)
        // scrypt runs before the write transaction, so a slow hash never holds the writer lock.
        let hash = try PasswordHash.make(password, cost: passwordCost)
        let outcome: Result<Void, StoreError> = try await database.write { db in
            guard let acting = try self.user(actor, db), acting.id == userID || acting.roles.contains(.administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .password, target: userID, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may set another person's password"))
            }
            guard try self.user(userID, db) != nil else { return .failure(.noSuchUser(userID)) }
            try db.execute(sql: "INSERT OR REPLACE INTO credential (reader, hash, mac) VALUES (?, ?, ?)",
                           arguments: [userID, hash, Data(self.credentialMAC(reader: userID, hash: hash))])
            try self.appendAudit(AuditEvent(user: actor, action: .password, target: userID, detail: "password set"), db)
            return .success(())
        }
        try outcome.get()
    }

    public func signIn(_ userID: String, password: String, client: String) async throws -> Reader {
        let stored = try await database.read { db -> (Reader, String)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT hash, mac FROM credential WHERE reader = ?", arguments: [userID]),
                  let user = try self.user(userID, db) else { return nil }
            let hash: String = row["hash"]
            let mac: Data = row["mac"]
            guard Array(mac) == self.credentialMAC(reader: userID, hash: hash) else { throw StoreError.tampered("the password of \(userID)") }
            return (user, hash)
        }
        let accepted: Reader?
        if let (user, hash) = stored {
            accepted = PasswordHash.verify(password, against: hash) ? user : nil
        } else {
            PasswordHash.burn(cost: passwordCost)
            accepted = nil
        }
        // The attempted user name is kept as given (it may be a typo, or someone's password typed
        // in the wrong box): sealed in the entry, not plain.
        try await record(AuditEvent(user: accepted?.id ?? "-", action: .login, target: client,
                                    outcome: accepted == nil ? .denied : .ok,
                                    detail: accepted == nil ? "wrong user name or password" : "signed in",
                                    confidential: accepted == nil ? userID : ""))
        guard let accepted else { throw StoreError.signInFailed }
        return accepted
    }

    public func issueToken(for userID: String, label: String, as actor: String) async throws -> String {
        let token = "pouch_" + Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let digest = tokenDigest(token)
        let outcome: Result<String, StoreError> = try await database.write { db in
            guard let acting = try self.user(actor, db), acting.id == userID || acting.roles.contains(.administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .token, target: userID, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may issue a token for another person"))
            }
            guard try self.user(userID, db) != nil else { return .failure(.noSuchUser(userID)) }
            try db.execute(sql: "INSERT INTO token (digest, reader, label, created, mac) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Data(digest), userID, label, AuditEntry.timestamp(Date()),
                                       Data(self.tokenMAC(digest: digest, reader: userID))])
            try self.appendAudit(AuditEvent(user: actor, action: .token, target: userID, detail: "API token issued: \(label)"), db)
            return .success(token)
        }
        return try outcome.get()
    }

    public func bearer(_ token: String) async throws -> Reader? {
        guard token.hasPrefix("pouch_"), token.utf8.count < 100 else { return nil }
        let digest = tokenDigest(token)
        return try await database.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT reader, mac FROM token WHERE digest = ?"), arguments: [Data(digest)]) else { return nil }
            let reader: String = row["reader"]
            let mac: Data = row["mac"]
            guard Array(mac) == self.tokenMAC(digest: digest, reader: reader) else { throw StoreError.tampered("an API token of \(reader)") }
            return try self.user(reader, db)
        }
    }

    func credentialMAC(reader: String, hash: String) -> [UInt8] {
        master.authenticationCode(for: Array("\(reader.utf8.count):\(reader)\(hash)".utf8), purpose: "credential")
    }

    func tokenDigest(_ token: String) -> [UInt8] {
        master.authenticationCode(for: Array(token.utf8), purpose: "api-token")
    }

    func tokenMAC(digest: [UInt8], reader: String) -> [UInt8] {
        master.authenticationCode(for: digest + Array(reader.utf8), purpose: "api-token-owner")
    }
}
