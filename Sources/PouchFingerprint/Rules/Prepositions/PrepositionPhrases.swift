import PouchCore

/// Prepositions and prepositional phrases of topic, cause, time and company.
extension RuleCatalogue {
    /// Verbs after which "along with" is part of the verb ("went along with" means "agreed to").
    static let takesAlong: Set<String> = [
        "go", "goes", "went", "gone", "going", "play", "plays", "played", "playing", "get", "gets", "got", "getting", "come", "comes",
        "came", "coming", "string", "strung", "stringing", "bring", "brings", "brought", "bringing", "carry", "carries", "carried",
        "move", "moves", "moved", "moving", "pass", "passed", "push", "pushed", "all", "right",
    ]
    static let regardingConcerning = PhraseRule(
        id: "regarding-concerning",
        reason:
            "As prepositions, \"regarding\" and \"concerning\" both mean \"about\" in formal prose, and so (from scheme 5) do \"with regard to\" and \"with respect to\"; the adjective \"concerning\" (\"a concerning trend\") is excluded, and from scheme 5 so is the verb (\"regarding him as a partner\": no \"as\" within four words).",
        alternatives: ["regarding", "concerning"], notAfter: predicative, notBefore: [".", ",", ";", ":", ")"],
        widening: .init(
            scheme: .v5, alternatives: ["regarding", "concerning", "with regard to", "with respect to"], originals: [0, 1],
            notFollowedWithin: ["as"]))
    static let withRegardRespect = PhraseRule(
        id: "with-regard-respect",
        reason:
            "\"With regard to\", \"with respect to\" and \"in regard to\" are interchangeable prepositional phrases; from scheme 5 copies may also write \"regarding\".",
        alternatives: ["with regard to", "with respect to", "in regard to"], symbols: [0, 1],
        widening: .init(scheme: .v5, alternatives: ["with regard to", "with respect to", "in regard to", "regarding"], originals: [0, 1, 2]))
    static let aboutRegarding = PhraseRule(
        id: "about-regarding",
        reason:
            "After a noun or verb of concern, asking or telling, \"about\" and \"regarding\" (and from scheme 5 \"concerning\", except after \"concern\") name the same topic; only \"about\" is looked for there (it also means \"approximately\").",
        alternatives: ["about", "regarding"], profile: .standard,
        after: [
            "concern", "concerns", "concerned", "question", "questions", "questioned", "information", "details", "comments", "doubts",
            "worries", "worried", "discussion", "discussions", "talks", "views", "complaints", "complained", "inquired", "knowledge",
            "story", "stories", "reports", "report", "rumors", "news", "anxiety", "skepticism", "optimism", "pessimism", "assurances",
        ],
        originals: [0],
        widening: .init(
            scheme: .v5, alternatives: ["about", "regarding", "concerning"], originals: [0],
            notAfter: ["concern", "concerns", "concerned"]))
    static let despite = PhraseRule(
        id: "despite",
        reason:
            "\"Despite\" and \"in spite of\" are the same preposition, and so (from scheme 5) is \"notwithstanding\" before its noun (not before \"being\" or \"having\"); \"notwithstanding\" is written, never looked for, since it may also follow its noun.",
        alternatives: ["despite", "in spite of"],
        widening: .init(
            scheme: .v5, alternatives: ["despite", "in spite of", "notwithstanding"], originals: [0, 1],
            notBefore: ["being", "having", "not", "that", "this", "it", "what"]))
    static let priorTo = PhraseRule(
        id: "prior-to",
        reason:
            "\"Prior to\" and \"before\" (before a noun phrase) mean the same; \"before\" as a conjunction is not matched. From scheme 12 only \"prior to\" is looked for here: \"before\" may also mean \"in front of\" (\"appear before Congress\") or open a clause (\"before the court decides\"), so the rule `before-event` finds it only before a named event.",
        alternatives: ["prior to", "before"], profile: .standard, before: determiners.union(["then", "next", "last"]),
        widening: .init(scheme: .v12, alternatives: ["prior to", "before"], originals: [0]))
    static let aheadOf = PhraseRule(
        id: "ahead-of", reason: "\"In advance of\" and \"ahead of\" both mean \"before\" in time.", alternatives: ["in advance of", "ahead of"],
        profile: .standard, before: determiners)
    static let inLightOf = PhraseRule(
        id: "in-light-of", reason: "\"In light of\" and \"in view of\" both mean \"considering\".", alternatives: ["in light of", "in view of"])
    static let basedOn = PhraseRule(
        id: "based-on", reason: "\"Based on\" and \"based upon\" are the same preposition.", alternatives: ["based on", "based upon"])
    static let becauseOf = PhraseRule(
        id: "because-of", reason: "\"Because of\", \"owing to\" and (from scheme 5) \"due to\" all give a cause.",
        alternatives: ["because of", "owing to"], profile: .standard, originals: [0],
        widening: .init(scheme: .v5, alternatives: ["because of", "owing to", "due to"], originals: [0]))
    static let dueTo = PhraseRule(
        id: "due-to",
        reason:
            "Before a noun phrase and not after a form of \"be\", \"due to\", \"owing to\" and \"because of\" all give a cause; \"due to\" before a verb (\"due to arrive\") is never matched, and only \"due to\" is looked for.",
        alternatives: ["due to", "owing to", "because of"], profile: .standard,
        notAfter: [
            "is", "was", "are", "were", "be", "been", "being", "largely", "partly", "mainly", "primarily", "entirely",
            "partially", "solely", "probably", "likely", "not", "also", "only", "perhaps", "in", "fall", "falls", "fell", "payable", "become",
            "became",
        ],
        before: determiners.union(["concerns", "security", "lack", "budget", "financial", "political", "economic", "pressure", "health", "time"]),
        originals: [0])
    static let uponOn = PhraseRule(
        id: "upon-on", reason: "\"Upon\" is a formal \"on\" (\"upon arrival\", \"called upon\"); only \"upon\" is looked for.",
        alternatives: ["upon", "on"], profile: .standard, notAfter: ["once", "based"], originals: [0])
    static let duringInTheCourseOf = PhraseRule(
        id: "during-in-the-course-of",
        reason:
            "Before a determiner, \"during\", \"in the course of\" and (from scheme 12) \"over the course of\" all place an event within a period or another event (\"during the meeting\" / \"in the course of the meeting\").",
        alternatives: ["during", "in the course of"], profile: .standard,
        before: ["the", "his", "her", "their", "its", "our", "this", "that", "these", "those", "a", "an", "each"],
        widening: .init(scheme: .v12, alternatives: ["during", "in the course of", "over the course of"]))
    static let alongWith = PhraseRule(
        id: "along-with",
        reason:
            "\"Along with\" and \"together with\" both mean \"in addition to, and in company with\"; only \"along with\" is looked for, and never after a verb it belongs to (\"went along with\" means \"agreed to\").",
        alternatives: ["along with", "together with"], profile: .standard, notAfter: takesAlong, originals: [0])
    static let insteadOf = PhraseRule(
        id: "instead-of",
        reason:
            "Before a noun or a verb in -ing, \"instead of\" and \"rather than\" both name the alternative not taken; only \"instead of\" is looked for (\"rather than\" also compares).",
        alternatives: ["instead of", "rather than"], profile: .standard, originals: [0])
    static let regardlessOf = PhraseRule(
        id: "regardless-of", reason: "\"Regardless of\" and \"irrespective of\" both mean \"without regard to\".",
        alternatives: ["regardless of", "irrespective of"])
    static let sidelines = PhraseRule(
        id: "sidelines", reason: "\"On the sidelines of\" and \"on the margins of\" a meeting both mean alongside it.",
        alternatives: ["on the sidelines of", "on the margins of"])
}
