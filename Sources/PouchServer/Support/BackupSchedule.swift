import Foundation
import Logging
import ServiceLifecycle

/// Writes a backup when the server starts and then at every interval, checks each one, and keeps
/// the newest `keep` (`pouch serve --backup-dir --backup-every --backup-keep`).
///
/// Older backups are deleted only after a new one has been written *and* verified, so a failing
/// disk or a damaged backup never costs the good ones. What the store does is given as closures:
/// the server knows nothing of the store's files.
public struct BackupSchedule: Service {
    public var directory: String
    public var interval: Duration
    public var keep: Int
    /// Writes a backup to the path given.
    public var write: @Sendable (String) async throws -> Void
    /// Checks the backup at the path given; throws when it is damaged.
    public var verify: @Sendable (String) async throws -> Void
    public var metrics: ServerMetrics?
    public var logger: Logger

    public init(
        directory: String, interval: Duration, keep: Int, metrics: ServerMetrics? = nil, logger: Logger,
        write: @escaping @Sendable (String) async throws -> Void, verify: @escaping @Sendable (String) async throws -> Void
    ) {
        self.directory = directory
        self.interval = interval
        self.keep = keep
        self.metrics = metrics
        self.logger = logger
        self.write = write
        self.verify = verify
    }

    static let prefix = "pouch-", suffix = ".pouchbackup"

    /// `pouch-20261206T231500Z.pouchbackup`: names sort as times.
    public static func fileName(at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return prefix + String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
            + suffix
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    await takeOne()
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Shutting down: a sleep cut short is not a failure of the server.
        }
    }

    /// One round: write, verify, then prune. Failures are logged and counted, never fatal to serving.
    public func takeOne(at date: Date = Date()) async {
        let path = directory + "/" + Self.fileName(at: date)
        let start = ContinuousClock.now
        do {
            try await write(path)
            try await verify(path)
            let removed = try prune()
            metrics?.backupFinished(succeeded: true)
            logger.info(
                "backup written and verified",
                metadata: [
                    "file": "\(path)", "seconds": "\((ContinuousClock.now - start).components.seconds)", "removed": "\(removed.count)",
                ])
        } catch {
            metrics?.backupFinished(succeeded: false)
            // A backup that does not verify is kept aside under another name for the officer, never counted as one to keep.
            if FileManager.default.fileExists(atPath: path) { try? FileManager.default.moveItem(atPath: path, toPath: path + ".failed") }
            logger.error("backup failed; older backups are kept", metadata: ["file": "\(path)", "error": "\(error)"])
        }
    }

    /// Deletes all but the newest `keep` backups in the folder; returns what it deleted.
    func prune() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(Self.suffix) }.sorted()
        let old = Array(names.dropLast(keep))
        for name in old { try FileManager.default.removeItem(atPath: directory + "/" + name) }
        return old
    }
}

extension Duration {
    /// `90s`, `30m`, `1h`, `2d`, or a number of seconds; nil for anything else or zero.
    public init?(schedule text: String) {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var digits = Substring(text)
        var unit: Int64 = 1
        if let last = text.last, let scale = units[last] {
            digits = text.dropLast()
            unit = scale
        }
        guard let value = Int64(digits), value > 0, value <= Int64.max / unit / 2 else { return nil }
        self = .seconds(value * unit)
    }
}
