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
