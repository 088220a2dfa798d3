import PouchCore

/// "see para 5" / "see paragraph 5".
struct ParagraphReferenceRule: SlotRule {
    let id = "paragraph-reference"
    let reason =
        "Before a paragraph's number, \"para\" and \"paragraph\" (\"paras\" and \"paragraphs\") point to the same paragraph; the number is kept."
    let summary = "para 5 | paragraph 5"
    let profile = FingerprintProfile.standard

    static let forms: [String: (singular: Bool, abbreviated: Bool)] = [
        "para": (true, true), "paragraph": (true, false), "paras": (false, true), "paragraphs": (false, false),
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let form = Self.forms[list[index].lower], index + 1 < list.count, list[index + 1].isWord, list[index + 1].hasDigit,
                tokens.spaceAfter(index)
            else { continue }
            let words = form.singular ? ["para", "paragraph"] : ["paras", "paragraphs"]
            let template = list[index].text
            let sentenceStart = tokens.startsSentence(index)
            let alternatives = words.map { applyCase($0, template: template, sentenceStart: sentenceStart, allCaps: tokens.allCaps) }
            let original = form.abbreviated ? 0 : 1
            guard alternatives[original] == template else { continue }
            found.append(
                SlotCandidate(first: index, last: index, alternatives: alternatives, symbols: [0, 1], original: original, rule: id, canonical: 1))
        }
        return found
    }
}
