import Foundation
import PostgresNIO
import PouchCore
import PouchPostgres
import PouchSQLite
import PouchStore

/// The databases the store's behaviour is checked on: SQLite always; PostgreSQL when
/// `$POUCH_TEST_POSTGRES` names a server (`scripts/test` starts a throwaway one).
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue == "sqlite" ? "SQLite" : "PostgreSQL" }

    /// The ones this run can use: SQLite, and PostgreSQL when a server is named; narrowed by
    /// `$POUCH_TEST_DATABASES` ("postgres", "sqlite,postgres") when set.
    public static var available: [TestDatabase] {
        let reachable: [TestDatabase] = PostgresTestServer.url == nil ? [.sqlite] : allCases
        guard let chosen = ProcessInfo.processInfo.environment["POUCH_TEST_DATABASES"], !chosen.isEmpty else { return reachable }
        let names = Set(chosen.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return reachable.filter { names.contains($0.rawValue) }
    }

    /// The administrator every test store is made with.
    public static let administrator = Reader(
        id: "admin", name: "Administrator", post: "STATE", roles: [.administrator, .securityOfficer], clearance: .topSecret)
    public static let credential = StoreCredential.passphrase("correct horse battery")

    /// Runs `body` with a new store (fast KDF cost, the administrator `admin`) in a folder or
    /// database of its own, removed afterwards however `body` ends.
    public func withStore<Result: Sendable>(_ body: (TestStore) async throws -> Result) async throws -> Result {
        let folder = NSTemporaryDirectory() + "pouch-store-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        switch self {
        case .sqlite:
            let store = try SQLiteStore.create(
                at: folder, credential: Self.credential, administrator: Self.administrator, cost: .testing)
            let handle = TestStore(store: store, database: self, folder: folder, location: nil)
            let result = try await body(handle)
            await store.close()
            return result
        case .postgres:
            return try await PostgresTestServer.withDatabase { location in
                let store = try await PostgresStore.create(
                    at: location, headDirectory: folder, credential: Self.credential, administrator: Self.administrator, cost: .testing)
                do {
                    let result = try await body(TestStore(store: store, database: self, folder: folder, location: location))
                    await store.close()
                    return result
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }
}

/// A store under test, and how to open it again (as a second server would).
public struct TestStore: Sendable {
    public let store: SealedStore
    public let database: TestDatabase
    /// The store directory (SQLite), or the folder of the audit head (PostgreSQL).
    public let folder: String
    public let location: PostgresLocation?

    /// The options and environment that make the `pouch` command open this store with the
    /// test credential (`PouchProcess.run`).
    public var command: (arguments: [String], environment: [String: String]) {
        guard case .passphrase(let passphrase) = TestDatabase.credential else { preconditionFailure("test stores use a passphrase") }
        var environment = ["POUCH_PASSPHRASE": passphrase, "POUCH_STORE_KEY": "", "POUCH_DATABASE": ""]
        guard let location else { return (["--store", folder], environment) }
        if let password = location.password { environment["PGPASSWORD"] = password }
        return (["--store", folder, "--database", location.description], environment)
    }

    /// Another store value over the same data, as another process (server) opens it: its own
    /// connections, caches and head file (in `headFolder` when given). Closed by the caller.
    public func openAgain(headFolder: String? = nil) async throws -> SealedStore {
        switch database {
        case .sqlite: try SQLiteStore.open(at: folder, credential: TestDatabase.credential)
        case .postgres:
            // A new server starts from a copy of another's signed audit head, as an operator sets one up.
            try await PostgresStore.open(at: location!, headDirectory: try Self.seeded(headFolder, from: folder), credential: TestDatabase.credential)
        }
    }

    /// `folder`, holding a copy of `source`'s audit head file if it had none; `source` when nil.
    static func seeded(_ folder: String?, from source: String) throws -> String {
        guard let folder else { return source }
        let head = folder + "/" + AuditHeadFile.fileName
        if !FileManager.default.fileExists(atPath: head) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.copyItem(atPath: source + "/" + AuditHeadFile.fileName, toPath: head)
        }
        return folder
    }
}

/// The PostgreSQL server tests use, named by `$POUCH_TEST_POSTGRES`.
public enum PostgresTestServer {
    public static let url = ProcessInfo.processInfo.environment["POUCH_TEST_POSTGRES"]

    /// Runs `body` against a new, empty database of its own on `server` (by default the one
    /// `$POUCH_TEST_POSTGRES` names), dropped afterwards however `body` ends.
    public static func withDatabase<Result: Sendable>(
        on server: PostgresLocation? = nil, _ body: (PostgresLocation) async throws -> Result
    ) async throws -> Result {
        guard let server = try server ?? url.map({ try PostgresLocation(url: $0) }) else {
            throw StoreError.invalid("set POUCH_TEST_POSTGRES to a PostgreSQL server's URL (scripts/test starts one)")
        }
        let name = "pouch_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresPool(server, maximumConnections: 1)
        do {
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        } catch {
            await admin.close()
            throw error
        }
        do {
            let result = try await body(server.database(name))
            try await drop(name, through: admin)
            return result
        } catch {
            try? await drop(name, through: admin)
            throw error
        }
    }

    private static func drop(_ name: String, through admin: PostgresPool) async throws {
        // Pools a test forgot to close must not keep the database alive.
        do {
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }
}
