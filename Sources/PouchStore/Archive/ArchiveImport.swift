import Foundation
import PouchCore

/// Brings cable files into a store's archive: read and parsed on every core, imported in
/// batches (each one transaction), later batches parsed and prepared while one is written.
/// Idempotent and resumable: a reference ID already stored is skipped.
public enum ArchiveImport {
    public struct Summary: Sendable {
        public var files = 0
        public var imported = 0
        /// Cables already in the store (from an earlier import or draft): skipped.
        public var duplicates = 0
        /// `FILE:LINE: error: message`, one per file that could not be read.
        public var failures: [String] = []
        /// `FILE: warning: message`: files read with damage (invalid UTF-8), and files that
        /// repeat a reference ID another file of this import already gave (naming both).
        public var warnings: [String] = []
    }

    /// An import stopped part-way (a full disk, a store error): what was done before it stopped,
    /// every finished batch committed whole, and why.
    public struct Interrupted: Error, Sendable {
        public var summary: Summary
        public var error: any Error
    }

    /// The `.txt` files under the given files and directories (recursively), directories sorted.
    public static func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw StoreError.invalid("\(path): no such file or directory")
            }
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

    public static func run(
        files: [String], into store: some CableStore, as userID: String, batch: Int = 1_000,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Summary {
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
        // The file each reference ID came from in this import: a second file with the same ID is
        // named beside the first, and skipped.
        var firstFile: [String: String] = [:]
        func keepFirst(_ parsed: Parsed) -> [Cable] {
            summary.failures += parsed.failures
            summary.warnings += parsed.warnings
            var kept: [Cable] = []
            for (cable, file) in zip(parsed.cables, parsed.files) {
                guard let id = cable.referenceID?.description else { continue }
                if let first = firstFile[id] {
                    summary.warnings.append("\(file): warning: reference ID \(id) is also in \(first); kept \(first), skipped \(file)")
                    continue
                }
                firstFile[id] = file
                kept.append(cable)
            }
            return kept
        }
        func finish(_ task: Task<ImportOutcome, any Error>, files: Int) async throws {
            let outcome = try await task.value
            summary.imported += outcome.imported.count
            summary.duplicates += outcome.duplicates.count
            done += files
            progress(done)
        }
        do {
            for index in chunks.indices {
                async let next: Parsed? = index + 1 < chunks.count ? parse(chunks[index + 1]) : nil
                let cables = keepFirst(pending)
                let current = Task { try await store.importCables(cables, as: userID) }
                if let previous = writing {
                    writing = nil
                    try await finish(previous, files: chunks[index - 1].count)
                }
                writing = current
                if let following = await next { pending = following }
            }
            if let last = writing {
                writing = nil
                try await finish(last, files: chunks[chunks.count - 1].count)
            }
        } catch {
            // The batch in flight still commits whole or not at all; a rerun resumes after it.
            if let writing, let outcome = try? await writing.value {
                summary.imported += outcome.imported.count
                summary.duplicates += outcome.duplicates.count
            }
            throw Interrupted(summary: summary, error: error)
        }
        return summary
    }

    /// One batch of files read and parsed: the cables with the file each came from, and what went wrong.
    public struct Parsed: Sendable {
        public var cables: [Cable] = []
        public var files: [String] = []
        public var failures: [String] = []
        public var warnings: [String] = []
    }

    /// Reads and parses files on every core.
    public static func parse(_ files: [String]) async -> Parsed {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = max(1, (files.count + workers - 1) / workers)
        return await withTaskGroup(of: (Int, Parsed).self) { group in
            for (part, start) in stride(from: 0, to: files.count, by: size).enumerated() {
                let slice = Array(files[start..<min(start + size, files.count)])
                group.addTask {
                    var parsed = Parsed()
                    for file in slice {
                        let bytes: [UInt8]
                        do throws(InputFile.Failure) {
                            bytes = try InputFile.read(file)
                        } catch {
                            parsed.failures.append("\(file):1: error: cannot read the file: \(error.reason)")
                            continue
                        }
                        do throws(CableParseError) {
                            let document = try CableReading.read(bytes: bytes, fileName: file)
                            parsed.warnings += document.warnings
                            if document.cable.referenceID == nil {
                                parsed.failures.append("\(file):1: error: no reference ID (name the file after it, as in 09ISLAMABAD2295.txt)")
                            } else {
                                parsed.cables.append(document.cable)
                                parsed.files.append(file)
                            }
                        } catch {
                            parsed.failures.append("\(error.file ?? file):\(error.line): error: \(error.message)")
                        }
                    }
                    return (part, parsed)
                }
            }
            var parts: [(Int, Parsed)] = []
            for await part in group { parts.append(part) }
            parts.sort { $0.0 < $1.0 }
            var all = Parsed()
            for (_, part) in parts {
                all.cables += part.cables
                all.files += part.files
                all.failures += part.failures
                all.warnings += part.warnings
            }
            return all
        }
    }
}
