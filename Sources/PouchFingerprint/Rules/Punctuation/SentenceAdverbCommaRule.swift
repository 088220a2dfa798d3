import PouchCore

/// "Separately, the minister …" / "Separately the minister …": the comma after a short adverb opening a sentence.
struct SentenceAdverbCommaRule: SlotRule {
    let id = "sentence-adverb-comma"
    let reason =
        "After a one-word adverb of time, sequence or manner opening a sentence, the comma is optional; the adverb still modifies the whole sentence."
    let summary = "Separately, he … | Separately he …"
    let profile = FingerprintProfile.standard

    /// Adverbs that cannot be read as part of the subject when the comma goes.
    static let adverbs: Set<String> = [
        "separately", "recently", "previously", "subsequently", "earlier", "later", "currently", "today", "yesterday",
        "ultimately", "eventually", "initially", "traditionally", "historically", "privately", "publicly",
        "additionally", "consequently", "accordingly", "similarly", "likewise", "finally", "instead", "overall", "lately",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.adverbs.contains(list[index].lower) {
            guard tokens.startsSentence(index), index + 1 < list.count else { continue }
            let word = list[index].text
            if list[index + 1].text == ",", tokens.spaceAfter(index + 1), index + 2 < list.count, list[index + 2].isWord,
                subjectStarters.contains(list[index + 2].lower) || isName(list[index + 2], tokens)
            {
                found.append(
                    SlotCandidate(
                        first: index, last: index + 1, alternatives: ["\(word),", String(word)], symbols: [0, 1], original: 0, rule: id, canonical: 0)
                )
            } else if let next = tokens.nextWord(after: index), subjectStarters.contains(list[next].lower) || isName(list[next], tokens) {
                found.append(
                    SlotCandidate(
                        first: index, last: index, alternatives: [String(word), "\(word),"], symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }
}
