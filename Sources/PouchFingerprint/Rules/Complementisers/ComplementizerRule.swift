import PouchCore

/// "X said that the …" / "X said the …": the complementiser "that" after a reporting verb is optional.
struct ComplementizerRule: SlotRule {
    let id = "that-complementizer"
    let reason =
        "After a verb of saying or thinking, the complementiser \"that\" introducing the reported clause is optional in formal English; the clause, its subject and its meaning are unchanged."
    let summary = "said that … | said … (after reporting verbs)"
    let profile = FingerprintProfile.strict

    /// Verbs after which "that" may be dropped before a clause.
    static let verbs: Set<String> = [
        "said", "says", "stated", "noted", "added", "explained", "argued", "claimed", "believed", "believes", "thinks",
        "thought", "felt", "feels", "agreed", "suggested", "stressed", "emphasized", "acknowledged", "admitted", "confirmed",
        "indicated", "insisted", "predicted", "reported", "asserted", "maintained", "observed", "recalled", "remarked",
        "replied", "responded", "warned", "hoped", "hopes", "expects", "expected", "assessed", "concluded", "speculated",
        "commented", "complained", "conceded", "contended", "estimated", "implied", "reiterated", "revealed", "underscored",
        "judged", "judges", "assesses", "understands", "understood", "recognized", "announced", "asserts", "notes", "adds",
        "believe", "think", "hope", "expect", "say", "understand", "assess", "judge", "feel", "know", "knew", "agree", "learned",
        "claim", "claims", "argue", "argues", "worry", "worries", "worried", "fear", "feared", "fears", "doubt", "doubted",
        "noting", "saying", "adding", "stating", "arguing", "explaining", "stressing", "emphasizing", "suggesting", "claiming",
        "insisting", "warning", "cautioned", "cautioning", "acknowledging", "believing", "asserting", "indicating", "reporting",
        "predicting", "confirming", "estimating", "concluding", "conceding", "recalling", "reiterating", "observing",
        "ensure", "ensures", "ensured", "ensuring", "convinced",
    ]
    /// Words that follow a clause's subject.
    static let auxiliaries: Set<String> = [
        "would", "will", "could", "can", "should", "may", "might", "must", "is", "was", "are", "were", "has", "had", "have",
        "did", "does", "do", "remains", "remained", "wants", "wanted", "needs", "needed", "plans", "planned", "intends",
    ]
    /// Verbs that almost never take a noun-phrase object, so "that" may also be added.
    static let clauseOnlyVerbs: Set<String> = [
        "said", "says", "believes", "believed", "thinks", "thought", "hoped", "hopes", "insisted", "argued", "asserted",
        "contended", "speculated", "claimed", "feels", "felt",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices {
            guard let site = Self.site(at: index, in: tokens, verbs: Self.verbs(for: context.scheme)) else { continue }
            if context.scheme.has(.nounUsesKept), Self.isNounUse(index, in: tokens) { continue }
            let verb = list[index].text
            if site.hasThat {
                let that = list[site.last].text
                found.append(
                    SlotCandidate(
                        first: index, last: site.last, alternatives: ["\(verb) \(that)", String(verb)], symbols: [0, 1], original: 0, rule: id,
                        canonical: 1))
            } else {
                let that = tokens.allCaps ? "THAT" : "that"
                found.append(
                    SlotCandidate(
                        first: index, last: index, alternatives: [String(verb), "\(verb) \(that)"], symbols: [0, 1], original: 0, rule: id,
                        canonical: 0))
            }
        }
        return found
    }

    /// Words after which a verb of saying or thinking is a noun ("his hope that", "its fears that"),
    /// whose "that" cannot be dropped (from scheme 12). Not "some" or "each", which may be the subject
    /// ("Some say that").
    static let nounMarkers: Set<String> = ["his", "her", "its", "their", "our", "my", "your", "this", "these", "no", "every"]

    /// Whether the word at `index` follows a possessive or a determiner, and so is a noun.
    static func isNounUse(_ index: Int, in tokens: TextTokens) -> Bool {
        guard let previous = tokens.previousWord(before: index) else { return false }
        return nounMarkers.contains(tokens.tokens[previous].lower)
    }

    /// Where the verb at `index` introduces a reported clause whose "that" may be dropped or
    /// added: the span's last token (the "that", or the verb itself) and whether "that" is there.
    static func site(at index: Int, in tokens: TextTokens, verbs: Set<String> = verbs) -> (last: Int, hasThat: Bool)? {
        let list = tokens.tokens
        guard list[index].isWord, !list[index].quoted, verbs.contains(list[index].lower) else { return nil }
        if let previous = tokens.previousWord(before: index), ["a", "an", "the", "to"].contains(list[previous].lower) { return nil }
        guard let next = tokens.nextWord(after: index) else { return nil }
        if list[next].lower == "that" {
            guard let starter = tokens.nextWord(after: next) else { return nil }
            // The clause's subject: a pronoun or determiner, a name, or one word followed by an auxiliary ("that Pakistan would").
            let followedByAuxiliary = tokens.nextWord(after: starter).map { auxiliaries.contains(list[$0].lower) } ?? false
            guard subjectStarters.contains(list[starter].lower) || isName(list[starter], tokens) || followedByAuxiliary,
                list[starter].lower != "that"
            else { return nil }
            return (next, true)
        }
        if clauseOnlyVerbs.contains(list[index].lower),
            pronounSubjects.contains(list[next].lower)
                || (["said", "says", "believes", "believed", "thinks", "thought"].contains(list[index].lower)
                    && subjectStarters.contains(list[next].lower))
        {
            // The word after the verb must itself be followed by a word (a clause goes on).
            guard tokens.nextWord(after: next) != nil else { return nil }
            return (index, false)
        }
        return nil
    }
}

extension ComplementizerRule {
    /// Nominative pronouns: after a verb of saying they can only open a clause ("noted he would").
    static let nominatives: Set<String> = ["he", "she", "they", "we"]

    /// Scheme 2 finds, besides scheme 1's sites, a dropped "that" before a nominative pronoun after
    /// any verb of saying or thinking ("noted he would" / "noted that he would").
    /// From scheme 5 also before a subject that a determiner or title opens and an auxiliary
    /// closes ("said the government would" / "said that the government would").
    static func schemeTwoSite(
        at index: Int, in tokens: TextTokens, verbs: Set<String> = verbs, scheme: FingerprintScheme = .v2
    ) -> (last: Int, hasThat: Bool)? {
        if let site = site(at: index, in: tokens, verbs: verbs) { return site }
        let list = tokens.tokens
        guard list[index].isWord, !list[index].quoted, verbs.contains(list[index].lower) else { return nil }
        if let previous = tokens.previousWord(before: index), ["a", "an", "the", "to"].contains(list[previous].lower) { return nil }
        guard let next = tokens.nextWord(after: index) else { return nil }
        if nominatives.contains(list[next].lower), tokens.nextWord(after: next) != nil { return (index, false) }
        if scheme.has(.thatBeforeShortSubject), opensSubject(at: next, in: tokens) { return (index, false) }
        return nil
    }

    /// Words that open a noun phrase which, closed by an auxiliary, can only be a clause's subject.
    static let subjectOpeners: Set<String> = [
        "the", "this", "these", "those", "his", "her", "their", "its", "our", "some", "many", "most", "both", "all", "several",
        "president", "prime", "foreign", "minister", "government",
    ]
    /// Finite auxiliaries and modals that close such a subject.
    static let finiteAuxiliaries: Set<String> = [
        "would", "will", "could", "can", "should", "may", "might", "must", "had", "has", "have", "was", "were", "is", "are", "did", "does",
    ]
    /// Words that may not stand inside the subject: they would open a relative clause or another phrase
    /// ("noted the points he would raise" is not "noted that the points he would raise").
    static let notInSubject: Set<String> = RuleCatalogue.determiners.union(nominatives).union([
        "i", "you", "it", "who", "whom", "whose", "which", "what", "where", "when", "why", "how", "of", "in", "on", "at", "to", "for", "with",
        "by", "from", "and", "or", "but", "as", "than", "not", "no", "also", "only", "there", "here", "if", "whether", "so",
    ]).union(AlsoAuxiliaryRule.auxiliaries)

    /// Whether a determiner or title at `start` opens a subject of at most four words that an
    /// auxiliary follows directly, with nothing but plain words between.
    static func opensSubject(at start: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard subjectOpeners.contains(list[start].lower), !list[start].quoted else { return false }
        var position = start
        for _ in 0..<4 {
            guard let next = tokens.nextWord(after: position), !list[next].quoted, !list[next].hasDigit else { return false }
            if finiteAuxiliaries.contains(list[next].lower) { return position > start }
            if notInSubject.contains(list[next].lower) { return false }
            position = next
        }
        return false
    }
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
        scheme.has(.moreThatVerbs) ? schemeTwelveVerbs : verbs
    }
}
