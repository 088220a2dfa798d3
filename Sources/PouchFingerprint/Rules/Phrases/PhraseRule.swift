import PouchCore

/// A rule that swaps one fixed phrase for another, in a context: the public catalogue's
/// synonyms and connectives, and a deployment's private rules.
public struct PhraseRule: SlotRule, Hashable {
    public var id: String
    public var reason: String
    /// The alternatives, each a phrase of words (lower case).
    public var alternatives: [String]
    /// The two alternatives that encode symbols 0 and 1 under scheme 1 (indices); defaults to
    /// the first two. From scheme 2 on every alternative (up to four) is a symbol.
    public var symbols: [Int]
    public var profile: FingerprintProfile
    public var isPrivate: Bool
    /// The word before must not be one of these.
    public var notAfter: Set<String> = []
    /// When set, the word before must be one of these.
    public var after: Set<String>? = nil
    /// When set, the next token (word or punctuation) must be one of these.
    public var before: Set<String>? = nil
    /// The next token must not be one of these.
    public var notBefore: Set<String> = []
    /// When set, one of these words must follow within `withinWords` words.
    public var followedWithin: Set<String>? = nil
    public var withinWords = 3
    /// The phrase must open a sentence.
    public var sentenceStart = false
    /// The phrase must not open a sentence.
    public var midSentence = false
    /// When set, only these alternatives are looked for in the original (the others are written
    /// in copies but have other senses where they occur: "stated" can be an adjective).
    public var originals: Set<Int>?
    /// Wordings a later scheme adds to the rule (the rule's earlier schemes stay as they were).
    public var widening: Widening?
    /// Places a later scheme no longer matches (the rule's earlier schemes stay as they were).
    public var tightening: Tightening?

    /// From `scheme` on, the rule also leaves alone a match after a word in `notAfter` or before a
    /// token in `notBefore` ("the committee of the whole to hear" is no "entire").
    public struct Tightening: Sendable, Hashable {
        public var scheme: FingerprintScheme
        public var notAfter: Set<String>
        public var notBefore: Set<String>

        public init(scheme: FingerprintScheme, notAfter: Set<String> = [], notBefore: Set<String> = []) {
            self.scheme = scheme
            self.notAfter = notAfter
            self.notBefore = notBefore
        }
    }

    /// From `scheme` on, the rule writes `alternatives` (the earlier ones first, in their order)
    /// and looks for the ones in `originals`.
    public struct Widening: Sendable, Hashable {
        public var scheme: FingerprintScheme
        public var alternatives: [String]
        public var originals: Set<Int>?
        /// None of these words may stand among the next four tokens (a sense the earlier schemes
        /// missed): the slot is left out.
        public var notFollowedWithin: Set<String>
        /// When set, the added wordings are written only before one of these tokens; elsewhere the
        /// slot keeps the earlier wordings ("the primary reason", never "the primary road").
        public var before: Set<String>?
        /// The added wordings are never written before these tokens ("notwithstanding being").
        public var notBefore: Set<String>
        /// The added wordings are never written after these words ("concerns concerning").
        public var notAfter: Set<String>
        let words: [[String]]

        public init(
            scheme: FingerprintScheme, alternatives: [String], originals: Set<Int>? = nil, notFollowedWithin: Set<String> = [],
            before: Set<String>? = nil, notBefore: Set<String> = [], notAfter: Set<String> = []
        ) {
            self.scheme = scheme
            self.alternatives = alternatives
            self.originals = originals
            self.notFollowedWithin = notFollowedWithin
            self.before = before
            self.notBefore = notBefore
            self.notAfter = notAfter
            self.words = alternatives.map { $0.lowercased().split(separator: " ").map(String.init) }
        }
    }

    let words: [[String]]

    public init(
        id: String, reason: String, alternatives: [String], symbols: [Int] = [0, 1], profile: FingerprintProfile = .strict,
        isPrivate: Bool = false, notAfter: Set<String> = [], after: Set<String>? = nil, before: Set<String>? = nil,
        notBefore: Set<String> = [], followedWithin: Set<String>? = nil, withinWords: Int = 3, sentenceStart: Bool = false, midSentence: Bool = false,
        originals: Set<Int>? = nil, widening: Widening? = nil, tightening: Tightening? = nil
    ) {
        self.id = id
        self.reason = reason
        self.alternatives = alternatives
        self.symbols = symbols
        self.profile = profile
        self.isPrivate = isPrivate
        self.notAfter = notAfter
        self.after = after
        self.before = before
        self.notBefore = notBefore
        self.followedWithin = followedWithin
        self.withinWords = withinWords
        self.sentenceStart = sentenceStart
        self.midSentence = midSentence
        self.originals = originals
        self.widening = widening
        self.tightening = tightening
        self.words = alternatives.map { $0.lowercased().split(separator: " ").map(String.init) }
    }

    public var summary: String { (widening?.alternatives ?? alternatives).joined(separator: " | ") }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let widened = widening.flatMap { context.scheme >= $0.scheme ? $0 : nil }
        let alternatives = widened?.alternatives ?? self.alternatives
        let words = widened?.words ?? self.words
        let originals = widened == nil ? self.originals : widened?.originals
        var found: [SlotCandidate] = []
        let list = tokens.tokens
        var index = 0
        while index < list.count {
            defer { index += 1 }
            guard list[index].isWord, !list[index].quoted else { continue }
            for (k, phrase) in words.enumerated() where phrase.first == list[index].lower && originals?.contains(k) ?? true {
                guard let last = tokens.endOfPhrase(phrase, at: index) else { continue }
                guard contextHolds(first: index, last: last, in: tokens) else { continue }
                if let tightening, context.scheme >= tightening.scheme,
                    index > 0 && list[index - 1].isWord && tightening.notAfter.contains(list[index - 1].lower)
                        || last + 1 < list.count && tightening.notBefore.contains(list[last + 1].lower)
                {
                    continue
                }
                if let excluded = widened?.notFollowedWithin, !excluded.isEmpty,
                    tokens.tokens[(last + 1)...].prefix(4).contains(where: { $0.isWord && excluded.contains($0.lower) })
                {
                    continue
                }
                // Where the added wordings do not fit, the earlier ones (which come first) are written.
                let next = last + 1 < list.count ? list[last + 1].lower : ""
                let previous = index > 0 ? list[index - 1].lower : ""
                let fits =
                    widened.map { ($0.before?.contains(next) ?? true) && !$0.notBefore.contains(next) && !$0.notAfter.contains(previous) } ?? false
                let alternatives = fits ? alternatives : self.alternatives
                let originals = fits ? originals : self.originals
                guard k < alternatives.count else { continue }
                let template = tokens.span(index, last)
                // A capital in the original (a sentence start, after a heading or a dash) is kept.
                // From scheme 3 the original's own first letter decides (after a dash it may be small).
                let capital = template.first?.isUppercase ?? false
                let initial = context.scheme.has(.originalsOwnCapital) ? capital : tokens.startsSentence(index) || capital
                let cased = alternatives.map { applyCase($0, template: template, sentenceStart: initial, allCaps: tokens.allCaps) }
                // Keep the original's exact spelling for its own alternative.
                var options = cased
                options[k] = String(template)
                let symbols = context.scheme.has(.fourSymbols) ? Array(alternatives.indices.prefix(context.scheme.maximumSymbols)) : self.symbols
                // A normaliser writes a wording it would find again: for a rule that looks for only
                // some alternatives, one it does not look for.
                let neutral =
                    alternatives.indices.first { !symbols.contains($0) }
                    ?? originals.flatMap { looked in alternatives.indices.first { !looked.contains($0) } } ?? 0
                found.append(
                    SlotCandidate(first: index, last: last, alternatives: options, symbols: symbols, original: k, rule: id, canonical: neutral))
                break
            }
        }
        return found
    }

    private func contextHolds(first: Int, last: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        if sentenceStart, !tokens.startsSentence(first) { return false }
        if midSentence, tokens.startsSentence(first) { return false }
        let previous = first > 0 ? list[first - 1] : nil
        if let previous, previous.isWord, notAfter.contains(previous.lower) { return false }
        if let after {
            guard let previous, previous.isWord, after.contains(previous.lower) else { return false }
        }
        let next = last + 1 < list.count ? list[last + 1] : nil
        if let before {
            guard let next, before.contains(next.lower) else { return false }
        }
        if let next, notBefore.contains(next.lower) { return false }
        if let followedWithin {
            var seen = 0
            var position = last + 1
            var ok = false
            while position < list.count, seen < withinWords, list[position].isWord {
                if followedWithin.contains(list[position].lower) {
                    ok = true
                    break
                }
                seen += 1
                position += 1
            }
            if !ok { return false }
        }
        return true
    }
}
