import PouchCore
import PouchFingerprint

/// The outcome of tracing leaks against the store: which stored cables they came from, and the verdict.
public struct StoreTraceResult: Sendable {
    /// The sent cables the leaks were matched to, best first.
    public var cables: [ReferenceID]
    /// The verdict over the recipients of those cables; nil when no leak matched any sent cable.
    public var verdict: TraceVerdict?
    /// Sent cables that could not be traced against because their stored rows failed an integrity check.
    public var damaged: [String] = []
}

extension CableStore {
    /// Finds the stored cable(s) each leak comes from, reads their slots and scores every
    /// recipient of those cables, adding the evidence of all leaks up. Writes an audit entry.
    public func trace(leaks: [String], as officerID: String, maxFalseAccusation: Double = 1e-6) async throws -> StoreTraceResult {
        let material = try await tracingMaterial(as: officerID)
        let matcher = LeakMatcher(cables: material.cables.map(\.cable))
        var matched: [Int] = []
        for leak in leaks {
            for match in matcher.matches(leak: leak) where !matched.contains(match.cable) { matched.append(match.cable) }
        }
        let ids = matched.compactMap { material.cables[$0].cable.referenceID }
        guard !matched.isEmpty else {
            try await record(AuditEvent(user: officerID, action: .trace, target: "\(leaks.count) leak(s)", detail: "no stored cable matched"))
            return StoreTraceResult(cables: [], verdict: nil, damaged: material.damaged)
        }
        let fingerprints = matched.map {
            CableFingerprint(
                cable: material.cables[$0].cable, key: material.key(of: material.cables[$0]), profile: material.profile,
                scheme: material.cables[$0].scheme)
        }
        let tracer = Tracer(fingerprints: fingerprints)
        var readings: [LeakReading] = []
        for leak in leaks { readings += tracer.read(leak: leak) }
        var recipients: [String] = []
        var seen: Set<String> = []
        for index in matched {
            for recipient in material.cables[index].recipients where seen.insert(recipient).inserted { recipients.append(recipient) }
        }
        let verdict = tracer.trace(readings, recipients: recipients, maxFalseAccusation: maxFalseAccusation)
        let accused = verdict.accused.map(\.recipient).joined(separator: ",")
        try await record(
            AuditEvent(
                user: officerID, action: .trace, target: ids.map(\.description).joined(separator: ","),
                detail: "verdict \(verdict.verdict)\(accused.isEmpty ? "" : "; accused \(accused)"); \(verdict.symbolsRead) symbols read"))
        return StoreTraceResult(cables: ids, verdict: verdict, damaged: material.damaged)
    }
}
