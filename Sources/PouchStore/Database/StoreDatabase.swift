import PouchCore

/// The database under a store: SQLite in a directory, or a PostgreSQL server. The store's logic
/// (sealing, need-to-know, audit) is written once over `SQLConnection`; a database supplies
/// transactions, its full-text index over blind tokens, and the meaning of its own errors.
public protocol StoreDatabase: Sendable {
    /// Where the store is, for messages: a directory, or a server and database (never a password).
    var location: String { get }
    /// A read transaction: one consistent snapshot while writers go on.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T
    /// A write transaction, serialised with every other writer of the store (in every process),
    /// committed when `body` returns and rolled back whole when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T
    /// A read from synchronous code, which may be inside another transaction's body (a keyring
    /// reload): it sees what is committed, not the enclosing transaction's writes.
    func readNow<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// The full-text index of blind tokens.
    var textIndex: any TextIndex { get }
    /// An error of this database that a person can act on (a full disk, a read-only file, a
    /// damaged database), or nil for any other.
    func storeError(_ error: any Error) -> StoreError?
    /// Whether the error is the database refusing a record sealed under a master key version
    /// that another process has since replaced (see `StoreKeyring`).
    func isStaleMasterKey(_ error: any Error) -> Bool
    /// Closes the database's connections; the store cannot be used after.
    func close() async
}

/// Maps a query's words to what the index holds (keyed tokens) and prefixes to the words they
/// stand for (from the sealed vocabulary).
public struct SearchTerms: Sendable {
    public let token: @Sendable (String) -> String
    public let expand: @Sendable (String) -> Set<String>

    public init(token: @escaping @Sendable (String) -> String, expand: @escaping @Sendable (String) -> Set<String>) {
        self.token = token
        self.expand = expand
    }
}

/// The cables a query's text matches, in docid order, with their ranks when asked for.
public struct MatchPass: Sendable, Equatable {
    public var docids: [Int64] = []
    public var ranks: [Double]?

    public init(docids: [Int64] = [], ranks: [Double]? = nil) {
        self.docids = docids
        self.ranks = ranks
    }
}

/// A full-text index holding only blind tokens (see `BlindIndex`), one document per docid.
public protocol TextIndex: Sendable {
    /// Adds a cable's document, in the caller's write transaction.
    func add(docid: Int64, document: BlindIndex.Document, _ db: any SQLConnection) throws
    /// Works out what `add` needs from a document and needs no database, outside the write
    /// transaction and in parallel with other cables (into `prepared`).
    func prepare(_ document: BlindIndex.Document) -> BlindIndex.Document
    /// Adds several cables' documents (an import's batch), in the caller's write transaction.
    func add(_ documents: [(docid: Int64, document: BlindIndex.Document)], _ db: any SQLConnection) throws
    /// Loads what the index keeps in memory, so the first query does not pay for it.
    func warm(_ db: any SQLConnection) throws
    /// The matches of the query's text among `admitted` (from which a query of NOT clauses only
    /// removes what it excludes), ranked when `ranked`; nil when the query has no positive text
    /// (then every admitted cable matches). `upTo` is the highest docid in the caller's snapshot.
    func matches(
        _ query: SearchQuery, terms: SearchTerms, admitted: inout DocidSet, ranked: Bool, upTo: Int64, _ db: any SQLConnection
    ) throws -> MatchPass?
}

extension TextIndex {
    public func prepare(_ document: BlindIndex.Document) -> BlindIndex.Document { document }

    public func add(_ documents: [(docid: Int64, document: BlindIndex.Document)], _ db: any SQLConnection) throws {
        for (docid, document) in documents { try add(docid: docid, document: document, db) }
    }
}
