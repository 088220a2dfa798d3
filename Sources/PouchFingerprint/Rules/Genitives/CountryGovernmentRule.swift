import PouchCore

/// "the Iranian government" / "the government of Iran" / "Iran's government".
struct CountryGovernmentRule: SlotRule {
    let id = "country-government"
    let reason =
        "\"The Iranian government\", \"the government of Iran\" and \"Iran's government\" name the same government; the country, its adjective and the case of \"government\" are kept. Never inside a longer name (\"the French Government Spokesman\"), a compound, an abbreviation's definition, or after a word that would have to change with it (\"the Iran's\", \"a new Iranian government\"). The host country of a post is left to the host-government rule."
    let summary = "the Iranian government | the government of Iran | Iran's government"
    let profile = FingerprintProfile.standard

    /// Countries by name and adjective: those with a post, and a few without one.
    /// ("Kosovar" names the people, not the government, so Kosovo is left out.)
    static let countries: [(name: String, adjective: String)] =
        HostCountry.countries.filter { $0.0 != "Kosovo" }.map { ($0.0, $0.1) } + [
            ("Iran", "Iranian"), ("Somalia", "Somali"), ("North Korea", "North Korean"), ("Kyrgyzstan", "Kyrgyz"), ("Burundi", "Burundian"),
            ("Laos", "Lao"),
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
            if list[name].lower == "the", let after = tokens.nextWord(after: name) {
                found += (byName["the"] ?? []).filter { $0.nameWords.dropFirst().first == list[after].lower }
            }
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

    private func candidate(
        _ country: Country, first: Int, _ match: (last: Int, form: Int, government: Substring), _ tokens: TextTokens
    ) -> SlotCandidate? {
        let list = tokens.tokens
        let last = match.last
        // Not a compound, a possessive, a longer name, a conjunct or a definition ("the Government of Iran (GOI)").
        guard endsNounPhrase(at: last, in: tokens), !list[last].lower.hasSuffix("'s"), !list[last].lower.hasSuffix("\u{2019}s") else { return nil }
        let caps = tokens.allCaps
        let name = caps ? country.name.uppercased() : country.name
        let adjective = caps ? country.adjective.uppercased() : country.adjective
        let (of, s) = caps ? ("OF", "S") : ("of", "s")
        let the =
            match.form == 2
            ? applyCase("the", template: list[first].text, sentenceStart: tokens.startsSentence(first), allCaps: caps) : String(list[first].text)
        let apostrophe = tokens.span(first, last).contains("\u{2019}") ? "\u{2019}" : "'"
        var alternatives = ["\(the) \(adjective) \(match.government)", "\(the) \(match.government) \(of) \(name)"]
        // "the Netherlands" keeps its article, so it has no possessive wording here.
        let possessive = country.nameWords.first != "the"
        if possessive { alternatives.append("\(name)\(apostrophe)\(s) \(match.government)") }
        guard match.form < alternatives.count, String(tokens.span(first, last)) == alternatives[match.form] else { return nil }
        return SlotCandidate(
            first: first, last: last, alternatives: alternatives, symbols: Array(alternatives.indices), original: match.form,
            rule: id, canonical: possessive ? 2 : 1)
    }
}
