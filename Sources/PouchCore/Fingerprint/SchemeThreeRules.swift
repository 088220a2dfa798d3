/// Rules added in scheme 3. Each is written so that its alternatives keep meaning, grammar,
/// register and every name, number, negation and modal verb exactly as they were.

/// "has already agreed" / "already has agreed": a sentence or frequency adverb before or after
/// the auxiliary that carries the verb.
struct AdverbAuxiliaryRule: SlotRule {
    let id = "adverb-auxiliary"
    let reason = "Adverbs of stance, time and frequency (already, probably, likely, reportedly, previously, eventually, …) may stand before or after the auxiliary or modal verb that carries the main verb (\"has already agreed\" / \"already has agreed\"); their scope and the modal are the same either way. The copula (is, was) is never used, nor a position before a negation. From scheme 12, beside \"will\" or \"would\", \"likely\" and \"probably\" are also each other's synonym (\"will likely remain\" / \"will probably remain\")."
    let summary = "has already | already has; will probably | probably will (already, probably, likely, reportedly, apparently, previously, recently, …)"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v3

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
                  let subject = tokens.previousWord(before: index), !Self.notSubjects.contains(list[subject].lower) else { continue }
            let a = list[index], b = list[next]
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
            if context.scheme >= .v12, let other = Self.expectation[adverb.lower], ["will", "would"].contains(auxiliary.lower) {
                let synonym = applyCase(other, template: adverb.text, sentenceStart: false, allCaps: tokens.allCaps)
                let (modalThenAdverb, adverbThenModal) = ("\(auxiliary.text) \(synonym)", "\(synonym) \(auxiliary.text)")
                alternatives += auxiliaryFirst ? [modalThenAdverb, adverbThenModal] : [adverbThenModal, modalThenAdverb]
            }
            found.append(SlotCandidate(first: index, last: next, alternatives: alternatives, symbols: Array(alternatives.indices),
                                       original: 0, rule: id, canonical: auxiliaryFirst ? 0 : 1))
        }
        return found
    }
}

/// "confident that the talks …" / "confident the talks …": "that" after a predicate adjective of
/// certainty or feeling.
struct AdjectiveComplementizerRule: SlotRule {
    let id = "that-after-adjective"
    let reason = "After an adjective of certainty or feeling (confident, sure, certain, convinced, hopeful, optimistic, pleased, concerned, worried), the complementiser \"that\" before a clause with its own subject is optional; the clause and its meaning are unchanged."
    let summary = "confident that the … | confident the …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v3

    static let adjectives: Set<String> = [
        "confident", "sure", "certain", "convinced", "hopeful", "optimistic", "pessimistic", "pleased", "glad", "concerned",
        "worried", "afraid", "satisfied", "disappointed", "surprised", "skeptical",
    ]
    /// Words that make the adjective predicative ("is confident", "remains hopeful", "very sure").
    static let predicators: Set<String> = [
        "is", "was", "are", "were", "be", "been", "am", "remains", "remained", "remain", "seemed", "seems", "appeared", "appears",
        "felt", "feels", "very", "quite", "fully", "not", "also", "increasingly", "more", "less", "deeply", "still", "now", "equally",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.adjectives.contains(list[index].lower) {
            guard let previous = tokens.previousWord(before: index), Self.predicators.contains(list[previous].lower),
                  let that = tokens.nextWord(after: index), list[that].lower == "that", !list[that].quoted,
                  let starter = tokens.nextWord(after: that), subjectStarters.contains(list[starter].lower) || pronounSubjects.contains(list[starter].lower),
                  list[starter].lower != "that", tokens.nextWord(after: starter) != nil else { continue }
            found.append(SlotCandidate(first: index, last: that, alternatives: ["\(list[index].text) \(list[that].text)", String(list[index].text)],
                                       symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}

/// "about 50 people" / "approximately 50 people" / "roughly 50 people"; "more than 50" / "over 50":
/// the word before a number that marks it as an estimate or a lower bound. The number is never touched.
struct NumberQualifierRule: SlotRule {
    let id = "number-qualifier"
    let reason = "Directly before a number, \"about\", \"approximately\" and \"roughly\" all mark the same estimate, and \"more than\" and \"over\" the same lower bound; the number itself is never touched. A year (\"over 2009\") is never matched."
    let summary = "about 50 | approximately 50 | roughly 50; more than 50 | over 50"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v3

    static let timeUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "decade", "decades", "century", "centuries", "period", "periods", "session", "sessions", "round", "rounds", "night", "nights",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        // A number follows directly (after an optional currency sign), and it is not a year.
        func numberFollows(_ last: Int) -> Bool {
            var next = last + 1
            if next < list.count, ["$", "\u{20AC}", "\u{00A3}"].contains(String(list[next].text)), list[next].start == list[last].end + 1 { next += 1 }
            guard next < list.count, list[next].isWord, list[next].hasDigit else { return false }
            let number = list[next].text.drop { "$\u{20AC}\u{00A3}".contains($0) }
            guard number.first?.isNumber ?? false else { return false }
            let digits = number.prefix { $0.isNumber }
            if digits.count == 4, let value = Int(digits), (1900...2099).contains(value) { return false }
            return true
        }
        // "over three days" can mean "during", so neither bound is varied before a span of time.
        func timeSpanFollows(_ last: Int) -> Bool {
            var next = last + 1
            while next < list.count, !list[next].isWord || list[next].hasDigit { next += 1 }
            return next < list.count && Self.timeUnits.contains(list[next].lower)
        }
        func cased(_ words: [String], _ first: Int, _ last: Int) -> [String] {
            let template = tokens.span(first, last)
            let capital = template.first?.isUppercase ?? false
            return words.map { applyCase($0, template: template, sentenceStart: capital, allCaps: tokens.allCaps) }
        }
        var index = 0
        while index < list.count {
            defer { index += 1 }
            guard list[index].isWord, !list[index].quoted else { continue }
            let word = list[index].lower
            // Only "about" is looked for here: "approximately" and "roughly" have their own rule from scheme 1.
            if word == "about", numberFollows(index) {
                // "about" also follows verbs of speech ("talked about 50 cases"): only after a verb-free context is it an estimate.
                if let previous = tokens.previousWord(before: index),
                   ["talked", "spoke", "asked", "learned", "heard", "know", "knew", "said", "care", "cares", "worried", "concerned", "thinking", "think", "bring", "brought", "come", "came"].contains(list[previous].lower) { continue }
                var options = cased(["about", "approximately", "roughly"], index, index)
                options[0] = String(list[index].text)
                found.append(SlotCandidate(first: index, last: index, alternatives: options, symbols: [0, 1, 2], original: 0, rule: id, canonical: 0))
            } else if word == "more", let than = tokens.nextWord(after: index), list[than].lower == "than", numberFollows(than), !timeSpanFollows(than) {
                var options = cased(["more than", "over"], index, than)
                options[0] = String(tokens.span(index, than))
                found.append(SlotCandidate(first: index, last: than, alternatives: options, symbols: [0, 1], original: 0, rule: id, canonical: 0))
                index = than
            } else if word == "over", numberFollows(index), !timeSpanFollows(index), let previous = tokens.previousWord(before: index),
                      !["all", "turned", "turn", "hand", "handed", "take", "took", "taken", "won", "win"].contains(list[previous].lower) {
                var options = cased(["over", "more than"], index, index)
                options[0] = String(list[index].text)
                found.append(SlotCandidate(first: index, last: index, alternatives: options, symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }
}

/// "political and economic reforms" / "economic and political reforms": two coordinated
/// adjectives of domain before a noun.
struct AdjectivePairRule: SlotRule {
    let id = "adjective-pair-order"
    let reason = "Two adjectives of domain joined by \"and\" or \"or\" before a noun (political, economic, military, regional, …) classify the noun the same way in either order; neither word is changed."
    let summary = "political and economic reforms | economic and political reforms"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v3

    static let adjectives: Set<String> = [
        "political", "economic", "social", "military", "security", "cultural", "regional", "bilateral", "multilateral",
        "international", "domestic", "legal", "financial", "commercial", "technical", "humanitarian", "strategic", "diplomatic",
        "religious", "ethnic", "public", "private", "civil", "judicial", "legislative", "administrative", "educational",
        "scientific", "moral", "material", "logistical", "operational", "institutional", "environmental", "academic",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.adjectives.contains(list[index].lower) {
            guard let conjunction = tokens.nextWord(after: index), ["and", "or"].contains(list[conjunction].lower),
                  let second = tokens.nextWord(after: conjunction), Self.adjectives.contains(list[second].lower),
                  list[second].lower != list[index].lower, let noun = tokens.nextWord(after: second), !list[noun].quoted,
                  !Self.adjectives.contains(list[noun].lower), !["and", "or", "but", "to", "of", "in", "is", "are", "was", "were"].contains(list[noun].lower),
                  list[noun].text.first?.isLowercase ?? false || tokens.allCaps else { continue }
            // Not the tail of a longer list ("social, political and economic"), and not after "a" or "an",
            // which agree with the first adjective ("an economic and political" cannot swap).
            if index > 0, list[index - 1].text == "," { continue }
            if let article = tokens.previousWord(before: index), ["a", "an"].contains(list[article].lower) { continue }
            let template = tokens.span(index, second)
            let capital = template.first?.isUppercase ?? false
            let swapped = applyCase("\(list[second].lower) \(list[conjunction].lower) \(list[index].lower)", template: template, sentenceStart: capital, allCaps: tokens.allCaps)
            let alphabetical = list[index].lower < list[second].lower
            found.append(SlotCandidate(first: index, last: second, alternatives: [String(template), swapped], symbols: [0, 1], original: 0, rule: id,
                                       canonical: alphabetical ? 0 : 1))
        }
        return found
    }
}

extension RuleCatalogue {
    /// Phrase rules added in scheme 3.
    static let schemeThreePhraseRules: [any SlotRule] = [
        PhraseRule(id: "due-to", reason: "Before a noun phrase and not after a form of \"be\", \"due to\", \"owing to\" and \"because of\" all give a cause; \"due to\" before a verb (\"due to arrive\") is never matched, and only \"due to\" is looked for.",
                   alternatives: ["due to", "owing to", "because of"], profile: .standard,
                   notAfter: ["is", "was", "are", "were", "be", "been", "being", "largely", "partly", "mainly", "primarily", "entirely",
                              "partially", "solely", "probably", "likely", "not", "also", "only", "perhaps", "in", "fall", "falls", "fell", "payable", "become", "became"],
                   before: determiners.union(["concerns", "security", "lack", "budget", "financial", "political", "economic", "pressure", "health", "time"]),
                   since: .v3, originals: [0]),
        PhraseRule(id: "during-in-the-course-of", reason: "Before a determiner, \"during\", \"in the course of\" and (from scheme 12) \"over the course of\" all place an event within a period or another event (\"during the meeting\" / \"in the course of the meeting\").",
                   alternatives: ["during", "in the course of"], profile: .standard,
                   before: ["the", "his", "her", "their", "its", "our", "this", "that", "these", "those", "a", "an", "each"], since: .v3,
                   widening: .init(scheme: .v12, alternatives: ["during", "in the course of", "over the course of"])),
        PhraseRule(id: "ongoing-continuing", reason: "Between a determiner and a noun, \"ongoing\" and \"continuing\" both mean \"still in progress\"; never after \"a\" or \"an\", whose form would no longer fit.",
                   alternatives: ["ongoing", "continuing"], profile: .standard, after: ["the", "its", "their", "his", "her", "our", "this", "these"],
                   notBefore: [".", ",", ";", ":", ")", "to", "and", "or"], since: .v3, originals: [0]),
    ] + ["his", "her", "their", "our"].map { holder in
        PhraseRule(id: holder == "his" ? "view-opinion" : "view-opinion-\(holder)",
                   reason: "\"In \(holder) view\" and \"in \(holder) opinion\" attribute a judgment to the same holder.",
                   alternatives: ["in \(holder) view", "in \(holder) opinion"], since: .v3)
    } + ["days", "weeks", "months"].map { span in
        PhraseRule(id: "coming-\(span)", reason: "\"In the coming \(span)\" and \"in the \(span) ahead\" name the same stretch of time.",
                   alternatives: ["in the coming \(span)", "in the \(span) ahead"], since: .v3)
    }
}
