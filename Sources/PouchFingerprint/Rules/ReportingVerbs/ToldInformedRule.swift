import PouchCore

/// "told us that …" / "informed us that …", and the optional "that" after "told X".
struct ToldInformedRule: SlotRule {
    let id = "told-informed"
    let reason =
        "With a person as object and a that-clause, \"told X that\" and \"informed X that\" both report that X was given the information; neither adds or removes a nuance of instruction (\"told X to\" is never matched)."
    let summary = "told X that | informed X that"
    let profile = FingerprintProfile.standard

    static let forms: [String: String] = ["told": "informed", "informed": "told", "tells": "informs", "informs": "tells"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let other = Self.forms[list[index].lower], let objectEnd = ToldThatRule.objectEnd(after: index, in: tokens),
                let that = tokens.nextWord(after: objectEnd), list[that].lower == "that"
            else { continue }
            if let previous = tokens.previousWord(before: index), ["was", "were", "been", "being", "be", "is", "are"].contains(list[previous].lower) {
                continue
            }
            let template = list[index].text
            let alternative = applyCase(other, template: template, sentenceStart: tokens.startsSentence(index), allCaps: tokens.allCaps)
            let plain = ["told", "tells"].contains(list[index].lower) ? 0 : 1
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(template), alternative], symbols: [0, 1], original: 0, rule: id, canonical: plain
                ))
        }
        return found
    }
}
