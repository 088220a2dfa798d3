import PouchCore

/// Nouns "U.S." may modify that "American" modifies the same way ("U.S. officials" / "American
/// officials"). Words that may also be a verb after a singular subject ("plans", "needs", "views")
/// are left out, so "the U.S. plans to" never becomes "the American plans to".
enum AmericanModifier {
    static let nouns: Set<String> = [
        "military", "policy", "policies", "assistance", "forces", "force", "government", "position", "positions", "efforts",
        "officials", "official", "interest", "administration", "foreign", "initiatives", "initiative", "commitment",
        "commitments", "information", "pressure", "counterparts", "engagement", "security", "firms", "firm", "companies",
        "company", "troop", "troops", "delegation", "delegations", "trade", "involvement", "goals", "interlocutors", "rhetoric",
        "motives", "domestic", "proposal", "proposals", "side", "role", "invasion", "relations", "intervention", "citizens",
        "citizen", "sanctions", "approach", "decision", "objectives", "political", "experts", "legal", "leadership",
        "appreciation", "aid", "public", "exports", "imports", "relationship", "actions", "action", "commercial", "participants",
        "dialogue", "nuclear", "leaders", "team", "soldiers", "legislation", "funding", "agreement", "laws", "law", "willingness",
        "reaction", "partner", "partners", "access", "base", "bases", "perspective", "presence", "diplomats", "diplomat",
        "investment", "investments", "investors", "weapons", "presidential", "occupation", "development", "strategy",
        "technology", "market", "response", "personnel", "intentions", "priorities", "determination", "values", "desire",
        "economic", "economy", "embassy", "consulate", "intelligence", "authorities", "agencies", "allies", "ally", "stance",
        "vision", "influence", "diplomacy", "courts", "banks", "financial", "strategic", "program", "programs", "assurances",
        "guarantees", "students", "universities", "products", "goods", "media", "journalists", "businesses", "business",
        "industry", "farmers", "producers", "exporters", "consumers", "strategists", "negotiators", "envoy", "envoys",
    ]
}

/// "U.S." / "United States" (and the plain "US" a normaliser would choose).
struct UnitedStatesRule: SlotRule {
    let id = "united-states"
    let reason =
        "\"U.S.\", \"United States\" and \"US\" name the same country, as noun or modifier; only the spelling of the name changes, never the referent."
    let summary = "U.S. | United States (US reads as no evidence)"
    let profile = FingerprintProfile.standard

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        if context.scheme.has(.unitedStatesWordings) { return schemeTwoCandidates(in: tokens, scheme: context.scheme) }
        for index in list.indices where list[index].isWord && !list[index].quoted && (list[index].lower == "u.s" || list[index].text == "US") {
            let dotted = list[index].lower == "u.s"
            var last = index
            // "U.S." mid-sentence: the period belongs to the abbreviation. At a sentence end it also
            // closes the sentence, so it stays outside the span.
            if dotted {
                guard index + 1 < list.count, list[index + 1].text == "." else { continue }
                let after = index + 2 < list.count ? list[index + 2] : nil
                let endsSentence = after == nil || (after!.isWord && (after!.text.first?.isUppercase ?? false) && !tokens.allCaps)
                if !endsSentence { last = index + 1 }
                if let after, after.text == "'" || after.text == "-" || after.lower.hasPrefix("'") { continue }
            } else if index + 1 < list.count, ["'", "-", "\u{2019}"].contains(String(list[index + 1].text)) || list[index + 1].lower.hasPrefix("'") {
                continue
            }
            if list[index].text.hasSuffix("'s") { continue }
            let caps = tokens.allCaps
            let includesPeriod = last > index
            var alternatives = [caps ? "U.S" : "U.S", caps ? "UNITED STATES" : "United States", "US"]
            if includesPeriod { alternatives[0] = "U.S." }
            let original = dotted ? 0 : 2
            alternatives[original] = String(tokens.span(index, last))
            found.append(
                SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: [0, 1], original: original, rule: id, canonical: 2))
        }
        return found
    }
}

extension UnitedStatesRule {
    /// Scheme 2: "United States" is found as well as "U.S." and "US", so a normaliser turns
    /// every copy into the same text; a full stop is never lost or doubled; "US" in a cable written
    /// in capitals may be the pronoun, so it is left alone; and "U.S." before a capital in mixed
    /// case (the end of a sentence, or "U.S. Congress"?) is left alone.
    ///
    /// From scheme 6, before a listed noun ("U.S. officials") and not after "a" or "an" (which
    /// "American" would need), copies may also write "American".
    func schemeTwoCandidates(in tokens: TextTokens, scheme: FingerprintScheme) -> [SlotCandidate] {
        let list = tokens.tokens
        let caps = tokens.allCaps
        var found: [SlotCandidate] = []
        var index = 0
        while index < list.count {
            defer { index += 1 }
            let token = list[index]
            guard token.isWord, !token.quoted else { continue }
            var last = index
            var form: Int
            if token.lower == "u.s" {
                guard index + 1 < list.count, list[index + 1].text == "." else { continue }
                guard index + 2 < list.count else { continue }
                let after = list[index + 2]
                if after.isWord, !caps, after.text.first?.isUppercase ?? false { continue }
                last = index + 1
                form = 0
            } else if token.text == "US", !caps {
                form = 2
            } else if token.lower == "united", let next = tokens.nextWord(after: index), list[next].lower == "states" {
                if let after = tokens.nextWord(after: next), ["of", "army", "navy"].contains(list[after].lower) { continue }
                last = next
                form = 1
            } else if scheme.has(.americanWordings), token.lower == "american", Self.isAttributiveAmerican(at: index, in: tokens) {
                // From scheme 6 copies write "American", so a normaliser must find it again.
                form = 3
            } else {
                continue
            }
            // Not a possessive, a compound or a hyphenated word ("U.S.-led", "US's").
            if last + 1 < list.count, ["'", "-", "\u{2019}", "/"].contains(String(list[last + 1].text)) || list[last + 1].lower.hasPrefix("'") {
                continue
            }
            if index > 0, ["-", "'", "\u{2019}", "/"].contains(String(list[index - 1].text)) { continue }
            if list[last].text.hasSuffix("'s") { continue }
            // From scheme 11, not the country of a currency ("US$16 million", "US $240 million").
            if scheme.has(.currenciesKept), last + 1 < list.count, list[last + 1].text.hasPrefix("$") { continue }
            let sentenceEnd = form != 0 && (last + 1 >= list.count || list[last + 1].text == ".")
            var alternatives =
                sentenceEnd ? [caps ? "UNITED STATES" : "United States", "US"] : ["U.S.", caps ? "UNITED STATES" : "United States", "US"]
            var symbols = [0, 1]
            if scheme.has(.americanWordings), !sentenceEnd, Self.modifiesListedNoun(first: index, last: last, in: tokens) {
                alternatives.append(caps ? "AMERICAN" : "American")
                symbols.append(3)
            }
            let original = sentenceEnd ? form - 1 : form
            alternatives[original] = String(tokens.span(index, last))
            found.append(
                SlotCandidate(
                    first: index, last: last, alternatives: alternatives, symbols: symbols, original: original, rule: id,
                    canonical: sentenceEnd ? 1 : 2))
            index = last
        }
        return found
    }

    /// Whether "American" at `index` is the country's adjective before a listed noun ("the American
    /// position"), not part of a longer name ("Latin American", "Inter-American", "North American").
    static func isAttributiveAmerican(at index: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard modifiesListedNoun(first: index, last: index, in: tokens) else { return false }
        if index > 0, ["-", "/"].contains(String(list[index - 1].text)) { return false }
        guard let previous = tokens.previousWord(before: index), previous == index - 1 else { return true }
        if ["latin", "south", "north", "central", "native", "african", "asian", "arab", "pan", "anglo", "afro", "meso"].contains(list[previous].lower)
        {
            return false
        }
        // A capitalised word before it in mixed case is part of a name, unless it opens the sentence.
        if !tokens.allCaps, list[previous].text.first?.isUppercase == true, !tokens.startsSentence(previous) { return false }
        return true
    }

    /// Whether the name at `first...last` modifies a listed noun in lower case ("U.S. officials"),
    /// not right after "a" or "an".
    static func modifiesListedNoun(first: Int, last: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard last + 1 < list.count, list[last + 1].isWord, AmericanModifier.nouns.contains(list[last + 1].lower),
            tokens.allCaps || list[last + 1].text.first?.isLowercase == true
        else { return false }
        if let previous = tokens.previousWord(before: first), ["a", "an"].contains(list[previous].lower) { return false }
        return true
    }
}
