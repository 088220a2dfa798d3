import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PouchCore
import PouchSQLite
import PouchServer
import PouchStore

/// A demo store (real SQLite, fast KDF cost) behind a real router, driven in memory.
struct ServerFixture {
    let store: SealedStore
    let server: PouchServer
    let directory: String
    /// Removes the store's directory when the last copy of the fixture goes (the end of the test).
    let removal: Removal

    /// Deletes a folder when it is released.
    final class Removal: Sendable {
        let path: String
        init(_ path: String) { self.path = path }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func make(signInAttempts: Int = 5, demo: Bool = false) async throws -> ServerFixture {
        let directory = NSTemporaryDirectory() + "pouch-server-test-" + UUID().uuidString
        let admin = Reader(id: "admin", name: "Administrator", post: "STATE", roles: [.administrator], clearance: .unclassified, citizen: false)
        let store = try SQLiteStore.create(at: directory, credential: .passphrase("correct horse battery"), administrator: admin, cost: .testing)
        try await DemoStore.populate(store, administrator: "admin")
        var configuration = ServerConfiguration(signInAttempts: signInAttempts)
        if demo { configuration.demoLogins = DemoStore.logins(administrator: "admin") }
        let server = try await PouchServer(store: store, configuration: configuration)
        return ServerFixture(store: store, server: server, directory: directory, removal: Removal(directory))
    }

    /// Runs `body` against the router in memory.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in try await body(client) }
    }

    /// The reference ID of the demo cable anne sent (to sam and the south-asia list).
    func sentCable() async throws -> String {
        try await store.list(as: "bea", limit: 10).cables.first { $0.state == "sent" }!.referenceID
    }

    /// The reference ID of anne's unsent demo draft.
    func draftCable() async throws -> String {
        try await store.list(as: "anne", limit: 20).cables.first { $0.state == "draft" }!.referenceID
    }
}

/// A reply: status, headers and the body as text.
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
}

/// A browser in miniature: keeps the session cookie and the last page's CSRF token.
struct Browser {
    let client: any TestClientProtocol
    /// Every cookie the server set, by name (a cookie set to expire is dropped).
    var cookies: [String: String] = [:]
    var csrf = ""

    /// The session cookie.
    var cookie: String? {
        get { cookies["pouch_session"] }
        set { cookies["pouch_session"] = newValue }
    }

    init(_ client: any TestClientProtocol) { self.client = client }

    mutating func get(_ uri: String) async throws -> Reply {
        try await send(uri, method: .get, body: nil, contentType: nil)
    }

    mutating func post(_ uri: String, form: [(String, String)], csrf token: String? = nil) async throws -> Reply {
        let fields = [("csrf", token ?? csrf)] + form
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Visits the sign-in page, signs in, and follows nothing: returns the POST's reply.
    mutating func signIn(_ user: String, password: String? = nil) async throws -> Reply {
        _ = try await get("/login")
        return try await post("/login", form: [("user", user), ("password", password ?? DemoStore.password(for: user))])
    }

    mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?, contentType: String?) async throws -> Reply {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let reply = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        for setCookie in reply.headers[values: .setCookie] {
            let pair = setCookie.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if setCookie.contains("Max-Age=0") || pair[1].isEmpty {
                cookies[String(pair[0])] = nil
            } else {
                cookies[String(pair[0])] = String(pair[1])
            }
        }
        // The page's own forms come after the header's sign-out form: the last token is theirs
        // (on the sign-in page, the sign-in token rather than the session's).
        var searchFrom = reply.body.startIndex
        while let range = reply.body.range(
            of: #"name="csrf" value="([0-9a-f]+)""#, options: .regularExpression, range: searchFrom..<reply.body.endIndex)
        {
            csrf = String(reply.body[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
            searchFrom = range.upperBound
        }
        return reply
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// A JSON API caller with a bearer token.
struct APIClient {
    let client: any TestClientProtocol
    var token: String?

    func call(_ uri: String, method: HTTPRequest.Method = .get, json: Any? = nil) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    static func signedIn(_ client: any TestClientProtocol, as user: String) async throws -> APIClient {
        let reply = try await APIClient(client: client).call(
            "/api/tokens", method: .post,
            json: ["user": user, "password": DemoStore.password(for: user)])
        guard let token = reply.object["token"] as? String else { throw FixtureError("no token for \(user): \(reply.status) \(reply.body)") }
        return APIClient(client: client, token: token)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
