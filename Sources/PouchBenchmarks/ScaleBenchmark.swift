import Foundation
import PostgresNIO
import PouchCore
import PouchPostgres
import PouchSQLite
import PouchStore
import PouchTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `pouch-bench scale`: the same archive on both stores, in one run. Imports generated plus real
/// cables into a SQLite store and into a PostgreSQL one, runs the same mixed queries on each as a
/// partial-access reader, compares what they return, and reports each store's CPU time per query
/// (Pouch's own, and the PostgreSQL server's, read from /proc, when the server is on this machine).
public struct ScaleBenchmark: Sendable {
    public var generated: URL
    public var real: URL
    public var work: URL
    /// The PostgreSQL server; the benchmark makes (and first drops) databases `pouch_bench_scale*` on it.
    public var server: PostgresLocation
    public var queries: Int
    public var seed: UInt64
    /// Keep the stores of an earlier complete run and time queries only.
    public var reuse: Bool
    /// Also time `pouch store copy` of the SQLite store into a third database.
    public var copy: Bool

    public init(
        generated: URL, real: URL, work: URL, server: PostgresLocation, queries: Int = 1_000, seed: UInt64 = 1, reuse: Bool = false,
        copy: Bool = false
    ) {
        self.generated = generated
        self.real = real
        self.work = work
        self.server = server
        self.queries = queries
        self.seed = seed
        self.reuse = reuse
        self.copy = copy
    }

    public struct Side: Sendable {
        public var cables = 0
        public var importSeconds = 0.0
        public var times: [Double] = []
        /// Pouch's CPU seconds over the query loop, and the PostgreSQL server's (nil when not local).
        public var cpu = 0.0
        public var serverCPU: Double?
    }

    public struct Report: Sendable {
        public var sqlite = Side()
        public var postgres = Side()
        public var queries = 0
        /// Queries whose total or first page differ between the two stores.
        public var differing: [String] = []
        public var copySeconds: Double?
        public var copied = 0

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            SearchBenchmark.Report.percentile(values, p)
        }

        public var table: String {
            func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
            func rate(_ side: Side) -> String {
                side.importSeconds > 0
                    ? "\(f(Double(side.cables) / side.importSeconds, 0)) cables/s (\(side.cables) in \(f(side.importSeconds, 0)) s)"
                    : "not measured (--reuse)"
            }
            func cpu(_ side: Side) -> String {
                let perQuery = 1_000 / Double(max(1, side.times.count))
                let server = side.serverCPU.map { " + \(f($0 * perQuery, 2)) ms PostgreSQL" } ?? ""
                return "\(f(side.cpu * perQuery, 2)) ms Pouch\(server)"
            }
            let p = Self.percentile
            var lines = ["| row | SQLite | PostgreSQL | aim |", "|---|---|---|---|"]
            lines.append("| import (parse, seal, sign, blind-index, audit) | \(rate(sqlite)) | \(rate(postgres)) | PostgreSQL ≥ 1,000 cables/s |")
            lines.append(
                "| \(queries) mixed queries, partial-access reader: p50 / p99 | \(f(p(sqlite.times, 0.5))) / \(f(p(sqlite.times, 0.99))) ms | \(f(p(postgres.times, 0.5))) / \(f(p(postgres.times, 0.99))) ms | PostgreSQL ≤ 25 / 150 ms |"
            )
            lines.append(
                "| PostgreSQL ÷ SQLite: p50 / p99 | | \(f(p(postgres.times, 0.5) / max(0.001, p(sqlite.times, 0.5)), 2)) / \(f(p(postgres.times, 0.99) / max(0.001, p(sqlite.times, 0.99)), 2)) | ≤ 1.5 |"
            )
            lines.append("| CPU per query | \(cpu(sqlite)) | \(cpu(postgres)) | |")
            lines.append("| queries whose count or first page differ between the stores | | \(differing.count) of \(queries) | 0 |")
            if let copySeconds {
                lines.append(
                    "| pouch store copy of the SQLite store into PostgreSQL | | \(f(Double(copied) / max(0.001, copySeconds), 0)) cables/s (\(copied) in \(f(copySeconds, 0)) s) | |"
                )
            }
            return lines.joined(separator: "\n")
        }
    }

    static let databaseName = "pouch_bench_scale"

    public func run(progress: @escaping @Sendable (String) -> Void) async throws -> Report {
        var report = Report()
        let generatedFiles = try ArchiveImport.files(in: [generated.path])
        let realFiles = try ArchiveImport.files(in: [real.path])
        let files = generatedFiles + realFiles
        let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
        let keyFile = work.appendingPathComponent("bench.key")
        let complete = work.appendingPathComponent("complete")
        let location = server.database(Self.databaseName)
        let sqlitePath = work.appendingPathComponent("sqlite").path
        let headPath = work.appendingPathComponent("postgres-head").path
        let sqlite: SealedStore
        let postgres: SealedStore
        let key: MasterKey
        if reuse, FileManager.default.fileExists(atPath: complete.path), let bytes = FileManager.default.contents(atPath: keyFile.path) {
            progress("reusing the stores of \(work.path)")
            key = try MasterKey(bytes: Array(bytes))
            sqlite = try SQLiteStore.open(at: sqlitePath, credential: .key(key))
            postgres = try await PostgresStore.open(at: location, headDirectory: headPath, credential: .key(key))
        } else {
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
            key = try MasterKey(bytes: keyBytes)
            // Kept beside the scratch stores only so --reuse can reopen them.
            _ = FileManager.default.createFile(atPath: keyFile.path, contents: Data(keyBytes), attributes: [.posixPermissions: 0o600])
            try await recreate(Self.databaseName)
            sqlite = try SQLiteStore.create(at: sqlitePath, credential: .key(key), administrator: admin)
            postgres = try await PostgresStore.create(at: location, headDirectory: headPath, credential: .key(key), administrator: admin)
            for (name, store) in [("SQLite", sqlite), ("PostgreSQL", postgres)] {
                progress("importing \(files.count) files into \(name)")
                try await store.addUsers([Reader.analyst], as: "admin")
                let start = Date()
                let summary = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 1_000) { done in
                    if done % 25_000 < 1_000 { progress("\(name): imported \(done)") }
                }
                let seconds = Date().timeIntervalSince(start)
                if name == "SQLite" {
                    report.sqlite.importSeconds = seconds
                    report.sqlite.cables = summary.imported
                } else {
                    report.postgres.importSeconds = seconds
                    report.postgres.cables = summary.imported
                }
                progress("\(name): \(summary.imported) cables in \(String(format: "%.0f", seconds)) s; \(summary.failures.count) failed")
            }
            _ = FileManager.default.createFile(atPath: complete.path, contents: Data())
        }

        // The same queries on each, one store at a time, so each has the machine to itself.
        let realCables = await ArchiveImport.parse(realFiles).cables
        let drawn = Self.mixedQueries(from: realCables, count: queries, seed: seed)
        report.queries = drawn.count
        var firstPages: [[String]] = []
        for (name, store) in [("SQLite", sqlite), ("PostgreSQL", postgres)] {
            try await store.warmSearchCaches()
            progress("\(name): running \(drawn.count) queries")
            var side = name == "SQLite" ? report.sqlite : report.postgres
            var pages: [[String]] = []
            let cpuBefore = Self.processCPU()
            let serverBefore = Self.postgresServerCPU()
            for text in drawn {
                let query = try SearchQuery(parsing: text)
                let clock = ContinuousClock()
                var page: [String] = []
                let time = try await clock.measure {
                    let results = try await store.search(query, as: Reader.analyst.id, options: SearchOptions(limit: 20))
                    page = ["\(results.total)"] + results.hits.map(\.summary.referenceID)
                }
                side.times.append(Double(time.components.attoseconds) / 1e15 + Double(time.components.seconds) * 1_000)
                pages.append(page)
            }
            side.cpu = Self.processCPU() - cpuBefore
            if name == "PostgreSQL", let before = serverBefore, let after = Self.postgresServerCPU() { side.serverCPU = after - before }
            if name == "SQLite" {
                report.sqlite = side
                firstPages = pages
            } else {
                report.postgres = side
                report.differing = zip(drawn, zip(firstPages, pages)).filter { $1.0 != $1.1 }.map(\.0)
            }
        }

        if copy {
            let name = Self.databaseName + "_copy"
            try await recreate(name)
            let head = work.appendingPathComponent("copy-head").path
            try? FileManager.default.removeItem(atPath: head)
            progress("copying the SQLite store into \(name)")
            let start = Date()
            let copied = try await PostgresStore.copy(
                sqlite, headFile: AuditHeadFile(directory: sqlitePath), to: server.database(name), headDirectory: head, credential: .key(key),
                as: "admin",
                progress: { phase, done, total in
                    if done == total || done % 25_000 < SealedStore.copyBatch { progress("copy \(phase): \(done) of \(total)") }
                })
            report.copySeconds = Date().timeIntervalSince(start)
            report.copied = copied.indexed
        }
        await sqlite.close()
        await postgres.close()
        return report
    }

    /// The search benchmark's mix (words, phrases, prefixes, filters, OR and NOT), drawn from real cables.
    static func mixedQueries(from cables: [Cable], count: Int, seed: UInt64) -> [String] {
        SearchBenchmark.mixedQueries(from: cables, count: count, seed: seed).map(\.text)
    }

    /// Drops and creates a database on the server.
    func recreate(_ name: String) async throws {
        let admin = PostgresPool(server, maximumConnections: 1)
        do {
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }

    /// This process's CPU seconds (user and system).
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The CPU seconds of every `postgres` process on this machine (from /proc), or nil when none is seen.
    static func postgresServerCPU() -> Double? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var total = 0.0
        var seen = false
        for entry in entries where entry.allSatisfy(\.isNumber) {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")"),
                stat[stat.index(after: open)..<close].hasPrefix("postgres")
            else { continue }
            // After the command: state is field 3; utime and stime are fields 14 and 15.
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            total += (user + system) / ticks
            seen = true
        }
        return seen ? total : nil
    }
}
