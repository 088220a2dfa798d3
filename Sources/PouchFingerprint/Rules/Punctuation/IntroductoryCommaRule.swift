import PouchCore

/// "During the meeting, he said" / "During the meeting he said": the comma after a short
/// introductory prepositional phrase.
struct IntroductoryCommaRule: SlotRule {
    let id = "introductory-comma"
    let reason = "A comma after a short introductory prepositional phrase is optional; the phrase still modifies the whole sentence."
    let summary = "During the meeting, he … | During the meeting he …"
    let profile = FingerprintProfile.standard

    static let prepositions: Set<String> = [
        "during", "in", "at", "after", "following", "throughout", "upon", "under", "within", "despite", "since", "before",
    ]
    static let fixed: Set<String> = [
        "addition", "particular", "general", "short", "fact", "sum", "contrast", "turn", "response", "return", "any", "other",
    ]
    /// Scheme 3 adds these openers and phrases of up to seven words.
    static let schemeThreePrepositions: Set<String> = prepositions.union([
        "on", "for", "with", "according", "among", "between", "over", "through", "without", "beyond", "unlike", "like",
        "regarding", "concerning", "given", "amid", "across", "against", "by", "from", "outside", "inside", "behind", "along",
    ])
    static let notClauseStarts: Set<String> = [
        "that", "which", "who", "whom", "whose", "where", "when", "such", "including", "especially", "particularly", "notably", "for",
        "however", "too", "as", "and", "but", "or", "nor", "in", "of", "with", "at", "on", "by", "to", "from", "etc", "both", "either",
        "neither", "namely", "even", "although", "though", "if", "while", "i", "e", "not", "like", "than", "after", "before", "since",
    ]
    static let schemeThreeFixed: Set<String> = fixed.union(["example", "instance", "course", "hand", "balance", "whole", "now", "once", "all"])
    /// Words a main clause may open with right after an introductory phrase (from scheme 12).
    static let clauseOpeners: Set<String> = [
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many", "most",
        "several", "each", "every", "both", "no", "any", "few", "much", "other", "he", "she", "it", "they", "we", "i", "you",
        "there", "one",
    ]

    /// Whether the word at `index` opens the main clause itself rather than an aside or a noun the phrase could absorb.
    private func opensMainClause(at index: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        let word = list[index]
        let opener = Self.clauseOpeners.contains(word.lower)
        guard opener || isRedaction(word) || (!tokens.allCaps && (word.text.first?.isUppercase ?? false)) else { return false }
        // "he said," / "she noted," right after the comma is an aside, whatever opens it.
        if let verb = tokens.nextWord(after: index), verb + 1 < list.count, list[verb + 1].text == ",",
            SerialCommaRule.asides.contains(list[verb].lower)
        {
            return false
        }
        return true
    }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        let three = context.scheme.has(.longerIntroductions)
        let openers = three ? Self.schemeThreePrepositions : Self.prepositions
        let longest = three ? 7 : 5
        for index in list.indices where list[index].isWord && openers.contains(list[index].lower) && !list[index].quoted {
            guard tokens.startsSentence(index) else { continue }
            // Two to five (from scheme 3, seven) words, then a comma, then a word.
            var end = index
            while let next = tokens.nextWord(after: end), end - index < longest { end = next }
            guard end > index, end + 2 < list.count, list[end + 1].text == ",", list[end + 2].isWord,
                tokens.spaceAfter(end + 1)
            else { continue }
            if (index...end).contains(where: { list[$0].hasDigit }) { continue }
            if let second = tokens.nextWord(after: index), (three ? Self.schemeThreeFixed : Self.fixed).contains(list[second].lower) { continue }
            // Two capitalised words would meet without the comma ("In Kabul Karzai said"): they could read as one name.
            if three, !tokens.allCaps, list[end].text.first?.isUppercase ?? false, list[end + 2].text.first?.isUppercase ?? false { continue }
            // From scheme 3 the comma must close the phrase and open the main clause: not a comma that
            // opens an aside or a relative clause ("In some cases, such as …", "After two days, that …"),
            // and written right after its word.
            if three, Self.notClauseStarts.contains(list[end + 2].lower) || list[end + 1].start != list[end].end { continue }
            // From scheme 12 the main clause must open with a determiner, a pronoun or (in mixed case) a name,
            // so that the phrase cannot run on into it ("Despite the press fury reaction from …"), and not with
            // an aside ("Like a skilled boxer, he said, the key …" would make him speak like a boxer).
            if context.scheme.has(.strictIntroductoryCommas), !opensMainClause(at: end + 2, in: tokens) { continue }
            let word = list[end].text
            // A normaliser cannot find the comma-less form again, so from scheme 2 on it writes that.
            found.append(
                SlotCandidate(
                    first: end, last: end + 1, alternatives: ["\(word),", String(word)], symbols: [0, 1], original: 0, rule: id,
                    canonical: context.scheme.has(.findableNormalForms) ? 1 : 0))
        }
        return found
    }
}
