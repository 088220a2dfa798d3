import Foundation
import Hummingbird
import HummingbirdTesting
import PouchCore
import PouchPostgres
import PouchServer
import PouchStore
import PouchTestSupport
import Testing

/// Two servers over one store in PostgreSQL, each with its own store value and router, keep web
/// sessions in the database: a person signed in through one is signed in through the other, and
/// disabled through one is signed out of both.
@Suite("Web sessions shared by servers over one PostgreSQL store", .enabled(if: TestDatabase.available.contains(.postgres)))
struct SharedSessionTests {
    @Test("signed in through server A, the same cookie is signed in on server B; disabling the person ends it on both")
    func shared() async throws {
        try await TestDatabase.postgres.withStore { handle in
            try await DemoStore.populate(handle.store, administrator: "admin")
            let headB = NSTemporaryDirectory() + "pouch-server-b-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: headB) }
            let storeB = try await handle.openAgain(headFolder: headB)
            let a = try await PouchServer(store: handle.store, sessions: PostgresStore.sessions(of: handle.store))
            let b = try await PouchServer(store: storeB, sessions: PostgresStore.sessions(of: storeB))
            try await Application(router: a.router()).test(.router) { clientA in
                try await Application(router: b.router()).test(.router) { clientB in
                    var onA = Browser(clientA)
                    _ = try await onA.signIn("bea")
                    #expect(try await onA.get("/inbox").status == .ok)
                    var onB = Browser(clientB)
                    #expect(try await onB.get("/inbox").status != .ok, "no session yet on B")
                    onB.cookies = onA.cookies
                    let inbox = try await onB.get("/inbox")
                    #expect(inbox.status == .ok, "the session made through A is known to B")
                    #expect(inbox.body.contains("Bea"))
                    try await handle.store.setDisabled(true, user: "bea", as: "admin")
                    #expect(try await onB.get("/inbox").status != .ok, "disabled through A: signed out on B")
                    #expect(try await onA.get("/inbox").status != .ok)
                }
            }
            await storeB.close()
        }
    }
}
