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

    /// Column weights, as the SQLite store's `pouchrank(search, 4.0, 1.0, 0.0)`.
    static let weights: [Int] = [4, 1, 0]

    func add(docid: Int64, document: BlindIndex.Document, _ db: any SQLConnection) throws {
        let columns = [document.subject, document.body, document.refs].map(Self.tokens)
        let length = columns.reduce(0) { $0 + $1.count }
        var entries: [Int64: (frequency: Int, positions: [UInt32])] = [:]
        for (column, tokens) in columns.enumerated() {
            for (offset, token) in tokens.enumerated() {
                entries[token, default: (0, [])].frequency += Self.weights[column]
                entries[token, default: (0, [])].positions.append(UInt32(column) << 24 | UInt32(min(offset, 0xFF_FFFF)))
            }
        }
        let sorted = entries.sorted { $0.key < $1.key }
        try db.execute(sql: "INSERT INTO textIndex (docid, length) VALUES (?, ?)", arguments: [docid, length])
        if !sorted.isEmpty {
            // Integers and hex digits only, so the arrays are safe inline; written as bytes, since
            // a cable has hundreds of postings and formatting them was most of an import's time.
            var sql = Array(
                "INSERT INTO posting (token, docid, frequency, length, positions) SELECT token, ?, frequency, ?, positions FROM unnest('{".utf8)
            sql.reserveCapacity(sorted.count * 40 + length * 10 + 256)
            for (index, entry) in sorted.enumerated() {
                if index > 0 { sql.append(UInt8(ascii: ",")) }
                sql.append(contentsOf: String(entry.key).utf8)
            }
            sql.append(contentsOf: "}'::bigint[], '{".utf8)
            for (index, entry) in sorted.enumerated() {
                if index > 0 { sql.append(UInt8(ascii: ",")) }
                sql.append(contentsOf: String(entry.value.frequency).utf8)
            }
            sql.append(contentsOf: "}'::integer[], '{".utf8)
            let hex = Array("0123456789abcdef".utf8)
            for (index, entry) in sorted.enumerated() {
                if index > 0 { sql.append(UInt8(ascii: ",")) }
                // "\\x…": an array element in quotes, its backslash escaped, read as bytea's hex form.
                sql.append(contentsOf: "\"\\\\x".utf8)
                for position in entry.value.positions {
                    for shift in stride(from: 28, through: 0, by: -4) { sql.append(hex[Int((position >> UInt32(shift)) & 0xF)]) }
                }
                sql.append(UInt8(ascii: "\""))
            }
            sql.append(contentsOf: "}'::bytea[]) AS u (token, frequency, positions)".utf8)
            try db.execute(sql: String(decoding: sql, as: UTF8.self), arguments: [docid, length])
        }
        try db.execute(sql: "UPDATE textIndexTotals SET documents = documents + 1, tokens = tokens + ? WHERE id = 1", arguments: [length])
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
        }

        var lists: [Int64: List] = [:]
        /// For tokens of phrases: every cable's positions, by docid.
        var positions: [Int64: [Int64: [UInt32]]] = [:]

        static func fetch(_ node: Node, admitted: DocidSet, upTo: Int64, _ db: any SQLConnection) throws -> Postings {
            var postings = Postings()
            let (all, phrased) = node.tokens
            guard !all.isEmpty else { return postings }
            let bitmap = admitted.blob
            // get_bit reads the bitmap as DocidSet lays it out (byte docid / 8, bit docid % 8 from the lowest);
            // CASE, because SQL does not promise to test the bound first, and past the end get_bit fails.
            try db.forEachRow(
                sql: """
                    SELECT token, COUNT(*) AS documents,
                        string_agg(int8send(docid) || int4send(frequency) || int4send(length), ''::bytea ORDER BY docid)
                            FILTER (WHERE CASE WHEN docid < ? THEN get_bit(?, docid::integer) = 1 ELSE FALSE END) AS admitted
                    FROM posting WHERE token = ANY(\(PostgresTextIndex.array(all.sorted()))) AND docid <= ? GROUP BY token
                    """, arguments: [Int64(bitmap.count) * 8, bitmap, upTo]
            ) { row in
                var list = List()
                list.documents = row["documents"]
                let bytes = (row["admitted"] as SQLValue).blobBytes ?? []
                let count = bytes.count / 16
                list.docids.reserveCapacity(count)
                list.frequencies.reserveCapacity(count)
                list.lengths.reserveCapacity(count)
                var offset = 0
                while offset + 16 <= bytes.count {
                    list.docids.append(Self.int64(bytes, offset))
                    list.frequencies.append(Self.int32(bytes, offset + 8))
                    list.lengths.append(Self.int32(bytes, offset + 12))
                    offset += 16
                }
                postings.lists[row["token"]] = list
            }
            guard !phrased.isEmpty else { return postings }
            try db.forEachRow(
                sql: """
                    SELECT token, string_agg(int8send(docid) || int4send(length(positions)) || positions, ''::bytea ORDER BY docid) AS positions
                    FROM posting WHERE token = ANY(\(PostgresTextIndex.array(phrased.sorted()))) AND docid <= ? GROUP BY token
                    """, arguments: [upTo]
            ) { row in
                let bytes = (row["positions"] as SQLValue).blobBytes ?? []
                var byDocid: [Int64: [UInt32]] = [:]
                var offset = 0
                while offset + 12 <= bytes.count {
                    let docid = Self.int64(bytes, offset)
                    let size = Int(Self.int32(bytes, offset + 8))
                    offset += 12
                    byDocid[docid] = stride(from: offset, to: offset + size, by: 4).map { UInt32(bitPattern: Self.int32(bytes, $0)) }
                    offset += size
                }
                postings.positions[row["token"]] = byDocid
            }
            return postings
        }

        static func int64(_ bytes: [UInt8], _ offset: Int) -> Int64 {
            var value: UInt64 = 0
            for index in offset..<(offset + 8) { value = value << 8 | UInt64(bytes[index]) }
            return Int64(bitPattern: value)
        }

        static func int32(_ bytes: [UInt8], _ offset: Int) -> Int32 {
            var value: UInt32 = 0
            for index in offset..<(offset + 4) { value = value << 8 | UInt32(bytes[index]) }
            return Int32(bitPattern: value)
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
            var lengths: [Int64: Int32] = [:]
            for list in lists.values {
                for (docid, length) in zip(list.docids, list.lengths) { lengths[docid] = length }
            }
            // Per phrase: its IDF and each match's weighted count.
            var scored: [(idf: Double, frequency: [Int64: Int])] = []
            for phrase in phrases {
                let hits: Double
                var frequency: [Int64: Int] = [:]
                if phrase.count == 1 {
                    let list = lists[phrase[0]] ?? List()
                    hits = Double(list.documents)
                    for (docid, count) in zip(list.docids, list.frequencies) { frequency[docid] = Int(count) }
                } else {
                    let found = occurrences(phrase)
                    hits = Double(found.count)
                    for (docid, counts) in found { frequency[docid] = zip(counts, PostgresTextIndex.weights).reduce(0) { $0 + $1.0 * $1.1 } }
                }
                let idf = log((rows - hits + 0.5) / (hits + 0.5))
                scored.append((idf <= 0 ? 1e-6 : idf, frequency))
            }
            let k1 = 1.2
            let b = 0.75
            return docids.map { docid in
                let length = Double(lengths[docid] ?? 0)
                var score = 0.0
                for (idf, frequencies) in scored {
                    let frequency = Double(frequencies[docid] ?? 0)
                    score += idf * (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * length / meanLength))
                }
                return -score
            }
        }
    }
}
