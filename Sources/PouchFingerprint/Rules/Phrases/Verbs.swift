import PouchCore

/// Verbs of beginning, trying, helping and buying, and phrases of purpose.
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
    /// Words before which "try" or "attempt" would be a noun ("a try", "an attempt to").
    static let nounMarkers: Set<String> = [
        "a", "an", "the", "another", "one", "its", "his", "her", "their", "our", "my", "your", "this", "that", "first", "last", "any",
        "every", "each", "no", "failed", "new", "second", "final",
    ]
    /// Words after which "buy" or "buying" would be a noun ("a good buy", "the buying").
    static let purchaseNounMarkers: Set<String> = ["a", "an", "the", "good", "best", "this", "that", "its", "his", "her", "their", "our"]
    /// Words after which "buy" is an idiom, not a purchase ("buy time", "bought into the idea",
    /// "bought us time", "buy off", "buy back").
    static let purchaseIdioms: Set<String> = [
        "time", "some", "into", "up", "back", "off", "out", "in", "us", "him", "her", "them", "me", "himself", "herself", "themselves", "itself",
        "ourselves",
    ]
    static let beganStarted = PhraseRule(
        id: "began-started", reason: "Before \"to\" and a verb, \"began\" and \"started\" mark the same onset.",
        alternatives: ["began", "started"], profile: .standard, before: ["to"])
    static let beginStart = PhraseRule(
        id: "begin-start", reason: "Before \"to\" and a verb, \"begin\" and \"start\" mark the same onset.",
        alternatives: ["begin", "start"], profile: .standard, notAfter: ["the", "a", "an"], before: ["to"])
    static let beginningStarting = PhraseRule(
        id: "beginning-starting", reason: "Before \"to\" and a verb, \"beginning\" and \"starting\" (\"begins\" and \"starts\") mark the same onset.",
        alternatives: ["beginning", "starting"], profile: .standard, notAfter: ["the", "a", "an", "its", "their", "his", "her", "this"],
        before: ["to"])
    static let beginsStarts = PhraseRule(
        id: "begins-starts", reason: "Before \"to\" and a verb, \"begins\" and \"starts\" mark the same onset.",
        alternatives: ["begins", "starts"], profile: .standard, before: ["to"])
    static let triedAttempted = PhraseRule(
        id: "tried-attempted", reason: "Before \"to\", \"tried\", \"attempted\" and (from scheme 5) \"sought\" report the same effort.",
        alternatives: ["tried", "attempted"], profile: .standard, before: ["to"],
        widening: .init(scheme: .v5, alternatives: ["tried", "attempted", "sought"]))
    static let tryingAttempting = PhraseRule(
        id: "trying-attempting", reason: "Before \"to\", \"trying\", \"attempting\" and (from scheme 5) \"seeking\" report the same effort.",
        alternatives: ["trying", "attempting"], profile: .standard, before: ["to"],
        widening: .init(scheme: .v5, alternatives: ["trying", "attempting", "seeking"]))
    static let tryAttempt = PhraseRule(
        id: "try-attempt",
        reason:
            "Before \"to\" and a verb, \"try\", \"attempt\" and \"seek\" report the same effort, as \"tried\", \"attempted\" and \"sought\" already do; \"attempt\" is written but never looked for (\"an attempt to\" is a noun), and no wording is varied after a word that would make it a noun.",
        alternatives: ["try", "attempt", "seek"], profile: .standard, notAfter: nounMarkers, before: ["to"], originals: [0, 2])
    static let triesAttempts = PhraseRule(
        id: "tries-attempts",
        reason:
            "Before \"to\" and a verb, \"tries\", \"attempts\" and \"seeks\" report the same effort; \"attempts\" is written but never looked for (\"several attempts to\" is a noun).",
        alternatives: ["tries", "attempts", "seeks"], profile: .standard, notAfter: nounMarkers, before: ["to"], originals: [0, 2])
    static let helpTo = PhraseRule(
        id: "help-to",
        reason:
            "Before a verb, \"help\" takes the infinitive with or without \"to\" (\"helped to build\" / \"helped build\") with no change of meaning; \"help\" is matched only as a verb (after \"to\", a modal verb or \"also\", or in \"helps\", \"helped\", \"helping\"), never as a noun (\"financial help to build\").",
        alternatives: ["help to", "help"], profile: .standard, after: helpAsVerb, before: helpedVerbs)
    static let helpsTo = PhraseRule(
        id: "helps-to", reason: "Before a verb, \"helps\" takes the infinitive with or without \"to\".",
        alternatives: ["helps to", "helps"], profile: .standard, before: helpedVerbs)
    static let helpedTo = PhraseRule(
        id: "helped-to", reason: "Before a verb, \"helped\" takes the infinitive with or without \"to\".",
        alternatives: ["helped to", "helped"], profile: .standard, before: helpedVerbs)
    static let helpingTo = PhraseRule(
        id: "helping-to", reason: "Before a verb, \"helping\" takes the infinitive with or without \"to\".",
        alternatives: ["helping to", "helping"], profile: .standard, notAfter: ["a", "second"], before: helpedVerbs)
    static let buyPurchase = PhraseRule(
        id: "buy-purchase",
        reason:
            "As verbs, \"buy\" and \"purchase\" both mean to acquire for money. Only \"buy\" is looked for (\"purchase\" is also a noun), never after a word that would make it a noun (\"a good buy\") and never in an idiom (\"buy time\", \"bought some time\", \"bought into\", \"bought us time\", \"buy back\").",
        alternatives: ["buy", "purchase"], profile: .standard, notAfter: purchaseNounMarkers, notBefore: purchaseIdioms, originals: [0])
    static let boughtPurchased = PhraseRule(
        id: "bought-purchased",
        reason:
            "As verbs, \"bought\" and \"purchased\" both mean acquired for money; only \"bought\" is looked for, and never in an idiom (\"bought into\", \"bought time\").",
        alternatives: ["bought", "purchased"], profile: .standard, notBefore: purchaseIdioms, originals: [0])
    static let buyingPurchasing = PhraseRule(
        id: "buying-purchasing",
        reason:
            "As verbs, \"buying\" and \"purchasing\" both mean acquiring for money; only \"buying\" is looked for, never in an idiom (\"buying time\") or the set phrase \"vote buying\".",
        alternatives: ["buying", "purchasing"], profile: .standard, notAfter: purchaseNounMarkers.union(["vote"]), notBefore: purchaseIdioms,
        originals: [0])
    static let buysPurchases = PhraseRule(
        id: "buys-purchases",
        reason: "As verbs, \"buys\" and \"purchases\" both mean acquires for money; only \"buys\" is looked for (\"purchases\" is also a noun).",
        alternatives: ["buys", "purchases"], profile: .standard, notAfter: purchaseNounMarkers, notBefore: purchaseIdioms, originals: [0])
    static let inOrderTo = PhraseRule(
        id: "in-order-to",
        reason: "\"In order to\" and \"so as to\" both introduce a purpose; copies never use the plain \"to\" a normaliser would choose.",
        alternatives: ["in order to", "so as to"])
    static let inAnEffortTo = PhraseRule(
        id: "in-an-effort-to", reason: "\"In an effort to\" and \"in an attempt to\" both introduce a purpose pursued.",
        alternatives: ["in an effort to", "in an attempt to"])
}
