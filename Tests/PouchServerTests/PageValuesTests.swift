import Foundation
import PouchCore
import PouchStore
import PouchTestSupport
import Testing

@testable import PouchServer

/// Pages are rendered from dictionaries made once (`MustacheValues.tree`), not from structs that
/// swift-mustache reflects at every lookup: the HTML must be the same either way.
@Suite("Page values")
struct PageValuesTests {
    static func row(_ id: String, unread: Bool, level: Classification) -> CableRowView {
        CableRowView(
            CableSummary(
                referenceID: id, date: "2009-11-04", classification: level, caveats: level == .secret ? [.noforn] : [],
                origin: "AMEMBASSY ISLAMABAD", subject: "TALKS \(id)", state: unread ? "sent" : "archive", unread: unread))
    }

    static func inbox(rows: [CableRowView], previous: String?, damaged: Int) -> InboxPage {
        InboxPage(
            total: rows.count, shown: rows.count, boxName: "All",
            tabs: [
                InboxPage.Tab(label: "All", link: "/inbox", current: true), InboxPage.Tab(label: "Sent", link: "/inbox?box=sent", current: false),
            ],
            box: "", levels: Classification.allCases.map { ChoiceView(value: $0.word, selected: $0 == .secret) }, post: "", from: "2008", to: "",
            oldest: false, filtered: true, cables: rows, hasCables: !rows.isEmpty, unreadCount: rows.filter { $0.unread }.count,
            hasUnread: rows.contains { $0.unread }, damaged: damaged, hasDamaged: damaged > 0, page: 2, pages: 3, multiplePages: true,
            first: 51, last: 50 + rows.count, previous: previous, next: nil)
    }

    @Test("the inbox and the cable page render the same from the value tree as from the structs, nil values and all")
    func sameHTML() async throws {
        let pages = try await Pages.load()
        let rows = [Self.row("09KABUL1", unread: true, level: .secret), Self.row("09KABUL2", unread: false, level: .unclassified)]
        for page in [
            Self.inbox(rows: rows, previous: "/inbox?page=1", damaged: 2), Self.inbox(rows: [], previous: nil, damaged: 0),
        ] {
            let reflected = try #require(pages.html("inbox", page))
            let values = try #require(MustacheValues.tree(page))
            let tree = try #require(pages.html("inbox", values))
            #expect(tree == reflected)
            #expect(reflected.contains("09KABUL2") || page.cables.isEmpty)
        }
        let id = try #require(ReferenceID("09ISLAMABAD2295"))
        for notice in [nil, "Sent to bea."] {
            let cable = CablePage(
                title: "\(id) ZARDARI", id: id.description, cable: CableView(SampleDraft.cable, id: id), kind: "original", isCopy: false,
                canSend: notice == nil, sentAgain: notice != nil, notice: notice, sendError: nil, hasLists: true,
                people: [CablePage.Addressee(id: "bea", name: "Bea", post: "KABUL", clearance: "SECRET", barrier: nil)],
                lists: [CablePage.AddressList(name: "south-asia", members: "bea, dev", count: 2, barred: "dev")])
            let reflected = try #require(pages.html("cable", cable))
            let values = try #require(MustacheValues.tree(cable))
            #expect(pages.html("cable", values) == reflected)
            #expect(reflected.contains("Zardari"))
        }
    }

    @Test("only the server's own view types become dictionaries; a nil field is left out, so the name is looked up further down")
    func tree() throws {
        let row = Self.row("09KABUL1", unread: true, level: .secret)
        let values = try #require(MustacheValues.tree(Self.inbox(rows: [row], previous: nil, damaged: 0)) as? [String: Any])
        #expect(values["previous"] == nil && values["next"] == nil)
        let rows = try #require(values["cables"] as? [Any])
        let first = try #require(rows.first as? [String: Any])
        #expect(first["id"] as? String == "09KABUL1" && first["unread"] as? Bool == true)
        let date = Date(timeIntervalSince1970: 0)
        #expect(MustacheValues.tree(date) as? Date == date)
        #expect(MustacheValues.tree(Optional<String>.none) == nil)
    }
}
