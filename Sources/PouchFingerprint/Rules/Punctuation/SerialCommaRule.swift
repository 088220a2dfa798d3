import PouchCore

/// "A, B, and C" / "A, B and C": the serial comma.
struct SerialCommaRule: SlotRule {
    let id = "serial-comma"
    let reason =
        "In a list of three or more items the comma before the final \"and\"/\"or\" is a matter of style; the items and their grouping are unchanged."
    let summary = "A, B, and C | A, B and C"
    let profile = FingerprintProfile.strict

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && ["and", "or"].contains(list[index].lower) && !list[index].quoted {
            guard index >= 2, tokens.nextWord(after: index) != nil else { continue }
            if list[index - 1].text == ",", tokens.spaceAfter(index - 1) {
                // Serial comma present: item B before it, and a comma before B.
                guard list[index - 2].isWord, let itemStart = itemStart(before: index - 2, in: tokens), itemStart > 0,
                    list[itemStart - 1].text == ",", !(itemStart...index).contains(where: { list[$0].hasDigit })
                else { continue }
                // From scheme 12 the comma must close a list item, not an aside ("still occurring, however, and")
                // or a clause ("slanderous, he added, and").
                if context.scheme.has(.strictListCommas), Self.asides.contains(list[index - 2].lower) || !isListItem(itemStart, index - 2, in: tokens)
                {
                    continue
                }
                let word = list[index - 2].text
                found.append(
                    SlotCandidate(
                        first: index - 2, last: index, alternatives: ["\(word), \(list[index].text)", "\(word) \(list[index].text)"],
                        symbols: [0, 1], original: 0, rule: id, canonical: 1))
            } else if list[index - 1].isWord {
                // No serial comma: require at least two comma-separated items before (A, B, C and D).
                guard let itemB = itemStart(before: index - 1, in: tokens), itemB >= 2, list[itemB - 1].text == ",",
                    let itemA = itemStart(before: itemB - 2, in: tokens), itemA >= 1, list[itemA - 1].text == ",",
                    list[itemB - 2].isWord, list[itemA - 2].isWord,
                    !((itemA - 2)...index).contains(where: { list[$0].hasDigit })
                else { continue }
                // From scheme 12 both items before must read as list items: "cess, biannually, between our AG and
                // the Justice Minister" joins two people, and a comma there would split "between A and B".
                if context.scheme.has(.strictListCommas), !isListItem(itemA, itemB - 2, in: tokens) || !isListItem(itemB, index - 1, in: tokens) {
                    continue
                }
                let word = list[index - 1].text
                found.append(
                    SlotCandidate(
                        first: index - 1, last: index, alternatives: ["\(word) \(list[index].text)", "\(word), \(list[index].text)"],
                        symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
        }
        return found
    }

    /// Words that end an aside, not a list item, before a comma ("however, and", "either, and").
    static let asides: Set<String> = [
        "however", "either", "too", "though", "also", "therefore", "instead", "meanwhile", "moreover", "furthermore",
        "nevertheless", "nonetheless", "thus", "again", "added", "said", "says", "noted", "stressed", "argued", "insisted",
        "explained", "claimed", "believes", "thinks", "insist", "insists", "say", "believe", "think", "hoped",
    ]
    /// Words that make a stretch a clause or one half of a pair rather than an item of a list of three or more.
    static let notInListItems: Set<String> = [
        "between", "both", "either", "neither", "whether", "did", "does", "do", "is", "was", "are", "were", "be", "been",
        "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "he", "she", "they", "we",
        "it", "i", "you", "who", "which", "that", "there", "not",
    ]

    /// Whether the words `first...last` can be one item of a list.
    private func isListItem(_ first: Int, _ last: Int, in tokens: TextTokens) -> Bool {
        first <= last && !(first...last).contains { tokens.tokens[$0].isWord && Self.notInListItems.contains(tokens.tokens[$0].lower) }
    }

    /// The first token of a short list item (one to three words, no punctuation) ending at `last`.
    private func itemStart(before last: Int, in tokens: TextTokens) -> Int? {
        var start = last
        var count = 1
        while start > 0, tokens.tokens[start - 1].isWord, count < 3 {
            start -= 1
            count += 1
        }
        if start > 0, tokens.tokens[start - 1].isWord { return nil }
        return start
    }
}
