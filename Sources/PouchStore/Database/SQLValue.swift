import Foundation

/// One value as a SQL database stores it: the four storage classes SQLite and PostgreSQL share
/// for Pouch's columns (integers are 64-bit, booleans are integers 0/1, bytes are blobs or bytea),
/// so a row's MAC covers the same bytes whichever database holds it.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// The stored bytes, whatever the type: what a MAC or hash over a column must cover (an
    /// integer as its decimal digits, text as UTF-8, NULL as nothing).
    public var bytes: [UInt8] {
        switch self {
        case .null: []
        case .integer(let number): Array(String(number).utf8)
        case .real(let number): Array(String(number).utf8)
        case .text(let text): Array(text.utf8)
        case .blob(let data): Array(data)
        }
    }

    /// The bytes of a blob, or nil for any other type (a changed row may hold text where bytes were).
    public var blobBytes: [UInt8]? {
        guard case .blob(let data) = self else { return nil }
        return Array(data)
    }

    public var isNull: Bool { self == .null }
}

/// A Swift value that can be bound to a statement's parameter.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

/// A Swift value that can be read from a column; nil when the stored value has another type.
public protocol SQLDecodable {
    init?(sqlValue: SQLValue)
}

extension SQLValue: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { self }
    public init?(sqlValue: SQLValue) { self = sqlValue }
}

extension Int64: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .integer(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let number): self = number
        case .real(let number): self.init(exactly: number)
        default: return nil
        }
    }
}

extension Int: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self.init(exactly: number)
    }
}

extension Int32: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self.init(exactly: number)
    }
}

extension Bool: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self = number != 0
    }
}

extension Double: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .real(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let number): self = Double(number)
        case .real(let number): self = number
        default: return nil
        }
    }
}

extension String: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .text(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .text(let text): self = text
        case .blob(let data): self.init(data: data, encoding: .utf8)
        default: return nil
        }
    }
}

extension Data: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .blob(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .blob(let data): self = data
        case .text(let text): self = Data(text.utf8)
        default: return nil
        }
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    /// NULL reads as nil; a value of another type too, as GRDB reads an optional.
    public init?(sqlValue: SQLValue) {
        self = Wrapped(sqlValue: sqlValue)
    }
}

/// A statement's parameters, in order: written as an array literal of bindable values and nils.
public struct SQLArguments: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var values: [SQLValue]

    public init(arrayLiteral elements: (any SQLBindable)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public init(_ elements: [(any SQLBindable)?]) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public init(_ elements: [any SQLBindable]) {
        values = elements.map(\.sqlValue)
    }

    public init(values: [SQLValue]) {
        self.values = values
    }

    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
        SQLArguments(values: lhs.values + rhs.values)
    }

    public static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
        lhs.values += rhs.values
    }

    public mutating func append(_ value: (any SQLBindable)?) {
        values.append(value?.sqlValue ?? .null)
    }

    public mutating func append(contentsOf other: SQLArguments) {
        values += other.values
    }

    public var isEmpty: Bool { values.isEmpty }
    public var count: Int { values.count }
}

extension SQLArguments {
    /// "?, ?, ?": the placeholders for `count` parameters, as in `IN (…)`.
    public static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements: a list of keys cut into the
    /// `IN (…)` lists of a few statements, each well under either database's parameter limit.
    public func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
