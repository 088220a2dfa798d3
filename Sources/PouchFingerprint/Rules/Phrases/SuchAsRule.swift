import PouchCore

/// "countries such as Iran" / "countries including Iran".
struct SuchAsRule: SlotRule {
    let id = "such-as"
    let reason =
        "After a plural noun (\"countries such as Iran and Syria\", \"key areas, such as trade\"), \"such as\" and \"including\" both introduce examples of what the noun names. After a singular noun it is left alone (\"a leader such as Putin\" names one like him, not one of several), and so it is before a pronoun or a clause (\"cases such as these\", \"such as when\"). \"Including\" is written but never looked for: it also counts in (\"eleven titles, including the last three\")."
    let summary = "issues such as trade | issues including trade"
    let profile = FingerprintProfile.standard

    /// Plural nouns that do not end in "s".
    static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "media", "police", "data", "personnel", "criteria", "phenomena",
    ]
    /// Words ending in "s" that are not plural nouns.
    static let notPlural: Set<String> = [
        "this", "has", "was", "its", "his", "hers", "ours", "yours", "theirs", "thus", "plus", "perhaps", "always", "sometimes",
        "besides", "towards", "afterwards", "whereas", "unless", "series", "species", "news", "politics", "economics", "means",
    ]
    /// What may not follow "such as" here: a pronoun or a clause.
    static let notExamples: Set<String> = [
        "these", "those", "this", "that", "it", "them", "when", "where", "if", "whether", "how", "why", "what", "to",
    ]

    static func isPlural(_ word: TextTokens.Token) -> Bool {
        let lower = word.lower
        if irregularPlurals.contains(lower) { return true }
        guard lower.count >= 4, lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is"),
            !notPlural.contains(lower), word.text.allSatisfy(\.isLetter)
        else { return false }
        return true
    }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "such" {
            guard let last = tokens.endOfPhrase(["such", "as"], at: index), !tokens.startsSentence(index),
                let example = tokens.nextWord(after: last), !list[example].quoted, !Self.notExamples.contains(list[example].lower)
            else { continue }
            // The noun right before, or before a comma ("key areas, such as trade").
            var noun = index - 1
            if noun >= 1, list[noun].text == "," { noun -= 1 }
            guard noun >= 0, list[noun].isWord, !list[noun].quoted, Self.isPlural(list[noun]) else { continue }
            let including = applyCase("including", template: tokens.span(index, last), sentenceStart: false, allCaps: tokens.allCaps)
            found.append(
                SlotCandidate(
                    first: index, last: last, alternatives: [String(tokens.span(index, last)), including], symbols: [0, 1], original: 0,
                    rule: id, canonical: 1))
        }
        return found
    }
}
