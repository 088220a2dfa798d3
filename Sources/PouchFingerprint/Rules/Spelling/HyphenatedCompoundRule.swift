import PouchCore

/// "long-term strategy" / "long term strategy".
struct HyphenatedCompoundRule: SlotRule {
    let id = "hyphenated-compound"
    let reason =
        "A compound of two dictionary words may be written with a hyphen or open (\"long-term\" / \"long term\"); the words and what they modify are unchanged."
    let summary = "long-term | long term"
    let profile = FingerprintProfile.standard

    static let protected: Set<String> = [
        "never", "not", "non", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "ill", "good",
    ]

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
            if context.scheme.has(.listedCompoundsSpelled), CompoundSpellingRule.listed.contains(list[index].lower) { continue }
            let open = parts.joined(separator: " ")
            // A normaliser cannot find the open form again, so from scheme 2 on it writes that.
            found.append(
                SlotCandidate(
                    first: index, last: index, alternatives: [String(list[index].text), open], symbols: [0, 1], original: 0, rule: id,
                    canonical: context.scheme.has(.findableNormalForms) ? 1 : 0))
        }
        return found
    }
}
