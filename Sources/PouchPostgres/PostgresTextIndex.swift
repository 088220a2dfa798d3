import Foundation
import PouchCore
import PouchStore

/// The full-text index of a PostgreSQL store: per cable, its blind tokens as 48-bit integers —
/// the distinct ones in `terms` under a GIN index (what a query's words select on), and each
/// column's tokens in text order (what phrases and ranks are read from). Like SQLite's FTS5 index
/// it holds no word, only keyed hashes; the leakage is the same (docs/blind-index.md).
///
/// A query's boolean structure becomes array tests on `terms` (`@>` for every token of a term or
/// phrase, `&&` for a prefix's words); phrases are then checked on the token sequences of the
/// cables that hold all their words. Ranks are FTS5's `bm25` with weights 4 (subject), 1 (body)
/// and 0 (references), from the same counts, so both stores order results alike.
struct PostgresTextIndex: TextIndex {
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

    /// Column weights, as the SQLite store's `pouchrank(search, 4.0, 1.0, 0.0)`.
    static let weights: [Double] = [4, 1, 0]

    func add(docid: Int64, document: BlindIndex.Document, _ db: any SQLConnection) throws {
        let columns = [document.subject, document.body, document.refs].map(Self.tokens)
        let terms = Set(columns.joined()).sorted()
        let length = columns.reduce(0) { $0 + $1.count }
        try db.execute(
            sql:
                "INSERT INTO textIndex (docid, terms, subject, body, refs, length) VALUES (?, \(Self.array(terms)), \(Self.array(columns[0])), \(Self.array(columns[1])), \(Self.array(columns[2])), ?)",
            arguments: [docid, length])
        try db.execute(sql: "UPDATE textIndexTotals SET documents = documents + 1, tokens = tokens + ? WHERE id = 1", arguments: [length])
    }

    func warm(_ db: any SQLConnection) throws {}

    func matches(
        _ query: SearchQuery, terms: SearchTerms, admitted: inout DocidSet, ranked: Bool, upTo: Int64, _ db: any SQLConnection
    ) throws -> MatchPass? {
        let compiler = Compiler(terms: terms)
        var positive: Node?
        if let expression = query.expression {
            let node = compiler.node(expression)
            if case .not(let inner) = node {
                try exclude(inner, from: &admitted, db)
            } else if case .all(let children) = node, !children.isEmpty, children.allSatisfy({ if case .not = $0 { true } else { false } }) {
                try exclude(.any(children.map { if case .not(let inner) = $0 { inner } else { $0 } }), from: &admitted, db)
            } else {
                positive = node
            }
        }
        if !query.filters.cites.isEmpty {
            let cites = Node.any(query.filters.cites.map { .tokens([compiler.token(BlindIndex.citationTerm($0))], phrase: false) })
            positive = positive.map { .all([$0, cites]) } ?? cites
        }
        guard let positive else { return nil }
        let candidates = try documents(matching: positive, upTo: upTo, db).filter { admitted.contains($0.docid) }
        let matched = candidates.filter { positive.holds(in: $0) }
        guard ranked else { return MatchPass(docids: matched.map(\.docid), ranks: nil) }
        let ranks = try rank(matched, phrases: positive.phrases, db)
        return MatchPass(docids: matched.map(\.docid), ranks: ranks)
    }

    /// Removes the cables `node` matches from `admitted` (a query of NOT clauses only).
    private func exclude(_ node: Node, from admitted: inout DocidSet, _ db: any SQLConnection) throws {
        for document in try documents(matching: node, upTo: Int64.max, db) where node.holds(in: document) {
            admitted.remove(document.docid)
        }
    }

    /// The cables whose terms could match (exactly those that do, unless phrases need checking),
    /// in docid order, with their token sequences when a phrase must be checked.
    private func documents(matching node: Node, upTo: Int64, _ db: any SQLConnection) throws -> [Document] {
        let sequences = node.hasPhrase ? "subject, body, refs" : "NULL AS subject, NULL AS body, NULL AS refs"
        return try db.fetchAll(
            sql: "SELECT docid, \(sequences) FROM textIndex WHERE docid <= ? AND \(node.condition) ORDER BY docid", arguments: [upTo]
        ).map(Document.init)
    }

    /// FTS5's bm25 over the matches: each phrase's IDF from the cables holding it, its weighted
    /// count in each match, the match's length against the mean.
    private func rank(_ matched: [Document], phrases: [[Int64]], _ db: any SQLConnection) throws -> [Double] {
        guard !matched.isEmpty else { return [] }
        let totals = try db.fetchOne(sql: "SELECT documents, tokens FROM textIndexTotals WHERE id = 1", arguments: [])
        let rows = Double(totals.map { $0["documents"] as Int64 } ?? 0)
        let meanLength = Double(totals.map { $0["tokens"] as Int64 } ?? 0) / max(1, rows)
        var idf: [Double] = []
        for phrase in phrases {
            // A word's cables are counted by the GIN index alone; a phrase's are checked in order.
            let hits: Double
            if phrase.count == 1 {
                hits = Double(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM textIndex WHERE terms @> \(Self.array(phrase))") ?? 0)
            } else {
                hits = Double(
                    try db.fetchAll(
                        sql: "SELECT docid, subject, body, refs FROM textIndex WHERE terms @> \(Self.array(Array(Set(phrase)).sorted()))",
                        arguments: []
                    ).map(Document.init).filter { $0.count(phrase, weights: [1, 1, 1]) > 0 }.count)
            }
            let value = log((rows - hits + 0.5) / (hits + 0.5))
            idf.append(value <= 0 ? 1e-6 : value)
        }
        let full = try sequences(of: matched.map(\.docid), db)
        let k1 = 1.2
        let b = 0.75
        return matched.map { match in
            guard let document = full[match.docid] else { return 0 }
            var score = 0.0
            for (phrase, weight) in zip(phrases, idf) {
                let frequency = document.count(phrase, weights: Self.weights)
                score += weight * (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * Double(document.length) / meanLength))
            }
            return -score
        }
    }

    private func sequences(of docids: [Int64], _ db: any SQLConnection) throws -> [Int64: Document] {
        var result: [Int64: Document] = [:]
        for start in stride(from: 0, to: docids.count, by: 1_000) {
            let part = docids[start..<min(docids.count, start + 1_000)]
            for row in try db.fetchAll(
                sql: "SELECT docid, subject, body, refs FROM textIndex WHERE docid IN (\(part.map(String.init).joined(separator: ",")))",
                arguments: [])
            {
                let document = Document(row)
                result[document.docid] = document
            }
        }
        return result
    }

    // MARK: Tokens

    /// A token ("k" and 12 hex digits) as the integer the index holds.
    static func number(_ token: String) -> Int64 {
        Int64(token.dropFirst(), radix: 16) ?? -1
    }

    static func tokens(_ column: String) -> [Int64] {
        column.split(separator: " ").map { number(String($0)) }
    }

    /// An array literal of integers: nothing but digits, commas and signs, so it is safe inline.
    static func array(_ values: [Int64]) -> String {
        "'{" + values.map(String.init).joined(separator: ",") + "}'::bigint[]"
    }

    /// One cable's row: its docid and, when read, each column's tokens in text order.
    struct Document {
        var docid: Int64
        var columns: [[Int64]]

        init(_ row: SQLRow) {
            docid = row["docid"]
            columns = ["subject", "body", "refs"].map { name in PostgresTextIndex.integers(row[name] as SQLValue) }
        }

        var length: Int { columns.reduce(0) { $0 + $1.count } }

        /// Occurrences of the phrase in each column (never across two), weighted by column.
        func count(_ phrase: [Int64], weights: [Double]) -> Double {
            guard !phrase.isEmpty else { return 0 }
            var total = 0.0
            for (column, tokens) in columns.enumerated() where tokens.count >= phrase.count {
                var found = 0
                for start in 0...(tokens.count - phrase.count) where tokens[start] == phrase[0] {
                    if phrase.count == 1 || tokens[start..<(start + phrase.count)].elementsEqual(phrase) { found += 1 }
                }
                total += Double(found) * (column < weights.count ? weights[column] : 1)
            }
            return total
        }
    }

    /// A `bigint[]` as PostgreSQL sends it in text ("{1,2,3}"); empty for NULL.
    static func integers(_ value: SQLValue) -> [Int64] {
        guard case .text(let text) = value else { return [] }
        return text.dropFirst().dropLast().split(separator: ",").compactMap { Int64($0) }
    }

    // MARK: Queries

    /// A query's text as array tests, with the phrases to check and rank.
    indirect enum Node {
        /// Every token, consecutive in one column when `phrase`.
        case tokens([Int64], phrase: Bool)
        /// Any of these tokens (a prefix's words); none is a test that nothing passes.
        case anyToken([Int64])
        case all([Node])
        case any([Node])
        case not(Node)

        var condition: String {
            switch self {
            case .tokens(let tokens, _): return "terms @> \(PostgresTextIndex.array(Array(Set(tokens)).sorted()))"
            case .anyToken(let tokens): return tokens.isEmpty ? "FALSE" : "terms && \(PostgresTextIndex.array(tokens.sorted()))"
            case .all(let children):
                // A NOT of a phrase cannot be decided on terms alone: such a clause is checked afterwards.
                let tests = children.compactMap { child -> String? in
                    if case .not(let inner) = child { return inner.hasPhrase ? nil : "NOT (\(inner.condition))" }
                    return child.condition
                }
                return tests.isEmpty ? "TRUE" : "(" + tests.joined(separator: " AND ") + ")"
            case .any(let children): return children.isEmpty ? "FALSE" : "(" + children.map(\.condition).joined(separator: " OR ") + ")"
            case .not(let inner): return inner.hasPhrase ? "TRUE" : "NOT (\(inner.condition))"
            }
        }

        var hasPhrase: Bool {
            switch self {
            case .tokens(let tokens, let phrase): phrase && tokens.count > 1
            case .anyToken: false
            case .all(let children), .any(let children): children.contains(where: \.hasPhrase)
            case .not(let inner): inner.hasPhrase
            }
        }

        /// Whether the cable matches; exact when its sequences were read (they are when a phrase is present).
        func holds(in document: Document) -> Bool {
            switch self {
            case .tokens(let tokens, let phrase):
                return phrase && tokens.count > 1 ? document.count(tokens, weights: [1, 1, 1]) > 0 : true
            case .anyToken(let tokens): return !tokens.isEmpty
            case .all(let children): return children.allSatisfy { $0.holds(in: document) }
            case .any(let children):
                // Without sequences every candidate came from the SQL test, which is exact then.
                return !hasPhrase || children.contains { $0.holds(in: document) && $0.mayHold(in: document) }
            case .not(let inner): return hasPhrase ? !(inner.holds(in: document) && inner.mayHold(in: document)) : true
            }
        }

        /// The term test alone, on a document whose sequences were read.
        func mayHold(in document: Document) -> Bool {
            let present = Set(document.columns.joined())
            switch self {
            case .tokens(let tokens, _): return tokens.allSatisfy(present.contains)
            case .anyToken(let tokens): return tokens.contains(where: present.contains)
            case .all(let children): return children.allSatisfy { $0.mayHold(in: document) }
            case .any(let children): return children.contains { $0.mayHold(in: document) }
            case .not(let inner): return !inner.mayHold(in: document)
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
}
