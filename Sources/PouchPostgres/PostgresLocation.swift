import Foundation

/// Where a PostgreSQL store lives, read from a URL such as `postgres://pouch@db.example:5432/pouch`.
///
/// The forms libpq users know: `postgres://` or `postgresql://`, an optional password after the
/// user (better given as `$PGPASSWORD`, so it stays out of shell history), an optional port (5432),
/// and a Unix socket folder as `?host=/run/postgresql` in place of a host name. `sslmode=disable`,
/// `prefer` (the default) or `require` chooses TLS. The password never appears in `description`
/// or in an error, so a location can be logged.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The folder holding the server's socket (`.s.PGSQL.<port>`).
        case socket(folder: String, port: Int)
    }

    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(endpoint: Endpoint, user: String, password: String? = nil, database: String, tls: TLSMode = .prefer) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Reads a URL; `environment` supplies `PGPASSWORD` when the URL carries no password.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let scheme = text.range(of: "://"), ["postgres", "postgresql"].contains(text[..<scheme.lowerBound].lowercased()) else {
            throw PostgresLocationError("it must begin with postgres:// (for example postgres://pouch@localhost:5432/pouch)")
        }
        // URLComponents reads the parts; it is given the URL with a neutral scheme so that it
        // parses the authority the same way for both spellings.
        guard let components = URLComponents(string: "pg://" + text[scheme.upperBound...]) else {
            throw PostgresLocationError("it is not a URL (characters such as spaces must be percent-encoded)")
        }
        guard let user = components.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw PostgresLocationError("it names no user (postgres://USER@HOST/DATABASE)")
        }
        let path = components.path.removingPercentEncoding ?? components.path
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresLocationError("it names no database (postgres://USER@HOST/DATABASE)")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard ["host", "sslmode", "port"].contains(item.name) else {
                throw PostgresLocationError("it has an unknown setting '\(item.name)' (known: host, port, sslmode)")
            }
            query[item.name] = item.value ?? ""
        }
        let port = try Self.port(components.port, query["port"])
        let tls = try query["sslmode"].map { mode in
            guard let tls = TLSMode(rawValue: mode) else { throw PostgresLocationError("sslmode must be disable, prefer or require, not '\(mode)'") }
            return tls
        }
        if let folder = query["host"], folder.hasPrefix("/") {
            endpoint = .socket(folder: folder, port: port)
        } else if let host = components.host.flatMap({ $0.removingPercentEncoding }) ?? query["host"], !host.isEmpty {
            endpoint = .tcp(host: host, port: port)
        } else {
            throw PostgresLocationError("it names no host (postgres://USER@HOST/DATABASE, or ?host=/socket/folder)")
        }
        self.user = user
        self.password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        self.database = database
        // A socket is local: TLS is neither needed nor offered there.
        self.tls = tls ?? (endpoint.isSocket ? .disable : .prefer)
    }

    private static func port(_ fromAuthority: Int?, _ fromQuery: String?) throws -> Int {
        if let fromQuery {
            guard let port = Int(fromQuery), (1...65535).contains(port) else { throw PostgresLocationError("port must be a number from 1 to 65535") }
            return port
        }
        guard let fromAuthority else { return 5432 }
        guard (1...65535).contains(fromAuthority) else { throw PostgresLocationError("port must be a number from 1 to 65535") }
        return fromAuthority
    }

    /// The URL with the password left out.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let user = self.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? self.user
        return switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)\(secret)@\(host):\(port)/\(database)"
        case .socket(let folder, let port): "postgres://\(user)\(secret)@/\(database)?host=\(folder)&port=\(port)"
        }
    }

    /// The same server, another database (tests make one each; `pouch init` may name a new one).
    public func database(_ name: String) -> PostgresLocation {
        var copy = self
        copy.database = name
        return copy
    }
}

extension PostgresLocation.Endpoint {
    var isSocket: Bool {
        if case .socket = self { return true }
        return false
    }
}

/// A PostgreSQL URL that cannot be used, and why. It never repeats the URL (which may hold a password).
public struct PostgresLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    public var description: String { "the PostgreSQL URL cannot be used: \(reason)" }
}
