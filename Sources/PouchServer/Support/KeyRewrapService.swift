import Logging
import ServiceLifecycle

/// Finishes a master key rewrap in the background while the server serves: after
/// `pouch key rotate master --background`, or a rewrap that was stopped, every server on the store
/// takes it up within `interval`. Batches are small and spaced, so requests go first; several
/// servers doing it at once is safe (each key is swapped only if it is still the one read).
/// What the store does is given as closures, as for `BackupSchedule`.
public struct KeyRewrapService: Service {
    public var interval: Duration
    /// Whether records are left under an older master key version.
    public var pending: @Sendable () async throws -> Bool
    /// Moves them; returns how many were moved.
    public var rewrap: @Sendable () async throws -> Int
    public var logger: Logger

    public init(
        interval: Duration = .seconds(60), logger: Logger,
        pending: @escaping @Sendable () async throws -> Bool, rewrap: @escaping @Sendable () async throws -> Int
    ) {
        self.interval = interval
        self.logger = logger
        self.pending = pending
        self.rewrap = rewrap
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    await runOnce()
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Shutting down: the rewrap resumes where it stopped at the next start.
        }
    }

    /// One look: rewrap if anything is left. Failures are logged, never fatal to serving.
    public func runOnce() async {
        do {
            guard try await pending() else { return }
            logger.info("rewrapping records under older master key versions in the background")
            let moved = try await rewrap()
            logger.info("master key rewrap finished", metadata: ["records": "\(moved)"])
        } catch is CancellationError {
            return
        } catch {
            logger.error("master key rewrap stopped; it is tried again later", metadata: ["error": "\(error)"])
        }
    }
}
