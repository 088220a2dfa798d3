import PouchCore

/// Connectives and discourse markers: the words that link a sentence to the one before or mark a part of the cable.
extension RuleCatalogue {
    static let inAddition = PhraseRule(
        id: "in-addition",
        reason: "Opening a sentence, \"In addition,\", \"Additionally,\" and (from scheme 5) \"Furthermore,\" all add a further point.",
        alternatives: ["in addition", "additionally"], before: [","], sentenceStart: true,
        widening: .init(scheme: .v5, alternatives: ["in addition", "additionally", "furthermore"], originals: [0, 1]))
    static let moreoverFurthermore = PhraseRule(
        id: "moreover-furthermore", reason: "\"Moreover\" and \"furthermore\" both add a further point of equal weight.",
        alternatives: ["moreover", "furthermore"])
    static let neverthelessNonetheless = PhraseRule(
        id: "nevertheless-nonetheless", reason: "\"Nevertheless\" and \"nonetheless\" are the same concessive adverb.",
        alternatives: ["nevertheless", "nonetheless"])
    static let asAResult = PhraseRule(
        id: "as-a-result",
        reason: "Opening a sentence, \"As a result,\", \"Consequently,\" and (from scheme 5) \"As a consequence,\" all state a consequence.",
        alternatives: ["as a result", "consequently"], profile: .standard, before: [","], sentenceStart: true,
        widening: .init(scheme: .v5, alternatives: ["as a result", "consequently", "as a consequence"]))
    static let thereforeThus = PhraseRule(
        id: "therefore-thus",
        reason:
            "As an adverb of consequence, \"therefore\" and \"thus\" draw the same conclusion; only \"therefore\" is looked for (\"thus\" also means \"in this way\").",
        alternatives: ["therefore", "thus"], originals: [0])
    static let althoughThough = PhraseRule(
        id: "although-though",
        reason:
            "As a conjunction opening a concession, \"although\" and \"though\" are interchangeable; only \"although\" is looked for, since \"though\" is also an adverb.",
        alternatives: ["although", "though"], originals: [0])
    static let similarlyLikewise = PhraseRule(
        id: "similarly-likewise", reason: "Opening a sentence, \"Similarly,\" and \"Likewise,\" both draw the same parallel.",
        alternatives: ["similarly", "likewise"], before: [","], sentenceStart: true)
    static let forExample = PhraseRule(
        id: "for-example", reason: "\"For example\" and \"for instance\" are interchangeable.", alternatives: ["for example", "for instance"])
    static let byContrast = PhraseRule(
        id: "by-contrast",
        reason:
            "As a sentence adverb set off by a comma, \"in contrast\" and \"by contrast\" both draw the same contrast; before \"to\" or \"with\" it is left alone.",
        alternatives: ["in contrast", "by contrast"], before: [","])
    static let inThisRegard = PhraseRule(
        id: "in-this-regard", reason: "\"In this regard\" and \"in this respect\" both point back to the matter just named.",
        alternatives: ["in this regard", "in this respect"])
    static let inThatRegard = PhraseRule(
        id: "in-that-regard", reason: "\"In that regard\" and \"in that respect\" both point back to the matter just named.",
        alternatives: ["in that regard", "in that respect"])
    static let meanwhile = PhraseRule(
        id: "meanwhile", reason: "\"Meanwhile\" and \"in the meantime\" both mean \"during the same period\".",
        alternatives: ["meanwhile", "in the meantime"], profile: .standard)
    static let firstFirstly = PhraseRule(
        id: "first-firstly", reason: "Opening a sentence before a comma, \"First,\" and \"Firstly,\" both number the first of several points.",
        alternatives: ["first", "firstly"], before: [","], sentenceStart: true)
    static let secondSecondly = PhraseRule(
        id: "second-secondly", reason: "Opening a sentence before a comma, \"Second,\" and \"Secondly,\" both number the second of several points.",
        alternatives: ["second", "secondly"], before: [","], sentenceStart: true)
    static let thirdThirdly = PhraseRule(
        id: "third-thirdly", reason: "Opening a sentence before a comma, \"Third,\" and \"Thirdly,\" both number the third of several points.",
        alternatives: ["third", "thirdly"], before: [","], sentenceStart: true)
    /// "End summary." / "End of summary." and the same for a comment and a note: the markers that
    /// close a cable's summary and a drafter's asides.
    static let endMarkers: [PhraseRule] = [("summary", "a cable's summary"), ("comment", "a drafter's comment"), ("note", "a drafter's note")].map {
        section, closes in
        PhraseRule(
            id: "end-\(section)",
            reason: "\"End \(section)\" and \"end of \(section)\" both close \(closes); only the marker opening a sentence is matched.",
            alternatives: ["end \(section)", "end of \(section)"], sentenceStart: true)
    }
}
