import PouchCore

/// Quantifiers, determiners and the adjectives that stand between a determiner and its noun.
extension RuleCatalogue {
    static let allOfThe = PhraseRule(
        id: "all-of-the", reason: "Before a determiner, \"all of\" and \"all\" quantify the same set (\"all of the posts\" / \"all the posts\").",
        alternatives: ["all of the", "all the"], profile: .standard)
    static let majorityMost = PhraseRule(
        id: "majority-most", reason: "\"The majority of\" and \"most of\" both mean more than half of.",
        alternatives: ["the majority of", "most of"], profile: .standard)
    static let numerousMany = PhraseRule(
        id: "numerous-many", reason: "Before a noun, \"numerous\" and \"many\" both mean \"a large number of\"; only \"numerous\" is looked for.",
        alternatives: ["numerous", "many"], profile: .standard, notAfter: ["so", "too", "as", "how"], notBefore: [".", ",", ";", ":", ")"],
        originals: [0])
    static let wideRange = PhraseRule(
        id: "wide-range", reason: "\"A wide range of\" and \"a broad range of\" both mean many different kinds of.",
        alternatives: ["wide range of", "broad range of"], after: ["a"])
    static let additionalFurther = PhraseRule(
        id: "additional-further",
        reason:
            "Before a noun, \"additional\" and \"further\" both mean \"more of the same kind\"; only \"additional\" is looked for (\"further\" is also an adverb), and never after \"a\" or \"an\".",
        alternatives: ["additional", "further"], profile: .standard, notAfter: ["a", "an"], notBefore: [".", ",", ";", ":", ")"], originals: [0])
    static let entireWhole = PhraseRule(
        id: "entire-whole",
        reason:
            "Between a determiner and a noun, \"entire\" and \"whole\" both mean \"all of\". From scheme 12 never before a word that shows \"whole\" to be a noun (\"a committee of the whole to hear\").",
        alternatives: ["entire", "whole"], profile: .standard, after: ["the", "its", "their", "his", "her", "our", "this"],
        notBefore: [".", ",", ";", ":", ")", "of"],
        tightening: .init(
            scheme: .v12,
            notBefore: [
                "to", "and", "or", "but", "is", "was", "are", "were", "in", "on", "at", "for", "with", "by", "from", "as", "that", "which", "who",
            ]))
    static let mainPrincipal = PhraseRule(
        id: "main-principal",
        reason:
            "Between a determiner and a noun, \"main\", \"principal\" and (from scheme 5, before nouns such as reason, goal, concern or priority, never \"road\" or \"office\") \"primary\" all mean \"most important\"; only \"main\" is looked for (\"principal\" is also a noun, \"primary\" also an election).",
        alternatives: ["main", "principal"], profile: .standard, after: ["the", "its", "their", "his", "her", "our"],
        notBefore: [".", ",", ";", ":", ")"], originals: [0],
        widening: .init(
            scheme: .v5, alternatives: ["main", "principal", "primary"], originals: [0],
            before: [
                "reason", "reasons", "goal", "goals", "objective", "objectives", "concern", "concerns", "focus", "aim", "aims", "purpose",
                "priority", "priorities", "target", "targets", "source", "sources", "responsibility", "role", "task", "obstacle", "obstacles",
                "challenge", "challenges", "cause", "causes", "interest", "interests", "motivation", "driver", "beneficiary", "beneficiaries",
                "factor", "factors", "threat", "threats", "problem", "problems", "mission", "function", "emphasis", "consideration",
            ]))
    static let upcomingForthcoming = PhraseRule(
        id: "upcoming-forthcoming", reason: "Before a noun, \"upcoming\" and \"forthcoming\" both mean \"about to happen\".",
        alternatives: ["upcoming", "forthcoming"], profile: .standard, after: determiners,
        widening: .init(scheme: .v8, alternatives: ["upcoming", "forthcoming", "coming"], originals: [0, 1], notAfter: ["a", "an"]))
    static let currentPresent = PhraseRule(
        id: "current-present", reason: "Between \"the\" and a noun, \"current\" and \"present\" both mean \"now existing\".",
        alternatives: ["current", "present"], profile: .standard, after: ["the"], notBefore: [".", ",", ";", ":", "of", "and", "time"])
    static let ongoingContinuing = PhraseRule(
        id: "ongoing-continuing",
        reason:
            "Between a determiner and a noun, \"ongoing\" and \"continuing\" both mean \"still in progress\"; never after \"a\" or \"an\", whose form would no longer fit.",
        alternatives: ["ongoing", "continuing"], profile: .standard, after: ["the", "its", "their", "his", "her", "our", "this", "these"],
        notBefore: [".", ",", ";", ":", ")", "to", "and", "or"], originals: [0])
    static let eachOther = PhraseRule(
        id: "each-other", reason: "\"Each other\" and \"one another\" are the same reciprocal pronoun.", alternatives: ["each other", "one another"])
}
