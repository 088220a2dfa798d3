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
    static let schemeNineClosed: [String: String] = Dictionary(uniqueKeysWithValues: schemeNineHyphenated.map { (String($0.filter { $0 != "-" }), $0) })

    /// The hyphenated word a scheme varies `word` (lower case) with, or its closed form; nil when
    /// the scheme's list has neither.
    static func otherSpelling(of word: String, scheme: FingerprintScheme, allCaps: Bool) -> String? {
        if hyphenated.contains(word) { return String(word.filter { $0 != "-" }) }
        if let hyphenated = closed[word] { return hyphenated }
        guard scheme >= .v9, !allCaps else { return nil }
        if schemeNineHyphenated.contains(word) { return String(word.filter { $0 != "-" }) }
        return schemeNineClosed[word]
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
        scheme >= .v9 ? schemeNineNouns : InstitutionGenitiveRule.nouns
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

/// Phrase rules added in scheme 9.
extension RuleCatalogue {
    /// Verbs "help" may take with or without "to" ("help to build" / "help build").
    static let helpedVerbs: Set<String> = [
        "ensure", "build", "create", "improve", "reduce", "strengthen", "promote", "bring", "resolve", "facilitate", "stabilize",
        "prevent", "maintain", "develop", "establish", "explain", "shape", "secure", "protect", "address", "achieve", "increase",
        "overcome", "restore", "provide", "identify", "fund", "pay", "keep", "solve", "end", "push", "pave", "foster", "advance",
        "counter", "combat", "fight", "defeat", "curb", "limit", "manage", "mitigate", "guide", "lay", "expand", "boost", "train",
        "finance", "rebuild", "implement", "enhance", "encourage", "deliver", "clarify", "determine", "coordinate", "persuade",
        "convince", "sustain", "preserve", "offset", "define", "inform", "alleviate", "ease", "find", "gain", "win", "attract",
        "reassure", "calm", "defuse", "bridge", "broker", "mediate", "organize", "prepare", "reform", "modernize",
        "reconcile", "reinforce", "revive", "save", "spur", "stem", "stop", "support", "understand", "unify", "unite", "resettle",
        "integrate", "investigate", "monitor", "negotiate", "obtain", "produce", "raise", "recover", "recruit", "reintegrate",
    ]
    /// Words after which "help" is a verb (so "financial help to build" is never matched).
    static let helpAsVerb: Set<String> = ["to", "will", "would", "could", "can", "should", "might", "may", "must", "also", "not", "cannot"]

    static let schemeNinePhraseRules: [any SlotRule] = [
        PhraseRule(id: "while-whilst", reason: "As a conjunction, \"while\" and \"whilst\" are one word in two spellings, both in the dictionary, with the same senses (\"during the time that\" and \"although\"); the noun (\"a while\", \"all the while\", \"worth while\") is not matched.",
                   alternatives: ["while", "whilst"], profile: .standard,
                   notAfter: ["a", "the", "worth", "short", "little", "long", "quite", "some", "good", "great"], since: .v9),
        PhraseRule(id: "adviser-advisor", reason: "\"Adviser\" and \"advisor\" are one word in two spellings, both in the dictionary.",
                   alternatives: ["adviser", "advisor"], since: .v9),
        PhraseRule(id: "advisers-advisors", reason: "\"Advisers\" and \"advisors\" are one word in two spellings, both in the dictionary.",
                   alternatives: ["advisers", "advisors"], since: .v9),
        PhraseRule(id: "help-to", reason: "Before a verb, \"help\" takes the infinitive with or without \"to\" (\"helped to build\" / \"helped build\") with no change of meaning; \"help\" is matched only as a verb (after \"to\", a modal verb or \"also\", or in \"helps\", \"helped\", \"helping\"), never as a noun (\"financial help to build\").",
                   alternatives: ["help to", "help"], profile: .standard, after: helpAsVerb, before: helpedVerbs, since: .v9),
        PhraseRule(id: "helps-to", reason: "Before a verb, \"helps\" takes the infinitive with or without \"to\".",
                   alternatives: ["helps to", "helps"], profile: .standard, before: helpedVerbs, since: .v9),
        PhraseRule(id: "helped-to", reason: "Before a verb, \"helped\" takes the infinitive with or without \"to\".",
                   alternatives: ["helped to", "helped"], profile: .standard, before: helpedVerbs, since: .v9),
        PhraseRule(id: "helping-to", reason: "Before a verb, \"helping\" takes the infinitive with or without \"to\".",
                   alternatives: ["helping to", "helping"], profile: .standard, notAfter: ["a", "second"], before: helpedVerbs, since: .v9),
    ]
}

/// "met on March 5 with" / "met March 5 with".
struct DatePrepositionRule: SlotRule {
    let id = "on-date"
    let reason = "Inside a sentence, before a date (a month and its day, or a weekday), \"on\" may be written or left out after the event it dates (\"met on March 5\" / \"met March 5\"), as in news and cable style; the date is kept. Only an \"on\" the text writes is varied, only after a past verb, an object pronoun or a name (\"told us on\", \"met Garcia on\"), never after a word that takes \"on\" itself (\"based on\", \"focused on\", \"reported on\"), a noun (\"his statement on December 16\"), a conjunction, or opening a sentence."
    let summary = "met on March 5 | met March 5"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v9

    /// Words that take "on" themselves, or around which a bare date would read otherwise.
    static let takesOn: Set<String> = [
        "based", "base", "bases", "depend", "depends", "depended", "depending", "dependent", "focus", "focused", "focuses", "focusing",
        "rely", "relies", "relied", "relying", "insist", "insisted", "insists", "comment", "commented", "comments", "commenting",
        "report", "reported", "reports", "reporting", "vote", "voted", "votes", "voting", "decide", "decided", "decision", "agree",
        "agreed", "agreement", "work", "worked", "working", "works", "act", "acted", "acting", "brief", "briefed", "briefing",
        "embark", "embarked", "draw", "drew", "drawn", "build", "built", "building", "hinge", "hinges", "hinged", "touch", "touched",
        "effective", "later", "early", "earlier", "late", "from", "until", "till", "since", "by", "before", "after", "as", "than",
        "and", "or", "but", "nor", "of", "to", "then", "only", "just", "even", "both", "either", "neither", "also", "again",
        "carry", "carried", "go", "went", "gone", "going", "come", "came", "coming", "move", "moved", "take", "took", "taken",
        "put", "set", "call", "called", "calls", "catch", "caught", "hold", "held", "holds", "turn", "turned", "pass", "passed",
        "sit", "sat", "look", "looked", "rest", "rests", "rested", "follow", "followed", "update", "updated", "remark", "remarked",
        "elaborate", "elaborated", "expand", "expanded", "press", "pressed", "pressure", "deliver", "delivered", "frown", "spend",
        "spent", "spending", "impact", "effect", "views", "position", "positions", "information", "details", "data", "talks",
        "negotiations", "discussions", "consultations", "debate", "law", "referendum", "attack", "attacks", "sanctions",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "on" {
            guard !tokens.startsSentence(index), let previous = tokens.previousWord(before: index), Self.datesEvent(previous, in: tokens),
                  let day = tokens.nextWord(after: index), !list[day].quoted, Self.isDate(day, in: tokens) else { continue }
            let on = list[index].text, date = list[day].text
            found.append(SlotCandidate(first: index, last: day, alternatives: ["\(on) \(date)", String(date)], symbols: [0, 1], original: 0,
                                       rule: id, canonical: 0))
        }
        return found
    }

    /// Past forms of verbs that do not end in "-ed", and object pronouns ("told us on March 5").
    static let eventWords: Set<String> = [
        "said", "told", "met", "held", "spoke", "left", "came", "went", "began", "gave", "took", "made", "sent", "wrote", "won", "lost",
        "fell", "rose", "saw", "became", "brought", "bought", "sold", "led", "hit", "struck", "fled", "flew", "ran", "stood", "spent",
        "paid", "laid", "read", "heard", "sought", "taught", "thought", "upheld", "withdrew", "undertook", "overtook", "drove",
        "us", "him", "her", "them", "me", "it",
    ]

    /// Whether the word before "on" dates an event (a past verb, an object pronoun, or a name:
    /// "met Garcia on March 3", "in Islamabad on August 11") rather than a noun the date would
    /// then run into ("his statement on December 16").
    static func datesEvent(_ index: Int, in tokens: TextTokens) -> Bool {
        let word = tokens.tokens[index]
        guard !word.hasDigit, !takesOn.contains(word.lower) else { return false }
        if eventWords.contains(word.lower) || word.lower.hasSuffix("ed") && word.lower.count > 4 { return true }
        return isName(word, tokens) && !tokens.startsSentence(index)
    }

    /// A month in capitals (its first letter, or all of it in a cable in capitals) before a
    /// day's number, or a weekday standing alone.
    static func isDate(_ index: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        let word = list[index]
        guard word.text.first?.isUppercase ?? false else { return false }
        if Gazetteer.months.contains(word.lower) {
            guard let day = tokens.nextWord(after: index), list[day].text.allSatisfy(\.isNumber), (1...2).contains(list[day].text.count) else { return false }
            return true
        }
        guard Gazetteer.weekdays.contains(word.lower) else { return false }
        // Not "on Monday's talks" (a possessive is another token shape) or "on Monday night".
        if let next = tokens.nextWord(after: index), !["with", "to", "in", "at", "that", "for", "and", "the", "a", "by"].contains(list[next].lower) { return false }
        return true
    }
}
