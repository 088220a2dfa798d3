import PouchCore

/// "said that the …" / "said the …" / "stated that the …": a reporting verb with an equal-weight
/// synonym, and its optional complementiser, as one slot of three wordings.
struct ReportingVerbRule: SlotRule {
    let id = "reporting-verb"
    let reason =
        "Each group reports the same speech act with the same weight in cable prose (said/stated, noted/observed, emphasized/stressed/underscored, replied/responded, remarked/commented, argued/contended). Before a reported clause, copies write either verb with \"that\", or the group's first verb without it; from scheme 5 also the third verb of a group of three with \"that\", or \"stated\" (\"stating\") without it. After a speaker and before a pause, either verb."
    let summary = "said that … | stated that … | said … | stated …; \", he said.\" | \", he stated.\""
    let profile = FingerprintProfile.standard

    /// Groups of verb forms of equal weight. The first form is the one a normaliser writes; copies
    /// drop "that" only after it, since only there a normaliser is sure to write the same.
    static let groups: [[String]] = [
        // Forms that are also nouns ("the United States", "notes", "stresses") are left out.
        ["said", "stated"], ["saying", "stating"],
        ["noted", "observed"], ["noting", "observing"],
        ["emphasized", "stressed", "underscored"], ["emphasizing", "stressing", "underscoring"],
        ["replied", "responded"], ["remarked", "commented"],
        ["argued", "contended"], ["argues", "contends"], ["arguing", "contending"],
    ]
    /// Verb form → (its partner in copies, its group's normal form).
    static let partners: [String: (partner: String, normal: String)] = {
        var table: [String: (String, String)] = [:]
        for group in groups {
            for (k, form) in group.enumerated() { table[form] = (group[(k + 1) % group.count], group[0]) }
        }
        return table
    }()
    /// Scheme 5's fourth wording before a reported clause: in a group of three verbs the third, with
    /// "that"; for "said" and "saying", the partner without "that" ("stated the talks had
    /// stalled" parses as "said the talks had stalled" does). Other partners without "that" could
    /// be misread as taking an object ("observed the talks" is "watched them").
    static func fourthWording(verb: String, partner: String, normal: String) -> (verb: String, withThat: Bool)? {
        guard let group = groups.first(where: { $0.contains(verb) }) else { return nil }
        if group.count == 3, let third = group.first(where: { $0 != verb && $0 != partner }) { return (third, true) }
        if ["said", "saying"].contains(normal) { return (group[1], false) }
        return nil
    }

    /// Every verb that introduces a reported clause, with the groups' forms.
    static let clauseVerbs = ComplementizerRule.verbs.union(groups.joined())

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let (partner, normal) = Self.partners[list[index].lower] else { continue }
            let verb = list[index].text
            let initial = verb.first?.isUppercase ?? false
            func cased(_ form: String) -> String { applyCase(form, template: verb, sentenceStart: initial, allCaps: tokens.allCaps) }
            if let site = ComplementizerRule.schemeTwoSite(at: index, in: tokens, verbs: Self.clauseVerbs, scheme: context.scheme) {
                let that = site.hasThat ? String(list[site.last].text) : (tokens.allCaps ? "THAT" : "that")
                let withThat = ["\(verb) \(that)", "\(cased(partner)) \(that)"]
                let bare = normal == list[index].lower ? String(verb) : cased(normal)
                // The original's own wording first.
                var alternatives = site.hasThat ? withThat + [bare] : [bare] + withThat
                guard site.hasThat || normal == list[index].lower else { continue }
                if context.scheme.has(.fourthReportingWording),
                    let fourth = Self.fourthWording(verb: list[index].lower, partner: partner, normal: normal)
                {
                    alternatives.append(fourth.withThat ? "\(cased(fourth.verb)) \(that)" : cased(fourth.verb))
                }
                found.append(
                    SlotCandidate(
                        first: index, last: site.last, alternatives: alternatives, symbols: Array(alternatives.indices), original: 0, rule: id,
                        canonical: site.hasThat ? 2 : 0))
                continue
            }
            // Without a clause: the verb after its speaker and before a pause (", he said."),
            // never passive, attributive or introducing a quotation; "replied to" / "responded to".
            let pauses: Set<String> =
                ["replied", "responded"].contains(list[index].lower) || ["replied", "responded"].contains(partner)
                ? [",", ".", ";", "to"] : [",", ".", ";"]
            guard index + 1 < list.count, pauses.contains(list[index + 1].lower), let previous = tokens.previousWord(before: index),
                !["was", "were", "is", "are", "be", "been", "being", "the", "a", "an", "as", "to"].contains(list[previous].lower)
            else { continue }
            if index + 2 < list.count, ["\"", "\u{201C}", "'", "\u{2018}"].contains(String(list[index + 2].text)) { continue }
            // From scheme 12 a named speaker may also follow the verb (", Moratinos said." / ", said Moratinos.").
            if context.scheme.has(.speakerAfterVerb), let speaker = Self.namedSpeaker(before: index, in: tokens) {
                let subject = String(tokens.span(speaker, index - 1))
                let lowered = { (form: String) in tokens.allCaps ? form.uppercased() : form.lowercased() }
                var alternatives = [
                    "\(subject) \(verb)", "\(subject) \(cased(partner))", "\(lowered(String(verb))) \(subject)", "\(lowered(partner)) \(subject)",
                ]
                let canonical = normal == list[index].lower ? 0 : normal == partner ? 1 : 4
                if canonical == 4 { alternatives.append("\(subject) \(cased(normal))") }
                found.append(
                    SlotCandidate(
                        first: speaker, last: index, alternatives: alternatives, symbols: [0, 1, 2, 3], original: 0, rule: id, canonical: canonical))
                continue
            }
            var alternatives = [String(verb), cased(partner)]
            if normal != list[index].lower && normal != partner { alternatives.append(cased(normal)) }
            let canonical = normal == list[index].lower ? 0 : normal == partner ? 1 : 2
            found.append(
                SlotCandidate(first: index, last: index, alternatives: alternatives, symbols: [0, 1], original: 0, rule: id, canonical: canonical))
        }
        return found
    }
}

extension ReportingVerbRule {
    /// The first word of a named speaker that stands between a comma (or a quotation closed by one)
    /// and the verb at `verb` before a full stop or a comma that goes on with no "and" or "but":
    /// one to three capitalised words or a redaction, or "the" and one or two words
    /// ("…, Moratinos said." / "…," the Ambassador said,"). Never a pronoun: "said he" is archaic.
    static func namedSpeaker(before verb: Int, in tokens: TextTokens) -> Int? {
        let list = tokens.tokens
        guard verb + 1 < list.count, [",", "."].contains(String(list[verb + 1].text)) else { return nil }
        if list[verb + 1].text == ",", let after = tokens.nextWord(after: verb + 1), ["and", "but", "or"].contains(list[after].lower) { return nil }
        var start = verb
        while start > 0, verb - start < 3, list[start - 1].isWord, !list[start - 1].quoted, !list[start - 1].hasDigit { start -= 1 }
        guard start < verb, start > 0 else { return nil }
        // What stands before the speaker: a comma, or a quotation that a comma closes.
        let before = list[start - 1].text
        let closesQuote = ["\"", "\u{201D}", "'", "\u{2019}"].contains(String(before)) && start >= 2 && list[start - 2].text == ","
        guard before == "," || closesQuote else { return nil }
        let words = Array(start..<verb)
        if words.allSatisfy({ isName(list[$0], tokens) || isRedaction(list[$0]) }), !list[words[0]].lower.hasSuffix("'s") { return start }
        if list[start].lower == "the", words.count >= 2,
            !words.dropFirst().contains(where: { ComplementizerRule.notInSubject.contains(list[$0].lower) })
        {
            return start
        }
        return nil
    }
}
