import PouchCore

/// "Whether" and "if" introducing a reported or open question.
extension RuleCatalogue {
    static let askedWhetherIf = PhraseRule(
        id: "asked-whether-if", reason: "After \"asked\", \"whether\" and \"if\" both introduce the reported question.",
        alternatives: ["whether", "if"], profile: .standard, after: ["asked", "wondered", "inquired", "queried"], notBefore: ["or"])
    static let whetherIf = PhraseRule(
        id: "whether-if",
        reason:
            "After verbs and adjectives of knowing and deciding, \"whether\" and \"if\" both introduce the open question (never before \"or\" or \"to\").",
        alternatives: ["whether", "if"], profile: .standard,
        after: [
            "know", "knows", "knew", "unclear", "clear", "sure", "decide", "decided", "determine", "see", "consider", "considering",
            "wonder", "check", "confirm", "doubt", "doubts", "doubted", "uncertain", "learn", "ask", "asking", "inquire",
        ],
        notBefore: ["or", "to"])
}
