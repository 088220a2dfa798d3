import Foundation
import GRDB
import PouchCore
import Synchronization

/// The facet values of every cable (post, year, classification, captions, TAGS), by docid, held
/// in memory so counting facets over tens of thousands of matches is a loop over integers rather
/// than a grouped sort of text columns in SQL.
///
/// Only the *values* are cached. Which cables are counted is still decided by SQL, need-to-know
/// included: the caller passes the docids its query returned. The envelope columns behind the
/// facets never change after a cable is inserted (only `state` does, and it is not a facet), and
/// docids only grow, so the cache loads each row once, in docid order, and never goes stale.
public final class FacetCache: Sendable {
    /// The facets, in the order the search results name them.
    public static let facets = ["post", "year", "classification", "caveat", "tag"]

    struct Table {
        /// The highest docid loaded.
        var loaded: Int64 = 0
        /// Row `docid`'s values are `values[offsets[docid] ..< offsets[docid + 1]]` (docid 0 unused).
        var offsets: [Int32] = [0, 0]
        /// Indexes into `labels`.
        var values: [Int32] = []
        /// Every (facet index, value) pair seen, and its index.
        var labels: [(facet: Int, value: String)] = []
        var labelIndex: [String: Int32] = [:]
        /// Each row's date as yyyymmdd (0 for none), for breaking ties in rank.
        var dates: [Int32] = [0]

        mutating func label(_ facet: Int, _ value: String) -> Int32 {
            let key = "\(facet)|\(value)"
            if let known = labelIndex[key] { return known }
            let index = Int32(labels.count)
            labels.append((facet, value))
            labelIndex[key] = index
            return index
        }
    }

    private let state = Mutex(Table())
    /// The envelope table: `cable` in the store (the benchmark's plain baseline has its own).
    let table: String

    public init(table: String = "cable") {
        self.table = table
    }

    /// Loads the rows inserted since the last refresh (in the caller's read transaction).
    public func refresh(_ db: Database) throws {
        let loaded = state.withLock { $0.loaded }
        let cursor = try Row.fetchCursor(db, sql: "SELECT docid, post, year, classification, caveats, tags, date FROM \(table) WHERE docid > ? ORDER BY docid",
                                         arguments: [loaded])
        var rows: [(docid: Int64, post: String, year: Int, classification: Int, caveats: String, tags: String, date: String)] = []
        while let row = try cursor.next() {
            rows.append((row[0], row[1], row[2], row[3], row[4], row[5], row[6]))
        }
        guard !rows.isEmpty else { return }
        state.withLock { table in
            for row in rows where row.docid > table.loaded {
                // Docids without a row (none are deleted, but a rolled-back insert can skip one) count nothing.
                while Int64(table.offsets.count - 1) < row.docid {
                    table.offsets.append(Int32(table.values.count))
                    table.dates.append(0)
                }
                table.dates[table.dates.count - 1] = Self.dateNumber(row.date)
                table.values.append(table.label(0, row.post))
                table.values.append(table.label(1, String(row.year)))
                table.values.append(table.label(2, (Classification(rawValue: row.classification) ?? .topSecret).word))
                // A caption or tag named twice counts once.
                var labels: [Int32] = []
                for caveat in row.caveats.split(separator: ",") { labels.append(table.label(3, String(caveat))) }
                for tag in row.tags.split(separator: ",") { labels.append(table.label(4, tag.replacingOccurrences(of: ";", with: ","))) }
                var seen: Set<Int32> = []
                table.values += labels.filter { seen.insert($0).inserted }
                table.offsets.append(Int32(table.values.count))
                table.dates.append(0)
                table.loaded = row.docid
            }
        }
    }

    /// "2009-03-17" as 20090317 ("2009" as 20090000).
    static func dateNumber(_ date: String) -> Int32 {
        let digits = date.filter(\.isNumber)
        return Int32(digits.prefix(8).padding(toLength: 8, withPad: "0", startingAt: 0)) ?? 0
    }

    /// The page of `docids` by rank (lowest first, as FTS5 ranks), then newest first: what
    /// `ORDER BY rank, date DESC LIMIT limit OFFSET offset` would return.
    public func best(_ docids: [Int64], ranks: [Double], offset: Int, limit: Int) -> [Int64] {
        let wanted = offset + limit
        guard wanted > 0 else { return [] }
        let dates = state.withLock { $0.dates }
        func date(_ docid: Int64) -> Int32 { docid >= 0 && docid < dates.count ? dates[Int(docid)] : 0 }
        func precedes(_ a: (Double, Int32, Int64), _ b: (Double, Int32, Int64)) -> Bool {
            a.0 != b.0 ? a.0 < b.0 : a.1 != b.1 ? a.1 > b.1 : a.2 > b.2
        }
        // The `wanted` best, kept sorted: matches run to tens of thousands, pages to tens.
        var kept: [(Double, Int32, Int64)] = []
        kept.reserveCapacity(wanted + 1)
        for (docid, rank) in zip(docids, ranks) {
            let entry = (rank, date(docid), docid)
            if kept.count == wanted, !precedes(entry, kept[wanted - 1]) { continue }
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(kept[middle], entry) { low = middle + 1 } else { high = middle }
            }
            kept.insert(entry, at: low)
            if kept.count > wanted { kept.removeLast() }
        }
        return kept.dropFirst(offset).map(\.2)
    }

    /// Facet counts over the given cables (each docid once), most frequent value first.
    public func counts(of docids: [Int64]) -> [String: [String: Int]] {
        state.withLock { table in
            var tally = [Int](repeating: 0, count: table.labels.count)
            table.offsets.withUnsafeBufferPointer { offsets in
                table.values.withUnsafeBufferPointer { values in
                    for docid in docids where docid > 0 && docid < offsets.count - 1 {
                        for index in Int(offsets[Int(docid)])..<Int(offsets[Int(docid) + 1]) { tally[Int(values[index])] += 1 }
                    }
                }
            }
            var result: [String: [String: Int]] = [:]
            for (index, count) in tally.enumerated() where count > 0 {
                let label = table.labels[index]
                result[Self.facets[label.facet], default: [:]][label.value] = count
            }
            return result
        }
    }
}
