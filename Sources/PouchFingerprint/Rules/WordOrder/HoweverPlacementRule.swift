import PouchCore

/// "However, the minister said" / "The minister, however, said": "however" before or after the
/// subject that opens its sentence.
struct HoweverPlacementRule: SlotRule {
    let id = "however-placement"
    let reason =
        "As a connective, \"however\" may open the sentence or follow its subject (\"However, the minister said\" / \"The minister, however, said\"); either way it sets the whole sentence against what went before. Only a short subject that opens the sentence is crossed (a pronoun, a name, or a determiner and up to four words), and only where its verb follows at once."
    let summary = "However, the minister said | The minister, however, said"
    let profile = FingerprintProfile.standard

    static let pronouns: Set<String> = ["he", "she", "they", "we", "it"]
    /// Titles that open a name ("President Lula, however,").
    static let titles: Set<String> = [
        "president", "prime", "minister", "ambassador", "foreign", "secretary", "general", "senator", "deputy", "vice", "king", "queen", "prince",
    ]
    static let openers: Set<String> = [
        "the", "this", "these", "those", "his", "her", "their", "its", "our", "both", "most", "many", "some", "several",
    ]
    /// Verbs that close a subject: finite auxiliaries and the verbs of saying and holding that cables use most.
    static let verbs: Set<String> = ComplementizerRule.finiteAuxiliaries.union([
        "said", "says", "noted", "notes", "stated", "told", "added", "agreed", "argued", "stressed", "explained", "remained",
        "remains", "continued", "continues", "believed", "believes", "appeared", "appears", "seemed", "seems", "wanted", "wants",
        "expressed", "asked", "declined", "refused", "insisted", "acknowledged", "made", "did", "does",
    ])

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && list[index].lower == "however" && !list[index].quoted {
            if tokens.startsSentence(index), index + 2 < list.count, list[index + 1].text == ",", tokens.spaceAfter(index + 1),
                let end = ((index + 2)..<min(index + 7, list.count - 1)).first(where: {
                    isSubject(index + 2, $0, in: tokens) && isVerb($0 + 1, after: index + 2, in: tokens)
                })
            {
                // "However, the minister" → "The minister, however,"
                let subject = casedSubject(index + 2, end, in: tokens, capital: list[index].text.first?.isUppercase ?? false)
                let however = tokens.allCaps ? "HOWEVER" : "however"
                found.append(
                    SlotCandidate(
                        first: index, last: end, alternatives: [String(tokens.span(index, end)), "\(subject), \(however),"],
                        symbols: [0, 1], original: 0, rule: id, canonical: 0))
            } else if index >= 2, index + 2 < list.count, list[index - 1].text == ",", list[index + 1].text == ",", tokens.spaceAfter(index + 1),
                let start = sentenceStart(before: index - 2, in: tokens), isSubject(start, index - 2, in: tokens),
                isVerb(index + 2, after: start, in: tokens)
            {
                // "The minister, however," → "However, the minister"
                let subject = casedSubject(start, index - 2, in: tokens, capital: false)
                let capital = list[start].text.first?.isUppercase ?? false
                let however = tokens.allCaps ? "HOWEVER" : capital ? "However" : "however"
                found.append(
                    SlotCandidate(
                        first: start, last: index + 1, alternatives: [String(tokens.span(start, index + 1)), "\(however), \(subject)"],
                        symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }

    /// Whether `first...last` is a short subject: a pronoun alone, a name, or a determiner and up to four
    /// plain words side by side (no comma, bracket, quotation, number, relative word or preposition).
    private func isSubject(_ first: Int, _ last: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard last < list.count, last - first <= 4, (first...last).allSatisfy({ list[$0].isWord && !list[$0].quoted && !list[$0].hasDigit }) else {
            return false
        }
        // A possessive cannot end a subject ("Ortega's continued attacks": "continued" is no verb there).
        if list[last].lower.hasSuffix("'s") || list[last].lower.hasSuffix("\u{2019}s") { return false }
        let opener = list[first]
        if Self.pronouns.contains(opener.lower) { return first == last }
        guard Self.openers.contains(opener.lower) && last > first || isName(opener, tokens) && isSurelyName(first, in: tokens) else { return false }
        return ((first + 1)...max(first + 1, last)).allSatisfy {
            $0 > last || !ComplementizerRule.notInSubject.contains(list[$0].lower) && !Self.verbs.contains(list[$0].lower)
        }
    }

    /// Whether a capitalised word is a name even where it opens a sentence ("Officials, however," is
    /// no name): an abbreviation, a country, a title, or a word the paragraph capitalises elsewhere
    /// inside a sentence.
    private func isSurelyName(_ first: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        let word = list[first]
        guard tokens.startsSentence(first) else { return true }
        if word.text.count >= 2 && word.text.allSatisfy(\.isUppercase) || Gazetteer.countries.contains(word.lower) { return true }
        if Self.titles.contains(word.lower) { return true }
        return list.indices.contains { $0 != first && list[$0].text == word.text && !tokens.startsSentence($0) }
    }

    /// Whether the word at `index` is the verb of the subject that starts at `subject`.
    private func isVerb(_ index: Int, after subject: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard index < list.count, list[index].isWord, !list[index].quoted else { return false }
        return Self.verbs.contains(list[index].lower) || Self.pronouns.contains(list[subject].lower) && list[index].text.first?.isLowercase == true
    }

    /// The first word of the sentence that ends at `last` (a word, right after the sentence's opening).
    private func sentenceStart(before last: Int, in tokens: TextTokens) -> Int? {
        var start = last
        while start > 0, tokens.tokens[start - 1].isWord, start > last - 6 { start -= 1 }
        return tokens.tokens[start].isWord && tokens.startsSentence(start) ? start : nil
    }

    /// The subject's words, its first word capitalised where it takes the place of a capitalised
    /// "However" and lowered where it follows "However," (a name keeps its capital).
    private func casedSubject(_ first: Int, _ last: Int, in tokens: TextTokens, capital: Bool) -> String {
        let text = String(tokens.span(first, last))
        let word = tokens.tokens[first]
        guard !tokens.allCaps, Self.pronouns.contains(word.lower) || Self.openers.contains(word.lower), let initial = text.first else { return text }
        return (capital ? initial.uppercased() : initial.lowercased()) + text.dropFirst()
    }
}
