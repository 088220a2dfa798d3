import ArgumentParser
import Foundation
import PouchCorpus

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Pouch on real and generated cables.",
        subcommands: [Parse.self]
    )

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse a directory of cables; print agreement with its metadata.jsonl and the parsing speed.")

        @Argument(help: "A directory of .txt cables (default: the shared WikiLeaks corpus).")
        var directory: String?
        @Option(help: "Timed passes over the directory.") var passes = 20

        func run() async throws {
            let url = directory.map { URL(fileURLWithPath: $0) }
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
