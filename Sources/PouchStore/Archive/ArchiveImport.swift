import Foundation
import PouchCore

/// Brings cable files into a store's archive: read and parsed on every core, imported in
/// batches (each one transaction), later batches parsed and prepared while one is written.
/// Idempotent and resumable: a reference ID already stored is skipped.
public enum ArchiveImport {
    public struct Summary: Sendable {
        public var files = 0
        public var imported = 0
        public var duplicates = 0
        /// `FILE:LINE: error: message`, one per file that could not be read.
        public var failures: [String] = []
    }

    /// The `.txt` files under the given files and directories (recursively), directories sorted.
    public static func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw StoreError.invalid("\(path): no such file or directory") }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else { throw StoreError.invalid("\(path): cannot read the directory") }
            var found: [String] = []
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(".txt") { found.append(path + "/" + name) }
            }
            files += found.sorted()
        }
        return files
    }

    public static func run(files: [String], into store: some CableStore, as userID: String, batch: Int = 1_000,
                           progress: @Sendable (Int) -> Void = { _ in }) async throws -> Summary {
        var summary = Summary()
        summary.files = files.count
        let size = max(1, batch)
        let chunks = stride(from: 0, to: files.count, by: size).map { Array(files[$0..<min($0 + size, files.count)]) }
        guard !chunks.isEmpty else { return summary }
        // Three stages in flight: batch N is written (one transaction, one core) while batch N+1
        // is sealed and indexed and batch N+2 is parsed, so the cores never wait on the writer.
        var pending = await parse(chunks[0])
        var writing: Task<ImportOutcome, any Error>?
        var done = 0
        func finish(_ task: Task<ImportOutcome, any Error>, files: Int) async throws {
            let outcome = try await task.value
            summary.imported += outcome.imported.count
            summary.duplicates += outcome.duplicates.count
            done += files
            progress(done)
        }
        do {
            for index in chunks.indices {
                async let next: ([Cable], [String])? = index + 1 < chunks.count ? parse(chunks[index + 1]) : nil
                let (cables, failures) = pending
                summary.failures += failures
                let current = Task { try await store.importCables(cables, as: userID) }
                if let previous = writing { try await finish(previous, files: chunks[index - 1].count) }
                writing = current
                if let following = await next { pending = following }
            }
            if let last = writing { try await finish(last, files: chunks[chunks.count - 1].count) }
        } catch {
            // The batch in flight still commits whole or not at all; a rerun resumes after it.
            if let writing { _ = try? await writing.value }
            throw error
        }
        return summary
    }

    /// Reads and parses files on every core.
    public static func parse(_ files: [String]) async -> ([Cable], [String]) {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = max(1, (files.count + workers - 1) / workers)
        return await withTaskGroup(of: (Int, [Cable], [String]).self) { group in
            for (part, start) in stride(from: 0, to: files.count, by: size).enumerated() {
                let slice = Array(files[start..<min(start + size, files.count)])
                group.addTask {
                    var cables: [Cable] = []
                    var failures: [String] = []
                    for file in slice {
                        guard let data = FileManager.default.contents(atPath: file) else {
                            failures.append("\(file):1: error: cannot read the file")
                            continue
                        }
                        do throws(CableParseError) {
                            let document = try CableReading.read(bytes: data, fileName: file)
                            if document.cable.referenceID == nil {
                                failures.append("\(file):1: error: no reference ID (name the file after it, as in 09ISLAMABAD2295.txt)")
                            } else {
                                cables.append(document.cable)
                            }
                        } catch {
                            failures.append("\(error.file ?? file):\(error.line): error: \(error.message)")
                        }
                    }
                    return (part, cables, failures)
                }
            }
            var parts: [(Int, [Cable], [String])] = []
            for await part in group { parts.append(part) }
            parts.sort { $0.0 < $1.0 }
            return (parts.flatMap(\.1), parts.flatMap(\.2))
        }
    }
}
