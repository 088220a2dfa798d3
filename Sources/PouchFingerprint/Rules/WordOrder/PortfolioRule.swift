import PouchCore

/// "the Interior Minister" / "the Minister of Interior": a minister or ministry named by its
/// portfolio before or after it.
struct PortfolioRule: SlotRule {
    let id = "portfolio"
    let reason =
        "A minister or ministry of one listed portfolio is named the same before or after it (\"the Interior Minister\" / \"the Minister of Interior\" / \"the Minister of the Interior\", \"Justice Ministry officials\" / \"Ministry of Justice officials\"); the office, and any name after it, are unchanged. Never where another word may belong to the portfolio (\"Higher Education Minister\", \"Minister of Energy and Mines\", \"Minister of State\")."
    let summary = "Interior Minister | Minister of Interior | Minister of the Interior; Justice Ministry | Ministry of Justice; …"
    let profile = FingerprintProfile.standard

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
    static let titles: Set<String> = [
        "deputy", "vice", "acting", "former", "first", "junior", "assistant", "then", "new", "incoming", "outgoing", "the", "a", "an", "his", "her",
        "their", "its",
    ]
    static let adjectives: Set<String> = Set(HostCountry.countries.map { $0.1.lowercased() })
    /// Words after "Minister of Energy" in a cable written in capitals that show the portfolio ended.
    static let clauseWords: Set<String> = [
        "said", "says", "told", "will", "would", "is", "was", "has", "had", "met", "stated", "noted", "in", "on", "at", "to", "for", "who", "that",
        "with",
    ]

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
                portfolioEnds(after: office, afterOffice: true, tokens), !defines(after: office)
            {
                found.append(candidate(first: index, last: office, portfolio: list[index].text, office: list[office].text, original: 0, tokens))
            }
            // "Minister of (the) Interior", with the office at `index`.
            if Self.offices.contains(list[index].lower), let of = tokens.nextWord(after: index), list[of].lower == "of" {
                var at = of + 1
                let hasArticle = at < list.count && list[at].lower == "the"
                if hasArticle { at += 1 }
                guard at < list.count, list[at].isWord, !list[at].quoted, Self.portfolios.contains(list[at].lower),
                    sameCase(list[index].text, list[at].text), !hasArticle || Self.withArticle.contains(list[at].lower),
                    portfolioEnds(after: at, afterOffice: false, tokens), !defines(after: at)
                else { continue }
                found.append(
                    candidate(first: index, last: at, portfolio: list[at].text, office: list[index].text, original: hasArticle ? 2 : 1, tokens))
            }
        }
        return found
    }

    private func candidate(first: Int, last: Int, portfolio: Substring, office: Substring, original: Int, _ tokens: TextTokens) -> SlotCandidate {
        let (of, the) = tokens.allCaps ? ("OF", "THE") : ("of", "the")
        var alternatives = ["\(portfolio) \(office)", "\(office) \(of) \(portfolio)"]
        if Self.withArticle.contains(portfolio.lowercased()) { alternatives.append("\(office) \(of) \(the) \(portfolio)") }
        alternatives[original] = String(tokens.span(first, last))
        return SlotCandidate(
            first: first, last: last, alternatives: alternatives, symbols: Array(alternatives.indices), original: original, rule: id, canonical: 0)
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
