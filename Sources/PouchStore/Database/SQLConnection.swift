/// One connection inside one transaction, as the store's logic uses it: statements in the subset
/// of SQL that SQLite and PostgreSQL share, with `?` for parameters.
///
/// Calls are synchronous: a transaction's statements run one after another on the connection the
/// transaction holds, and its body is plain code between them (no suspension while a write
/// transaction is open). SQLite implements this on GRDB's `Database`, PostgreSQL on a connection
/// the transaction owns.
public protocol SQLConnection {
    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    func execute(sql: String, arguments: SQLArguments) throws -> Int
    /// Every row of a query.
    func fetchAll(sql: String, arguments: SQLArguments) throws -> [SQLRow]
    /// The first row of a query, or nil.
    func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLRow?
    /// Each row of a query in turn, without holding them all (a scan of a whole table).
    func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws
    /// Runs `action` once the transaction commits (given the connection, outside any transaction),
    /// or `rollback` if it does not.
    func afterCommit(_ action: @escaping @Sendable (any SQLConnection) -> Void, onRollback rollback: @escaping @Sendable () -> Void)
    /// Inserts rows into `table`, each row a value per column in order, with `onConflict` (an
    /// `ON CONFLICT …` clause, written as both databases take it) after the values when given. A
    /// database where each statement is a round trip (PostgreSQL) sends many rows per statement;
    /// the default runs one cached statement per row, which is what costs least in SQLite.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], onConflict: String?) throws
}

extension SQLConnection {
    @discardableResult
    public func execute(sql: String) throws -> Int {
        try execute(sql: sql, arguments: [])
    }

    public func insert(into table: String, columns: [String], rows: [[SQLValue]], onConflict: String?) throws {
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(SQLArguments.placeholders(columns.count)))"
        if let onConflict { sql += " " + onConflict }
        for row in rows { try execute(sql: sql, arguments: SQLArguments(values: row)) }
    }

    public func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws {
        try insert(into: table, columns: columns, rows: rows, onConflict: nil)
    }
}

extension SQLRow {
    public static func fetchAll(_ db: some SQLConnection, sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        try db.fetchAll(sql: sql, arguments: arguments)
    }

    public static func fetchOne(_ db: some SQLConnection, sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        try db.fetchOne(sql: sql, arguments: arguments)
    }
}

extension SQLDecodable {
    /// The first column of the first row, or nil when there is no row or it is NULL.
    public static func fetchOne(_ db: some SQLConnection, sql: String, arguments: SQLArguments = []) throws -> Self? {
        guard let row = try db.fetchOne(sql: sql, arguments: arguments), let value = row.values.first else { return nil }
        if case .null = value { return nil }
        return Self(sqlValue: value)
    }

    /// The first column of every row (rows whose value is NULL or of another type are left out).
    public static func fetchAll(_ db: some SQLConnection, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.fetchAll(sql: sql, arguments: arguments).compactMap { row in row.values.first.flatMap(Self.init(sqlValue:)) }
    }

    public static func fetchSet(_ db: some SQLConnection, sql: String, arguments: SQLArguments = []) throws -> Set<Self> where Self: Hashable {
        Set(try fetchAll(db, sql: sql, arguments: arguments))
    }
}
