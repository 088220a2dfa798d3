import Foundation
import PouchCore

extension SealedStore {
    public func setPassword(_ password: String, for userID: String, as actor: String) async throws {
        try PasswordHash.check(password)
        // scrypt runs before the write transaction, so a slow hash never holds the writer lock.
        let hash = try PasswordHash.make(password, cost: passwordCost)
        let outcome: Result<Void, StoreError> = try await writing { db in
            guard try self.mayManageAccount(of: userID, as: actor, db) else {
                try self.appendAudit(AuditEvent(user: actor, action: .password, target: userID, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may set another person's password"))
            }
            guard let user = try self.user(userID, db) else { return .failure(.noSuchUser(userID)) }
            try db.execute(
                sql:
                    "INSERT INTO credential (reader, hash, mac) VALUES (?, ?, ?) ON CONFLICT (reader) DO UPDATE SET hash = excluded.hash, mac = excluded.mac",
                arguments: [userID, hash, Data(self.credentialMAC(reader: userID, hash: hash))])
            // A new password ends every session signed in with the old one (the caller's own
            // session, if it is one, is renewed by the server).
            try self.setAccountState(user, disabled: user.disabled, db)
            try self.appendAudit(AuditEvent(user: actor, action: .password, target: userID, detail: "password set; other sessions ended"), db)
            return .success(())
        }
        try outcome.get()
    }

    public func signIn(_ userID: String, password: String, client: String) async throws -> Reader {
        let stored = try await reading { db -> (Reader, String)? in
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT hash, mac FROM credential WHERE reader = ?", arguments: [userID]),
                let user = try self.user(userID, db)
            else { return nil }
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
        // Only someone who knows the password learns that the account is disabled.
        if let accepted, accepted.disabled {
            try await record(AuditEvent(user: accepted.id, action: .login, target: client, outcome: .denied, detail: "account disabled"))
            throw StoreError.disabled(accepted.id)
        }
        // The attempted user name is kept as given (it may be a typo, or someone's password typed
        // in the wrong box): sealed in the entry, not plain.
        try await record(
            AuditEvent(
                user: accepted?.id ?? "-", action: .login, target: client,
                outcome: accepted == nil ? .denied : .ok,
                detail: accepted == nil ? "wrong user name or password" : "signed in",
                confidential: accepted == nil ? userID : ""))
        guard let accepted else { throw StoreError.signInFailed }
        return accepted
    }

    /// How long an API token lasts unless its issuer says otherwise: 90 days.
    public static let tokenLifetime: TimeInterval = 90 * 24 * 60 * 60

    public func issueToken(for userID: String, label: String, as actor: String) async throws -> String {
        try await issueToken(for: userID, label: label, lifetime: Self.tokenLifetime, as: actor)
    }

    /// Issues a token that expires after `lifetime` seconds.
    public func issueToken(for userID: String, label: String, lifetime: TimeInterval, as actor: String) async throws -> String {
        guard lifetime > 0, lifetime <= 3 * 365 * 24 * 60 * 60 else { throw StoreError.invalid("a token lasts from a second to three years") }
        guard !label.isEmpty, label.utf8.count <= 100, !label.contains(where: \.isNewline) else {
            throw StoreError.invalid("a token label is one line of 1 to 100 characters")
        }
        let token =
            "pouch_"
            + Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let digest = tokenDigest(token)
        let now = Date()
        let expires = AuditEntry.timestamp(now.addingTimeInterval(lifetime))
        let outcome: Result<String, StoreError> = try await writing { db in
            guard try self.mayManageAccount(of: userID, as: actor, db) else {
                try self.appendAudit(AuditEvent(user: actor, action: .token, target: userID, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may issue a token for another person"))
            }
            guard let owner = try self.user(userID, db) else { return .failure(.noSuchUser(userID)) }
            guard !owner.disabled else { return .failure(.disabled(userID)) }
            try db.execute(
                sql: "INSERT INTO token (digest, reader, label, created, expires, mac) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    Data(digest), userID, label, AuditEntry.timestamp(now), expires,
                    Data(self.tokenMAC(digest: digest, reader: userID, expires: expires)),
                ])
            try self.appendAudit(
                AuditEvent(user: actor, action: .token, target: userID, detail: "API token issued: \(label); expires \(expires)"), db)
            return .success(token)
        }
        return try outcome.get()
    }

    public func bearer(_ token: String) async throws -> Reader? {
        guard token.hasPrefix("pouch_"), token.utf8.count < 100 else { return nil }
        let digest = tokenDigest(token)
        return try await reading { db in
            guard
                let row = try SQLRow.fetchOne(
                    db, sql: "SELECT reader, expires, mac FROM token WHERE digest = ?", arguments: [Data(digest)])
            else { return nil }
            let reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
            let expires = String(decoding: (row["expires"]).bytes, as: UTF8.self)
            guard let mac = (row["mac"]).blobBytes,
                PasswordHash.constantTimeEqual(mac, self.tokenMAC(digest: digest, reader: reader, expires: expires))
            else {
                throw StoreError.tampered("an API token of \(reader)")
            }
            // Times are ISO 8601 in UTC with milliseconds: they compare as text.
            guard expires > AuditEntry.timestamp(Date()), let user = try self.user(reader, db), !user.disabled else { return nil }
            return user
        }
    }

    /// The person's tokens (labels and dates only; the tokens themselves are never kept).
    public func tokens(of userID: String, as actor: String) async throws -> [TokenInfo] {
        let outcome: Result<[TokenInfo], StoreError> = try await reading { db in
            guard try self.mayManageAccount(of: userID, as: actor, db) else {
                return .failure(.notPermitted("only an administrator may see another person's tokens"))
            }
            return .success(
                try SQLRow.fetchAll(db, sql: "SELECT label, created, expires FROM token WHERE reader = ? ORDER BY created", arguments: [userID]).map {
                    TokenInfo(label: $0["label"], created: $0["created"], expires: $0["expires"] ?? "")
                })
        }
        return try outcome.get()
    }

    /// Revokes the person's tokens with `label` (every token when nil); returns how many.
    public func revokeTokens(of userID: String, label: String?, as actor: String) async throws -> Int {
        let outcome: Result<Int, StoreError> = try await writing { db in
            guard try self.mayManageAccount(of: userID, as: actor, db) else {
                try self.appendAudit(AuditEvent(user: actor, action: .tokenRevoke, target: userID, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may revoke another person's tokens"))
            }
            guard try self.user(userID, db) != nil else { return .failure(.noSuchUser(userID)) }
            let count: Int
            if let label {
                count = try db.execute(sql: "DELETE FROM token WHERE reader = ? AND label = ?", arguments: [userID, label])
            } else {
                count = try db.execute(sql: "DELETE FROM token WHERE reader = ?", arguments: [userID])
            }
            guard count > 0 else {
                return .failure(label.map { .invalid("\(userID) has no token labelled '\($0)'") } ?? .invalid("\(userID) has no tokens"))
            }
            try self.appendAudit(
                AuditEvent(
                    user: actor, action: .tokenRevoke, target: userID,
                    detail: "\(count) token\(count == 1 ? "" : "s") revoked" + (label.map { ": \($0)" } ?? ": all")), db)
            return .success(count)
        }
        return try outcome.get()
    }

    /// Whether `actor` may manage `userID`'s password and tokens: the person themself or an
    /// administrator, with an account that is not disabled.
    func mayManageAccount(of userID: String, as actor: String, _ db: any SQLConnection) throws -> Bool {
        guard let acting = try user(actor, db), !acting.disabled else { return false }
        return acting.id == userID || acting.acts(as: .administrator)
    }

    func credentialMAC(reader: String, hash: String) -> [UInt8] {
        integrity.authenticationCode(for: Array("\(reader.utf8.count):\(reader)\(hash)".utf8), purpose: "credential")
    }

    func tokenDigest(_ token: String) -> [UInt8] {
        integrity.authenticationCode(for: Array(token.utf8), purpose: "api-token")
    }

    /// A token's owner and expiry, bound to its digest.
    func tokenMAC(digest: [UInt8], reader: String, expires: String) -> [UInt8] {
        macs.token.code(fields: [digest, Array(reader.utf8), Array(expires.utf8)])
    }

    /// The format 1 MAC (no expiry), checked once when a store is upgraded.
    func legacyTokenMAC(digest: [UInt8], reader: String) -> [UInt8] {
        integrity.authenticationCode(for: digest + Array(reader.utf8), purpose: "api-token-owner")
    }
}
