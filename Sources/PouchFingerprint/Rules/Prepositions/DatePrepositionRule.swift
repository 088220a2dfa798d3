import PouchCore

/// "met on March 5 with" / "met March 5 with".
struct DatePrepositionRule: SlotRule {
    let id = "on-date"
    let reason =
        "Inside a sentence, before a date (a month and its day, or a weekday), \"on\" may be written or left out after the event it dates (\"met on March 5\" / \"met March 5\"), as in news and cable style; the date is kept. Only an \"on\" the text writes is varied, only after a past verb, an object pronoun or a name (\"told us on\", \"met Garcia on\"), never after a word that takes \"on\" itself (\"based on\", \"focused on\", \"reported on\"), a noun (\"his statement on December 16\"), a conjunction, or opening a sentence."
    let summary = "met on March 5 | met March 5"
    let profile = FingerprintProfile.standard

    /// Words that take "on" themselves, or around which a bare date would read otherwise.
    static let takesOn: Set<String> = [
        "based", "base", "bases", "depend", "depends", "depended", "depending", "dependent", "focus", "focused", "focuses", "focusing",
        "rely", "relies", "relied", "relying", "insist", "insisted", "insists", "comment", "commented", "comments", "commenting",
        "report", "reported", "reports", "reporting", "vote", "voted", "votes", "voting", "decide", "decided", "decision", "agree",
        "agreed", "agreement", "work", "worked", "working", "works", "act", "acted", "acting", "brief", "briefed", "briefing",
        "embark", "embarked", "draw", "drew", "drawn", "build", "built", "building", "hinge", "hinges", "hinged", "touch", "touched",
        "effective", "later", "early", "earlier", "late", "from", "until", "till", "since", "by", "before", "after", "as", "than",
        "and", "or", "but", "nor", "of", "to", "then", "only", "just", "even", "both", "either", "neither", "also", "again",
        "carry", "carried", "go", "went", "gone", "going", "come", "came", "coming", "move", "moved", "take", "took", "taken",
        "put", "set", "call", "called", "calls", "catch", "caught", "hold", "held", "holds", "turn", "turned", "pass", "passed",
        "sit", "sat", "look", "looked", "rest", "rests", "rested", "follow", "followed", "update", "updated", "remark", "remarked",
        "elaborate", "elaborated", "expand", "expanded", "press", "pressed", "pressure", "deliver", "delivered", "frown", "spend",
        "spent", "spending", "impact", "effect", "views", "position", "positions", "information", "details", "data", "talks",
        "negotiations", "discussions", "consultations", "debate", "law", "referendum", "attack", "attacks", "sanctions",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "on" {
            guard !tokens.startsSentence(index), let previous = tokens.previousWord(before: index), Self.datesEvent(previous, in: tokens),
                let day = tokens.nextWord(after: index), !list[day].quoted, Self.isDate(day, in: tokens)
            else { continue }
            let on = list[index].text
            let date = list[day].text
            found.append(
                SlotCandidate(
                    first: index, last: day, alternatives: ["\(on) \(date)", String(date)], symbols: [0, 1], original: 0,
                    rule: id, canonical: 0))
        }
        return found
    }

    /// Past forms of verbs that do not end in "-ed", and object pronouns ("told us on March 5").
    static let eventWords: Set<String> = [
        "said", "told", "met", "held", "spoke", "left", "came", "went", "began", "gave", "took", "made", "sent", "wrote", "won", "lost",
        "fell", "rose", "saw", "became", "brought", "bought", "sold", "led", "hit", "struck", "fled", "flew", "ran", "stood", "spent",
        "paid", "laid", "read", "heard", "sought", "taught", "thought", "upheld", "withdrew", "undertook", "overtook", "drove",
        "us", "him", "her", "them", "me", "it",
    ]

    /// Whether the word before "on" dates an event (a past verb, an object pronoun, or a name:
    /// "met Garcia on March 3", "in Islamabad on August 11") rather than a noun the date would
    /// then run into ("his statement on December 16").
    static func datesEvent(_ index: Int, in tokens: TextTokens) -> Bool {
        let word = tokens.tokens[index]
        guard !word.hasDigit, !takesOn.contains(word.lower) else { return false }
        if eventWords.contains(word.lower) || word.lower.hasSuffix("ed") && word.lower.count > 4 { return true }
        return isName(word, tokens) && !tokens.startsSentence(index)
    }

    /// A month in capitals (its first letter, or all of it in a cable in capitals) before a
    /// day's number, or a weekday standing alone.
    static func isDate(_ index: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        let word = list[index]
        guard word.text.first?.isUppercase ?? false else { return false }
        if Gazetteer.months.contains(word.lower) {
            guard let day = tokens.nextWord(after: index), list[day].text.allSatisfy(\.isNumber), (1...2).contains(list[day].text.count) else {
                return false
            }
            return true
        }
        guard Gazetteer.weekdays.contains(word.lower) else { return false }
        // Not "on Monday's talks" (a possessive is another token shape) or "on Monday night".
        if let next = tokens.nextWord(after: index), !["with", "to", "in", "at", "that", "for", "and", "the", "a", "by"].contains(list[next].lower) {
            return false
        }
        return true
    }
}
