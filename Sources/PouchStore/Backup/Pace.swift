import Foundation

/// Holds a long copy to a rate by sleeping the thread that copies (a thread of its own, never one
/// of Swift's cooperative pool): `pg_basebackup --max-rate`'s trade of backup speed for the
/// latency of everything else on the machine.
public struct Pace: Sendable {
    /// Bytes per second; nil or 0 for no limit.
    public let bytesPerSecond: Int?
    private let start = ContinuousClock.now

    public init(bytesPerSecond: Int?) { self.bytesPerSecond = bytesPerSecond }

    /// Called after `bytes` in all have been copied: sleeps until they are due at the rate.
    public func wait(after bytes: Int) {
        guard let rate = bytesPerSecond, rate > 0 else { return }
        let due = Double(bytes) / Double(rate)
        let ahead = due - (ContinuousClock.now - start).seconds
        if ahead > 0.001 { Thread.sleep(forTimeInterval: ahead) }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double` (for rates and reports).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
