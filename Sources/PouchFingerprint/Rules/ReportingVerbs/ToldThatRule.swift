import PouchCore

/// "told the Ambassador that the …" / "told the Ambassador the …".
struct ToldThatRule: SlotRule {
    let id = "told-that"
    let reason =
        "After \"told\" or \"informed\" and its object, the complementiser \"that\" is optional before a clause with its own subject; the reported content is the same."
    let summary = "told X that … | told X … (also informed, assured, reminded, warned, advised, promised)"
    let profile = FingerprintProfile.strict

    /// Verbs of telling that take a person and a that-clause.
    static let verbs: Set<String> = [
        "told", "informed", "assured", "reminded", "warned", "advised", "promised", "tells", "informs", "assures", "reminds",
    ]
    static let objects: Set<String> = [
        "us", "him", "her", "them", "me", "you", "poloff", "polcouns", "emboff", "emboffs", "econoff", "polchief", "pol/econ", "ambassador", "dcm",
        "charge", "visitors", "codel", "staffdel",
    ]

    /// The last token of the object after a telling verb: a pronoun, a role, `the X (Y)` or a name.
    static func objectEnd(after verb: Int, in tokens: TextTokens) -> Int? {
        let list = tokens.tokens
        guard let first = tokens.nextWord(after: verb) else { return nil }
        let word = list[first].lower
        if objects.contains(word) { return first }
        if word == "the" || word == "his" || word == "her" || word == "their" {
            guard let second = tokens.nextWord(after: first) else { return nil }
            if let third = tokens.nextWord(after: second), list[third].lower != "that", isName(list[third], tokens) { return third }
            return second
        }
        if isName(list[first], tokens) {
            if let second = tokens.nextWord(after: first), list[second].lower != "that", isName(list[second], tokens) { return second }
            return first
        }
        return nil
    }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.verbs.contains(list[index].lower) {
            guard let objectEnd = Self.objectEnd(after: index, in: tokens), let that = tokens.nextWord(after: objectEnd),
                list[that].lower == "that", let starter = tokens.nextWord(after: that),
                subjectStarters.contains(list[starter].lower) || isName(list[starter], tokens)
            else { continue }
            let object = list[objectEnd].text
            found.append(
                SlotCandidate(
                    first: objectEnd, last: that, alternatives: ["\(object) \(list[that].text)", String(object)], symbols: [0, 1], original: 0,
                    rule: id, canonical: 1))
        }
        return found
    }
}
