import PostgresNIO
import Testing

@testable import PouchPostgres

@Suite("Schema migrations on a real PostgreSQL server", .enabled(if: TestServer.isAvailable, TestServer.skipReason))
struct SchemaMigratorTests {
    static let schema = SchemaMigrator([
        .init("0001-people", ["CREATE TABLE people (id text PRIMARY KEY, name text NOT NULL)"]),
        .init("0002-lists", ["CREATE TABLE lists (name text, member text REFERENCES people(id))", "CREATE INDEX lists_member ON lists (member)"]),
    ])

    @Test("each migration is applied once, in order; migrating again changes nothing")
    func once() async throws {
        try await TestServer.withDatabase { location async throws in
            let database = PostgresPool(location)
            #expect(try await Self.schema.migrate(database) == ["0001-people", "0002-lists"])
            #expect(try await Self.schema.migrate(database) == [])
            #expect(try await Self.schema.applied(in: database) == ["0001-people", "0002-lists"])
            // A later Pouch adds a migration at the end: only it runs.
            let later = SchemaMigrator(Self.schema.migrations + [.init("0003-posts", ["CREATE TABLE posts (name text PRIMARY KEY)"])])
            #expect(try await later.migrate(database) == ["0003-posts"])
            await database.close()
        }
    }

    @Test("servers starting at once against one database apply each migration exactly once, with no error")
    func concurrentStarts() async throws {
        try await TestServer.withDatabase { location async throws in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        // Each "server" has its own pool, as separate processes would.
                        let database = PostgresPool(location, maximumConnections: 2)
                        do {
                            let applied = try await Self.schema.migrate(database)
                            await database.close()
                            return applied
                        } catch {
                            await database.close()
                            throw error
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append(contentsOf: $1) }
            }
            #expect(applied.sorted() == ["0001-people", "0002-lists"], "one server applied both; the others found nothing to do")
            let database = PostgresPool(location)
            let rows = try await database.query("SELECT count(*) FROM pouch_migrations")
            #expect(try rows.first?.decode(Int.self) == 2)
            await database.close()
        }
    }

    @Test("a migration that fails leaves nothing of itself, and the database can be migrated once it is mended")
    func failureRollsBack() async throws {
        try await TestServer.withDatabase { location async throws in
            let database = PostgresPool(location)
            let broken = SchemaMigrator(
                Self.schema.migrations + [
                    .init("0003-posts", ["CREATE TABLE posts (name text PRIMARY KEY)", "CREATE INDEX posts_typo ON posts (nmae)"])
                ])
            let error = await #expect(throws: PostgresStoreError.self) { try await broken.migrate(database) }
            #expect(error?.sqlState == "42703", "undefined column")
            #expect(error?.description.contains("nmae") == true)
            // Nothing of the failed run is left: no table, not even the record of migrations (one transaction).
            for table in ["people", "lists", "posts", "pouch_migrations"] {
                #expect(try await database.query("SELECT to_regclass(\(table)) IS NULL").first?.decode(Bool.self) == true, "\(table)")
            }
            #expect(try await Self.schema.migrate(database) == ["0001-people", "0002-lists"])
            await database.close()
        }
    }

    @Test("a database a newer Pouch migrated is refused, not half-used")
    func newerSchema() async throws {
        try await TestServer.withDatabase { location async throws in
            let database = PostgresPool(location)
            let newer = SchemaMigrator(Self.schema.migrations + [.init("0003-posts", ["CREATE TABLE posts (name text PRIMARY KEY)"])])
            try await newer.migrate(database)
            let error = await #expect(throws: SchemaError.self) { try await Self.schema.migrate(database) }
            #expect(error == .newer(["0003-posts"]))
            await database.close()
        }
    }

    @Test("a server that does not answer is named, with what to check, and no password")
    func unreachable() async throws {
        let location = try PostgresLocation(url: "postgres://pouch:pw-that-must-not-show@127.0.0.1:1/pouch", environment: [:])
        let database = PostgresPool(location)
        let error = await #expect(throws: PostgresStoreError.self) { try await database.checkReachable() }
        #expect(error?.description.contains("127.0.0.1:1") == true)
        #expect(error?.description.contains("cannot connect") == true, "\(error.map { "\($0)" } ?? "")")
        #expect(error?.description.contains("pw-that-must-not-show") == false)
        await database.close()
    }
}
