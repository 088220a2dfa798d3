import PouchCore

/// "the plan that would …" / "the plan which would …": the pronoun of a restrictive relative clause.
struct RelativePronounRule: SlotRule {
    let id = "relative-that-which"
    let reason =
        "In a restrictive relative clause (no comma before it) whose pronoun is the subject, \"that\" and \"which\" are both standard in formal English and restrict the noun in the same way."
    let summary = "the plan that would … | the plan which would …"
    let profile = FingerprintProfile.standard

    /// Finite verbs that show the pronoun is the subject of the clause.
    static let verbs: Set<String> = [
        "is", "was", "are", "were", "would", "will", "has", "had", "have", "could", "can", "should", "may", "might", "must",
        "includes", "included", "include", "allows", "allowed", "remains", "remained", "requires", "required", "provides", "provided",
        "seeks", "sought", "aims", "aimed", "calls", "called", "led", "leads", "took", "takes", "came", "comes",
    ]
    /// Words before the pronoun that show it is not relative: verbs of saying, knowing and asking
    /// (a complementiser or a question word follows them), prepositions, conjunctions, pronouns.
    static let notAfter: Set<String> = ComplementizerRule.verbs.union([
        "and", "but", "or", "so", "such", "now", "given", "provided", "except", "in", "of", "on", "at", "by", "to", "for", "with",
        "from", "about", "than", "as", "all", "is", "was", "are", "were", "be", "been", "me", "us", "him", "her", "them", "it",
        "this", "that", "these", "those", "told", "informed", "asked", "know", "knew", "ensure", "clear", "sure", "fact", "idea",
        "view", "belief", "notion", "assurance", "assurances", "hope", "hopes", "sign", "signs", "evidence", "indication",
        "indications", "news", "reports", "rumors", "rumours", "claim", "claims", "concern", "concerns", "fear", "fears",
        "suggestion", "proposal", "impression", "sense", "possibility", "likelihood", "chance", "risk", "danger", "argument",
        "decide", "decided", "determine", "determined", "unclear", "whether", "if", "see", "saw", "seen", "show", "shows", "showed",
        "mean", "means", "meant", "one", "something", "anything", "nothing", "everything", "those", "way", "point", "extent",
        "degree", "time", "moment", "day", "year", "order", "so", "much", "many", "more", "less", "same", "only", "first", "last",
    ])

    static let tellingVerbs: Set<String> = [
        "told", "tells", "tell", "telling", "informed", "informs", "inform", "assured", "assures", "assure", "warned", "warns",
        "reminded", "reminds", "advised", "advises", "convinced", "persuaded", "promised", "promises", "showed", "shows", "taught",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && ["that", "which"].contains(list[index].lower) {
            // A word (a noun) right before, no comma; a finite verb right after.
            guard let previous = tokens.previousWord(before: index), !Self.notAfter.contains(list[previous].lower), !list[previous].hasDigit,
                list[previous].lower.count > 2, !isName(list[previous], tokens),
                let next = tokens.nextWord(after: index), Self.verbs.contains(list[next].lower),
                let afterVerb = tokens.nextWord(after: next), !["that", "which"].contains(list[afterVerb].lower)
            else { continue }
            // The noun must itself follow a determiner or an adjective-like word within three words (a noun phrase).
            var position = previous
            var sawDeterminer = false
            for _ in 0..<3 {
                guard let before = tokens.previousWord(before: position) else { break }
                if RuleCatalogue.determiners.contains(list[before].lower) || ["of", "new", "key", "main"].contains(list[before].lower) {
                    sawDeterminer = true
                    break
                }
                position = before
            }
            guard sawDeterminer else { continue }
            // "told the Ambassador that would be hard": after a verb of telling the "that" opens a
            // reported clause (with "that" as its subject), not a relative clause.
            var telling = false
            var back = position
            for _ in 0..<3 {
                guard back > 0, list[back - 1].isWord else { break }
                back -= 1
                if ComplementizerRule.verbs.contains(list[back].lower) || Self.tellingVerbs.contains(list[back].lower) { telling = true }
            }
            if telling { continue }
            let word = list[index].text
            let other = applyCase(word.lowercased() == "that" ? "which" : "that", template: word, sentenceStart: false, allCaps: tokens.allCaps)
            // A normaliser always writes "that".
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(word), other], symbols: [0, 1], original: 0, rule: id,
                    canonical: word.lowercased() == "that" ? 0 : 1))
        }
        return found
    }
}
