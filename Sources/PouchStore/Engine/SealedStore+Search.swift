import Foundation
import PouchCore
import Synchronization

/// The prefix vocabulary, unsealed once and kept in memory; refreshed with the batches added since.
final class VocabularyCache: Sendable {
    private let state = Mutex<(batch: Int64, vocabulary: Vocabulary)>((0, Vocabulary()))

    /// Loads the sealed batches written since the last refresh.
    func refresh(_ db: any SQLConnection, keys: some MasterKeys) throws {
        let loaded = state.withLock { $0.batch }
        let rows = try SQLRow.fetchAll(db, sql: "SELECT * FROM vocabulary WHERE batch > ? ORDER BY batch", arguments: [loaded])
        guard !rows.isEmpty else { return }
        var batches: [(Int64, [String: String])] = []
        for row in rows {
            let batch: Int64 = row["batch"]
            // A damaged batch costs prefix queries its words, never the whole search (`pouch verify` names it).
            if let wrapped = (row["wrappedKey"] as SQLValue).blobBytes, let sealed = (row["sealed"] as SQLValue).blobBytes,
                let bytes = try? Seal.open(SealedRecord(wrappedKey: wrapped, content: sealed), record: "vocabulary|\(batch)", keys: keys)
            {
                batches.append((batch, Vocabulary.decode(bytes)))
            } else {
                batches.append((batch, [:]))
            }
        }
        state.withLock { state in
            for (batch, words) in batches where batch > state.batch {
                state.vocabulary.add(words)
                state.batch = batch
            }
        }
    }

    func expand(_ prefix: String) -> Set<String> {
        state.withLock { $0.vocabulary.expand(prefix) }
    }

    func known(_ word: String) -> Bool {
        state.withLock { $0.vocabulary.stems[word] != nil }
    }
}

/// What opening one search hit needs, read from the database in the query's transaction.
struct HitMaterial: Sendable {
    var binding: CableBinding
    var classification: Classification
    var caveats: [Caveat]
    var date: String
    var origin: String
    var state: String
    var subject: SealedRecord
    var text: SealedRecord
    var signature: [UInt8]
    /// The person's own (fingerprinted) copy, when they have one: snippets come from what they read.
    var copy: SealedCopy?
    var publicKey: PostPublicKeys
}

/// Word → blind-index token for every word committed to the index, held in memory only (it is
/// as secret as the index key it is derived from).
final class TokenCache: Sendable {
    private let tokens = Mutex<[String: String]>([:])

    func snapshot() -> [String: String] {
        tokens.withLock { $0 }
    }

    func add(_ new: [String: String]) {
        tokens.withLock { tokens in tokens.merge(new) { old, _ in old } }
    }
}

extension SealedStore {
    /// Seals the words not yet in the vocabulary as a new batch, in the caller's transaction.
    func storeVocabulary(_ words: [String: String], _ db: any SQLConnection) throws {
        try vocabulary.refresh(db, keys: keys)
        let new = words.filter { !vocabulary.known($0.key) }
        guard !new.isEmpty else { return }
        let batch = (try Int64.fetchOne(db, sql: "SELECT MAX(batch) FROM vocabulary") ?? 0) + 1
        let sealed = try Seal.seal(Vocabulary.encode(new), record: "vocabulary|\(batch)", keys: keys)
        try db.execute(
            sql: "INSERT INTO vocabulary (batch, wrappedKey, sealed) VALUES (?, ?, ?)",
            arguments: [batch, Data(sealed.wrappedKey), Data(sealed.content)])
    }

    /// The stems a prefix stands for (for benchmarks comparing against a plain index).
    public func expandPrefix(_ prefix: String) -> Set<String> {
        vocabulary.expand(prefix)
    }

    // MARK: Search

    /// The blind tokens of words and the words behind prefixes, for the text index.
    var searchTerms: SearchTerms {
        SearchTerms(token: { [index] in index.token($0) }, expand: { [vocabulary] in vocabulary.expand($0) })
    }

    /// Loads what searches keep in memory (envelopes, row lengths, the prefix vocabulary), so the
    /// first search after a server starts does not pay for it (about a second at 250,000 cables).
    public func warmSearchCaches() async throws {
        try await reading { db in
            try self.refreshEnvelopes(db)
            try self.database.textIndex.warm(db)
            try self.vocabulary.refresh(db, keys: self.keys)
        }
    }

    func searchChecked(_ query: SearchQuery, as userID: String, options: SearchOptions) async throws -> SearchResults {
        let outcome: Result<(SearchResults, [String]), StoreError> = try await reading { db in
            guard let user = try self.user(userID, db) else { return .failure(.noSuchUser(userID)) }
            guard !user.disabled else { return .failure(.disabled(userID)) }
            try self.vocabulary.refresh(db, keys: self.keys)
            var found: [String] = []
            let results = try self.search(query, user: user, options: options, found: &found, db)
            return .success((results, found))
        }
        let results: SearchResults
        let found: [String]
        switch outcome {
        case .success(let value): (results, found) = value
        case .failure(let error):
            try await record(AuditEvent(user: userID, action: .search, outcome: .denied, detail: Self.denial(error)))
            throw error
        }
        for event in try reportTampering(found, found: userID, during: .search) { try await record(event) }
        let shown = results.hits.map(\.summary.referenceID)
        try await record(
            AuditEvent(
                user: userID, action: .search,
                detail: "\(results.total) hits; shown \(Self.abbreviated(shown))"
                    + (results.damaged == 0 ? "" : "; \(results.damaged) damaged rows left out"),
                confidential: Self.describe(query)))
        return results
    }

    static func denial(_ error: StoreError) -> String {
        switch error {
        case .disabled: "account disabled"
        default: "no such user"
        }
    }

    /// The query as typed terms are not kept; this records its shape (sealed in the audit log).
    static func describe(_ query: SearchQuery) -> String {
        var parts: [String] = []
        if let expression = query.expression { parts.append(String(describing: expression)) }
        if !query.filters.isEmpty { parts.append(String(describing: query.filters)) }
        return parts.joined(separator: " ")
    }

    /// `found` collects the damaged rows and copy sets met on the way (for the audit log only).
    func search(_ query: SearchQuery, user: Reader, options: SearchOptions, found: inout [String], _ db: any SQLConnection) throws -> SearchResults {
        // What this reader may see within the filters, as a set of docids: the checked, unchanging
        // envelope columns from memory, and the sent or drafted cables that are theirs from this transaction.
        let admitting = try admission(user, filters: query.filters, db)
        found += admitting.damaged + admitting.problems
        var admitted = admitting.set
        let upTo = try Int64.fetchOne(db, sql: "SELECT MAX(docid) FROM cable") ?? 0

        // The matches: with text, one pass of the full-text index with need-to-know as a condition
        // of the pass, bringing each match's rank; without, the admitted set itself.
        let pass = try database.textIndex.matches(
            query, terms: searchTerms, admitted: &admitted, ranked: options.order == .relevance, upTo: upTo, db)
        let docids = pass?.docids ?? admitted.members
        let ranks = pass?.ranks
        var total = docids.count
        let facets = options.facets ? envelopes.counts(of: docids) : [:]
        let pageDocids =
            if let ranks {
                envelopes.best(docids, ranks: ranks, offset: max(0, options.offset), limit: max(0, options.limit))
            } else {
                envelopes.newest(docids, offset: max(0, options.offset), limit: max(0, options.limit))
            }

        // The page's sealed rows are read here; opening them (unwrap, decrypt, verify, snippet) is
        // pure work, spread over every core.
        // A statement for the page's rows and one for this reader's copies of them, whatever the
        // page's size: on PostgreSQL each statement is a round trip.
        var materials: [HitMaterial] = []
        var left = 0
        var rows: [Int64: SQLRow] = [:]
        if !pageDocids.isEmpty {
            for row in try SQLRow.fetchAll(
                db,
                sql: "SELECT \(Self.cableColumns) FROM \(Self.cableWithSealed) WHERE cable.docid IN (\(SQLArguments.placeholders(pageDocids.count)))",
                arguments: SQLArguments(pageDocids))
            {
                rows[row["docid"]] = row
            }
        }
        var copies: [String: SQLRow] = [:]
        if options.snippets, !rows.isEmpty {
            let ids = rows.values.map { String(decoding: ($0["id"] as SQLValue).bytes, as: UTF8.self) }
            for row in try SQLRow.fetchAll(
                db, sql: "SELECT * FROM copy WHERE reader = ? AND cable IN (\(SQLArguments.placeholders(ids.count)))",
                arguments: [user.id] + SQLArguments(ids))
            {
                copies[String(decoding: (row["cable"] as SQLValue).bytes, as: UTF8.self)] = row
            }
        }
        var publicKeys: [String: PostPublicKeys] = [:]
        for docid in pageDocids {
            guard let row = rows[docid] else { continue }
            do {
                guard let material = try hitMaterial(row, user: user, snippet: options.snippets, copies: copies, publicKeys: &publicKeys, db)
                else { continue }
                materials.append(material)
            } catch let error as StoreError {
                // One damaged cable must not fail the search for everyone: left out, and audited.
                guard case .tampered(let record) = error else { throw error }
                found.append(record)
                left += 1
            }
        }
        let opened = Self.concurrentMap(materials) { material in
            Result { try self.openHit(material, user: user, expression: options.snippets ? query.expression : nil, snippet: options.snippets) }
        }
        var hits: [SearchHit] = []
        for result in opened {
            switch result {
            case .success(let hit): hits.append(hit)
            case .failure(StoreError.tampered(let record)):
                found.append(record)
                left += 1
            case .failure(let error): throw error
            }
        }
        total -= left
        // A reference ID typed alone: that cable first, with what it cites and what cites it.
        // Who may see what is decided from the checked envelopes in memory, never from columns as stored.
        if let id = query.referenceID {
            // Without filters the query's own admission is exactly what the reader may reach.
            let reachable = query.filters.isEmpty ? admitting.set : try admission(user, filters: SearchFilters(), db).set
            if let row = try SQLRow.fetchOne(
                db, sql: "SELECT \(Self.cableColumns) FROM \(Self.cableWithSealed) WHERE cable.id = ?", arguments: [id.description]),
                reachable.contains(row["docid"]),
                var direct = try directHit(row, user: user, snippet: options.snippets, found: &found, db)
            {
                hits.removeAll { $0.summary.referenceID == id.description }
                let cited = try self.cited(by: row, db)
                direct.cites = try visibleIDs(cited, reachable: reachable, db)
                let citing = try search(
                    SearchQuery(
                        expression: nil,
                        filters: {
                            var f = SearchFilters()
                            f.cites = [id]
                            return f
                        }()),
                    user: user, options: SearchOptions(limit: 100, facets: false, snippets: false), found: &found, db)
                direct.citedBy = citing.hits.map(\.summary.referenceID)
                hits.insert(direct, at: 0)
                if options.offset == 0, total == 0 { total = 1 }
            }
        }
        let facetLists = facets.mapValues { counts -> [FacetCount] in
            let list: [FacetCount] = counts.map { FacetCount(value: $0.key, count: $0.value) }
            return list.sorted { (a: FacetCount, b: FacetCount) -> Bool in a.count != b.count ? a.count > b.count : a.value < b.value }
        }
        return SearchResults(total: total, hits: hits, facets: facetLists, damaged: envelopes.damaged.count + left)
    }

    /// A row as a hit: its summary, and a snippet from the text this person would read.
    func hit(_ row: SQLRow, user: Reader, expression: SearchExpression?, snippet: Bool, _ db: any SQLConnection) throws -> SearchHit? {
        var publicKeys: [String: PostPublicKeys] = [:]
        return try hitMaterial(row, user: user, snippet: snippet, copies: nil, publicKeys: &publicKeys, db).map {
            try openHit($0, user: user, expression: expression, snippet: snippet)
        }
    }

    /// What a hit needs from the database: the sealed subject and text (this person's copy if they
    /// have one) and the post's public key. Nil when the rule, checked once more in Swift, says no.
    /// `copies` holds the reader's copies of a page's cables when they were read together (nil:
    /// look this one up); `publicKeys`, the posts' keys read so far.
    func hitMaterial(
        _ row: SQLRow, user: Reader, snippet: Bool, copies: [String: SQLRow]?, publicKeys: inout [String: PostPublicKeys], _ db: any SQLConnection
    ) throws -> HitMaterial? {
        try requireIntactEnvelope(row)
        let archive: Bool = row["archive"]
        let level = Classification(rawValue: row["classification"]) ?? .topSecret
        let caveats = Self.caveats(row["caveats"])
        guard AccessPolicy.mayRead(user, classification: level, caveats: caveats, distribution: archive ? .archive : .addressees([user.id])) else {
            return nil
        }
        let binding = try binding(row)
        func key(of post: String) throws -> PostPublicKeys {
            if let known = publicKeys[post] { return known }
            let key = try publicKey(of: post, db)
            publicKeys[post] = key
            return key
        }
        var copy: SealedCopy?
        if snippet {
            let copyRow =
                if let copies { copies[binding.id] } else {
                    try SQLRow.fetchOne(db, sql: "SELECT * FROM copy WHERE cable = ? AND reader = ?", arguments: [binding.id, user.id])
                }
            if let copyRow {
                guard let sealed = SealedCopy(copyRow) else { throw StoreError.tampered("the copy of cable \(binding.id) for \(user.id)") }
                copy = sealed
            }
        }
        return HitMaterial(
            binding: binding, classification: level, caveats: caveats, date: row["date"], origin: row["post"], state: row["state"],
            subject: SealedRecord(wrappedKey: Array(row["subjectKey"] as Data), content: Array(row["sealedSubject"] as Data)),
            text: SealedRecord(wrappedKey: Array(row["wrappedKey"] as Data), content: Array(row["sealedText"] as Data)),
            signature: Array(row["signature"] as Data), copy: copy, publicKey: snippet ? try key(of: binding.post) : PostPublicKeys([:]))
    }

    /// Opens a hit's material: no database, so many run at once.
    func openHit(_ material: HitMaterial, user: Reader, expression: SearchExpression?, snippet: Bool) throws -> SearchHit {
        let binding = material.binding
        let subject: [UInt8]
        do {
            subject = try Seal.open(material.subject, record: binding.record("subject"), keys: keys)
        } catch {
            throw StoreError.tampered("cable \(binding.id)")
        }
        var fragments: [SnippetFragment] = []
        if snippet {
            let text =
                try material.copy.map { try openCopy($0, binding: binding, publicKey: material.publicKey) }
                ?? openCable(binding: binding, sealed: material.text, signature: material.signature, publicKey: material.publicKey)
            fragments = SnippetMaker.snippet(of: Self.bodyOfCanonicalText(text), highlighting: expression)
        }
        let summary = CableSummary(
            referenceID: binding.id, date: material.date, classification: material.classification, caveats: material.caveats,
            origin: material.origin, subject: String(decoding: subject, as: UTF8.self), state: material.state)
        return SearchHit(summary: summary, snippet: fragments)
    }

    /// `transform` over `items` on every core, results in order (each core takes every n-th item,
    /// so thousands of small items share a few locks).
    public static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var done: [(Int, R)] = []
            for index in stride(from: worker, to: items.count, by: workers) { done.append((index, transform(items[index]))) }
            results.withLock { for (index, result) in done { $0[index] = result } }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// The part of a canonical cable after its SUBJECT line: where snippets come from.
    static func bodyOfCanonicalText(_ text: [UInt8]) -> String {
        let marker = Array("\nSUBJECT: ".utf8)
        guard text.count > marker.count else { return String(decoding: text, as: UTF8.self) }
        for start in 0...(text.count - marker.count) where text[start] == 10 && Array(text[start..<(start + marker.count)]) == marker {
            return String(decoding: text[(start + 1)...], as: UTF8.self)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The reference IDs a cable cites (from its sealed text).
    func cited(by row: SQLRow, _ db: any SQLConnection) throws -> [ReferenceID] {
        let text = try openCable(row, db)
        guard let cable = try? CableParser().parse(text: String(decoding: text, as: UTF8.self)).cable else { return [] }
        return BlindIndex.columns(of: cable).cites
    }

    /// The cables among `ids` the person may see (`reachable`, from the checked envelopes), by reference ID.
    func visibleIDs(_ ids: [ReferenceID], reachable: DocidSet, _ db: any SQLConnection) throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(\.description)
        return try SQLRow.fetchAll(
            db, sql: "SELECT docid, id FROM cable WHERE id IN (\(list.map { _ in "?" }.joined(separator: ","))) ORDER BY id",
            arguments: SQLArguments(list)
        )
        .filter { reachable.contains($0["docid"]) }.map { $0["id"] }
    }

    /// The cable a reference ID names, as a hit; nil (and noted in `found`) when its row is damaged.
    func directHit(_ row: SQLRow, user: Reader, snippet: Bool, found: inout [String], _ db: any SQLConnection) throws -> SearchHit? {
        do {
            return try hit(row, user: user, expression: nil, snippet: snippet, db)
        } catch StoreError.tampered(let record) {
            found.append(record)
            return nil
        }
    }
}
