import Logging
import NIOSSL
import PostgresNIO

/// A pool of connections to one PostgreSQL database, open until `close()`.
///
/// postgres-nio's `PostgresClient` serves queries only while its `run()` is running; the
/// database runs it in a task of its own, so a CLI command can open a store, use it and close it
/// like the SQLite one. A server opens one per process and shares it among requests.
public final class PostgresPool: Sendable {
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>
    /// The threads that run transactions' bodies, which wait on the network between statements;
    /// one per connection, so a busy pool never waits for a thread.
    let blocking: NIOThreadPool

    /// Opens a pool to `location` (no connection is made until the first query).
    public init(_ location: PostgresLocation, maximumConnections: Int = 20, logger: Logger = Logger(label: "pouch.postgres")) {
        var configuration: PostgresClient.Configuration =
            switch location.endpoint {
            case .tcp(let host, let port):
                .init(
                    host: host, port: port, username: location.user, password: location.password, database: location.database, tls: location.clientTLS
                )
            case .socket(let folder, let port):
                .init(unixSocketPath: folder + "/.s.PGSQL.\(port)", username: location.user, password: location.password, database: location.database)
            }
        configuration.options.maximumConnections = maximumConnections
        self.location = location
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
        blocking = NIOThreadPool(numberOfThreads: maximumConnections)
        blocking.start()
    }

    /// Closes every connection; queries after this fail.
    public func close() async {
        running.cancel()
        await running.value
        try? await blocking.shutdownGracefully()
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            // The body's own error matters, not the wrapper's (a failed ROLLBACK is reported only when there is no body error).
            throw translated(error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError ?? error)
        } catch {
            throw translated(error)
        }
    }

    /// Runs one statement outside a transaction and reads every row it returns.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await client.query(query, logger: logger) { rows.append(row) }
            return rows
        } catch {
            throw translated(error)
        }
    }

    /// postgres-nio's errors say nothing by design (so that nothing leaks to an end user); they
    /// become a `PostgresStoreError` that names the server and the server's message. Others pass.
    func translated(_ error: any Error) -> any Error {
        error is PSQLError ? PostgresStoreError(error, at: location) : error
    }

    /// Checks that the server answers and lets the user in, on one connection of its own: the
    /// pool would retry a refused connection for a minute before giving up, where a wrong URL or a
    /// stopped server should be reported at once, plainly.
    public func checkReachable(timeout: Duration = .seconds(10)) async throws {
        do {
            let connection = try await connect(timeout: timeout)
            try await connection.query("SELECT 1", logger: logger)
            try await connection.close()
        } catch {
            throw PostgresStoreError(error, at: location)
        }
    }

    /// One connection of its own, outside the pool (closed by the caller).
    func connect(timeout: Duration = .seconds(10)) async throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration =
            switch location.endpoint {
            case .tcp(let host, let port):
                .init(
                    host: host, port: port, username: location.user, password: location.password, database: location.database,
                    tls: try location.connectionTLS())
            case .socket(let folder, let port):
                .init(
                    unixSocketPath: folder + "/.s.PGSQL.\(port)", username: location.user, password: location.password,
                    database: location.database)
            }
        configuration.options.connectTimeout = .seconds(timeout.components.seconds)
        return try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
    }
}

extension PostgresLocation {
    var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }
}

/// A PostgreSQL failure told in words that name the server (never its password) and what went wrong.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The server's SQLSTATE when the server reported the error (`42P01`: no such table …).
    public let sqlState: String?

    public init(_ error: any Error, at location: PostgresLocation) {
        guard let error = error as? PSQLError else {
            description = "PostgreSQL at \(location): \(error)"
            sqlState = nil
            return
        }
        sqlState = error.serverInfo?[.sqlState]
        if let message = error.serverInfo?[.message] {
            description = "PostgreSQL at \(location) refused: \(message)"
        } else {
            let cause: String =
                switch error.code {
                case .connectionError: "cannot connect (is the server running, and is the host and port right?)"
                case .sslUnsupported: "the server does not offer TLS, which sslmode=require needs"
                case .authMechanismRequiresPassword: "the server wants a password: put it in $PGPASSWORD"
                case .serverClosedConnection, .clientClosedConnection: "the connection closed"
                case .poolClosed: "the store was already closed"
                default: "\(error.code)"
                }
            description = "PostgreSQL at \(location): \(cause)"
        }
    }
}
