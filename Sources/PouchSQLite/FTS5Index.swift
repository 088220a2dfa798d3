import Foundation
import GRDB
import GRDBSQLite
import PouchCore
import PouchStore
import Synchronization

/// The full-text index of a SQLite store: an FTS5 table without content (`search`), whose terms
/// are blind tokens, ranked by `pouchrank` (BM25 with row lengths from memory) and filtered by
/// `pouch_admit` (the reader's admitted docids, one bitmap bound into the query).
final class FTS5Index: TextIndex {
    let pool: DatabasePool
    /// Indexed row lengths for the rank function (shared with every connection's `pouchrank`).
    let documentLengths: DocumentLengths

    init(pool: DatabasePool, documentLengths: DocumentLengths) {
        self.pool = pool
        self.documentLengths = documentLengths
    }

    func add(docid: Int64, document: BlindIndex.Document, _ db: any SQLConnection) throws {
        try db.execute(
            sql: "INSERT INTO search (rowid, subject, body, refs) VALUES (?, ?, ?, ?)",
            arguments: [docid, document.subject, document.body, document.refs])
    }

    func warm(_ db: any SQLConnection) throws {
        try documentLengths.refresh(db)
    }

    func matches(
        _ query: SearchQuery, terms: SearchTerms, admitted: inout DocidSet, ranked: Bool, upTo: Int64, _ db: any SQLConnection
    ) throws -> MatchPass? {
        let compiled = FTS5Query(token: terms.token, expand: terms.expand).compile(query)
        if let excluded = compiled.excluded {
            for docid in try Int64.fetchAll(db, sql: "SELECT rowid FROM search WHERE search MATCH ?", arguments: [excluded]) {
                admitted.remove(docid)
            }
        }
        guard let match = compiled.match else { return nil }
        try documentLengths.refresh(db)
        return try pass(match, admitted: admitted, ranked: ranked, splitAt: upTo > Self.splitAbove ? upTo / 2 : nil, upTo: upTo, db)
    }

    /// Above this many cables, the pass over the matches runs as two docid ranges on two connections at once.
    static let splitAbove: Int64 = 20_000

    /// The matches of `match` that `admitted` lets through, in docid order, with their ranks when `ranked`.
    ///
    /// With `splitAt`, docids above it are read on a second connection while this one reads the
    /// rest: the pass is CPU-bound, and one query otherwise uses one core. The second connection is
    /// only asked, never waited for: if it has not started when this half is done, this connection
    /// reads the upper range too (so busy readers cannot deadlock each other), and if its snapshot
    /// holds more cables than this one's, its rows are not used (cables are the only writes to the
    /// index and each raises the highest docid, so an equal highest docid means an equal index,
    /// and ranks equal to one pass's).
    func pass(_ match: String, admitted: DocidSet, ranked: Bool, splitAt: Int64?, upTo: Int64, _ db: any SQLConnection) throws -> MatchPass {
        let blob = admitted.blob
        guard let splitAt, splitAt > 0, splitAt < upTo else { return try Self.matchPass(match, blob, nil, ranked: ranked, db.grdb) }
        let upper = UpperHalf()
        pool.asyncRead { connection in
            guard upper.claim() else { return }
            upper.finish(
                Result {
                    let db = try connection.get()
                    guard try Int64.fetchOne(db, sql: "SELECT MAX(docid) FROM cable") == upTo else { return nil }
                    return try Self.matchPass(match, blob, (splitAt + 1)...upTo, ranked: ranked, db)
                })
        }
        var pass = try Self.matchPass(match, blob, 1...splitAt, ranked: ranked, db.grdb)
        let rest = try upper.claim() ? nil : upper.wait().get()
        let second = try rest ?? Self.matchPass(match, blob, (splitAt + 1)...upTo, ranked: ranked, db.grdb)
        pass.docids += second.docids
        pass.ranks = pass.ranks.map { $0 + (second.ranks ?? []) }
        return pass
    }

    /// One walk of the full-text index over `range` (all docids when nil).
    static func matchPass(_ match: String, _ admitted: Data, _ range: ClosedRange<Int64>?, ranked: Bool, _ db: Database) throws -> MatchPass {
        let columns = ranked ? "rowid, \(RankFunction.name)(search, 4.0, 1.0, 0.0)" : "rowid"
        let statement = try db.cachedStatement(
            sql: "SELECT \(columns) FROM search WHERE search MATCH ? AND \(AdmitFunction.name)(rowid, ?)"
                + (range == nil ? "" : " AND rowid BETWEEN ? AND ?"))
        try statement.setArguments(range.map { [match, admitted, $0.lowerBound, $0.upperBound] } ?? [match, admitted])
        // Stepped directly: tens of thousands of rows, two numbers each, and a Row per step costs as much as the step.
        var docids: [Int64] = []
        var ranks: [Double] = []
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        while true {
            let code = sqlite3_step(sqlite)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            docids.append(sqlite3_column_int64(sqlite, 0))
            if ranked { ranks.append(sqlite3_column_double(sqlite, 1)) }
        }
        return MatchPass(docids: docids, ranks: ranked ? ranks : nil)
    }
}

/// The upper docid range of a split pass: whoever claims it first (a second connection, or the
/// caller once its own half is done) reads it.
final class UpperHalf: Sendable {
    private let state = Mutex<(claimed: Bool, result: Result<MatchPass?, any Error>?)>((false, nil))
    private let done = DispatchSemaphore(value: 0)

    /// True for the first caller only.
    func claim() -> Bool {
        state.withLock { state in
            defer { state.claimed = true }
            return !state.claimed
        }
    }

    /// The claimer's result: nil when its snapshot was not the caller's.
    func finish(_ result: Result<MatchPass?, any Error>) {
        state.withLock { $0.result = result }
        done.signal()
    }

    /// Waits for the claimer (which holds a connection and is running, so this ends).
    func wait() -> Result<MatchPass?, any Error> {
        done.wait()
        return state.withLock { $0.result! }
    }
}

/// The SQL both the store and the plain-FTS5 baseline of `pouch-bench search` use for filters.
public enum SearchSQL {
    /// FROM, conditions, arguments and rank expression (nil without text) for a compiled query over an
    /// envelope table joined to its FTS5 index by `docid = rowid`.
    /// `rankFunction`: `bm25`, or the store's `pouchrank` (the same score, row lengths from memory).
    public static func clauses(
        _ compiled: FTS5Query.Compiled, filters: SearchFilters, envelope: String, index: String, rankFunction: String = "bm25"
    )
        -> (from: String, conditions: [String], arguments: [any SQLBindable], rank: String?)
    {
        // With a text match, FTS5 must drive the query: a post filter's unary + keeps SQLite from
        // walking the postKey index and probing the full-text index once per cable (seconds).
        var (conditions, arguments) = filterConditions(filters, table: envelope, indexed: compiled.match == nil)
        var from = envelope
        var rank: String?
        if let match = compiled.match {
            from = "\(index) JOIN \(envelope) ON \(envelope).docid = \(index).rowid"
            conditions.append("\(index) MATCH ?")
            arguments.append(match)
            rank = "\(rankFunction)(\(index), 4.0, 1.0, 0.0)"
        }
        if let excluded = compiled.excluded {
            conditions.append("\(envelope).docid NOT IN (SELECT rowid FROM \(index) WHERE \(index) MATCH ?)")
            arguments.append(excluded)
        }
        return (from, conditions, arguments, rank)
    }

    /// Conditions (AND-ed) and their arguments for a query's envelope filters, on `table`'s columns
    /// postKey, year, classification, caveats and tags; `indexed` false keeps them off indexes.
    public static func filterConditions(_ filters: SearchFilters, table: String, indexed: Bool = true) -> ([String], [any SQLBindable]) {
        var conditions: [String] = []
        var arguments: [any SQLBindable] = []
        if !filters.posts.isEmpty {
            let keys = SearchFilters.postKeys(filters.posts)
            conditions.append("\(indexed ? "" : "+")\(table).postKey IN (\(keys.map { _ in "?" }.joined(separator: ",")))")
            arguments += keys.sorted() as [any SQLBindable]
        }
        if let years = filters.years {
            conditions.append("\(table).year BETWEEN ? AND ?")
            arguments += [years.lowerBound, years.upperBound]
        }
        if !filters.classifications.isEmpty {
            conditions.append("\(table).classification IN (\(filters.classifications.map { String($0.rawValue) }.joined(separator: ",")))")
        }
        for (values, column) in [(filters.caveats.map(\.rawValue), "caveats"), (filters.tags, "tags")] where !values.isEmpty {
            conditions.append("(" + values.map { _ in "\(table).\(column) LIKE ?" }.joined(separator: " OR ") + ")")
            arguments += values.map { "%," + $0.uppercased().replacingOccurrences(of: ",", with: ";") + ",%" } as [any SQLBindable]
        }
        return (conditions, arguments)
    }
}

/// Compiles a query to an FTS5 MATCH expression; `token` maps a term to what the index holds
/// (its keyed hash in the store; the term itself in a plain baseline).
public struct FTS5Query {
    let token: (String) -> String
    let expand: (String) -> Set<String>

    public init(token: @escaping (String) -> String, expand: @escaping (String) -> Set<String>) {
        self.token = token
        self.expand = expand
    }

    public struct Compiled {
        /// Cables to match; nil when the query has no positive text.
        public var match: String?
        /// Cables to leave out (a query of NOT clauses only).
        public var excluded: String?
    }

    /// Text terms are not confined to the subject and body columns with a column filter: a word's
    /// token never occurs in `refs` (citation terms are `ref:` + a reference ID, which no word
    /// analyses to), and a column filter makes FTS5 read every match's positions to check columns,
    /// about a third of a pass over the matches.
    public func compile(_ query: SearchQuery) -> Compiled {
        var match: String?
        var excluded: String?
        if let expression = query.expression {
            if case .not(let inner) = expression {
                excluded = "(\(compile(inner)))"
            } else if case .all(let children) = expression, children.allSatisfy({ if case .not = $0 { return true } else { return false } }) {
                excluded =
                    "(" + children.map { if case .not(let inner) = $0 { return compile(inner) } else { return "" } }.joined(separator: " OR ") + ")"
            } else {
                match = "(\(compile(expression)))"
            }
        }
        if !query.filters.cites.isEmpty {
            let cites = "refs : (" + query.filters.cites.map { token(BlindIndex.citationTerm($0)) }.joined(separator: " OR ") + ")"
            match = match.map { "(\($0)) AND \(cites)" } ?? cites
        }
        return Compiled(match: match, excluded: excluded)
    }

    /// A token no term hashes to in practice: matches nothing.
    var nothing: String { token("\u{0}nothing") }

    func compile(_ expression: SearchExpression) -> String {
        switch expression {
        case .term(let stem): return token(stem)
        case .prefix(let letters):
            let stems = expand(letters).sorted()
            return stems.isEmpty ? nothing : "(" + stems.map(token).joined(separator: " OR ") + ")"
        case .phrase(let stems): return "\"" + stems.map(token).joined(separator: " ") + "\""
        case .any(let children): return "(" + children.map(compile).joined(separator: " OR ") + ")"
        case .all(let children):
            var positive: [String] = []
            var negative: [String] = []
            for child in children {
                if case .not(let inner) = child { negative.append(compile(inner)) } else { positive.append(compile(child)) }
            }
            let base = "(" + positive.joined(separator: " AND ") + ")"
            return negative.isEmpty ? base : "(\(base) NOT (\(negative.joined(separator: " OR "))))"
        case .not(let inner): return "(\(nothing) NOT \(compile(inner)))"
        }
    }
}
