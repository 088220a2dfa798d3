import Crypto
import Foundation
import PouchCore

/// The keyed blind index: every search term is replaced by a truncated HMAC before it reaches
/// the database, and queries are transformed the same way, so the index answers words,
/// phrases and boolean queries without holding a word of any cable.
///
/// A stolen database still shows, per cable, how many terms it has, which (hashed) terms recur
/// across cables and in which order, so term frequencies can be counted and matched against
/// the frequencies of English; it does not show any word, and without the key no query can be
/// made against it. `docs/blind-index.md` says more.
public struct BlindIndex: Sendable {
    let key: SymmetricKey

    public init(keyBytes: [UInt8]) {
        key = SymmetricKey(data: keyBytes)
    }

    /// `k` and 12 hexadecimal digits (48 bits of HMAC-SHA256): a bare word to SQLite FTS5.
    public func token(_ stem: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(stem.utf8), using: key)
        var result = "k"
        result.reserveCapacity(13)
        for byte in mac.prefix(6) {
            result.append(Self.hexDigits[Int(byte >> 4)])
            result.append(Self.hexDigits[Int(byte & 15)])
        }
        return result
    }

    static let hexDigits: [Character] = Array("0123456789abcdef")

    /// What the index holds for one cable.
    public struct Document: Sendable {
        /// Space-separated tokens, in text order.
        public var subject: String
        public var body: String
        /// Tokens of the reference IDs the cable cites.
        public var refs: String
        /// What the store's text index works out from the tokens before its write (see
        /// `TextIndex.prepare`), so that work is done in parallel, not in the one writer.
        public var prepared: (any Sendable)? = nil
    }

    /// The searchable columns of a cable: its subject; its paragraphs; the reference IDs it cites.
    public static func columns(of cable: Cable) -> (subject: String, body: String, cites: [ReferenceID]) {
        let body = cable.paragraphs.map(\.text).joined(separator: "\n")
        let year = cable.referenceID?.year ?? cable.dateTimeGroup?.year
        return (cable.subject, body, cable.references.compactMap { $0.referenceID(citingYear: year) })
    }

    /// What is kept across the cables of a batch: each word's token (one stemming and one HMAC
    /// per distinct word), and each word's stem (the batch's vocabulary).
    public struct Cache: Sendable {
        /// Tokens of words indexed before (shared and read-only: the store's committed words).
        let known: [String: String]
        /// Tokens of the words met here that `known` lacks ("" for a function word).
        public internal(set) var tokens: [String: String] = [:]
        var tokensOfStems: [String: String] = [:]
        /// Every word met here that `known` lacks, with its stem.
        public internal(set) var words: [String: String] = [:]

        public init(known: [String: String] = [:]) {
            self.known = known
        }

        /// The word's token; empty for a function word (not indexed).
        mutating func token(_ word: String, index: BlindIndex) -> String {
            if let token = known[word] ?? tokens[word] { return token }
            if SearchAnalyzer.stopWords.contains(word) {
                tokens[word] = ""
                return ""
            }
            let stem = SearchAnalyzer.stemmed(word)
            words[word] = stem
            let token: String
            if let shared = tokensOfStems[stem] {
                token = shared
            } else {
                token = index.token(stem)
                tokensOfStems[stem] = token
            }
            tokens[word] = token
            return token
        }
    }

    /// The document for a cable.
    public func document(for cable: Cable, cache: inout Cache) -> Document {
        let columns = Self.columns(of: cable)
        func tokens(_ text: String) -> String {
            // Bytes, not String appends: a cable has thousands of tokens.
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count * 2)
            // Function words come through too: one table lookup per word instead of two.
            SearchAnalyzer.scanWords(in: text, keepingStopWords: true) { word, _ in
                let token = cache.token(word, index: self)
                if !token.isEmpty {
                    if !out.isEmpty { out.append(0x20) }
                    out.append(contentsOf: token.utf8)
                }
                return true
            }
            return String(decoding: out, as: UTF8.self)
        }
        let refs = columns.cites.map { token(Self.citationTerm($0)) }.joined(separator: " ")
        return Document(subject: tokens(columns.subject), body: tokens(columns.body), refs: refs)
    }

    /// The term a citation is indexed under (distinct from any word of the text).
    public static func citationTerm(_ id: ReferenceID) -> String { "ref:" + id.description }
}

/// The words of every indexed cable with their stems: what a prefix query expands against.
/// Stored sealed (one sealed batch per import transaction) and held in memory once opened.
public struct Vocabulary: Sendable {
    public private(set) var stems: [String: String] = [:]
    private var sorted: [String] = []
    private var sortedIsCurrent = true

    public init() {}

    public mutating func add(_ words: [String: String]) {
        for (word, stem) in words where stems[word] == nil {
            stems[word] = stem
            sortedIsCurrent = false
        }
    }

    /// The stems of every word starting with `prefix`.
    public mutating func expand(_ prefix: String) -> Set<String> {
        if !sortedIsCurrent {
            sorted = stems.keys.sorted()
            sortedIsCurrent = true
        }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var result: Set<String> = []
        var index = low
        while index < sorted.count, sorted[index].hasPrefix(prefix) {
            result.insert(stems[sorted[index]]!)
            index += 1
        }
        return result
    }

    /// "word\tstem" lines: what is sealed.
    public static func encode(_ words: [String: String]) -> [UInt8] {
        Array(words.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }.joined(separator: "\n").utf8)
    }

    public static func decode(_ bytes: [UInt8]) -> [String: String] {
        var words: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { words[String(parts[0])] = String(parts[1]) }
        }
        return words
    }
}
