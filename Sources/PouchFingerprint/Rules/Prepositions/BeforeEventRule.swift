import PouchCore

/// "before the election" / "prior to the election": "before" only where what follows is surely an
/// event or a point in time, so neither "in front of" nor a clause.
struct BeforeEventRule: SlotRule {
    let id = "before-event"
    let reason =
        "Before a noun phrase that names an event or a point in time (\"before the election\", \"before the end of the year\"), \"before\" and \"prior to\" mean the same. \"Before\" that may mean \"in front of\" (\"appear before Congress\", \"before the West\") or open a clause (\"before the court decides\") is never matched: the phrase must end at its event noun."
    let summary = "before the election | prior to the election"
    let profile = FingerprintProfile.standard

    static let openers: Set<String> = ["the", "his", "her", "their", "its", "our", "this", "that", "these", "those", "a", "an", "next"]
    static let events: Set<String> = [
        "election", "elections", "vote", "voting", "meeting", "meetings", "visit", "summit", "conference", "deadline", "arrival",
        "departure", "trip", "talks", "attack", "attacks", "war", "ceremony", "holiday", "holidays", "event", "signing", "release",
        "announcement", "designation", "opening", "surge", "bombing", "bombings", "murder", "emergence", "assassination", "referendum",
        "inauguration", "transition", "handover", "launch", "invasion", "crisis", "coup", "recess", "outbreak", "end", "start",
        "beginning", "close", "ballot", "runoff", "round", "ministerial", "deployment", "withdrawal", "agreement",
    ]
    /// What may follow the event noun: a pause, or a word that cannot be the verb of a clause.
    static let phraseEnds: Set<String> = [
        ",", ".", ";", ":", ")", "of", "in", "on", "at", "and", "or", "but", "to", "for", "with", "when", "where", "which", "that", "so", "as",
    ]
    /// Words before "before" that make it "in front of" ("appear before", "a declaration before").
    static let presence: Set<String> = [
        "appear", "appears", "appeared", "appearing", "go", "goes", "went", "going", "come", "comes", "came", "coming", "testify",
        "testified", "testifies", "testifying", "brought", "bring", "stand", "stood", "speak", "spoke", "speaking", "plead",
        "pleaded", "declaration", "address", "statement", "testimony", "presentation", "briefing",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && list[index].lower == "before" && !list[index].quoted {
            if let previous = tokens.previousWord(before: index), Self.presence.contains(list[previous].lower) { continue }
            guard index + 1 < list.count, list[index + 1].isWord, Self.openers.contains(list[index + 1].lower) else { continue }
            // The determiner, up to two words, then the event noun and the phrase's end.
            var position = index + 1
            var isEvent = false
            for _ in 0..<3 {
                guard position + 1 < list.count, list[position + 1].isWord, !list[position + 1].quoted else { break }
                position += 1
                // The first event noun must end the phrase ("before these talks can start" opens a clause).
                if Self.events.contains(list[position].lower) {
                    isEvent = position + 1 >= list.count || Self.phraseEnds.contains(list[position + 1].lower)
                    break
                }
            }
            guard isEvent else { continue }
            let prior = applyCase("prior to", template: list[index].text, sentenceStart: tokens.startsSentence(index), allCaps: tokens.allCaps)
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(list[index].text), prior], symbols: [0, 1], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}
