import Foundation
import PouchCore

extension SealedStore {
    public func addUsers(_ users: [Reader], as actor: String) async throws {
        let outcome: Result<Void, StoreError> = try await writing { db in
            guard let admin = try self.user(actor, db), admin.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .userAdd, target: users.map(\.id).joined(separator: ","), outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may add users"))
            }
            for user in users {
                guard UserFields.isValidID(user.id) else {
                    throw StoreError.invalid("'\(user.id)' is not a valid user ID (letters, digits, . _ - @)")
                }
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM reader WHERE id = ?", arguments: [user.id]) == true {
                    throw StoreError.duplicate("user \(user.id)")
                }
                try self.insertUser(user, db)
                try self.appendAudit(AuditEvent(user: actor, action: .userAdd, target: user.id, detail: Self.describeAccess(user)), db)
            }
            return .success(())
        }
        try outcome.get()
    }

    public func user(id: String) async throws -> Reader? {
        try await reading { db in try self.user(id, db) }
    }

    /// Everyone (administrators), or, as an address book, every active account (drafters too).
    func usersChecked(as actor: String, addressBook: Bool = false) async throws -> UserListing {
        let (outcome, events): (Result<UserListing, StoreError>, [AuditEvent]) = try await reading { db in
            guard let admin = try self.user(actor, db),
                admin.acts(as: .administrator) || (addressBook && (admin.acts(as: .drafter) || admin.acts(as: .securityOfficer)))
            else {
                return (
                    .failure(
                        .notPermitted(
                            addressBook ? "only drafters and security officers may see the address book" : "only an administrator may list users")),
                    [AuditEvent(user: actor, action: .userList, target: addressBook ? "address book" : "", outcome: .denied)]
                )
            }
            var listing = UserListing()
            for row in try SQLRow.fetchAll(db, sql: "SELECT * FROM reader ORDER BY id") {
                do {
                    listing.users.append(try self.verifiedUser(row))
                } catch {
                    // One changed row must not hide everyone else from the administrators: left out, named, audited.
                    listing.damaged.append(String(decoding: (row["id"]).bytes, as: UTF8.self))
                }
            }
            if addressBook { listing.users.removeAll(where: \.disabled) }
            let found = try self.reportTampering(listing.damaged.map { "user \($0)" }, found: actor, during: .userList)
            return (
                .success(listing),
                found + [
                    AuditEvent(
                        user: actor, action: .userList, target: addressBook ? "address book" : "",
                        detail: "\(listing.users.count) users"
                            + (listing.damaged.isEmpty ? "" : "; tampering detected in \(listing.damaged.joined(separator: ","))"))
                ]
            )
        }
        for event in events { try await record(event) }
        return try outcome.get()
    }

    /// Disables or enables an account (administrators): a disabled person's sessions and tokens
    /// stop working at once and their sign-in is refused.
    public func setDisabled(_ disabled: Bool, user userID: String, as actor: String) async throws {
        let action: AuditAction = disabled ? .userDisable : .userEnable
        let outcome: Result<Void, StoreError> = try await writing { db in
            guard let admin = try self.user(actor, db), admin.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: action, target: userID, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may disable or enable accounts"))
            }
            guard let user = try self.user(userID, db) else { return .failure(.noSuchUser(userID)) }
            if disabled, userID == actor { return .failure(.invalid("an administrator cannot disable their own account")) }
            guard user.disabled != disabled else { return .failure(.invalid("\(userID) is already \(disabled ? "disabled" : "enabled")")) }
            try self.setAccountState(user, disabled: disabled, db)
            try self.appendAudit(
                AuditEvent(
                    user: actor, action: action, target: userID,
                    detail: disabled ? "account disabled; sessions and tokens ended" : "account enabled"), db)
            return .success(())
        }
        try outcome.get()
    }

    @discardableResult
    public func updateUser(_ updated: Reader, as actor: String) async throws -> Reader {
        let outcome: Result<Reader, StoreError> = try await writing { db in
            guard let admin = try self.user(actor, db), admin.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .userUpdate, target: updated.id, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may change a person's post, clearance, caveats or roles"))
            }
            guard let (before, generation) = try self.account(updated.id, db) else { return .failure(.noSuchUser(updated.id)) }
            if updated.id == actor, !updated.roles.contains(.administrator) {
                return .failure(.invalid("an administrator cannot take away their own administrator role"))
            }
            var after = updated
            after.disabled = before.disabled
            let changes = UserFields.changes(from: before, to: after)
            guard !changes.isEmpty else { return .failure(.invalid("nothing to change for \(updated.id)")) }
            // The same generation: the change is not a reason to end the person's sessions.
            let (roles, grants) = Self.storedLists(of: after)
            try db.execute(
                sql: "UPDATE reader SET name = ?, post = ?, roles = ?, clearance = ?, citizen = ?, grants = ?, mac = ? WHERE id = ?",
                arguments: [
                    after.name, after.post, roles, after.clearance.rawValue, after.citizen, grants,
                    Data(self.userMAC(after, disabled: after.disabled, generation: generation)), after.id,
                ])
            try self.appendAudit(AuditEvent(user: actor, action: .userUpdate, target: after.id, detail: changes.joined(separator: "; ")), db)
            return .success(before)
        }
        return try outcome.get()
    }

    public func account(id: String) async throws -> Account? {
        try await reading { db in try self.account(id, db).map { Account(reader: $0.reader, generation: $0.generation) } }
    }

    public func addToList(_ name: String, members: [String], as actor: String) async throws {
        let outcome: Result<Void, StoreError> = try await writing { db in
            guard let admin = try self.user(actor, db), admin.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .listAdd, target: name, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may change distribution lists"))
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw StoreError.invalid("'\(name)' is not a valid list name (letters, digits, . _ -)")
            }
            for member in members where try self.user(member, db) == nil { throw StoreError.noSuchUser(member) }
            if try self.verifiedMembers(of: name, db) == nil {
                try db.execute(sql: "INSERT INTO list (name) VALUES (?)", arguments: [name])
            }
            for member in members {
                try db.execute(sql: "INSERT INTO listMember (list, reader) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [name, member])
            }
            try self.sealList(name, db)
            try self.appendAudit(AuditEvent(user: actor, action: .listAdd, target: name, detail: "members \(members.joined(separator: ","))"), db)
            return .success(())
        }
        try outcome.get()
    }

    public func removeFromList(_ name: String, members: [String], as actor: String) async throws {
        let outcome: Result<Void, StoreError> = try await writing { db in
            guard let admin = try self.user(actor, db), admin.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .listRemove, target: name, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may change distribution lists"))
            }
            // A list changed outside Pouch is not silently re-sealed: verifiedMembers throws.
            guard let current = try self.verifiedMembers(of: name, db) else { throw StoreError.noSuchList(name) }
            for member in members where !current.contains(member) {
                throw StoreError.invalid("\(member) is not on the list \(name)")
            }
            for member in members {
                try db.execute(sql: "DELETE FROM listMember WHERE list = ? AND reader = ?", arguments: [name, member])
            }
            try self.sealList(name, db)
            try self.appendAudit(AuditEvent(user: actor, action: .listRemove, target: name, detail: "members \(members.joined(separator: ","))"), db)
            return .success(())
        }
        try outcome.get()
    }

    /// Every list whose members are as the administrators left them (a changed list is left out:
    /// `pouch verify` and every send to it report it).
    public func lists(as actor: String) async throws -> [String: [String]] {
        let outcome: Result<[String: [String]], StoreError> = try await reading { db in
            guard let user = try self.user(actor, db), user.acts(as: .administrator) || user.acts(as: .drafter) else {
                return .failure(.notPermitted("only drafters and administrators see distribution lists"))
            }
            var lists: [String: [String]] = [:]
            for name in try String.fetchAll(db, sql: "SELECT name FROM list") {
                if let members = try? self.verifiedMembers(of: name, db) { lists[name] = members }
            }
            return .success(lists)
        }
        if case .failure = outcome { try await record(AuditEvent(user: actor, action: .userList, target: "lists", outcome: .denied)) }
        return try outcome.get()
    }

    // MARK: Rows

    /// A person's roles and grants as the `reader` row stores them (sorted, comma-separated).
    static func storedLists(of user: Reader) -> (roles: String, grants: String) {
        (user.roles.map(\.rawValue).sorted().joined(separator: ","), user.grants.map(\.rawValue).sorted().joined(separator: ","))
    }

    func insertUser(_ user: Reader, _ db: any SQLConnection) throws {
        let (roles, grants) = Self.storedLists(of: user)
        try db.execute(
            sql:
                "INSERT INTO reader (id, name, post, roles, clearance, citizen, grants, disabled, generation, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            arguments: [
                user.id, user.name, user.post, roles, user.clearance.rawValue, user.citizen, grants, user.disabled,
                Data(userMAC(user, disabled: user.disabled, generation: 0)),
            ])
    }

    /// The user, if the row exists; a row whose MAC fails (a raised clearance, a new grant, an
    /// account enabled behind the administrators' backs) is tampering.
    func user(_ id: String, _ db: any SQLConnection) throws -> Reader? {
        try SQLRow.fetchOne(db, sql: "SELECT * FROM reader WHERE id = ?", arguments: [id]).map { try verifiedUser($0) }
    }

    /// The users among `ids`, each checked under its MAC, read 500 to a statement: a send to a
    /// thousand people checks them all again inside its transaction.
    func users(_ ids: [String], _ db: any SQLConnection) throws -> [String: Reader] {
        var found: [String: Reader] = [:]
        for chunk in ids.chunks(of: 500) {
            let part = Array(chunk)
            for row in try SQLRow.fetchAll(
                db, sql: "SELECT * FROM reader WHERE id IN (\(SQLArguments.placeholders(part.count)))", arguments: SQLArguments(part))
            {
                let user = try verifiedUser(row)
                found[user.id] = user
            }
        }
        return found
    }

    /// The user and their account generation (raised by a password change, disabling or revocation).
    func account(_ id: String, _ db: any SQLConnection) throws -> (reader: Reader, generation: Int)? {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM reader WHERE id = ?", arguments: [id]) else { return nil }
        let reader = try verifiedUser(row)
        return (reader, Int(sqlValue: row["generation"]) ?? 0)
    }

    /// Checks a user row under its MAC: format 1 rows (before account state) during an upgrade,
    /// format 2 rows otherwise.
    func verifiedUser(_ row: SQLRow, format: Int = SealedStore.currentFormat) throws -> Reader {
        let id = String(decoding: (row["id"]).bytes, as: UTF8.self)
        let roles = String(decoding: (row["roles"]).bytes, as: UTF8.self)
        let grants = String(decoding: (row["grants"]).bytes, as: UTF8.self)
        let name = String(decoding: (row["name"]).bytes, as: UTF8.self)
        let post = String(decoding: (row["post"]).bytes, as: UTF8.self)
        let clearanceValue = row["clearance"] as SQLValue
        let citizenValue = row["citizen"] as SQLValue
        guard let clearanceRaw = Int(sqlValue: clearanceValue), let clearance = Classification(rawValue: clearanceRaw),
            let citizen = Bool(sqlValue: citizenValue),
            let disabled = Bool(sqlValue: row["disabled"] as SQLValue),
            let generation = Int(sqlValue: row["generation"] as SQLValue),
            let stored = Data(sqlValue: row["mac"] as SQLValue)
        else { throw StoreError.tampered("user \(id)") }
        let reader = Reader(
            id: id, name: name, post: post,
            roles: Set(roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }),
            clearance: clearance, citizen: citizen,
            grants: Set(grants.split(separator: ",").map { Caveat(rawValue: String($0)) }), disabled: disabled)
        let expected =
            format < 2
            ? legacyUserMAC(id: id, name: name, post: post, roles: roles, clearance: clearanceRaw, citizen: citizen, grants: grants)
            : userMAC(fields: [id, name, post, roles, String(clearanceRaw), citizen ? "1" : "0", grants, disabled ? "1" : "0", String(generation)])
        guard PasswordHash.constantTimeEqual(Array(stored), expected), format >= 2 || (!disabled && generation == 0) else {
            throw StoreError.tampered("user \(id)")
        }
        return reader
    }

    /// The MAC of a user row with its account state.
    func userMAC(_ user: Reader, disabled: Bool, generation: Int) -> [UInt8] {
        let (roles, grants) = Self.storedLists(of: user)
        return userMAC(fields: [
            user.id, user.name, user.post, roles, String(user.clearance.rawValue), user.citizen ? "1" : "0", grants,
            disabled ? "1" : "0", String(generation),
        ])
    }

    func userMAC(fields: [String]) -> [UInt8] {
        macs.user.code(fields: fields.map { Array($0.utf8) })
    }

    /// The format 1 MAC (no account state), checked once when a store is upgraded.
    func legacyUserMAC(id: String, name: String, post: String, roles: String, clearance: Int, citizen: Bool, grants: String) -> [UInt8] {
        let fields = [id, name, post, roles, String(clearance), citizen ? "1" : "0", grants]
        return integrity.authenticationCode(for: Array(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8), purpose: "user")
    }

    /// Sets a user's account state and raises their generation (ending their sessions), in the caller's transaction.
    func setAccountState(_ user: Reader, disabled: Bool, _ db: any SQLConnection) throws {
        guard let (_, generation) = try account(user.id, db) else { throw StoreError.noSuchUser(user.id) }
        try db.execute(
            sql: "UPDATE reader SET disabled = ?, generation = ?, mac = ? WHERE id = ?",
            arguments: [disabled, generation + 1, Data(userMAC(user, disabled: disabled, generation: generation + 1)), user.id])
    }

    static func describeAccess(_ user: Reader) -> String {
        var caveats = user.grants.map(\.rawValue).sorted()
        if user.citizen { caveats.insert("NOFORN", at: 0) }
        return
            "post \(user.post); clearance \(user.clearance.word); caveats \(caveats.isEmpty ? "none" : caveats.joined(separator: ",")); roles \(user.roles.map(\.rawValue).sorted().joined(separator: ","))"
    }
}
