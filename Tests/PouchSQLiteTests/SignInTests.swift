import Foundation
import GRDB
import PouchCore
import PouchSQLite
import Testing

@testable import PouchStore

@Suite("Sign-in credentials", .temporaryFiles)
struct SignInTests {
    @Test("Passwords: right opens, wrong and unknown fail alike, short is refused, only admins set others'")
    func passwords() async throws {
        let (store, _) = try temporaryStore()
        try await store.addUsers(
            [
                Reader(id: "bea", name: "Bea", post: "KABUL", clearance: .secret),
                Reader(id: "dev", name: "Dev", post: "NEWDELHI", clearance: .secret),
            ], as: "admin")
        await #expect(throws: StoreError.invalid("a password needs at least 12 characters")) {
            try await store.setPassword("short", for: "bea", as: "admin")
        }
        try await store.setPassword("bea's long password", for: "bea", as: "admin")
        #expect(try await store.signIn("bea", password: "bea's long password", client: "test").id == "bea")
        await #expect(throws: StoreError.signInFailed) { try await store.signIn("bea", password: "bea's long passwore", client: "test") }
        await #expect(throws: StoreError.signInFailed) { try await store.signIn("ghost", password: "bea's long password", client: "test") }
        await #expect(throws: StoreError.signInFailed) { try await store.signIn("dev", password: "no password set yet", client: "test") }
        await #expect(throws: StoreError.self) { try await store.setPassword("dev's new password", for: "bea", as: "dev") }
        try await store.setPassword("dev's own password", for: "dev", as: "dev")
        #expect(try await store.signIn("dev", password: "dev's own password", client: "test").id == "dev")

        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.filter { $0.action == "login" && $0.outcome == "denied" }.count == 3)
        #expect(!log.contains { $0.detail.contains("password") && $0.detail.contains("long") })
    }

    @Test("A thief who writes the file cannot swap in a password hash they know, nor move a token to another user")
    func tamperedCredentials() async throws {
        let (store, directory) = try temporaryStore()
        try await store.addUsers(
            [
                Reader(id: "bea", name: "Bea", post: "KABUL", clearance: .secret),
                Reader(id: "eve", name: "Eve", post: "KABUL", clearance: .confidential),
            ], as: "admin")
        try await store.setPassword("bea's long password", for: "bea", as: "admin")
        try await store.setPassword("eve's long password", for: "eve", as: "admin")
        let token = try await store.issueToken(for: "eve", label: "test", as: "eve")
        #expect(try await store.bearer(token)?.id == "eve")
        #expect(try await store.bearer("pouch_not-a-token") == nil)

        // Eve copies her own hash over Bea's, and points her token at Bea.
        let database = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory))
        try await database.write { db in
            try db.execute(sql: "UPDATE credential SET hash = (SELECT hash FROM credential WHERE reader = 'eve') WHERE reader = 'bea'")
            try db.execute(sql: "UPDATE token SET reader = 'bea'")
        }
        await #expect(throws: StoreError.tampered("the password of bea")) {
            try await store.signIn("bea", password: "eve's long password", client: "test")
        }
        await #expect(throws: StoreError.tampered("an API token of bea")) { try await store.bearer(token) }
    }
}
