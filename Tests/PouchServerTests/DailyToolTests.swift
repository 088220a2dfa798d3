import Foundation
import HTTPTypes
import PouchCore
import PouchSQLite
import PouchServer
import PouchStore
import Testing

/// The pages as a diplomat's daily tool: banners on every page, drafting with controls and a
/// preview, the send form's address book, the inbox's boxes and filters, the audit log's pages
/// and exports, the people page's resets and list removals.
@Suite("The web UI for daily work")
struct DailyToolTests {
    /// The text of the page's top banner, and its colour class.
    static func banner(_ page: Reply) -> (text: String, level: String)? {
        guard
            let tag = page.body.range(
                of: #"<div class="banner banner-[a-z-]+ banner-page banner-top" id="banner-top"[^>]*>[^<]*</div>"#, options: .regularExpression)
        else { return nil }
        let html = String(page.body[tag])
        let level = html.dropFirst(#"<div class="banner banner-"#.count).prefix { $0 != " " }
        let text = html.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
        return (String(text), String(level))
    }

    @Test("every page carries a banner: the highest level it shows, the chosen level on the draft page, the system's on sign-in, trace and audit")
    func banners() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var visitor = Browser(client)
            #expect(Self.banner(try await visitor.get("/login"))?.text == "TOP SECRET", "the system's approved level")

            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            let inbox = try await bea.get("/inbox")
            #expect(Self.banner(inbox)?.text == "SECRET//NOFORN")
            #expect(inbox.body.contains(#"id="banner-bottom""#))
            #expect(Self.banner(try await bea.get("/search?q=border"))?.level == "secret")

            // A foreign national's pages never say NOFORN, and never rise above what they may see.
            var carl = Browser(client)
            _ = try await carl.signIn("carl")
            let carls = try #require(Self.banner(try await carl.get("/inbox")))
            #expect(!carls.text.contains("NOFORN") && !carls.text.hasPrefix("SECRET") && !carls.text.hasPrefix("TOP"), "\(carls)")

            var anne = Browser(client)
            _ = try await anne.signIn("anne")
            #expect(Self.banner(try await anne.get("/drafts/new"))?.text == "CONFIDENTIAL")
            var form = Self.draft
            form.removeAll { $0.0 == "classification" }
            form += [("classification", "SECRET"), ("caveats[]", "NOFORN"), ("action", "preview")]
            #expect(Self.banner(try await anne.post("/drafts", form: form))?.text == "SECRET//NOFORN", "the preview follows the chosen level")

            var sam = Browser(client)
            _ = try await sam.signIn("sam")
            #expect(Self.banner(try await sam.get("/trace"))?.text == "TOP SECRET")
            #expect(Self.banner(try await sam.get("/audit"))?.text == "TOP SECRET")
        }
    }

    @Test("signing out from the sign-in page works (its form carried the sign-in token, not the session's)")
    func signOutFromSignInPage() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var browser = Browser(client)
            _ = try await browser.signIn("bea")
            let page = try await browser.get("/login")
            let form = try #require(
                page.body.range(
                    of: #"action="/logout" class="signout">\s*<input type="hidden" name="csrf" value="[0-9a-f]+""#, options: .regularExpression))
            let token = String(page.body[form].suffix(65).dropLast())
            let out = try await browser.post("/logout", form: [], csrf: token)
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
        }
    }

    static let draft: [(String, String)] = [
        ("from", "AMEMBASSY ISLAMABAD"), ("to", "SECSTATE WASHDC"), ("precedence", "PRIORITY"), ("classification", "SECRET"),
        ("caveats[]", "NOFORN"), ("tags", "PREL, PK"), ("subject", "CONTROLS ON THE DRAFT PAGE"), ("classifiedBy", "Ambassador Anne Palmer"),
        ("reasonCodes[]", "b"), ("reasonCodes[]", "d"), ("declassifyOn", "2036-01-15"), ("signature", "PALMER"),
        ("body", "(C) Summary: The Foreign Secretary told the Ambassador that the talks would resume.\n\n(S/NF) He said the army agreed."),
    ]

    @Test("drafting with controls: the chosen level, caveats, precedence, reasons and date make the cable; preview stores nothing")
    func draftControls() async throws {
        let fixture = try await ServerFixture.make()
        let before = try await fixture.store.list(as: "anne", limit: 100).total
        try await fixture.test { client in
            var anne = Browser(client)
            _ = try await anne.signIn("anne")
            let page = try await anne.get("/drafts/new")
            #expect(page.body.contains(#"<select id="field-classification" name="classification""#))
            #expect(page.body.contains(#"name="caveats[]" value="NOFORN""#))
            #expect(page.body.contains(#"<input type="date" id="field-declassifyOn""#))
            #expect(page.body.contains(#"<select id="field-precedence" name="precedence">"#))

            let preview = try await anne.post("/drafts", form: Self.draft + [("action", "preview")])
            #expect(preview.status == .ok)
            #expect(preview.body.contains(#"id="preview""#))
            #expect(preview.body.contains("CONTROLS ON THE DRAFT PAGE"))
            #expect(preview.body.contains("E.O. 13526: DECL: 01/15/2036"))
            #expect(preview.body.contains("PRIORITY"))
            #expect(try await fixture.store.list(as: "anne", limit: 100).total == before, "a preview stores nothing")

            let saved = try await anne.post("/drafts", form: Self.draft + [("action", "save")])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            let id = try #require(ReferenceID(String(location.dropFirst("/cables/".count))))
            let cable = try await fixture.store.read(id, as: "anne").cable()
            #expect(cable.classification == .secret && cable.caveats == [.noforn])
            #expect(cable.precedence == .priority)
            #expect(cable.authority?.reasons == ["b", "d"])
            #expect(cable.executiveOrder?.declassification.day == CalendarDay(year: 2036, month: 1, day: 15))
            #expect(cable.signature == "PALMER")
        }
    }

    @Test("a draft with errors gets an error summary at the top linking to each field")
    func errorSummary() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var anne = Browser(client)
            _ = try await anne.signIn("anne")
            _ = try await anne.get("/drafts/new")
            var form = Self.draft.filter { $0.0 != "subject" && $0.0 != "body" }
            form.append(("body", "The Prime Minister said that the cabinet would change."))
            let page = try await anne.post("/drafts", form: form)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains(#"class="error-summary" role="alert""#))
            #expect(page.body.contains(##"<li><a href="#field-body">"##))
            #expect(page.body.contains(##"<li><a href="#field-subject">"##))
        }
    }

    @Test(
        "the send form: an address book with posts and clearances, who may not read shown and not choosable; once sent, a confirmation above the cable and no form"
    )
    func sendForm() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.draftCable()
        let secret = try await fixture.sentCable()
        try await fixture.test { client in
            var anne = Browser(client)
            _ = try await anne.signIn("anne")
            // The SECRET//NOFORN cable: carl, a foreign national cleared to CONFIDENTIAL, is shown
            // with the reason and cannot be ticked.
            let original = try await anne.get("/cables/\(secret)")
            #expect(original.body.contains(#"<label for="person-bea">Bea Jones <span class="muted">(bea)</span></label>"#))
            #expect(original.body.contains("KABUL"))
            #expect(original.body.contains(#"value="carl" id="person-carl" disabled"#))
            #expect(original.body.contains("No: cleared only to CONFIDENTIAL"))
            #expect(original.body.contains(#"name="list[]" value="south-asia""#))
            // The CONFIDENTIAL draft: carl may read it.
            let page = try await anne.get("/cables/\(id)")
            #expect(page.body.contains(#"value="carl" id="person-carl">"#))

            let sent = try await anne.post("/cables/\(id)/send", form: [("person[]", "bea"), ("person[]", "dev")])
            #expect(sent.status == .ok)
            let notice = try #require(sent.body.range(of: #"id="notice""#))
            let article = try #require(sent.body.range(of: "<article class=\"cable\""))
            #expect(notice.lowerBound < article.lowerBound, "the confirmation stands above the cable, outside its box")
            #expect(sent.body.contains("Sent: 2 new copies"))
            #expect(!sent.body.contains(#"id="send-button""#), "the form is gone once sent")
            #expect(sent.body.contains("Send to more addressees"))
            #expect(try await fixture.store.read(ReferenceID(id)!, as: "bea").kind == .copy)
        }
    }

    @Test("the inbox shows one box at a time with a real count, filters by level, post and years, and refuses a bad box")
    func inboxBoxes() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var anne = Browser(client)
            _ = try await anne.signIn("anne")
            func count(_ page: Reply) -> Int? {
                guard let range = page.body.range(of: #"id="inbox-count">[A-Za-z]+: [0-9]+"#, options: .regularExpression) else { return nil }
                return Int(page.body[range].split(separator: " ").last!)
            }
            let all = try #require(count(try await anne.get("/inbox")))
            let drafts = try #require(count(try await anne.get("/inbox?box=drafts")))
            let sent = try #require(count(try await anne.get("/inbox?box=sent")))
            let archive = try #require(count(try await anne.get("/inbox?box=archive")))
            let received = try #require(count(try await anne.get("/inbox?box=received")))
            #expect(drafts == 1 && sent == 1 && received == 0)
            #expect(drafts + sent + archive + received == all)
            let draftPage = try await anne.get("/inbox?box=drafts")
            #expect(draftPage.body.contains(#"<a href="/inbox?box=drafts" aria-current="page">Drafts</a>"#))
            #expect(draftPage.body.contains("INDUS WATERS"))
            let secret = try #require(count(try await anne.get("/inbox?class=SECRET")))
            let confidential = try #require(count(try await anne.get("/inbox?class=CONFIDENTIAL")))
            #expect(secret + confidential <= all && secret > 0)
            let none = try #require(count(try await anne.get("/inbox?from=1900&to=1901")))
            #expect(none == 0)
            // An empty box says so, without a range of nothing ("showing 0–0").
            let empty = try await anne.get("/inbox?box=received")
            #expect(empty.body.contains("Received: 0 cable(s)."), "\(empty.body)")
            #expect(!empty.body.contains("showing 0"))
            let oldest = try await anne.get("/inbox?sort=oldest")
            let newest = try await anne.get("/inbox")
            #expect(oldest.body != newest.body)
            #expect(try await anne.get("/inbox?box=secret-stuff").status == .badRequest)
            #expect(try await anne.get("/inbox?from=2010&to=2001").status == .badRequest)
        }
    }

    @Test("a received copy is marked new in the inbox until its reader opens it")
    func unread() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.sentCable()
        #expect(try await fixture.store.list(as: "bea", limit: 50).cables.first { $0.referenceID == id }?.unread == true)
        try await fixture.test { client in
            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            let before = try await bea.get("/inbox?box=received")
            #expect(before.body.contains(#"<tr class="unread">"#))
            #expect(before.body.contains("1 new on this page"))
            _ = try await bea.get("/cables/\(id)")
            let after = try await bea.get("/inbox?box=received")
            #expect(!after.body.contains(#"<tr class="unread">"#))
        }
        // The drafter's own sent original is never "new" to them.
        #expect(try await fixture.store.list(as: "anne", limit: 50).cables.allSatisfy { !$0.unread })
    }

    @Test("the audit log pages back, filters by day, and exports CSV and JSON (spreadsheet formulas defused), each export audited")
    func auditPagesAndExports() async throws {
        let fixture = try await ServerFixture.make()
        // Enough entries for two pages, one with a detail a spreadsheet would run as a formula.
        for index in 0..<120 {
            try await fixture.store.record(AuditEvent(user: "sam", action: .trace, target: "=HYPERLINK(\"http://evil\")", detail: "test \(index)"))
        }
        try await fixture.test { client in
            var sam = Browser(client)
            _ = try await sam.signIn("sam")
            let first = try await sam.get("/audit")
            let older = try #require(first.body.range(of: #"href="/audit\?before=[0-9]+""#, options: .regularExpression))
            let link = String(first.body[older].dropFirst(6).dropLast())
            let second = try await sam.get(link)
            #expect(second.status == .ok)
            #expect(second.body.contains("Newest entries"))
            #expect(try await sam.get("/audit?since=yesterday").status == .badRequest)
            #expect(try await sam.get("/audit?until=1999-01-01").body.contains("No entries match"))

            let csv = try await sam.get("/audit/export?format=csv&user=sam")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(csv.body.hasPrefix("sequence,time,user,action,target,outcome,detail\r\n"))
            #expect(csv.body.contains(#""'=HYPERLINK(""http://evil"")""#), "a leading = is defused and quotes doubled")
            let json = try await sam.get("/audit/export?format=json&user=sam")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]])
            #expect(rows.count >= 120)
            #expect(try await sam.get("/audit/export?format=xml").status == .badRequest)

            var bea = Browser(client)
            _ = try await bea.signIn("bea")
            #expect(try await bea.get("/audit/export?format=csv").status == .forbidden)
        }
        let log = try await fixture.store.auditLog(AuditFilter(user: "sam"), as: "admin")
        #expect(log.filter { $0.action == "audit-log" }.count >= 4, "each page and export is itself audited")
    }

    @Test("people: an administrator resets a password and takes someone off a list; caveats and roles are ticked")
    func people() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var admin = Browser(client)
            _ = try await admin.signIn("admin")
            let page = try await admin.get("/admin/users")
            #expect(page.body.contains(#"name="caveatChoices[]" value="NOFORN""#))
            #expect(page.body.contains(#"name="roleChoices[]" value="drafter""#))
            let reset = try await admin.post("/admin/users/bea/password", form: [("password", "a brand new password")])
            #expect(reset.status == .ok)
            #expect(reset.body.contains("New password set for bea"))
            var bea = Browser(client)
            #expect(try await bea.signIn("bea", password: "a brand new password").status == .seeOther)

            let moved = try await admin.post(
                "/admin/users/dev/update",
                form: [
                    ("name", "Dev Mehta"), ("post", "KABUL"), ("clearance", "confidential"), ("caveats", "NOFORN"), ("roles", "reader"),
                ])
            #expect(moved.status == .ok)
            #expect(moved.body.contains("Updated dev: post NEWDELHI → KABUL; clearance SECRET → CONFIDENTIAL."))
            #expect(try await fixture.store.user(id: "dev")?.clearance == .confidential)

            let removed = try await admin.post("/admin/lists/south-asia/remove", form: [("member", "dev")])
            #expect(removed.status == .ok)
            #expect(try await fixture.store.lists(as: "admin")["south-asia"] == ["bea", "dora"])
            #expect(try await admin.post("/admin/lists/south-asia/remove", form: [("member", "dev")]).status == .unprocessableContent)

            let added = try await admin.post(
                "/admin/users",
                form: [
                    ("id", "olga"), ("name", "Olga Berg"), ("post", "KABUL"), ("clearance", "secret"),
                    ("caveatChoices[]", "NOFORN"), ("caveatChoices[]", "EXDIS"), ("roleChoices[]", "reader"), ("roleChoices[]", "drafter"),
                    ("password", "olga's long password"),
                ])
            #expect(added.status == .ok)
            let olga = try #require(try await fixture.store.user(id: "olga"))
            #expect(olga.citizen && olga.grants == [.exdis] && olga.roles.contains(.drafter))
        }
        let log = try await fixture.store.auditLog(AuditFilter(user: "admin"), as: "admin")
        #expect(log.contains { $0.action == "list-remove" && $0.target == "south-asia" })
    }
}
