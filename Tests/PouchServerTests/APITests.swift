import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PouchCore
import PouchSQLite
import PouchServer
import PouchStore
import Testing

@Suite("JSON API")
struct APITests {
    @Test("Tokens: a right password gets a bearer token; a wrong one a problem document; no token, no access")
    func tokens() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let anonymous = APIClient(client: client)
            let wrong = try await anonymous.call("/api/tokens", method: .post, json: ["user": "bea", "password": "wrong password!"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.contentType] == "application/problem+json")
            #expect(wrong.object["detail"] as? String == "wrong user name or password")
            #expect(wrong.object["status"] as? Int == 401)

            let unauthenticated = try await anonymous.call("/api/cables")
            #expect(unauthenticated.status == .unauthorized)
            let forged = try await APIClient(client: client, token: "pouch_forged").call("/api/cables")
            #expect(forged.status == .unauthorized)

            let bea = try await APIClient.signedIn(client, as: "bea")
            let me = try await bea.call("/api/me")
            #expect(me.object["id"] as? String == "bea")
            #expect(me.object["caveats"] as? [String] == ["NOFORN"])
        }
    }

    @Test("Read and list: one's own copy; a forbidden cable is the same 404 as a missing one")
    func readAndList() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.sentCable()
        try await fixture.test { client in
            let bea = try await APIClient.signedIn(client, as: "bea")
            let list = try await bea.call("/api/cables?limit=10")
            #expect(list.status == .ok)
            let cables = try #require(list.object["cables"] as? [[String: Any]])
            #expect(cables.contains { $0["referenceID"] as? String == id })
            let copy = try await bea.call("/api/cables/\(id)")
            #expect(copy.object["kind"] as? String == "copy")
            let expected = try await fixture.store.read(ReferenceID(id)!, as: "bea").text
            #expect(copy.object["text"] as? String == expected)
            #expect((copy.object["cable"] as? [String: Any])?["subject"] as? String == "PRIME MINISTER ON BORDER TALKS, AID AND THE CABINET")

            let carl = try await APIClient.signedIn(client, as: "carl")
            let forbidden = try await carl.call("/api/cables/\(id)")
            let missing = try await carl.call("/api/cables/26ISLAMABAD999")
            #expect(forbidden.status == .notFound)
            #expect(forbidden.body.replacingOccurrences(of: id, with: "ID") == missing.body.replacingOccurrences(of: "26ISLAMABAD999", with: "ID"))
            let carlsList = try await carl.call("/api/cables")
            #expect(!carlsList.body.contains(id))
            #expect(try await carl.call("/api/cables?limit=0").status == .badRequest)
        }
    }

    @Test("Drafts and sends: lint errors come back as diagnostics; sends are all or nothing")
    func draftAndSend() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let anne = try await APIClient.signedIn(client, as: "anne")
            let broken = try await anne.call(
                "/api/drafts", method: .post,
                json: [
                    "text": """
                    From: AMEMBASSY ISLAMABAD
                    To: SECSTATE WASHDC
                    Classification: SECRET
                    Tags: PREL, PK
                    Subject: TEST

                    No portion mark here.
                    """
                ])
            #expect(broken.status == .unprocessableContent)
            let diagnostics = try #require(broken.object["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.contains { $0["severity"] as? String == "error" && ($0["line"] as? Int ?? 0) > 0 })

            let draft = try await anne.call(
                "/api/drafts", method: .post,
                json: [
                    "text": """
                    From: AMEMBASSY ISLAMABAD
                    To: SECSTATE WASHDC
                    Classification: SECRET//NOFORN
                    Tags: PREL, PK
                    Subject: API DRAFT
                    Classified By: Anne W. Palmer, Ambassador
                    Reasons: 1.4 (b), (d)

                    (S/NF) The Prime Minister said that the talks would resume.
                    """
                ])
            #expect(draft.status == .created)
            let id = try #require(draft.object["referenceID"] as? String)
            #expect(draft.headers[.location] == "/api/cables/\(id)")

            let refused = try await anne.call("/api/cables/\(id)/send", method: .post, json: ["to": ["bea", "carl"]])
            #expect(refused.status == .unprocessableContent)
            #expect((refused.object["refused"] as? [String])?.contains { $0.hasPrefix("carl") } == true)
            let sent = try await anne.call("/api/cables/\(id)/send", method: .post, json: ["to": ["bea"], "lists": ["south-asia"]])
            #expect(sent.status == .ok)
            #expect(Set(sent.object["recipients"] as? [String] ?? []) == ["bea", "dev", "dora"])

            let bea = try await APIClient.signedIn(client, as: "bea")
            #expect(try await bea.call("/api/drafts", method: .post, json: ["text": "x"]).status != .created)
            #expect(try await bea.call("/api/cables/\(id)/send", method: .post, json: ["to": ["dev"]]).status == .notFound)
        }
    }

    @Test("Search: counts and facets cover only what the user may read")
    func search() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let dora = try await APIClient.signedIn(client, as: "dora")
            let all = try await dora.call("/api/search?q=helicopters")
            #expect(all.object["total"] as? Int == 2)
            let facets = try #require(all.object["facets"] as? [String: [[String: Any]]])
            #expect(facets["caveat"]?.contains { $0["value"] as? String == "EXDIS" } == true)
            let hits = try #require(all.object["hits"] as? [[String: Any]])
            #expect(hits.allSatisfy { (($0["snippet"] as? [[String: Any]]) ?? []).contains { $0["match"] as? Bool == true } })

            let bea = try await APIClient.signedIn(client, as: "bea")
            let beas = try await bea.call("/api/search?q=helicopters&sort=date")
            #expect(beas.object["total"] as? Int == 1)
            let beaFacets = try #require(beas.object["facets"] as? [String: [[String: Any]]])
            #expect(beaFacets["caveat"]?.contains { $0["value"] as? String == "EXDIS" } != true)
            #expect(try await bea.call("/api/search").status == .badRequest)
            #expect(try await bea.call("/api/search?q=x&sort=size").status == .badRequest)
        }
    }

    @Test("Trace: officers only; a leaked copy names its recipient with a probability")
    func trace() async throws {
        let fixture = try await ServerFixture.make()
        let id = try await fixture.sentCable()
        let leak = try await fixture.store.read(ReferenceID(id)!, as: "bea").text
        try await fixture.test { client in
            let bea = try await APIClient.signedIn(client, as: "bea")
            #expect(try await bea.call("/api/trace", method: .post, json: ["leaks": [leak]]).status == .forbidden)
            let sam = try await APIClient.signedIn(client, as: "sam")
            let verdict = try await sam.call("/api/trace", method: .post, json: ["leaks": [leak]])
            #expect(verdict.status == .ok)
            #expect(verdict.object["verdict"] as? String == "identified")
            let accused = try #require(verdict.object["accused"] as? [[String: Any]])
            #expect(accused.map { $0["recipient"] as? String } == ["bea"])
            #expect((accused.first?["falseAccusationProbability"] as? Double ?? 1) <= 1e-6)
            #expect(verdict.object["cables"] as? [String] == [id])
            let nothing = try await sam.call(
                "/api/trace", method: .post, json: ["leaks": ["The weather in Geneva was mild and the lake was calm all week."]])
            #expect(nothing.object["verdict"] as? String == "inconclusive")
            #expect((nothing.object["accused"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Audit and people: roles are enforced; the chain verifies")
    func auditAndPeople() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let bea = try await APIClient.signedIn(client, as: "bea")
            #expect(try await bea.call("/api/audit").status == .forbidden)
            #expect(try await bea.call("/api/users").status == .forbidden)
            #expect(
                try await bea.call("/api/users", method: .post, json: ["id": "x", "name": "X", "post": "KABUL", "clearance": "secret"]).status
                    == .forbidden)
            let sam = try await APIClient.signedIn(client, as: "sam")
            let log = try await sam.call("/api/audit?limit=5")
            #expect((log.object["entries"] as? [Any])?.count == 5)
            let verify = try await sam.call("/api/audit/verify")
            #expect((verify.object["problems"] as? [Any])?.isEmpty == true)

            let admin = try await APIClient.signedIn(client, as: "admin")
            let added = try await admin.call(
                "/api/users", method: .post,
                json: [
                    "id": "gil", "name": "Gil Ortiz", "post": "KABUL", "clearance": "secret", "caveats": ["NOFORN"], "password": "gil-long-password",
                ])
            #expect(added.status == .created)
            #expect(added.object["clearance"] as? String == "SECRET")
            let duplicate = try await admin.call(
                "/api/users", method: .post, json: ["id": "gil", "name": "Gil", "post": "KABUL", "clearance": "secret"])
            #expect(duplicate.status == .conflict)
            let list = try await admin.call("/api/lists/kabul", method: .post, json: ["members": ["gil"]])
            #expect((list.object["lists"] as? [String: [String]])?["kabul"] == ["gil"])
            let users = try await admin.call("/api/users")
            #expect((users.object["users"] as? [Any])?.count == 8)
        }
    }

    @Test(
        "A person who moves: PATCH /api/users/{id} by an administrator takes effect on their next request; anyone else is refused without learning who exists"
    )
    func moveUser() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let bea = try await APIClient.signedIn(client, as: "bea")
            let before = try await bea.call("/api/cables?limit=50")
            let total = try #require(before.object["total"] as? Int)
            #expect(total > 0)
            #expect(try await bea.call("/api/users/bea", method: .patch, json: ["clearance": "top-secret"]).status == .forbidden)
            #expect(try await bea.call("/api/users/nobody", method: .patch, json: ["clearance": "top-secret"]).status == .forbidden)

            let admin = try await APIClient.signedIn(client, as: "admin")
            let moved = try await admin.call("/api/users/bea", method: .patch, json: ["post": "islamabad", "clearance": "unclassified"])
            #expect(moved.status == .ok)
            #expect(moved.object["post"] as? String == "ISLAMABAD")
            #expect(moved.object["clearance"] as? String == "UNCLASSIFIED")
            // Her token still works (same person), but what she may see shrinks at once.
            let after = try await bea.call("/api/cables?limit=50")
            #expect(after.status == .ok)
            #expect(try #require(after.object["total"] as? Int) < total)
            #expect(try await admin.call("/api/users/bea", method: .patch, json: [:]).status == .badRequest)
            #expect(try await admin.call("/api/users/nobody", method: .patch, json: ["post": "KABUL"]).status == .notFound)
            #expect(try await admin.call("/api/users/bea", method: .patch, json: ["clearance": "cosmic"]).status == .unprocessableContent)
        }
        let log = try await fixture.store.auditLog(AuditFilter(), as: "admin").filter { $0.action == "user-update" }
        #expect(log.contains { $0.outcome == "ok" && $0.detail.contains("clearance SECRET → UNCLASSIFIED") })
        #expect(log.filter { $0.outcome == "denied" }.count == 2)
    }

    @Test("A known path with the wrong method is 405 with Allow, not 404")
    func methodNotAllowed() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let api = try await APIClient(client: client).call("/api/tokens")
            #expect(api.status == .methodNotAllowed)
            #expect(api.headers[.allow] == "POST")
            #expect(api.headers[.contentType] == "application/problem+json")
            let page = try await APIClient(client: client).call("/cables/26ISLAMABAD1/send")
            #expect(page.status == .methodNotAllowed, "\(page.body)")
            #expect(try await APIClient(client: client).call("/api/nothing").status == .notFound)
        }
    }

    @Test("Bad input gets a clear problem document and changes nothing")
    func badInput() async throws {
        let fixture = try await ServerFixture.make()
        let before = try await fixture.store.users(as: "admin").users.count
        try await fixture.test { client in
            let admin = try await APIClient.signedIn(client, as: "admin")
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(admin.token!)"
            headers[.contentType] = "application/json"
            let malformed = try await client.execute(
                uri: "/api/users", method: .post, headers: headers,
                body: ByteBuffer(string: "{\"id\": \"x\", ")
            ) { response in
                Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
            }
            #expect(malformed.status == .badRequest)
            #expect((malformed.object["detail"] as? String)?.contains("not valid JSON") == true)
            #expect(malformed.headers[.contentType] == "application/problem+json")
            let clearance = try await admin.call(
                "/api/users", method: .post, json: ["id": "hal", "name": "Hal", "post": "KABUL", "clearance": "cosmic"])
            #expect(clearance.status == .unprocessableContent)
            #expect(clearance.object["detail"] as? String == "'cosmic' is not a clearance (unclassified, confidential, secret, top-secret)")
            let caveat = try await admin.call(
                "/api/users", method: .post, json: ["id": "hal", "name": "Hal", "post": "KABUL", "clearance": "secret", "caveats": ["SECRETISH"]])
            #expect(caveat.status == .unprocessableContent)
            let nameless = try await admin.call(
                "/api/users", method: .post, json: ["id": "hal", "name": " ", "post": "KABUL", "clearance": "secret"])
            #expect(nameless.object["detail"] as? String == "user hal has no name")
            let badID = try await admin.call(
                "/api/users", method: .post, json: ["id": "hal smith", "name": "Hal", "post": "KABUL", "clearance": "secret"])
            #expect((badID.object["detail"] as? String)?.contains("is not a valid user ID") == true)
        }
        #expect(try await fixture.store.users(as: "admin").users.count == before)
    }

    @Test("Health and metrics")
    func operations() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let health = try await APIClient(client: client).call("/healthz")
            #expect(health.object["status"] as? String == "ok")
            let sam = try await APIClient.signedIn(client, as: "sam")
            _ = try await sam.call("/api/cables")
            let metrics = try await APIClient(client: client).call("/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(metrics.body.contains(#"pouch_http_requests_total{method="GET",route="/api/cables",status="200"} 1"#))
            #expect(metrics.body.contains("pouch_http_request_duration_seconds_bucket"))
            #expect(metrics.body.contains("pouch_logins_total 1"))
        }
    }

    @Test("The OpenAPI document describes exactly the routes the router serves")
    func openAPIMatchesRoutes() async throws {
        let fixture = try await ServerFixture.make()
        let router = fixture.server.router()
        let served = Set(
            router.routes.map { route -> String in
                let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                return "\(route.method.rawValue.lowercased()) /\(path.joined(separator: "/"))"
            }.filter { $0.contains(" /api") || $0.hasSuffix("/healthz") || $0.hasSuffix("/metrics") || $0.hasSuffix("/openapi.json") })
        let document = try await fixture.test { client in
            try await APIClient(client: client).call("/openapi.json")
        }.object
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(served == described)
    }
}
