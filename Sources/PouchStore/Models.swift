import PouchCore
import PouchFingerprint

/// A cable's text as one person may read it.
public struct CableText: Sendable, Hashable {
    public var referenceID: ReferenceID
    /// The canonical text (see `CableRenderer`): the person's own copy when the cable was sent to them.
    public var text: String
    public var kind: Kind

    public enum Kind: String, Sendable, Hashable, Codable {
        /// A fingerprinted copy sent to this person.
        case copy
        /// The original, read by its drafter.
        case original
        /// An archived (imported) cable.
        case archive
    }

    public init(referenceID: ReferenceID, text: String, kind: Kind) {
        self.referenceID = referenceID
        self.text = text
        self.kind = kind
    }

    /// The text parsed back into a cable.
    public func cable() throws -> Cable {
        do {
            return try CableParser().parse(text: text).cable
        } catch {
            throw StoreError.tampered("cable \(referenceID)")
        }
    }
}

/// One line of a person's cable list.
public struct CableSummary: Sendable, Hashable, Codable {
    public var referenceID: String
    /// `YYYY-MM-DD` of the date-time group.
    public var date: String
    public var classification: Classification
    public var caveats: [Caveat]
    public var origin: String
    public var subject: String
    /// `draft`, `sent` or `archive`.
    public var state: String
    /// A copy sent to the person that they have not opened yet (from their own reads in the audit log).
    public var unread: Bool

    public init(
        referenceID: String, date: String, classification: Classification, caveats: [Caveat], origin: String, subject: String,
        state: String, unread: Bool = false
    ) {
        self.referenceID = referenceID
        self.date = date
        self.classification = classification
        self.caveats = caveats
        self.origin = origin
        self.subject = subject
        self.state = state
        self.unread = unread
    }

    private enum CodingKeys: String, CodingKey {
        case referenceID, date, classification, caveats, origin, subject, state, unread
    }

    /// Summaries written before `unread` existed read as opened.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            referenceID: try container.decode(String.self, forKey: .referenceID), date: try container.decode(String.self, forKey: .date),
            classification: try container.decode(Classification.self, forKey: .classification),
            caveats: try container.decode([Caveat].self, forKey: .caveats), origin: try container.decode(String.self, forKey: .origin),
            subject: try container.decode(String.self, forKey: .subject), state: try container.decode(String.self, forKey: .state),
            unread: try container.decodeIfPresent(Bool.self, forKey: .unread) ?? false)
    }
}

/// A page of a person's cables and how many they may see in all.
public struct CableListing: Sendable, Hashable {
    public var cables: [CableSummary]
    public var total: Int
    /// Stored rows left out because they failed their seal, signature or MAC. Only a count: a
    /// changed row's markings cannot be trusted, so its reference ID is for the audit log alone.
    public var damaged: Int

    public init(cables: [CableSummary], total: Int, damaged: Int = 0) {
        self.cables = cables
        self.total = total
        self.damaged = damaged
    }
}

/// A person and their account generation (see `CableStore.account(id:)`).
public struct Account: Sendable, Hashable {
    public var reader: Reader
    public var generation: Int

    public init(reader: Reader, generation: Int) {
        self.reader = reader
        self.generation = generation
    }
}

/// Everyone in the store, for an administrator.
public struct UserListing: Sendable, Hashable {
    public var users: [Reader] = []
    /// IDs of user rows that failed their MAC: left out and audited.
    public var damaged: [String] = []

    public init(users: [Reader] = [], damaged: [String] = []) {
        self.users = users
        self.damaged = damaged
    }
}

/// An API token as its owner and administrators may see it.
public struct TokenInfo: Sendable, Hashable, Codable {
    public var label: String
    /// When it was issued and when it stops working (UTC, ISO 8601).
    public var created: String
    public var expires: String

    public init(label: String, created: String, expires: String) {
        self.label = label
        self.created = created
        self.expires = expires
    }
}

/// What a send did.
public struct SendReceipt: Sendable, Hashable {
    public var referenceID: ReferenceID
    /// The people who received a new copy in this send.
    public var recipients: [String]
    /// Addressees who already held a copy from an earlier send.
    public var alreadyHeld: [String]

    public init(referenceID: ReferenceID, recipients: [String], alreadyHeld: [String]) {
        self.referenceID = referenceID
        self.recipients = recipients
        self.alreadyHeld = alreadyHeld
    }
}

/// A sent cable's original, everyone who received a copy of it, and the fingerprint scheme the copies were marked with.
public struct SentCable: Sendable {
    public var cable: Cable
    public var recipients: [String]
    public var scheme: FingerprintScheme
    /// The version of the store's fingerprint key its copies were marked with.
    public var keyVersion: Int

    public init(cable: Cable, recipients: [String], scheme: FingerprintScheme = .current, keyVersion: Int = 1) {
        self.cable = cable
        self.recipients = recipients
        self.scheme = scheme
        self.keyVersion = keyVersion
    }
}

/// What tracing against the store needs: the key every copy was derived from, and the sent cables.
public struct TracingMaterial: Sendable {
    /// The newest fingerprint key.
    public var key: FingerprintKey
    /// Every version of the fingerprint key, for cables marked before a rotation.
    public var keys: [Int: FingerprintKey]
    public var profile: FingerprintProfile
    public var cables: [SentCable]
    /// Sent cables left out because a stored row of theirs failed its integrity check (named for
    /// the security officer; each is in the audit log too).
    public var damaged: [String]

    public init(key: FingerprintKey, keys: [Int: FingerprintKey] = [:], profile: FingerprintProfile, cables: [SentCable], damaged: [String] = []) {
        self.key = key
        self.keys = keys
        self.profile = profile
        self.cables = cables
        self.damaged = damaged
    }

    /// The key a sent cable's copies were marked with.
    public func key(of cable: SentCable) -> FingerprintKey { keys[cable.keyVersion] ?? key }
}

/// How to run a search.
public struct SearchOptions: Sendable, Hashable {
    public enum Order: String, Sendable, Hashable, CaseIterable {
        case relevance, date
    }

    public var limit: Int
    public var offset: Int
    public var order: Order
    /// Compute facet counts (post, year, classification, caveat, tag).
    public var facets: Bool
    /// Make snippets for the page's hits.
    public var snippets: Bool

    public init(limit: Int = 20, offset: Int = 0, order: Order = .relevance, facets: Bool = true, snippets: Bool = true) {
        self.limit = limit
        self.offset = offset
        self.order = order
        self.facets = facets
        self.snippets = snippets
    }
}

/// One cable found.
public struct SearchHit: Sendable, Hashable, Codable {
    public var summary: CableSummary
    public var snippet: [SnippetFragment]
    /// For a cable found by its reference ID: the cables it cites that the person may read.
    public var cites: [String]?
    /// For a cable found by its reference ID: the cables citing it that the person may read.
    public var citedBy: [String]?

    public init(summary: CableSummary, snippet: [SnippetFragment], cites: [String]? = nil, citedBy: [String]? = nil) {
        self.summary = summary
        self.snippet = snippet
        self.cites = cites
        self.citedBy = citedBy
    }
}

/// Counts of the matching cables by one field.
public struct FacetCount: Sendable, Hashable, Codable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// A page of results, with counts over every matching cable the person may read.
public struct SearchResults: Sendable, Hashable, Codable {
    public var total: Int
    public var hits: [SearchHit]
    public var facets: [String: [FacetCount]]
    /// Stored rows left out of every search because they failed their integrity checks (a count
    /// only: their reference IDs go to the audit log).
    public var damaged: Int

    public init(total: Int, hits: [SearchHit], facets: [String: [FacetCount]], damaged: Int = 0) {
        self.total = total
        self.hits = hits
        self.facets = facets
        self.damaged = damaged
    }
}

/// What an import batch did.
public struct ImportOutcome: Sendable, Hashable {
    public var imported: [String] = []
    /// Reference IDs already in the store (or twice in the batch): skipped.
    public var duplicates: [String] = []

    public init(imported: [String] = [], duplicates: [String] = []) {
        self.imported = imported
        self.duplicates = duplicates
    }
}

/// Which of the cables a person may see a listing shows: one box of their inbox, narrowed by the
/// search filters a listing understands (post, years, classification), in date order.
public struct ListingFilter: Sendable, Hashable {
    /// A box of the inbox.
    public enum Box: String, Sendable, Hashable, CaseIterable {
        /// Everything the person may see.
        case all
        /// Copies sent to the person.
        case received
        /// Their own drafts, not yet sent.
        case drafts
        /// Their own cables, sent.
        case sent
        /// Archived cables they may read.
        case archive
    }

    public var box: Box
    /// Posts, years and classifications (other filters are the search's).
    public var filters: SearchFilters
    /// Oldest first instead of newest first.
    public var oldestFirst: Bool

    public init(box: Box = .all, filters: SearchFilters = SearchFilters(), oldestFirst: Bool = false) {
        self.box = box
        self.filters = filters
        self.oldestFirst = oldestFirst
    }
}
