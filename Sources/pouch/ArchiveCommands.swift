import ArgumentParser
import Foundation
import PouchCore
import PouchSQLite
import PouchStore

#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring cables into the archive (canonical, raw telegram or WikiLeaks text): sealed, signed, indexed.",
        discussion: """
            Directories are read recursively (*.txt). Import is idempotent and resumable: a reference ID already in the \
            store is skipped, and every batch is committed whole, so an interrupted import is finished by running it again. \
            Exit status 1 if any file failed (each is listed with its line and reason).
            """)

    @Argument(help: "Cable files or directories.") var paths: [String]
    @Option(help: "Cables per transaction.") var batch = 1_000
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var acting: ActingUser

    func run() async throws {
        let files = try await reporting { try ArchiveImport.files(in: paths) }
        let store = try await reporting { try await storeOptions.open() }
        let user = try await reporting { try await acting.orAdministrator(of: store) }
        let progress = ImportProgress(total: files.count, interactive: isatty(STDERR_FILENO) == 1)
        let summary: ArchiveImport.Summary
        do {
            summary = try await ArchiveImport.run(files: files, into: store, as: user, batch: batch, progress: { progress.show($0) })
        } catch let stopped as ArchiveImport.Interrupted {
            // What was done is committed (each batch whole); say so, then why it stopped.
            progress.finish()
            report(stopped.summary, of: files.count, elapsed: progress.elapsedDescription)
            if case StoreError.diskFull(let path) = stopped.error {
                printError(
                    "error: the import stopped: the disk holding \(path) is full; the batch it was writing was not stored. Free some space and run the import again: cables already imported are skipped"
                )
            } else {
                printError(
                    "error: the import stopped: \(describe(stopped.error, directory: storeOptions.directory)); run it again to go on (cables already imported are skipped)"
                )
            }
            throw ExitCode(1)
        }
        progress.finish()
        report(summary, of: files.count, elapsed: progress.elapsedDescription)
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }

    func report(_ summary: ArchiveImport.Summary, of files: Int, elapsed: String) {
        for failure in summary.failures { printError(failure) }
        for warning in summary.warnings { printError(warning) }
        print(
            "imported \(summary.imported), skipped \(summary.duplicates) already in the archive, failed \(summary.failures.count) (of \(files) files, \(elapsed))"
        )
    }
}

/// A one-line progress bar on a terminal: count, rate, ETA.
struct ImportProgress: Sendable {
    let total: Int
    let interactive: Bool
    let start = Date()

    init(total: Int, interactive: Bool) {
        self.total = total
        self.interactive = interactive
    }

    var elapsedDescription: String { String(format: "%.1f s", Date().timeIntervalSince(start)) }

    func show(_ done: Int) {
        guard interactive else { return }
        let elapsed = max(0.001, Date().timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(
            Data(
                String(
                    format: "\r%@ %d/%d cables  %.0f/s  ETA %dm%02ds ", bar, done, total, rate,
                    Int(remaining) / 60, Int(remaining) % 60
                ).utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the cables you may read.",
        discussion: """
            Words (all must match), "a phrase", OR, AND, NOT or -word, parentheses, prefix*, and filters: post:ISLAMABAD, \
            year:2009 or year:2005-2009, class:secret, caveat:NOFORN, tag:PREL, cites:09STATE12345. A reference ID alone \
            finds that cable, with the cables it cites and those citing it. Counts and facets cover only what you may read.
            """)

    @Argument(help: "The query.") var query: [String]
    @Option(help: "Results per page.") var limit = 10
    @Option(help: "Results to skip (for the next pages).") var offset = 0
    @Option(help: "relevance or date.") var sort: SearchOptions.Order = .relevance
    @Flag(help: "Print the results as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var acting: ActingUser

    func run() async throws {
        let text = query.joined(separator: " ")
        let parsed: SearchQuery
        do { parsed = try SearchQuery(parsing: text) } catch { throw ValidationError("query: \(error.message)") }
        let results = try await reporting {
            try await storeOptions.open().search(
                parsed, as: try acting.required(),
                options: SearchOptions(limit: max(0, limit), offset: max(0, offset), order: sort))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        let bold = isatty(STDOUT_FILENO) == 1
        for (index, hit) in results.hits.enumerated() {
            let summary = hit.summary
            let marking = ([summary.classification.word] + summary.caveats.map(\.rawValue)).joined(separator: "//")
            print("\(offset + index + 1). \(summary.referenceID)  \(summary.date)  \(marking)  \(summary.origin)")
            print("   \(summary.subject)")
            let snippet = hit.snippet.map { $0.match ? (bold ? "\u{1B}[1m\($0.text)\u{1B}[0m" : "[\($0.text)]") : $0.text }.joined()
            if !snippet.isEmpty { print("   \(snippet)") }
            if let cites = hit.cites, !cites.isEmpty { print("   cites: \(cites.joined(separator: ", "))") }
            if let citedBy = hit.citedBy, !citedBy.isEmpty { print("   cited by: \(citedBy.joined(separator: ", "))") }
        }
        print("\(results.hits.count) shown of \(results.total) cable\(results.total == 1 ? "" : "s") you may read")
        for facet in ["post", "year", "classification", "caveat", "tag"] {
            guard let counts = results.facets[facet], !counts.isEmpty else { continue }
            print("  \(facet): " + counts.prefix(8).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
        }
    }
}

extension SearchOptions.Order: ExpressibleByArgument {}
