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
    ]
}

extension ComplementizerRule {
    /// Scheme 12's verbs of saying, showing or thinking, after which "that" may also be dropped or
    /// added before a clause that a subject and its verb open.
    static let schemeTwelveVerbs: Set<String> = verbs.union([
        "mentioned", "realized", "realize", "realizes", "indicate", "indicates", "signaled", "confided", "affirmed", "opined",
        "recounted", "noticed", "surmised", "presumed", "assumed", "assume", "assumes", "suspect", "suspected", "suspects",
        "declared", "testified", "promised", "alleged", "alleging", "countered", "protested", "joked", "stipulated", "demonstrated",
        "showed", "shows", "reckoned", "wrote", "writes", "guessed", "conceded", "complains", "complaining", "acknowledges",
        "admits", "insists", "maintains", "warns", "predicts", "recalls", "stresses", "emphasizes", "suggests", "explains",
    ])

    /// The verbs this scheme reads.
    static func verbs(for scheme: FingerprintScheme) -> Set<String> {
        scheme >= .v12 ? schemeTwelveVerbs : verbs
    }
}
