import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PouchCore
import PouchSQLite
import PouchServer
import PouchStore
import Testing

/// What a signed-in user, a guesser or a careless link can do to the server, and what it answers.
@Suite("A server no user can knock over")
struct HardeningTests {
    @Test(
        "page numbers past any inbox or search, and other numbers out of range, are a plain 400, not a crash",
        arguments: [
            "/inbox?page=9223372036854775807", "/inbox?page=-1", "/inbox?page=0", "/inbox?page=1e9", "/inbox?page=99999999999999999999",
            "/search?q=border&page=9223372036854775807", "/search?q=border&page=-9223372036854775808",
        ])
    func pageNumbers(_ uri: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            _ = try await browser.signIn("bea")
            let reply = try await browser.get(uri)
            #expect(reply.status == .badRequest, "\(uri): \(reply.status)")
            #expect(reply.body.contains("page must be a whole number"))
            #expect(try await browser.get("/inbox?page=2").status == .ok)
        }
    }

    @Test(
        "API numbers out of range are a 400 problem",
        arguments: [
            "/api/cables?offset=9223372036854775807", "/api/cables?limit=-1", "/api/search?q=border&offset=9223372036854775807",
            "/api/search?q=border&limit=100000", "/api/audit?limit=9223372036854775807",
        ])
    func apiNumbers(_ uri: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = try await APIClient.signedIn(client, as: "admin")
            let reply = try await api.call(uri)
            #expect(reply.status == .badRequest, "\(uri): \(reply.status) \(reply.body)")
        }
    }

    /// Wrong sign-ins the store actually checked (each leaves a denied `login` entry).
    static func checkedFailures(_ store: SealedStore) async throws -> Int {
        try await store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "login" && $0.outcome == "denied" }.count
    }

    @Test("12 parallel wrong passwords for one user get 5 checks; 40 from one address get 20")
    func throttleRace() async throws {
        let fixture = try await ServerFixture.make()
        let before = try await Self.checkedFailures(fixture.store)
        try await fixture.test { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        var browser = Browser(client)
                        _ = try await browser.signIn("bea", password: "a wrong guess here")
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(try await Self.checkedFailures(fixture.store) - before == 5)

        let spray = try await ServerFixture.make()
        let start = try await Self.checkedFailures(spray.store)
        try await spray.test { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        var browser = Browser(client)
                        _ = try await browser.signIn("guess\(index)", password: "a wrong guess here")
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(try await Self.checkedFailures(spray.store) - start == 20)
    }

    @Test("an address held back refuses even a clean user's right password, and says it is the address")
    func addressLock() async throws {
        let fixture = try await ServerFixture.make(signInAttempts: 2)
        try await fixture.test { client in
            var guesser = Browser(client)
            for index in 0..<8 { _ = try await guesser.signIn("guess\(index)", password: "a wrong guess here") }
            var colleague = Browser(client)
            let reply = try await colleague.signIn("bea")
            #expect(reply.status == .tooManyRequests)
            #expect(reply.body.contains("from your network address"))
            #expect(!reply.body.contains("Wrong user name or password"))
            #expect(reply.headers[.retryAfter] != nil)
        }
    }

    @Test("anonymous pages create no server-side session; sign-in does, with a new ID")
    func noAnonymousSessions() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for uri in ["/login", "/", "/inbox", "/healthz", "/static/pouch.css", "/nowhere"] {
                let reply = try await client.execute(uri: uri, method: .get) { $0 }
                #expect(!reply.headers[values: .setCookie].contains { $0.hasPrefix("pouch_session=") }, "\(uri) made a session")
            }
            var browser = Browser(client)
            #expect(try await browser.signIn("bea").status == .seeOther)
            #expect(browser.cookie != nil)
        }
    }

    @Test(
        "sign-in only ever leads to a page of Pouch's own",
        arguments: [
            "/%09/evil.example", "/\t/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example", "/%2F%2Fevil.example",
            "https://evil.example", "/inbox/../..//evil.example", "/%0d%0aSet-Cookie:x=1", "/ /evil.example", "javascript:alert(1)", "/login",
        ])
    func openRedirect(_ next: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            _ = try await browser.get("/login")
            let reply = try await browser.post("/login", form: [("user", "bea"), ("password", "bea-pouch-demo"), ("next", next)])
            #expect(reply.headers[.location] == "/inbox", "\(next) → \(reply.headers[.location] ?? "")")
        }
    }

    @Test("a local next page is kept", arguments: ["/search?q=border&sort=date", "/cables/26ISLAMABAD1", "/admin/users"])
    func localNext(_ next: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            _ = try await browser.get("/login")
            let reply = try await browser.post("/login", form: [("user", "admin"), ("password", "admin-pouch-demo"), ("next", next)])
            #expect(reply.headers[.location] == next)
        }
    }

    @Test("HEAD answers wherever GET does, with no body", arguments: ["/healthz", "/login", "/openapi.json", "/static/pouch.css", "/metrics"])
    func head(_ uri: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let get = try await client.execute(uri: uri, method: .get) { $0 }
            let head = try await client.execute(uri: uri, method: .head) { $0 }
            #expect(head.status == get.status)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test("a reader who is not a drafter is not shown the draft form")
    func draftFormForDrafters() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            #expect(try await bea.get("/drafts/new").status == .forbidden)
            var anne = Browser(client)
            _ = try await anne.signIn("anne")
            #expect(try await anne.get("/drafts/new").status == .ok)
        }
    }
}

@Suite("People who can be cut off")
struct AccountTests {
    @Test("disabling ends a person's sessions and tokens at once and refuses their sign-in; enabling lets them sign in anew")
    func disable() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            let token = try await APIClient.signedIn(client, as: "bea")
            #expect(try await bea.get("/inbox").status == .ok)
            #expect(try await token.call("/api/me").status == .ok)

            var admin = Browser(client)
            _ = try await admin.signIn("admin")
            _ = try await admin.get("/admin/users")
            let disabled = try await admin.post("/admin/users/bea/disable", form: [])
            #expect(disabled.status == .ok)
            #expect(disabled.body.contains("Disabled bea"))

            #expect(try await bea.get("/inbox").status == .found)
            #expect(try await token.call("/api/me").status == .unauthorized)
            var again = Browser(client)
            let refused = try await again.signIn("bea")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("disabled"))
            let wrong = try await again.signIn("bea", password: "not her password at all")
            #expect(wrong.body.contains("Wrong user name or password"), "a wrong password must not learn that the account is disabled")
            await #expect(throws: StoreError.disabled("bea")) { try await fixture.store.read(ReferenceID("26ISLAMABAD1")!, as: "bea") }

            let api = try await APIClient.signedIn(client, as: "admin")
            let enabled = try await api.call("/api/users/bea/enable", method: .post, json: [String: String]())
            #expect(enabled.status == .ok)
            #expect(enabled.object["disabled"] as? Bool == false)
            #expect(try await bea.get("/inbox").status == .found, "an old session stays ended after enabling")
            #expect(try await again.signIn("bea").status == .seeOther)
        }
        let log = try await fixture.store.auditLog(AuditFilter(), as: "admin")
        #expect(log.contains { $0.action == "user-disable" && $0.target == "bea" && $0.user == "admin" })
        #expect(log.contains { $0.action == "user-enable" && $0.target == "bea" })
    }

    @Test("a password change ends the person's other sessions and keeps the one that changed it")
    func passwordChange() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var laptop = Browser(client)
            _ = try await laptop.signIn("bea")
            var phone = Browser(client)
            _ = try await phone.signIn("bea")
            _ = try await laptop.get("/account")
            let changed = try await laptop.post(
                "/account/password",
                form: [
                    ("current", "bea-pouch-demo"), ("new", "a brand new password"), ("confirm", "a brand new password"),
                ])
            #expect(changed.status == .ok)
            #expect(try await laptop.get("/inbox").status == .ok)
            #expect(try await phone.get("/inbox").status == .found)
        }
    }

    @Test("tokens expire, and are revoked by label or all at once")
    func tokens() async throws {
        let fixture = try await ServerFixture.make()
        let short = try await fixture.store.issueToken(for: "bea", label: "short", lifetime: 1, as: "admin")
        let laptop = try await fixture.store.issueToken(for: "bea", label: "laptop", lifetime: 3600, as: "bea")
        let phone = try await fixture.store.issueToken(for: "bea", label: "phone", lifetime: 3600, as: "bea")
        // A fresh token works (laptop); one a second old is expired whatever the machine's load
        // (checking `short` before it expires would race the clock on a busy machine).
        #expect(try await fixture.store.bearer(laptop)?.id == "bea")
        try await Task.sleep(for: .milliseconds(1_100))
        #expect(try await fixture.store.bearer(short) == nil)
        #expect(try await fixture.store.revokeTokens(of: "bea", label: "laptop", as: "admin") == 1)
        #expect(try await fixture.store.bearer(laptop) == nil)
        #expect(try await fixture.store.bearer(phone)?.id == "bea")
        try await fixture.test { client in
            let api = try await APIClient.signedIn(client, as: "admin")
            let listed = try await api.call("/api/users/bea/tokens")
            #expect((listed.object["tokens"] as? [[String: Any]])?.contains { $0["label"] as? String == "phone" } == true)
            let revoked = try await api.call("/api/users/bea/tokens", method: .delete)
            #expect(revoked.status == .ok)
            #expect((revoked.object["revoked"] as? Int ?? 0) >= 2)
        }
        #expect(try await fixture.store.bearer(phone) == nil)
        await #expect(throws: StoreError.notPermitted("only an administrator may revoke another person's tokens")) {
            try await fixture.store.revokeTokens(of: "anne", label: nil, as: "bea")
        }
    }
}
