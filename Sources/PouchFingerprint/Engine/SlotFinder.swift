import PouchCore

/// Finds a cable's slots with a rule catalogue: every rule proposes candidates, then earlier
/// rules win where spans overlap. Before scheme 11 every slot keeps at least one unchanging word
/// between itself and the next (so a leak can be aligned around it); from scheme 11 two slots may
/// stand side by side, since the aligner reads a slot with its neighbour's wording as an anchor,
/// unless one of them is of a rule in `keptApart`.
struct SlotFinder {
    let catalogue: RuleCatalogue
    var scheme = FingerprintScheme.current

    /// Rules whose slots still keep a word between themselves and any other. Their tests read the
    /// words beside them, and there a neighbouring slot's wording could make the result wrong or
    /// clumsy: a list's commas side by side ("Women, Repatriations, and Children and Adolescents"
    /// would gain a comma inside a name), a relative "that" whose test reads the noun before it,
    /// and "that" left out after "informed" ("informed us the party wanted").
    static let keptApart: Set<String> = ["serial-comma", "relative-that-which", "told-that"]

    static let negations: Set<String> = ["not", "no", "never", "nor", "neither", "without", "cannot", "n't"]

    func slots(in cable: Cable) -> [Slot] {
        let paragraphs = cable.paragraphs.map { TextTokens($0.text) }
        let (abbreviations, sites) = DefinedAbbreviationRule.definitions(in: paragraphs)
        let host = scheme.has(.hostCountry) ? HostCountry.of(cable) : nil
        let defined = Set(abbreviations.keys)
        var slots: [Slot] = []
        for (p, tokens) in paragraphs.enumerated() {
            let context = CableContext(abbreviations: abbreviations, definitionSites: sites, paragraph: p, scheme: scheme, host: host)
            var accepted: [SlotCandidate] = []
            for (rule, since) in catalogue.entries where since <= scheme {
                for proposed in rule.candidates(in: tokens, context: context) {
                    let candidate = scheme.has(.articleBySound) ? keepingArticle(proposed, tokens, defined: defined) : proposed
                    guard isAcceptable(candidate, tokens) else { continue }
                    let range = candidate.first...candidate.last
                    let clashes = accepted.contains { other in
                        let otherRange = other.first...other.last
                        return range.overlaps(otherRange) || !hasWordBetween(range, otherRange, tokens) && !mayAdjoin(candidate, other, tokens)
                    }
                    if clashes { continue }
                    accepted.append(candidate)
                }
            }
            for candidate in accepted.sorted(by: { $0.first < $1.first }) {
                slots.append(
                    Slot(
                        paragraph: p, start: tokens.tokens[candidate.first].start, end: tokens.tokens[candidate.last].end,
                        alternatives: candidate.alternatives, symbols: candidate.symbols, original: candidate.original,
                        canonical: candidate.canonical,
                        rule: candidate.rule))
            }
        }
        return slots
    }

    /// No quoted speech, numbers or negation inside; alternatives that a reader can tell apart.
    private func isAcceptable(_ candidate: SlotCandidate, _ tokens: TextTokens) -> Bool {
        for index in candidate.first...candidate.last {
            let token = tokens.tokens[index]
            if token.quoted || token.hasDigit || Self.negations.contains(token.lower) { return false }
        }
        // From scheme 12 never inside a web or mail address ("www.icc-ccs.org").
        if scheme.has(.noSlotsInAddresses), Self.isInAddress(candidate.first, candidate.last, tokens) { return false }
        guard (2...scheme.maximumSymbols).contains(candidate.symbols.count), Set(candidate.symbols).count == candidate.symbols.count,
            candidate.symbols.allSatisfy({ $0 < candidate.alternatives.count }), candidate.original < candidate.alternatives.count
        else { return false }
        // Every alternative must read differently from every other after normalisation (so a
        // leak shows which one it has), and no symbol wording may be empty.
        let normalized = candidate.alternatives.map { TraceText.tokens(of: $0, unwrapping: false) }
        guard Set(normalized).count == normalized.count, candidate.symbols.allSatisfy({ !normalized[$0].isEmpty }) else { return false }
        // From scheme 4, right after "a" or "an" every wording must take the article the original
        // takes: "an upcoming visit" is never written "an forthcoming visit".
        // (From scheme 7 `keepingArticle` has already settled this, by sound.)
        if scheme.has(.articleAgreement), candidate.first > 0, tokens.tokens[candidate.first - 1].isWord,
            ["a", "an"].contains(tokens.tokens[candidate.first - 1].lower),
            Set(candidate.alternatives.map(Self.articleClass)).count > 1
        {
            return false
        }
        return true
    }

    /// Parts of an address: "www" and "http" in any case, domains only in lower case ("COM" is a Chief of Mission).
    static let addressWords: Set<String> = ["www", "http", "https"]
    static let domainWords: Set<String> = ["org", "com", "gov", "net", "html", "htm"]

    static func isAddressWord(_ token: TextTokens.Token) -> Bool {
        addressWords.contains(token.lower) || domainWords.contains(String(token.text))
    }

    /// Whether tokens `first...last` belong to a web or mail address: glued by dots to a lower-case
    /// domain part, or beside "www", "http" or "@" (a retyped address may have lost its dots).
    static func isInAddress(_ first: Int, _ last: Int, _ tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        var low = first
        while low > 0, list[low - 1].end == list[low].start { low -= 1 }
        var high = last
        while high + 1 < list.count, list[high].end == list[high + 1].start { high += 1 }
        for index in low...high {
            if list[index].text == "@" || isAddressWord(list[index]) { return true }
            if list[index].text == ".", index + 1 <= high, index > low, list[index - 1].isWord, list[index - 1].end == list[index].start,
                list[index].end == list[index + 1].start, list[index + 1].isWord, list[index + 1].text.count >= 2,
                list[index + 1].text.allSatisfy(\.isLowercase)
            {
                return true
            }
        }
        if let previous = tokens.previousWord(before: low), isAddressWord(list[previous]) { return true }
        if let next = tokens.nextWord(after: high), isAddressWord(list[next]) { return true }
        return false
    }

    /// From scheme 7, right after "a" or "an" copies write only the wordings said with that
    /// article: "an EU official" is never written "an European Union official", while "a Foreign
    /// Ministry official" may still read "a Ministry of Foreign Affairs official".
    private func keepingArticle(_ candidate: SlotCandidate, _ tokens: TextTokens, defined: Set<String>) -> SlotCandidate {
        guard candidate.first > 0, tokens.tokens[candidate.first - 1].isWord, ["a", "an"].contains(tokens.tokens[candidate.first - 1].lower)
        else { return candidate }
        let article = tokens.tokens[candidate.first - 1].lower
        let original = Self.firstWord(candidate.alternatives[candidate.original])
        var kept = candidate
        kept.symbols = candidate.symbols.filter { symbol in
            let wording = candidate.alternatives[symbol]
            return Self.firstWord(wording) == original || ArticleSound.articles(wording, abbreviations: defined) == [article]
        }
        return kept
    }

    /// A wording's first word, lower-cased, for telling whether it keeps the original's article.
    static func firstWord(_ wording: String) -> String {
        wording.drop(while: \.isWhitespace).prefix(while: { !$0.isWhitespace }).lowercased()
    }

    /// Whether a wording starts with a vowel letter (the article it takes), or with no letter at all.
    static func articleClass(_ wording: String) -> Int {
        guard let first = wording.first(where: { !$0.isWhitespace }), first.isLetter else { return 2 }
        return "aeiou".contains(first.lowercased()) ? 1 : 0
    }

    /// Whether two slots with no word between them may both stand (see `keptApart`). Never across
    /// a bracket: "non-governmental organizations (NGOs)" defines the abbreviation, and each side
    /// written out would define it by itself.
    private func mayAdjoin(_ a: SlotCandidate, _ b: SlotCandidate, _ tokens: TextTokens) -> Bool {
        guard scheme.has(.adjacentSlots), !Self.keptApart.contains(a.rule), !Self.keptApart.contains(b.rule) else { return false }
        let (low, high) = a.last < b.first ? (a.last, b.first) : (b.last, a.first)
        return !tokens.tokens[(low + 1)..<high].contains { ["(", ")", "[", "]"].contains(String($0.text)) }
    }

    private func hasWordBetween(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>, _ tokens: TextTokens) -> Bool {
        let (low, high) = a.upperBound < b.lowerBound ? (a.upperBound, b.lowerBound) : (b.upperBound, a.lowerBound)
        guard high - low >= 2 else { return false }
        return (low + 1..<high).contains { tokens.tokens[$0].isWord && !tokens.tokens[$0].hasDigit }
    }
}
