import Foundation
import PouchCore
import PouchCorpus
import PouchStore

/// `pouch-bench parse`: parse every cable of a directory, compare with its ground truth,
/// and time the parser on bytes already in memory.
public struct ParseBenchmark: Sendable {
    public var directory: URL
    /// How many timed passes over the corpus.
    public var passes: Int

    public init(directory: URL, passes: Int = 20) {
        self.directory = directory
        self.passes = passes
    }

    public struct Report: Sendable {
        public var agreement: Agreement?
        public var files: Int
        public var bytes: Int
        public var seconds: Double
        public var passes: Int
        public var failures: [String: String]

        public var cablesPerSecond: Double { Double(files * passes) / seconds }
        public var megabytesPerSecond: Double { Double(bytes * passes) / seconds / 1_000_000 }

        /// The agreement table and speed, as printed.
        public var table: String {
            var out: [String] = []
            if let agreement {
                out.append("field                    agreed / compared      rate")
                for field in agreement.fields {
                    let rate = String(format: "%6.2f%%", field.rate * 100)
                    var row = pad(field.name, 24) + " " + pad("\(field.agreed) / \(field.compared)", 20) + "  " + rate
                    if !field.disagreements.isEmpty {
                        row += "   differ: " + field.disagreements.prefix(8).joined(separator: " ") + (field.disagreements.count > 8 ? " …" : "")
                    }
                    out.append(row)
                }
                out.append("reference IDs whose year came from the file name: \(agreement.referenceYearsFromFileName)")
            }
            out.append("files: \(files), failed: \(failures.count)")
            for (name, error) in failures.sorted(by: { $0.key < $1.key }) { out.append("  \(name): \(error)") }
            out.append(
                String(
                    format: "speed: %.0f cables/s, %.1f MB/s (%d passes over %.2f MB, %.3f s)",
                    cablesPerSecond, megabytesPerSecond, passes, Double(bytes) / 1_000_000, seconds))
            return out.joined(separator: "\n")
        }

        private func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
    }

    public func run() throws -> Report {
        let files = try CorpusFile.loadDirectory(directory)
        guard !files.isEmpty else { throw CorpusError("\(directory.path): no .txt cable files") }
        var documents: [String: Result<CableDocument, CableParseError>] = [:]
        for file in files {
            documents[file.stem] = Result { () throws(CableParseError) in try CableParser().parse(bytes: file.bytes, fileName: file.name) }
        }
        let metadata = directory.appendingPathComponent("metadata.jsonl")
        var agreement: Agreement?
        if FileManager.default.fileExists(atPath: metadata.path) {
            agreement = Agreement.measure(documents: documents, truth: try GroundTruth.load(from: metadata))
        }
        let parser = CableParser()
        let clock = ContinuousClock()
        var sink = 0
        let elapsed = clock.measure {
            for _ in 0..<passes {
                for file in files {
                    if let document = try? parser.parse(bytes: file.bytes, fileName: file.name) {
                        sink &+= document.cable.paragraphs.count
                    }
                }
            }
        }
        precondition(sink >= 0)
        let failures = documents.compactMapValues { result -> String? in
            if case .failure(let error) = result { return error.description }
            return nil
        }
        return Report(
            agreement: agreement, files: files.count, bytes: files.reduce(0) { $0 + $1.bytes.count },
            seconds: elapsed.seconds, passes: passes, failures: failures)
    }
}
