import PouchCore

/// "met with the Minister" / "met the Minister".
struct MetWithRule: SlotRule {
    let id = "met-with"
    let reason = "In American usage \"met with\" a person and \"met\" a person report the same meeting."
    let summary = "met with X | met X (X a person)"
    let profile = FingerprintProfile.standard

    static let people: Set<String> = [
        "him", "her", "them", "us", "me", "poloff", "polcouns", "emboffs", "emboff", "econoff", "ambassador", "minister", "president", "officials",
        "representatives", "leaders", "members",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && ["met", "meets"].contains(list[index].lower) {
            if let previous = tokens.previousWord(before: index),
                ["was", "were", "is", "are", "be", "been", "being", "had", "has", "have"].contains(list[previous].lower)
            {
                continue
            }
            guard let next = tokens.nextWord(after: index) else { continue }
            let withWord = list[next].lower == "with"
            let objectStart = withWord ? tokens.nextWord(after: next) : next
            guard let object = objectStart, Self.isPerson(object, tokens) else { continue }
            let verb = list[index].text
            if withWord {
                found.append(
                    SlotCandidate(
                        first: index, last: next, alternatives: ["\(verb) \(list[next].text)", String(verb)], symbols: [0, 1], original: 0, rule: id,
                        canonical: 1))
            } else {
                let with = tokens.allCaps ? "WITH" : "with"
                found.append(
                    SlotCandidate(
                        first: index, last: index, alternatives: [String(verb), "\(verb) \(with)"], symbols: [0, 1], original: 0, rule: id,
                        canonical: 0))
            }
        }
        return found
    }

    /// Whether the words at `index` name a person: a pronoun or role, "the" and a role, or a name.
    static func isPerson(_ index: Int, _ tokens: TextTokens) -> Bool {
        let token = tokens.tokens[index]
        if Self.people.contains(token.lower) { return true }
        if ["the", "his", "her", "their", "its"].contains(token.lower), let next = tokens.nextWord(after: index) {
            return Self.people.contains(tokens.tokens[next].lower) || isName(tokens.tokens[next], tokens)
        }
        return isName(token, tokens)
    }
}
