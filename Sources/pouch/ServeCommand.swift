import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PouchCore
import PouchPostgres
import PouchSQLite
import PouchServer
import PouchStore
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web UI and the JSON API (Hummingbird).",
        discussion: """
            Serves the store over HTTP: web pages at /, the JSON API under /api (described at /openapi.json), \
            /healthz and Prometheus /metrics. With --demo, creates a demo store on first run (default ./pouch-demo: \
            users of every role with known passwords, an archive, a draft and sent copies) and prints the demo sign-ins.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Mark the session cookie Secure (set this when a TLS proxy stands in front of Pouch; implied by --tls-certificate).")
    var secureCookies = false
    @Option(help: "Serve HTTPS with this PEM certificate chain (with --tls-key).") var tlsCertificate: String?
    @Option(help: "The PEM private key of --tls-certificate.") var tlsKey: String?
    @Flag(
        help:
            "Serve a demo store, creating it on first run (in --store, default ./pouch-demo, or with --database in PostgreSQL). Its key lies in that folder: for trying Pouch out only."
    )
    var demo = false
    @Option(help: "Seconds a connection may take to send a whole request, or stay idle between requests, before it is closed (1 to 30).")
    var readTimeout = 30
    @Option(help: "Connections served at once; more are answered 503 (at most the open-file limit less 64).")
    var maxConnections = 1_000
    @Option(
        help:
            "The highest marking this system is approved for, shown on the sign-in page and on pages that take classified input (e.g. 'SECRET//NOFORN')."
    )
    var systemLevel = "TOP SECRET"
    @Option(
        help: ArgumentHelp(
            "Write a sealed, verified backup into this folder when the server starts and at every --backup-every.", valueName: "folder"))
    var backupDir: String?
    @Option(help: ArgumentHelp("How often to back up: 90s, 30m, 1h, 1d (with --backup-dir).", valueName: "interval"))
    var backupEvery = "1h"
    @Option(help: ArgumentHelp("How many backups to keep in --backup-dir; older ones are deleted once a new one verifies.", valueName: "count"))
    var backupKeep = 48
    @Option(
        help: ArgumentHelp("Take scheduled backups at about this many MB of database per second (default: as fast as they can).", valueName: "MB/s"))
    var backupMaxRate: Int?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-certificate and --tls-key together") }
        guard (1...30).contains(readTimeout) else { throw ValidationError("--read-timeout must be from 1 to 30 seconds") }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be from 1 to 1000000") }
        guard Duration(schedule: backupEvery) != nil else {
            throw ValidationError("--backup-every '\(backupEvery)' is not an interval such as 90s, 30m, 1h or 1d")
        }
        guard backupKeep >= 1 else { throw ValidationError("--backup-keep must be at least 1") }
        if let backupMaxRate, backupMaxRate < 1 { throw ValidationError("--backup-max-rate must be at least 1 (MB/s)") }
        if let backupDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: backupDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--backup-dir \(backupDir): no such folder")
            }
        }
        guard PageMarking(systemLevel) != nil else {
            throw ValidationError(
                "--system-level '\(systemLevel)' is not a marking such as 'SECRET//NOFORN' (UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET, then captions after //)"
            )
        }
    }

    func run() async throws {
        var logger = Logger(label: "pouch")
        logger.logLevel = .info
        let store: SealedStore = try await reporting {
            demo ? try await openDemoStore() : try await storeOptions.open()
        }
        try await reporting { try await store.warmSearchCaches() }
        let tls = tlsCertificate.map { ServerConfiguration.TLSFiles(certificateChain: $0, privateKey: tlsKey ?? "") }
        var configuration = ServerConfiguration(
            host: host, port: port, secureCookies: secureCookies, tls: tls,
            readTimeout: .seconds(readTimeout), maxConnections: maxConnections)
        let logins = demo ? DemoStore.logins(administrator: try await store.administrator()) : []
        configuration.demoLogins = logins
        configuration.systemMarking = PageMarking(systemLevel) ?? configuration.systemMarking
        let url = "\(tls == nil ? "http" : "https")://\(host):\(port)/"
        let server = try await reporting {
            try await PouchServer(store: store, configuration: configuration, sessions: PostgresStore.sessions(of: store))
        }
        let administrator = try await store.administrator()
        // A master key rotated with --background (or a rewrap that was stopped) is finished here.
        var services: [any Service] = [
            KeyRewrapService(
                logger: logger, pending: { try await store.rewrapPending() },
                rewrap: {
                    try await store.rewrapMasterKey(
                        batch: SealedStore.backgroundRewrap.batch, pause: SealedStore.backgroundRewrap.pause, as: administrator
                    ).moved
                })
        ]
        if let backupDir {
            let credential = try await reporting {
                demo ? try StoreOptions.keyCredential(demoKeyFile) : try storeOptions.credential()
            }
            let operator_ = try await store.administrator()
            let work = store.directory
            services.append(
                BackupSchedule(
                    directory: backupDir, interval: Duration(schedule: backupEvery) ?? .seconds(3_600), keep: backupKeep,
                    metrics: server.metrics, logger: logger,
                    write: { [backupMaxRate] path in
                        _ = try await store.backup(to: path, as: operator_, maxRate: backupMaxRate.map { $0 * 1_000_000 })
                    },
                    verify: { path in _ = try SQLiteStore.verifyBackup(path, credential: credential, workDirectory: work) }))
        }
        let application = try await reporting {
            do {
                // Said only once the port is bound, and flushed at once: standard output may be a pipe or a log file.
                return try server.application(logger: logger, services: services) { _ in
                    print("Pouch is listening on \(url)")
                    if !logins.isEmpty {
                        print("Demo sign-ins (user / password):")
                        for login in logins {
                            print(
                                "  \(login.user.padding(toLength: 6, withPad: " ", startingAt: 0)) \(login.password.padding(toLength: 18, withPad: " ", startingAt: 0)) \(login.role)"
                            )
                        }
                    }
                    fflush(nil)
                }
            } catch let error as ServerSetupError {
                throw CommandError(error.description)
            }
        }
        do {
            try await application.runService()
        } catch {
            printError("error: cannot serve on \(host):\(port): \(Self.reason(error))")
            throw ExitCode(1)
        }
    }

    /// Why the server could not start, in a line (an address in use, a host that does not resolve).
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return "the address is already in use (is another server running?)"
        }
        if text.contains("Permission denied") || text.contains("EACCES") { return "permission denied (ports below 1024 need privileges)" }
        if text.contains("Cannot assign requested address") || text.contains("EADDRNOTAVAIL") { return "this machine has no such address" }
        return text.count < 300 ? text : String(text.prefix(300))
    }

    /// The demo store's folder: `--store`, or ./pouch-demo.
    var demoDirectory: String { storeOptions.store ?? "./pouch-demo" }
    /// The demo store's key file, in its folder (a demo's key lies beside it: for trying out only).
    var demoKeyFile: String { demoDirectory + "/demo-master.key" }

    /// The demo store: in `--store` (default ./pouch-demo), or with `--database` in PostgreSQL,
    /// its key file and signed audit head in the folder. Made and filled on first run.
    func openDemoStore() async throws -> SealedStore {
        let directory = demoDirectory
        let keyFile = demoKeyFile
        let administrator = "admin"
        let options = SealedStore.OpenOptions(witness: storeOptions.witnessFile)
        let postgres = try storeOptions.postgres()
        // A store that exists has its audit head in the folder (SQLite keeps its file there too).
        let exists = FileManager.default.fileExists(
            atPath: postgres == nil ? SQLiteStore.databasePath(in: directory) : AuditHeadFile(directory: directory).path)
        if !exists {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let newKey = !FileManager.default.fileExists(atPath: keyFile)
            if newKey { try writeNewKeyFile(keyFile) }
            let admin = Reader(
                id: administrator, name: "Demo Administrator", post: "STATE", roles: [.administrator], clearance: .unclassified, citizen: false)
            let credential = try StoreOptions.keyCredential(keyFile)
            let store: SealedStore
            do {
                store =
                    if let postgres {
                        try await PostgresStore.create(
                            at: postgres, headDirectory: directory, credential: credential, administrator: admin, options: options)
                    } else {
                        try SQLiteStore.create(at: directory, credential: credential, administrator: admin, options: options)
                    }
            } catch {
                // A database that holds another store, say: leave no key behind that opens nothing.
                if newKey { try? FileManager.default.removeItem(atPath: keyFile) }
                throw error
            }
            do {
                try await DemoStore.populate(store, administrator: administrator)
            } catch {
                await store.close()
                throw error
            }
            print("created a demo store in \(postgres.map { "\($0) (key and audit head in \(directory))" } ?? directory)")
            fflush(nil)
            await store.close()
        }
        if let postgres {
            return try await PostgresStore.open(
                at: postgres, headDirectory: directory, credential: try StoreOptions.keyCredential(keyFile), options: options)
        }
        return try SQLiteStore.open(at: directory, credential: try StoreOptions.keyCredential(keyFile), options: options)
    }
}
