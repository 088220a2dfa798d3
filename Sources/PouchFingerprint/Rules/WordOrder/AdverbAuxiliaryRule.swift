import PouchCore

/// Rules added in scheme 3. Each is written so that its alternatives keep meaning, grammar,
/// register and every name, number, negation and modal verb exactly as they were.

/// "has already agreed" / "already has agreed": a sentence or frequency adverb before or after
/// the auxiliary that carries the verb.
struct AdverbAuxiliaryRule: SlotRule {
    let id = "adverb-auxiliary"
    let reason =
        "Adverbs of stance, time and frequency (already, probably, likely, reportedly, previously, eventually, …) may stand before or after the auxiliary or modal verb that carries the main verb (\"has already agreed\" / \"already has agreed\"); their scope and the modal are the same either way. The copula (is, was) is never used, nor a position before a negation. From scheme 12, beside \"will\" or \"would\", \"likely\" and \"probably\" are also each other's synonym (\"will likely remain\" / \"will probably remain\")."
    let summary =
        "has already | already has; will probably | probably will (already, probably, likely, reportedly, apparently, previously, recently, …)"
    let profile = FingerprintProfile.standard

    static let adverbs: Set<String> = [
        "already", "probably", "likely", "reportedly", "apparently", "previously", "recently", "certainly", "clearly",
        "definitely", "generally", "usually", "eventually", "ultimately", "subsequently", "initially", "originally", "repeatedly",
        "presumably", "undoubtedly", "allegedly", "evidently", "consistently", "traditionally", "historically",
    ]
    static let auxiliaries = AlsoAuxiliaryRule.auxiliaries
    /// Words after which an auxiliary does not follow a subject (a question, an elided clause).
    static let notSubjects: Set<String> = AlsoAuxiliaryRule.auxiliaries.union([
        "not", "and", "or", "but", "that", "which", "who", "than", "as", "so", "the", "a", "an", "his", "her", "their", "its", "our", "in", "of",
    ])
    static let blocked: Set<String> = ["not", "never", "no", "a", "an", "the", "to", "been"]
    /// Adverbs of expectation that, beside "will" or "would", are each other's synonym (from scheme 12).
    static let expectation: [String: String] = ["likely": "probably", "probably": "likely"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let next = tokens.nextWord(after: index), !list[next].quoted, let verb = tokens.nextWord(after: next),
                let subject = tokens.previousWord(before: index), !Self.notSubjects.contains(list[subject].lower)
            else { continue }
            let a = list[index]
            let b = list[next]
            // The main verb follows directly: not a negation, an article or "been" ("has already been" keeps its order).
            if Self.blocked.contains(list[verb].lower) || list[verb].hasDigit { continue }
            let auxiliaryFirst = Self.auxiliaries.contains(a.lower) && Self.adverbs.contains(b.lower)
            let adverbFirst = Self.adverbs.contains(a.lower) && Self.auxiliaries.contains(b.lower)
            guard auxiliaryFirst || adverbFirst else { continue }
            // "May" in capitals may be the month; an auxiliary is written in lower case in mixed text.
            let auxiliary = auxiliaryFirst ? a : b
            if tokens.allCaps ? auxiliary.lower == "may" : auxiliary.text.first?.isUppercase ?? true { continue }
            let adverb = auxiliaryFirst ? b : a
            var alternatives = ["\(a.text) \(b.text)", "\(b.text) \(a.text)"]
            // From scheme 12 "will likely" and "will probably" (in either order) are one slot of four wordings.
            if context.scheme.has(.willLikely), let other = Self.expectation[adverb.lower], ["will", "would"].contains(auxiliary.lower) {
                let synonym = applyCase(other, template: adverb.text, sentenceStart: false, allCaps: tokens.allCaps)
                let (modalThenAdverb, adverbThenModal) = ("\(auxiliary.text) \(synonym)", "\(synonym) \(auxiliary.text)")
                alternatives += auxiliaryFirst ? [modalThenAdverb, adverbThenModal] : [adverbThenModal, modalThenAdverb]
            }
            found.append(
                SlotCandidate(
                    first: index, last: next, alternatives: alternatives, symbols: Array(alternatives.indices),
                    original: 0, rule: id, canonical: auxiliaryFirst ? 0 : 1))
        }
        return found
    }
}
