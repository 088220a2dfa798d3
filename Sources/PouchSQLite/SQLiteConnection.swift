import Foundation
import GRDB
import PouchStore

/// The store's SQL connection on a GRDB database inside one of its transactions. Statements are
/// prepared once per connection and cached: the store runs the same few dozen again and again.
package struct SQLiteConnection: SQLConnection {
    package let db: Database

    package init(_ db: Database) { self.db = db }

    package func execute(sql: String, arguments: SQLArguments) throws -> Int {
        try statement(sql).execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    package func fetchAll(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        try Row.fetchAll(statement(sql), arguments: Self.arguments(arguments)).map(Self.row)
    }

    package func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLRow? {
        try Row.fetchOne(statement(sql), arguments: Self.arguments(arguments)).map(Self.row)
    }

    package func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(statement(sql), arguments: Self.arguments(arguments))
        while let row = try cursor.next() { try body(Self.row(row)) }
    }

    package func afterCommit(_ action: @escaping @Sendable (any SQLConnection) -> Void, onRollback rollback: @escaping @Sendable () -> Void) {
        db.afterNextTransaction(onCommit: { db in action(SQLiteConnection(db)) }, onRollback: { _ in rollback() })
    }

    /// Statements with several parts (a schema, `BEGIN; …`) cannot be cached; the rest are.
    private func statement(_ sql: String) throws -> Statement {
        try db.cachedStatement(sql: sql)
    }

    package static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.values.map(databaseValue))
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let data): data.databaseValue
        }
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .blob(data)
        }
    }

    static func row(_ row: Row) -> SQLRow {
        SQLRow(columns: Array(row.columnNames), values: row.databaseValues.map(value))
    }
}

extension SQLConnection {
    /// The GRDB database under a connection of the SQLite store, for what is SQLite's own: the
    /// FTS5 index, its rank and admission functions, statements stepped directly.
    var grdb: Database {
        guard let connection = self as? SQLiteConnection else { preconditionFailure("the SQLite store was handed another database's connection") }
        return connection.db
    }
}
