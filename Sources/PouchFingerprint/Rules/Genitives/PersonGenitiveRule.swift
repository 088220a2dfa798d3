import PouchCore

/// "President Lula's visit" / "the visit of President Lula".
struct PersonGenitiveRule: SlotRule {
    let id = "genitive-person"
    let reason =
        "For someone named (with any title before the name) and an abstract noun such as position, visit or decision, the s-genitive and the of-genitive name the same thing (\"President Lula's visit\" / \"the visit of President Lula\"); the name and its title are kept. From scheme 9 also events and relations of a person (\"Lula's speech\", \"Garcia's resignation\", \"Chavez's allies\"). Only in cables written in mixed case, where a name can be told from other words; only where the name opens its own phrase after a preposition, conjunction or reporting verb, and the noun ends its phrase."
    let summary = "President Lula's visit | the visit of President Lula"
    let profile = FingerprintProfile.standard

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
                endsNounPhrase(at: noun, in: tokens)
            else { continue }
            // The whole name with its titles: the capitalised words before it, after a word that opens a phrase.
            var first = index
            while let previous = tokens.previousWord(before: first), index - previous < 4, Self.looksLikeName(list[previous].text) {
                first = previous
            }
            guard let opener = tokens.previousWord(before: first), opensPossessive(list[opener], tokens),
                !context.scheme.has(.personGenitiveEvents) || Self.opensPhrase(list[opener]),
                (first...index).allSatisfy({ !list[$0].quoted })
            else { continue }
            let owner = tokens.span(first, index).dropLast(2)
            let of = "the \(list[noun].text) of \(owner)"
            found.append(
                SlotCandidate(
                    first: first, last: noun, alternatives: [String(tokens.span(first, noun)), of], symbols: [0, 1], original: 0,
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

extension PersonGenitiveRule {
    /// Scheme 9's nouns beside scheme 8's: events and relations of a person, whose s-genitive
    /// and of-genitive read the same ("Lula's speech" / "the speech of Lula", "Garcia's
    /// resignation" / "the resignation of Garcia").
    static let schemeNineNouns: Set<String> = InstitutionGenitiveRule.nouns.union([
        "speech", "speeches", "return", "release", "arrest", "death", "election", "reelection", "resignation", "appointment",
        "nomination", "arrival", "departure", "absence", "successor", "predecessor", "supporters", "aides", "wife", "son",
        "daughter", "family", "cabinet", "campaign", "candidacy", "tenure", "presidency", "legacy", "popularity", "trip",
        "advisers", "advisors", "critics", "opponents", "allies", "associates", "assessment", "analysis", "account", "version",
    ])

    /// The nouns a scheme's person genitive takes.
    static func nouns(_ scheme: FingerprintScheme) -> Set<String> {
        scheme.has(.personGenitiveEvents) ? schemeNineNouns : InstitutionGenitiveRule.nouns
    }

    /// From scheme 9 the word before the name may not be part of the name or a title in
    /// apposition: scheme 8 also took "Rio de Janeiro's economy" and "statesman Paddy Ashdown's
    /// views" and wrote "Rio de the economy of Janeiro" and "statesman the views of Paddy Ashdown".
    static func opensPhrase(_ word: TextTokens.Token) -> Bool {
        let lower = word.lower
        guard !word.text.contains(where: \.isUppercase), !nameParticles.contains(lower), !roleNouns.contains(lower) else { return false }
        return !(lower.hasSuffix("man") || lower.hasSuffix("woman") || lower.hasSuffix("person") || lower.hasSuffix("ist"))
    }

    /// Lower-case words inside names ("Rio de Janeiro", "Abu Bakr al Baghdadi").
    static let nameParticles: Set<String> = [
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "al", "el", "bin",
        "ibn", "abu", "ben", "y", "e", "st", "san", "santa", "sao",
    ]
    /// Nouns that stand before a name as its title or role ("hostage Ingrid Betancourt").
    static let roleNouns: Set<String> = [
        "hostage", "counterpart", "colleague", "leader", "leaders", "minister", "ambassador", "president", "official", "officials",
        "deputy", "aide", "adviser", "advisor", "secretary", "general", "envoy", "colonel", "captain", "commander", "candidate",
        "lawyer", "judge", "cleric", "senator", "congressman", "governor", "mayor", "director", "chief", "head", "member", "founder",
        "owner", "partner", "rival", "successor", "predecessor", "son", "daughter", "wife", "husband", "brother", "sister",
        "father", "mother", "friend", "ally", "opponent", "critic", "prisoner", "detainee", "suspect", "premier", "king",
        "queen", "prince", "sheikh", "emir", "imam", "ayatollah", "mullah", "cardinal", "bishop", "pope", "lieutenant", "major",
        "sergeant", "admiral", "marshal", "spokesman", "representative", "delegate", "negotiator", "economist", "analyst",
        "businessman", "tycoon", "magnate", "oligarch", "actor", "singer", "writer", "author", "editor", "publisher", "host",
    ]
}
