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
        let cursor = try Row.fetchCursor(db, sql: "SELECT docid, post, year, classification, caveats, tags FROM \(table) WHERE docid > ? ORDER BY docid",
                                         arguments: [loaded])
        var rows: [(docid: Int64, post: String, year: Int, classification: Int, caveats: String, tags: String)] = []
        while let row = try cursor.next() {
            rows.append((row[0], row[1], row[2], row[3], row[4], row[5]))
        }
        guard !rows.isEmpty else { return }
        state.withLock { table in
            for row in rows where row.docid > table.loaded {
                // Docids without a row (none are deleted, but a rolled-back insert can skip one) count nothing.
                while Int64(table.offsets.count - 1) < row.docid { table.offsets.append(Int32(table.values.count)) }
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
                table.loaded = row.docid
            }
        }
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
