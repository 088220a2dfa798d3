/// Wordings added in scheme 7. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.

extension KnownAbbreviationRule {
    /// Scheme 7's table: scheme 6's, "FM" also as "Minister of Foreign Affairs", and more bodies
    /// and offices every reader of cables knows by their letters. Each has one expansion in
    /// diplomatic usage; where a cable defines the abbreviation itself, its own definition rules.
    static let schemeSevenExpansions: [String: Expansion] = {
        var table = expansions
        table["FM"] = Expansion(wordings: ["Foreign Minister", "Minister of Foreign Affairs"], abbreviationIsSymbol: true)
        let added: [String: Expansion] = [
            // Abbreviations in the en_US dictionary: copies may write them anywhere.
            "NATO": Expansion(wordings: ["North Atlantic Treaty Organization"], abbreviationIsSymbol: true),
            "NSC": Expansion(wordings: ["National Security Council"], abbreviationIsSymbol: true),
            "MOD": Expansion(wordings: ["Ministry of Defense", "Defense Ministry"], abbreviationIsSymbol: true),
            "FBI": Expansion(wordings: ["Federal Bureau of Investigation"], abbreviationIsSymbol: true),
            "DEA": Expansion(wordings: ["Drug Enforcement Administration"], abbreviationIsSymbol: true),
            "IMF": Expansion(wordings: ["International Monetary Fund"], abbreviationIsSymbol: true),
            "WTO": Expansion(wordings: ["World Trade Organization"], abbreviationIsSymbol: true),
            "GCC": Expansion(wordings: ["Gulf Cooperation Council"], abbreviationIsSymbol: true),
            "OAS": Expansion(wordings: ["Organization of American States"], abbreviationIsSymbol: true),
            "IAEA": Expansion(wordings: ["International Atomic Energy Agency"], abbreviationIsSymbol: true),
            "GDP": Expansion(wordings: ["gross domestic product"], abbreviationIsSymbol: true),
            "HQ": Expansion(wordings: ["headquarters"], abbreviationIsSymbol: true),
            "TV": Expansion(wordings: ["television"], abbreviationIsSymbol: true),
            "VP": Expansion(wordings: ["Vice President"], abbreviationIsSymbol: true),
            "CEO": Expansion(wordings: ["chief executive officer"], abbreviationIsSymbol: true),
            "PRC": Expansion(wordings: ["People's Republic of China"], abbreviationIsSymbol: true),
            "ROK": Expansion(wordings: ["Republic of Korea"], abbreviationIsSymbol: true),
            "CIA": Expansion(wordings: ["Central Intelligence Agency"], abbreviationIsSymbol: true),
            "DHS": Expansion(wordings: ["Department of Homeland Security"], abbreviationIsSymbol: true),
            // Single letters, each a dictionary word.
            "A/S": Expansion(wordings: ["Assistant Secretary"], abbreviationIsSymbol: true),
            "U/S": Expansion(wordings: ["Under Secretary"], abbreviationIsSymbol: true),
            "AA/S": Expansion(wordings: ["Acting Assistant Secretary"], abbreviationIsSymbol: true),
            "S/E": Expansion(wordings: ["Special Envoy"], abbreviationIsSymbol: true),
            // Two expansions: copies write those, and the abbreviation (which a spell checker
            // would "correct") reads as no evidence.
            "UNGA": Expansion(wordings: ["UN General Assembly", "United Nations General Assembly"], abbreviationIsSymbol: false),
            "NGO": Expansion(wordings: ["nongovernmental organization", "non-governmental organization"], abbreviationIsSymbol: false),
            "NGOs": Expansion(wordings: ["nongovernmental organizations", "non-governmental organizations"], abbreviationIsSymbol: false),
            "DTOs": Expansion(wordings: ["drug trafficking organizations", "drug-trafficking organizations"], abbreviationIsSymbol: false),
            "SG": Expansion(wordings: ["Secretary General", "Secretary-General"], abbreviationIsSymbol: false),
            "USAID": Expansion(wordings: ["U.S. Agency for International Development", "United States Agency for International Development"], abbreviationIsSymbol: false),
            // Not dictionary words, with one expansion: varied only where the cable writes them.
            "UAE": Expansion(wordings: ["United Arab Emirates"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "ISAF": Expansion(wordings: ["International Security Assistance Force"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "DAS": Expansion(wordings: ["Deputy Assistant Secretary"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "OSCE": Expansion(wordings: ["Organization for Security and Cooperation in Europe"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "HMG": Expansion(wordings: ["Her Majesty's Government"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "DPRK": Expansion(wordings: ["Democratic People's Republic of Korea"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "IDPs": Expansion(wordings: ["internally displaced persons"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "PRT": Expansion(wordings: ["Provincial Reconstruction Team"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "FCO": Expansion(wordings: ["Foreign and Commonwealth Office"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "IPR": Expansion(wordings: ["intellectual property rights"], abbreviationIsSymbol: false, onlyWhereWritten: true),
        ]
        table.merge(added) { old, _ in old }
        return table
    }()

    /// Every form scheme 7 looks for, longest first.
    static let schemeSevenForms = lookupForms(of: schemeSevenExpansions)

    /// Every form a table from scheme 7 on looks for, longest first. An abbreviation varied only
    /// where written is looked for in its letters alone.
    static func lookupForms(of table: [String: Expansion]) -> [(abbreviation: String, form: Int, tokens: [String])] {
        (table.flatMap { abbreviation, expansion in
            (expansion.onlyWhereWritten ? [abbreviation] : [abbreviation] + expansion.wordings).enumerated().map {
                (abbreviation, $0.offset, TextTokens($0.element).tokens.map(\.lower))
            }
        } + [americanGovernment]).sorted { ($0.tokens.count, $0.abbreviation, $0.form) > ($1.tokens.count, $1.abbreviation, $1.form) }
    }

    /// Abbreviations of the table a reader may say as a word ("a NATO summit"; "ROK" is often
    /// said "rock").
    static let saidAsWord: Set<String> = ["NATO", "ISAF", "UNGA", "ROK"]

    /// Letters every reader says one by one, so they take the article of the first letter's name
    /// ("an FBI agent", "a UN official"): every abbreviation of the table not said as a word, and
    /// the country's own.
    static let spelledOut: Set<String> = Set(schemeSevenExpansions.keys).subtracting(saidAsWord).union(["U.S.", "US"])

    /// Whether the abbreviation stands here in its own capitals ("un" or "Eu" are something else).
    static func isWrittenInCapitals(_ abbreviation: String, first: Int, count: Int, in tokens: TextTokens) -> Bool {
        let written = tokens.span(first, first + count - 1)
        return written == abbreviation || (tokens.allCaps && written == abbreviation.uppercased())
    }

    /// Abbreviations that may also end a name: a company's ("Maersk A/S") or a station's ("Abu Dhabi TV").
    static let mayEndAName: Set<String> = ["A/S", "U/S", "AA/S", "S/E", "TV"]

    /// "A/S" is an office, and "TV" television, after "the", a bureau, a lower-case word or no
    /// word at all, never at the end of a name ("Maersk A/S", "Abu Dhabi TV").
    static func fitsBeside(_ abbreviation: String, first: Int, in tokens: TextTokens) -> Bool {
        guard mayEndAName.contains(abbreviation), let previous = tokens.previousWord(before: first) else { return true }
        let word = tokens.tokens[previous].text
        if !tokens.allCaps, word.allSatisfy({ $0.isLowercase || !$0.isLetter }) { return true }
        return companions.contains(word.uppercased())
    }

    /// Words that may stand right before "A/S" or "TV" in a cable written in capitals: function
    /// words, titles and the Department's bureaus ("STATE TV", "EUR A/S").
    static let companions: Set<String> = [
        "THE", "AND", "WITH", "BY", "TO", "FOR", "OF", "FROM", "THAT", "AS", "AT", "ON", "IN", "WHEN", "FORMER", "ACTING", "THEN",
        "NEW", "INCOMING", "OUTGOING", "PRINCIPAL", "DEPUTY", "EUR", "NEA", "SCA", "WHA", "AF", "EAP", "ISN", "PM", "DRL", "INL",
        "EEB", "IO", "CA", "PRM", "VCI", "OES", "ECA", "PA", "CT", "USG", "U.S.", "US", "STATE",
    ]
}

/// The article a wording takes, said aloud: "an EU official" but "a European Union official".
/// From scheme 7 a slot right after "a" or "an" varies only between wordings that take the
/// article the cable has; scheme 6 looked at the first letter only and could write "an European
/// Union official".
enum ArticleSound {
    /// Words with a vowel letter said with a consonant ("a united front"), and the reverse.
    static let consonantVowels: Set<String> = ["european", "united", "union", "one", "once", "unique", "usual", "unified", "uniform", "universal", "university", "ukraine", "ukrainian", "uzbek"]
    static let silentH: Set<String> = ["hour", "hours", "honest", "honor", "honorary", "heir"]
    /// Letters whose names start with a vowel sound ("an F", "an M"); "U" is said "you".
    static let vowelNamedLetters: Set<Character> = ["A", "E", "F", "H", "I", "L", "M", "N", "O", "R", "S", "X"]

    /// The articles the wording may take: "an" for a vowel sound, "a" otherwise. Both for letters
    /// a reader may say either way (a cable's own abbreviation, "the GOI"), so no other wording is
    /// put after its article.
    static func articles(_ wording: String, abbreviations: Set<String>) -> Set<String> {
        let word = String(wording.drop(while: { $0.isWhitespace }).prefix(while: { $0.isLetter || $0 == "." || $0 == "/" || $0 == "'" }))
        guard let first = word.first(where: \.isLetter) else { return [] }
        let letters = word.filter(\.isLetter)
        let isCapitals = letters.count >= 2 && letters.allSatisfy { $0.isUppercase || $0 == "s" }
        if isCapitals, KnownAbbreviationRule.spelledOut.contains(word) || KnownAbbreviationRule.spelledOut.contains(word.uppercased()) {
            return [vowelNamedLetters.contains(first) ? "an" : "a"]
        }
        if isCapitals, abbreviations.contains(word) || abbreviations.contains(word.uppercased()),
           vowelNamedLetters.contains(first) != "AEIO".contains(first) || first == "U" {
            // Said letter by letter or as a word: either article may be right.
            return ["a", "an"]
        }
        let lower = word.lowercased().filter { $0.isLetter }
        if consonantVowels.contains(lower) { return ["a"] }
        if silentH.contains(lower) { return ["an"] }
        return ["aeiou".contains(first.lowercased()) ? "an" : "a"]
    }
}

/// "the Interior Minister" / "the Minister of Interior": a minister or ministry named by its
/// portfolio before or after it.
struct PortfolioRule: SlotRule {
    let id = "portfolio"
    let reason = "A minister or ministry of one listed portfolio is named the same before or after it (\"the Interior Minister\" / \"the Minister of Interior\" / \"the Minister of the Interior\", \"Justice Ministry officials\" / \"Ministry of Justice officials\"); the office, and any name after it, are unchanged. Never where another word may belong to the portfolio (\"Higher Education Minister\", \"Minister of Energy and Mines\", \"Minister of State\")."
    let summary = "Interior Minister | Minister of Interior | Minister of the Interior; Justice Ministry | Ministry of Justice; …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v7

    /// Portfolios named in one word either way. "Foreign" and "Defense Ministry" are the known
    /// abbreviations' ("FM", "MFA", "MOD"); "State" names a rank, not a portfolio.
    static let portfolios: Set<String> = [
        "defense", "interior", "finance", "justice", "environment", "trade", "labor", "health", "energy", "education",
        "information", "agriculture", "culture", "economy", "transport", "tourism", "industry", "commerce", "planning",
        "petroleum", "communications",
    ]
    /// Portfolios as often named with "the" after "of" as without.
    static let withArticle: Set<String> = ["interior", "environment", "economy"]
    static let offices: Set<String> = ["minister", "ministers", "ministry"]
    /// Words that may stand right before "Interior Minister" without joining its portfolio.
    static let titles: Set<String> = ["deputy", "vice", "acting", "former", "first", "junior", "assistant", "then", "new", "incoming", "outgoing", "the", "a", "an", "his", "her", "their", "its"]
    static let adjectives: Set<String> = Set(HostCountry.countries.map { $0.1.lowercased() })
    /// Words after "Minister of Energy" in a cable written in capitals that show the portfolio ended.
    static let clauseWords: Set<String> = ["said", "says", "told", "will", "would", "is", "was", "has", "had", "met", "stated", "noted", "in", "on", "at", "to", "for", "who", "that", "with"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        // Never where the cable defines an abbreviation by it ("Ministry of Finance (MOF)").
        func defines(after last: Int) -> Bool {
            last + 2 < list.count && list[last + 1].text == "(" && context.definitionSites.contains([context.paragraph, last + 2])
        }
        for index in list.indices where list[index].isWord && !list[index].quoted {
            // "Interior Minister", with the portfolio at `index`.
            if Self.portfolios.contains(list[index].lower), let office = tokens.nextWord(after: index), Self.offices.contains(list[office].lower),
               !list[office].quoted, sameCase(list[index].text, list[office].text), portfolioOpens(at: index, tokens),
               portfolioEnds(after: office, afterOffice: true, tokens), !defines(after: office) {
                found.append(candidate(first: index, last: office, portfolio: list[index].text, office: list[office].text, original: 0, tokens))
            }
            // "Minister of (the) Interior", with the office at `index`.
            if Self.offices.contains(list[index].lower), let of = tokens.nextWord(after: index), list[of].lower == "of" {
                var at = of + 1
                let hasArticle = at < list.count && list[at].lower == "the"
                if hasArticle { at += 1 }
                guard at < list.count, list[at].isWord, !list[at].quoted, Self.portfolios.contains(list[at].lower),
                      sameCase(list[index].text, list[at].text), !hasArticle || Self.withArticle.contains(list[at].lower),
                      portfolioEnds(after: at, afterOffice: false, tokens), !defines(after: at) else { continue }
                found.append(candidate(first: index, last: at, portfolio: list[at].text, office: list[index].text, original: hasArticle ? 2 : 1, tokens))
            }
        }
        return found
    }

    private func candidate(first: Int, last: Int, portfolio: Substring, office: Substring, original: Int, _ tokens: TextTokens) -> SlotCandidate {
        let (of, the) = tokens.allCaps ? ("OF", "THE") : ("of", "the")
        var alternatives = ["\(portfolio) \(office)", "\(office) \(of) \(portfolio)"]
        if Self.withArticle.contains(portfolio.lowercased()) { alternatives.append("\(office) \(of) \(the) \(portfolio)") }
        alternatives[original] = String(tokens.span(first, last))
        return SlotCandidate(first: first, last: last, alternatives: alternatives, symbols: Array(alternatives.indices), original: original, rule: id, canonical: 0)
    }

    /// Both words in capitals, both capitalised, or both in lower case ("the interior minister").
    private func sameCase(_ a: Substring, _ b: Substring) -> Bool {
        func shape(_ word: Substring) -> Int { word == word.uppercased() ? 2 : word.first?.isUppercase == true ? 1 : 0 }
        return shape(a) == shape(b)
    }

    /// Nothing before "Interior Minister" may belong to the portfolio ("Higher Education Minister",
    /// "Oil and Energy Minister"): a title, a country's adjective, a lower-case word or punctuation only.
    private func portfolioOpens(at index: Int, _ tokens: TextTokens) -> Bool {
        guard let previous = tokens.previousWord(before: index) else {
            // Punctuation before: not "Oil & Energy" or "Oil/Energy".
            return index == 0 || !["&", "/", "-"].contains(String(tokens.tokens[index - 1].text))
        }
        let word = tokens.tokens[previous]
        if Self.titles.contains(word.lower) || Self.adjectives.contains(word.lower) { return true }
        return !tokens.allCaps && word.text.allSatisfy { !$0.isUppercase } && !["and", "or"].contains(word.lower)
    }

    /// Nothing after the portfolio continues it ("Minister of Energy and Mines", "Ministry of
    /// Interior Affairs"): punctuation or a lower-case word only. Anything but a joining mark may
    /// follow the office ("Defense Minister Barak", "Justice Ministry officials").
    private func portfolioEnds(after index: Int, afterOffice: Bool, _ tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard index + 1 < list.count else { return true }
        let next = list[index + 1]
        if !next.isWord {
            // After the portfolio a comma may go on with a list ("Minister of Economy, Trade and Industry").
            return !["&", "/", "-", "'", "\u{2019}"].contains(String(next.text)) && (afterOffice || next.text != ",")
        }
        if afterOffice { return true }
        if ["and", "or", "of"].contains(next.lower) { return false }
        if tokens.allCaps { return Self.clauseWords.contains(next.lower) }
        return next.text.first?.isLowercase == true
    }
}
