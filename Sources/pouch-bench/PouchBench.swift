import ArgumentParser
import Foundation
import PouchBenchmarks
import PouchCore
import PouchCorpus
import PouchPostgres
import PouchStore
import PouchTestSupport

/// `pouch-bench`: the benchmarks and the synthetic-corpus generator, kept out of the `pouch` users run
/// (it links the attack transforms and the spell checker the tests use).
@main
struct PouchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pouch-bench",
        abstract: "Measure Pouch on real and generated cables.",
        subcommands: [Parse.self, Trace.self, Store.self, Corpus.self, Search.self, Ops.self, Scale.self]
    )

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse a directory of cables; print agreement with its metadata.jsonl and the parsing speed.")

        @Argument(help: "A directory of .txt cables (default: the shared WikiLeaks corpus).")
        var directory: String?
        @Option(help: "Timed passes over the directory.") var passes = 20

        func run() async throws {
            let url =
                directory.map { URL(fileURLWithPath: $0) }
                ?? CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
            do {
                let report = try ParseBenchmark(directory: url, passes: passes).run()
                print(report.table)
            } catch let error as CorpusError {
                throw ValidationError(error.description)
            }
        }
    }
}

extension PouchBench {
    struct Trace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark real cables for many recipients, attack the copies, trace them, and print the outcome table.")

        @Option(help: "A directory of .txt cables (default: the shared WikiLeaks corpus).") var corpus: String?
        @Option(help: "Recipients per cable.") var recipients = 1000
        @Option(help: "Null trials (no copy leaked).") var nullTrials = 10_000
        @Option(help: "Use at most this many cables.") var cables: Int?
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Flag(help: "Also show, per catalogue rule, how many of its slots a trace still reads after intercept.") var byRule = false

        func run() async throws {
            let url = corpus.map { URL(fileURLWithPath: $0) } ?? CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
            var benchmark = TraceBenchmark(
                corpus: url, recipients: recipients, nullTrials: nullTrials, seed: seed, cableLimit: cables,
                spellChecker: try Hunspell(), progress: { FileHandle.standardError.write(Data(("… " + $0 + "\n").utf8)) })
            benchmark.byRule = byRule
            benchmark.britishSpellChecker = try Hunspell(dictionary: "en_GB")
            print(try benchmark.run().table)
        }
    }
}

extension PouchBench {
    struct Store: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a long real-text cable to many recipients through a fresh store, read copies back, and print the timings.")

        @Option(help: "A directory of .txt cables to take paragraphs from (default: the shared WikiLeaks corpus).") var corpus: String?
        @Option(help: "Recipients per send.") var recipients = 1_000
        @Option(help: "Words in the cable.") var words = 1_500
        @Option(help: "Sends to time (each a new cable).") var sends = 3
        @Option(help: "Reads to time.") var reads = 1_000
        @Option(
            help: ArgumentHelp(
                "A PostgreSQL server to run on instead of SQLite, in a new database dropped afterwards ($POUCH_BENCH_POSTGRES is not read here).",
                valueName: "postgres://USER@HOST:PORT/DB"))
        var postgres: String?

        func run() async throws {
            let url = corpus.map { URL(fileURLWithPath: $0) } ?? CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
            var benchmark = StoreBenchmark(corpus: url, recipients: recipients, words: words, sends: max(1, sends), reads: max(1, reads))
            benchmark.postgres = try postgres.map { try PostgresLocation(url: $0) }
            print(try await benchmark.run(progress: { FileHandle.standardError.write(Data(("… " + $0 + "\n").utf8)) }).table)
        }
    }
}

extension PouchBench {
    struct Corpus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write realistic synthetic cables (posts, dates, TAGS, markings as in the real release; text from a word model of it).")

        @Option(help: "How many cables.") var count: Int
        @Option(help: "The directory to write (1,000 files per subdirectory).") var out: String
        @Option(help: "The real cables to learn from (default: the shared corpus).") var corpus: String?
        @Option(help: "Random seed.") var seed: UInt64 = 1

        func run() async throws {
            guard count > 0 else { throw ValidationError("--count must be positive") }
            let url = corpus.map { URL(fileURLWithPath: $0) } ?? CorpusFile.sharedCorpusDirectory()
            let generator = try CorpusGenerator(learningFrom: url)
            let start = Date()
            try generator.write(count: count, to: URL(fileURLWithPath: out), seed: seed) { done in
                FileHandle.standardError.write(Data("… \(done) cables\n".utf8))
            }
            print("wrote \(count) cables to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        }
    }
}

extension PouchBench {
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The archive at Cablegate scale: import generated + real cables, time mixed queries against a plain FTS5 baseline, check a sample against brute force and a stolen file."
        )

        @OptionGroup var corpus: BenchCorpus
        @Option(help: "A scratch directory for the stores (emptied first).") var work = NSTemporaryDirectory() + "pouch-bench-search"
        @Option(help: "Mixed queries to time.") var queries = 1_000
        @Option(help: "Cables in the brute-force sample.") var sample = 5_000
        @Flag(help: "Reuse the stores a complete earlier run left in --work: time queries only (import is not measured).") var reuse = false
        @Flag(help: "Also print times by kind of query.") var breakdown = false

        func run() async throws {
            let (generatedURL, realURL) = try corpus.directories()
            let benchmark = SearchBenchmark(
                generated: generatedURL, real: realURL, work: URL(fileURLWithPath: work), queries: queries, sample: sample, reuse: reuse)
            let report = try await benchmark.run { FileHandle.standardError.write(Data(("… " + $0 + "\n").utf8)) }
            print(report.table)
            if breakdown { print("\n" + report.breakdown) }
            if !report.sampleMismatches.isEmpty {
                print("queries that differ from brute force: " + report.sampleMismatches.prefix(10).joined(separator: " | "))
            }
            if !report.stolenWordsFound.isEmpty { print("words found in the file: " + report.stolenWordsFound.prefix(20).joined(separator: ", ")) }
        }
    }
}

extension PouchBench {
    struct Ops: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Operations at Cablegate scale: back up a store of generated + real cables while reading from it, verify and restore the backup, change the passphrase, rotate the master key and rewrap every record."
        )

        @OptionGroup var corpus: BenchCorpus
        @Option(help: "A scratch directory for the store and backup (emptied first).") var work = NSTemporaryDirectory() + "pouch-bench-ops"
        @Option(help: "Reads to time with nothing else running (half before the backup, half after).") var reads = 20_000
        @Flag(help: "Reuse the store a complete earlier run left in --work (import is not repeated).") var reuse = false
        @Option(help: ArgumentHelp("Take the backup at about this many MB/s, as 'pouch backup create --max-rate' does.", valueName: "MB/s"))
        var backupMaxRate: Int?

        func run() async throws {
            let (generatedURL, realURL) = try corpus.directories()
            let benchmark = OpsBenchmark(
                generated: generatedURL, real: realURL, work: URL(fileURLWithPath: work), reads: reads, reuse: reuse,
                backupMaxRate: backupMaxRate.map { $0 * 1_000_000 })
            print(try await benchmark.run { FileHandle.standardError.write(Data(("… " + $0 + "\n").utf8)) }.table)
        }
    }
}

/// The cables a Cablegate-scale benchmark imports: generated ones plus the real corpus.
extension PouchBench {
    struct Scale: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The same archive on SQLite and on PostgreSQL in one run: import rates, search p50/p99 as a partial-access reader and their ratio, CPU per query, and whether both stores return the same results.",
            discussion: "Benchmarks/scale.sh starts a throwaway PostgreSQL server and runs this in a release build.")

        @OptionGroup var corpus: BenchCorpus
        @Option(
            help: ArgumentHelp(
                "The PostgreSQL server (default $POUCH_BENCH_POSTGRES); databases pouch_bench_scale* on it are dropped and made again.",
                valueName: "postgres://USER@HOST:PORT/DB"))
        var postgres: String?
        @Option(help: "A scratch directory for the SQLite store and the audit heads (emptied first).") var work =
            NSTemporaryDirectory() + "pouch-bench-scale"
        @Option(help: "Mixed queries to time on each store.") var queries = 1_000
        @Flag(help: "Reuse the stores a complete earlier run left: time queries only.") var reuse = false
        @Flag(help: "Also time 'pouch store copy' of the SQLite store into a third database.") var copy = false

        func run() async throws {
            guard let url = postgres ?? ProcessInfo.processInfo.environment["POUCH_BENCH_POSTGRES"] else {
                throw ValidationError("give --postgres URL (or $POUCH_BENCH_POSTGRES); Benchmarks/scale.sh starts a server")
            }
            let server = try PostgresLocation(url: url)
            let (generatedURL, realURL) = try corpus.directories()
            let benchmark = ScaleBenchmark(
                generated: generatedURL, real: realURL, work: URL(fileURLWithPath: work), server: server, queries: queries, reuse: reuse,
                copy: copy)
            let report = try await benchmark.run { FileHandle.standardError.write(Data(("… " + $0 + "\n").utf8)) }
            print(report.table)
            if !report.differing.isEmpty { print("queries that differ: " + report.differing.prefix(10).joined(separator: " | ")) }
        }
    }
}

struct BenchCorpus: ParsableArguments {
    @Option(help: "Generated cables (the 2010 release had about 250,000).") var cables = 250_000
    @Option(help: "Where the generated cables are (written there first if missing; default .build/bench-corpus-N).") var generated: String?
    @Option(help: "The real cables (default: the shared corpus).") var real: String?

    /// The generated folder (written first when it holds fewer than `cables`) and the real one.
    func directories() throws -> (generated: URL, real: URL) {
        let realURL = real.map { URL(fileURLWithPath: $0) } ?? CorpusFile.sharedCorpusDirectory()
        let url = URL(fileURLWithPath: generated ?? ".build/bench-corpus-\(cables)")
        let existing = (try? ArchiveImport.files(in: [url.path]).count) ?? 0
        if existing < cables {
            FileHandle.standardError.write(Data("… generating \(cables) cables into \(url.path)\n".utf8))
            try? FileManager.default.removeItem(at: url)
            try CorpusGenerator(learningFrom: realURL).write(count: cables, to: url) { done in
                FileHandle.standardError.write(Data("… \(done) generated\n".utf8))
            }
        }
        return (url, realURL)
    }
}
