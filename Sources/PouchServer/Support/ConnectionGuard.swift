import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// How many connections are open, against a cap shared by every connection's guard.
public final class ConnectionCounter: Sendable {
    public let limit: Int
    private let open = Atomic<Int>(0)

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Counts a new connection; false when it is over the cap (it is counted all the same, and
    /// given back by `leave` when it closes).
    func enter() -> Bool {
        open.wrappingAdd(1, ordering: .relaxed).newValue <= limit
    }

    func leave() {
        open.wrappingSubtract(1, ordering: .relaxed)
    }

    public var current: Int { open.load(ordering: .relaxed) }

    /// The most connections this process can hold and still open its database, log and TLS files:
    /// the soft open-file limit less a reserve.
    public static func descriptorBound() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else { return Int.max }
        return max(16, Int(limit.rlim_cur) - 64)
    }
}

/// Guards one connection: closes it when a request does not arrive whole within the read
/// timeout (a half-sent request, or an idle keep-alive connection), and answers 503 and closes at
/// once when the connection is over the cap. Sits after the HTTP decoder, so "whole" means the
/// head and body have been parsed, however slowly the bytes came.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let counter: ConnectionCounter
    private let readTimeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var counted = false
    private var refused = false

    init(counter: ConnectionCounter, readTimeout: TimeAmount) {
        self.counter = counter
        self.readTimeout = readTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        guard counter.enter() else {
            refused = true
            refuse(context)
            return
        }
        arm(context)
    }

    /// 503 with `Connection: close`, written before any request is read, then the connection closes.
    private func refuse(_ context: ChannelHandlerContext) {
        let body = "Pouch is serving as many connections as it may; try again shortly.\n"
        var head = HTTPResponse(status: .serviceUnavailable)
        head.headerFields[.contentType] = "text/plain; charset=utf-8"
        head.headerFields[.contentLength] = String(body.utf8.count)
        head.headerFields[.connection] = "close"
        head.headerFields[.retryAfter] = "5"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(string: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Nothing of a refused connection goes further.
        guard !refused else { return }
        if case .end = unwrapInboundIn(data) {
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // The response is complete: the next request has the read timeout to arrive.
        if case .end = unwrapOutboundIn(data), !refused { arm(context) }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish()
    }

    private func finish() {
        deadline?.cancel()
        deadline = nil
        if counted {
            counted = false
            counter.leave()
        }
    }

    private func arm(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: readTimeout) { channel.close(promise: nil) }
    }
}

/// The router, answering `HEAD` wherever it serves `GET`.
public struct PouchRouter: HTTPResponderBuilder {
    let router: Router<PouchRequestContext>

    /// Every route the router serves (for checks against the OpenAPI document).
    public var routes: [Router<PouchRequestContext>.RouteDescription] { router.routes }

    public func buildResponder() -> HeadResponder<RouterResponder<PouchRequestContext>> {
        HeadResponder(base: router.buildResponder())
    }
}

/// `HEAD` wherever `GET` is served: routed as `GET`, answered with the same status and headers
/// and no body. (Router middleware runs after a route is chosen, so this wraps the router.)
public struct HeadResponder<Base: HTTPResponder>: HTTPResponder {
    let base: Base

    public func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}
