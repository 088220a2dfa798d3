import PouchCore

/// "confident that the talks …" / "confident the talks …": "that" after a predicate adjective of
/// certainty or feeling.
struct AdjectiveComplementizerRule: SlotRule {
    let id = "that-after-adjective"
    let reason =
        "After an adjective of certainty or feeling (confident, sure, certain, convinced, hopeful, optimistic, pleased, concerned, worried), the complementiser \"that\" before a clause with its own subject is optional; the clause and its meaning are unchanged."
    let summary = "confident that the … | confident the …"
    let profile = FingerprintProfile.standard

    static let adjectives: Set<String> = [
        "confident", "sure", "certain", "convinced", "hopeful", "optimistic", "pessimistic", "pleased", "glad", "concerned",
        "worried", "afraid", "satisfied", "disappointed", "surprised", "skeptical",
    ]
    /// Words that make the adjective predicative ("is confident", "remains hopeful", "very sure").
    static let predicators: Set<String> = [
        "is", "was", "are", "were", "be", "been", "am", "remains", "remained", "remain", "seemed", "seems", "appeared", "appears",
        "felt", "feels", "very", "quite", "fully", "not", "also", "increasingly", "more", "less", "deeply", "still", "now", "equally",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.adjectives.contains(list[index].lower) {
            guard let previous = tokens.previousWord(before: index), Self.predicators.contains(list[previous].lower),
                let that = tokens.nextWord(after: index), list[that].lower == "that", !list[that].quoted,
                let starter = tokens.nextWord(after: that),
                subjectStarters.contains(list[starter].lower) || pronounSubjects.contains(list[starter].lower),
                list[starter].lower != "that", tokens.nextWord(after: starter) != nil
            else { continue }
            found.append(
                SlotCandidate(
                    first: index, last: that, alternatives: ["\(list[index].text) \(list[that].text)", String(list[index].text)],
                    symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}
