import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// 10,000 random (user, cable, action) trials against a real store, checked against an oracle
/// written here independently of `AccessPolicy`: nothing of a cable (text, subject, reference ID
/// in a listing, count) reaches anyone who may not read it, on any path, and a refused read
/// looks exactly like a read of a cable that does not exist. The same trials run on every database.
@Suite("Need-to-know on every path")
struct NeedToKnowPropertyTests {
    struct Model {
        var classification: Classification
        var caveats: Set<Caveat>
        var archive: Bool
        var drafter: String?
        var recipients: Set<String> = []
        var subject: String
    }

    /// The rule, restated: clearance covers the level; NOFORN needs citizenship; EXDIS, NODIS,
    /// LIMDIS and STADIS need grants; an archived cable is open (except NODIS), a sent or drafted one
    /// only to its drafter and recipients.
    static func oracle(_ user: Reader, _ cable: Model) -> Bool {
        if user.clearance.rawValue < cable.classification.rawValue { return false }
        if cable.caveats.contains(.noforn) && !user.citizen { return false }
        for caveat in [Caveat.exdis, .nodis, .limdis, .stadis] where cable.caveats.contains(caveat) && !user.grants.contains(caveat) { return false }
        if cable.archive { return !cable.caveats.contains(.nodis) }
        return cable.drafter == user.id || cable.recipients.contains(user.id)
    }

    @Test("10,000 random trials: read, list, search, counts, facets, send, trace and audit paths never leak", arguments: TestDatabase.available)
    func trials(on database: TestDatabase) async throws {
        try await database.withStore { handle in try await Self.trials(handle.store) }
    }

    static func trials(_ store: SealedStore) async throws {
        var random = SplitMix(seed: 2026)
        let posts = ["ISLAMABAD", "KABUL", "NEW DELHI", "STATE"]
        var users: [Reader] = []
        for index in 0..<18 {
            let roles: Set<Role> = index % 4 == 0 ? [.drafter, .reader] : index % 7 == 0 ? [.securityOfficer] : [.reader]
            users.append(
                Reader(
                    id: "u\(index)", name: "User \(index)", post: posts[index % posts.count], roles: roles,
                    clearance: Classification.allCases.randomElement(using: &random)!, citizen: Bool.random(using: &random),
                    grants: Set([Caveat.exdis, .nodis, .limdis, .stadis].filter { _ in Int.random(in: 0..<3, using: &random) == 0 })))
        }
        try await store.addUsers(users, as: "admin")
        let everyone = users + [try #require(try await store.user(id: "admin"))]

        func randomCable(_ number: Int, post: String) -> Cable {
            let level = Classification.allCases.randomElement(using: &random)!
            let caveats = [Caveat.noforn, .exdis, .nodis, .limdis].filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
            let mark = PortionMark(level.portionAbbreviation) ?? PortionMark("U")
            return Cable(
                referenceID: nil, dateTimeGroup: DateTimeGroup(year: 2009, month: 1 + number % 12, day: 1 + number % 28, hour: 9, minute: 0),
                origin: post == "STATE" ? "SECSTATE WASHDC" : "AMEMBASSY \(post)", to: [Addressee(name: "SECSTATE WASHDC")],
                classification: level, caveats: caveats, tags: ["PREL"], subject: "SUBJECTMARK\(number) TALKS",
                paragraphs: [Paragraph(number: 1, mark: mark, text: "BODYMARK\(number) The minister said that the talks would continue.")])
        }

        var models: [String: Model] = [:]
        // Archived cables, imported by the administrator.
        for number in 0..<25 {
            var cable = randomCable(number, post: posts[number % posts.count])
            let post = Post(fmLine: cable.origin!)
            cable.referenceID = ReferenceID(year: 2008, post: post.referencePost, serial: 100 + number)
            try await store.importCable(cable, as: "admin")
            models[cable.referenceID!.description] = Model(
                classification: cable.classification, caveats: Set(cable.caveats), archive: true, subject: cable.subject)
        }
        // Drafts, by drafters their clearance allows.
        let drafters = users.filter { $0.roles.contains(.drafter) }
        var number = 100
        while models.count < 60 {
            let drafter = drafters.randomElement(using: &random)!
            let cable = randomCable(number, post: drafter.post)
            number += 1
            guard
                Self.oracle(
                    drafter,
                    Model(classification: cable.classification, caveats: Set(cable.caveats), archive: false, drafter: drafter.id, subject: ""))
            else {
                await #expect(throws: StoreError.self) { try await store.draft(cable, as: drafter.id) }
                continue
            }
            let id = try await store.draft(cable, as: drafter.id)
            models[id.description] = Model(
                classification: cable.classification, caveats: Set(cable.caveats), archive: false, drafter: drafter.id, subject: cable.subject)
        }
        let ids = models.keys.sorted()
        let secretWords = models.values.flatMap { [$0.subject, "BODYMARK"] }

        var counts: [String: Int] = [:]
        for trial in 0..<10_000 {
            let user = everyone.randomElement(using: &random)!
            // One id in twenty does not exist: its error must be the same as a refusal.
            let id = Int.random(in: 0..<20, using: &random) == 0 ? "09NOWHERE\(trial)" : ids.randomElement(using: &random)!
            let action = Int.random(in: 0..<100, using: &random)
            switch action {
            case 0..<55:
                counts["read", default: 0] += 1
                let allowed = models[id].map { Self.oracle(user, $0) } ?? false
                do {
                    let text = try await store.read(ReferenceID(id) ?? ReferenceID("09NOWHERE1")!, as: user.id)
                    #expect(allowed, "\(user.id) read \(id)")
                    #expect(text.text.contains(models[id]!.subject))
                } catch let error as StoreError {
                    #expect(!allowed, "\(user.id) was refused \(id)")
                    #expect(error == .noSuchCable(ReferenceID(id)?.description ?? "09NOWHERE1"))
                    #expect(!secretWords.contains { error.description.contains($0) })
                }
            case 70..<80:
                // Search: words every cable holds, a filter, or both; the count, the facets and the
                // page cover exactly what the oracle lets this person read, whatever the order.
                counts["search", default: 0] += 1
                let filters: [(text: String, keeps: (String, Model) -> Bool)] = [
                    ("", { _, _ in true }),
                    ("class:secret", { _, model in model.classification == .secret }),
                    ("caveat:NOFORN", { _, model in model.caveats.contains(.noforn) }),
                    ("post:KABUL", { id, _ in id.contains("KABUL") }),
                ]
                let filter = filters.randomElement(using: &random)!
                let words = ["talks", "minister continue", "\"talks would continue\"", ""].randomElement(using: &random)!
                let text = words.isEmpty && filter.text.isEmpty ? "talks" : "\(words) \(filter.text)"
                let expected = Set(ids.filter { Self.oracle(user, models[$0]!) && filter.keeps($0, models[$0]!) })
                let limit = Int.random(in: 1...70, using: &random)
                let order = SearchOptions.Order.allCases.randomElement(using: &random)!
                let results = try await store.search(
                    try SearchQuery(parsing: text), as: user.id,
                    options: SearchOptions(limit: limit, order: order, snippets: Bool.random(using: &random)))
                let found = results.hits.map(\.summary.referenceID)
                #expect(results.total == expected.count, "\(user.id) searching \(text): count")
                #expect(found.count == min(limit, expected.count) && Set(found).count == found.count, "\(user.id) searching \(text): page")
                #expect(Set(found).isSubset(of: expected), "\(user.id) searching \(text) found \(Set(found).subtracting(expected))")
                let facetTotal = results.facets["classification"]?.reduce(0) { $0 + $1.count } ?? 0
                #expect(facetTotal == expected.count, "\(user.id) searching \(text): facets")
            case 55..<70:
                counts["list", default: 0] += 1
                let listing = try await store.list(as: user.id, limit: Int.random(in: 1...70, using: &random))
                let visible = Set(ids.filter { Self.oracle(user, models[$0]!) })
                #expect(listing.total == visible.count, "\(user.id): count")
                #expect(listing.cables.allSatisfy { visible.contains($0.referenceID) && $0.subject == models[$0.referenceID]!.subject })
                #expect(Set(listing.cables.map(\.referenceID)).count == listing.cables.count)
            case 80..<92:
                // Send: a drafter sends one of their own drafts to random people; all or nothing.
                counts["send", default: 0] += 1
                let mine = ids.filter { models[$0]!.drafter == user.id }
                let target = mine.randomElement(using: &random) ?? id
                let addressees = (0..<Int.random(in: 1...4, using: &random)).map { _ in users.randomElement(using: &random)!.id }
                let model = models[target]
                let mayAll =
                    model.map { model in
                        model.drafter == user.id
                            && addressees.allSatisfy { name in
                                var asRecipient = model
                                asRecipient.recipients.insert(name)
                                return Self.oracle(users.first { $0.id == name }!, asRecipient)
                            }
                    } ?? false
                let affected = users.filter { addressees.contains($0.id) }
                let before = try await Self.visibleCounts(store, affected)
                do {
                    let receipt = try await store.send(ReferenceID(target)!, to: addressees, lists: [], as: user.id)
                    #expect(mayAll, "\(user.id) sent \(target) to \(addressees)")
                    models[target]!.recipients.formUnion(receipt.recipients)
                } catch let error as StoreError {
                    #expect(!mayAll, "\(user.id) could not send \(target) to \(addressees): \(error)")
                    #expect(try await Self.visibleCounts(store, affected) == before, "a refused send changed what people see")
                }
            case 92..<96:
                counts["trace", default: 0] += 1
                do {
                    _ = try await store.tracingMaterial(as: user.id)
                    #expect(user.roles.contains(.securityOfficer))
                } catch {
                    #expect(!user.roles.contains(.securityOfficer))
                }
            default:
                counts["audit", default: 0] += 1
                do {
                    _ = try await store.auditLog(AuditFilter(limit: 5), as: user.id)
                    #expect(!user.roles.isDisjoint(with: [.securityOfficer, .administrator]))
                } catch {
                    #expect(user.roles.isDisjoint(with: [.securityOfficer, .administrator]))
                }
            }
        }
        #expect(counts.values.reduce(0, +) == 10_000)
        #expect(counts["send", default: 0] > 500 && models.values.contains { !$0.recipients.isEmpty })
        #expect(try store.verifyAuditWithoutRecording().intact)
    }

    static func visibleCounts(_ store: SealedStore, _ users: [Reader]) async throws -> [Int] {
        var counts: [Int] = []
        for user in users { counts.append(try await store.list(as: user.id, limit: 0).total) }
        return counts
    }
}
