import PouchCore

/// "political and economic reforms" / "economic and political reforms": two coordinated
/// adjectives of domain before a noun.
struct AdjectivePairRule: SlotRule {
    let id = "adjective-pair-order"
    let reason =
        "Two adjectives of domain joined by \"and\" or \"or\" before a noun (political, economic, military, regional, …) classify the noun the same way in either order; neither word is changed."
    let summary = "political and economic reforms | economic and political reforms"
    let profile = FingerprintProfile.standard

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
                !Self.adjectives.contains(list[noun].lower),
                !["and", "or", "but", "to", "of", "in", "is", "are", "was", "were"].contains(list[noun].lower),
                list[noun].text.first?.isLowercase ?? false || tokens.allCaps
            else { continue }
            // Not the tail of a longer list ("social, political and economic"), and not after "a" or "an",
            // which agree with the first adjective ("an economic and political" cannot swap).
            if index > 0, list[index - 1].text == "," { continue }
            if let article = tokens.previousWord(before: index), ["a", "an"].contains(list[article].lower) { continue }
            let template = tokens.span(index, second)
            let capital = template.first?.isUppercase ?? false
            let swapped = applyCase(
                "\(list[second].lower) \(list[conjunction].lower) \(list[index].lower)", template: template, sentenceStart: capital,
                allCaps: tokens.allCaps)
            let alphabetical = list[index].lower < list[second].lower
            found.append(
                SlotCandidate(
                    first: index, last: second, alternatives: [String(template), swapped], symbols: [0, 1], original: 0, rule: id,
                    canonical: alphabetical ? 0 : 1))
        }
        return found
    }
}
