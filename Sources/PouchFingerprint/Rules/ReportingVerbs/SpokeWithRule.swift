import PouchCore

/// "spoke with the Minister" / "spoke to the Minister".
struct SpokeWithRule: SlotRule {
    let id = "spoke-with"
    let reason =
        "With a person as object, \"spoke with\" and \"spoke to\" (and \"talked with\" / \"talked to\") report the same conversation; \"spoke to the issue\" (a topic) is never matched."
    let summary = "spoke with X | spoke to X (X a person)"
    let profile = FingerprintProfile.standard

    static let verbs: Set<String> = ["spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "talking"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.verbs.contains(list[index].lower) {
            // "talks with" after a determiner is the noun ("the talks with Iran").
            if let previous = tokens.previousWord(before: index), RuleCatalogue.determiners.contains(list[previous].lower) { continue }
            guard let preposition = tokens.nextWord(after: index), ["with", "to"].contains(list[preposition].lower),
                let object = tokens.nextWord(after: preposition), MetWithRule.isPerson(object, tokens)
            else { continue }
            let verb = list[index].text
            let other = applyCase(
                list[preposition].lower == "with" ? "to" : "with", template: list[preposition].text, sentenceStart: false, allCaps: tokens.allCaps)
            let alternatives = ["\(verb) \(list[preposition].text)", "\(verb) \(other)"]
            found.append(
                SlotCandidate(
                    first: index, last: preposition, alternatives: alternatives, symbols: [0, 1], original: 0, rule: id,
                    canonical: list[preposition].lower == "with" ? 0 : 1))
        }
        return found
    }
}
