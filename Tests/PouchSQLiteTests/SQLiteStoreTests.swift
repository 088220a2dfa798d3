import Foundation
import PouchCore
import PouchCorpus
import PouchFingerprint
import PouchSQLite
import PouchTestSupport
import Testing

@testable import PouchStore

@Suite("The SQLite store", .temporaryFiles)
struct SQLiteStoreTests {
    @Test("create, reopen with the passphrase; a wrong one is refused")
    func passphrase() throws {
        let (_, directory) = try temporaryStore()
        _ = try SQLiteStore.open(at: directory, credential: .passphrase("correct horse battery"))
        #expect(throws: StoreError.wrongPassphrase) { try SQLiteStore.open(at: directory, credential: .passphrase("wrong")) }
        let admin = Reader(id: "admin", name: "A", post: "STATE", roles: [.administrator], clearance: .secret)
        #expect(throws: StoreError.alreadyExists(directory)) {
            try SQLiteStore.create(at: directory, credential: .passphrase("x"), administrator: admin, cost: .testing)
        }
        #expect(throws: StoreError.notAStore("/nonexistent/pouch")) { try SQLiteStore.open(at: "/nonexistent/pouch", credential: .passphrase("x")) }
    }

    @Test("a store made with a key file opens only with that key")
    func keyFile() throws {
        let directory = TemporaryFiles.path("test")
        let key = try MasterKey(bytes: (0..<32).map { UInt8($0) })
        let admin = Reader(id: "admin", name: "A", post: "STATE", roles: [.administrator], clearance: .secret)
        _ = try SQLiteStore.create(at: directory, credential: .key(key), administrator: admin)
        _ = try SQLiteStore.open(at: directory, credential: .key(key))
        #expect(throws: StoreError.wrongPassphrase) {
            try SQLiteStore.open(at: directory, credential: .key(try MasterKey(bytes: [UInt8](repeating: 1, count: 32))))
        }
        #expect(throws: StoreError.self) { try SQLiteStore.open(at: directory, credential: .passphrase("x")) }
    }

    @Test("users round-trip; duplicates and non-administrators are refused, all or nothing")
    func users() async throws {
        let (store, _) = try await Fixture.populated()
        #expect(try await store.user(id: "anne") == Fixture.drafter)
        await #expect(throws: StoreError.duplicate("user anne")) { try await store.addUsers([Fixture.drafter], as: "admin") }
        var new = Fixture.cleared
        new.id = "nora"
        await #expect(throws: StoreError.duplicate("user anne")) { try await store.addUsers([new, Fixture.drafter], as: "admin") }
        #expect(try await store.user(id: "nora") == nil)
        await #expect(throws: StoreError.self) { try await store.addUsers([new], as: "anne") }
        try await store.addToList("islamabad-pol", members: ["anne", "bea"], as: "admin")
        #expect(try await store.lists(as: "admin")["islamabad-pol"] == ["anne", "bea"])
        await #expect(throws: StoreError.noSuchUser("ghost")) { try await store.addToList("x", members: ["ghost"], as: "admin") }
    }

    @Test("draft assigns the post's next serial; only a cleared drafter of that post may draft")
    func draft() async throws {
        let (store, _) = try await Fixture.populated()
        let first = try await store.draft(Fixture.draft, as: "anne")
        let second = try await store.draft(Fixture.draft, as: "anne")
        #expect(first.description == "09ISLAMABAD1")
        #expect(second.description == "09ISLAMABAD2")
        await #expect(throws: StoreError.self) { try await store.draft(Fixture.draft, as: "bea") }  // not a drafter
        var topSecret = Fixture.draft
        topSecret.classification = .topSecret
        await #expect(throws: StoreError.self) { try await store.draft(topSecret, as: "anne") }  // not cleared
        var kabul = Fixture.draft
        kabul.origin = "AMEMBASSY KABUL"
        await #expect(throws: StoreError.self) { try await store.draft(kabul, as: "anne") }  // another post
        // The drafter reads the original; nobody else sees a draft.
        let original = try await store.read(first, as: "anne")
        #expect(original.kind == .original)
        #expect(try original.cable().paragraphs == Fixture.draft.paragraphs)
        await #expect(throws: StoreError.noSuchCable(first.description)) { try await store.read(first, as: "bea") }
    }

    @Test("send gives each addressee their own traceable copy; an unauthorised addressee stops the whole send")
    func send() async throws {
        let (store, _) = try await Fixture.populated()
        var officer = Fixture.officer
        officer.id = "sam2"
        try await store.addUsers([officer], as: "admin")
        try await store.addToList("security", members: ["sam", "sam2"], as: "admin")
        let id = try await store.draft(Fixture.draft, as: "anne")
        // lou is cleared only to CONFIDENTIAL, fred is not a citizen (NOFORN), ghost does not exist.
        await #expect(
            throws: StoreError.refused(["lou (cleared to CONFIDENTIAL, the cable is SECRET)", "fred (NOFORN: not a citizen)", "ghost (no such user)"])
        ) {
            try await store.send(id, to: ["bea", "lou", "fred", "ghost"], lists: [], as: "anne")
        }
        await #expect(throws: StoreError.noSuchCable(id.description)) { try await store.read(id, as: "bea") }
        let receipt = try await store.send(id, to: ["bea"], lists: ["security"], as: "anne")
        #expect(receipt.recipients == ["bea", "sam", "sam2"])
        let copies = try await [store.read(id, as: "bea"), store.read(id, as: "sam"), store.read(id, as: "sam2")]
        #expect(copies.allSatisfy { $0.kind == .copy })
        #expect(Set(copies.map(\.text)).count > 1, "copies differ in wording")
        // Only the drafter may send it.
        await #expect(throws: StoreError.noSuchCable(id.description)) { try await store.send(id, to: ["sam"], lists: [], as: "bea") }
        // A second send adds recipients and reports who already held a copy.
        try await store.addUsers([Reader(id: "cara", name: "Cara", post: "KABUL", clearance: .topSecret)], as: "admin")
        let again = try await store.send(id, to: ["bea", "cara"], lists: [], as: "anne")
        #expect(again.recipients == ["cara"])
        #expect(again.alreadyHeld == ["bea"])
        // The listing shows the subject to recipients only.
        #expect(try await store.list(as: "bea", limit: 10).cables.map(\.subject) == ["ZARDARI ON THE CABINET"])
        #expect(try await store.list(as: "lou", limit: 10).total == 0)
    }

    @Test("a leaked copy traces back through the store, without the original")
    func trace() async throws {
        let (store, _) = try await Fixture.populated()
        var recipients: [Reader] = []
        for index in 0..<40 { recipients.append(Reader(id: "r\(index)", name: "R", post: "KABUL", clearance: .secret)) }
        try await store.addUsers(recipients, as: "admin")
        var long = Fixture.draft
        long.paragraphs = try Fixture.realParagraphs(40).enumerated().map {
            Paragraph(number: $0.offset + 1, mark: PortionMark("C"), text: $0.element.text)
        }
        let id = try await store.draft(long, as: "anne")
        _ = try await store.send(id, to: recipients.map(\.id), lists: [], as: "anne")
        let leaked = try await store.read(id, as: "r17").text
        var random = SplitMix(seed: 3)
        let result = try await store.trace(leaks: [Attack.retype(leaked, using: &random)], as: "sam")
        #expect(result.cables == [id])
        #expect(result.verdict?.accused.map(\.recipient) == ["r17"])
        await #expect(throws: StoreError.self) { try await store.trace(leaks: [leaked], as: "bea") }
        let unrelated = try await store.trace(leaks: ["The weather in Kabul was fine and nothing else happened that week at all."], as: "sam")
        #expect(unrelated.cables.isEmpty)
    }

    @Test("a reader's whole copy of a short cable, headers and all, finds its cable; the verdict says how many more slots it needs")
    func traceShortCopy() async throws {
        let (store, _) = try await Fixture.populated()
        // The README's two-sentence draft: its header lines outnumber its words of text.
        var short = Fixture.draft
        short.info = [Addressee(name: "AMEMBASSY KABUL"), Addressee(name: "AMEMBASSY NEW DELHI")]
        short.paragraphs = [
            Paragraph(number: 1, mark: PortionMark("C"), text: "Summary: President Zardari told the Ambassador that the cabinet would change."),
            Paragraph(number: 2, mark: PortionMark("S/NF"), text: "He said the army agreed."),
        ]
        let id = try await store.draft(short, as: "anne")
        _ = try await store.send(id, to: ["bea", "sam"], lists: [], as: "anne")
        for reader in ["bea", "sam"] {
            let copy = try await store.read(id, as: reader).text
            let result = try await store.trace(leaks: [copy], as: "sam")
            #expect(result.cables == [id], "\(reader)'s copy")
            #expect(result.verdict?.verdict == "inconclusive")
            #expect((result.verdict?.moreSlotsNeeded ?? 0) > 0, "says how many more slots it needs")
            // The copy with its header cut to the banner, or cut to the subject, finds it too.
            let lines = copy.components(separatedBy: "\n")
            for cut in ["SECRET ISLAMABAD", "SUBJECT:"] {
                let rest = lines.drop { !$0.hasPrefix(cut) }.joined(separator: "\n")
                #expect(try await store.trace(leaks: [rest], as: "sam").cables == [id], "\(reader)'s copy from \(cut)")
            }
        }
    }

    @Test("the address book: drafters and security officers see every active person; readers see nobody; a disabled person is left out")
    func addressBook() async throws {
        let (store, _) = try await Fixture.populated()
        try await store.setDisabled(true, user: "lou", as: "admin")
        let seen = try await store.addressBook(as: "anne").users.map(\.id)
        #expect(seen.contains("bea") && seen.contains("sam") && !seen.contains("lou"))
        #expect(try await store.addressBook(as: "sam").users.map(\.id) == seen)
        await #expect(throws: StoreError.self) { try await store.addressBook(as: "bea") }
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.contains { $0.user == "bea" && $0.action == "user-list" && $0.outcome == "denied" })
    }

    @Test("distribution lists are shown to drafters and administrators only; a refusal is audited")
    func listsNeedARole() async throws {
        let (store, _) = try await Fixture.populated()
        try await store.addToList("kabul", members: ["bea"], as: "admin")
        #expect(try await store.lists(as: "anne")["kabul"] == ["bea"])
        await #expect(throws: StoreError.self) { try await store.lists(as: "bea") }
        await #expect(throws: StoreError.self) { try await store.lists(as: "nobody") }
        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(log.contains { $0.user == "bea" && $0.action == "user-list" && $0.target == "lists" && $0.outcome == "denied" })
    }

    @Test("a list member is taken off by an administrator only, audited; a name not on the list is an error")
    func removeFromList() async throws {
        let (store, _) = try await Fixture.populated()
        try await store.addToList("kabul", members: ["bea", "lou"], as: "admin")
        await #expect(throws: StoreError.self) { try await store.removeFromList("kabul", members: ["lou"], as: "anne") }
        try await store.removeFromList("kabul", members: ["lou"], as: "admin")
        #expect(try await store.lists(as: "admin")["kabul"] == ["bea"])
        await #expect(throws: StoreError.self) { try await store.removeFromList("kabul", members: ["lou"], as: "admin") }
        await #expect(throws: StoreError.noSuchList("nowhere")) { try await store.removeFromList("nowhere", members: ["bea"], as: "admin") }
        #expect(try await store.verifyStore(as: "admin", progress: nil).problems.isEmpty, "the list's MAC was renewed")
    }

    @Test("a person who moves: a lowered clearance hides at once what it no longer covers, the change is audited before and after, sessions stay")
    func updateUser() async throws {
        let (store, _) = try await Fixture.populated()
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
        #expect(try await store.list(as: "bea", limit: 10).total == 1)
        let generation = try await store.account(id: "bea")?.generation

        var moved = try #require(try await store.user(id: "bea"))
        moved.clearance = .confidential
        moved.post = "ISLAMABAD"
        await #expect(throws: StoreError.self) { try await store.updateUser(moved, as: "anne") }
        let before = try await store.updateUser(moved, as: "admin")
        #expect(before.clearance == .secret && before.post == "KABUL")
        #expect(try await store.user(id: "bea")?.post == "ISLAMABAD")
        #expect(try await store.list(as: "bea", limit: 10).total == 0, "hidden from the list at once")
        await #expect(throws: StoreError.noSuchCable(id.description)) { try await store.read(id, as: "bea") }
        #expect(try await store.search(try SearchQuery(parsing: "Zardari"), as: "bea", options: SearchOptions(limit: 10)).total == 0)
        #expect(try await store.account(id: "bea")?.generation == generation, "the person's sessions are not ended")

        moved.clearance = .secret
        try await store.updateUser(moved, as: "admin")
        #expect(try await store.read(id, as: "bea").kind == .copy, "raised again, the copy reads as before")
        await #expect(throws: StoreError.self) { try await store.updateUser(moved, as: "admin") }  // nothing to change

        var admin = try #require(try await store.user(id: "admin"))
        admin.roles = [.reader]
        await #expect(throws: StoreError.self) { try await store.updateUser(admin, as: "admin") }

        let log = try await store.auditLog(AuditFilter(), as: "admin")
        #expect(
            log.contains {
                $0.action == "user-update" && $0.target == "bea" && $0.detail == "post KABUL → ISLAMABAD; clearance SECRET → CONFIDENTIAL"
            })
        #expect(log.contains { $0.action == "user-update" && $0.user == "anne" && $0.outcome == "denied" })
        #expect(try await store.verifyStore(as: "admin", progress: nil).intact)
    }

    @Test("no word of the cable's text is in the database file")
    func noPlaintext() async throws {
        let (store, directory) = try await Fixture.populated()
        let id = try await store.draft(Fixture.draft, as: "anne")
        _ = try await store.send(id, to: ["bea"], lists: [], as: "anne")
        let path = SQLiteStore.databasePath(in: directory)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        for word in ["Zardari", "ZARDARI", "CABINET", "army", "Patterson", "opposition"] {
            #expect(bytes.range(of: Data(word.utf8)) == nil, "\(word)")
        }
    }
}
