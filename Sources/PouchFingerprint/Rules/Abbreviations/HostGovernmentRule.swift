import PouchCore

/// "the GOB" / "the Government of Brazil" / "the Brazilian Government", in a cable from a post in Brazil.
struct HostGovernmentRule: SlotRule {
    let id = "host-government"
    let reason =
        "In a cable from a post, \"GO\" and the initials of the host country's name (\"the GOB\" from Brasilia, \"the GOSA\" from Pretoria) names the host government, and so do \"the Government of Brazil\" and \"the Brazilian Government\". Copies write one of the two in full (a spell checker would \"correct\" the abbreviation, so it reads as no evidence); the written-out forms, after \"the\", become slots too (\"the Brazilian government\" / \"the Government of Brazil\"). Only forms after \"the\" are looked for, never a possessive, a hyphenated word, a longer name or an abbreviation the cable defines otherwise. From scheme 8 copies may also write \"Brazil's Government\" for \"the GOB\", and write \"the Government of Brazil\" only where the phrase surely ends (not \"the Government of Brazil position\")."
    let summary =
        "the GOB | the Government of Brazil | the Brazilian Government | Brazil's Government (from scheme 8) (GOB read as no evidence; in cables from Brazil)"
    let profile = FingerprintProfile.standard

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        guard let host = context.host else { return [] }
        let abbreviation = host.governmentAbbreviation
        guard context.abbreviations[abbreviation] == nil else { return [] }
        let list = tokens.tokens
        let name = TextTokens(host.name).tokens.map(\.lower)
        let adjective = TextTokens(host.adjective).tokens.map(\.lower)
        func matches(_ words: [String], at start: Int) -> Bool {
            start + words.count <= list.count && words.indices.allSatisfy { list[start + $0].lower == words[$0] && !list[start + $0].quoted }
        }
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let previous = tokens.previousWord(before: index), previous == index - 1, list[previous].lower == "the" else { continue }
            // "the GOB", "the Government of Brazil" or "the Brazilian Government" (any case of "government").
            let last: Int
            let original: Int
            var government = tokens.allCaps ? "GOVERNMENT" : "Government"
            if list[index].text == abbreviation {
                guard host.abbreviationIsUnambiguous else { continue }
                (last, original) = (index, 0)
            } else if list[index].lower == "government", matches(["of"] + name, at: index + 1) {
                (last, original) = (index + name.count + 1, 1)
                government = String(list[index].text)
            } else if matches(adjective + ["government"], at: index) {
                (last, original) = (index + adjective.count, 2)
                government = String(list[last].text)
            } else {
                continue
            }
            // Not a possessive or part of a compound ("GOB's", "GOB-led", "GOB/MFA"), nor a longer name.
            if last + 1 < list.count, ["-", "'", "\u{2019}", "/"].contains(String(list[last + 1].text)) || list[last + 1].lower.hasPrefix("'") {
                continue
            }
            if list[last].text.hasSuffix("'s") { continue }
            if original > 0, let after = tokens.nextWord(after: last), after == last + 1, isName(list[after], tokens) { continue }
            let of = tokens.allCaps ? "OF" : "of"
            let country = tokens.allCaps ? host.name.uppercased() : host.name
            let adjectiveWord = tokens.allCaps ? host.adjective.uppercased() : host.adjective
            var alternatives = [abbreviation, "\(government) \(of) \(country)", "\(adjectiveWord) \(government)"]
            alternatives[original] = String(tokens.span(index, last))
            guard context.scheme.has(.hostGovernmentTakesThe) else {
                found.append(
                    SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: [1, 2], original: original, rule: id, canonical: 0))
                continue
            }
            // From scheme 8 the slot takes in "the", so that "Brazil's Government" may stand for it,
            // and "the Government of Brazil" is written only where the phrase surely ends (scheme 7
            // wrote "the Government of Argentina position" for "the GOA position").
            let the = String(list[previous].text)
            var wordings = alternatives.map { "\(the) \($0)" }
            wordings[original] = String(tokens.span(previous, last))
            var symbols = endsNounPhrase(at: last, in: tokens) ? [1, 2] : [2]
            if !host.name.hasPrefix("the ") {
                let s = tokens.allCaps ? "S" : "s"
                wordings.append("\(country)'\(s) \(government)")
                symbols.append(3)
            }
            if symbols.count > 1 {
                found.append(
                    SlotCandidate(first: previous, last: last, alternatives: wordings, symbols: symbols, original: original, rule: id, canonical: 0))
            }
            // Where "the" is too close to another slot, the slot without it (and without the possessive)
            // still stands, as in scheme 7, if the phrase surely ends.
            if symbols.contains(1) {
                found.append(
                    SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: [1, 2], original: original, rule: id, canonical: 0))
            }
        }
        return found
    }
}
