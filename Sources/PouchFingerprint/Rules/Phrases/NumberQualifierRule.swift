import PouchCore

/// "about 50 people" / "approximately 50 people" / "roughly 50 people"; "more than 50" / "over 50":
/// the word before a number that marks it as an estimate or a lower bound. The number is never touched.
struct NumberQualifierRule: SlotRule {
    let id = "number-qualifier"
    let reason =
        "Directly before a number, \"about\", \"approximately\" and \"roughly\" all mark the same estimate, and \"more than\" and \"over\" the same lower bound; the number itself is never touched. A year (\"over 2009\") is never matched."
    let summary = "about 50 | approximately 50 | roughly 50; more than 50 | over 50"
    let profile = FingerprintProfile.standard

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
            if next < list.count, ["$", "\u{20AC}", "\u{00A3}"].contains(String(list[next].text)), list[next].start == list[last].end + 1 {
                next += 1
            }
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
                    [
                        "talked", "spoke", "asked", "learned", "heard", "know", "knew", "said", "care", "cares", "worried", "concerned", "thinking",
                        "think", "bring", "brought", "come", "came",
                    ].contains(list[previous].lower)
                {
                    continue
                }
                var options = cased(["about", "approximately", "roughly"], index, index)
                options[0] = String(list[index].text)
                found.append(
                    SlotCandidate(first: index, last: index, alternatives: options, symbols: [0, 1, 2], original: 0, rule: id, canonical: 0))
            } else if word == "more", let than = tokens.nextWord(after: index), list[than].lower == "than", numberFollows(than),
                !timeSpanFollows(than)
            {
                var options = cased(["more than", "over"], index, than)
                options[0] = String(tokens.span(index, than))
                found.append(SlotCandidate(first: index, last: than, alternatives: options, symbols: [0, 1], original: 0, rule: id, canonical: 0))
                index = than
            } else if word == "over", numberFollows(index), !timeSpanFollows(index), let previous = tokens.previousWord(before: index),
                !["all", "turned", "turn", "hand", "handed", "take", "took", "taken", "won", "win"].contains(list[previous].lower)
            {
                var options = cased(["over", "more than"], index, index)
                options[0] = String(list[index].text)
                found.append(SlotCandidate(first: index, last: index, alternatives: options, symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }
}
