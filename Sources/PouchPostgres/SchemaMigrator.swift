import PostgresNIO

/// The store's schema as an ordered list of named migrations, each applied once, in order, in
/// one transaction with its record in `pouch_migrations`.
///
/// Several servers may start at once against one database: each takes the same transaction-scoped
/// advisory lock before it reads what is applied, so one applies the missing migrations and the
/// others, once it commits, find nothing left to do. A migration that fails leaves nothing of
/// itself behind (PostgreSQL's DDL is transactional) and stops the ones after it. A migration,
/// once shipped, is never edited: a change is a new migration at the end.
public struct SchemaMigrator: Sendable {
    public struct Migration: Sendable {
        public var id: String
        /// Statements run in order (postgres-nio's extended protocol takes one statement a query).
        public var statements: [String]

        public init(_ id: String, _ statements: [String]) {
            self.id = id
            self.statements = statements
        }
    }

    public var migrations: [Migration]

    public init(_ migrations: [Migration]) {
        precondition(Set(migrations.map(\.id)).count == migrations.count, "two migrations share an ID")
        self.migrations = migrations
    }

    /// Every process migrating a Pouch database takes this lock ("pouch" in ASCII): one key, so
    /// any two migrators exclude each other, whatever their versions.
    static let lockKey: Int64 = 0x706F_7563_68

    /// Applies the migrations the database lacks; returns the IDs it applied (none when current).
    @discardableResult
    public func migrate(_ database: PostgresPool) async throws -> [String] {
        try await database.transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: database.logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS pouch_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: database.logger)
            var applied: Set<String> = []
            for try await id in try await connection.query("SELECT id FROM pouch_migrations", logger: database.logger).decode(String.self) {
                applied.insert(id)
            }
            // A database migrated by a newer Pouch has migrations this one does not know: refuse
            // rather than run old code against a schema it does not understand.
            let unknown = applied.subtracting(migrations.map(\.id))
            guard unknown.isEmpty else { throw SchemaError.newer(unknown.sorted()) }
            var done: [String] = []
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                }
                try await connection.query("INSERT INTO pouch_migrations (id) VALUES (\(migration.id))", logger: database.logger)
                done.append(migration.id)
            }
            return done
        }
    }

    /// What the database has applied, in the order it applied them.
    public func applied(in database: PostgresPool) async throws -> [String] {
        try await database.query("SELECT id FROM pouch_migrations ORDER BY applied_at, id").map { try $0.decode(String.self) }
    }
}

/// A database whose schema this Pouch cannot use.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Migrated by a newer Pouch: these migrations are unknown here.
    case newer([String])

    public var description: String {
        switch self {
        case .newer(let ids):
            "the database was migrated by a newer Pouch (\(ids.joined(separator: ", ")) unknown here): upgrade pouch before using it"
        }
    }
}
