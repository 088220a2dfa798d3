import PouchCore

/// "Pakistan's position" / "the position of Pakistan".
struct GenitiveRule: SlotRule {
    let id = "genitive"
    let reason =
        "For a country and an abstract noun such as position, policy or government, the s-genitive and the of-genitive name the same thing (\"Pakistan's position\" / \"the position of Pakistan\"); the name itself is kept. From scheme 8 only where the phrase surely ends (never before \"and\", \"or\", \"of\" or a noun), never after a capitalised word that may begin the name, and never after \"and\" or \"or\"."
    let summary = "Pakistan's position | the position of Pakistan"
    let profile = FingerprintProfile.standard

    static let nouns: Set<String> = [
        "position", "policy", "policies", "government", "decision", "role", "efforts", "concerns", "support", "relationship",
        "economy", "proposal", "request", "response", "stance", "view", "views", "interests", "priorities", "leadership",
        "commitment", "participation", "security", "sovereignty", "future", "approach", "strategy", "ability", "willingness",
        "reluctance", "influence", "assistance", "cooperation", "objectives", "goals", "intentions", "reaction", "capacity",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            let lower = list[index].lower
            // X's N
            for suffix in ["'s", "\u{2019}s"] where lower.hasSuffix(suffix) {
                let country = String(list[index].text.dropLast(2))
                guard Gazetteer.countries.contains(country.lowercased()), let noun = tokens.nextWord(after: index),
                    Self.nouns.contains(list[noun].lower)
                else { continue }
                // Not inside a longer noun phrase ("the Pakistan's") or before "of" ("X's view of").
                if let previous = tokens.previousWord(before: index), ["the", "a", "an"].contains(list[previous].lower) { continue }
                // From scheme 8 the noun must end its phrase (scheme 7 wrote "the security of Pakistan forces"),
                // and the country must not end a longer name (it wrote "United the leadership of Russia").
                if context.scheme.has(.genitivesEndTheirPhrase), !endsNounPhrase(at: noun, in: tokens) || mayEndLongerName(index, in: tokens) {
                    continue
                }
                // Nor one of two possessors ("France and Germany's position" may be theirs together).
                if context.scheme.has(.genitivesEndTheirPhrase), let previous = tokens.previousWord(before: index),
                    ["and", "or", "nor"].contains(list[previous].lower)
                {
                    continue
                }
                let initial = tokens.startsSentence(index)
                let the = applyCase("the", template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps)
                let of = tokens.allCaps ? "OF" : "of"
                let span = tokens.span(index, noun)
                found.append(
                    SlotCandidate(
                        first: index, last: noun, alternatives: [String(span), "\(the) \(list[noun].text) \(of) \(country)"], symbols: [0, 1],
                        original: 0, rule: id, canonical: 0))
            }
            // the N of X
            guard lower == "the", let noun = tokens.nextWord(after: index), Self.nouns.contains(list[noun].lower),
                let of = tokens.nextWord(after: noun), list[of].lower == "of", let country = tokens.nextWord(after: of),
                Gazetteer.countries.contains(list[country].lower)
            else { continue }
            // The country must end the phrase (not "the position of Pakistan Army").
            if let after = tokens.nextWord(after: country), isName(list[after], tokens) || tokens.allCaps {
                _ = after
                continue
            }
            // From scheme 8 for sure: scheme 7 wrote "France's views and Germany" for "the views of France and Germany".
            if context.scheme.has(.genitivesEndTheirPhrase), !endsNounPhrase(at: country, in: tokens) { continue }
            let span = tokens.span(index, country)
            let apostrophe = span.contains("\u{2019}") ? "\u{2019}" : "'"
            let s = tokens.allCaps ? "S" : "s"
            found.append(
                SlotCandidate(
                    first: index, last: country, alternatives: [String(span), "\(list[country].text)\(apostrophe)\(s) \(list[noun].text)"],
                    symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}
