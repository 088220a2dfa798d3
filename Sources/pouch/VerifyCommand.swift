import ArgumentParser
import Foundation
import PouchSQLite
import PouchStore

#if canImport(Glibc)
import Glibc
#endif

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Check every row of the store: seals, signatures, MACs, copy sets, the audit chain and its head file (administrators, security officers).",
        discussion: """
            Prints each problem by table and key. Exit status 0 if the store is intact, 2 if anything is damaged, 1 on \
            error. Opens a store that fails its open checks (a database behind its audit head file) to report on it. \
            A progress bar shows on a terminal.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var acting: ActingUser
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        let start = Date()
        let report = try await reporting {
            let store = try await storeOptions.open(inspecting: true)
            let user = try await acting.orAdministrator(of: store)
            return try await store.verifyStore(as: user, progress: interactive ? Self.showProgress : nil)
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            let rows = report.checked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let elapsed = String(format: "%.1f s", Date().timeIntervalSince(start))
            if report.intact {
                print("store intact: \(rows); audit log \(report.audit.entries) entries, head file verified (\(elapsed))")
            } else {
                let count = report.problems.count + report.audit.problems.count
                print("STORE DAMAGED: \(count) problem\(count == 1 ? "" : "s") (\(rows); \(elapsed))")
                for problem in report.problems { print("  \(problem.table) \(problem.key): \(problem.message)") }
                for problem in report.audit.problems { print("  audit \(problem.sequence.map(String.init) ?? "-"): \(problem.message)") }
            }
        }
        if !report.intact { throw ExitCode(2) }
    }

    /// One line on standard error, redrawn: phase, count and rate.
    @Sendable static func showProgress(_ phase: String, _ done: Int, _ total: Int) {
        let width = 30
        let filled = total == 0 ? width : min(width, width * done / max(1, total))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(phase) \(done)/\(total) ".utf8))
    }
}
