import Foundation

/// A search: a boolean expression over terms, and filters on a cable's envelope.
///
/// Syntax: words (all must match), `"a phrase"`, `OR`, `AND`, `NOT` or `-word`, parentheses,
/// `prefix*`, and the filters `post:ISLAMABAD`, `year:2009` or `year:2005-2009`,
/// `class:secret`, `caveat:NOFORN`, `tag:PREL`, `cites:09STATE12345`. A query that is a
/// reference ID alone finds that cable directly. Filters of one kind are alternatives
/// (`tag:PREL tag:PGOV` is either); filters of different kinds must all hold.
public struct SearchQuery: Sendable, Hashable {
    public var expression: SearchExpression?
    public var filters: SearchFilters
    /// Set when the whole query is a reference ID.
    public var referenceID: ReferenceID?

    public init(expression: SearchExpression?, filters: SearchFilters = SearchFilters(), referenceID: ReferenceID? = nil) {
        self.expression = expression
        self.filters = filters
        self.referenceID = referenceID
    }
}

public indirect enum SearchExpression: Sendable, Hashable {
    /// A stemmed term.
    case term(String)
    /// Words starting with these (folded) letters.
    case prefix(String)
    /// Consecutive terms.
    case phrase([String])
    case all([SearchExpression])
    case any([SearchExpression])
    /// Only inside `all`: the documents without it.
    case not(SearchExpression)
}

public struct SearchFilters: Sendable, Hashable {
    /// Posts as typed (`ISLAMABAD`, `AMEMBASSY ISLAMABAD`, `Embassy Islamabad`).
    public var posts: [String] = []
    public var years: ClosedRange<Int>?
    public var classifications: [Classification] = []
    public var caveats: [Caveat] = []
    public var tags: [String] = []
    /// Reference IDs the cable must cite in its REF line.
    public var cites: [ReferenceID] = []

    public init() {}

    public var isEmpty: Bool {
        posts.isEmpty && years == nil && classifications.isEmpty && caveats.isEmpty && tags.isEmpty && cites.isEmpty
    }
}

public struct SearchQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension SearchQuery {
    /// Parses a query as a person types it.
    public init(parsing text: String) throws(SearchQueryError) {
        var tokens = try Self.tokenize(text)
        var filters = SearchFilters()
        // Filters apply to the whole search, wherever they stand.
        var remaining: [Token] = []
        for token in tokens {
            if case .field(let name, let value, let negated) = token {
                if negated { throw SearchQueryError(message: "a filter cannot be negated: \(name):\(value)") }
                try Self.apply(field: name, value: value, to: &filters)
            } else {
                remaining.append(token)
            }
        }
        tokens = remaining
        if tokens.count == 1, case .word(let word, false, false) = tokens[0], let id = ReferenceID(word), word.uppercased() == id.description {
            self.init(expression: .term(id.description.lowercased()), filters: filters, referenceID: id)
            return
        }
        var parser = Parser(tokens: tokens)
        let expression = try parser.parseOr()
        if parser.index < tokens.count { throw SearchQueryError(message: "unexpected ')'") }
        guard expression != nil || !filters.isEmpty else {
            throw SearchQueryError(message: "nothing to search for (only common words such as 'the' and 'of'?)")
        }
        if let expression { try Self.validate(expression, top: true) }
        self.init(expression: expression, filters: filters)
    }

    enum Token: Hashable {
        case word(String, prefix: Bool, negated: Bool)
        case phrase(String, negated: Bool)
        case field(String, String, negated: Bool)
        case open(negated: Bool)
        case close, and, or, not
    }

    static func tokenize(_ text: String) throws(SearchQueryError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            var negated = false
            if character == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace {
                negated = true
                index += 1
            }
            let current = characters[index]
            if current == "(" {
                tokens.append(.open(negated: negated))
                index += 1
            } else if current == ")" {
                tokens.append(.close)
                index += 1
            } else if current == "\"" || current == "\u{201C}" || current == "\u{201D}" {
                var end = index + 1
                while end < characters.count, characters[end] != "\"", characters[end] != "\u{201D}", characters[end] != "\u{201C}" { end += 1 }
                guard end < characters.count else { throw SearchQueryError(message: "a phrase is not closed: add the closing \"") }
                tokens.append(.phrase(String(characters[(index + 1)..<end]), negated: negated))
                index = end + 1
            } else {
                var end = index
                while end < characters.count, !characters[end].isWhitespace, characters[end] != "(", characters[end] != ")", characters[end] != "\"" {
                    end += 1
                }
                let word = String(characters[index..<end])
                index = end
                if !negated && (word == "AND" || word == "OR" || word == "NOT") {
                    tokens.append(word == "AND" ? .and : word == "OR" ? .or : .not)
                } else if let colon = word.firstIndex(of: ":"), colon != word.startIndex, word.index(after: colon) != word.endIndex,
                    fieldNames.contains(word[..<colon].lowercased())
                {
                    tokens.append(.field(word[..<colon].lowercased(), String(word[word.index(after: colon)...]), negated: negated))
                } else if word.hasSuffix("*") && word.count > 1 {
                    tokens.append(.word(String(word.dropLast()), prefix: true, negated: negated))
                } else {
                    tokens.append(.word(word, prefix: false, negated: negated))
                }
            }
        }
        return tokens
    }

    static let fieldNames: Set<String> = ["post", "year", "class", "classification", "caveat", "tag", "tags", "cites"]

    static func apply(field: String, value: String, to filters: inout SearchFilters) throws(SearchQueryError) {
        switch field {
        case "post": filters.posts.append(value.replacingOccurrences(of: "_", with: " "))
        case "year":
            let parts = value.split(whereSeparator: { $0 == "-" || $0 == "." }).map(String.init)
            guard let first = parts.first.flatMap({ Int($0) }), (1900...2100).contains(first) else {
                throw SearchQueryError(message: "year:\(value) is not a year or a range such as 2005-2009")
            }
            let last = parts.count > 1 ? Int(parts[parts.count - 1]) : first
            guard let last, last >= first, (1900...2100).contains(last) else {
                throw SearchQueryError(message: "year:\(value) is not a year or a range such as 2005-2009")
            }
            filters.years = filters.years.map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...last
        case "class", "classification":
            guard let level = Classification(word: value.replacingOccurrences(of: "-", with: " ")) ?? Self.shortClassification(value) else {
                throw SearchQueryError(message: "class:\(value) is not a classification (unclassified, confidential, secret, top-secret)")
            }
            filters.classifications.append(level)
        case "caveat": filters.caveats.append(Caveat(rawValue: value))
        case "tag", "tags": filters.tags += value.uppercased().split(separator: ",").map(String.init)
        case "cites":
            guard let id = ReferenceID(value) else { throw SearchQueryError(message: "cites:\(value) is not a reference ID such as 09STATE12345") }
            filters.cites.append(id)
        default: break
        }
    }

    static func shortClassification(_ value: String) -> Classification? {
        switch value.lowercased() {
        case "u": .unclassified
        case "c": .confidential
        case "s": .secret
        case "ts": .topSecret
        default: nil
        }
    }

    /// NOT may stand only among ANDed siblings (or alone at the top, where it means "every cable I may read, but not these").
    static func validate(_ expression: SearchExpression, top: Bool) throws(SearchQueryError) {
        switch expression {
        case .any(let children):
            for child in children {
                if case .not = child { throw SearchQueryError(message: "NOT cannot be an alternative of OR; write (a OR b) NOT c") }
                try validate(child, top: false)
            }
        case .all(let children):
            for child in children {
                if case .not(let inner) = child { try validate(inner, top: false) } else { try validate(child, top: false) }
            }
        case .not(let inner):
            guard top else { throw SearchQueryError(message: "NOT needs something to subtract from") }
            try validate(inner, top: false)
        default: break
        }
    }

    struct Parser {
        let tokens: [Token]
        var index = 0

        mutating func parseOr() throws(SearchQueryError) -> SearchExpression? {
            var alternatives: [SearchExpression] = []
            while true {
                if let next = try parseAnd() { alternatives.append(next) }
                guard index < tokens.count, tokens[index] == .or else { break }
                index += 1
            }
            if alternatives.count <= 1 { return alternatives.first }
            return .any(alternatives)
        }

        mutating func parseAnd() throws(SearchQueryError) -> SearchExpression? {
            var parts: [SearchExpression] = []
            while index < tokens.count {
                let token = tokens[index]
                if token == .or || token == .close { break }
                if token == .and {
                    index += 1
                    continue
                }
                if let unary = try parseUnary() { parts.append(unary) }
            }
            if parts.count <= 1 { return parts.first }
            return .all(parts)
        }

        mutating func parseUnary() throws(SearchQueryError) -> SearchExpression? {
            let token = tokens[index]
            if token == .not {
                index += 1
                guard index < tokens.count else { throw SearchQueryError(message: "NOT at the end of the query") }
                return try parseUnary().map { .not($0) }
            }
            index += 1
            switch token {
            case .open(let negated):
                let inner = try parseOr()
                guard index < tokens.count, tokens[index] == .close else { throw SearchQueryError(message: "a '(' is not closed") }
                index += 1
                return negated ? inner.map { .not($0) } : inner
            case .word(let word, let prefix, let negated):
                let expression: SearchExpression?
                if prefix {
                    let folded = SearchAnalyzer.folded(word)
                    guard folded.count >= 2 else { throw SearchQueryError(message: "'\(word)*': a prefix needs at least two letters") }
                    expression = .prefix(folded)
                } else {
                    expression = Self.expression(forWords: word)
                }
                return negated ? expression.map { .not($0) } : expression
            case .phrase(let text, let negated):
                guard !text.contains("*") else { throw SearchQueryError(message: "a phrase cannot hold a prefix (*)") }
                let expression = Self.expression(forWords: text)
                return negated ? expression.map { .not($0) } : expression
            case .close: throw SearchQueryError(message: "unexpected ')'")
            default: return nil
            }
        }

        /// One term, or a phrase when the text holds several (`U.S.`, `anti-corruption`, a quoted phrase).
        static func expression(forWords text: String) -> SearchExpression? {
            let stems = SearchAnalyzer.terms(text).map(\.stem)
            switch stems.count {
            case 0: return nil
            case 1: return .term(stems[0])
            default: return .phrase(stems)
            }
        }
    }
}

extension SearchExpression {
    /// Brute-force evaluation over a document's columns of terms: the reference the index is
    /// checked against. `expand` gives the terms a prefix stands for.
    public func matches(_ columns: [[SearchAnalyzer.Term]], expand: (String) -> Set<String>) -> Bool {
        switch self {
        case .term(let stem):
            return columns.contains { $0.contains { $0.stem == stem } }
        case .prefix(let letters):
            let stems = expand(letters)
            return columns.contains { $0.contains { stems.contains($0.stem) } }
        case .phrase(let stems):
            return columns.contains { column in
                guard column.count >= stems.count else { return false }
                return (0...(column.count - stems.count)).contains { start in
                    stems.indices.allSatisfy { column[start + $0].stem == stems[$0] }
                }
            }
        case .all(let children):
            return children.allSatisfy { child in
                if case .not(let inner) = child { return !inner.matches(columns, expand: expand) }
                return child.matches(columns, expand: expand)
            }
        case .any(let children):
            return children.contains { $0.matches(columns, expand: expand) }
        case .not(let inner):
            return !inner.matches(columns, expand: expand)
        }
    }

    /// The positive terms and prefixes, for highlighting.
    public var highlightTerms: (stems: Set<String>, prefixes: [String]) {
        switch self {
        case .term(let stem): return ([stem], [])
        case .prefix(let letters): return ([], [letters])
        case .phrase(let stems): return (Set(stems), [])
        case .all(let children), .any(let children):
            return children.reduce((Set<String>(), [String]())) { sum, child in
                let part = child.highlightTerms
                return (sum.0.union(part.stems), sum.1 + part.prefixes)
            }
        case .not: return ([], [])
        }
    }
}
