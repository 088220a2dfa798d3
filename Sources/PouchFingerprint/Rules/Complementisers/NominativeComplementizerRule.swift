import PouchCore

/// "noted he would …" / "noted that he would …": the complementiser added where scheme 1 did not.
struct NominativeComplementizerRule: SlotRule {
    let id = "that-before-pronoun"
    let reason =
        "After a verb of saying or thinking, a nominative pronoun (he, she, they, we) can only open a reported clause, so \"that\" may be added or left out before it with the same meaning. From scheme 5 the same holds before a short subject that a determiner or title opens and an auxiliary closes (\"noted the government would\"), with no pronoun, preposition or relative word inside it."
    let summary = "noted he would … | noted that he would …"
    let profile = FingerprintProfile.strict

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        let verbs = ComplementizerRule.verbs(for: context.scheme)
        for index in list.indices where ComplementizerRule.site(at: index, in: tokens, verbs: verbs) == nil {
            guard let site = ComplementizerRule.schemeTwoSite(at: index, in: tokens, verbs: verbs, scheme: context.scheme), !site.hasThat else {
                continue
            }
            if context.scheme.has(.nounUsesKept), ComplementizerRule.isNounUse(index, in: tokens) { continue }
            let verb = list[index].text
            let that = tokens.allCaps ? "THAT" : "that"
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(verb), "\(verb) \(that)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}
