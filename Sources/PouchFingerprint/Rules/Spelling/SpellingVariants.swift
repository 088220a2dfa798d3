import PouchCore

/// One word in two spellings, both in the dictionary.
extension RuleCatalogue {
    static let towardTowards = PhraseRule(
        id: "toward-towards", reason: "\"Toward\" and \"towards\" are spelling variants of one preposition, both in the dictionary.",
        alternatives: ["toward", "towards"])
    static let afterward = PhraseRule(
        id: "afterward", reason: "\"Afterward\" and \"afterwards\" are spelling variants, both in the dictionary.",
        alternatives: ["afterward", "afterwards"])
    static let percent = PhraseRule(
        id: "percent", reason: "\"Percent\" and \"per cent\" are spellings of one word; the number is never touched.",
        alternatives: ["percent", "per cent"])
    static let dialogueDialog = PhraseRule(
        id: "dialogue-dialog", reason: "\"Dialogue\" and \"dialog\" are spellings of one word, both in the dictionary.",
        alternatives: ["dialogue", "dialog"])
    static let adviserAdvisor = PhraseRule(
        id: "adviser-advisor", reason: "\"Adviser\" and \"advisor\" are one word in two spellings, both in the dictionary.",
        alternatives: ["adviser", "advisor"])
    static let advisersAdvisors = PhraseRule(
        id: "advisers-advisors", reason: "\"Advisers\" and \"advisors\" are one word in two spellings, both in the dictionary.",
        alternatives: ["advisers", "advisors"])
    static let whileWhilst = PhraseRule(
        id: "while-whilst",
        reason:
            "As a conjunction, \"while\" and \"whilst\" are one word in two spellings, both in the dictionary, with the same senses (\"during the time that\" and \"although\"); the noun (\"a while\", \"all the while\", \"worth while\") is not matched.",
        alternatives: ["while", "whilst"], profile: .standard,
        notAfter: ["a", "the", "worth", "short", "little", "long", "quite", "some", "good", "great"])
}
