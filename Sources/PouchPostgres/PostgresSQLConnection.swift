import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import PouchStore

/// The store's SQL connection on one PostgreSQL connection inside one transaction.
///
/// The store's logic is synchronous between statements (as it is on SQLite, where GRDB runs a
/// transaction's body on its own queue); here the body runs on a thread of the pool's blocking
/// threads, never on an event loop or a Swift concurrency thread, and waits for each statement's
/// result. `?` placeholders become `$1 …`; values travel as `SQLValue`s, and come back as the
/// same four storage classes whatever the column's PostgreSQL type.
final class PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger
    private var commitActions: [@Sendable (any SQLConnection) -> Void] = []
    private var rollbackActions: [@Sendable () -> Void] = []
    private var cursors = 0

    init(_ connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    func execute(sql: String, arguments: SQLArguments) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func fetchAll(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        try run(sql, arguments).rows.map(Self.row)
    }

    func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLRow? {
        try run(sql, arguments).rows.first.map(Self.row)
    }

    /// A server-side cursor read a thousand rows at a time: a scan of a whole table holds one batch.
    func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        cursors += 1
        let name = "pouch_scan_\(cursors)"
        try run("DECLARE \(name) NO SCROLL CURSOR FOR " + sql, arguments)
        defer { _ = try? run("CLOSE \(name)", []) }
        while true {
            let rows = try run("FETCH FORWARD 1000 FROM \(name)", []).rows
            for row in rows { try body(Self.row(row)) }
            if rows.count < 1000 { break }
        }
    }

    /// Many rows per statement: each statement is a round trip to the server, which was most of an
    /// import's time. A NULL is written as a literal, so PostgreSQL takes its type from the column.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], onConflict: String?) throws {
        guard !columns.isEmpty else { return }
        // PostgreSQL takes at most 65,535 parameters in one statement.
        let perStatement = max(1, Self.parametersPerStatement / columns.count)
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let part = rows[start..<min(start + perStatement, rows.count)]
            var sql = Array(head.utf8)
            var bindings = PostgresBindings(capacity: part.count * columns.count)
            var number = 0
            for (index, row) in part.enumerated() {
                precondition(row.count == columns.count, "a row for \(table) has \(row.count) values for \(columns.count) columns")
                sql.append(contentsOf: index == 0 ? "(".utf8 : ", (".utf8)
                for (column, value) in row.enumerated() {
                    if column > 0 { sql.append(contentsOf: ", ".utf8) }
                    if case .null = value {
                        sql.append(contentsOf: "NULL".utf8)
                    } else {
                        number += 1
                        sql.append(UInt8(ascii: "$"))
                        sql.append(contentsOf: String(number).utf8)
                        Self.bind(value, to: &bindings)
                    }
                }
                sql.append(UInt8(ascii: ")"))
            }
            if let onConflict { sql.append(contentsOf: (" " + onConflict).utf8) }
            let query = PostgresQuery(unsafeSQL: String(decoding: sql, as: UTF8.self), binds: bindings)
            _ = try connection.query(query, logger: logger).wait()
        }
    }

    static let parametersPerStatement = 30_000

    func afterCommit(_ action: @escaping @Sendable (any SQLConnection) -> Void, onRollback rollback: @escaping @Sendable () -> Void) {
        commitActions.append(action)
        rollbackActions.append(rollback)
    }

    /// Runs the actions registered for the end of the transaction (after COMMIT or ROLLBACK).
    func finish(committed: Bool) {
        let (commits, rollbacks) = (commitActions, rollbackActions)
        commitActions = []
        rollbackActions = []
        if committed {
            for action in commits { action(self) }
        } else {
            for action in rollbacks { action() }
        }
    }

    /// One statement, waited for on this (blocking) thread.
    @discardableResult
    func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for value in arguments.values { Self.bind(value, to: &bindings) }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
        return try connection.query(query, logger: logger).wait()
    }

    static func bind(_ value: SQLValue, to bindings: inout PostgresBindings) {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let number): bindings.append(number)
        case .real(let number): bindings.append(number)
        case .text(let text): bindings.append(text)
        case .blob(let data): bindings.append(ByteBuffer(bytes: data))
        }
    }

    /// `?` → `$1, $2 …`, outside quoted strings and identifiers. Over bytes: an index's insert
    /// is kilobytes of SQL, and walking it by `Character` cost more than running it.
    static func numbered(_ sql: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: UInt8?
        for byte in sql.utf8 {
            if let open = quote {
                if byte == open { quote = nil }
                result.append(byte)
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
                result.append(byte)
            } else if byte == UInt8(ascii: "?") {
                number += 1
                result.append(UInt8(ascii: "$"))
                result.append(contentsOf: String(number).utf8)
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A row as the store reads rows: integers (and booleans, as 0/1), reals, text and bytes.
    static func row(_ row: PostgresRow) -> SQLRow {
        var columns: [String] = []
        var values: [SQLValue] = []
        for cell in row {
            columns.append(cell.columnName)
            values.append(value(cell))
        }
        return SQLRow(columns: columns, values: values)
    }

    static func value(_ cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid:
            return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
        case .bool:
            return (try? cell.decode(Bool.self)).map { .integer($0 ? 1 : 0) } ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map(SQLValue.real) ?? .null
        case .numeric:
            // SUM over bigint is numeric: an integer when it is one.
            guard let decimal = try? cell.decode(Decimal.self) else { return .null }
            let number = NSDecimalNumber(decimal: decimal).doubleValue
            return Int64(exactly: number).map(SQLValue.integer) ?? .real(number)
        case .int8Array, .int4Array, .int2Array:
            // Arrays (the text index's token lists) come back in PostgreSQL's text form, "{1,2,3}".
            return (try? cell.decode([Int64].self)).map { .text("{" + $0.map(String.init).joined(separator: ",") + "}") } ?? .null
        case .bytea:
            return (try? cell.decode(ByteBuffer.self)).map { .blob(Data($0.readableBytesView)) } ?? .null
        default:
            return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
        }
    }
}
