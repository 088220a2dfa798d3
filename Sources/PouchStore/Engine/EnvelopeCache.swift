import Foundation
import PouchCore
import Synchronization

/// Every cable's envelope (level, captions, archive flag, post, year, date, TAGS), by docid, held
/// in memory, so a search decides who may see a match, applies its filters and counts its facets
/// with integer tests instead of joining each full-text match to its envelope row (the join was
/// most of a query's cost at 250,000 cables).
///
/// Only columns that never change after a cable is inserted are cached: level, captions, archive
/// flag, drafter, post, year, date, TAGS (a cable's `state` changes and is not here). Docids only
/// grow, so the cache loads each row once, in docid order, and never goes stale. What *can* change,
/// who holds a copy of a sent cable, is read from SQL in each query's own transaction.
public final class EnvelopeCache: Sendable {
    /// The facets, in the order the search results name them.
    public static let facets = ["post", "year", "classification", "caveat", "tag"]

    struct Table {
        /// The highest docid loaded.
        var loaded: Int64 = 0
        /// Row `docid`'s facet values are `values[offsets[docid] ..< offsets[docid + 1]]` (docid 0 unused).
        /// Every other per-row array has one entry per docid from 0 to `loaded`.
        var offsets: [Int32] = [0, 0]
        /// Indexes into `labels`.
        var values: [Int32] = []
        /// Every (facet index, value) pair seen, and its index.
        var labels: [(facet: Int, value: String)] = []
        var labelIndex: [String: Int32] = [:]
        /// Each row's date as yyyymmdd (0 for none), for ordering by date and breaking ties in rank.
        var dates: [Int32] = [0]
        /// Each row's reference ID, the last tie-break of the date order (as `ORDER BY date DESC, id DESC`).
        var ids: [String] = [""]
        /// Each row's classification (raw value); 255 for a docid without a row, which no one may read.
        var levels: [UInt8] = [255]
        /// Each row's restricting captions as the `restricted` column's bits, and `archiveBit` for an archived cable.
        var locks: [UInt8] = [0]
        var years: [Int32] = [0]
        /// Each row's post as reference IDs name it, as an index into `postKeys`.
        var posts: [Int32] = [-1]
        var postKeys: [String: Int32] = [:]

        /// Every year some row has, for year-range filters.
        var yearsPresent: Set<Int32> = []
        /// Rows whose envelope failed its MAC when loaded, by docid: held as empty rows no one may
        /// read, their reference IDs kept for the audit log.
        var damaged: [Int64: String] = [:]
        /// Bitmaps of the rows an access profile or a filter value admits, by key, each up to `loaded`.
        var bitmaps: [String: (loaded: Int64, set: DocidSet)] = [:]

        /// The cached bitmap for `key`, extended over the rows loaded since it was built.
        mutating func bitmap(_ key: String, _ admits: (Int) -> Bool) -> DocidSet {
            var (from, set) = bitmaps[key] ?? (0, DocidSet(capacity: Int(loaded)))
            if from < loaded {
                for docid in Int(from + 1)...Int(loaded) where admits(docid) { set.insert(Int64(docid)) }
                // A bound on memory: 512 bitmaps of 250,000 cables are 16 MB.
                if bitmaps.count >= 512 { bitmaps.removeAll() }
                bitmaps[key] = (loaded, set)
            }
            return set
        }

        mutating func label(_ facet: Int, _ value: String) -> Int32 {
            let key = "\(facet)|\(value)"
            if let known = labelIndex[key] { return known }
            let index = Int32(labels.count)
            labels.append((facet, value))
            labelIndex[key] = index
            return index
        }

        /// A row with no values: a docid no row holds (none are deleted, but a rolled-back insert can skip one).
        mutating func appendEmpty() {
            offsets.append(Int32(values.count))
            dates.append(0)
            ids.append("")
            levels.append(255)
            locks.append(0)
            years.append(0)
            posts.append(-1)
        }
    }

    static let archiveBit: UInt8 = 0x80

    private let state = Mutex(Table())
    /// The envelope table: `cable` in the store (the benchmark's plain baseline has its own).
    let table: String
    /// Whether `table` has the access columns (`restricted`, `archive`); the baseline's has not, and counts as all open.
    let hasAccessColumns: Bool

    /// A cache of `table`'s envelopes; `hasAccessColumns` false for a table without `restricted`
    /// and `archive` (every row then counts as archived and unrestricted).
    public init(table: String = "cable", hasAccessColumns: Bool = true) {
        self.table = table
        self.hasAccessColumns = hasAccessColumns
    }

    /// Loads the rows inserted since the last refresh (in the caller's read transaction).
    ///
    /// With `intact`, each row is checked first, given the values of `checked` (columns of the
    /// table, in that order); a row that fails is loaded as a row no one may read, and its
    /// reference ID is returned. Only rows loaded by this call are returned.
    @discardableResult
    public func refresh(_ db: any SQLConnection, checked: [String] = [], intact: (([SQLValue]) -> Bool)? = nil) throws -> [String] {
        let loaded = state.withLock { $0.loaded }
        let access = hasAccessColumns ? "restricted, archive" : "0, 1"
        let extra = intact == nil ? "" : checked.map { ", " + $0 }.joined()
        struct Envelope {
            var docid: Int64, post: String, year: Int, classification: Int, caveats: String, tags: String, date: String, id: String, postKey: String
            var restricted: Int, archive: Bool
            var damaged: Bool
        }
        var rows: [Envelope] = []
        try db.forEachRow(
            sql: """
                SELECT docid, post, year, classification, caveats, tags, date, id, postKey, \(access)\(extra) FROM \(table) WHERE docid > ? ORDER BY docid
                """, arguments: [loaded]
        ) { row in
            let docid: Int64 = row[0]
            if let intact, !intact((0..<checked.count).map { row[11 + $0] as SQLValue }) {
                rows.append(
                    Envelope(
                        docid: docid, post: "", year: 0, classification: 255, caveats: "", tags: "", date: "",
                        id: String(decoding: row[7].bytes, as: UTF8.self), postKey: "", restricted: 0, archive: false, damaged: true))
                return
            }
            rows.append(
                Envelope(
                    docid: docid, post: row[1], year: row[2], classification: row[3], caveats: row[4], tags: row[5], date: row[6],
                    id: row[7], postKey: row[8], restricted: row[9], archive: row[10], damaged: false))
        }
        guard !rows.isEmpty else { return [] }
        return state.withLock { table in
            var damaged: [String] = []
            for row in rows where row.docid > table.loaded {
                while Int64(table.levels.count) < row.docid { table.appendEmpty() }
                if row.damaged {
                    table.appendEmpty()
                    table.damaged[row.docid] = row.id
                    table.loaded = row.docid
                    damaged.append(row.id)
                    continue
                }
                table.dates.append(Self.dateNumber(row.date))
                table.ids.append(row.id)
                table.levels.append(UInt8(clamping: row.classification))
                table.locks.append(UInt8(row.restricted & 0x7F) | (row.archive ? Self.archiveBit : 0))
                table.years.append(Int32(clamping: row.year))
                table.yearsPresent.insert(Int32(clamping: row.year))
                if let known = table.postKeys[row.postKey] {
                    table.posts.append(known)
                } else {
                    table.posts.append(Int32(table.postKeys.count))
                    table.postKeys[row.postKey] = Int32(table.postKeys.count)
                }
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
            return damaged
        }
    }

    /// How many loaded rows failed their check, and which reference IDs they name.
    var damaged: [Int64: String] { state.withLock { $0.damaged } }

    /// Whether a docid's row failed its check when loaded.
    func isDamaged(_ docid: Int64) -> Bool { state.withLock { $0.damaged[docid] != nil } }

    /// "2009-03-17" as 20090317 ("2009" as 20090000).
    static func dateNumber(_ date: String) -> Int32 {
        let digits = date.filter(\.isNumber)
        return Int32(digits.prefix(8).padding(toLength: 8, withPad: "0", startingAt: 0)) ?? 0
    }

    // MARK: Who may see what

    /// What one query admits: the reader's access and the query's filters.
    struct Admission {
        /// The reader's clearance (raw value).
        var clearance: UInt8
        /// The restricting captions the reader lacks, as `restricted` bits.
        var lacking: UInt8
        /// The NODIS bit: an archived NODIS cable is open to no one by the archive rule alone.
        var nodis: UInt8
        /// The sent and drafted cables this reader holds a copy of or drafted (read in the query's transaction).
        var personal: Set<Int64>
        /// The highest docid the query's transaction sees.
        var upTo: Int64
        var filters: SearchFilters
    }

    /// The docids `admission` lets through: those the reader may read, within the filters.
    ///
    /// Built from cached bitmaps, one per access profile (clearance and captions held) and one per
    /// filter value, each extended as rows are loaded: a query combines a few bitmaps word by word
    /// instead of testing every cable.
    func admitted(_ admission: Admission) -> DocidSet {
        state.withLock { table in
            let upTo = Int(min(admission.upTo, table.loaded))
            let (levels, locks, posts, years, offsets, values) = (table.levels, table.locks, table.posts, table.years, table.offsets, table.values)
            let (clearance, lacking, nodis, archiveBit) = (admission.clearance, admission.lacking, admission.nodis, Self.archiveBit)
            func mayRead(_ docid: Int) -> Bool { levels[docid] <= clearance && locks[docid] & lacking == 0 }
            var set = table.bitmap("access|\(clearance)|\(lacking)|\(nodis)") { docid in
                mayRead(docid) && locks[docid] & archiveBit != 0 && locks[docid] & nodis == 0
            }
            // The reader's own sent and drafted cables, where level and captions allow.
            for docid in admission.personal where docid > 0 && docid <= upTo && mayRead(Int(docid)) { set.insert(docid) }

            // Each filter: any of its values (a union of cached bitmaps), all filters at once (an intersection).
            func anyOf(_ keys: [(key: String, keeps: (Int) -> Bool)]) -> DocidSet {
                var union = DocidSet(capacity: upTo)
                for (key, keeps) in keys { union.formUnion(table.bitmap(key, keeps)) }
                return union
            }
            func labels(_ facet: Int, _ wanted: [String]) -> [Int32] {
                let upper = Set(wanted.map { $0.uppercased() })
                return table.labels.indices.filter { table.labels[$0].facet == facet && upper.contains(table.labels[$0].value.uppercased()) }.map(
                    Int32.init)
            }
            func hasLabel(_ label: Int32) -> (Int) -> Bool {
                { docid in values[Int(offsets[docid])..<Int(offsets[docid + 1])].contains(label) }
            }
            let filters = admission.filters
            if !filters.posts.isEmpty {
                let indexes = SearchFilters.postKeys(filters.posts).compactMap { table.postKeys[$0] }
                set.formIntersection(anyOf(indexes.map { index in ("post|\(index)", { posts[$0] == index }) }))
            }
            if let range = filters.years {
                let present = table.yearsPresent.filter { range.contains(Int($0)) }
                set.formIntersection(anyOf(present.map { year in ("year|\(year)", { years[$0] == year }) }))
            }
            if !filters.classifications.isEmpty {
                set.formIntersection(
                    anyOf(filters.classifications.map { UInt8($0.rawValue) }.map { level in ("level|\(level)", { levels[$0] == level }) }))
            }
            if !filters.caveats.isEmpty {
                set.formIntersection(anyOf(labels(3, filters.caveats.map(\.rawValue)).map { label in ("label|\(label)", hasLabel(label)) }))
            }
            if !filters.tags.isEmpty {
                set.formIntersection(anyOf(labels(4, filters.tags).map { label in ("label|\(label)", hasLabel(label)) }))
            }
            set.removeAll(above: Int64(upTo))
            return set
        }
    }

    // MARK: Pages

    /// The page of `docids` by rank (lowest first, as FTS5 ranks), then newest first: what
    /// `ORDER BY rank, date DESC LIMIT limit OFFSET offset` would return.
    public func best(_ docids: [Int64], ranks: [Double], offset: Int, limit: Int) -> [Int64] {
        let dates = state.withLock { $0.dates }
        typealias Entry = (rank: Double, date: Int32, docid: Int64)
        var entries: [Entry] = []
        entries.reserveCapacity(docids.count)
        for (docid, rank) in zip(docids, ranks) {
            entries.append((rank, docid > 0 && docid < dates.count ? dates[Int(docid)] : 0, docid))
        }
        let precedes: (Entry, Entry) -> Bool = { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.date != b.date { return a.date > b.date }
            return a.docid > b.docid
        }
        return Self.top(entries, offset: offset, limit: limit, by: precedes).map(\.docid)
    }

    /// The page of `docids` newest first, then by reference ID descending: `ORDER BY date DESC, id DESC`.
    func newest(_ docids: [Int64], offset: Int, limit: Int) -> [Int64] {
        let (dates, ids) = state.withLock { ($0.dates, $0.ids) }
        let precedes: (Int64, Int64) -> Bool = { a, b in
            let (first, second) = (Int(a), Int(b))
            if dates[first] != dates[second] { return dates[first] > dates[second] }
            return ids[first] > ids[second]
        }
        return Self.top(docids, offset: offset, limit: limit, by: precedes)
    }

    /// Entries `offset ..< offset + limit` of `entries` in `precedes` order, without sorting them all:
    /// matches run to tens of thousands, pages to tens.
    static func top<Entry>(_ entries: [Entry], offset: Int, limit: Int, by precedes: (Entry, Entry) -> Bool) -> [Entry] {
        // Past the entries there is nothing to keep: bounding both first means no sum overflows,
        // whatever a caller asks for (`cable list --limit 9223372036854775807`).
        let wanted = min(max(0, offset), entries.count) + min(max(0, limit), entries.count)
        guard wanted > 0 else { return [] }
        var kept: [Entry] = []
        kept.reserveCapacity(wanted + 1)
        for entry in entries {
            if kept.count == wanted, !precedes(entry, kept[wanted - 1]) { continue }
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(kept[middle], entry) { low = middle + 1 } else { high = middle }
            }
            kept.insert(entry, at: low)
            if kept.count > wanted { kept.removeLast() }
        }
        return Array(kept.dropFirst(max(0, offset)))
    }

    // MARK: Facets

    /// Facet counts over the given cables (each docid once), most frequent value first.
    public func counts(of docids: [Int64]) -> [String: [String: Int]] {
        state.withLock { table in
            var tally = [Int](repeating: 0, count: table.labels.count)
            tally.withUnsafeMutableBufferPointer { tally in
                table.offsets.withUnsafeBufferPointer { offsets in
                    table.values.withUnsafeBufferPointer { values in
                        for docid in docids where docid > 0 && docid < offsets.count - 1 {
                            for index in Int(offsets[Int(docid)])..<Int(offsets[Int(docid) + 1]) { tally[Int(values[index])] += 1 }
                        }
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
