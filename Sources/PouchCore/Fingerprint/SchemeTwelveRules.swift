/// Rules added in scheme 12. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.
extension RuleCatalogue {
    /// Words after which "buy" or "buying" would be a noun ("a good buy", "the buying").
    static let purchaseNounMarkers: Set<String> = ["a", "an", "the", "good", "best", "this", "that", "its", "his", "her", "their", "our"]
    /// Words after which "buy" is an idiom, not a purchase ("buy time", "bought into the idea",
    /// "bought us time", "buy off", "buy back").
    static let purchaseIdioms: Set<String> = [
        "time", "some", "into", "up", "back", "off", "out", "in", "us", "him", "her", "them", "me", "himself", "herself", "themselves", "itself", "ourselves",
    ]
    /// Punctuation after which "likely" would stand alone rather than qualify a verb.
    static let clauseEnds: Set<String> = [",", ".", ";", ":", ")", "?", "!"]

    static let schemeTwelvePhraseRules: [any SlotRule] = [
        PhraseRule(id: "likely-probably", reason: "After \"will\" or \"would\" and before the verb they govern, the adverbs \"likely\" and \"probably\" state the same degree of expectation (\"will likely remain\" / \"will probably remain\"); the modal itself is never touched, and \"likely to\" or \"likely that\" (the adjective) is never matched.",
                   alternatives: ["likely", "probably"], profile: .standard, after: ["will", "would"], notBefore: clauseEnds.union(["to", "that"]), since: .v12),
        PhraseRule(id: "first-firstly", reason: "Opening a sentence before a comma, \"First,\" and \"Firstly,\" both number the first of several points.",
                   alternatives: ["first", "firstly"], before: [","], sentenceStart: true, since: .v12),
        PhraseRule(id: "second-secondly", reason: "Opening a sentence before a comma, \"Second,\" and \"Secondly,\" both number the second of several points.",
                   alternatives: ["second", "secondly"], before: [","], sentenceStart: true, since: .v12),
        PhraseRule(id: "third-thirdly", reason: "Opening a sentence before a comma, \"Third,\" and \"Thirdly,\" both number the third of several points.",
                   alternatives: ["third", "thirdly"], before: [","], sentenceStart: true, since: .v12),
        PhraseRule(id: "buy-purchase", reason: "As verbs, \"buy\" and \"purchase\" both mean to acquire for money. Only \"buy\" is looked for (\"purchase\" is also a noun), never after a word that would make it a noun (\"a good buy\") and never in an idiom (\"buy time\", \"bought some time\", \"bought into\", \"bought us time\", \"buy back\").",
                   alternatives: ["buy", "purchase"], profile: .standard, notAfter: purchaseNounMarkers, notBefore: purchaseIdioms, since: .v12, originals: [0]),
        PhraseRule(id: "bought-purchased", reason: "As verbs, \"bought\" and \"purchased\" both mean acquired for money; only \"bought\" is looked for, and never in an idiom (\"bought into\", \"bought time\").",
                   alternatives: ["bought", "purchased"], profile: .standard, notBefore: purchaseIdioms, since: .v12, originals: [0]),
        PhraseRule(id: "buying-purchasing", reason: "As verbs, \"buying\" and \"purchasing\" both mean acquiring for money; only \"buying\" is looked for, never in an idiom (\"buying time\") or the set phrase \"vote buying\".",
                   alternatives: ["buying", "purchasing"], profile: .standard, notAfter: purchaseNounMarkers.union(["vote"]), notBefore: purchaseIdioms, since: .v12, originals: [0]),
        PhraseRule(id: "buys-purchases", reason: "As verbs, \"buys\" and \"purchases\" both mean acquires for money; only \"buys\" is looked for (\"purchases\" is also a noun).",
                   alternatives: ["buys", "purchases"], profile: .standard, notAfter: purchaseNounMarkers, notBefore: purchaseIdioms, since: .v12, originals: [0]),
        HoweverPlacementRule(), BeforeEventRule(),
    ]
}

extension ComplementizerRule {
    /// Scheme 12's verbs of saying, showing or thinking, after which "that" may also be dropped or
    /// added before a clause that a subject and its verb open.
    static let schemeTwelveVerbs: Set<String> = verbs.union([
        "mentioned", "realized", "realize", "realizes", "indicate", "indicates", "signaled", "confided", "affirmed", "opined",
        "recounted", "noticed", "surmised", "presumed", "assumed", "assume", "assumes", "suspect", "suspected", "suspects",
        "declared", "testified", "promised", "alleged", "alleging", "countered", "protested", "joked", "stipulated", "demonstrated",
        "showed", "shows", "reckoned", "wrote", "writes", "guessed", "conceded", "complains", "complaining", "acknowledges",
        "admits", "insists", "maintains", "warns", "predicts", "recalls", "stresses", "emphasizes", "suggests", "explains",
    ])

    /// The verbs this scheme reads.
    static func verbs(for scheme: FingerprintScheme) -> Set<String> {
        scheme >= .v12 ? schemeTwelveVerbs : verbs
    }
}

/// "However, the minister said" / "The minister, however, said": "however" before or after the
/// subject that opens its sentence.
struct HoweverPlacementRule: SlotRule {
    let id = "however-placement"
    let reason = "As a connective, \"however\" may open the sentence or follow its subject (\"However, the minister said\" / \"The minister, however, said\"); either way it sets the whole sentence against what went before. Only a short subject that opens the sentence is crossed (a pronoun, a name, or a determiner and up to four words), and only where its verb follows at once."
    let summary = "However, the minister said | The minister, however, said"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v12

    static let pronouns: Set<String> = ["he", "she", "they", "we", "it"]
    /// Titles that open a name ("President Lula, however,").
    static let titles: Set<String> = ["president", "prime", "minister", "ambassador", "foreign", "secretary", "general", "senator", "deputy", "vice", "king", "queen", "prince"]
    static let openers: Set<String> = ["the", "this", "these", "those", "his", "her", "their", "its", "our", "both", "most", "many", "some", "several"]
    /// Verbs that close a subject: finite auxiliaries and the verbs of saying and holding that cables use most.
    static let verbs: Set<String> = ComplementizerRule.finiteAuxiliaries.union([
        "said", "says", "noted", "notes", "stated", "told", "added", "agreed", "argued", "stressed", "explained", "remained",
        "remains", "continued", "continues", "believed", "believes", "appeared", "appears", "seemed", "seems", "wanted", "wants",
        "expressed", "asked", "declined", "refused", "insisted", "acknowledged", "made", "did", "does",
    ])

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && list[index].lower == "however" && !list[index].quoted {
            if tokens.startsSentence(index), index + 2 < list.count, list[index + 1].text == ",", tokens.spaceAfter(index + 1),
               let end = ((index + 2)..<min(index + 7, list.count - 1)).first(where: { isSubject(index + 2, $0, in: tokens) && isVerb($0 + 1, after: index + 2, in: tokens) }) {
                // "However, the minister" → "The minister, however,"
                let subject = casedSubject(index + 2, end, in: tokens, capital: list[index].text.first?.isUppercase ?? false)
                let however = tokens.allCaps ? "HOWEVER" : "however"
                found.append(SlotCandidate(first: index, last: end, alternatives: [String(tokens.span(index, end)), "\(subject), \(however),"],
                                           symbols: [0, 1], original: 0, rule: id, canonical: 0))
            } else if index >= 2, index + 2 < list.count, list[index - 1].text == ",", list[index + 1].text == ",", tokens.spaceAfter(index + 1),
                      let start = sentenceStart(before: index - 2, in: tokens), isSubject(start, index - 2, in: tokens), isVerb(index + 2, after: start, in: tokens) {
                // "The minister, however," → "However, the minister"
                let subject = casedSubject(start, index - 2, in: tokens, capital: false)
                let capital = list[start].text.first?.isUppercase ?? false
                let however = tokens.allCaps ? "HOWEVER" : capital ? "However" : "however"
                found.append(SlotCandidate(first: start, last: index + 1, alternatives: [String(tokens.span(start, index + 1)), "\(however), \(subject)"],
                                           symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }

    /// Whether `first...last` is a short subject: a pronoun alone, a name, or a determiner and up to four
    /// plain words side by side (no comma, bracket, quotation, number, relative word or preposition).
    private func isSubject(_ first: Int, _ last: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard last < list.count, last - first <= 4, (first...last).allSatisfy({ list[$0].isWord && !list[$0].quoted && !list[$0].hasDigit }) else { return false }
        // A possessive cannot end a subject ("Ortega's continued attacks": "continued" is no verb there).
        if list[last].lower.hasSuffix("'s") || list[last].lower.hasSuffix("\u{2019}s") { return false }
        let opener = list[first]
        if Self.pronouns.contains(opener.lower) { return first == last }
        guard Self.openers.contains(opener.lower) && last > first || isName(opener, tokens) && isSurelyName(first, in: tokens) else { return false }
        return ((first + 1)...max(first + 1, last)).allSatisfy { $0 > last || !ComplementizerRule.notInSubject.contains(list[$0].lower) && !Self.verbs.contains(list[$0].lower) }
    }

    /// Whether a capitalised word is a name even where it opens a sentence ("Officials, however," is
    /// no name): an abbreviation, a country, a title, or a word the paragraph capitalises elsewhere
    /// inside a sentence.
    private func isSurelyName(_ first: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        let word = list[first]
        guard tokens.startsSentence(first) else { return true }
        if word.text.count >= 2 && word.text.allSatisfy(\.isUppercase) || Gazetteer.countries.contains(word.lower) { return true }
        if Self.titles.contains(word.lower) { return true }
        return list.indices.contains { $0 != first && list[$0].text == word.text && !tokens.startsSentence($0) }
    }

    /// Whether the word at `index` is the verb of the subject that starts at `subject`.
    private func isVerb(_ index: Int, after subject: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard index < list.count, list[index].isWord, !list[index].quoted else { return false }
        return Self.verbs.contains(list[index].lower) || Self.pronouns.contains(list[subject].lower) && list[index].text.first?.isLowercase == true
    }

    /// The first word of the sentence that ends at `last` (a word, right after the sentence's opening).
    private func sentenceStart(before last: Int, in tokens: TextTokens) -> Int? {
        var start = last
        while start > 0, tokens.tokens[start - 1].isWord, start > last - 6 { start -= 1 }
        return tokens.tokens[start].isWord && tokens.startsSentence(start) ? start : nil
    }

    /// The subject's words, its first word capitalised where it takes the place of a capitalised
    /// "However" and lowered where it follows "However," (a name keeps its capital).
    private func casedSubject(_ first: Int, _ last: Int, in tokens: TextTokens, capital: Bool) -> String {
        let text = String(tokens.span(first, last))
        let word = tokens.tokens[first]
        guard !tokens.allCaps, Self.pronouns.contains(word.lower) || Self.openers.contains(word.lower), let initial = text.first else { return text }
        return (capital ? initial.uppercased() : initial.lowercased()) + text.dropFirst()
    }
}

/// "before the election" / "prior to the election": "before" only where what follows is surely an
/// event or a point in time, so neither "in front of" nor a clause.
struct BeforeEventRule: SlotRule {
    let id = "before-event"
    let reason = "Before a noun phrase that names an event or a point in time (\"before the election\", \"before the end of the year\"), \"before\" and \"prior to\" mean the same. \"Before\" that may mean \"in front of\" (\"appear before Congress\", \"before the West\") or open a clause (\"before the court decides\") is never matched: the phrase must end at its event noun."
    let summary = "before the election | prior to the election"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v12

    static let openers: Set<String> = ["the", "his", "her", "their", "its", "our", "this", "that", "these", "those", "a", "an", "next"]
    static let events: Set<String> = [
        "election", "elections", "vote", "voting", "meeting", "meetings", "visit", "summit", "conference", "deadline", "arrival",
        "departure", "trip", "talks", "attack", "attacks", "war", "ceremony", "holiday", "holidays", "event", "signing", "release",
        "announcement", "designation", "opening", "surge", "bombing", "bombings", "murder", "emergence", "assassination", "referendum",
        "inauguration", "transition", "handover", "launch", "invasion", "crisis", "coup", "recess", "outbreak", "end", "start",
        "beginning", "close", "ballot", "runoff", "round", "ministerial", "deployment", "withdrawal", "agreement",
    ]
    /// What may follow the event noun: a pause, or a word that cannot be the verb of a clause.
    static let phraseEnds: Set<String> = [
        ",", ".", ";", ":", ")", "of", "in", "on", "at", "and", "or", "but", "to", "for", "with", "when", "where", "which", "that", "so", "as",
    ]
    /// Words before "before" that make it "in front of" ("appear before", "a declaration before").
    static let presence: Set<String> = [
        "appear", "appears", "appeared", "appearing", "go", "goes", "went", "going", "come", "comes", "came", "coming", "testify",
        "testified", "testifies", "testifying", "brought", "bring", "stand", "stood", "speak", "spoke", "speaking", "plead",
        "pleaded", "declaration", "address", "statement", "testimony", "presentation", "briefing",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && list[index].lower == "before" && !list[index].quoted {
            if let previous = tokens.previousWord(before: index), Self.presence.contains(list[previous].lower) { continue }
            guard index + 1 < list.count, list[index + 1].isWord, Self.openers.contains(list[index + 1].lower) else { continue }
            // The determiner, up to two words, then the event noun and the phrase's end.
            var position = index + 1
            var isEvent = false
            for _ in 0..<3 {
                guard position + 1 < list.count, list[position + 1].isWord, !list[position + 1].quoted else { break }
                position += 1
                // The first event noun must end the phrase ("before these talks can start" opens a clause).
                if Self.events.contains(list[position].lower) {
                    isEvent = position + 1 >= list.count || Self.phraseEnds.contains(list[position + 1].lower)
                    break
                }
            }
            guard isEvent else { continue }
            let prior = applyCase("prior to", template: list[index].text, sentenceStart: tokens.startsSentence(index), allCaps: tokens.allCaps)
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(list[index].text), prior], symbols: [0, 1], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}
