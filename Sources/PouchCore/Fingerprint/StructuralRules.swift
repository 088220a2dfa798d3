/// Words that open a clause's subject: after them a dropped or added "that" reads the same.
let subjectStarters: Set<String> = [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "these",
    "those", "there", "both", "all", "some", "many", "most", "several", "such", "each", "any", "one", "no", "none", "if",
]
let pronounSubjects: Set<String> = ["he", "she", "they", "we", "i", "you", "there", "it"]

/// "X said that the …" / "X said the …": the complementiser "that" after a reporting verb is optional.
struct ComplementizerRule: SlotRule {
    let id = "that-complementizer"
    let reason = "After a verb of saying or thinking, the complementiser \"that\" introducing the reported clause is optional in formal English; the clause, its subject and its meaning are unchanged."
    let summary = "said that … | said … (after reporting verbs)"
    let profile = FingerprintProfile.strict

    /// Verbs after which "that" may be dropped before a clause.
    static let verbs: Set<String> = [
        "said", "says", "stated", "noted", "added", "explained", "argued", "claimed", "believed", "believes", "thinks",
        "thought", "felt", "feels", "agreed", "suggested", "stressed", "emphasized", "acknowledged", "admitted", "confirmed",
        "indicated", "insisted", "predicted", "reported", "asserted", "maintained", "observed", "recalled", "remarked",
        "replied", "responded", "warned", "hoped", "hopes", "expects", "expected", "assessed", "concluded", "speculated",
        "commented", "complained", "conceded", "contended", "estimated", "implied", "reiterated", "revealed", "underscored",
        "judged", "judges", "assesses", "understands", "understood", "recognized", "announced", "asserts", "notes", "adds",
        "believe", "think", "hope", "expect", "say", "understand", "assess", "judge", "feel", "know", "knew", "agree", "learned",
        "claim", "claims", "argue", "argues", "worry", "worries", "worried", "fear", "feared", "fears", "doubt", "doubted",
        "noting", "saying", "adding", "stating", "arguing", "explaining", "stressing", "emphasizing", "suggesting", "claiming",
        "insisting", "warning", "cautioned", "cautioning", "acknowledging", "believing", "asserting", "indicating", "reporting",
        "predicting", "confirming", "estimating", "concluding", "conceding", "recalling", "reiterating", "observing",
        "ensure", "ensures", "ensured", "ensuring", "convinced",
    ]
    /// Words that follow a clause's subject.
    static let auxiliaries: Set<String> = [
        "would", "will", "could", "can", "should", "may", "might", "must", "is", "was", "are", "were", "has", "had", "have",
        "did", "does", "do", "remains", "remained", "wants", "wanted", "needs", "needed", "plans", "planned", "intends",
    ]
    /// Verbs that almost never take a noun-phrase object, so "that" may also be added.
    static let clauseOnlyVerbs: Set<String> = [
        "said", "says", "believes", "believed", "thinks", "thought", "hoped", "hopes", "insisted", "argued", "asserted",
        "contended", "speculated", "claimed", "feels", "felt",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices {
            guard let site = Self.site(at: index, in: tokens, verbs: Self.verbs(for: context.scheme)) else { continue }
            if context.scheme >= .v12, Self.isNounUse(index, in: tokens) { continue }
            let verb = list[index].text
            if site.hasThat {
                let that = list[site.last].text
                found.append(SlotCandidate(first: index, last: site.last, alternatives: ["\(verb) \(that)", String(verb)], symbols: [0, 1], original: 0, rule: id, canonical: 1))
            } else {
                let that = tokens.allCaps ? "THAT" : "that"
                found.append(SlotCandidate(first: index, last: index, alternatives: [String(verb), "\(verb) \(that)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
        }
        return found
    }

    /// Words after which a verb of saying or thinking is a noun ("his hope that", "its fears that"),
    /// whose "that" cannot be dropped (from scheme 12). Not "some" or "each", which may be the subject
    /// ("Some say that").
    static let nounMarkers: Set<String> = ["his", "her", "its", "their", "our", "my", "your", "this", "these", "no", "every"]

    /// Whether the word at `index` follows a possessive or a determiner, and so is a noun.
    static func isNounUse(_ index: Int, in tokens: TextTokens) -> Bool {
        guard let previous = tokens.previousWord(before: index) else { return false }
        return nounMarkers.contains(tokens.tokens[previous].lower)
    }

    /// Where the verb at `index` introduces a reported clause whose "that" may be dropped or
    /// added: the span's last token (the "that", or the verb itself) and whether "that" is there.
    static func site(at index: Int, in tokens: TextTokens, verbs: Set<String> = verbs) -> (last: Int, hasThat: Bool)? {
        let list = tokens.tokens
        guard list[index].isWord, !list[index].quoted, verbs.contains(list[index].lower) else { return nil }
        if let previous = tokens.previousWord(before: index), ["a", "an", "the", "to"].contains(list[previous].lower) { return nil }
        guard let next = tokens.nextWord(after: index) else { return nil }
        if list[next].lower == "that" {
            guard let starter = tokens.nextWord(after: next) else { return nil }
            // The clause's subject: a pronoun or determiner, a name, or one word followed by an auxiliary ("that Pakistan would").
            let followedByAuxiliary = tokens.nextWord(after: starter).map { auxiliaries.contains(list[$0].lower) } ?? false
            guard subjectStarters.contains(list[starter].lower) || isName(list[starter], tokens) || followedByAuxiliary,
                  list[starter].lower != "that" else { return nil }
            return (next, true)
        }
        if clauseOnlyVerbs.contains(list[index].lower), pronounSubjects.contains(list[next].lower)
            || (["said", "says", "believes", "believed", "thinks", "thought"].contains(list[index].lower) && subjectStarters.contains(list[next].lower)) {
            // The word after the verb must itself be followed by a word (a clause goes on).
            guard tokens.nextWord(after: next) != nil else { return nil }
            return (index, false)
        }
        return nil
    }
}

/// "said that the …" / "said the …" / "stated that the …": a reporting verb with an equal-weight
/// synonym, and its optional complementiser, as one slot of three wordings.
struct ReportingVerbRule: SlotRule {
    let id = "reporting-verb"
    let reason = "Each group reports the same speech act with the same weight in cable prose (said/stated, noted/observed, emphasized/stressed/underscored, replied/responded, remarked/commented, argued/contended). Before a reported clause, copies write either verb with \"that\", or the group's first verb without it; from scheme 5 also the third verb of a group of three with \"that\", or \"stated\" (\"stating\") without it. After a speaker and before a pause, either verb."
    let summary = "said that … | stated that … | said … | stated …; \", he said.\" | \", he stated.\""
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

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
                if context.scheme >= .v5, let fourth = Self.fourthWording(verb: list[index].lower, partner: partner, normal: normal) {
                    alternatives.append(fourth.withThat ? "\(cased(fourth.verb)) \(that)" : cased(fourth.verb))
                }
                found.append(SlotCandidate(first: index, last: site.last, alternatives: alternatives, symbols: Array(alternatives.indices), original: 0, rule: id,
                                           canonical: site.hasThat ? 2 : 0))
                continue
            }
            // Without a clause: the verb after its speaker and before a pause (", he said."),
            // never passive, attributive or introducing a quotation; "replied to" / "responded to".
            let pauses: Set<String> = ["replied", "responded"].contains(list[index].lower) || ["replied", "responded"].contains(partner) ? [",", ".", ";", "to"] : [",", ".", ";"]
            guard index + 1 < list.count, pauses.contains(list[index + 1].lower), let previous = tokens.previousWord(before: index),
                  !["was", "were", "is", "are", "be", "been", "being", "the", "a", "an", "as", "to"].contains(list[previous].lower)
            else { continue }
            if index + 2 < list.count, ["\"", "\u{201C}", "'", "\u{2018}"].contains(String(list[index + 2].text)) { continue }
            // From scheme 12 a named speaker may also follow the verb (", Moratinos said." / ", said Moratinos.").
            if context.scheme >= .v12, let speaker = Self.namedSpeaker(before: index, in: tokens) {
                let subject = String(tokens.span(speaker, index - 1))
                let lowered = { (form: String) in tokens.allCaps ? form.uppercased() : form.lowercased() }
                var alternatives = ["\(subject) \(verb)", "\(subject) \(cased(partner))", "\(lowered(String(verb))) \(subject)", "\(lowered(partner)) \(subject)"]
                let canonical = normal == list[index].lower ? 0 : normal == partner ? 1 : 4
                if canonical == 4 { alternatives.append("\(subject) \(cased(normal))") }
                found.append(SlotCandidate(first: speaker, last: index, alternatives: alternatives, symbols: [0, 1, 2, 3], original: 0, rule: id, canonical: canonical))
                continue
            }
            var alternatives = [String(verb), cased(partner)]
            if normal != list[index].lower && normal != partner { alternatives.append(cased(normal)) }
            let canonical = normal == list[index].lower ? 0 : normal == partner ? 1 : 2
            found.append(SlotCandidate(first: index, last: index, alternatives: alternatives, symbols: [0, 1], original: 0, rule: id, canonical: canonical))
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
        if list[start].lower == "the", words.count >= 2, !words.dropFirst().contains(where: { ComplementizerRule.notInSubject.contains(list[$0].lower) }) { return start }
        return nil
    }
}

/// A redaction ("XXXXXXXXXXXX", "xxxxx"), which stands for a name.
func isRedaction(_ token: TextTokens.Token) -> Bool {
    token.text.count >= 4 && token.lower.allSatisfy { $0 == "x" }
}

/// A capitalised word in mixed-case text that is not a sentence opener: a name.
func isName(_ token: TextTokens.Token, _ tokens: TextTokens) -> Bool {
    !tokens.allCaps && token.isWord && (token.text.first?.isUppercase ?? false) && !token.hasDigit
}

/// "told us that …" / "informed us that …", and the optional "that" after "told X".
struct ToldInformedRule: SlotRule {
    let id = "told-informed"
    let reason = "With a person as object and a that-clause, \"told X that\" and \"informed X that\" both report that X was given the information; neither adds or removes a nuance of instruction (\"told X to\" is never matched)."
    let summary = "told X that | informed X that"
    let profile = FingerprintProfile.standard

    static let forms: [String: String] = ["told": "informed", "informed": "told", "tells": "informs", "informs": "tells"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let other = Self.forms[list[index].lower], let objectEnd = ToldThatRule.objectEnd(after: index, in: tokens),
                  let that = tokens.nextWord(after: objectEnd), list[that].lower == "that" else { continue }
            if let previous = tokens.previousWord(before: index), ["was", "were", "been", "being", "be", "is", "are"].contains(list[previous].lower) { continue }
            let template = list[index].text
            let alternative = applyCase(other, template: template, sentenceStart: tokens.startsSentence(index), allCaps: tokens.allCaps)
            let plain = ["told", "tells"].contains(list[index].lower) ? 0 : 1
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(template), alternative], symbols: [0, 1], original: 0, rule: id, canonical: plain))
        }
        return found
    }
}

/// "told the Ambassador that the …" / "told the Ambassador the …".
struct ToldThatRule: SlotRule {
    let id = "told-that"
    let reason = "After \"told\" or \"informed\" and its object, the complementiser \"that\" is optional before a clause with its own subject; the reported content is the same."
    let summary = "told X that … | told X … (also informed, assured, reminded, warned, advised, promised)"
    let profile = FingerprintProfile.strict

    /// Verbs of telling that take a person and a that-clause.
    static let verbs: Set<String> = ["told", "informed", "assured", "reminded", "warned", "advised", "promised", "tells", "informs", "assures", "reminds"]
    static let objects: Set<String> = ["us", "him", "her", "them", "me", "you", "poloff", "polcouns", "emboff", "emboffs", "econoff", "polchief", "pol/econ", "ambassador", "dcm", "charge", "visitors", "codel", "staffdel"]

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
                  subjectStarters.contains(list[starter].lower) || isName(list[starter], tokens) else { continue }
            let object = list[objectEnd].text
            found.append(SlotCandidate(first: objectEnd, last: that, alternatives: ["\(object) \(list[that].text)", String(object)], symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}

/// "will also attend" / "also will attend": "also" before or after an auxiliary.
struct AlsoAuxiliaryRule: SlotRule {
    let id = "also-auxiliary"
    let reason = "\"Also\" may stand before or after an auxiliary or modal verb (\"will also\" / \"also will\") with the same scope; the modal itself is never changed."
    let summary = "will also | also will (has, have, had, will, would, could, can, should, may, might, must)"
    let profile = FingerprintProfile.standard

    static let auxiliaries: Set<String> = ["has", "have", "had", "will", "would", "could", "can", "should", "may", "might", "must"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let next = tokens.nextWord(after: index), let after = tokens.nextWord(after: next) else { continue }
            let a = list[index], b = list[next]
            // The verb that follows must not be a negation ("will also not" stays as it is).
            if ["not", "never", "no"].contains(list[after].lower) { continue }
            if Self.auxiliaries.contains(a.lower), b.lower == "also" {
                // Only after a subject: "he will also", not "will also" opening a question.
                guard let subject = tokens.previousWord(before: index), !Self.auxiliaries.contains(list[subject].lower) else { continue }
                found.append(SlotCandidate(first: index, last: next, alternatives: ["\(a.text) \(b.text)", "\(b.text) \(a.text)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
            } else if a.lower == "also", Self.auxiliaries.contains(b.lower) {
                guard tokens.previousWord(before: index) != nil else { continue }
                found.append(SlotCandidate(first: index, last: next, alternatives: ["\(a.text) \(b.text)", "\(b.text) \(a.text)"], symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }
}

/// "A, B, and C" / "A, B and C": the serial comma.
struct SerialCommaRule: SlotRule {
    let id = "serial-comma"
    let reason = "In a list of three or more items the comma before the final \"and\"/\"or\" is a matter of style; the items and their grouping are unchanged."
    let summary = "A, B, and C | A, B and C"
    let profile = FingerprintProfile.strict

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && ["and", "or"].contains(list[index].lower) && !list[index].quoted {
            guard index >= 2, tokens.nextWord(after: index) != nil else { continue }
            if list[index - 1].text == ",", tokens.spaceAfter(index - 1) {
                // Serial comma present: item B before it, and a comma before B.
                guard list[index - 2].isWord, let itemStart = itemStart(before: index - 2, in: tokens), itemStart > 0,
                      list[itemStart - 1].text == ",", !(itemStart...index).contains(where: { list[$0].hasDigit }) else { continue }
                // From scheme 12 the comma must close a list item, not an aside ("still occurring, however, and")
                // or a clause ("slanderous, he added, and").
                if context.scheme >= .v12, Self.asides.contains(list[index - 2].lower) || !isListItem(itemStart, index - 2, in: tokens) { continue }
                let word = list[index - 2].text
                found.append(SlotCandidate(first: index - 2, last: index, alternatives: ["\(word), \(list[index].text)", "\(word) \(list[index].text)"], symbols: [0, 1], original: 0, rule: id, canonical: 1))
            } else if list[index - 1].isWord {
                // No serial comma: require at least two comma-separated items before (A, B, C and D).
                guard let itemB = itemStart(before: index - 1, in: tokens), itemB >= 2, list[itemB - 1].text == ",",
                      let itemA = itemStart(before: itemB - 2, in: tokens), itemA >= 1, list[itemA - 1].text == ",",
                      list[itemB - 2].isWord, list[itemA - 2].isWord,
                      !((itemA - 2)...index).contains(where: { list[$0].hasDigit }) else { continue }
                // From scheme 12 both items before must read as list items: "cess, biannually, between our AG and
                // the Justice Minister" joins two people, and a comma there would split "between A and B".
                if context.scheme >= .v12, !isListItem(itemA, itemB - 2, in: tokens) || !isListItem(itemB, index - 1, in: tokens) { continue }
                let word = list[index - 1].text
                found.append(SlotCandidate(first: index - 1, last: index, alternatives: ["\(word) \(list[index].text)", "\(word), \(list[index].text)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
        }
        return found
    }

    /// Words that end an aside, not a list item, before a comma ("however, and", "either, and").
    static let asides: Set<String> = [
        "however", "either", "too", "though", "also", "therefore", "instead", "meanwhile", "moreover", "furthermore",
        "nevertheless", "nonetheless", "thus", "again", "added", "said", "says", "noted", "stressed", "argued", "insisted",
        "explained", "claimed", "believes", "thinks", "insist", "insists", "say", "believe", "think", "hoped",
    ]
    /// Words that make a stretch a clause or one half of a pair rather than an item of a list of three or more.
    static let notInListItems: Set<String> = [
        "between", "both", "either", "neither", "whether", "did", "does", "do", "is", "was", "are", "were", "be", "been",
        "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "he", "she", "they", "we",
        "it", "i", "you", "who", "which", "that", "there", "not",
    ]

    /// Whether the words `first...last` can be one item of a list.
    private func isListItem(_ first: Int, _ last: Int, in tokens: TextTokens) -> Bool {
        first <= last && !(first...last).contains { tokens.tokens[$0].isWord && Self.notInListItems.contains(tokens.tokens[$0].lower) }
    }

    /// The first token of a short list item (one to three words, no punctuation) ending at `last`.
    private func itemStart(before last: Int, in tokens: TextTokens) -> Int? {
        var start = last
        var count = 1
        while start > 0, tokens.tokens[start - 1].isWord, count < 3 {
            start -= 1
            count += 1
        }
        if start > 0, tokens.tokens[start - 1].isWord { return nil }
        return start
    }
}

/// "During the meeting, he said" / "During the meeting he said": the comma after a short
/// introductory prepositional phrase.
struct IntroductoryCommaRule: SlotRule {
    let id = "introductory-comma"
    let reason = "A comma after a short introductory prepositional phrase is optional; the phrase still modifies the whole sentence."
    let summary = "During the meeting, he … | During the meeting he …"
    let profile = FingerprintProfile.standard

    static let prepositions: Set<String> = ["during", "in", "at", "after", "following", "throughout", "upon", "under", "within", "despite", "since", "before"]
    static let fixed: Set<String> = ["addition", "particular", "general", "short", "fact", "sum", "contrast", "turn", "response", "return", "any", "other"]
    /// Scheme 3 adds these openers and phrases of up to seven words.
    static let schemeThreePrepositions: Set<String> = prepositions.union([
        "on", "for", "with", "according", "among", "between", "over", "through", "without", "beyond", "unlike", "like",
        "regarding", "concerning", "given", "amid", "across", "against", "by", "from", "outside", "inside", "behind", "along",
    ])
    static let notClauseStarts: Set<String> = [
        "that", "which", "who", "whom", "whose", "where", "when", "such", "including", "especially", "particularly", "notably", "for",
        "however", "too", "as", "and", "but", "or", "nor", "in", "of", "with", "at", "on", "by", "to", "from", "etc", "both", "either",
        "neither", "namely", "even", "although", "though", "if", "while", "i", "e", "not", "like", "than", "after", "before", "since",
    ]
    static let schemeThreeFixed: Set<String> = fixed.union(["example", "instance", "course", "hand", "balance", "whole", "now", "once", "all"])
    /// Words a main clause may open with right after an introductory phrase (from scheme 12).
    static let clauseOpeners: Set<String> = [
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many", "most",
        "several", "each", "every", "both", "no", "any", "few", "much", "other", "he", "she", "it", "they", "we", "i", "you",
        "there", "one",
    ]

    /// Whether the word at `index` opens the main clause itself rather than an aside or a noun the phrase could absorb.
    private func opensMainClause(at index: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        let word = list[index]
        let opener = Self.clauseOpeners.contains(word.lower)
        guard opener || isRedaction(word) || (!tokens.allCaps && (word.text.first?.isUppercase ?? false)) else { return false }
        // "he said," / "she noted," right after the comma is an aside, whatever opens it.
        if let verb = tokens.nextWord(after: index), verb + 1 < list.count, list[verb + 1].text == ",",
           SerialCommaRule.asides.contains(list[verb].lower) { return false }
        return true
    }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        let three = context.scheme >= .v3
        let openers = three ? Self.schemeThreePrepositions : Self.prepositions
        let longest = three ? 7 : 5
        for index in list.indices where list[index].isWord && openers.contains(list[index].lower) && !list[index].quoted {
            guard tokens.startsSentence(index) else { continue }
            // Two to five (from scheme 3, seven) words, then a comma, then a word.
            var end = index
            while let next = tokens.nextWord(after: end), end - index < longest { end = next }
            guard end > index, end + 2 < list.count, list[end + 1].text == ",", list[end + 2].isWord,
                  tokens.spaceAfter(end + 1) else { continue }
            if (index...end).contains(where: { list[$0].hasDigit }) { continue }
            if let second = tokens.nextWord(after: index), (three ? Self.schemeThreeFixed : Self.fixed).contains(list[second].lower) { continue }
            // Two capitalised words would meet without the comma ("In Kabul Karzai said"): they could read as one name.
            if three, !tokens.allCaps, list[end].text.first?.isUppercase ?? false, list[end + 2].text.first?.isUppercase ?? false { continue }
            // From scheme 3 the comma must close the phrase and open the main clause: not a comma that
            // opens an aside or a relative clause ("In some cases, such as …", "After two days, that …"),
            // and written right after its word.
            if three, Self.notClauseStarts.contains(list[end + 2].lower) || list[end + 1].start != list[end].end { continue }
            // From scheme 12 the main clause must open with a determiner, a pronoun or (in mixed case) a name,
            // so that the phrase cannot run on into it ("Despite the press fury reaction from …"), and not with
            // an aside ("Like a skilled boxer, he said, the key …" would make him speak like a boxer).
            if context.scheme >= .v12, !opensMainClause(at: end + 2, in: tokens) { continue }
            let word = list[end].text
            // A normaliser cannot find the comma-less form again, so from scheme 2 on it writes that.
            found.append(SlotCandidate(first: end, last: end + 1, alternatives: ["\(word),", String(word)], symbols: [0, 1], original: 0, rule: id,
                                       canonical: context.scheme >= .v2 ? 1 : 0))
        }
        return found
    }
}

/// "Pakistan's position" / "the position of Pakistan".
struct GenitiveRule: SlotRule {
    let id = "genitive"
    let reason = "For a country and an abstract noun such as position, policy or government, the s-genitive and the of-genitive name the same thing (\"Pakistan's position\" / \"the position of Pakistan\"); the name itself is kept. From scheme 8 only where the phrase surely ends (never before \"and\", \"or\", \"of\" or a noun), never after a capitalised word that may begin the name, and never after \"and\" or \"or\"."
    let summary = "Pakistan's position | the position of Pakistan"
    let profile = FingerprintProfile.standard

    static let nouns: Set<String> = [
        "position", "policy", "policies", "government", "decision", "role", "efforts", "concerns", "support", "relationship",
        "economy", "proposal", "request", "response", "stance", "view", "views", "interests", "priorities", "leadership",
        "commitment", "participation", "security", "sovereignty", "future", "approach", "strategy", "ability", "willingness",
        "reluctance", "influence", "assistance", "cooperation", "objectives", "goals", "intentions", "reaction", "capacity",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            let lower = list[index].lower
            // X's N
            for suffix in ["'s", "\u{2019}s"] where lower.hasSuffix(suffix) {
                let country = String(list[index].text.dropLast(2))
                guard Gazetteer.countries.contains(country.lowercased()), let noun = tokens.nextWord(after: index),
                      Self.nouns.contains(list[noun].lower) else { continue }
                // Not inside a longer noun phrase ("the Pakistan's") or before "of" ("X's view of").
                if let previous = tokens.previousWord(before: index), ["the", "a", "an"].contains(list[previous].lower) { continue }
                // From scheme 8 the noun must end its phrase (scheme 7 wrote "the security of Pakistan forces"),
                // and the country must not end a longer name (it wrote "United the leadership of Russia").
                if context.scheme >= .v8, !endsNounPhrase(at: noun, in: tokens) || mayEndLongerName(index, in: tokens) { continue }
                // Nor one of two possessors ("France and Germany's position" may be theirs together).
                if context.scheme >= .v8, let previous = tokens.previousWord(before: index), ["and", "or", "nor"].contains(list[previous].lower) { continue }
                let initial = tokens.startsSentence(index)
                let the = applyCase("the", template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps)
                let of = tokens.allCaps ? "OF" : "of"
                let span = tokens.span(index, noun)
                found.append(SlotCandidate(first: index, last: noun, alternatives: [String(span), "\(the) \(list[noun].text) \(of) \(country)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
            // the N of X
            guard lower == "the", let noun = tokens.nextWord(after: index), Self.nouns.contains(list[noun].lower),
                  let of = tokens.nextWord(after: noun), list[of].lower == "of", let country = tokens.nextWord(after: of),
                  Gazetteer.countries.contains(list[country].lower) else { continue }
            // The country must end the phrase (not "the position of Pakistan Army").
            if let after = tokens.nextWord(after: country), isName(list[after], tokens) || tokens.allCaps { _ = after; continue }
            // From scheme 8 for sure: scheme 7 wrote "France's views and Germany" for "the views of France and Germany".
            if context.scheme >= .v8, !endsNounPhrase(at: country, in: tokens) { continue }
            let span = tokens.span(index, country)
            let apostrophe = span.contains("\u{2019}") ? "\u{2019}" : "'"
            let s = tokens.allCaps ? "S" : "s"
            found.append(SlotCandidate(first: index, last: country, alternatives: [String(span), "\(list[country].text)\(apostrophe)\(s) \(list[noun].text)"], symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}

/// "GOI" / "Government of India", for abbreviations the cable itself defines.
struct DefinedAbbreviationRule: SlotRule {
    let id = "defined-abbreviation"
    let reason = "An abbreviation the cable defines (\"Government of India (GOI)\") names exactly what its expansion names; after the definition either may be written."
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
                  !context.definitionSites.contains([context.paragraph, index]) else { continue }
            // Inside its own parentheses it is a definition; elsewhere it may be expanded.
            if index > 0, list[index - 1].text == "(" { continue }
            // "GID Director" must not become "… Intelligence Director Director".
            if let next = tokens.nextWord(after: index), expansion.lowercased().hasSuffix(" " + list[next].lower) { continue }
            let expanded = tokens.allCaps ? expansion.uppercased() : expansion
            found.append(SlotCandidate(first: index, last: index, alternatives: [word, expanded], symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}
