import Foundation
import GRDB
import PouchCore
import PouchSQLite
import PouchStore
import PouchTestSupport

/// `pouch-bench search`: the archive at the scale of the 2010 release. Imports generated plus real
/// cables into a fresh store (sealed, signed, blind-indexed), runs mixed queries as a user with
/// partial access, and the same queries against a plain SQLite FTS5 table over the same text;
/// checks a 5,000-cable sample against the brute-force reference; dumps the sample's file.
public struct SearchBenchmark: Sendable {
    public var generated: URL
    public var real: URL
    public var work: URL
    public var queries: Int
    public var sample: Int
    public var seed: UInt64
    /// Keep the stores of an earlier complete run in `work` and time queries only (for tuning).
    public var reuse: Bool

    public init(generated: URL, real: URL, work: URL, queries: Int = 1_000, sample: Int = 5_000, seed: UInt64 = 1, reuse: Bool = false) {
        self.generated = generated
        self.real = real
        self.work = work
        self.queries = queries
        self.sample = sample
        self.seed = seed
        self.reuse = reuse
    }

    public struct Report: Sendable {
        public var cables = 0
        public var importSeconds = 0.0
        public var pouch: [Double] = []
        public var plain: [Double] = []
        /// Each query's kind (as `mixedQueries` drew it) and match count, beside its times.
        public var kinds: [String] = []
        public var matches: [Int] = []
        public var sampleQueries = 0
        public var sampleSize = 0
        public var sampleMismatches: [String] = []
        public var forbiddenHits = 0
        public var stolenWordsChecked = 0
        public var stolenWordsFound: [String] = []

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }

        public var table: String {
            let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(1, values.count)) }
            let rate = Double(cables) / max(0.001, importSeconds)
            var lines = ["| measure | result | aim |", "|---|---|---|"]
            let imported =
                importSeconds > 0 ? "\(String(format: "%.0f", rate)) cables/s (\(String(format: "%.0f", importSeconds)) s)" : "not measured (--reuse)"
            lines.append("| import \(cables) cables (parse, seal, sign, blind-index, audit) | \(imported) | ≥ 1,000/s |")
            lines.append(
                "| \(pouch.count) mixed queries as a partial-access user: p50 / p99 | \(String(format: "%.1f", Self.percentile(pouch, 0.5))) ms / \(String(format: "%.1f", Self.percentile(pouch, 0.99))) ms | ≤ 20 / ≤ 150 ms |"
            )
            lines.append(
                "| same queries, plain SQLite FTS5 over the same text: p50 / p99 | \(String(format: "%.1f", Self.percentile(plain, 0.5))) ms / \(String(format: "%.1f", Self.percentile(plain, 0.99))) ms | |"
            )
            lines.append(
                "| Pouch time ÷ plain FTS5 time (total over all queries; p50) | \(String(format: "%.2f", mean(pouch) / max(0.0001, mean(plain)))); \(String(format: "%.2f", Self.percentile(pouch, 0.5) / max(0.0001, Self.percentile(plain, 0.5)))) | ≤ 2 |"
            )
            lines.append(
                "| \(sampleQueries) queries on a \(sampleSize)-cable sample vs brute force (hits and counts) | \(sampleMismatches.count) differ | 0 |"
            )
            lines.append("| hits the user may not read | \(forbiddenHits) | 0 |")
            lines.append("| stolen file (sqlite3 .dump): body/subject words found of \(stolenWordsChecked) checked | \(stolenWordsFound.count) | 0 |")
            return lines.joined(separator: "\n")
        }

        /// Times by kind of query: where the milliseconds go.
        public var breakdown: String {
            var lines = ["| kind | queries | median matches | Pouch p50 / p99 ms | plain p50 / p99 ms |", "|---|---|---|---|---|"]
            for kind in Set(kinds).sorted() {
                let indices = kinds.indices.filter { kinds[$0] == kind }
                let pick = { (values: [Double]) in indices.map { values[$0] } }
                let f = { (value: Double) in String(format: "%.1f", value) }
                lines.append(
                    "| \(kind) | \(indices.count) | \(Int(Self.percentile(indices.map { Double(matches[$0]) }, 0.5))) | "
                        + "\(f(Self.percentile(pick(pouch), 0.5))) / \(f(Self.percentile(pick(pouch), 0.99))) | \(f(Self.percentile(pick(plain), 0.5))) / \(f(Self.percentile(pick(plain), 0.99))) |"
                )
            }
            return lines.joined(separator: "\n")
        }
    }

    public func run(progress: @escaping @Sendable (String) -> Void) async throws -> Report {
        var report = Report()
        let generatedFiles = try ArchiveImport.files(in: [generated.path])
        let realFiles = try ArchiveImport.files(in: [real.path])
        let files = generatedFiles + realFiles
        let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
        let keyFile = work.appendingPathComponent("bench.key")
        let complete = work.appendingPathComponent("complete")
        let store: SealedStore
        let key: MasterKey
        var configuration = Configuration()
        // The same page cache as the store's connections.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        if reuse, FileManager.default.fileExists(atPath: complete.path), let bytes = FileManager.default.contents(atPath: keyFile.path) {
            progress("reusing the stores in \(work.path)")
            key = try MasterKey(bytes: Array(bytes))
            store = try SQLiteStore.open(at: work.appendingPathComponent("store").path, credential: .key(key))
        } else {
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
            key = try MasterKey(bytes: keyBytes)
            // Kept beside the scratch stores only so --reuse can reopen them.
            _ = FileManager.default.createFile(atPath: keyFile.path, contents: Data(keyBytes), attributes: [.posixPermissions: 0o600])

            // 1. Import everything into a fresh store.
            progress("importing \(files.count) files")
            store = try SQLiteStore.create(at: work.appendingPathComponent("store").path, credential: .key(key), administrator: admin)
            try await store.addUsers([Reader.analyst], as: "admin")
            let start = Date()
            let summary = try await ArchiveImport.run(files: files, into: store, as: "admin", batch: 1_000) { done in
                if done % 25_000 < 1_000 { progress("imported \(done)") }
            }
            report.importSeconds = Date().timeIntervalSince(start)
            report.cables = summary.imported
            progress("import: \(summary.imported) cables in \(String(format: "%.0f", report.importSeconds)) s; \(summary.failures.count) failed")

            // 2. The plain baseline: FTS5 with content over the same analysed text, envelope columns beside it.
            progress("building the plain FTS5 baseline")
            let plain = try DatabaseQueue(path: work.appendingPathComponent("plain.sqlite").path, configuration: configuration)
            try await buildPlain(plain, files: files)
            _ = FileManager.default.createFile(atPath: complete.path, contents: Data())
        }
        let plain = try DatabaseQueue(path: work.appendingPathComponent("plain.sqlite").path, configuration: configuration)
        if reuse { report.cables = try await plain.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM meta") ?? 0 } }

        // 3. Mixed queries.
        let realCables = await ArchiveImport.parse(realFiles).cables
        let drawn = Self.mixedQueries(from: realCables, count: queries, seed: seed)
        let queryTexts = drawn.map(\.text)
        let plainFacets = EnvelopeCache(table: "meta", hasAccessColumns: false)
        // As `pouch serve` does before it listens: the first query should not pay for loading them.
        try await store.warmSearchCaches()
        progress("running \(queryTexts.count) queries")
        for (kind, text) in drawn {
            let query = try SearchQuery(parsing: text)
            let clock = ContinuousClock()
            var total = 0
            let pouchTime = try await clock.measure {
                total = try await store.search(query, as: Reader.analyst.id, options: SearchOptions(limit: 20)).total
            }
            report.kinds.append(kind)
            report.matches.append(total)
            let plainTime = try clock.measure {
                try plainSearch(plain, facets: plainFacets, query: query, expand: { store.expandPrefix($0) })
            }
            report.pouch.append(pouchTime.milliseconds)
            report.plain.append(plainTime.milliseconds)
        }

        // 4. A 5,000-cable sample against brute force, and its file as a thief would read it.
        progress("checking a \(sample)-cable sample against brute force")
        let sampleFiles = Array(generatedFiles.prefix(max(0, sample - realFiles.count))) + realFiles
        let sampleCables = await ArchiveImport.parse(sampleFiles).cables
        try? FileManager.default.removeItem(at: work.appendingPathComponent("sample"))
        let sampleStore = try SQLiteStore.create(at: work.appendingPathComponent("sample").path, credential: .key(key), administrator: admin)
        try await sampleStore.addUsers([Reader.analyst], as: "admin")
        _ = try await sampleStore.importCables(sampleCables, as: "admin")
        let reference = ReferenceSearch(cables: sampleCables)
        report.sampleSize = reference.cables.count
        let byID = Dictionary(sampleCables.map { ($0.referenceID!.description, $0) }, uniquingKeysWith: { first, _ in first })
        for text in queryTexts {
            let query = try SearchQuery(parsing: text)
            let results = try await sampleStore.search(
                query, as: Reader.analyst.id, options: SearchOptions(limit: 1_000_000, facets: false, snippets: false))
            let expected = reference.hits(query, user: Reader.analyst)
            let found = Set(results.hits.map(\.summary.referenceID))
            if found != expected || results.total != expected.count { report.sampleMismatches.append(text) }
            report.forbiddenHits += found.filter { byID[$0].map { !ReferenceSearch.mayRead(Reader.analyst, $0) } ?? true }.count
            report.sampleQueries += 1
        }
        let stolen = try StolenFileCheck.run(store: work.appendingPathComponent("sample").path, cables: sampleCables)
        report.stolenWordsChecked = stolen.checked
        report.stolenWordsFound = stolen.found
        return report
    }

    /// The baseline's token for a term (FTS5 barewords: no colon, no NUL).
    static func plainToken(_ term: String) -> String {
        term.contains("\u{0}") ? "qqqnothingqqq" : term.replacingOccurrences(of: "ref:", with: "ref").lowercased()
    }

    func buildPlain(_ plain: DatabaseQueue, files: [String]) async throws {
        try await plain.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE plain USING fts5(subject, body, refs, tokenize='ascii', detail='full')")
            try db.execute(
                sql: """
                    CREATE TABLE meta (docid INTEGER PRIMARY KEY, id TEXT UNIQUE, post TEXT, postKey TEXT, year INTEGER, classification INTEGER,
                                       caveats TEXT, tags TEXT, date TEXT)
                    """)
        }
        for start in stride(from: 0, to: files.count, by: 2_000) {
            let cables = await ArchiveImport.parse(Array(files[start..<min(start + 2_000, files.count)])).cables
            var stems: [String: String] = [:]
            let rows = cables.map { cable -> (Cable, String, String, String) in
                let parts = BlindIndex.columns(of: cable)
                func text(_ value: String) -> String { SearchAnalyzer.terms(value, stems: &stems).map(\.stem).joined(separator: " ") }
                return (
                    cable, text(parts.subject), text(parts.body),
                    parts.cites.map { Self.plainToken(BlindIndex.citationTerm($0)) }.joined(separator: " ")
                )
            }
            try await plain.write { db in
                for (cable, subject, body, refs) in rows {
                    let id = cable.referenceID!
                    let post = (cable.origin.map(Post.init(fmLine:)) ?? Post(telegramPost: id.post))
                    let date = SealedStore.envelopeDate(of: cable, id: id)
                    if try Bool.fetchOne(db, sql: "SELECT 1 FROM meta WHERE id = ?", arguments: [id.description]) == true { continue }
                    try db.execute(
                        sql: "INSERT INTO meta (id, post, postKey, year, classification, caveats, tags, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            id.description, post.fmLine, post.referencePost, id.year, cable.classification.rawValue,
                            "," + cable.caveats.map { $0.rawValue + "," }.joined(), SealedStore.tagsColumn(cable.tags), date,
                        ])
                    try db.execute(
                        sql: "INSERT INTO plain (rowid, subject, body, refs) VALUES (?, ?, ?, ?)",
                        arguments: [db.lastInsertedRowID, subject, body, refs])
                }
            }
        }
    }

    /// The same work as the store's search, on the plain table: counts and facets (matching docids,
    /// facet values from memory, as the store does), then the page ranked by bm25 with FTS5's own snippets.
    func plainSearch(_ plain: DatabaseQueue, facets: EnvelopeCache, query: SearchQuery, expand: @escaping (String) -> Set<String>) throws {
        let compiled = FTS5Query(token: Self.plainToken, expand: expand).compile(query)
        let (from, conditions, arguments, bm25) = SearchSQL.clauses(compiled, filters: query.filters, envelope: "meta", index: "plain")
        let rank = bm25.map { "\($0), meta.date DESC" } ?? "meta.date DESC"
        let whereClause = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        let values = SQLiteConnection.arguments(SQLArguments(arguments))
        let matching = "SELECT meta.docid FROM \(from) WHERE \(whereClause)"
        let page = "SELECT meta.docid FROM \(from) WHERE \(whereClause) ORDER BY \(rank) LIMIT 20"
        let match = compiled.match
        try plain.inDatabase { db in
            // Counts and facets as the store makes them: matching docids from SQL, values from memory.
            try facets.refresh(SQLiteConnection(db))
            _ = facets.counts(of: try Int64.fetchAll(db, sql: matching, arguments: values))
            // As the store does: rank first, then the page's rows with FTS5's own snippets.
            let docids = try Int64.fetchAll(db, sql: page, arguments: values)
            for docid in docids {
                if let match {
                    _ = try Row.fetchOne(
                        db,
                        sql:
                            "SELECT meta.*, snippet(plain, 1, '[', ']', '…', 28) FROM plain JOIN meta ON meta.docid = plain.rowid WHERE plain MATCH ? AND plain.rowid = ?",
                        arguments: [match, docid])
                } else {
                    _ = try Row.fetchOne(
                        db, sql: "SELECT meta.*, plain.body FROM meta JOIN plain ON plain.rowid = meta.docid WHERE meta.docid = ?", arguments: [docid]
                    )
                }
            }
        }
    }

    /// Single words, phrases, boolean, prefixes, filtered and facet-only queries, drawn from real text and metadata.
    /// Words are drawn by occurrence from real paragraphs, skipping those in more than a fifth of
    /// the real cables ("said", "also", "government"): an analyst searches for content words.
    public static func mixedQueries(from cables: [Cable], count: Int, seed: UInt64) -> [(kind: String, text: String)] {
        var random = SplitMix(seed: seed)
        let paragraphs = cables.flatMap { $0.paragraphs.map(\.text) }.filter { $0.count > 200 }
        var documentFrequency: [String: Int] = [:]
        for cable in cables {
            let words = Set(cable.paragraphs.flatMap { $0.text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() } })
            for word in words { documentFrequency[word, default: 0] += 1 }
        }
        let common = max(1, cables.count / 5)
        func words() -> [String] {
            let text = paragraphs[Int.random(in: 0..<paragraphs.count, using: &random)]
            return text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
                .filter { $0.count >= 4 && !SearchAnalyzer.stopWords.contains($0) && documentFrequency[$0, default: 0] <= common }
        }
        func word() -> String {
            var list = words()
            while list.isEmpty { list = words() }
            return list[Int.random(in: 0..<list.count, using: &random)]
        }
        func phrase() -> String {
            let text = paragraphs[Int.random(in: 0..<paragraphs.count, using: &random)].split(separator: " ").map(String.init)
            let start = Int.random(in: 0..<max(1, text.count - 3), using: &random)
            let piece = text[start..<min(text.count, start + Int.random(in: 2...3, using: &random))].joined(separator: " ")
                .filter { $0.isLetter || $0 == " " }
            return "\"\(piece)\""
        }
        let tags = cables.flatMap(\.tags).filter { $0.count >= 2 && $0.allSatisfy(\.isLetter) }
        let posts = cables.compactMap { $0.referenceID?.post }
        func filter() -> String {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return "tag:\(tags[Int.random(in: 0..<tags.count, using: &random)])"
            case 1: return "post:\(posts[Int.random(in: 0..<posts.count, using: &random)])"
            case 2:
                let year = Int.random(in: 2000...2010, using: &random)
                return "year:\(year)-\(year + Int.random(in: 0...2, using: &random))"
            default: return "class:\(["confidential", "secret", "unclassified"][Int.random(in: 0..<3, using: &random)])"
            }
        }
        var queries: [(kind: String, text: String)] = []
        while queries.count < count {
            let roll = Int.random(in: 0..<100, using: &random)
            let kind: String
            let text: String
            switch roll {
            case 0..<30: (kind, text) = ("word", word())
            case 30..<50: (kind, text) = ("phrase", phrase())
            case 50..<58: (kind, text) = ("a OR b", "\(word()) OR \(word())")
            case 58..<64: (kind, text) = ("a -b", "\(word()) -\(word())")
            case 64..<68: (kind, text) = ("(a OR b) c", "(\(word()) OR \(word())) \(word())")
            case 68..<73: (kind, text) = ("prefix*", String(word().prefix(5)) + "*")
            case 73..<90: (kind, text) = ("word + filter", "\(word()) \(filter())")
            default: (kind, text) = ("filters only", "\(filter()) \(filter())")
            }
            if (try? SearchQuery(parsing: text)) != nil { queries.append((kind, text)) }
        }
        return queries
    }
}

extension Duration {
    /// In milliseconds, from PouchStore's `seconds`.
    var milliseconds: Double { seconds * 1000 }
}
