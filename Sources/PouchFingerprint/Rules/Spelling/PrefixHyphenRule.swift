import PouchCore

/// "non-proliferation" / "nonproliferation": a prefix written with or without its hyphen.
struct PrefixHyphenRule: SlotRule {
    let id = "prefix-hyphen"
    let reason =
        "A word formed with a prefix (non-, anti-, re-, co-, post-, multi-, …) may be written with or without the hyphen (\"non-proliferation\" / \"nonproliferation\"); both spellings are in the dictionary and mean the same. Only listed words are varied, so a pair whose closed form is another word (\"re-sign\" / \"resign\") never is; a word in title case, or before a capitalised word or \"Treaty\", \"Act\", \"Pact\", \"Convention\" or \"Movement\", may be part of a name and is left alone. From scheme 9 also \"cooperation\" / \"co-operation\" (with \"cooperate\", \"cooperative\" …) and \"coordination\" / \"co-ordination\", in cables written in mixed case only, where a name in title case (\"Gulf Cooperation Council\") can be told apart."
    let summary = "non-proliferation | nonproliferation; re-election | reelection; cooperation | co-operation; …"
    let profile = FingerprintProfile.standard

    /// Hyphenated forms whose closed form is also an en_US dictionary word with the same meaning.
    /// ("pre-" is not a word of its own, so a spell checker would "correct" "pre-war": not listed.)
    static let hyphenated: Set<String> = [
        "anti-aircraft", "anti-crime", "anti-drug", "anti-nuclear", "anti-terrorism", "anti-terrorist", "anti-democratic",
        "anti-establishment", "anti-union", "anti-apartheid", "anti-capitalist", "anti-government", "anti-war", "anti-missile",
        "anti-personnel", "anti-tank", "co-host", "co-sponsor", "co-sponsored", "co-sponsors", "co-exist", "co-existence",
        "co-equal", "co-author", "counter-insurgency", "counter-productive", "counter-proposal", "counter-proposals",
        "counter-balance", "counter-weight", "counter-charge", "counter-offensive", "counter-attack", "counter-intelligence",
        "inter-related", "inter-operable", "inter-operability", "inter-dependency", "inter-dependence", "inter-relationships",
        "inter-governmental", "mid-term", "mid-day", "multi-ethnic", "multi-party", "multi-faceted", "multi-year",
        "multi-million", "multi-layered", "multi-purpose", "multi-national", "non-aggression", "non-aligned", "non-binding",
        "non-compliance", "non-compliant", "non-democratic", "non-existent", "non-governmental", "non-interference",
        "non-lethal", "non-member", "non-members", "non-military", "non-nuclear", "non-official", "non-partisan", "non-payment",
        "non-permanent", "non-political", "non-proliferation", "non-religious", "non-sectarian", "non-specific", "non-starter",
        "non-traditional", "non-violent", "non-violence", "non-issue", "non-participation", "non-conventional", "non-citizen",
        "non-citizens", "non-food", "non-competitive", "non-racial", "non-profit", "non-combatant", "non-combatants",
        "non-resident", "non-residents", "non-essential", "non-negotiable", "non-renewable", "post-war", "post-election",
        "post-colonial", "post-graduate", "re-election", "re-elected", "re-elect", "re-establish", "re-established",
        "re-establishing", "re-establishment", "re-engage", "re-engaged", "re-evaluation", "re-evaluate", "re-energize",
        "re-integration", "re-integrate", "re-emerge", "re-emerged", "re-emergence", "re-enter", "re-entry", "re-examine",
        "re-arm", "re-supply", "semi-official", "semi-annual", "sub-committee", "sub-committees", "sub-group", "sub-groups",
        "sub-contractor", "sub-contractors", "sub-optimal",
    ]
    /// Closed form → hyphenated form.
    static let closed: [String: String] = Dictionary(uniqueKeysWithValues: hyphenated.map { (String($0.filter { $0 != "-" }), $0) })
    /// Words after which the prefixed word may belong to a name.
    static let nameHeads: Set<String> = [
        "treaty", "act", "pact", "convention", "movement", "party", "committee", "commission", "council", "front", "law",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && !list[index].hasDigit {
            let word = list[index].lower
            guard let other = Self.otherSpelling(of: word, scheme: context.scheme, allCaps: tokens.allCaps) else { continue }
            let text = list[index].text
            // Only a capital at the start (a sentence start) in mixed case: "Non-Proliferation" is a name's spelling.
            if !tokens.allCaps, text.dropFirst().contains(where: \.isUppercase) { continue }
            if !tokens.allCaps, text.first?.isUppercase ?? false, !tokens.startsSentence(index) { continue }
            if let next = tokens.nextWord(after: index) {
                if Self.nameHeads.contains(list[next].lower) { continue }
                if !tokens.allCaps, list[next].text.first?.isUppercase ?? false { continue }
            }
            let written = applyCase(other, template: text, sentenceStart: text.first?.isUppercase ?? false, allCaps: tokens.allCaps)
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(text), written], symbols: [0, 1], original: 0, rule: id,
                    canonical: word.contains("-") ? 1 : 0))
        }
        return found
    }
}

/// Rules and wordings added in scheme 9. Like every rule, each keeps meaning, grammar, register
/// and every name, number, negation and modal verb exactly as they were.

extension PrefixHyphenRule {
    /// Scheme 9's words beside scheme 5's: "cooperation" and "coordination" with their verbs and
    /// adjectives, whose hyphenated spellings ("co-operation", "co-ordinate") are standard variants
    /// that the en_US and en_GB dictionaries accept. Written only in cables in mixed case, where a name in
    /// title case ("Gulf Cooperation Council") can be told apart and left alone.
    static let schemeNineHyphenated: Set<String> = [
        "co-operation", "co-operate", "co-operates", "co-operated", "co-operating", "co-operative", "co-operatively",
        // "co-ordinated", "co-ordinating" and "co-ordinator" are left out: en_US rejects their second part.
        "co-ordinate", "co-ordinates", "co-ordination",
    ]
    static let schemeNineClosed: [String: String] = Dictionary(
        uniqueKeysWithValues: schemeNineHyphenated.map { (String($0.filter { $0 != "-" }), $0) })

    /// The hyphenated word a scheme varies `word` (lower case) with, or its closed form; nil when
    /// the scheme's list has neither.
    static func otherSpelling(of word: String, scheme: FingerprintScheme, allCaps: Bool) -> String? {
        if hyphenated.contains(word) { return String(word.filter { $0 != "-" }) }
        if let hyphenated = closed[word] { return hyphenated }
        guard scheme.has(.cooperationHyphen), !allCaps else { return nil }
        if schemeNineHyphenated.contains(word) { return String(word.filter { $0 != "-" }) }
        return schemeNineClosed[word]
    }
}
