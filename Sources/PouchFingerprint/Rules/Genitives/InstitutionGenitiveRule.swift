import PouchCore

/// "the government's position" / "the position of the government".
struct InstitutionGenitiveRule: SlotRule {
    let id = "genitive-institution"
    let reason =
        "For an office or institution (the government, the President, the party) and an abstract noun such as position, visit or decision, the s-genitive and the of-genitive name the same thing. From scheme 8 only where the phrase surely ends (never before \"and\", \"or\", \"of\" or a noun)."
    let summary = "the government's position | the position of the government"
    let profile = FingerprintProfile.standard

    static let possessors: Set<String> = [
        "government", "president", "minister", "king", "queen", "party", "ministry", "embassy", "opposition", "military", "army",
        "regime", "country", "region", "council", "committee", "court", "parliament", "administration", "prime", "cabinet", "presidency",
        "prince", "leadership", "police", "commission", "union", "alliance", "coalition", "organization", "movement", "agency",
    ]
    static let followers: Set<String> = [
        "on", "to", "in", "at", "and", "was", "is", "has", "had", "would", "will", "for", "with", "that", "which", "as", "by", "but", "or", "were",
        "are",
    ]
    static let nouns = GenitiveRule.nouns.union([
        "silence", "visit", "statement", "statements", "remarks", "comments", "plan", "plans", "failure", "agenda", "record", "credibility",
        "legitimacy", "authority", "control", "handling", "performance", "reputation", "standing", "image", "program", "budget", "efforts",
        "attempt", "attempts", "refusal", "insistence", "announcement", "invitation", "message", "letter", "response", "actions",
    ])

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        let of = tokens.allCaps ? "OF" : "of"
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "the" {
            guard let second = tokens.nextWord(after: index) else { continue }
            let initial = tokens.startsSentence(index)
            // the X's N
            for suffix in ["'s", "\u{2019}s"] where list[second].lower.hasSuffix(suffix) {
                let possessor = list[second].text.dropLast(2)
                guard Self.possessors.contains(possessor.lowercased()), let noun = tokens.nextWord(after: second),
                    Self.nouns.contains(list[noun].lower)
                else { continue }
                // "the N of the X of Y" would change what "of Y" attaches to.
                if let after = tokens.nextWord(after: noun), list[after].lower == "of" { continue }
                // From scheme 8 the noun must end its phrase: scheme 7 wrote "the security of the region forces".
                if context.scheme.has(.genitivesEndTheirPhrase), !endsNounPhrase(at: noun, in: tokens) { continue }
                let the = applyCase("the", template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps)
                let plainThe = tokens.allCaps ? "THE" : "the"
                found.append(
                    SlotCandidate(
                        first: index, last: noun,
                        alternatives: [String(tokens.span(index, noun)), "\(the) \(list[noun].text) \(of) \(plainThe) \(possessor)"],
                        symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
            // the N of the X
            guard Self.nouns.contains(list[second].lower), let ofIndex = tokens.nextWord(after: second), list[ofIndex].lower == "of",
                let the2 = tokens.nextWord(after: ofIndex), list[the2].lower == "the", let possessor = tokens.nextWord(after: the2),
                Self.possessors.contains(list[possessor].lower)
            else { continue }
            // The possessor must end the phrase ("the position of the government of Iraq", "the visit of
            // the President Obama" stay); in capitals a name cannot be told apart, so only a function word may follow.
            if let after = tokens.nextWord(after: possessor) {
                let next = list[after]
                if next.lower == "of" || isName(next, tokens) || (tokens.allCaps && !Self.followers.contains(next.lower)) { continue }
            }
            if possessor + 1 < list.count, ["'", "\u{2019}", "-"].contains(String(list[possessor + 1].text)) { continue }
            // From scheme 8 for sure: scheme 7 wrote "the president's position or the presidency".
            if context.scheme.has(.genitivesEndTheirPhrase), !endsNounPhrase(at: possessor, in: tokens) { continue }
            let the = applyCase("the", template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps)
            let span = tokens.span(index, possessor)
            let apostrophe = span.contains("\u{2019}") ? "\u{2019}" : "'"
            let s = tokens.allCaps ? "S" : "s"
            found.append(
                SlotCandidate(
                    first: index, last: possessor,
                    alternatives: [String(span), "\(the) \(list[possessor].text)\(apostrophe)\(s) \(list[second].text)"],
                    symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}
