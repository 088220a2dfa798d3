/// "U.S." / "United States" (and the plain "US" a normaliser would choose).
struct UnitedStatesRule: SlotRule {
    let id = "united-states"
    let reason = "\"U.S.\", \"United States\" and \"US\" name the same country, as noun or modifier; only the spelling of the name changes, never the referent."
    let summary = "U.S. | United States (US reads as no evidence)"
    let profile = FingerprintProfile.standard

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        if context.scheme >= .v2 { return schemeTwoCandidates(in: tokens, scheme: context.scheme) }
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
            found.append(SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: [0, 1], original: original, rule: id, canonical: 2))
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
            } else if scheme >= .v6, token.lower == "american", Self.isAttributiveAmerican(at: index, in: tokens) {
                // From scheme 6 copies write "American", so a normaliser must find it again.
                form = 3
            } else {
                continue
            }
            // Not a possessive, a compound or a hyphenated word ("U.S.-led", "US's").
            if last + 1 < list.count, ["'", "-", "\u{2019}", "/"].contains(String(list[last + 1].text)) || list[last + 1].lower.hasPrefix("'") { continue }
            if index > 0, ["-", "'", "\u{2019}", "/"].contains(String(list[index - 1].text)) { continue }
            if list[last].text.hasSuffix("'s") { continue }
            // From scheme 11, not the country of a currency ("US$16 million", "US $240 million").
            if scheme >= .v11, last + 1 < list.count, list[last + 1].text.hasPrefix("$") { continue }
            let sentenceEnd = form != 0 && (last + 1 >= list.count || list[last + 1].text == ".")
            var alternatives = sentenceEnd ? [caps ? "UNITED STATES" : "United States", "US"] : ["U.S.", caps ? "UNITED STATES" : "United States", "US"]
            var symbols = [0, 1]
            if scheme >= .v6, !sentenceEnd, Self.modifiesListedNoun(first: index, last: last, in: tokens) {
                alternatives.append(caps ? "AMERICAN" : "American")
                symbols.append(3)
            }
            let original = sentenceEnd ? form - 1 : form
            alternatives[original] = String(tokens.span(index, last))
            found.append(SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: symbols, original: original, rule: id,
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
        if ["latin", "south", "north", "central", "native", "african", "asian", "arab", "pan", "anglo", "afro", "meso"].contains(list[previous].lower) { return false }
        // A capitalised word before it in mixed case is part of a name, unless it opens the sentence.
        if !tokens.allCaps, list[previous].text.first?.isUppercase == true, !tokens.startsSentence(previous) { return false }
        return true
    }

    /// Whether the name at `first...last` modifies a listed noun in lower case ("U.S. officials"),
    /// not right after "a" or "an".
    static func modifiesListedNoun(first: Int, last: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard last + 1 < list.count, list[last + 1].isWord, AmericanModifier.nouns.contains(list[last + 1].lower),
              tokens.allCaps || list[last + 1].text.first?.isLowercase == true else { return false }
        if let previous = tokens.previousWord(before: first), ["a", "an"].contains(list[previous].lower) { return false }
        return true
    }
}

/// "met with the Minister" / "met the Minister".
struct MetWithRule: SlotRule {
    let id = "met-with"
    let reason = "In American usage \"met with\" a person and \"met\" a person report the same meeting."
    let summary = "met with X | met X (X a person)"
    let profile = FingerprintProfile.standard

    static let people: Set<String> = ["him", "her", "them", "us", "me", "poloff", "polcouns", "emboffs", "emboff", "econoff", "ambassador", "minister", "president", "officials", "representatives", "leaders", "members"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && ["met", "meets"].contains(list[index].lower) {
            if let previous = tokens.previousWord(before: index), ["was", "were", "is", "are", "be", "been", "being", "had", "has", "have"].contains(list[previous].lower) { continue }
            guard let next = tokens.nextWord(after: index) else { continue }
            let withWord = list[next].lower == "with"
            let objectStart = withWord ? tokens.nextWord(after: next) : next
            guard let object = objectStart, Self.isPerson(object, tokens) else { continue }
            let verb = list[index].text
            if withWord {
                found.append(SlotCandidate(first: index, last: next, alternatives: ["\(verb) \(list[next].text)", String(verb)], symbols: [0, 1], original: 0, rule: id, canonical: 1))
            } else {
                let with = tokens.allCaps ? "WITH" : "with"
                found.append(SlotCandidate(first: index, last: index, alternatives: [String(verb), "\(verb) \(with)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
        }
        return found
    }

    /// Whether the words at `index` name a person: a pronoun or role, "the" and a role, or a name.
    static func isPerson(_ index: Int, _ tokens: TextTokens) -> Bool {
        let token = tokens.tokens[index]
        if Self.people.contains(token.lower) { return true }
        if ["the", "his", "her", "their", "its"].contains(token.lower), let next = tokens.nextWord(after: index) {
            return Self.people.contains(tokens.tokens[next].lower) || isName(tokens.tokens[next], tokens)
        }
        return isName(token, tokens)
    }
}

/// "long-term strategy" / "long term strategy".
struct HyphenatedCompoundRule: SlotRule {
    let id = "hyphenated-compound"
    let reason = "A compound of two dictionary words may be written with a hyphen or open (\"long-term\" / \"long term\"); the words and what they modify are unchanged."
    let summary = "long-term | long term"
    let profile = FingerprintProfile.standard

    static let protected: Set<String> = ["never", "not", "non", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "ill", "good"]

    /// Prefixes that are not words of their own, or change reading when split.
    static let prefixes: Set<String> = [
        "anti", "pro", "non", "co", "re", "ex", "pre", "post", "vice", "self", "semi", "multi", "inter", "counter", "cross",
        "sub", "super", "ultra", "mid", "neo", "pan", "quasi", "trans", "over", "under", "out", "well", "all", "half",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && !list[index].hasDigit {
            let parts = list[index].text.split(separator: "-", omittingEmptySubsequences: false)
            // Lower-case words only ("CDU-FDP" and, in all-capitals text, "DLAMINI-ZUMA" are names),
            // and never a negation or a modal ("never-ending", "ill-will").
            guard parts.count == 2, parts.allSatisfy({ $0.count >= 3 && $0.allSatisfy(\.isLetter) }),
                  !Self.prefixes.contains(parts[0].lowercased()),
                  !tokens.allCaps, parts.allSatisfy({ $0.allSatisfy(\.isLowercase) }),
                  !parts.contains(where: { Self.protected.contains($0.lowercased()) })
            else { continue }
            // From scheme 5 a compound with a listed closed spelling ("cease-fire" / "ceasefire") is the compound-spelling rule's.
            if context.scheme >= .v5, CompoundSpellingRule.listed.contains(list[index].lower) { continue }
            let open = parts.joined(separator: " ")
            // A normaliser cannot find the open form again, so from scheme 2 on it writes that.
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(list[index].text), open], symbols: [0, 1], original: 0, rule: id,
                                       canonical: context.scheme >= .v2 ? 1 : 0))
        }
        return found
    }
}

/// "X said, but Y …" / "X said but Y …": the comma before a conjunction joining two clauses.
struct ClauseCommaRule: SlotRule {
    let id = "clause-comma"
    let reason = "Before \"but\" or \"and\" joining two clauses that each have a subject, the comma is optional; the clauses and their relation are unchanged."
    let summary = "…, but he … | … but he …"
    let profile = FingerprintProfile.standard

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && ["but", "and"].contains(list[index].lower) {
            if context.scheme >= .v2, let added = commaAdded(before: index, in: tokens) {
                found.append(added)
                continue
            }
            guard index >= 2, list[index - 1].text == ",", tokens.spaceAfter(index - 1), list[index - 2].isWord, !list[index - 2].hasDigit,
                  let subject = tokens.nextWord(after: index), pronounSubjects.contains(list[subject].lower) || list[subject].lower == "the",
                  tokens.nextWord(after: subject) != nil else { continue }
            // The clause before has at least five words and no other comma (so this is not a list).
            var words = 0
            var position = index - 2
            var sawComma = false
            while position >= 0 {
                let token = list[position]
                if token.isWord { words += 1 } else if token.text == "," { sawComma = true; break } else if [".", ";", ":", "?", "!"].contains(String(token.text)) { break }
                position -= 1
            }
            guard words >= 5, !sawComma else { continue }
            let word = list[index - 2].text
            // A normaliser cannot find the comma-less form again, so from scheme 2 on it writes that.
            found.append(SlotCandidate(first: index - 2, last: index, alternatives: ["\(word), \(list[index].text)", "\(word) \(list[index].text)"], symbols: [0, 1], original: 0, rule: id,
                                       canonical: context.scheme >= .v2 ? 1 : 0))
        }
        return found
    }

    /// Scheme 2 also adds the comma: "… but he …" → "…, but he …", for "but" before a pronoun
    /// subject after a clause of five or more words with no comma and no negation (so not
    /// "not this but that").
    private func commaAdded(before index: Int, in tokens: TextTokens) -> SlotCandidate? {
        let list = tokens.tokens
        guard list[index].lower == "but", index >= 1, list[index - 1].isWord, !list[index - 1].hasDigit,
              let subject = tokens.nextWord(after: index), pronounSubjects.contains(list[subject].lower),
              tokens.nextWord(after: subject) != nil else { return nil }
        var words = 0
        var position = index - 1
        while position >= 0 {
            let token = list[position]
            if token.isWord {
                if SlotFinder.negations.contains(token.lower) || token.lower.hasSuffix("n't") { return nil }
                words += 1
            } else if [",", ".", ";", ":", "?", "!"].contains(String(token.text)) {
                if token.text == "," { return nil }
                break
            }
            position -= 1
        }
        guard words >= 5 else { return nil }
        let word = list[index - 1].text
        return SlotCandidate(first: index - 1, last: index, alternatives: ["\(word) \(list[index].text)", "\(word), \(list[index].text)"], symbols: [0, 1], original: 0, rule: id, canonical: 0)
    }
}
