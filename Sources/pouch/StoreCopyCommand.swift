import ArgumentParser
import Foundation
import PouchPostgres
import PouchSQLite
import PouchStore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Move a store to another database (administrators).", subcommands: [Copy.self])

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a SQLite store into an empty PostgreSQL database, records sealed and signed as they are.",
            discussion: """
                Nothing is sealed again: every cable, copy, key and audit entry keeps its seal, signature and MAC, \
                so 'pouch verify' passes on the copy with the same passphrase or key file. The full-text index is \
                built again in PostgreSQL's form from each cable's signed text, in memory. The audit log goes on \
                from the source's last entry with a "moved" entry. Stop every server on the source first; it is \
                left as it was. Interrupted, the same command takes up where it stopped.
                """)

        @Option(help: ArgumentHelp("The SQLite store directory to copy.", valueName: "dir")) var from: String
        @Option(
            help: ArgumentHelp(
                "The empty PostgreSQL database to copy into; the password, if any, in $PGPASSWORD.", valueName: "postgres://USER@HOST:PORT/DB"))
        var to: String
        @Option(
            help: ArgumentHelp(
                "Where to keep the copy's signed audit head (not the source directory); later commands take it as --store.", valueName: "dir"
            ))
        var head: String
        @Option(help: "A 32-byte master key file instead of a passphrase ($POUCH_STORE_KEY).") var storeKey: String?
        @OptionGroup var acting: ActingUser

        func run() async throws {
            let location: PostgresLocation
            do {
                location = try PostgresLocation(url: to)
            } catch {
                throw ValidationError("--to: \(error)")
            }
            let keyFile = storeKey ?? ProcessInfo.processInfo.environment["POUCH_STORE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            let progress = CopyProgressLine(terminal: isatty(STDERR_FILENO) == 1)
            let report = try await reporting {
                let credential = try StoreOptions.credential(keyFile: keyFile)
                let source = try SQLiteStore.open(at: from, credential: credential)
                do {
                    let report = try await PostgresStore.copy(
                        source, headFile: AuditHeadFile(directory: from), to: location, headDirectory: head, credential: credential,
                        as: try await acting.orAdministrator(of: source), progress: progress.show)
                    await source.close()
                    return report
                } catch {
                    await source.close()
                    throw error
                }
            }
            progress.end()
            let rows = report.rows.values.reduce(0, +)
            print(
                "copied \(from) to \(location)\(report.resumed ? " (resumed)" : ""): \(rows) rows, \(report.indexed) cable\(report.indexed == 1 ? "" : "s") indexed; its audit log goes on from entry \(report.sourceSequence) with a \"moved\" entry"
            )
            print("open it with: --database '\(location)' --store \(head)")
        }
    }
}

/// One progress line per phase of a copy on standard error: redrawn on a terminal; otherwise
/// (a log) a line per tenth of a big table and one when a small one is done.
final class CopyProgressLine: Sendable {
    let terminal: Bool
    private let state = Mutex<(phase: String, tenth: Int, drawn: Bool)>(("", -1, false))

    init(terminal: Bool) { self.terminal = terminal }

    func show(_ phase: String, _ done: Int, _ total: Int) {
        let percent = total == 0 ? 100 : min(100, done * 100 / total)
        let line: String? = state.withLock { state in
            let newPhase = state.phase != phase
            if newPhase {
                state = (phase, -1, state.drawn)
            }
            // In a log: a line per tenth of a big table, one at the end of a small one.
            guard terminal || (percent / 10 > state.tenth && (total >= 1_000 || done == total)) else { return nil }
            state.tenth = percent / 10
            let filled = 30 * percent / 100
            let bar =
                "\(phase) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] \(percent)%: \(done) of \(total)"
            defer { state.drawn = true }
            guard terminal else { return bar + "\n" }
            return (newPhase && state.drawn ? "\n" : "\r") + bar
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func end() {
        if terminal, state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
