import Foundation
import GRDB
import GRDBSQLite
import PouchStore
import Synchronization

/// Every indexed cable's length in terms (all columns), by docid, held in memory.
///
/// FTS5's own `bm25()` reads each matching row's length from the index's `_docsize` table, one
/// statement step per row: most of its cost when a word matches tens of thousands of cables.
/// Lengths never change once a cable is indexed and docids only grow, so they are loaded once.
final class DocumentLengths: Sendable {
    private let state = Mutex<(loaded: Int64, lengths: [Int32])>((0, [-1]))

    /// Loads the lengths of the rows indexed since the last refresh (in the caller's transaction).
    func refresh(_ db: any SQLConnection) throws {
        let loaded = state.withLock { $0.loaded }
        let rows = try SQLRow.fetchAll(db, sql: "SELECT id, sz FROM search_docsize WHERE id > ? ORDER BY id", arguments: [loaded])
        guard !rows.isEmpty else { return }
        let decoded: [(Int64, Int32)] = rows.map { row in
            let sizes: Data = row[1] ?? Data()
            return (row[0], Self.total(of: sizes))
        }
        state.withLock { state in
            for (docid, length) in decoded where docid > state.loaded {
                while Int64(state.lengths.count) < docid { state.lengths.append(-1) }
                state.lengths.append(length)
                state.loaded = docid
            }
        }
    }

    /// The sum of the column sizes in a `_docsize` blob (SQLite varints, high bit = more).
    static func total(of sizes: Data) -> Int32 {
        var total: Int32 = 0
        var value: Int32 = 0
        for byte in sizes {
            value = (value << 7) | Int32(byte & 0x7F)
            if byte < 0x80 {
                total += value
                value = 0
            }
        }
        return total
    }

    /// Every loaded length, by docid (-1: not indexed, or indexed after the last refresh).
    var snapshot: [Int32] {
        state.withLock { $0.lengths }
    }
}

/// `pouchrank(search, w0, w1, …)`: exactly FTS5's `bm25()` (k1 = 1.2, b = 0.75, the same IDF and
/// column weights), with each row's length taken from ``DocumentLengths`` instead of the index,
/// and each phrase's instances counted directly rather than merged into one sorted list.
enum RankFunction {
    static let name = "pouchrank"

    /// Registers the function on one connection.
    static func register(_ db: Database, lengths: DocumentLengths) throws {
        let api = FTS5.api(db)
        let context = Unmanaged.passRetained(lengths).toOpaque()
        let status = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, context, rank) { context in
            if let context { Unmanaged<DocumentLengths>.fromOpaque(context).release() }
        }
        guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "cannot register \(name)") }
    }
}

/// What `bm25()` computes once per query: each phrase's IDF and the mean row length. Immutable,
/// so reading it once per row costs no exclusivity checks.
private final class QueryStatistics {
    let idf: [Double]
    let meanLength: Double
    /// ``DocumentLengths`` as the query began: one lock per query, not per row.
    let lengths: [Int32]
    /// The column weights the call passed (the same on every row of a query).
    let weights: [Double]

    init(idf: [Double], meanLength: Double, lengths: [Int32], weights: [Double]) {
        self.idf = idf
        self.meanLength = meanLength
        self.lengths = lengths
        self.weights = weights
    }
}

private let rank: fts5_extension_function = { api, fts, context, count, values in
    guard let api, let fts else { return }
    let statistics: QueryStatistics
    if let stored = api.pointee.xGetAuxdata(fts, 0) {
        statistics = Unmanaged<QueryStatistics>.fromOpaque(stored).takeUnretainedValue()
    } else {
        var rows: sqlite3_int64 = 0
        var tokens: sqlite3_int64 = 0
        guard api.pointee.xRowCount(fts, &rows) == SQLITE_OK, api.pointee.xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK else {
            sqlite3_result_error(context, "pouchrank: no index statistics", -1)
            return
        }
        var idfs: [Double] = []
        for phrase in 0..<api.pointee.xPhraseCount(fts) {
            var hits: sqlite3_int64 = 0
            let status = api.pointee.xQueryPhrase(fts, phrase, &hits) { _, _, counter in
                counter?.assumingMemoryBound(to: sqlite3_int64.self).pointee += 1
                return SQLITE_OK
            }
            guard status == SQLITE_OK else {
                sqlite3_result_error_code(context, status)
                return
            }
            let idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            idfs.append(idf <= 0 ? 1e-6 : idf)
        }
        statistics = QueryStatistics(
            idf: idfs, meanLength: Double(tokens) / Double(max(1, rows)),
            lengths: Unmanaged<DocumentLengths>.fromOpaque(api.pointee.xUserData(fts)!).takeUnretainedValue().snapshot,
            weights: (0..<Int(count)).map { sqlite3_value_double(values![$0]) })
        _ = api.pointee.xSetAuxdata(fts, Unmanaged.passRetained(statistics).toOpaque()) { pointer in
            if let pointer { Unmanaged<QueryStatistics>.fromOpaque(pointer).release() }
        }
    }
    let k1 = 1.2
    let b = 0.75
    let docid = Int(api.pointee.xRowid(fts))
    var length: Double
    if docid > 0, docid < statistics.lengths.count, statistics.lengths[docid] >= 0 {
        length = Double(statistics.lengths[docid])
    } else {
        var size: Int32 = 0
        guard api.pointee.xColumnSize(fts, -1, &size) == SQLITE_OK else {
            sqlite3_result_error(context, "pouchrank: no row size", -1)
            return
        }
        length = Double(size)
    }
    var score = 0.0
    for (phrase, idf) in statistics.idf.enumerated() {
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        guard api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset) == SQLITE_OK else {
            sqlite3_result_error(context, "pouchrank: cannot read a phrase", -1)
            return
        }
        var frequency = 0.0
        while column >= 0 {
            frequency += Int(column) < statistics.weights.count ? statistics.weights[Int(column)] : 1.0
            api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
        }
        score += idf * (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * length / statistics.meanLength))
    }
    sqlite3_result_double(context, -score)
}

/// `pouch_admit(docid, admitted)`: 1 when bit `docid` of the blob `admitted` is set (little-endian
/// 64-bit words, as ``DocidSet/blob``), else 0. A search binds the set of cables the reader may
/// read within its filters as that blob, so need-to-know is a condition of the full-text query
/// itself, tested per match without a join to the envelope table.
enum AdmitFunction {
    static let name = "pouch_admit"

    /// Registers the function on one connection.
    static func register(_ db: Database) throws {
        let status = sqlite3_create_function_v2(db.sqliteConnection, name, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, admit, nil, nil, nil)
        guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "cannot register \(name)") }
    }
}

private let admit: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, count, values in
    guard let context, let values, count == 2 else { return }
    let docid = sqlite3_value_int64(values[0])
    let blob = sqlite3_value_blob(values[1])
    let size = Int(sqlite3_value_bytes(values[1]))
    guard let blob, docid >= 0, Int(docid >> 3) < size else {
        sqlite3_result_int(context, 0)
        return
    }
    let byte = blob.load(fromByteOffset: Int(docid >> 3), as: UInt8.self)
    sqlite3_result_int(context, byte & (1 << UInt8(docid & 7)) != 0 ? 1 : 0)
}
