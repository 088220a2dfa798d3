import PouchCore

extension RuleCatalogue {
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

extension RuleCatalogue {
    /// Phrase rules added in scheme 3.
    static let schemeThreePhraseRules: [any SlotRule] = [
        PhraseRule(id: "due-to", reason: "Before a noun phrase and not after a form of \"be\", \"due to\", \"owing to\" and \"because of\" all give a cause; \"due to\" before a verb (\"due to arrive\") is never matched, and only \"due to\" is looked for.",
                   alternatives: ["due to", "owing to", "because of"], profile: .standard,
                   notAfter: ["is", "was", "are", "were", "be", "been", "being", "largely", "partly", "mainly", "primarily", "entirely",
                              "partially", "solely", "probably", "likely", "not", "also", "only", "perhaps", "in", "fall", "falls", "fell", "payable", "become", "became"],
                   before: determiners.union(["concerns", "security", "lack", "budget", "financial", "political", "economic", "pressure", "health", "time"]),
                   since: .v3, originals: [0]),
        PhraseRule(id: "during-in-the-course-of", reason: "Before a determiner, \"during\", \"in the course of\" and (from scheme 12) \"over the course of\" all place an event within a period or another event (\"during the meeting\" / \"in the course of the meeting\").",
                   alternatives: ["during", "in the course of"], profile: .standard,
                   before: ["the", "his", "her", "their", "its", "our", "this", "that", "these", "those", "a", "an", "each"], since: .v3,
                   widening: .init(scheme: .v12, alternatives: ["during", "in the course of", "over the course of"])),
        PhraseRule(id: "ongoing-continuing", reason: "Between a determiner and a noun, \"ongoing\" and \"continuing\" both mean \"still in progress\"; never after \"a\" or \"an\", whose form would no longer fit.",
                   alternatives: ["ongoing", "continuing"], profile: .standard, after: ["the", "its", "their", "his", "her", "our", "this", "these"],
                   notBefore: [".", ",", ";", ":", ")", "to", "and", "or"], since: .v3, originals: [0]),
    ] + ["his", "her", "their", "our"].map { holder in
        PhraseRule(id: holder == "his" ? "view-opinion" : "view-opinion-\(holder)",
                   reason: "\"In \(holder) view\" and \"in \(holder) opinion\" attribute a judgment to the same holder.",
                   alternatives: ["in \(holder) view", "in \(holder) opinion"], since: .v3)
    } + ["days", "weeks", "months"].map { span in
        PhraseRule(id: "coming-\(span)", reason: "\"In the coming \(span)\" and \"in the \(span) ahead\" name the same stretch of time.",
                   alternatives: ["in the coming \(span)", "in the \(span) ahead"], since: .v3)
    }
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

/// Rules added in scheme 10. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.
extension RuleCatalogue {
    /// Words that mark a span of time after "over the past" ("over the past two years").
    static let spansOfTime: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "quarter", "quarters",
        "hours", "summer", "winter", "spring", "fall", "autumn", "session", "sessions",
    ]
    /// Verbs after which "along with" is part of the verb ("went along with" means "agreed to").
    static let takesAlong: Set<String> = [
        "go", "goes", "went", "gone", "going", "play", "plays", "played", "playing", "get", "gets", "got", "getting", "come", "comes",
        "came", "coming", "string", "strung", "stringing", "bring", "brings", "brought", "bringing", "carry", "carries", "carried",
        "move", "moves", "moved", "moving", "pass", "passed", "push", "pushed", "all", "right",
    ]
    /// What "requested" may stand before where "asked for" reads the same: a thing asked for,
    /// never a person asked to act ("requested the minister to" is left alone).
    static let requestedThings: Set<String> = [
        "a", "an", "additional", "more", "further", "information", "assistance", "clarification", "support", "details", "funding",
        "funds", "access", "permission", "comments", "copies", "help", "meetings", "time", "specific", "detailed", "urgent",
        "immediate", "technical", "financial", "military", "consular", "political", "clarifications", "guidance", "feedback",
        "input", "documents", "data", "advice", "asylum", "protection", "extradition", "waivers", "visas", "training",
        "equipment", "resources", "aid", "cooperation", "consultations", "talks", "two", "three", "several",
    ]

    /// "End summary." / "End of summary." and the same for a comment and a note: the markers that
    /// close a cable's summary and a drafter's asides.
    static let endMarkers: [any SlotRule] = [("summary", "a cable's summary"), ("comment", "a drafter's comment"), ("note", "a drafter's note")].map { section, closes in
        PhraseRule(id: "end-\(section)", reason: "\"End \(section)\" and \"end of \(section)\" both close \(closes); only the marker opening a sentence is matched.",
                   alternatives: ["end \(section)", "end of \(section)"], sentenceStart: true, since: .v10)
    }

    static let schemeTenPhraseRules: [any SlotRule] = endMarkers + [
        PhraseRule(id: "over-the-past", reason: "Before a span of time (\"over the past two years\"), \"over the past\", \"over the last\", \"in the past\" and \"in the last\" all name the same recent span; only the first three are looked for (\"in the last year of his term\" is a final year, not a recent one), and only when a word such as year, month or week follows within three words.",
                   alternatives: ["over the past", "over the last", "in the past", "in the last"], profile: .standard,
                   followedWithin: spansOfTime, since: .v10, originals: [0, 1, 2]),
        PhraseRule(id: "largely-mostly", reason: "As adverbs of extent, \"largely\" and \"mostly\" both mean \"for the most part\" (\"largely symbolic\" / \"mostly symbolic\").",
                   alternatives: ["largely", "mostly"], profile: .standard, since: .v10),
        PhraseRule(id: "reiterated-repeated", reason: "As reporting verbs, \"reiterated\" and \"repeated\" both report that something was said again; only \"reiterated\" is looked for (\"repeated\" is also an adjective: \"repeated attacks\").",
                   alternatives: ["reiterated", "repeated"], since: .v10, originals: [0]),
        PhraseRule(id: "requested-asked-for", reason: "Before the thing asked for (\"requested a meeting\" / \"asked for a meeting\"), \"requested\" and \"asked for\" report the same request; never before \"that\", \"to\" or a person asked to act, and never in the passive.",
                   alternatives: ["requested", "asked for"], profile: .standard,
                   notAfter: ["the", "a", "an", "is", "are", "was", "were", "be", "been", "being", "as", "if", "when", "and", "or"],
                   before: requestedThings, since: .v10),
        PhraseRule(id: "along-with", reason: "\"Along with\" and \"together with\" both mean \"in addition to, and in company with\"; only \"along with\" is looked for, and never after a verb it belongs to (\"went along with\" means \"agreed to\").",
                   alternatives: ["along with", "together with"], profile: .standard, notAfter: takesAlong, since: .v10, originals: [0]),
        PhraseRule(id: "in-part", reason: "As an adverb of degree, \"in part\" and \"partly\" mean the same (\"due in part to\" / \"due partly to\"); only \"in part\" is looked for (\"partly cloudy\" has no \"in part\"), never in \"take part in\", before \"of\" or closing a clause.",
                   alternatives: ["in part", "partly"], profile: .standard,
                   notAfter: ["take", "takes", "took", "taken", "taking", "play", "plays", "played", "playing", "a", "the", "one", "each", "for"],
                   notBefore: ["of", ".", ",", ";", ":", ")"], since: .v10, originals: [0]),
        PhraseRule(id: "instead-of", reason: "Before a noun or a verb in -ing, \"instead of\" and \"rather than\" both name the alternative not taken; only \"instead of\" is looked for (\"rather than\" also compares).",
                   alternatives: ["instead of", "rather than"], profile: .standard, since: .v10, originals: [0]),
        PhraseRule(id: "in-this-regard", reason: "\"In this regard\" and \"in this respect\" both point back to the matter just named.",
                   alternatives: ["in this regard", "in this respect"], since: .v10),
        PhraseRule(id: "in-that-regard", reason: "\"In that regard\" and \"in that respect\" both point back to the matter just named.",
                   alternatives: ["in that regard", "in that respect"], since: .v10),
        PhraseRule(id: "wide-range", reason: "\"A wide range of\" and \"a broad range of\" both mean many different kinds of.",
                   alternatives: ["wide range of", "broad range of"], after: ["a"], since: .v10),
        PhraseRule(id: "by-contrast", reason: "As a sentence adverb set off by a comma, \"in contrast\" and \"by contrast\" both draw the same contrast; before \"to\" or \"with\" it is left alone.",
                   alternatives: ["in contrast", "by contrast"], before: [","], since: .v10),
        PhraseRule(id: "at-the-time", reason: "Closing a clause (before a comma or a full stop), \"at the time\" and \"at that time\" both mean \"then\"; before \"of\" or a clause (\"at the time he arrived\") it is left alone.",
                   alternatives: ["at the time", "at that time"], before: [",", ".", ";", ")"], since: .v10),
        PhraseRule(id: "regardless-of", reason: "\"Regardless of\" and \"irrespective of\" both mean \"without regard to\".",
                   alternatives: ["regardless of", "irrespective of"], since: .v10),
    ]
}

/// Rules added in scheme 11. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.
extension RuleCatalogue {
    /// Words before which "try" or "attempt" would be a noun ("a try", "an attempt to").
    static let nounMarkers: Set<String> = [
        "a", "an", "the", "another", "one", "its", "his", "her", "their", "our", "my", "your", "this", "that", "first", "last", "any",
        "every", "each", "no", "failed", "new", "second", "final",
    ]

    static let schemeElevenPhraseRules: [any SlotRule] = [
        PhraseRule(id: "try-attempt", reason: "Before \"to\" and a verb, \"try\", \"attempt\" and \"seek\" report the same effort, as \"tried\", \"attempted\" and \"sought\" already do; \"attempt\" is written but never looked for (\"an attempt to\" is a noun), and no wording is varied after a word that would make it a noun.",
                   alternatives: ["try", "attempt", "seek"], profile: .standard, notAfter: nounMarkers, before: ["to"], since: .v11, originals: [0, 2]),
        PhraseRule(id: "tries-attempts", reason: "Before \"to\" and a verb, \"tries\", \"attempts\" and \"seeks\" report the same effort; \"attempts\" is written but never looked for (\"several attempts to\" is a noun).",
                   alternatives: ["tries", "attempts", "seeks"], profile: .standard, notAfter: nounMarkers, before: ["to"], since: .v11, originals: [0, 2]),
        SuchAsRule(),
    ]
}

/// Rules added in scheme 12. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.
extension RuleCatalogue {
    /// Words after which "buy" or "buying" would be a noun ("a good buy", "the buying").
    static let purchaseNounMarkers: Set<String> = ["a", "an", "the", "good", "best", "this", "that", "its", "his", "her", "their", "our"]
    /// Words after which "buy" is an idiom, not a purchase ("buy time", "bought into the idea",
    /// "bought us time", "buy off", "buy back").
    static let purchaseIdioms: Set<String> = [
        "time", "some", "into", "up", "back", "off", "out", "in", "us", "him", "her", "them", "me", "himself", "herself", "themselves", "itself", "ourselves",
    ]
    /// Punctuation after which "likely" would stand alone rather than qualify a verb.
    static let clauseEnds: Set<String> = [",", ".", ";", ":", ")", "?", "!"]

    static let schemeTwelvePhraseRules: [any SlotRule] = [
        PhraseRule(id: "likely-probably", reason: "After \"will\" or \"would\" and before the verb they govern, the adverbs \"likely\" and \"probably\" state the same degree of expectation (\"will likely remain\" / \"will probably remain\"); the modal itself is never touched, and \"likely to\" or \"likely that\" (the adjective) is never matched.",
                   alternatives: ["likely", "probably"], profile: .standard, after: ["will", "would"], notBefore: clauseEnds.union(["to", "that"]), since: .v12),
        PhraseRule(id: "first-firstly", reason: "Opening a sentence before a comma, \"First,\" and \"Firstly,\" both number the first of several points.",
                   alternatives: ["first", "firstly"], before: [","], sentenceStart: true, since: .v12),
        PhraseRule(id: "second-secondly", reason: "Opening a sentence before a comma, \"Second,\" and \"Secondly,\" both number the second of several points.",
                   alternatives: ["second", "secondly"], before: [","], sentenceStart: true, since: .v12),
        PhraseRule(id: "third-thirdly", reason: "Opening a sentence before a comma, \"Third,\" and \"Thirdly,\" both number the third of several points.",
                   alternatives: ["third", "thirdly"], before: [","], sentenceStart: true, since: .v12),
        PhraseRule(id: "buy-purchase", reason: "As verbs, \"buy\" and \"purchase\" both mean to acquire for money. Only \"buy\" is looked for (\"purchase\" is also a noun), never after a word that would make it a noun (\"a good buy\") and never in an idiom (\"buy time\", \"bought some time\", \"bought into\", \"bought us time\", \"buy back\").",
                   alternatives: ["buy", "purchase"], profile: .standard, notAfter: purchaseNounMarkers, notBefore: purchaseIdioms, since: .v12, originals: [0]),
        PhraseRule(id: "bought-purchased", reason: "As verbs, \"bought\" and \"purchased\" both mean acquired for money; only \"bought\" is looked for, and never in an idiom (\"bought into\", \"bought time\").",
                   alternatives: ["bought", "purchased"], profile: .standard, notBefore: purchaseIdioms, since: .v12, originals: [0]),
        PhraseRule(id: "buying-purchasing", reason: "As verbs, \"buying\" and \"purchasing\" both mean acquiring for money; only \"buying\" is looked for, never in an idiom (\"buying time\") or the set phrase \"vote buying\".",
                   alternatives: ["buying", "purchasing"], profile: .standard, notAfter: purchaseNounMarkers.union(["vote"]), notBefore: purchaseIdioms, since: .v12, originals: [0]),
        PhraseRule(id: "buys-purchases", reason: "As verbs, \"buys\" and \"purchases\" both mean acquires for money; only \"buys\" is looked for (\"purchases\" is also a noun).",
                   alternatives: ["buys", "purchases"], profile: .standard, notAfter: purchaseNounMarkers, notBefore: purchaseIdioms, since: .v12, originals: [0]),
        HoweverPlacementRule(), BeforeEventRule(),
    ]
}
