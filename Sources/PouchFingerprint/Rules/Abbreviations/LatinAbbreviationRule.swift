import PouchCore

/// "(e.g., the north)" / "(for example, the north)" / "(for instance, the north)"; "i.e." / "that is".
struct LatinAbbreviationRule: SlotRule {
    let id = "e-g-i-e"
    let reason =
        "\"E.g.\" is read \"for example\" (or \"for instance\") and \"i.e.\" is read \"that is\"; writing the words out changes nothing but the spelling."
    let summary = "e.g. | for example | for instance; i.e. | that is"
    let profile = FingerprintProfile.strict

    static let expansions: [String: [String]] = ["e.g": ["for example", "for instance"], "i.e": ["that is"]]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let expansions = Self.expansions[list[index].lower], index + 1 < list.count, list[index + 1].text == "." else { continue }
            let initial = tokens.startsSentence(index)
            let written = expansions.map { applyCase($0, template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps) }
            found.append(
                SlotCandidate(
                    first: index, last: index + 1, alternatives: [String(tokens.span(index, index + 1))] + written,
                    symbols: Array(0...expansions.count), original: 0, rule: id, canonical: 0))
        }
        return found
    }
}
