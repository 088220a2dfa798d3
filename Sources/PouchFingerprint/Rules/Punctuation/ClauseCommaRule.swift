import PouchCore

/// "X said, but Y …" / "X said but Y …": the comma before a conjunction joining two clauses.
struct ClauseCommaRule: SlotRule {
    let id = "clause-comma"
    let reason =
        "Before \"but\" or \"and\" joining two clauses that each have a subject, the comma is optional; the clauses and their relation are unchanged."
    let summary = "…, but he … | … but he …"
    let profile = FingerprintProfile.standard

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && ["but", "and"].contains(list[index].lower) {
            if context.scheme.has(.clauseCommaAdded), let added = commaAdded(before: index, in: tokens) {
                found.append(added)
                continue
            }
            guard index >= 2, list[index - 1].text == ",", tokens.spaceAfter(index - 1), list[index - 2].isWord, !list[index - 2].hasDigit,
                let subject = tokens.nextWord(after: index), pronounSubjects.contains(list[subject].lower) || list[subject].lower == "the",
                tokens.nextWord(after: subject) != nil
            else { continue }
            // The clause before has at least five words and no other comma (so this is not a list).
            var words = 0
            var position = index - 2
            var sawComma = false
            while position >= 0 {
                let token = list[position]
                if token.isWord {
                    words += 1
                } else if token.text == "," {
                    sawComma = true
                    break
                } else if [".", ";", ":", "?", "!"].contains(String(token.text)) {
                    break
                }
                position -= 1
            }
            guard words >= 5, !sawComma else { continue }
            let word = list[index - 2].text
            // A normaliser cannot find the comma-less form again, so from scheme 2 on it writes that.
            found.append(
                SlotCandidate(
                    first: index - 2, last: index, alternatives: ["\(word), \(list[index].text)", "\(word) \(list[index].text)"], symbols: [0, 1],
                    original: 0, rule: id,
                    canonical: context.scheme.has(.findableNormalForms) ? 1 : 0))
        }
        return found
    }

    /// Scheme 2 also adds the comma: "… but he …" → "…, but he …", for "but" before a pronoun
    /// subject after a clause of five or more words with no comma and no negation (so not
    /// "not this but that").
    private func commaAdded(before index: Int, in tokens: TextTokens) -> SlotCandidate? {
        let list = tokens.tokens
        guard list[index].lower == "but", index >= 1, list[index - 1].isWord, !list[index - 1].hasDigit,
            let subject = tokens.nextWord(after: index), pronounSubjects.contains(list[subject].lower),
            tokens.nextWord(after: subject) != nil
        else { return nil }
        var words = 0
        var position = index - 1
        while position >= 0 {
            let token = list[position]
            if token.isWord {
                if SlotFinder.negations.contains(token.lower) || token.lower.hasSuffix("n't") { return nil }
                words += 1
            } else if [",", ".", ";", ":", "?", "!"].contains(String(token.text)) {
                if token.text == "," { return nil }
                break
            }
            position -= 1
        }
        guard words >= 5 else { return nil }
        let word = list[index - 1].text
        return SlotCandidate(
            first: index - 1, last: index, alternatives: ["\(word) \(list[index].text)", "\(word), \(list[index].text)"], symbols: [0, 1],
            original: 0, rule: id, canonical: 0)
    }
}
