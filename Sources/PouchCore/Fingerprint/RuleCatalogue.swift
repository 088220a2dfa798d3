/// The catalogue of slot rules: the public rules every Pouch has, plus a deployment's private
/// rules, which an adversary who knows the public catalogue cannot normalise away.
public struct RuleCatalogue: Sendable {
    let rules: [any SlotRule]

    /// One rule as `pouch mark --explain` and the docs present it.
    public struct RuleDescription: Sendable, Hashable {
        public var id: String
        public var summary: String
        public var reason: String
        public var profile: FingerprintProfile
        public var isPrivate: Bool
    }

    public var descriptions: [RuleDescription] {
        rules.map { RuleDescription(id: $0.id, summary: $0.summary, reason: $0.reason, profile: $0.profile, isPrivate: $0.isPrivate) }
    }

    init(rules: [any SlotRule]) { self.rules = rules }

    /// The public catalogue.
    public static let publicCatalogue = RuleCatalogue(rules: structuralRules + phraseRules + schemeTwoPhraseRules + [SentenceAdverbCommaRule()]
        + [AdverbAuxiliaryRule(), AdjectiveComplementizerRule(), NumberQualifierRule(), AdjectivePairRule()] + schemeThreePhraseRules
        + schemeFivePhraseRules + [TopicPrepositionRule(), LatinAbbreviationRule(), PrefixHyphenRule(), CompoundSpellingRule()] + [HostGovernmentRule()] + [PortfolioRule()] + [CountryPairRule(), ParagraphReferenceRule(), PersonGenitiveRule()]
        + schemeNinePhraseRules + [DatePrepositionRule()] + schemeTenPhraseRules + schemeElevenPhraseRules + schemeTwelvePhraseRules)

    /// The public catalogue with a deployment's private rules on top (they take precedence where spans overlap).
    public func adding(_ privateRules: [PhraseRule]) -> RuleCatalogue {
        RuleCatalogue(rules: privateRules.map { var rule = $0; rule.isPrivate = true; return rule } + rules)
    }

    /// The rules of a profile.
    public func rules(for profile: FingerprintProfile) -> RuleCatalogue {
        RuleCatalogue(rules: rules.filter { profile == .standard || $0.profile == .strict })
    }

    /// Only the private rules (what survives an adversary who normalises the public catalogue).
    public var privateOnly: RuleCatalogue { RuleCatalogue(rules: rules.filter(\.isPrivate)) }
    /// Only the public rules.
    public var publicOnly: RuleCatalogue { RuleCatalogue(rules: rules.filter { !$0.isPrivate }) }
    /// Only the rules with these IDs (what a house style that settles some choices one way touches).
    public func restricted(to ids: Set<String>) -> RuleCatalogue { RuleCatalogue(rules: rules.filter { ids.contains($0.id) }) }

    static let structuralRules: [any SlotRule] = [
        DefinedAbbreviationRule(), KnownAbbreviationRule(), UnitedStatesRule(), CountryGovernmentRule(), GenitiveRule(), InstitutionGenitiveRule(), ToldThatRule(), ToldInformedRule(), ReportingVerbRule(), ComplementizerRule(), NominativeComplementizerRule(),
        MetWithRule(), AlsoAuxiliaryRule(), SerialCommaRule(), IntroductoryCommaRule(), ClauseCommaRule(), HyphenatedCompoundRule(),
        RelativePronounRule(), ContinueToRule(), SpokeWithRule(),
    ]

    /// Words before which an adverb focuses on what follows rather than grading an adjective.
    static let focusContexts: Set<String> = [
        "in", "on", "at", "for", "with", "among", "amongst", "since", "after", "before", "when", "if", "as", "because", "from", "during",
        "given", "regarding", "concerning", "within", "against", "to", "by", "through", "where", "the", "his", "her", "their", "its",
        "our", "those", "these", "this",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "that", "any", "such", "all", "some", "each"]
    static let predicative: Set<String> = ["a", "an", "the", "very", "is", "was", "are", "were", "be", "been", "being", "most", "more", "less", "particularly", "deeply", "quite", "so", "too", "equally", "also"]
    static let sentiments: Set<String> = [
        "concern", "concerns", "support", "hope", "hopes", "frustration", "skepticism", "appreciation", "interest",
        "opposition", "doubt", "doubts", "reservations", "disappointment", "satisfaction", "optimism", "pessimism", "regret",
        "gratitude", "surprise", "dismay", "confidence", "willingness", "readiness", "sympathy", "condolences", "outrage",
    ]

    /// Synonyms and connectives whose alternatives carry the same meaning and register.
    static let phraseRules: [any SlotRule] = [
        PhraseRule(id: "replied-responded", reason: "As reporting verbs, \"replied\" and \"responded\" both report an answer, with the same nuance.",
                   alternatives: ["replied", "responded"], notAfter: ["was", "were", "been", "be"]),
        PhraseRule(id: "emphasized-underscored", reason: "\"Emphasized\", \"underscored\" and \"stressed\" all report that a point was given weight; copies use the first two, so a normaliser's \"stressed\" reads as no evidence.",
                   alternatives: ["emphasized", "underscored", "stressed"], symbols: [0, 1], notAfter: predicative,
                   before: ["that", "the", "his", "her", "their", "its", "our", "a", "an", "to", "this", "these", "how", "both"]),
        PhraseRule(id: "remarked-commented", reason: "\"Remarked\" and \"commented\" both report an observation in passing.",
                   alternatives: ["remarked", "commented"], notAfter: predicative, before: ["that", "on", ",", "to"]),
        PhraseRule(id: "expressed-voiced", reason: "To \"express\" or \"voice\" a concern, hope or support is the same act.",
                   alternatives: ["expressed", "voiced"], profile: .standard, notAfter: ["be", "been", "was", "were"], followedWithin: sentiments),
        PhraseRule(id: "regarding-concerning", reason: "As prepositions, \"regarding\" and \"concerning\" both mean \"about\" in formal prose, and so (from scheme 5) do \"with regard to\" and \"with respect to\"; the adjective \"concerning\" (\"a concerning trend\") is excluded, and from scheme 5 so is the verb (\"regarding him as a partner\": no \"as\" within four words).",
                   alternatives: ["regarding", "concerning"], notAfter: predicative, notBefore: [".", ",", ";", ":", ")"],
                   widening: .init(scheme: .v5, alternatives: ["regarding", "concerning", "with regard to", "with respect to"], originals: [0, 1],
                                   notFollowedWithin: ["as"])),
        PhraseRule(id: "with-regard-respect", reason: "\"With regard to\", \"with respect to\" and \"in regard to\" are interchangeable prepositional phrases; from scheme 5 copies may also write \"regarding\".",
                   alternatives: ["with regard to", "with respect to", "in regard to"], symbols: [0, 1],
                   widening: .init(scheme: .v5, alternatives: ["with regard to", "with respect to", "in regard to", "regarding"], originals: [0, 1, 2])),
        PhraseRule(id: "all-of-the", reason: "Before a determiner, \"all of\" and \"all\" quantify the same set (\"all of the posts\" / \"all the posts\").",
                   alternatives: ["all of the", "all the"], profile: .standard),
        PhraseRule(id: "based-on", reason: "\"Based on\" and \"based upon\" are the same preposition.", alternatives: ["based on", "based upon"]),
        PhraseRule(id: "each-other", reason: "\"Each other\" and \"one another\" are the same reciprocal pronoun.", alternatives: ["each other", "one another"]),
        PhraseRule(id: "in-order-to", reason: "\"In order to\" and \"so as to\" both introduce a purpose; copies never use the plain \"to\" a normaliser would choose.",
                   alternatives: ["in order to", "so as to"]),
        PhraseRule(id: "despite", reason: "\"Despite\" and \"in spite of\" are the same preposition, and so (from scheme 5) is \"notwithstanding\" before its noun (not before \"being\" or \"having\"); \"notwithstanding\" is written, never looked for, since it may also follow its noun.",
                   alternatives: ["despite", "in spite of"],
                   widening: .init(scheme: .v5, alternatives: ["despite", "in spite of", "notwithstanding"], originals: [0, 1],
                                   notBefore: ["being", "having", "not", "that", "this", "it", "what"])),
        PhraseRule(id: "prior-to", reason: "\"Prior to\" and \"before\" (before a noun phrase) mean the same; \"before\" as a conjunction is not matched. From scheme 12 only \"prior to\" is looked for here: \"before\" may also mean \"in front of\" (\"appear before Congress\") or open a clause (\"before the court decides\"), so the rule `before-event` finds it only before a named event.",
                   alternatives: ["prior to", "before"], profile: .standard, before: determiners.union(["then", "next", "last"]),
                   widening: .init(scheme: .v12, alternatives: ["prior to", "before"], originals: [0])),
        PhraseRule(id: "approximately-roughly", reason: "\"Approximately\" and \"roughly\" both mark an estimate; the number itself is never touched. From scheme 5 copies may also write \"about\", and only \"approximately\" is looked for (\"roughly\" also means \"harshly\").",
                   alternatives: ["approximately", "roughly"],
                   widening: .init(scheme: .v5, alternatives: ["approximately", "roughly", "about"], originals: [0])),
        PhraseRule(id: "nearly-almost", reason: "\"Nearly\" and \"almost\" are interchangeable degree adverbs.", alternatives: ["nearly", "almost"],
                   notAfter: ["very", "not"]),
        PhraseRule(id: "mainly-primarily", reason: "\"Mainly\" and \"primarily\" (and \"chiefly\") mean \"for the most part\"; copies use the first two.",
                   alternatives: ["mainly", "primarily", "chiefly"]),
        PhraseRule(id: "currently-at-present", reason: "\"Currently\" and \"at present\" both mean \"now\".", alternatives: ["currently", "at present"]),
        PhraseRule(id: "upcoming-forthcoming", reason: "Before a noun, \"upcoming\" and \"forthcoming\" both mean \"about to happen\".",
                   alternatives: ["upcoming", "forthcoming"], profile: .standard, after: determiners,
                   widening: .init(scheme: .v8, alternatives: ["upcoming", "forthcoming", "coming"], originals: [0, 1], notAfter: ["a", "an"])),
        PhraseRule(id: "toward-towards", reason: "\"Toward\" and \"towards\" are spelling variants of one preposition, both in the dictionary.",
                   alternatives: ["toward", "towards"]),
        PhraseRule(id: "for-example", reason: "\"For example\" and \"for instance\" are interchangeable.", alternatives: ["for example", "for instance"]),
        PhraseRule(id: "in-addition", reason: "Opening a sentence, \"In addition,\", \"Additionally,\" and (from scheme 5) \"Furthermore,\" all add a further point.",
                   alternatives: ["in addition", "additionally"], before: [","], sentenceStart: true,
                   widening: .init(scheme: .v5, alternatives: ["in addition", "additionally", "furthermore"], originals: [0, 1])),
        PhraseRule(id: "moreover-furthermore", reason: "\"Moreover\" and \"furthermore\" both add a further point of equal weight.",
                   alternatives: ["moreover", "furthermore"]),
        PhraseRule(id: "nevertheless-nonetheless", reason: "\"Nevertheless\" and \"nonetheless\" are the same concessive adverb.",
                   alternatives: ["nevertheless", "nonetheless"]),
        PhraseRule(id: "as-a-result", reason: "Opening a sentence, \"As a result,\", \"Consequently,\" and (from scheme 5) \"As a consequence,\" all state a consequence.",
                   alternatives: ["as a result", "consequently"], profile: .standard, before: [","], sentenceStart: true,
                   widening: .init(scheme: .v5, alternatives: ["as a result", "consequently", "as a consequence"])),
        PhraseRule(id: "appears-seems", reason: "\"Appears to\" and \"seems to\" express the same degree of inference.",
                   alternatives: ["appears", "seems"], profile: .standard, before: ["to", "that"]),
        PhraseRule(id: "asked-whether-if", reason: "After \"asked\", \"whether\" and \"if\" both introduce the reported question.",
                   alternatives: ["whether", "if"], profile: .standard, after: ["asked", "wondered", "inquired", "queried"], notBefore: ["or"]),
        PhraseRule(id: "current-present", reason: "Between \"the\" and a noun, \"current\" and \"present\" both mean \"now existing\".",
                   alternatives: ["current", "present"], profile: .standard, after: ["the"], notBefore: [".", ",", ";", ":", "of", "and", "time"]),
        PhraseRule(id: "ahead-of", reason: "\"In advance of\" and \"ahead of\" both mean \"before\" in time.", alternatives: ["in advance of", "ahead of"],
                   profile: .standard, before: determiners),
        PhraseRule(id: "in-light-of", reason: "\"In light of\" and \"in view of\" both mean \"considering\".", alternatives: ["in light of", "in view of"]),
        PhraseRule(id: "majority-most", reason: "\"The majority of\" and \"most of\" both mean more than half of.",
                   alternatives: ["the majority of", "most of"], profile: .standard),
        PhraseRule(id: "noted-observed", reason: "Before a that-clause, \"noted\", \"observed\" and (from scheme 5) \"pointed out\" report a remark of the same weight.",
                   alternatives: ["noted", "observed"], profile: .standard, notAfter: predicative, before: ["that"],
                   widening: .init(scheme: .v5, alternatives: ["noted", "observed", "pointed out"], originals: [0, 1])),
        PhraseRule(id: "meanwhile", reason: "\"Meanwhile\" and \"in the meantime\" both mean \"during the same period\".",
                   alternatives: ["meanwhile", "in the meantime"], profile: .standard),
        PhraseRule(id: "afterward", reason: "\"Afterward\" and \"afterwards\" are spelling variants, both in the dictionary.", alternatives: ["afterward", "afterwards"]),
        PhraseRule(id: "at-this-time", reason: "\"At this time\" and \"at this point\" both mean \"now\" in reporting.",
                   alternatives: ["at this time", "at this point"], profile: .standard),
    ]

    /// Synonyms added in scheme 5.
    static let schemeFivePhraseRules: [any SlotRule] = [
        PhraseRule(id: "therefore-thus", reason: "As an adverb of consequence, \"therefore\" and \"thus\" draw the same conclusion; only \"therefore\" is looked for (\"thus\" also means \"in this way\").",
                   alternatives: ["therefore", "thus"], since: .v5, originals: [0]),
        PhraseRule(id: "soon-shortly", reason: "Inside a sentence, \"soon\" and \"shortly\" both mean \"in a short time\"; only \"soon\" is looked for, never in \"as soon as\", \"too soon\", \"how soon\", \"so soon\" or \"soon than\", nor opening a sentence.",
                   alternatives: ["soon", "shortly"], profile: .standard, notAfter: ["as", "too", "so", "how", "no", "quite", "fairly", "pretty"],
                   notBefore: ["as", "than", "enough", "-"], midSentence: true, since: .v5, originals: [0]),
        PhraseRule(id: "beginning-starting", reason: "Before \"to\" and a verb, \"beginning\" and \"starting\" (\"begins\" and \"starts\") mark the same onset.",
                   alternatives: ["beginning", "starting"], profile: .standard, notAfter: ["the", "a", "an", "its", "their", "his", "her", "this"],
                   before: ["to"], since: .v5),
        PhraseRule(id: "begins-starts", reason: "Before \"to\" and a verb, \"begins\" and \"starts\" mark the same onset.",
                   alternatives: ["begins", "starts"], profile: .standard, before: ["to"], since: .v5),
    ]

    /// Synonyms and connectives added in scheme 2. Where an alternative has another sense
    /// somewhere ("further" is also an adverb), only the unambiguous one is looked for.
    static let schemeTwoPhraseRules: [any SlotRule] = [
        PhraseRule(id: "although-though", reason: "As a conjunction opening a concession, \"although\" and \"though\" are interchangeable; only \"although\" is looked for, since \"though\" is also an adverb.",
                   alternatives: ["although", "though"], since: .v2, originals: [0]),
        PhraseRule(id: "especially-particularly", reason: "\"Especially\" and \"particularly\" are the same focusing adverb; from scheme 12, before a preposition, a conjunction or a determiner (\"particularly in Asia\", \"especially the young\"), so is \"notably\", which before an adjective would mean \"remarkably\" and opening a sentence \"it is notable that\", and is written in neither place.",
                   alternatives: ["especially", "particularly"], since: .v2,
                   widening: .init(scheme: .v12, alternatives: ["especially", "particularly", "notably"], originals: [0, 1], before: focusContexts,
                                   notAfter: [".", ";", ":", "(", "\"", "\u{201C}"])),
        PhraseRule(id: "additional-further", reason: "Before a noun, \"additional\" and \"further\" both mean \"more of the same kind\"; only \"additional\" is looked for (\"further\" is also an adverb), and never after \"a\" or \"an\".",
                   alternatives: ["additional", "further"], profile: .standard, notAfter: ["a", "an"], notBefore: [".", ",", ";", ":", ")"], since: .v2, originals: [0]),
        PhraseRule(id: "because-of", reason: "\"Because of\", \"owing to\" and (from scheme 5) \"due to\" all give a cause.",
                   alternatives: ["because of", "owing to"], profile: .standard, since: .v2, originals: [0],
                   widening: .init(scheme: .v5, alternatives: ["because of", "owing to", "due to"], originals: [0])),
        PhraseRule(id: "entire-whole", reason: "Between a determiner and a noun, \"entire\" and \"whole\" both mean \"all of\". From scheme 12 never before a word that shows \"whole\" to be a noun (\"a committee of the whole to hear\").",
                   alternatives: ["entire", "whole"], profile: .standard, after: ["the", "its", "their", "his", "her", "our", "this"],
                   notBefore: [".", ",", ";", ":", ")", "of"], since: .v2,
                   tightening: .init(scheme: .v12, notBefore: ["to", "and", "or", "but", "is", "was", "are", "were", "in", "on", "at", "for", "with", "by", "from", "as", "that", "which", "who"])),
        PhraseRule(id: "often-frequently", reason: "\"Often\" and \"frequently\" are the same adverb of frequency.",
                   alternatives: ["often", "frequently"], since: .v2),
        PhraseRule(id: "quickly-rapidly", reason: "\"Quickly\", \"rapidly\" and (from scheme 5) \"swiftly\" all mean \"at speed\".",
                   alternatives: ["quickly", "rapidly"], profile: .standard, since: .v2,
                   widening: .init(scheme: .v5, alternatives: ["quickly", "rapidly", "swiftly"])),
        PhraseRule(id: "began-started", reason: "Before \"to\" and a verb, \"began\" and \"started\" mark the same onset.",
                   alternatives: ["began", "started"], profile: .standard, before: ["to"], since: .v2),
        PhraseRule(id: "begin-start", reason: "Before \"to\" and a verb, \"begin\" and \"start\" mark the same onset.",
                   alternatives: ["begin", "start"], profile: .standard, notAfter: ["the", "a", "an"], before: ["to"], since: .v2),
        PhraseRule(id: "tried-attempted", reason: "Before \"to\", \"tried\", \"attempted\" and (from scheme 5) \"sought\" report the same effort.",
                   alternatives: ["tried", "attempted"], profile: .standard, before: ["to"], since: .v2,
                   widening: .init(scheme: .v5, alternatives: ["tried", "attempted", "sought"])),
        PhraseRule(id: "trying-attempting", reason: "Before \"to\", \"trying\", \"attempting\" and (from scheme 5) \"seeking\" report the same effort.",
                   alternatives: ["trying", "attempting"], profile: .standard, before: ["to"], since: .v2,
                   widening: .init(scheme: .v5, alternatives: ["trying", "attempting", "seeking"])),
        PhraseRule(id: "upon-on", reason: "\"Upon\" is a formal \"on\" (\"upon arrival\", \"called upon\"); only \"upon\" is looked for.",
                   alternatives: ["upon", "on"], profile: .standard, notAfter: ["once", "based"], since: .v2, originals: [0]),
        PhraseRule(id: "numerous-many", reason: "Before a noun, \"numerous\" and \"many\" both mean \"a large number of\"; only \"numerous\" is looked for.",
                   alternatives: ["numerous", "many"], profile: .standard, notAfter: ["so", "too", "as", "how"], notBefore: [".", ",", ";", ":", ")"],
                   since: .v2, originals: [0]),
        PhraseRule(id: "main-principal", reason: "Between a determiner and a noun, \"main\", \"principal\" and (from scheme 5, before nouns such as reason, goal, concern or priority, never \"road\" or \"office\") \"primary\" all mean \"most important\"; only \"main\" is looked for (\"principal\" is also a noun, \"primary\" also an election).",
                   alternatives: ["main", "principal"], profile: .standard, after: ["the", "its", "their", "his", "her", "our"],
                   notBefore: [".", ",", ";", ":", ")"], since: .v2, originals: [0],
                   widening: .init(scheme: .v5, alternatives: ["main", "principal", "primary"], originals: [0], before: [
                       "reason", "reasons", "goal", "goals", "objective", "objectives", "concern", "concerns", "focus", "aim", "aims", "purpose",
                       "priority", "priorities", "target", "targets", "source", "sources", "responsibility", "role", "task", "obstacle", "obstacles",
                       "challenge", "challenges", "cause", "causes", "interest", "interests", "motivation", "driver", "beneficiary", "beneficiaries",
                       "factor", "factors", "threat", "threats", "problem", "problems", "mission", "function", "emphasis", "consideration",
                   ])),
        PhraseRule(id: "percent", reason: "\"Percent\" and \"per cent\" are spellings of one word; the number is never touched.",
                   alternatives: ["percent", "per cent"], since: .v2),
        PhraseRule(id: "similarly-likewise", reason: "Opening a sentence, \"Similarly,\" and \"Likewise,\" both draw the same parallel.",
                   alternatives: ["similarly", "likewise"], before: [","], sentenceStart: true, since: .v2),
        PhraseRule(id: "in-an-effort-to", reason: "\"In an effort to\" and \"in an attempt to\" both introduce a purpose pursued.",
                   alternatives: ["in an effort to", "in an attempt to"], since: .v2),
        PhraseRule(id: "whether-if", reason: "After verbs and adjectives of knowing and deciding, \"whether\" and \"if\" both introduce the open question (never before \"or\" or \"to\").",
                   alternatives: ["whether", "if"], profile: .standard,
                   after: ["know", "knows", "knew", "unclear", "clear", "sure", "decide", "decided", "determine", "see", "consider", "considering",
                           "wonder", "check", "confirm", "doubt", "doubts", "doubted", "uncertain", "learn", "ask", "asking", "inquire"],
                   notBefore: ["or", "to"], since: .v2),
        PhraseRule(id: "made-clear", reason: "\"Made clear that\" and \"made it clear that\" report the same.",
                   alternatives: ["made clear that", "made it clear that"], since: .v2),
        PhraseRule(id: "sidelines", reason: "\"On the sidelines of\" and \"on the margins of\" a meeting both mean alongside it.",
                   alternatives: ["on the sidelines of", "on the margins of"], since: .v2),
        PhraseRule(id: "so-far", reason: "\"So far\", \"thus far\" and (from scheme 5, not before \"this\") \"to date\" all mean \"until now\"; \"so far as\", \"so far away\" and \"went so far\" are not matched.",
                   alternatives: ["so far", "thus far"], profile: .standard, notAfter: ["go", "goes", "went", "gone", "going", "not"],
                   notBefore: ["as", "away", "from", "ahead", "off", "out", "beyond", "behind"], since: .v2, originals: [0],
                   widening: .init(scheme: .v5, alternatives: ["so far", "thus far", "to date"], originals: [0], notBefore: ["this", "that"])),
        PhraseRule(id: "following-day", reason: "\"The following day\" and \"the next day\" name the same day.",
                   alternatives: ["the following day", "the next day"], since: .v2),
        PhraseRule(id: "for-the-time-being", reason: "\"For the time being\" and \"for now\" both mean \"until something changes\".",
                   alternatives: ["for the time being", "for now"], since: .v2),
        PhraseRule(id: "appear-seem", reason: "Before \"to\", \"appear\" and \"seem\" (and their past forms) express the same degree of inference.",
                   alternatives: ["appear", "seem"], profile: .standard, notAfter: ["to", "the", "a"], before: ["to"], since: .v2),
        PhraseRule(id: "about-regarding", reason: "After a noun or verb of concern, asking or telling, \"about\" and \"regarding\" (and from scheme 5 \"concerning\", except after \"concern\") name the same topic; only \"about\" is looked for there (it also means \"approximately\").",
                   alternatives: ["about", "regarding"], profile: .standard,
                   after: ["concern", "concerns", "concerned", "question", "questions", "questioned", "information", "details", "comments", "doubts",
                           "worries", "worried", "discussion", "discussions", "talks", "views", "complaints", "complained", "inquired", "knowledge",
                           "story", "stories", "reports", "report", "rumors", "news", "anxiety", "skepticism", "optimism", "pessimism", "assurances"],
                   since: .v2, originals: [0],
                   widening: .init(scheme: .v5, alternatives: ["about", "regarding", "concerning"], originals: [0],
                                   notAfter: ["concern", "concerns", "concerned"])),
        PhraseRule(id: "asked-inquired-about", reason: "\"Asked about\" and \"inquired about\" both report a question on a topic.",
                   alternatives: ["asked about", "inquired about"], since: .v2),
        PhraseRule(id: "seen-viewed-as", reason: "After a form of \"be\" or an adverb of extent, \"seen as\", \"viewed as\" and \"regarded as\" report the same perception.",
                   alternatives: ["seen as", "viewed as", "regarded as"], profile: .standard,
                   after: ["is", "are", "was", "were", "be", "been", "being", "widely", "generally", "largely", "increasingly", "often", "also", "now", "still", "broadly"],
                   notBefore: ["many", "much", "well", "far", "long", "soon", "few", "little", "good", "such"], since: .v2),
        PhraseRule(id: "dialogue-dialog", reason: "\"Dialogue\" and \"dialog\" are spellings of one word, both in the dictionary.",
                   alternatives: ["dialogue", "dialog"], since: .v2),
        PhraseRule(id: "appeared-seemed", reason: "Before \"to\", \"appeared\" and \"seemed\" express the same degree of inference.",
                   alternatives: ["appeared", "seemed"], profile: .standard, before: ["to"], since: .v2),
    ]
}
