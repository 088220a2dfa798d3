import Foundation

/// The `pouch` executable, run by tests as an operator would (and killed as a crash would).
public enum PouchProcess {
    /// The `pouch` executable built beside the test bundle.
    public static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pouch"),
            Bundle.main.bundleURL.appendingPathComponent("pouch"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pouch"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw PouchProcessError("the pouch executable was not found beside the tests (run 'swift build --build-tests' first)")
        }
        return found
    }

    /// Runs `pouch` with `arguments` and `environment` added to this process's, killing it with
    /// SIGKILL after `delay` seconds if one is given: its exit status, and whether it was still
    /// running when killed.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], killAfter delay: Double? = nil
    ) throws -> (
        status: Int32, killedRunning: Bool
    ) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var running = false
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            running = process.isRunning
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return (process.terminationStatus, running)
    }
}

public struct PouchProcessError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
