import PouchCore

/// Rules added in scheme 5. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.

/// "information on the attack" / "information regarding the attack" / "information concerning
/// the attack": the preposition that names the topic of a noun of information or deliberation.
struct TopicPrepositionRule: SlotRule {
    let id = "topic-on-regarding"
    let reason =
        "After a noun of information, opinion or deliberation (information, views, position, decision, debate, statement, briefing, legislation, …), \"on\" names its topic, and so do \"regarding\" and \"concerning\". Only \"on\" is looked for, and only before a determiner or a question word, never before a place, a medium, a time or a fixed phrase (\"on the sidelines\", \"on the record\", \"on the ground\", \"on the part of\"), and never after a head used as a verb (\"to report on\")."
    let summary = "information on the … | information regarding the … | information concerning the …"
    let profile = FingerprintProfile.standard

    static let heads: Set<String> = [
        "information", "views", "discussion", "discussions", "decision", "decisions", "comments", "comment", "details",
        "position", "positions", "stance", "debate", "debates", "briefing", "briefings", "statement", "statements", "remarks",
        "report", "reports", "consultations", "negotiations", "guidance", "advice", "update", "updates", "presentation",
        "seminar", "workshop", "conference", "legislation", "bill", "resolution", "policy", "policies", "proposal",
        "proposals", "study", "studies", "research", "questions", "question", "data", "statistics", "assessment", "analysis",
        "readout", "dialogue", "perspective", "perspectives", "thoughts", "opinion", "opinions", "ideas", "input", "feedback",
    ]
    /// Words before the head that make it a verb ("to report on", "they comment on").
    static let verbSignals: Set<String> = [
        "to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does", "do", "not", "he", "she", "they",
        "we", "i", "you", "who", "it",
    ]
    /// What may follow "on" so that it heads a topic: a determiner or a question word.
    static let openers: Set<String> = [
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "such", "any", "how", "whether", "what",
        "why", "which", "possible", "recent", "future", "current", "further",
    ]
    /// Nouns after the determiner that make "on" a place, a medium, a time or part of a fixed phrase.
    static let notTopics: Set<String> = [
        "margins", "margin", "sidelines", "ground", "phone", "telephone", "basis", "part", "eve", "occasion", "side", "sides", "table",
        "agenda", "way", "record", "website", "web", "internet", "site", "page", "front", "radio", "television", "tv", "air",
        "weekend", "day", "days", "morning", "afternoon", "evening", "night", "week", "list", "floor", "spot", "scene", "street",
        "streets", "hill", "same", "other", "one", "condition", "behalf", "verge", "brink", "edge", "heels", "order", "orders",
        "instructions", "instruction", "initiative", "request", "arrival", "return", "back", "top", "bottom", "border", "island",
        "coast", "outskirts", "periphery", "surface", "books", "ballot", "docket", "horizon", "whole", "contrary", "hand",
        "grounds", "plane", "flight", "board", "premises", "territory", "soil", "road", "trail", "campus", "net", "screen",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "on" {
            guard let head = tokens.previousWord(before: index), Self.heads.contains(list[head].lower),
                !(tokens.previousWord(before: head).map { Self.verbSignals.contains(list[$0].lower) } ?? false),
                let opener = tokens.nextWord(after: index), Self.openers.contains(list[opener].lower)
            else { continue }
            // The words after the opener, up to three: none may make "on" a place, medium or time.
            var look = opener
            var blocked = false
            for _ in 0..<3 {
                guard let next = tokens.nextWord(after: look) else { break }
                if Self.notTopics.contains(list[next].lower) || list[next].hasDigit { blocked = true }
                look = next
            }
            if blocked || Self.notTopics.contains(list[opener].lower) { continue }
            let on = list[index].text
            let cased = { (word: String) in applyCase(word, template: on, sentenceStart: false, allCaps: tokens.allCaps) }
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(on), cased("regarding"), cased("concerning")],
                    symbols: [0, 1, 2], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}
