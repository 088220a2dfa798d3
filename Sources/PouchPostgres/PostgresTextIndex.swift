import Foundation
import PouchCore
import PouchStore

/// The full-text index of a PostgreSQL store: an inverted index of blind tokens, as FTS5 keeps
/// one. `posting` holds a row per token and cable: the token as a 48-bit integer, the docid, the
/// token's count weighted by column, the cable's length, and its positions (column and offset).
/// It holds no word, only keyed hashes; the leakage is FTS5's (docs/blind-index.md).
///
/// A query fetches the postings of its tokens in one statement, each token's as one packed value
/// (only the reader's admitted cables: the server tests each docid against their bitmap), and
/// evaluates its boolean structure here on bitmaps. Phrases are checked on positions. Ranks are
/// FTS5's `bm25` with weights 4 (subject), 1 (body) and 0 (references), from the same counts,
/// so both stores order results alike.
struct PostgresTextIndex: TextIndex {
    /// The first form (token arrays under a GIN index), kept so a database made with it migrates.
    static let migration = SchemaMigrator.Migration(
        "text-index-v1",
        [
            """
            CREATE TABLE textIndex (
                docid bigint PRIMARY KEY REFERENCES cable (docid), terms bigint[] NOT NULL,
                subject bigint[] NOT NULL, body bigint[] NOT NULL, refs bigint[] NOT NULL, length bigint NOT NULL)
            """,
            "CREATE INDEX textIndex_terms ON textIndex USING gin (terms)",
            // The index's totals for the rank's mean length, kept in the writers' transactions.
            "CREATE TABLE textIndexTotals (id bigint PRIMARY KEY, documents bigint NOT NULL, tokens bigint NOT NULL)",
            "INSERT INTO textIndexTotals (id, documents, tokens) VALUES (1, 0, 0)",
        ])

    /// Postings instead of arrays: a query reads its tokens' postings, not every matching cable's
    /// token sequences. The postings of a database made with the first form are computed from its
    /// sequences, then the sequences go.
    static let postingMigration = SchemaMigrator.Migration(
        "text-index-v2-postings",
        [
            // The frequency and length ride in the key's index, so a word's postings are read from it alone.
            """
            CREATE TABLE posting (
                token bigint NOT NULL, docid bigint NOT NULL, frequency integer NOT NULL, length integer NOT NULL,
                positions bytea NOT NULL, PRIMARY KEY (token, docid) INCLUDE (frequency, length))
            """,
            """
            INSERT INTO posting (token, docid, frequency, length, positions)
            SELECT p.token, t.docid, sum(CASE p.col WHEN 0 THEN 4 WHEN 1 THEN 1 ELSE 0 END), t.length,
                string_agg(int4send((p.col << 24) | (p.position - 1)::integer), ''::bytea ORDER BY p.col, p.position)
            FROM textIndex AS t CROSS JOIN LATERAL (
                SELECT 0 AS col, u.token, u.position FROM unnest(t.subject) WITH ORDINALITY AS u (token, position)
                UNION ALL SELECT 1, u.token, u.position FROM unnest(t.body) WITH ORDINALITY AS u (token, position)
                UNION ALL SELECT 2, u.token, u.position FROM unnest(t.refs) WITH ORDINALITY AS u (token, position)) AS p
            GROUP BY p.token, t.docid, t.length
            """,
            "ALTER TABLE textIndex DROP COLUMN terms, DROP COLUMN subject, DROP COLUMN body, DROP COLUMN refs",
        ])

    /// Postings in blocks, as FTS5 keeps doclists: a row per token and 1,024 docids, holding every
    /// posting of the token in that range (docid, weighted count, cable length; positions beside).
    /// A batch of a thousand cables is then tens of thousands of rows, not hundreds of thousands,
    /// and a query reads a common word's postings as a few hundred rows, not one per cable.
    static let blockMigration = SchemaMigrator.Migration(
        "text-index-v3-blocks",
        [
            """
            CREATE TABLE postingBlock (
                token bigint NOT NULL, block bigint NOT NULL, docs bytea NOT NULL, positions bytea NOT NULL, PRIMARY KEY (token, block))
            """,
            // Stored out of line without compression: sorted docids compress little, and a block is rewritten as it grows.
            "ALTER TABLE postingBlock ALTER COLUMN docs SET STORAGE EXTERNAL, ALTER COLUMN positions SET STORAGE EXTERNAL",
            """
            INSERT INTO postingBlock (token, block, docs, positions)
            SELECT token, docid >> 10, string_agg(int8send(docid) || int4send(frequency) || int4send(length), ''::bytea ORDER BY docid),
                string_agg(int4send(length(positions) / 4) || positions, ''::bytea ORDER BY docid)
            FROM posting GROUP BY token, docid >> 10
            """,
            "DROP TABLE posting",
        ])

    /// A block holds the postings of 2^10 consecutive docids.
    static let blockShift: Int64 = 10

    /// Column weights, as the SQLite store's `pouchrank(search, 4.0, 1.0, 0.0)`.
    static let weights: [Int] = [4, 1, 0]

    func add(docid: Int64, document: BlindIndex.Document, _ db: any SQLConnection) throws {
        try add([(docid, document)], db)
    }

    /// A batch's postings go in a few statements (each is a round trip): grouped by token and
    /// block, each group appended to its block, which the first cable of a block creates. Each
    /// cable's postings were worked out by `prepare`, on every core, before the store's one writer
    /// took the batch.
    func add(_ documents: [(docid: Int64, document: BlindIndex.Document)], _ db: any SQLConnection) throws {
        try add(documents, passesOf: Self.cablesPerPass, db)
    }

    /// `blocks` numbers a pass's cables in 16 bits: a bigger batch (`pouch import --batch`) goes in passes.
    func add(_ documents: [(docid: Int64, document: BlindIndex.Document)], passesOf size: Int, _ db: any SQLConnection) throws {
        let sorted = documents.sorted { $0.docid < $1.docid }
        let step = max(1, min(size, Self.cablesPerPass))
        for start in stride(from: 0, to: sorted.count, by: step) { try addPass(Array(sorted[start..<min(start + step, sorted.count)]), db) }
    }

    /// One pass of at most `cablesPerPass` cables, in docid order.
    private func addPass(_ sorted: [(docid: Int64, document: BlindIndex.Document)], _ db: any SQLConnection) throws {
        guard !sorted.isEmpty else { return }
        let cables = SealedStore.concurrentMap(sorted) { ($0.document.prepared as? CablePostings) ?? CablePostings($0.document) }
        let blocks = Self.blocks(cables, docids: sorted.map(\.docid))
        try db.insert(
            into: "textIndex", columns: ["docid", "length"], rows: zip(sorted, cables).map { [.integer($0.docid), .integer(Int64($1.length))] })
        try db.insert(
            into: "postingBlock", columns: ["token", "block", "docs", "positions"],
            rows: blocks.map { [.integer($0.token), .integer($0.block), .blob($0.docs), .blob($0.positions)] },
            onConflict: """
                ON CONFLICT (token, block) DO UPDATE
                SET docs = postingBlock.docs || excluded.docs, positions = postingBlock.positions || excluded.positions
                """)
        try db.execute(
            sql: "UPDATE textIndexTotals SET documents = documents + ?, tokens = tokens + ? WHERE id = 1",
            arguments: [cables.count, cables.reduce(0) { $0 + $1.length }])
    }

    /// The most cables `blocks` takes at once.
    static let cablesPerPass = 1 << 16

    /// The rows a batch adds to (or appends to) `postingBlock`, in key order, so consecutive rows
    /// land on neighbouring index pages. `docids` ascend, one per cable.
    ///
    /// No hashing: the cables are in docid order, so (token, cable's place in the batch) orders
    /// the postings as (token, block, docid), and packs into one integer (a token has 48 bits).
    /// As the keys are walked each cable's tokens come in its own order, so a cursor per cable
    /// finds each posting's data.
    static func blocks(_ cables: [CablePostings], docids: [Int64]) -> [(token: Int64, block: Int64, docs: Data, positions: Data)] {
        precondition(cables.count <= cablesPerPass, "at most 65,536 cables in one pass")
        // Flat arrays of every posting (cable after cable), read without touching the cables again.
        var starts: [Int] = []
        var tokens: [Int64] = []
        var records: [UInt8] = []
        var positions: [UInt8] = []
        var spans: [Int] = [0]
        for (cable, docid) in zip(cables, docids) {
            starts.append(tokens.count)
            tokens += cable.tokens
            var start = 0
            for (frequency, end) in zip(cable.frequencies, cable.ends) {
                append(UInt64(bitPattern: docid), to: &records)
                append(UInt32(bitPattern: frequency), to: &records)
                append(UInt32(cable.length), to: &records)
                spans.append(positions.count + Int(end) - start)
                positions += cable.positions[start..<Int(end)]
                start = Int(end)
            }
        }
        var keys: [UInt64] = []
        keys.reserveCapacity(tokens.count)
        for (place, cable) in cables.enumerated() {
            for token in cable.tokens { keys.append(UInt64(bitPattern: token) << 16 | UInt64(place)) }
        }
        keys.sort()
        var cursors = starts
        var rows: [(token: Int64, block: Int64, docs: Data, positions: Data)] = []
        var first = 0
        while first < keys.count {
            // One row: the postings of one token among the cables of one block.
            let place = Int(keys[first] & 0xFFFF)
            let token = tokens[cursors[place]]
            let block = docids[place] >> blockShift
            var docs: [UInt8] = []
            var bytes: [UInt8] = []
            var next = first
            while next < keys.count {
                let other = Int(keys[next] & 0xFFFF)
                let posting = cursors[other]
                guard tokens[posting] == token, docids[other] >> blockShift == block else { break }
                cursors[other] += 1
                docs.append(contentsOf: records[posting * 16..<posting * 16 + 16])
                bytes.append(contentsOf: positions[spans[posting]..<spans[posting + 1]])
                next += 1
            }
            rows.append((token, block, Data(docs), Data(bytes)))
            first = next
        }
        return rows
    }

    /// One cable's postings, in token order: per token its count weighted by column and where its
    /// positions end in `positions`, which holds per token a count and that many positions
    /// (column << 24 | offset), as a block stores them.
    ///
    /// A block's `docs` holds per cable its docid (8 bytes), weighted count and length (4 each);
    /// its `positions`, per cable in the same order, what is here. Big-endian, as PostgreSQL's
    /// `int8send` writes, so a migration can build them in SQL.
    struct CablePostings: Sendable {
        var length = 0
        var tokens: [Int64] = []
        var frequencies: [Int32] = []
        var ends: [Int32] = []
        var positions: [UInt8] = []

        init(_ document: BlindIndex.Document) {
            // Positions in column and offset order; then (token, place) sorted as one integer (a
            // token has 48 bits), which keeps each token's positions together and in order.
            var all: [Int64] = []
            var places: [UInt32] = []
            for (column, text) in [document.subject, document.body, document.refs].enumerated() {
                for (offset, token) in PostgresTextIndex.tokens(text).enumerated() {
                    all.append(token)
                    places.append(UInt32(column) << 24 | UInt32(min(offset, 0xFF_FFFF)))
                }
            }
            length = all.count
            let keys: [UInt64]
            let mask: UInt64
            if all.count <= 1 << 16 {
                keys = all.enumerated().map { UInt64(bitPattern: $0.element) << 16 | UInt64($0.offset) }.sorted()
                mask = 0xFFFF
            } else {
                // More than 65,536 tokens in one cable: sorted as pairs, in the same (unsigned, 48-bit) token order.
                keys = all.indices.sorted { (UInt64(bitPattern: all[$0]) << 16, $0) < (UInt64(bitPattern: all[$1]) << 16, $1) }.map(UInt64.init)
                mask = UInt64.max
            }
            positions.reserveCapacity(all.count * 8)
            var first = 0
            while first < keys.count {
                let token = all[Int(keys[first] & mask)]
                var last = first
                var frequency: Int32 = 0
                while last < keys.count, all[Int(keys[last] & mask)] == token {
                    frequency += Int32(PostgresTextIndex.weights[Int(places[Int(keys[last] & mask)] >> 24)])
                    last += 1
                }
                tokens.append(token)
                frequencies.append(frequency)
                PostgresTextIndex.append(UInt32(last - first), to: &positions)
                for key in keys[first..<last] { PostgresTextIndex.append(places[Int(key & mask)], to: &positions) }
                ends.append(Int32(positions.count))
                first = last
            }
        }
    }

    static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    func prepare(_ document: BlindIndex.Document) -> BlindIndex.Document {
        var document = document
        document.prepared = CablePostings(document)
        return document
    }

    func warm(_ db: any SQLConnection) throws {}

    func matches(
        _ query: SearchQuery, terms: SearchTerms, admitted: inout DocidSet, ranked: Bool, upTo: Int64, _ db: any SQLConnection
    ) throws -> MatchPass? {
        let compiler = Compiler(terms: terms)
        var positive: Node?
        var excluded: Node?
        if let expression = query.expression {
            let node = compiler.node(expression)
            if case .not(let inner) = node {
                excluded = inner
            } else if case .all(let children) = node, !children.isEmpty, children.allSatisfy({ if case .not = $0 { true } else { false } }) {
                excluded = .any(children.map { if case .not(let inner) = $0 { inner } else { $0 } })
            } else {
                positive = node
            }
        }
        if !query.filters.cites.isEmpty {
            let cites = Node.any(query.filters.cites.map { .tokens([compiler.token(BlindIndex.citationTerm($0))], phrase: false) })
            positive = positive.map { .all([$0, cites]) } ?? cites
        }
        admitted.removeAll(above: upTo)
        if let excluded {
            let postings = try Postings.fetch(excluded, admitted: admitted, upTo: upTo, db)
            for docid in postings.evaluate(excluded, universe: admitted).members { admitted.remove(docid) }
        }
        guard let positive else { return nil }
        let postings = try Postings.fetch(positive, admitted: admitted, upTo: upTo, db)
        let docids = postings.evaluate(positive, universe: admitted).members
        guard ranked else { return MatchPass(docids: docids, ranks: nil) }
        return MatchPass(docids: docids, ranks: try postings.ranks(of: docids, phrases: positive.phrases, db))
    }

    // MARK: Tokens

    /// A token ("k" and 12 hex digits) as the integer the index holds.
    static func number(_ token: String) -> Int64 {
        Int64(token.dropFirst(), radix: 16) ?? -1
    }

    /// A column's space-separated tokens as integers (over bytes: a cable has hundreds).
    static func tokens(_ column: String) -> [Int64] {
        var result: [Int64] = []
        var value: Int64 = 0
        var inToken = false
        var valid = true
        for byte in column.utf8 {
            switch byte {
            case UInt8(ascii: " "):
                if inToken { result.append(valid ? value : -1) }
                (value, inToken, valid) = (0, false, true)
            case UInt8(ascii: "k") where !inToken:
                inToken = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value << 4 | Int64(byte - UInt8(ascii: "0"))
                inToken = true
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                value = value << 4 | Int64(byte - UInt8(ascii: "a") + 10)
                inToken = true
            default:
                (inToken, valid) = (true, false)
            }
        }
        if inToken { result.append(valid ? value : -1) }
        return result
    }

    /// An array literal of integers: nothing but digits, commas and signs, so it is safe inline.
    static func array(_ values: [Int64]) -> String {
        "'{" + values.map(String.init).joined(separator: ",") + "}'::bigint[]"
    }

    // MARK: Queries

    /// A query's text over tokens.
    indirect enum Node {
        /// Every token, consecutive in one column when `phrase`.
        case tokens([Int64], phrase: Bool)
        /// Any of these tokens (a prefix's words); none matches nothing.
        case anyToken([Int64])
        case all([Node])
        case any([Node])
        case not(Node)

        /// Every token the node names, and those inside phrases of several words (whose positions are read).
        var tokens: (all: Set<Int64>, phrased: Set<Int64>) {
            switch self {
            case .tokens(let tokens, let phrase): (Set(tokens), phrase && tokens.count > 1 ? Set(tokens) : [])
            case .anyToken(let tokens): (Set(tokens), [])
            case .all(let children), .any(let children):
                children.map(\.tokens).reduce(into: (Set<Int64>(), Set<Int64>())) {
                    $0.0.formUnion($1.all)
                    $0.1.formUnion($1.phrased)
                }
            case .not(let inner): inner.tokens
            }
        }

        /// The phrases FTS5 would rank (every word, prefix word and phrase outside a NOT), in query order.
        var phrases: [[Int64]] {
            switch self {
            case .tokens(let tokens, let phrase): phrase ? [tokens] : tokens.map { [$0] }
            case .anyToken(let tokens): tokens.map { [$0] }
            case .all(let children), .any(let children): children.flatMap(\.phrases)
            case .not: []
            }
        }
    }

    struct Compiler {
        let terms: SearchTerms

        func token(_ stem: String) -> Int64 { PostgresTextIndex.number(terms.token(stem)) }

        func node(_ expression: SearchExpression) -> Node {
            switch expression {
            case .term(let stem): .tokens([token(stem)], phrase: false)
            case .prefix(let letters): .anyToken(terms.expand(letters).sorted().map(token))
            case .phrase(let stems): .tokens(stems.map(token), phrase: true)
            case .any(let children): .any(children.map(node))
            case .all(let children): .all(children.map(node))
            case .not(let inner): .not(node(inner))
            }
        }
    }

    /// The postings of a query's tokens: per token, the admitted cables holding it (ascending, with
    /// weighted count and length) and how many cables hold it in all; for tokens of phrases,
    /// every cable's positions too (a phrase's rank counts the cables holding it, admitted or not).
    struct Postings {
        struct List {
            var docids: [Int64] = []
            var frequencies: [Int32] = []
            var lengths: [Int32] = []
            /// Cables holding the token, admitted or not (its IDF).
            var documents = 0

            mutating func append(_ other: List) {
                docids += other.docids
                frequencies += other.frequencies
                lengths += other.lengths
                documents += other.documents
            }
        }

        var lists: [Int64: List] = [:]
        /// For tokens of phrases: every cable's positions, by docid.
        var positions: [Int64: [Int64: [UInt32]]] = [:]

        /// One statement: every block of the query's tokens up to `upTo` (the positions only for
        /// tokens of phrases), filtered to the admitted cables here, so the database server sees
        /// neither the reader's access nor which postings were kept.
        static func fetch(_ node: Node, admitted: DocidSet, upTo: Int64, _ db: any SQLConnection) throws -> Postings {
            var postings = Postings()
            let (all, phrased) = node.tokens
            guard !all.isEmpty else { return postings }
            // Every row at once (a query's blocks are bounded): a cursor would cost two more round trips.
            let rows = try db.fetchAll(
                sql: """
                    SELECT token, docs, CASE WHEN token = ANY(\(PostgresTextIndex.array(phrased.sorted()))) THEN positions END AS positions
                    FROM postingBlock WHERE token = ANY(\(PostgresTextIndex.array(all.sorted()))) AND block <= ? ORDER BY token, block
                    """, arguments: [upTo >> PostgresTextIndex.blockShift])
            for row in rows {
                let token: Int64 = row["token"]
                let docs = (row["docs"] as SQLValue).blobBytes ?? []
                let positions = (row["positions"] as SQLValue).blobBytes
                var list = List()
                var byDocid: [Int64: [UInt32]] = [:]
                docs.withUnsafeBytes { docs in
                    let count = docs.count / 16
                    list.docids.reserveCapacity(count)
                    list.frequencies.reserveCapacity(count)
                    list.lengths.reserveCapacity(count)
                    positions.map { positions in
                        positions.withUnsafeBytes { positions in
                            var offset = 0
                            for index in 0..<count {
                                let docid = Int64(bitPattern: docs.loadUnaligned(fromByteOffset: index * 16, as: UInt64.self).bigEndian)
                                guard offset + 4 <= positions.count else { break }
                                let size = Int(positions.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian)
                                offset += 4
                                guard docid <= upTo, offset + size * 4 <= positions.count else { break }
                                byDocid[docid] = (0..<size).map {
                                    positions.loadUnaligned(fromByteOffset: offset + $0 * 4, as: UInt32.self).bigEndian
                                }
                                offset += size * 4
                            }
                        }
                    }
                    for index in 0..<count {
                        let base = index * 16
                        let docid = Int64(bitPattern: docs.loadUnaligned(fromByteOffset: base, as: UInt64.self).bigEndian)
                        // Blocks and the postings in them are in docid order: past the snapshot, nothing more.
                        guard docid <= upTo else { break }
                        list.documents += 1
                        guard admitted.contains(docid) else { continue }
                        list.docids.append(docid)
                        list.frequencies.append(Int32(bitPattern: docs.loadUnaligned(fromByteOffset: base + 8, as: UInt32.self).bigEndian))
                        list.lengths.append(Int32(bitPattern: docs.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self).bigEndian))
                    }
                }
                postings.lists[token, default: List()].append(list)
                if positions != nil { postings.positions[token, default: [:]].merge(byDocid) { first, _ in first } }
            }
            return postings
        }

        /// The admitted cables holding `token`.
        func set(_ token: Int64, capacity: Int) -> DocidSet {
            var set = DocidSet(capacity: capacity)
            for docid in lists[token]?.docids ?? [] { set.insert(docid) }
            return set
        }

        /// Where the phrase occurs, by docid: its count in each column, among every cable.
        func occurrences(_ phrase: [Int64]) -> [Int64: [Int]] {
            guard let first = phrase.first, let starts = positions[first] else { return [:] }
            var found: [Int64: [Int]] = [:]
            for (docid, firsts) in starts {
                let rest = phrase.dropFirst().map { positions[$0]?[docid].map(Set.init) }
                guard rest.allSatisfy({ $0 != nil }) else { continue }
                var counts = [0, 0, 0]
                for start in firsts {
                    var index: UInt32 = 1
                    var whole = true
                    for following in rest {
                        // Offsets stay within their column: the column is the top byte.
                        if !following!.contains(start + index) {
                            whole = false
                            break
                        }
                        index += 1
                    }
                    if whole, Int(start >> 24) < counts.count { counts[Int(start >> 24)] += 1 }
                }
                if counts.contains(where: { $0 > 0 }) { found[docid] = counts }
            }
            return found
        }

        /// The admitted cables `node` matches; `universe` is what a NOT is taken from.
        func evaluate(_ node: Node, universe: DocidSet) -> DocidSet {
            let capacity = universe.words.count * 64
            switch node {
            case .tokens(let tokens, let phrase):
                guard let first = tokens.first else { return DocidSet(capacity: 0) }
                if phrase && tokens.count > 1 {
                    var set = DocidSet(capacity: capacity)
                    for docid in occurrences(tokens).keys where universe.contains(docid) { set.insert(docid) }
                    return set
                }
                var set = self.set(first, capacity: capacity)
                for token in tokens.dropFirst() { set.formIntersection(self.set(token, capacity: capacity)) }
                return set
            case .anyToken(let tokens):
                var set = DocidSet(capacity: capacity)
                for token in tokens { set.formUnion(self.set(token, capacity: capacity)) }
                return set
            case .all(let children):
                var set = universe
                for child in children {
                    if case .not(let inner) = child {
                        set.formDifference(evaluate(inner, universe: universe))
                    } else {
                        set.formIntersection(evaluate(child, universe: universe))
                    }
                }
                return set
            case .any(let children):
                var set = DocidSet(capacity: capacity)
                for child in children { set.formUnion(evaluate(child, universe: universe)) }
                return set
            case .not(let inner):
                var set = universe
                set.formDifference(evaluate(inner, universe: universe))
                return set
            }
        }

        /// FTS5's bm25 of each match: each phrase's IDF from the cables holding it, its weighted
        /// count in the match, the match's length against the mean.
        func ranks(of docids: [Int64], phrases: [[Int64]], _ db: any SQLConnection) throws -> [Double] {
            guard !docids.isEmpty else { return [] }
            let totals = try db.fetchOne(sql: "SELECT documents, tokens FROM textIndexTotals WHERE id = 1", arguments: [])
            let rows = Double(totals.map { $0["documents"] as Int64 } ?? 0)
            let meanLength = Double(totals.map { $0["tokens"] as Int64 } ?? 0) / max(1, rows)
            // Matches and postings are both in docid order: each list is walked beside the matches once.
            var lengths = [Int32](repeating: 0, count: docids.count)
            for list in lists.values {
                Self.walk(list.docids, beside: docids) { match, posting in lengths[match] = list.lengths[posting] }
            }
            // Per phrase: its IDF and each match's weighted count.
            var scored: [(idf: Double, frequencies: [Int32])] = []
            for phrase in phrases {
                let hits: Double
                var frequencies = [Int32](repeating: 0, count: docids.count)
                if phrase.count == 1 {
                    let list = lists[phrase[0]] ?? List()
                    hits = Double(list.documents)
                    Self.walk(list.docids, beside: docids) { match, posting in frequencies[match] = list.frequencies[posting] }
                } else {
                    let found = occurrences(phrase)
                    hits = Double(found.count)
                    for (match, docid) in docids.enumerated() {
                        guard let counts = found[docid] else { continue }
                        frequencies[match] = Int32(zip(counts, PostgresTextIndex.weights).reduce(0) { $0 + $1.0 * $1.1 })
                    }
                }
                let idf = log((rows - hits + 0.5) / (hits + 0.5))
                scored.append((idf <= 0 ? 1e-6 : idf, frequencies))
            }
            let k1 = 1.2
            let b = 0.75
            return docids.indices.map { match in
                let length = Double(lengths[match])
                var score = 0.0
                for (idf, frequencies) in scored {
                    let frequency = Double(frequencies[match])
                    score += idf * (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * length / meanLength))
                }
                return -score
            }
        }

        /// Calls `body(match, posting)` for each docid in both ascending lists, by their indexes.
        static func walk(_ postings: [Int64], beside matches: [Int64], _ body: (Int, Int) -> Void) {
            var posting = 0
            var match = 0
            while posting < postings.count, match < matches.count {
                if postings[posting] < matches[match] {
                    posting += 1
                } else if postings[posting] > matches[match] {
                    match += 1
                } else {
                    body(match, posting)
                    posting += 1
                    match += 1
                }
            }
        }
    }
}
