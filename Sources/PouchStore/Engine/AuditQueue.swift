import Synchronization

/// Group commit for audit entries that do not change anything else (reads, lists, searches,
/// sign-ins). Each caller still waits until its own entry is committed and synced before it may
/// show anything, but entries that arrive while a commit is in flight share the next transaction,
/// so many readers pay for one fsync instead of one each.
///
/// The first caller to find no commit in flight leads: it writes its entry with every entry
/// queued so far, wakes their callers, then hands the lead to the next waiter, if any.
final class AuditQueue: Sendable {
    private struct Waiter {
        var event: AuditEvent
        var continuation: CheckedContinuation<Turn, any Error>
    }

    private enum Turn {
        /// The entry is committed.
        case written
        /// No commit is in flight: write this entry and whatever has queued.
        case lead
    }

    private struct State {
        var waiting: [Waiter] = []
        var writing = false
    }

    private let state = Mutex(State())

    /// Appends `event` and returns once it is committed. `write` commits a batch in one transaction.
    func append(_ event: AuditEvent, write: @Sendable ([AuditEvent]) async throws -> Void) async throws {
        let turn: Turn = try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state -> Bool in
                if state.writing {
                    state.waiting.append(Waiter(event: event, continuation: continuation))
                    return false
                }
                state.writing = true
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
        guard case .lead = turn else { return }

        let followers = state.withLock { state -> [Waiter] in
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        let result: Result<Void, any Error>
        do {
            try await write([event] + followers.map(\.event))
            result = .success(())
        } catch {
            result = .failure(error)
        }
        for follower in followers { follower.continuation.resume(with: result.map { .written }) }
        // Hand over: the next waiter leads the next batch; with none, the queue goes idle.
        let next = state.withLock { state -> Waiter? in
            guard !state.waiting.isEmpty else {
                state.writing = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        try result.get()
    }
}
