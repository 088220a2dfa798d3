import Foundation
import Hummingbird
import Metrics
import Prometheus

/// The server's Prometheus metrics: its own registry (no process-wide bootstrap), so several
/// servers — and tests — never share counters.
public struct ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    let sends: Metrics.Counter
    let traces: Metrics.Counter
    let failedSignIns: Metrics.Counter
    let signIns: Metrics.Counter

    public init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
        sends = Metrics.Counter(label: "pouch_sends_total", dimensions: [], factory: factory)
        traces = Metrics.Counter(label: "pouch_traces_total", dimensions: [], factory: factory)
        failedSignIns = Metrics.Counter(label: "pouch_failed_logins_total", dimensions: [], factory: factory)
        signIns = Metrics.Counter(label: "pouch_logins_total", dimensions: [], factory: factory)
    }

    func sent() { sends.increment() }

    /// A scheduled backup written and verified, or not; the time of the last good one, so an
    /// alert can fire when it grows older than the schedule.
    public func backupFinished(succeeded: Bool, at time: Date = Date()) {
        Metrics.Counter(label: "pouch_backups_total", dimensions: [("outcome", succeeded ? "ok" : "failed")], factory: factory).increment()
        if succeeded {
            Metrics.Gauge(label: "pouch_backup_last_success_timestamp_seconds", dimensions: [], factory: factory).record(time.timeIntervalSince1970)
        }
    }
    func traced() { traces.increment() }
    func signIn(succeeded: Bool) { (succeeded ? signIns : failedSignIns).increment() }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String { registry.emitToString() }

    func requestFinished(method: String, route: String, status: Int, duration: Duration) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        Metrics.Counter(label: "pouch_http_requests_total", dimensions: dimensions, factory: factory).increment()
        Metrics.Timer(label: "pouch_http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Counts every request and times it, labelled by route pattern (never by the concrete path,
/// which could hold a reference ID).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = PouchRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.requestFinished(
                method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
                status: response.status.code, duration: .now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.requestFinished(
                method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
                status: status, duration: .now - start)
            throw error
        }
    }
}
