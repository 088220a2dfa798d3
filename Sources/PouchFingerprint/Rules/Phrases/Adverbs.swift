import PouchCore

/// Adverbs and adverbial phrases of degree, frequency, speed and time.
extension RuleCatalogue {
    /// Words before which an adverb focuses on what follows rather than grading an adjective.
    static let focusContexts: Set<String> = [
        "in", "on", "at", "for", "with", "among", "amongst", "since", "after", "before", "when", "if", "as", "because", "from", "during",
        "given", "regarding", "concerning", "within", "against", "to", "by", "through", "where", "the", "his", "her", "their", "its",
        "our", "those", "these", "this",
    ]
    /// Words that mark a span of time after "over the past" ("over the past two years").
    static let spansOfTime: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "quarter", "quarters",
        "hours", "summer", "winter", "spring", "fall", "autumn", "session", "sessions",
    ]
    /// Punctuation after which "likely" would stand alone rather than qualify a verb.
    static let clauseEnds: Set<String> = [",", ".", ";", ":", ")", "?", "!"]
    static let approximatelyRoughly = PhraseRule(
        id: "approximately-roughly",
        reason:
            "\"Approximately\" and \"roughly\" both mark an estimate; the number itself is never touched. From scheme 5 copies may also write \"about\", and only \"approximately\" is looked for (\"roughly\" also means \"harshly\").",
        alternatives: ["approximately", "roughly"],
        widening: .init(scheme: .v5, alternatives: ["approximately", "roughly", "about"], originals: [0]))
    static let nearlyAlmost = PhraseRule(
        id: "nearly-almost", reason: "\"Nearly\" and \"almost\" are interchangeable degree adverbs.", alternatives: ["nearly", "almost"],
        notAfter: ["very", "not"])
    static let mainlyPrimarily = PhraseRule(
        id: "mainly-primarily", reason: "\"Mainly\" and \"primarily\" (and \"chiefly\") mean \"for the most part\"; copies use the first two.",
        alternatives: ["mainly", "primarily", "chiefly"])
    static let largelyMostly = PhraseRule(
        id: "largely-mostly",
        reason: "As adverbs of extent, \"largely\" and \"mostly\" both mean \"for the most part\" (\"largely symbolic\" / \"mostly symbolic\").",
        alternatives: ["largely", "mostly"], profile: .standard)
    static let especiallyParticularly = PhraseRule(
        id: "especially-particularly",
        reason:
            "\"Especially\" and \"particularly\" are the same focusing adverb; from scheme 12, before a preposition, a conjunction or a determiner (\"particularly in Asia\", \"especially the young\"), so is \"notably\", which before an adjective would mean \"remarkably\" and opening a sentence \"it is notable that\", and is written in neither place.",
        alternatives: ["especially", "particularly"],
        widening: .init(
            scheme: .v12, alternatives: ["especially", "particularly", "notably"], originals: [0, 1], before: focusContexts,
            notAfter: [".", ";", ":", "(", "\"", "\u{201C}"]))
    static let oftenFrequently = PhraseRule(
        id: "often-frequently", reason: "\"Often\" and \"frequently\" are the same adverb of frequency.",
        alternatives: ["often", "frequently"])
    static let quicklyRapidly = PhraseRule(
        id: "quickly-rapidly", reason: "\"Quickly\", \"rapidly\" and (from scheme 5) \"swiftly\" all mean \"at speed\".",
        alternatives: ["quickly", "rapidly"], profile: .standard,
        widening: .init(scheme: .v5, alternatives: ["quickly", "rapidly", "swiftly"]))
    static let currentlyAtPresent = PhraseRule(
        id: "currently-at-present", reason: "\"Currently\" and \"at present\" both mean \"now\".", alternatives: ["currently", "at present"])
    static let atThisTime = PhraseRule(
        id: "at-this-time", reason: "\"At this time\" and \"at this point\" both mean \"now\" in reporting.",
        alternatives: ["at this time", "at this point"], profile: .standard)
    static let atTheTime = PhraseRule(
        id: "at-the-time",
        reason:
            "Closing a clause (before a comma or a full stop), \"at the time\" and \"at that time\" both mean \"then\"; before \"of\" or a clause (\"at the time he arrived\") it is left alone.",
        alternatives: ["at the time", "at that time"], before: [",", ".", ";", ")"])
    static let soonShortly = PhraseRule(
        id: "soon-shortly",
        reason:
            "Inside a sentence, \"soon\" and \"shortly\" both mean \"in a short time\"; only \"soon\" is looked for, never in \"as soon as\", \"too soon\", \"how soon\", \"so soon\" or \"soon than\", nor opening a sentence.",
        alternatives: ["soon", "shortly"], profile: .standard, notAfter: ["as", "too", "so", "how", "no", "quite", "fairly", "pretty"],
        notBefore: ["as", "than", "enough", "-"], midSentence: true, originals: [0])
    static let soFar = PhraseRule(
        id: "so-far",
        reason:
            "\"So far\", \"thus far\" and (from scheme 5, not before \"this\") \"to date\" all mean \"until now\"; \"so far as\", \"so far away\" and \"went so far\" are not matched.",
        alternatives: ["so far", "thus far"], profile: .standard, notAfter: ["go", "goes", "went", "gone", "going", "not"],
        notBefore: ["as", "away", "from", "ahead", "off", "out", "beyond", "behind"], originals: [0],
        widening: .init(scheme: .v5, alternatives: ["so far", "thus far", "to date"], originals: [0], notBefore: ["this", "that"]))
    static let forTheTimeBeing = PhraseRule(
        id: "for-the-time-being", reason: "\"For the time being\" and \"for now\" both mean \"until something changes\".",
        alternatives: ["for the time being", "for now"])
    static let followingDay = PhraseRule(
        id: "following-day", reason: "\"The following day\" and \"the next day\" name the same day.",
        alternatives: ["the following day", "the next day"])
    static let overThePast = PhraseRule(
        id: "over-the-past",
        reason:
            "Before a span of time (\"over the past two years\"), \"over the past\", \"over the last\", \"in the past\" and \"in the last\" all name the same recent span; only the first three are looked for (\"in the last year of his term\" is a final year, not a recent one), and only when a word such as year, month or week follows within three words.",
        alternatives: ["over the past", "over the last", "in the past", "in the last"], profile: .standard,
        followedWithin: spansOfTime, originals: [0, 1, 2])
    static let inPart = PhraseRule(
        id: "in-part",
        reason:
            "As an adverb of degree, \"in part\" and \"partly\" mean the same (\"due in part to\" / \"due partly to\"); only \"in part\" is looked for (\"partly cloudy\" has no \"in part\"), never in \"take part in\", before \"of\" or closing a clause.",
        alternatives: ["in part", "partly"], profile: .standard,
        notAfter: ["take", "takes", "took", "taken", "taking", "play", "plays", "played", "playing", "a", "the", "one", "each", "for"],
        notBefore: ["of", ".", ",", ";", ":", ")"], originals: [0])
    static let likelyProbably = PhraseRule(
        id: "likely-probably",
        reason:
            "After \"will\" or \"would\" and before the verb they govern, the adverbs \"likely\" and \"probably\" state the same degree of expectation (\"will likely remain\" / \"will probably remain\"); the modal itself is never touched, and \"likely to\" or \"likely that\" (the adjective) is never matched.",
        alternatives: ["likely", "probably"], profile: .standard, after: ["will", "would"], notBefore: clauseEnds.union(["to", "that"]))
    /// "In the coming days" / "in the days ahead", and the same for weeks and months.
    static let inTheComingSpan: [PhraseRule] = ["days", "weeks", "months"].map { span in
        PhraseRule(
            id: "coming-\(span)", reason: "\"In the coming \(span)\" and \"in the \(span) ahead\" name the same stretch of time.",
            alternatives: ["in the coming \(span)", "in the \(span) ahead"])
    }
}
