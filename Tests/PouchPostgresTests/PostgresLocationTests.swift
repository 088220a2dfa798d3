import Testing

@testable import PouchPostgres

@Suite("PostgreSQL URLs")
struct PostgresLocationTests {
    @Test("the forms libpq users write: host and port, a socket folder, a password, TLS")
    func forms() throws {
        let plain = try PostgresLocation(url: "postgres://pouch@db.example/pouch", environment: [:])
        #expect(plain.endpoint == .tcp(host: "db.example", port: 5432))
        #expect(plain.user == "pouch" && plain.database == "pouch" && plain.password == nil && plain.tls == .prefer)
        let full = try PostgresLocation(url: "postgresql://ann:s%40cret@10.0.0.5:6543/cables?sslmode=require", environment: [:])
        #expect(full.endpoint == .tcp(host: "10.0.0.5", port: 6543))
        #expect(full.password == "s@cret" && full.tls == .require)
        let socket = try PostgresLocation(url: "postgres://pouch@/pouch?host=/run/postgresql&port=5433", environment: [:])
        #expect(socket.endpoint == .socket(folder: "/run/postgresql", port: 5433))
        #expect(socket.tls == .disable, "a socket is local")
        let fromEnvironment = try PostgresLocation(url: "postgres://pouch@localhost/pouch", environment: ["PGPASSWORD": "hunter2hunter2"])
        #expect(fromEnvironment.password == "hunter2hunter2")
    }

    @Test("a password never shows in the description or in an error")
    func passwordHidden() throws {
        let location = try PostgresLocation(url: "postgres://ann:topsecretpw@db.example:5432/pouch", environment: [:])
        #expect(location.description == "postgres://ann:***@db.example:5432/pouch")
        #expect(!"\(location)".contains("topsecretpw"))
        for bad in [
            "postgres://ann:topsecretpw@db.example:99999/pouch", "postgres://ann:topsecretpw@db.example/pouch?sslmode=always",
            "postgres://ann:topsecretpw@db.example/", "postgres://ann:topsecretpw@db.example/pouch?user=bob",
        ] {
            let error = #expect(throws: PostgresLocationError.self) { try PostgresLocation(url: bad, environment: [:]) }
            #expect(error.map { !"\($0)".contains("topsecretpw") } == true, "\(bad)")
        }
    }

    @Test("a URL that cannot be used says what is missing or wrong")
    func errors() {
        let cases: [(String, String)] = [
            ("mysql://pouch@db/pouch", "must begin with postgres://"),
            ("postgres://db.example/pouch", "names no user"),
            ("postgres://pouch@db.example", "names no database"),
            ("postgres://pouch@/pouch", "names no host"),
            ("postgres://pouch@db.example:0/pouch", "port must be a number from 1 to 65535"),
            ("postgres://pouch@db.example/pouch?sslmode=on", "sslmode must be disable, prefer or require"),
            ("postgres://pouch@db.example/pouch?timeout=3", "unknown setting 'timeout'"),
            ("postgres://pouch@db.example:port/pouch", "not a URL"),
        ]
        for (url, expected) in cases {
            let error = #expect(throws: PostgresLocationError.self) { try PostgresLocation(url: url, environment: [:]) }
            #expect(error?.description.contains(expected) == true, "\(url): \(error.map { "\($0)" } ?? "no error")")
        }
    }
}
