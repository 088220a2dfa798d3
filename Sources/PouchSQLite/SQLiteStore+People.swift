import Foundation
import GRDB
import PouchCore
import PouchStore

extension SQLiteStore {
    public func addUsers(_ users: [Reader], as actor: String) async throws {
        let outcome: Result<Void, StoreError> = try await database.write { db in
            guard let admin = try self.user(actor, db), admin.roles.contains(.administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .userAdd, target: users.map(\.id).joined(separator: ","), outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may add users"))
            }
            for user in users {
                guard UserFields.isValidID(user.id) else { throw StoreError.invalid("'\(user.id)' is not a valid user ID (letters, digits, . _ - @)") }
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
        try await database.read { db in try self.user(id, db) }
    }

    public func users() async throws -> [Reader] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reader ORDER BY id").map { try self.verifiedUser($0) }
        }
    }

    public func addToList(_ name: String, members: [String], as actor: String) async throws {
        let outcome: Result<Void, StoreError> = try await database.write { db in
            guard let admin = try self.user(actor, db), admin.roles.contains(.administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .listAdd, target: name, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may change distribution lists"))
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw StoreError.invalid("'\(name)' is not a valid list name (letters, digits, . _ -)")
            }
            for member in members where try self.user(member, db) == nil { throw StoreError.noSuchUser(member) }
            try db.execute(sql: "INSERT OR IGNORE INTO list (name) VALUES (?)", arguments: [name])
            for member in members {
                try db.execute(sql: "INSERT OR IGNORE INTO listMember (list, reader) VALUES (?, ?)", arguments: [name, member])
            }
            try self.appendAudit(AuditEvent(user: actor, action: .listAdd, target: name, detail: "members \(members.joined(separator: ","))"), db)
            return .success(())
        }
        try outcome.get()
    }

    public func lists() async throws -> [String: [String]] {
        try await database.read { db in
            var lists: [String: [String]] = [:]
            for name in try String.fetchAll(db, sql: "SELECT name FROM list") { lists[name] = [] }
            for row in try Row.fetchAll(db, sql: "SELECT list, reader FROM listMember ORDER BY list, reader") {
                lists[row["list"], default: []].append(row["reader"])
            }
            return lists
        }
    }

    // MARK: Rows

    func insertUser(_ user: Reader, _ db: Database) throws {
        let roles = user.roles.map(\.rawValue).sorted().joined(separator: ",")
        let grants = user.grants.map(\.rawValue).sorted().joined(separator: ",")
        let mac = userMAC(id: user.id, name: user.name, post: user.post, roles: roles, clearance: user.clearance.rawValue, citizen: user.citizen, grants: grants)
        try db.execute(
            sql: "INSERT INTO reader (id, name, post, roles, clearance, citizen, grants, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [user.id, user.name, user.post, roles, user.clearance.rawValue, user.citizen, grants, Data(mac)])
    }

    /// The user, if the row exists; a row whose MAC fails (a raised clearance, a new grant) is tampering.
    func user(_ id: String, _ db: Database) throws -> Reader? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM reader WHERE id = ?"), arguments: [id]).map { try verifiedUser($0) }
    }

    func verifiedUser(_ row: Row) throws -> Reader {
        let id = String(decoding: Self.bytes(row["id"]), as: UTF8.self)
        let roles = String(decoding: Self.bytes(row["roles"]), as: UTF8.self)
        let grants = String(decoding: Self.bytes(row["grants"]), as: UTF8.self)
        let name = String(decoding: Self.bytes(row["name"]), as: UTF8.self)
        let post = String(decoding: Self.bytes(row["post"]), as: UTF8.self)
        let clearanceValue = row["clearance"] as DatabaseValue
        let citizenValue = row["citizen"] as DatabaseValue
        guard let clearanceRaw = Int.fromDatabaseValue(clearanceValue), let clearance = Classification(rawValue: clearanceRaw),
              let citizen = Bool.fromDatabaseValue(citizenValue),
              let stored = Data.fromDatabaseValue(row["mac"] as DatabaseValue),
              Array(stored) == userMAC(id: id, name: name, post: post, roles: roles, clearance: clearanceRaw, citizen: citizen, grants: grants)
        else { throw StoreError.tampered("user \(id)") }
        return Reader(
            id: id, name: name, post: post,
            roles: Set(roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }),
            clearance: clearance, citizen: citizen,
            grants: Set(grants.split(separator: ",").map { Caveat(rawValue: String($0)) }))
    }

    func userMAC(id: String, name: String, post: String, roles: String, clearance: Int, citizen: Bool, grants: String) -> [UInt8] {
        let fields = [id, name, post, roles, String(clearance), citizen ? "1" : "0", grants]
        return master.authenticationCode(for: Array(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8), purpose: "user")
    }

    /// A column's stored bytes, whatever its type: what a MAC or hash must cover.
    static func bytes(_ value: DatabaseValue) -> [UInt8] {
        switch value.storage {
        case .null: []
        case .int64(let number): Array(String(number).utf8)
        case .double(let number): Array(String(number).utf8)
        case .string(let text): Array(text.utf8)
        case .blob(let data): Array(data)
        }
    }

    static func describeAccess(_ user: Reader) -> String {
        var caveats = user.grants.map(\.rawValue).sorted()
        if user.citizen { caveats.insert("NOFORN", at: 0) }
        return "post \(user.post); clearance \(user.clearance.word); caveats \(caveats.isEmpty ? "none" : caveats.joined(separator: ",")); roles \(user.roles.map(\.rawValue).sorted().joined(separator: ","))"
    }
}
