/// Rules and wordings added in scheme 8. Like every rule, each keeps meaning, grammar, register
/// and every name, number, negation and modal verb exactly as they were.

extension KnownAbbreviationRule {
    /// Scheme 8's table: scheme 7's and three departments of the U.S. Government, varied only where
    /// the cable writes them (none is a dictionary word but "DOE", and that one is a deer).
    static let schemeEightExpansions: [String: Expansion] = schemeSevenExpansions.merging([
        "DOE": Expansion(wordings: ["Department of Energy"], abbreviationIsSymbol: false, onlyWhereWritten: true),
        "DOD": Expansion(wordings: ["Department of Defense"], abbreviationIsSymbol: false, onlyWhereWritten: true),
        "DOJ": Expansion(wordings: ["Department of Justice"], abbreviationIsSymbol: false, onlyWhereWritten: true),
    ]) { old, _ in old }

    /// Every form scheme 8 looks for, longest first.
    static let schemeEightForms = lookupForms(of: schemeEightExpansions)
}

/// Words that may follow a noun phrase that has ended: a verb, a preposition, a clause word.
/// "and", "or", "of" and nouns are not among them, so a rewritten phrase never takes in a
/// compound ("Pakistan's security forces"), a conjunct ("the views of France and Germany") or
/// an "of" phrase.
let phraseEnders: Set<String> = [
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must", "did",
    "does", "do", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that", "but", "said", "says", "remains", "remained",
    "toward", "towards", "against", "during", "over", "under", "since", "into", "also", "regarding", "concerning", "about",
    "among", "between", "than", "through", "within", "without", "because", "if", "while", "when", "after", "before", "despite",
    "continues", "continued", "appears", "seems", "wants", "wanted", "needs", "needed", "plans", "planned", "intends",
    "today", "yesterday", "now", "recently", "still", "already", "again", "soon", "later", "earlier", "instead", "itself", "alone",
]

/// Words before a possessive name that would have to change with it or belong to it ("the",
/// "former"): the name does not open its own phrase after them.
let possessiveBlockers: Set<String> = RuleCatalogue.determiners.subtracting(["that"]).union([
    "former", "late", "then", "acting", "deputy", "vice", "new", "incoming", "outgoing", "current", "first", "junior", "senior",
    // "Merkel and Sarkozy's proposal" may be the proposal of both.
    "and", "or", "nor",
])

/// Whether a noun phrase ending at `last` ends there for sure: at the paragraph's end, before
/// closing punctuation, before a comma that opens no list or aside, or before a word of
/// `phraseEnders`. From scheme 8 the genitive rules rewrite only such phrases.
func endsNounPhrase(at last: Int, in tokens: TextTokens) -> Bool {
    let list = tokens.tokens
    guard last + 1 < list.count else { return true }
    let next = list[last + 1]
    // A verb in the past ("agreed", "refused") ends it too.
    if next.isWord { return phraseEnders.contains(next.lower) || next.lower.hasSuffix("ed") && next.lower.count > 4 }
    switch String(next.text) {
    case ".", ";", ":", ")", "?", "!", "\"", "\u{201D}":
        return true
    case ",":
        guard last + 2 < list.count, list[last + 2].isWord else { return true }
        let after = list[last + 2]
        return !(isName(after, tokens) || ["and", "or", "which", "who", "whose", "whom", "where", "including"].contains(after.lower))
    default:
        return false
    }
}

/// Whether a possessive name may open its own phrase after `word`: a lower-case word that is not
/// a determiner or a title's adjective ("the", "former"); in a cable written in capitals, where a
/// name cannot be told apart ("UNITED RUSSIA'S"), only a preposition, conjunction or reporting verb.
func opensPossessive(_ word: TextTokens.Token, _ tokens: TextTokens) -> Bool {
    if tokens.allCaps { return possessiveOpeners.contains(word.lower) || ComplementizerRule.verbs.contains(word.lower) }
    return word.text.first?.isLowercase ?? false && !possessiveBlockers.contains(word.lower)
}

/// Whether the word at `index` may be the last of a longer name ("United Russia's"): a
/// capitalised word stands right before it (but a sentence's opening preposition), or, in a
/// cable written in capitals, any word but one that opens a phrase.
func mayEndLongerName(_ index: Int, in tokens: TextTokens) -> Bool {
    guard let previous = tokens.previousWord(before: index) else { return false }
    let word = tokens.tokens[previous]
    if tokens.allCaps { return !opensPossessive(word, tokens) }
    // A sentence's first word is capitalised anyway ("In Pakistan's view").
    return isName(word, tokens) && !(tokens.startsSentence(previous) && possessiveOpeners.contains(word.lower))
}

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
    let reason = "Two countries joined by \"and\" or \"or\" name the same pair in either order (\"between France and Germany\" / \"between Germany and France\"); neither name changes. Never in a list of three or more, never where a word before the first name could apply to it alone (\"northern Iraq and Syria\"), never in a possessive or before a capitalised word, and never in a paragraph where order carries meaning (\"respectively\", \"the former\", \"the latter\", \"vice versa\", \"in that order\")."
    let summary = "France and Germany | Germany and France"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v8

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
                  list[second].lower != list[index].lower, !Self.oneName.contains([list[index].lower, list[second].lower]) else { continue }
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
            let first = list[index].text, last = list[second].text
            let swapped = "\(last) \(list[conjunction].text) \(first)"
            found.append(SlotCandidate(first: index, last: second, alternatives: [String(tokens.span(index, second)), swapped], symbols: [0, 1], original: 0,
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

/// "the Iranian government" / "the government of Iran" / "Iran's government".
struct CountryGovernmentRule: SlotRule {
    let id = "country-government"
    let reason = "\"The Iranian government\", \"the government of Iran\" and \"Iran's government\" name the same government; the country, its adjective and the case of \"government\" are kept. Never inside a longer name (\"the French Government Spokesman\"), a compound, an abbreviation's definition, or after a word that would have to change with it (\"the Iran's\", \"a new Iranian government\"). The host country of a post is left to the host-government rule."
    let summary = "the Iranian government | the government of Iran | Iran's government"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v8

    /// Countries by name and adjective: those with a post, and a few without one.
    /// ("Kosovar" names the people, not the government, so Kosovo is left out.)
    static let countries: [(name: String, adjective: String)] = HostCountry.countries.filter { $0.0 != "Kosovo" }.map { ($0.0, $0.1) } + [
        ("Iran", "Iranian"), ("Somalia", "Somali"), ("North Korea", "North Korean"), ("Kyrgyzstan", "Kyrgyz"), ("Burundi", "Burundian"), ("Laos", "Lao"),
    ]
    /// Each country with its name and adjective as lower-case words.
    static let forms: [Country] = countries.map {
        ($0.name, $0.adjective, TextTokens($0.name).tokens.map(\.lower), TextTokens($0.adjective).tokens.map(\.lower))
    }

    typealias Country = (name: String, adjective: String, nameWords: [String], adjectiveWords: [String])

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        // The host government is the host-government rule's, unless the cable defines its abbreviation otherwise.
        let host = context.host.flatMap { context.abbreviations[$0.governmentAbbreviation] == nil ? $0.name : nil }
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            for country in Self.countries(startingAt: index, in: tokens) where country.name != host {
                guard let match = Self.match(country, at: index, in: tokens) else { continue }
                if let slot = candidate(country, first: index, match, tokens) { found.append(slot) }
                break
            }
        }
        return found
    }

    /// The countries by the first word of their adjective, and of their name.
    static let byAdjective = Dictionary(grouping: forms) { $0.adjectiveWords[0] }
    static let byName = Dictionary(grouping: forms) { $0.nameWords[0] }

    /// The only countries whose government a phrase at `index` may name, by its first words.
    static func countries(startingAt index: Int, in tokens: TextTokens) -> [Country] {
        let list = tokens.tokens
        guard list[index].lower == "the" else {
            var word = list[index].lower
            for suffix in ["'s", "\u{2019}s"] where word.hasSuffix(suffix) { word.removeLast(2) }
            return byName[word] ?? []
        }
        guard let next = tokens.nextWord(after: index) else { return [] }
        var found = byAdjective[list[next].lower] ?? []
        if list[next].lower == "government", let of = tokens.nextWord(after: next), list[of].lower == "of", let name = tokens.nextWord(after: of) {
            found += byName[list[name].lower] ?? []
            // "the government of the Netherlands"
            if list[name].lower == "the", let after = tokens.nextWord(after: name) { found += (byName["the"] ?? []).filter { $0.nameWords.dropFirst().first == list[after].lower } }
        }
        return found
    }

    /// Where a form of the country's government starts at `index`: its last token, the form
    /// (0 adjective, 1 "of", 2 possessive) and the word "government" as written.
    static func match(_ country: Country, at index: Int, in tokens: TextTokens) -> (last: Int, form: Int, government: Substring)? {
        let list = tokens.tokens
        func asName(_ range: ClosedRange<Int>) -> Bool {
            range.allSatisfy { list[$0].lower == "the" || list[$0].text.first?.isUppercase ?? false }
        }
        if list[index].lower == "the" {
            if let end = tokens.endOfPhrase(country.adjectiveWords + ["government"], at: index + 1), asName(index + 1...end - 1) {
                return (end, 0, list[end].text)
            }
            if let end = tokens.endOfPhrase(["government", "of"] + country.nameWords, at: index + 1), asName(index + 3...end) {
                return (end, 1, list[index + 1].text)
            }
            return nil
        }
        // "Iran's government": the name's last word carries the possessive, after a word that
        // leaves room for a determiner ("of Iran's government", not "the Iran's").
        guard country.nameWords.first != "the" else { return nil }
        for apostrophe in ["'", "\u{2019}"] {
            var words = country.nameWords
            words[words.count - 1] += apostrophe + "s"
            guard let end = tokens.endOfPhrase(words + ["government"], at: index), asName(index...end - 1) else { continue }
            if let previous = tokens.previousWord(before: index), !opensPossessive(list[previous], tokens) { return nil }
            return (end, 2, list[end].text)
        }
        return nil
    }

    private func candidate(_ country: Country, first: Int, _ match: (last: Int, form: Int, government: Substring), _ tokens: TextTokens) -> SlotCandidate? {
        let list = tokens.tokens
        let last = match.last
        // Not a compound, a possessive, a longer name, a conjunct or a definition ("the Government of Iran (GOI)").
        guard endsNounPhrase(at: last, in: tokens), !list[last].lower.hasSuffix("'s"), !list[last].lower.hasSuffix("\u{2019}s") else { return nil }
        let caps = tokens.allCaps
        let name = caps ? country.name.uppercased() : country.name
        let adjective = caps ? country.adjective.uppercased() : country.adjective
        let (of, s) = caps ? ("OF", "S") : ("of", "s")
        let the = match.form == 2 ? applyCase("the", template: list[first].text, sentenceStart: tokens.startsSentence(first), allCaps: caps) : String(list[first].text)
        let apostrophe = tokens.span(first, last).contains("\u{2019}") ? "\u{2019}" : "'"
        var alternatives = ["\(the) \(adjective) \(match.government)", "\(the) \(match.government) \(of) \(name)"]
        // "the Netherlands" keeps its article, so it has no possessive wording here.
        let possessive = country.nameWords.first != "the"
        if possessive { alternatives.append("\(name)\(apostrophe)\(s) \(match.government)") }
        guard match.form < alternatives.count, String(tokens.span(first, last)) == alternatives[match.form] else { return nil }
        return SlotCandidate(first: first, last: last, alternatives: alternatives, symbols: Array(alternatives.indices), original: match.form,
                             rule: id, canonical: possessive ? 2 : 1)
    }
}

/// Words after which a possessive name opens its own noun phrase ("of Iran's government").
private let possessiveOpeners: Set<String> = [
    "of", "in", "to", "with", "by", "for", "on", "from", "that", "but", "as", "against", "about", "while", "if", "because",
    "whether", "toward", "towards", "regarding", "concerning", "including", "despite", "under", "over", "between", "among",
]

/// "see para 5" / "see paragraph 5".
struct ParagraphReferenceRule: SlotRule {
    let id = "paragraph-reference"
    let reason = "Before a paragraph's number, \"para\" and \"paragraph\" (\"paras\" and \"paragraphs\") point to the same paragraph; the number is kept."
    let summary = "para 5 | paragraph 5"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v8

    static let forms: [String: (singular: Bool, abbreviated: Bool)] = [
        "para": (true, true), "paragraph": (true, false), "paras": (false, true), "paragraphs": (false, false),
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let form = Self.forms[list[index].lower], index + 1 < list.count, list[index + 1].isWord, list[index + 1].hasDigit,
                  tokens.spaceAfter(index) else { continue }
            let words = form.singular ? ["para", "paragraph"] : ["paras", "paragraphs"]
            let template = list[index].text
            let sentenceStart = tokens.startsSentence(index)
            let alternatives = words.map { applyCase($0, template: template, sentenceStart: sentenceStart, allCaps: tokens.allCaps) }
            let original = form.abbreviated ? 0 : 1
            guard alternatives[original] == template else { continue }
            found.append(SlotCandidate(first: index, last: index, alternatives: alternatives, symbols: [0, 1], original: original, rule: id, canonical: 1))
        }
        return found
    }
}

/// "President Lula's visit" / "the visit of President Lula".
struct PersonGenitiveRule: SlotRule {
    let id = "genitive-person"
    let reason = "For someone named (with any title before the name) and an abstract noun such as position, visit or decision, the s-genitive and the of-genitive name the same thing (\"President Lula's visit\" / \"the visit of President Lula\"); the name and its title are kept. From scheme 9 also events and relations of a person (\"Lula's speech\", \"Garcia's resignation\", \"Chavez's allies\"). Only in cables written in mixed case, where a name can be told from other words; only where the name opens its own phrase after a preposition, conjunction or reporting verb, and the noun ends its phrase."
    let summary = "President Lula's visit | the visit of President Lula"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v8

    /// Capitalised words that are not names of someone (dates, and possessors other rules take).
    static let notPeople: Set<String> = InstitutionGenitiveRule.possessors.union(Gazetteer.weekdays).union(Gazetteer.months)
        .union(["today", "yesterday", "tomorrow"])

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        guard !tokens.allCaps else { return [] }
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            let text = list[index].text
            guard text.hasSuffix("'s") || text.hasSuffix("\u{2019}s") else { continue }
            let name = text.dropLast(2)
            guard Self.looksLikeName(name), !Gazetteer.countries.contains(name.lowercased()), !Self.notPeople.contains(name.lowercased()),
                  let noun = tokens.nextWord(after: index), Self.nouns(context.scheme).contains(list[noun].lower),
                  endsNounPhrase(at: noun, in: tokens) else { continue }
            // The whole name with its titles: the capitalised words before it, after a word that opens a phrase.
            var first = index
            while let previous = tokens.previousWord(before: first), index - previous < 4, Self.looksLikeName(list[previous].text) { first = previous }
            guard let opener = tokens.previousWord(before: first), opensPossessive(list[opener], tokens),
                  context.scheme < .v9 || Self.opensPhrase(list[opener]),
                  (first...index).allSatisfy({ !list[$0].quoted }) else { continue }
            let owner = tokens.span(first, index).dropLast(2)
            let of = "the \(list[noun].text) of \(owner)"
            found.append(SlotCandidate(first: first, last: noun, alternatives: [String(tokens.span(first, noun)), of], symbols: [0, 1], original: 0,
                                       rule: id, canonical: 1))
        }
        return found
    }

    /// A capitalised word with lower-case letters after its first ("Lula", "Al-Maliki"), not an abbreviation.
    static func looksLikeName(_ word: Substring) -> Bool {
        guard let initial = word.first, initial.isUppercase, word.count >= 2, word.contains(where: \.isLowercase) else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" }
    }
}
