import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PouchCore
import PouchSQLite
import PouchServer
import PouchStore
import Testing

@Suite("Web pages")
struct WebTests {
    @Test("Sign-in: a right password opens the inbox with a new session; a wrong one says only that it is wrong")
    func signIn() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/login")
            #expect(page.status == .ok)
            // No server-side session before sign-in: the form's CSRF token rides in a signed cookie.
            #expect(browser.cookie == nil)
            let cookieHeader = try #require(page.headers[values: .setCookie].first)
            #expect(cookieHeader.hasPrefix("pouch_signin="))
            #expect(cookieHeader.contains("HttpOnly"))
            #expect(cookieHeader.contains("SameSite=Strict"))
            let anonymous = "0123456789abcdef"

            let wrong = try await browser.post("/login", form: [("user", "bea"), ("password", "not the password")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Wrong user name or password."))
            let unknown = try await browser.post("/login", form: [("user", "nobody"), ("password", "not the password")])
            #expect(unknown.body.contains("Wrong user name or password."))

            let right = try await browser.post("/login", form: [("user", "bea"), ("password", "bea-pouch-demo")])
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/inbox")
            #expect(browser.cookie != nil && browser.cookie != anonymous, "sign-in must issue a new session ID")
            let inbox = try await browser.get("/inbox")
            #expect(inbox.status == .ok)
            #expect(inbox.body.contains("Bea Jones"))
            #expect(inbox.body.contains("PRIME MINISTER ON BORDER TALKS"))

            // The old anonymous session does not carry the sign-in.
            var stale = Browser(client)
            stale.cookie = anonymous
            let reply = try await stale.get("/inbox")
            #expect(reply.status == .found)
            #expect(reply.headers[.location]?.hasPrefix("/login") == true)

            let signedIn = try #require(browser.cookie)
            let out = try await browser.post("/logout", form: [])
            #expect(out.status == .seeOther)
            var after = Browser(client)
            after.cookie = signedIn
            #expect(try await after.get("/inbox").status == .found, "the session is gone on the server, not only in the browser")
        }
        let log = try await fixture.store.auditLog(AuditFilter(), as: "admin")
        #expect(log.contains { $0.action == "login" && $0.outcome == "denied" })
        #expect(log.contains { $0.action == "login" && $0.outcome == "ok" && $0.user == "bea" })
        #expect(log.contains { $0.action == "logout" && $0.user == "bea" })
        #expect(!log.contains { $0.detail.contains("not the password") || $0.target.contains("not the password") })
    }

    @Test("The demo server lists its public sign-ins on the sign-in page; a real one never does")
    func demoLogins() async throws {
        let demo = try await ServerFixture.make(demo: true)
        try await demo.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/login")
            #expect(page.body.contains("id=\"demo-logins\""))
            #expect(page.body.contains("<code>sam-pouch-demo</code>"))
        }
        let real = try await ServerFixture.make()
        try await real.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/login")
            #expect(!page.body.contains("demo-logins"))
            #expect(!page.body.contains("pouch-demo"))
        }
    }

    @Test("Sign-in is throttled after repeated failures, even with the right password")
    func throttling() async throws {
        let fixture = try await ServerFixture.make(signInAttempts: 3)
        try await fixture.test { client in
            var browser = Browser(client)
            for _ in 0..<3 { _ = try await browser.signIn("dev", password: "guess guess guess") }
            let held = try await browser.signIn("dev")
            #expect(held.status == .tooManyRequests)
            #expect(held.body.contains("Too many failed sign-ins for this user name"))
            // Others at the same address are not locked out by one person's failures...
            var colleague = Browser(client)
            #expect(try await colleague.signIn("bea").status == .seeOther)
            // ...but spraying guesses over many user names from one address is held back too.
            for name in ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] {
                _ = try await colleague.signIn(name, password: "guess guess guess")
            }
            #expect(try await colleague.signIn("dora").status == .tooManyRequests)
        }
        let metrics = try await fixture.test { client in
            try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
        }
        // 3 wrong passwords, 1 held back, 9 guesses, 1 held back: every refusal counts.
        #expect(metrics.contains("pouch_failed_logins_total 14"))
    }

    @Test("Every form needs the session's CSRF token: without it nothing happens")
    func csrf() async throws {
        let fixture = try await ServerFixture.make()
        let before = try await fixture.store.list(as: "anne", limit: 50).total
        try await fixture.test { client in
            var browser = Browser(client)
            _ = try await browser.get("/login")
            let noToken = try await browser.post("/login", form: [("user", "anne"), ("password", "anne-pouch-demo")], csrf: "")
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("CSRF"))
            #expect(try await browser.signIn("anne").status == .seeOther)
            _ = try await browser.get("/drafts/new")
            let forged = try await browser.post("/drafts", form: Self.validDraft, csrf: String(repeating: "0", count: 64))
            #expect(forged.status == .forbidden)
            let send = try await browser.post("/cables/\(try await fixture.draftCable())/send", form: [("to", "bea")], csrf: "wrong")
            #expect(send.status == .forbidden)
        }
        #expect(try await fixture.store.list(as: "anne", limit: 50).total == before)
        #expect(try await fixture.store.list(as: "bea", limit: 50).cables.allSatisfy { $0.subject != "INDUS WATERS: GOP SEEKS NEUTRAL EXPERT" })
    }

    static let validDraft: [(String, String)] = [
        ("from", "AMEMBASSY ISLAMABAD"), ("to", "SECSTATE WASHDC IMMEDIATE"), ("info", ""), ("classification", "SECRET//NOFORN"),
        ("tags", "PREL, PK"), ("subject", "CABINET CHANGES"), ("ref", ""), ("classifiedBy", "Ambassador Anne W. Palmer"),
        ("reasons", "1.4 (b), (d)"),
        ("body", "(C) The Prime Minister said that the cabinet would change.\r\n\r\n(S/NF) He told the Ambassador that the army agreed."),
    ]

    @Test("Drafting: a lint error is shown next to its field and nothing is stored; fixed, the draft is stored and can be sent")
    func draftAndSend() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.signIn("anne").status == .seeOther)
            let form = try await browser.get("/drafts/new")
            #expect(form.body.contains("value=\"AMEMBASSY ISLAMABAD\""))

            // A SECRET//NOFORN cable whose paragraphs carry no portion marks.
            var broken = Self.validDraft
            broken[9] = ("body", "The Prime Minister said that the cabinet would change.")
            let rejected = try await browser.post("/drafts", form: broken)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.body.contains("id=\"draft-errors\""))
            #expect(rejected.body.contains("data-field=\"body\""))
            #expect(rejected.body.contains("The Prime Minister said that the cabinet would change."), "the text typed is kept")

            let stored = try await browser.post("/drafts", form: Self.validDraft)
            #expect(stored.status == .seeOther)
            let location = try #require(stored.headers[.location])
            #expect(location.hasPrefix("/cables/26ISLAMABAD") || location.hasPrefix("/cables/"))
            let page = try await browser.get(location)
            #expect(page.body.contains("CABINET CHANGES"))
            #expect(page.body.contains("id=\"send-button\""))

            let refused = try await browser.post(location + "/send", form: [("to", "bea, carl"), ("lists", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("carl"))
            #expect(refused.body.contains("nothing was sent"))

            let sent = try await browser.post(location + "/send", form: [("to", "bea"), ("lists", "south-asia")])
            #expect(sent.status == .ok)
            #expect(sent.body.contains("Sent: 3 new copies"))

            var bea = Browser(client)
            #expect(try await bea.signIn("bea").status == .seeOther)
            let copy = try await bea.get(location)
            #expect(copy.status == .ok)
            #expect(copy.body.contains("Your own copy"))
            #expect(!copy.body.contains("id=\"send-button\""))
        }
    }

    @Test("A cable shows its classification banner, top and bottom, in its colour, and every portion mark")
    func banners() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.sentCable()
        try await fixture.test { client in
            var browser = Browser(client)
            _ = try await browser.signIn("bea")
            let page = try await browser.get("/cables/\(id)")
            #expect(page.status == .ok)
            #expect(
                page.body.contains(
                    #"<div class="banner banner-secret banner-page banner-top" id="banner-top" role="note" aria-label="Classification of this page">SECRET//NOFORN</div>"#
                ))
            #expect(
                page.body.contains(
                    #"<div class="banner banner-secret banner-page banner-bottom" id="banner-bottom" role="note" aria-label="Classification of this page">SECRET//NOFORN</div>"#
                ))
            let marks = page.body.components(separatedBy: "<span class=\"portion\">").dropFirst().map { $0.prefix { $0 != "<" } }
            #expect(marks.count == 7)
            #expect(marks.allSatisfy { $0 == "(C)" || $0 == "(S/NF)" })
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test("Need-to-know: a cable one may not read gives exactly the page of a cable that does not exist")
    func needToKnow() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.sentCable()
        let draft = try await fixture.draftCable()
        try await fixture.test { client in
            var carl = Browser(client)
            _ = try await carl.signIn("carl")
            let forbidden = try await carl.get("/cables/\(id)")
            let missing = try await carl.get("/cables/26ISLAMABAD999")
            #expect(forbidden.status == .notFound)
            #expect(missing.status == .notFound)
            #expect(forbidden.body.replacingOccurrences(of: id, with: "ID") == missing.body.replacingOccurrences(of: "26ISLAMABAD999", with: "ID"))
            let inbox = try await carl.get("/inbox")
            #expect(!inbox.body.contains(id))
            #expect(!inbox.body.contains("BORDER TALKS"))
            let search = try await carl.get("/search?q=helicopters")
            #expect(!search.body.contains("BORDER TALKS"))
            #expect(!search.body.contains("CHIEF OF ARMY STAFF"))

            // A draft is its drafter's alone, and sending someone else's draft is refused the same way.
            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            #expect(try await bea.get("/cables/\(draft)").status == .notFound)
            let send = try await bea.post("/cables/\(draft)/send", form: [("to", "dev")])
            #expect(send.status == .notFound)
            // Pages of other roles.
            #expect(try await bea.get("/trace").status == .forbidden)
            #expect(try await bea.get("/audit").status == .forbidden)
            #expect(try await bea.get("/admin/users").status == .forbidden)
            #expect(
                try await bea.post(
                    "/admin/users",
                    form: [("id", "x"), ("name", "X"), ("post", "KABUL"), ("clearance", "secret"), ("password", "long enough password")]
                ).status == .forbidden)
        }
        let log = try await fixture.store.auditLog(AuditFilter(user: "carl"), as: "admin")
        #expect(log.contains { $0.action == "read" && $0.outcome == "denied" })
    }

    @Test("Search: facets, highlighted snippets and paging over only what the user may read")
    func search() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var dora = Browser(client)
            _ = try await dora.signIn("dora")
            let page = try await dora.get("/search?q=helicopters")
            #expect(page.status == .ok)
            #expect(page.body.contains("<mark>helicopters</mark>"))
            #expect(page.body.contains("CHIEF OF ARMY STAFF"), "dora holds EXDIS")
            #expect(page.body.contains("2 result(s)"))
            #expect(page.body.contains("post%3AAMEMBASSY_ISLAMABAD"))
            let byPost = try await dora.get("/search?q=helicopters%20post%3AAMEMBASSY_ISLAMABAD")
            #expect(byPost.body.contains("1 result(s)"), "the post facet's link filters to that post")
            let filtered = try await dora.get("/search?q=helicopters%20year%3A2009")
            #expect(filtered.body.contains("1 result(s)"))
            let bad = try await dora.get("/search?q=%22unclosed")
            #expect(bad.status == .badRequest)

            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            let beas = try await bea.get("/search?q=helicopters")
            #expect(beas.body.contains("1 result(s)"), "bea holds no EXDIS grant")
            #expect(!beas.body.contains("CHIEF OF ARMY STAFF"))
        }
    }

    @Test("Trace: a security officer pastes a leaked copy and sees the verdict, the accused and the chart")
    func trace() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.sentCable()
        let leak = try await fixture.store.read(ReferenceID(id)!, as: "dev").text
        try await fixture.test { client in
            var sam = Browser(client)
            _ = try await sam.signIn("sam")
            #expect(try await sam.get("/trace").status == .ok)
            let result = try await sam.post("/trace", form: [("leak", leak), ("threshold", "1e-6")])
            #expect(result.status == .ok)
            #expect(result.body.contains("id=\"verdict\""))
            #expect(result.body.contains("<svg"))
            #expect(result.body.contains("class=\"accused\""))
            #expect(result.body.contains("Identified"))
            #expect(result.body.contains("<td>Dev Mehta (dev)</td><td>NEWDELHI</td>"))
            #expect(result.body.contains("<td>their own copy</td>"))
            let empty = try await sam.post("/trace", form: [("leak", "   ")])
            #expect(empty.status == .unprocessableContent)
        }
    }

    @Test("Audit page: verification status and entries for officers; people page for administrators")
    func auditAndPeople() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var sam = Browser(client)
            _ = try await sam.signIn("sam")
            let audit = try await sam.get("/audit")
            #expect(audit.status == .ok)
            #expect(audit.body.contains("chain intact"))
            #expect(audit.body.contains("<td>login</td>"))

            var admin = Browser(client)
            _ = try await admin.signIn("admin")
            let people = try await admin.get("/admin/users")
            #expect(people.body.contains("Carl Benson"))
            let added = try await admin.post(
                "/admin/users",
                form: [
                    ("id", "erin"), ("name", "Erin Cole"), ("post", "kabul"), ("clearance", "confidential"), ("caveats", "NOFORN"),
                    ("roles", "reader"), ("password", "erin-long-password"),
                ])
            #expect(added.status == .ok)
            #expect(added.body.contains("Added erin."))
            let short = try await admin.post(
                "/admin/users",
                form: [
                    ("id", "finn"), ("name", "Finn"), ("post", "KABUL"), ("clearance", "secret"), ("password", "short"),
                ])
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("at least 12 characters"))
            let list = try await admin.post("/admin/lists", form: [("name", "kabul"), ("members", "erin, bea")])
            #expect(list.body.contains("kabul"))

            var erin = Browser(client)
            #expect(try await erin.signIn("erin", password: "erin-long-password").status == .seeOther)
        }
        #expect(try await fixture.store.user(id: "finn") == nil)
        #expect(try await fixture.store.lists(as: "admin")["kabul"] == ["bea", "erin"])
    }

    @Test("Account: a person changes their own password with the current one; the inbox pages")
    func accountAndPaging() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            #expect(try await bea.get("/account").status == .ok)
            let wrong = try await bea.post(
                "/account/password", form: [("current", "not my password"), ("new", "a brand new password"), ("confirm", "a brand new password")])
            #expect(wrong.status == .forbidden)
            let mismatch = try await bea.post(
                "/account/password", form: [("current", "bea-pouch-demo"), ("new", "a brand new password"), ("confirm", "a brand new passworD")])
            #expect(mismatch.status == .unprocessableContent)
            let short = try await bea.post("/account/password", form: [("current", "bea-pouch-demo"), ("new", "short"), ("confirm", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("at least 12 characters"))
            let changed = try await bea.post(
                "/account/password", form: [("current", "bea-pouch-demo"), ("new", "a brand new password"), ("confirm", "a brand new password")])
            #expect(changed.status == .ok)
            #expect(changed.body.contains("Your password is changed."))
            var again = Browser(client)
            #expect(try await again.signIn("bea").status == .unauthorized)
            #expect(try await again.signIn("bea", password: "a brand new password").status == .seeOther)
            let inbox = try await again.get("/inbox?page=2")
            #expect(inbox.status == .ok)
            #expect(inbox.body.contains("No cables here."))
            #expect(inbox.body.contains("id=\"previous-page\""))
        }
    }

    @Test("Unknown pages and errors never show a stack trace; static files are served")
    func errorsAndStatic() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            let missing = try await browser.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("<h1>404 Not Found</h1>"))
            #expect(try await browser.get("/static/pouch.css").body.contains(".banner-secret"))
            #expect(try await browser.get("/inbox").status == .found)
        }
    }
}

@Suite("Web pages against hostile input")
struct HostileInputTests {
    @Test("Reflected input is escaped; sign-in never redirects off the site")
    func escapingAndRedirects() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            let login = try await browser.get("/login?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(!login.body.contains("<script>alert(1)</script>"))
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                _ = try await browser.get("/login")
                let reply = try await browser.post("/login", form: [("user", "bea"), ("password", "bea-pouch-demo"), ("next", next)])
                #expect(reply.headers[.location] == "/inbox", "next=\(next)")
            }
            let search = try await browser.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(search.status == .ok)
            #expect(!search.body.contains("<script>alert(1)</script>"))
            #expect(search.body.contains("&lt;script&gt;"))
            let broken = try await browser.get("/search?q=%22%3Cimg%20src%3Dx%3E")
            #expect(!broken.body.contains("<img src=x>"))
            let trace = try await browser.get("/cables/%3Cb%3Ex%3C%2Fb%3E")
            #expect(trace.status == .notFound)
            #expect(!trace.body.contains("<b>x</b>"))
        }
    }
}
