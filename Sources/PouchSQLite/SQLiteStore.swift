import Foundation
import GRDB
import PouchCore
import PouchStore

/// The embedded store: one SQLite file (WAL, foreign keys, migrations) in the store directory.
///
/// Cable text is sealed (`Seal`) under the master key and signed by the sending post; only the
/// metadata the need-to-know rule needs (classification, captions, distribution) is plain.
public struct SQLiteStore: CableStore {
    let database: DatabasePool
    let master: MasterKey

    /// The database file inside a store directory.
    public static func databasePath(in directory: String) -> String { directory + "/pouch.sqlite" }

    /// Creates a new store protected by a passphrase.
    public static func create(at directory: String, passphrase: String, cost: MasterKey.Cost = .standard) throws -> SQLiteStore {
        let path = databasePath(in: directory)
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: 0...255, using: &generator) }
        let master = try MasterKey.derive(passphrase: passphrase, salt: salt, cost: cost)
        let database = try DatabasePool(path: path)
        try migrator.migrate(database)
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO meta (id, salt, verifier, rounds, blockSize, parallelism) VALUES (1, ?, ?, ?, ?, ?)",
                arguments: [Data(salt), Data(master.verifier), cost.rounds, cost.blockSize, cost.parallelism])
        }
        return SQLiteStore(database: database, master: master)
    }

    /// Opens an existing store; a wrong passphrase is a clear error.
    public static func open(at directory: String, passphrase: String) throws -> SQLiteStore {
        let path = databasePath(in: directory)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notAStore(directory) }
        let database = try DatabasePool(path: path)
        try migrator.migrate(database)
        guard let row = try database.read({ try Row.fetchOne($0, sql: "SELECT * FROM meta WHERE id = 1") }) else {
            throw StoreError.notAStore(directory)
        }
        let salt: Data = row["salt"]
        let cost = MasterKey.Cost(rounds: row["rounds"], blockSize: row["blockSize"], parallelism: row["parallelism"])
        let master = try MasterKey.derive(passphrase: passphrase, salt: Array(salt), cost: cost)
        let verifier: Data = row["verifier"]
        guard Array(verifier) == master.verifier else { throw StoreError.wrongPassphrase }
        return SQLiteStore(database: database, master: master)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("id", .integer)
                t.column("salt", .blob).notNull()
                t.column("verifier", .blob).notNull()
                t.column("rounds", .integer).notNull()
                t.column("blockSize", .integer).notNull()
                t.column("parallelism", .integer).notNull()
            }
            try db.create(table: "reader") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("post", .text).notNull()
                t.column("roles", .text).notNull()
                t.column("clearance", .integer).notNull()
                t.column("citizen", .boolean).notNull()
                t.column("grants", .text).notNull()
            }
            try db.create(table: "postKey") { t in
                t.primaryKey("post", .text)
                t.column("publicKey", .blob).notNull()
                t.column("wrappedKey", .blob).notNull()
                t.column("sealedKey", .blob).notNull()
            }
            try db.create(table: "cable") { t in
                t.primaryKey("id", .text)
                t.column("classification", .integer).notNull()
                t.column("caveats", .text).notNull()
                t.column("archive", .boolean).notNull()
                t.column("post", .text).notNull().references("postKey")
                t.column("wrappedKey", .blob).notNull()
                t.column("sealedText", .blob).notNull()
                t.column("signature", .blob).notNull()
            }
            try db.create(table: "addressee") { t in
                t.column("cable", .text).notNull().references("cable", onDelete: .cascade)
                t.column("reader", .text).notNull().references("reader")
                t.primaryKey(["cable", "reader"])
            }
        }
        return migrator
    }

    // MARK: Readers

    public func addReader(_ reader: Reader) async throws {
        do {
            try await database.write { db in
                try db.execute(
                    sql: "INSERT INTO reader (id, name, post, roles, clearance, citizen, grants) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [reader.id, reader.name, reader.post, reader.roles.map(\.rawValue).sorted().joined(separator: ","),
                                reader.clearance.rawValue, reader.citizen, reader.grants.map(\.rawValue).sorted().joined(separator: ",")])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicate("user \(reader.id)")
        }
    }

    public func reader(id: String) async throws -> Reader? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM reader WHERE id = ?", arguments: [id]).map(Self.reader(from:))
        }
    }

    public func readers() async throws -> [Reader] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reader ORDER BY id").map(Self.reader(from:))
        }
    }

    static func reader(from row: Row) -> Reader {
        let roles: String = row["roles"]
        let grants: String = row["grants"]
        return Reader(
            id: row["id"], name: row["name"], post: row["post"],
            roles: Set(roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }),
            clearance: Classification(rawValue: row["clearance"]) ?? .topSecret, citizen: row["citizen"],
            grants: Set(grants.split(separator: ",").map { Caveat(rawValue: String($0)) }))
    }

    // MARK: Cables

    public func put(_ cable: Cable, distribution: Distribution) async throws {
        guard let id = cable.referenceID else { throw StoreError.invalid("a cable needs a reference ID to be stored") }
        let post = cable.origin ?? Post(telegramPost: id.post).fmLine
        let text = Array(CableRenderer().render(cable).utf8)
        let master = self.master
        try await database.write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM cable WHERE id = ?", arguments: [id.description]) == nil else {
                throw StoreError.duplicate("cable \(id)")
            }
            let signer = try Self.signingKey(for: post, db: db, master: master)
            let sealed = try Seal.seal(text, record: "cable:\(id)", master: master)
            let signature = try signer.sign(text)
            let archive: Bool
            var addressees: Set<String> = []
            switch distribution {
            case .archive: archive = true
            case .addressees(let ids):
                archive = false
                addressees = ids
            }
            try db.execute(
                sql: "INSERT INTO cable (id, classification, caveats, archive, post, wrappedKey, sealedText, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [id.description, cable.classification.rawValue, cable.caveats.map(\.rawValue).joined(separator: ","), archive, post,
                            Data(sealed.wrappedKey), Data(sealed.content), Data(signature)])
            for reader in addressees.sorted() {
                do {
                    try db.execute(sql: "INSERT INTO addressee (cable, reader) VALUES (?, ?)", arguments: [id.description, reader])
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    // The whole put is rolled back: all or nothing.
                    throw StoreError.noSuchReader(reader)
                }
            }
        }
    }

    /// The post's signing key, created (and sealed) on first use.
    static func signingKey(for post: String, db: Database, master: MasterKey) throws -> PostSigningKey {
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM postKey WHERE post = ?", arguments: [post]) {
            let wrapped: Data = row["wrappedKey"]
            let sealed: Data = row["sealedKey"]
            let raw = try Seal.open(SealedRecord(wrappedKey: Array(wrapped), content: Array(sealed)), record: "post:\(post)", master: master)
            return try PostSigningKey(rawRepresentation: raw)
        }
        let key = PostSigningKey()
        let sealed = try Seal.seal(key.rawRepresentation, record: "post:\(post)", master: master)
        try db.execute(
            sql: "INSERT INTO postKey (post, publicKey, wrappedKey, sealedKey) VALUES (?, ?, ?, ?)",
            arguments: [post, Data(key.publicKey), Data(sealed.wrappedKey), Data(sealed.content)])
        return key
    }

    public func cable(_ referenceID: ReferenceID, as readerID: String) async throws -> Cable {
        let id = referenceID.description
        let master = self.master
        return try await database.read { db in
            guard let reader = try Row.fetchOne(db, sql: "SELECT * FROM reader WHERE id = ?", arguments: [readerID]).map(Self.reader(from:)),
                  let row = try Row.fetchOne(db, sql: "SELECT cable.*, postKey.publicKey FROM cable JOIN postKey ON postKey.post = cable.post WHERE id = ?", arguments: [id]),
                  try Self.mayRead(reader, row: row, db: db)
            else { throw StoreError.noSuchCable(id) }
            let wrapped: Data = row["wrappedKey"]
            let sealed: Data = row["sealedText"]
            let signature: Data = row["signature"]
            let publicKey: Data = row["publicKey"]
            let text = try Seal.open(SealedRecord(wrappedKey: Array(wrapped), content: Array(sealed)), record: "cable:\(id)", master: master)
            try PostSigningKey.verify(Array(signature), of: text, publicKey: Array(publicKey), record: "cable:\(id)")
            do {
                return try CableParser().parse(text: String(decoding: text, as: UTF8.self)).cable
            } catch {
                throw SealError.tampered(record: "cable:\(id)")
            }
        }
    }

    public func list(as readerID: String) async throws -> [ReferenceID] {
        try await database.read { db in
            guard let reader = try Row.fetchOne(db, sql: "SELECT * FROM reader WHERE id = ?", arguments: [readerID]).map(Self.reader(from:)) else {
                return []
            }
            // The classification filter runs inside the query; captions and distribution per row.
            let rows = try Row.fetchAll(db, sql: "SELECT id, classification, caveats, archive FROM cable WHERE classification <= ? ORDER BY id",
                                        arguments: [reader.clearance.rawValue])
            return try rows.filter { try Self.mayRead(reader, row: $0, db: db) }.compactMap { ReferenceID($0["id"] as String) }
        }
    }

    static func mayRead(_ reader: Reader, row: Row, db: Database) throws -> Bool {
        let caveatsText: String = row["caveats"]
        let caveats = caveatsText.split(separator: ",").map { Caveat(rawValue: String($0)) }
        let level = Classification(rawValue: row["classification"]) ?? .topSecret
        let archive: Bool = row["archive"]
        let distribution: Distribution
        if archive {
            distribution = .archive
        } else {
            let id: String = row["id"]
            let listed = try Bool.fetchOne(db, sql: "SELECT 1 FROM addressee WHERE cable = ? AND reader = ?", arguments: [id, reader.id]) ?? false
            distribution = .addressees(listed ? [reader.id] : [])
        }
        return AccessPolicy.mayRead(reader, classification: level, caveats: caveats, distribution: distribution)
    }
}
