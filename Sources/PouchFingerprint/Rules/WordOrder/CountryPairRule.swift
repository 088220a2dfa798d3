import PouchCore

/// Words after which two joined countries form a phrase of their own: nothing before them can
/// apply to the first one only ("northern Iraq and Syria" is left alone).
private let pairOpeners: Set<String> = [
    "in", "to", "with", "between", "from", "for", "on", "of", "by", "about", "against", "toward", "towards", "including",
    "like", "among", "across", "into", "at", "over", "through", "within", "without", "both", "either", "that", "as", "while",
    "whether", "if", "because", "since", "when", "where", "than", "regarding", "concerning", "involving", "visited", "visit",
    "but",
]

/// "between France and Germany" / "between Germany and France".
struct CountryPairRule: SlotRule {
    let id = "country-pair-order"
    let reason =
        "Two countries joined by \"and\" or \"or\" name the same pair in either order (\"between France and Germany\" / \"between Germany and France\"); neither name changes. Never in a list of three or more, never where a word before the first name could apply to it alone (\"northern Iraq and Syria\"), never in a possessive or before a capitalised word, and never in a paragraph where order carries meaning (\"respectively\", \"the former\", \"the latter\", \"vice versa\", \"in that order\")."
    let summary = "France and Germany | Germany and France"
    let profile = FingerprintProfile.standard

    /// Single-word countries; "the Netherlands" and "the Philippines" take an article, so they are left out.
    static let countries: Set<String> = Gazetteer.countries.subtracting(Gazetteer.notCountries).subtracting(["netherlands", "philippines"])
    /// Punctuation after the second name that binds what follows to it alone ("Iraq (with U.S.
    /// troops)"), or makes it a possessive or compound.
    static let attachesToLast: Set<String> = ["'", "\u{2019}", "-", "/", "(", "[", "\u{2014}", "\u{2013}"]
    /// Words after a comma that continue a list or open an aside that may be about the second name only.
    static let listOrAside: Set<String> = ["and", "or", "which", "who", "whose", "where", "whom", "the", "a", "an", "its", "both", "each"]
    /// In a cable written in capitals, the words after the pair that show it has ended.
    static let clauseWordsInCapitals = PortfolioRule.clauseWords.union(["are", "were", "have", "agreed", "should", "could", "can", "may", "must"])
    /// Pairs that were once one country's name.
    static let oneName: Set<Set<String>> = [["serbia", "montenegro"]]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        if Self.ordersSomething(tokens) { return [] }
        var found: [SlotCandidate] = []
        for index in list.indices where isCountry(index, tokens) {
            guard let conjunction = tokens.nextWord(after: index), ["and", "or"].contains(list[conjunction].lower),
                let second = tokens.nextWord(after: conjunction), isCountry(second, tokens),
                list[second].lower != list[index].lower, !Self.oneName.contains([list[index].lower, list[second].lower])
            else { continue }
            // Opening its own phrase: at a sentence's start, after "(", or after a preposition or conjunction.
            let opens: Bool
            if let previous = tokens.previousWord(before: index) {
                opens = pairOpeners.contains(list[previous].lower)
            } else {
                opens = index == 0 || tokens.startsSentence(index) || list[index - 1].text == "("
            }
            guard opens else { continue }
            // Closing it: punctuation (not a list going on, not a possessive), or a word that is not a name.
            if second + 1 < list.count {
                let next = list[second + 1]
                if next.isWord {
                    if ["and", "or", "nor"].contains(next.lower) || isName(next, tokens) { continue }
                    if tokens.allCaps, !Self.clauseWordsInCapitals.contains(next.lower) { continue }
                } else if Self.attachesToLast.contains(String(next.text)) {
                    continue
                } else if next.text == ",", second + 2 < list.count, Self.listOrAside.contains(list[second + 2].lower) {
                    continue
                }
            }
            let first = list[index].text
            let last = list[second].text
            let swapped = "\(last) \(list[conjunction].text) \(first)"
            found.append(
                SlotCandidate(
                    first: index, last: second, alternatives: [String(tokens.span(index, second)), swapped], symbols: [0, 1], original: 0,
                    rule: id, canonical: list[index].lower < list[second].lower ? 0 : 1))
        }
        return found
    }

    /// A country in its own capitals, unquoted, not possessive and not inside a longer name.
    private func isCountry(_ index: Int, _ tokens: TextTokens) -> Bool {
        let token = tokens.tokens[index]
        guard token.isWord, !token.quoted, Self.countries.contains(token.lower), token.text.first?.isUppercase ?? false else { return false }
        return tokens.allCaps || token.text.dropFirst().allSatisfy(\.isLowercase)
    }

    /// Whether the paragraph ties some order to its pairs ("respectively", "the former", "vice versa").
    static func ordersSomething(_ tokens: TextTokens) -> Bool {
        let words = tokens.tokens.filter(\.isWord).map(\.lower)
        if words.contains("respectively") { return true }
        for (a, b) in zip(words, words.dropFirst()) {
            if (a == "the" && ["former", "latter"].contains(b)) || (a == "vice" && b == "versa") || (a == "that" && b == "order") { return true }
        }
        return false
    }
}
