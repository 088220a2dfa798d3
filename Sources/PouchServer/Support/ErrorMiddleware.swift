import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PouchCore
import PouchStore
import Synchronization

/// An error as the client sees it: a status and a message safe to show (never a stack trace,
/// never cable text or a secret).
struct PublicError: Sendable {
    var status: HTTPResponse.Status
    var detail: String
    /// Extra members for the API's problem document (lint diagnostics, refused addressees).
    var extra: [String: JSONValue] = [:]

    init(status: HTTPResponse.Status, detail: String, extra: [String: JSONValue] = [:]) {
        self.status = status
        self.detail = detail
        self.extra = extra
    }

    /// Maps what handlers and the store throw to what a client may see. A cable one may not read
    /// and a cable that does not exist map to the same 404 (the store already makes them the same error).
    init(_ error: any Error, logger: Logger) {
        switch error {
        case let error as any PublicErrorConvertible:
            self = error.publicError
        case let error as StoreError:
            switch error {
            case .noSuchCable, .noSuchUser, .noSuchList: self.init(status: .notFound, detail: error.description)
            case .signInFailed: self.init(status: .unauthorized, detail: error.description)
            case .notPermitted: self.init(status: .forbidden, detail: error.description)
            case .duplicate, .alreadyExists: self.init(status: .conflict, detail: error.description)
            case .refused(let names):
                self.init(status: .unprocessableContent, detail: error.description, extra: ["refused": .array(names.map { .string($0) })])
            case .invalid: self.init(status: .unprocessableContent, detail: error.description)
            case .tampered:
                logger.error("tampering detected", metadata: ["error": "\(error.description)"])
                self.init(status: .internalServerError, detail: error.description)
            case .alreadySent: self.init(status: .conflict, detail: error.description)
            case .disabled: self.init(status: .forbidden, detail: error.description)
            case .damaged, .readOnly, .diskFull:
                logger.error("store error", metadata: ["error": "\(error.description)"])
                self.init(status: .serviceUnavailable, detail: "the store cannot serve this request now; the operators have been told")
            case .wrongPassphrase, .notAStore:
                logger.error("store error", metadata: ["error": "\(error.description)"])
                self.init(status: .internalServerError, detail: "the store could not be opened")
            }
        case let error as SearchQueryError:
            self.init(status: .badRequest, detail: "query: \(error.message)")
        case let error as HTTPError:
            self.init(status: error.status, detail: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            self.init(status: error.status, detail: error.status.reasonPhrase)
        case is DecodingError:
            self.init(status: .badRequest, detail: "the request body is not what this endpoint expects")
        default:
            // Unknown errors are logged by type only: their description could carry anything.
            logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            self.init(status: .internalServerError, detail: "something went wrong on the server; it has been logged")
        }
    }
}

/// Errors raised by the server itself that already know their public form.
protocol PublicErrorConvertible: Error {
    var publicError: PublicError { get }
}

struct ClientError: PublicErrorConvertible {
    var publicError: PublicError
    init(_ status: HTTPResponse.Status, _ detail: String, extra: [String: JSONValue] = [:]) {
        publicError = PublicError(status: status, detail: detail, extra: extra)
    }
}

/// A small JSON value for problem-document extensions.
enum JSONValue: Sendable, Encodable {
    case string(String)
    case number(Double)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Turns every error into a page (web) or an RFC 9457 problem document (`/api`).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PouchRequestContext
    let pages: Pages
    /// The routes, to tell "no such path" (404) from "not with this method" (405).
    var routes: RouteTable?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var failure = PublicError(error, logger: context.logger)
            if let routeMiss = error as? HTTPError, routeMiss.status == .notFound,
                let allowed = routes?.methods(for: request.uri.path), !allowed.isEmpty
            {
                failure = PublicError(
                    status: .methodNotAllowed, detail: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))")
                var response = request.uri.path.hasPrefix("/api/") ? Self.problem(failure) : pages.errorPage(failure, context: context)
                response.headers[.allow] = allowed.joined(separator: ", ")
                return response
            }
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
                return Self.problem(failure)
            }
            // A browser that is not signed in goes to the sign-in page rather than an error.
            if failure.status == .unauthorized, context.identity == nil, request.method == .get {
                let back = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/"))) ?? "/"
                return Response.redirect(to: "/login?next=\(back)", type: .found)
            }
            return pages.errorPage(failure, context: context)
        }
    }

    static func problem(_ failure: PublicError) -> Response {
        var document: [String: JSONValue] = [
            "type": .string("about:blank"),
            "title": .string(failure.status.reasonPhrase),
            "status": .number(Double(failure.status.code)),
            "detail": .string(failure.detail),
        ]
        for (key, value) in failure.extra { document[key] = value }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(document)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        if failure.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: failure.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Headers every response carries: no framing, no sniffing, no caching of classified pages,
/// scripts only from Pouch itself.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = PouchRequestContext
    /// Over HTTPS: tell browsers never to use plain HTTP for this host again.
    var strictTransport = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

/// The router's path patterns and their methods, filled once every route is added.
final class RouteTable: Sendable {
    private let routes: Mutex<[(segments: [Substring], method: String)]> = Mutex([])

    func set(_ descriptions: [(path: String, method: String)]) {
        routes.withLock { $0 = descriptions.map { ($0.path.split(separator: "/"), $0.method) } }
    }

    /// The methods some route serves at this concrete path (parameter segments, `:name` or `{name}`, match any segment).
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        return routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { $0.0.hasPrefix(":") || $0.0.hasPrefix("{") || $0.0 == $0.1 }
            }.map(\.method)
        }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
    }
}
