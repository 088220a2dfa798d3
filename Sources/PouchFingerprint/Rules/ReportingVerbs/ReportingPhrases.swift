import PouchCore

/// Reporting verbs and phrases: how a cable reports what was said, asked, requested or inferred.
extension RuleCatalogue {
    static let sentiments: Set<String> = [
        "concern", "concerns", "support", "hope", "hopes", "frustration", "skepticism", "appreciation", "interest",
        "opposition", "doubt", "doubts", "reservations", "disappointment", "satisfaction", "optimism", "pessimism", "regret",
        "gratitude", "surprise", "dismay", "confidence", "willingness", "readiness", "sympathy", "condolences", "outrage",
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
    static let repliedResponded = PhraseRule(
        id: "replied-responded", reason: "As reporting verbs, \"replied\" and \"responded\" both report an answer, with the same nuance.",
        alternatives: ["replied", "responded"], notAfter: ["was", "were", "been", "be"])
    static let emphasizedUnderscored = PhraseRule(
        id: "emphasized-underscored",
        reason:
            "\"Emphasized\", \"underscored\" and \"stressed\" all report that a point was given weight; copies use the first two, so a normaliser's \"stressed\" reads as no evidence.",
        alternatives: ["emphasized", "underscored", "stressed"], symbols: [0, 1], notAfter: predicative,
        before: ["that", "the", "his", "her", "their", "its", "our", "a", "an", "to", "this", "these", "how", "both"])
    static let remarkedCommented = PhraseRule(
        id: "remarked-commented", reason: "\"Remarked\" and \"commented\" both report an observation in passing.",
        alternatives: ["remarked", "commented"], notAfter: predicative, before: ["that", "on", ",", "to"])
    static let expressedVoiced = PhraseRule(
        id: "expressed-voiced", reason: "To \"express\" or \"voice\" a concern, hope or support is the same act.",
        alternatives: ["expressed", "voiced"], profile: .standard, notAfter: ["be", "been", "was", "were"], followedWithin: sentiments)
    static let notedObserved = PhraseRule(
        id: "noted-observed",
        reason: "Before a that-clause, \"noted\", \"observed\" and (from scheme 5) \"pointed out\" report a remark of the same weight.",
        alternatives: ["noted", "observed"], profile: .standard, notAfter: predicative, before: ["that"],
        widening: .init(scheme: .v5, alternatives: ["noted", "observed", "pointed out"], originals: [0, 1]))
    static let reiteratedRepeated = PhraseRule(
        id: "reiterated-repeated",
        reason:
            "As reporting verbs, \"reiterated\" and \"repeated\" both report that something was said again; only \"reiterated\" is looked for (\"repeated\" is also an adjective: \"repeated attacks\").",
        alternatives: ["reiterated", "repeated"], originals: [0])
    static let requestedAskedFor = PhraseRule(
        id: "requested-asked-for",
        reason:
            "Before the thing asked for (\"requested a meeting\" / \"asked for a meeting\"), \"requested\" and \"asked for\" report the same request; never before \"that\", \"to\" or a person asked to act, and never in the passive.",
        alternatives: ["requested", "asked for"], profile: .standard,
        notAfter: ["the", "a", "an", "is", "are", "was", "were", "be", "been", "being", "as", "if", "when", "and", "or"],
        before: requestedThings)
    static let askedInquiredAbout = PhraseRule(
        id: "asked-inquired-about", reason: "\"Asked about\" and \"inquired about\" both report a question on a topic.",
        alternatives: ["asked about", "inquired about"])
    static let madeClear = PhraseRule(
        id: "made-clear", reason: "\"Made clear that\" and \"made it clear that\" report the same.",
        alternatives: ["made clear that", "made it clear that"])
    static let seenViewedAs = PhraseRule(
        id: "seen-viewed-as",
        reason: "After a form of \"be\" or an adverb of extent, \"seen as\", \"viewed as\" and \"regarded as\" report the same perception.",
        alternatives: ["seen as", "viewed as", "regarded as"], profile: .standard,
        after: [
            "is", "are", "was", "were", "be", "been", "being", "widely", "generally", "largely", "increasingly", "often", "also", "now", "still",
            "broadly",
        ],
        notBefore: ["many", "much", "well", "far", "long", "soon", "few", "little", "good", "such"])
    static let appearsSeems = PhraseRule(
        id: "appears-seems", reason: "\"Appears to\" and \"seems to\" express the same degree of inference.",
        alternatives: ["appears", "seems"], profile: .standard, before: ["to", "that"])
    static let appearSeem = PhraseRule(
        id: "appear-seem", reason: "Before \"to\", \"appear\" and \"seem\" (and their past forms) express the same degree of inference.",
        alternatives: ["appear", "seem"], profile: .standard, notAfter: ["to", "the", "a"], before: ["to"])
    static let appearedSeemed = PhraseRule(
        id: "appeared-seemed", reason: "Before \"to\", \"appeared\" and \"seemed\" express the same degree of inference.",
        alternatives: ["appeared", "seemed"], profile: .standard, before: ["to"])
    /// "In his view" / "in his opinion", and the same for "her", "their" and "our".
    static let inHolderView: [PhraseRule] = ["his", "her", "their", "our"].map { holder in
        PhraseRule(
            id: holder == "his" ? "view-opinion" : "view-opinion-\(holder)",
            reason: "\"In \(holder) view\" and \"in \(holder) opinion\" attribute a judgment to the same holder.",
            alternatives: ["in \(holder) view", "in \(holder) opinion"])
    }
}
