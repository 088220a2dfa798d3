/// One row of a query's result: its columns by name (case-insensitive, as SQL names are) or by
/// position.
///
/// Reading a column that is missing, or that holds a value the requested type cannot represent,
/// stops the process with the column's name (a programming error, as in GRDB). Code reading rows
/// that may have been changed behind the store's back reads `SQLValue`s or optionals instead.
public struct SQLRow: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    /// A row built from named values (to compute a MAC over a row before it is written).
    public init(_ pairs: [(String, (any SQLBindable)?)]) {
        self.init(columns: pairs.map(\.0), values: pairs.map { $0.1?.sqlValue ?? .null })
    }

    public var count: Int { values.count }

    /// The index of a column, or nil.
    public func index(of column: String) -> Int? {
        if let exact = columns.firstIndex(of: column) { return exact }
        let lowered = column.lowercased()
        return columns.firstIndex { $0.lowercased() == lowered }
    }

    public func hasColumn(_ column: String) -> Bool { index(of: column) != nil }

    /// The stored value of a column (NULL for a missing one).
    public func value(_ column: String) -> SQLValue {
        index(of: column).map { values[$0] } ?? .null
    }

    public subscript<T: SQLDecodable>(_ column: String) -> T {
        guard let index = index(of: column) else { preconditionFailure("no column \(column) in the row") }
        return self[index]
    }

    public subscript<T: SQLDecodable>(_ index: Int) -> T {
        guard let value = T(sqlValue: values[index]) else {
            preconditionFailure("column \(columns[index]) holds \(values[index].typeName), not \(T.self)")
        }
        return value
    }

    public subscript(_ column: String) -> SQLValue { value(column) }
    public subscript(_ index: Int) -> SQLValue { values[index] }
}

extension SQLValue {
    var typeName: String {
        switch self {
        case .null: "NULL"
        case .integer: "an integer"
        case .real: "a real"
        case .text: "text"
        case .blob: "a blob"
        }
    }
}
