import Foundation
import PouchCore
import PouchFingerprint
import PouchStore

// What each page's template reads, one type per page (as the JSON API has a type per body).
// swift-mustache looks names up by the properties' labels, so a property's name is the
// template's tag; an optional that is nil reads as absent (its section is skipped).

/// A page's own values. `Pages.render` adds what every page shows (the header, the banner, the
/// session's CSRF token); a page may set its own `csrf` (the sign-in page's cookie token).
protocol PageContext: Sendable {}

/// The classification banner: its text and its colour class.
struct BannerView: Sendable, Equatable {
    var text: String
    var level: String

    init(_ classification: Classification, _ caveats: [Caveat]) {
        text = ([classification.word] + caveats.map(\.rawValue)).joined(separator: "//")
        level =
            switch classification {
            case .unclassified: "unclassified"
            case .confidential: "confidential"
            case .secret: "secret"
            case .topSecret: "top-secret"
            }
    }
}

/// An option of a select or a box of a group: its value, what it says, whether it is chosen.
struct ChoiceView: Sendable {
    var value: String
    var label: String? = nil
    var text: String? = nil
    var selected = false
    var checked = false
}

/// A message about a field or a form.
struct ProblemView: Sendable {
    var severity: String
    var message: String
}

// MARK: Signing in

struct LoginPage: PageContext {
    struct DemoLogin: Sendable {
        var user: String
        var password: String
        var role: String
    }

    let title = "Sign in"
    var next: String
    var enteredUser: String?
    var error: String?
    var demo: [DemoLogin]?
    var isDemo = false
    /// The signed sign-in cookie's token (no session exists before sign-in).
    var csrf: String?
}

struct AccountPage: PageContext {
    let title = "Your account"
    var notice: String?
    var error: String?
}

struct ErrorPage: PageContext {
    var title: String
    var status: Int
    var reason: String
    var detail: String
}

// MARK: Inbox, cables and search

/// A cable in a list: the inbox, search results.
struct CableRowView: Sendable {
    struct Snippet: Sendable {
        var text: String
        var match: Bool
    }

    var id: String
    var date: String
    var origin: String
    var subject: String
    var state: String
    var unread: Bool
    var banner: BannerView
    /// Search results only: the passage that matched, and the cables it cites or is cited by.
    var snippet: [Snippet]?
    var cites: [String]?
    var citedBy: [String]?

    init(_ summary: CableSummary) {
        id = summary.referenceID
        date = summary.date
        origin = summary.origin
        subject = summary.subject
        state = summary.state
        unread = summary.unread
        banner = BannerView(summary.classification, summary.caveats)
    }
}

struct InboxPage: PageContext {
    struct Tab: Sendable {
        var label: String
        var link: String
        var current: Bool
    }

    let title = "Inbox"
    var total: Int
    var shown: Int
    var boxName: String
    var tabs: [Tab]
    var box: String
    var levels: [ChoiceView]
    var post: String
    var from: String
    var to: String
    var oldest: Bool
    var filtered: Bool
    var cables: [CableRowView]
    var hasCables: Bool
    var unreadCount: Int
    var hasUnread: Bool
    var damaged: Int
    var hasDamaged: Bool
    var page: Int
    var pages: Int
    var multiplePages: Bool
    var first: Int
    var last: Int
    var previous: String?
    var next: String?
}

/// A cable's text as the cable page and the draft preview show it (`cable-text.mustache`).
struct CableView: Sendable {
    struct Reference: Sendable {
        var label: String
        var text: String
    }

    struct ParagraphView: Sendable {
        var number: String
        var mark: String
        var text: String
    }

    struct Authority: Sendable {
        var by: String
        var reasons: String
    }

    var id: String
    var precedence: String
    var banner: BannerView
    var date: String
    var origin: String
    var to: String
    var tags: String
    var subject: String
    var references: [Reference]
    var paragraphs: [ParagraphView]
    var info: String?
    var signature: String?
    var declassification: String?
    var authority: Authority?

    init(_ cable: Cable, id: ReferenceID?) {
        self.id = id?.description ?? "given when the draft is saved"
        precedence = cable.precedence?.rawValue ?? ""
        banner = BannerView(cable.classification, cable.caveats)
        date = cable.dateTimeGroup?.dayAndTime ?? ""
        origin = cable.origin ?? ""
        to = cable.to.map(\.description).joined(separator: ", ")
        tags = cable.tags.joined(separator: ", ")
        subject = cable.subject
        references = cable.references.map { Reference(label: $0.label ?? "", text: $0.text) }
        paragraphs = cable.paragraphs.map { ParagraphView(number: $0.number.map(String.init) ?? "", mark: $0.mark?.description ?? "", text: $0.text) }
        if !cable.info.isEmpty { info = cable.info.map(\.description).joined(separator: ", ") }
        if let signature = cable.signature, !signature.isEmpty { self.signature = signature }
        if let order = cable.executiveOrder {
            declassification =
                switch order.declassification {
                case .on(let day): "E.O. \(order.order): DECL: \(day.usFormat) (declassify on \(day.iso8601))"
                case .oadr: "E.O. \(order.order): DECL: OADR (originating agency's determination required)"
                case .notApplicable: "E.O. \(order.order): N/A"
                case .other(let text): "E.O. \(order.order): DECL: \(text)"
                }
        }
        if let authority = cable.authority {
            self.authority = Authority(
                by: authority.classifiedBy,
                reasons: "\(authority.section) " + authority.reasons.map { "(\($0))" }.joined(separator: ", "))
        }
    }
}

struct CablePage: PageContext {
    /// A person in the send form's address book; `barrier` says why they may not read the cable.
    struct Addressee: Sendable {
        var id: String
        var name: String
        var post: String
        var clearance: String
        var barrier: String?
    }

    /// A distribution list; `barred` names the members who may not read the cable.
    struct AddressList: Sendable {
        var name: String
        var members: String
        var count: Int
        var barred: String?
    }

    var title: String
    var id: String
    var cable: CableView
    var kind: String
    var isCopy: Bool
    var canSend: Bool
    var sentAgain: Bool
    var notice: String?
    var sendError: String?
    var hasLists = false
    var people: [Addressee] = []
    var lists: [AddressList] = []
}

struct SearchPage: PageContext {
    struct Facet: Sendable {
        struct Value: Sendable {
            var value: String
            var count: Int
            var link: String
        }

        var label: String
        var values: [Value]
    }

    let title = "Search"
    var q: String
    var byDate: Bool
    var error: String?
    /// The rest is set once a query ran.
    var searched = false
    var total: Int?
    var hasTotal = false
    var first: Int?
    var last: Int?
    var hits: [CableRowView] = []
    var facets: [Facet] = []
    var previous: String?
    var next: String?
    var page: Int?
    var pages: Int?
    var multiplePages = false
    var dateLink: String?
    var relevanceLink: String?
}

// MARK: Drafting

struct DraftPage: PageContext {
    /// One field of the form with its label, hint and problems (`draft-field.mustache`).
    struct Field: Sendable {
        var name: String
        var label: String
        var value: String
        var hint: String
        var problems: [ProblemView]
        var invalid: Bool
        var hasProblems: Bool
    }

    /// An error in the summary at the top, linked to its field.
    struct SummaryLine: Sendable {
        var field: String
        var message: String
    }

    /// A reason of E.O. 13526 §1.4 the drafter may tick.
    struct Reason: Sendable {
        var code: String
        var text: String
        var checked: Bool
    }

    let title = "Draft a cable"
    /// The form's fields by name (`f.subject` in the template).
    var f: [String: Field]
    var levels: [ChoiceView]
    var precedences: [ChoiceView]
    var caveatChoices: [ChoiceView]
    var reasonChoices: [Reason]
    var summary: [SummaryLine]
    var problemCount: Int
    var hasProblems: Bool
    var formProblems: [ProblemView]
    var preview: CableView?
}

// MARK: Trace

/// A trace verdict as the trace page shows it: who is accused, the candidates, the counts, the chart.
struct TraceVerdictView: Sendable {
    struct Person: Sendable {
        var id: String
        var name: String?
        var post: String?
    }

    struct Candidate: Sendable {
        var recipient: String
        var who: Person
        var score: String
        var probability: String
        var words: String
        var power: Int?
        var partner: Person?
    }

    var cables: [String]
    var identified: Bool
    var accused: [Candidate]
    var hasAccused: Bool
    var candidates: [Candidate]
    var slotsObserved: Int
    var slotsInCable: Int
    var bitsObserved: Int
    var symbolsRead: Int
    var moreSlotsNeeded: Int?
    var restyled: String?
    var chart: String
}

struct TracePage: PageContext {
    let title = "Trace a leak"
    var threshold: String
    var leak: String?
    var error: String?
    var traced = false
    var nomatch = false
    var verdict: TraceVerdictView?
    var tracedAt: String?
    var officer: String?
}

// MARK: Audit and people

struct AuditPage: PageContext {
    struct Problem: Sendable {
        var sequence: String?
        var message: String
    }

    struct Entry: Sendable {
        var sequence: Int
        var time: String
        var user: String
        var action: String
        var target: String
        var outcome: String
        var denied: Bool
        var detail: String
    }

    let title = "Audit log"
    var intact: Bool
    var entryCount: Int
    var checkpoints: Int
    var problems: [Problem]
    var entries: [Entry]
    var filterUser: String
    var filterSince: String
    var filterUntil: String
    var csv: String
    var json: String
    var older: String?
    var newest: String?
}

struct UsersPage: PageContext {
    struct Person: Sendable {
        var id: String
        var name: String
        var post: String
        var clearance: String
        var levels: [ChoiceView]
        var caveatsField: String
        var rolesField: String
        var caveats: String
        var roles: String
        var disabled: Bool
        /// The administrator viewing the page (who may not disable themselves).
        var isSelf: Bool
    }

    struct List: Sendable {
        struct Member: Sendable {
            var id: String
            var list: String
        }

        var name: String
        var members: [Member]
    }

    let title = "People and lists"
    var people: [Person]
    var damaged: [String]
    var lists: [List]
    var levels: [ChoiceView]
    var caveatChoices: [ChoiceView]
    var roleChoices: [ChoiceView]
    var notice: String?
    var error: String?
}
