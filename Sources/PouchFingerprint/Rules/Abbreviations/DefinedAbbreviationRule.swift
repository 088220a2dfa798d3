import PouchCore

/// "GOI" / "Government of India", for abbreviations the cable itself defines.
struct DefinedAbbreviationRule: SlotRule {
    let id = "defined-abbreviation"
    let reason =
        "An abbreviation the cable defines (\"Government of India (GOI)\") names exactly what its expansion names; after the definition either may be written."
    let summary = "GOI | Government of India (only where the cable defines the abbreviation)"
    let profile = FingerprintProfile.standard

    /// Finds `Full Name (ABBR)` definitions in the cable's paragraphs.
    static func definitions(in paragraphs: [TextTokens]) -> (abbreviations: [String: String], sites: Set<[Int]>) {
        var abbreviations: [String: String] = [:]
        var sites: Set<[Int]> = []
        let minor: Set<String> = ["of", "the", "and", "for", "on", "in", "to", "de", "del", "la", "&"]
        for (p, tokens) in paragraphs.enumerated() {
            let list = tokens.tokens
            for index in list.indices where list[index].text == "(" {
                guard index + 2 < list.count, list[index + 2].text == ")", list[index + 1].isWord else { continue }
                let abbreviation = String(list[index + 1].text)
                guard (2...6).contains(abbreviation.count), abbreviation.allSatisfy({ $0.isUppercase && $0.isLetter }) else { continue }
                // Walk back over words whose initials spell the abbreviation (minor words skipped).
                var letters = Array(abbreviation)
                var position = index - 1
                var first = index
                while position >= 0, list[position].isWord, !letters.isEmpty {
                    let word = list[position]
                    // Minor words count when the abbreviation spells them ("Government of India (GOI)").
                    if minor.contains(word.lower), word.text.first?.uppercased() != String(letters.last!) {
                        position -= 1
                        continue
                    }
                    guard word.text.first?.uppercased() == String(letters.last!) else { break }
                    letters.removeLast()
                    first = position
                    position -= 1
                }
                guard letters.isEmpty, first < index else { continue }
                let expansion = String(tokens.span(first, index - 1))
                guard expansion.split(separator: " ").count >= 2, abbreviations[abbreviation] == nil else { continue }
                abbreviations[abbreviation] = expansion
                sites.insert([p, index + 1])
            }
        }
        return (abbreviations, sites)
    }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        guard !context.abbreviations.isEmpty else { return [] }
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            let word = String(list[index].text)
            guard let expansion = context.abbreviations[word.uppercased()], word == word.uppercased(),
                !context.definitionSites.contains([context.paragraph, index])
            else { continue }
            // Inside its own parentheses it is a definition; elsewhere it may be expanded.
            if index > 0, list[index - 1].text == "(" { continue }
            // "GID Director" must not become "… Intelligence Director Director".
            if let next = tokens.nextWord(after: index), expansion.lowercased().hasSuffix(" " + list[next].lower) { continue }
            let expanded = tokens.allCaps ? expansion.uppercased() : expansion
            found.append(
                SlotCandidate(first: index, last: index, alternatives: [word, expanded], symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}
