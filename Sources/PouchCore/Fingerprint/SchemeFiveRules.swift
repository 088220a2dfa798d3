/// Rules added in scheme 5. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.

/// "information on the attack" / "information regarding the attack" / "information concerning
/// the attack": the preposition that names the topic of a noun of information or deliberation.
struct TopicPrepositionRule: SlotRule {
    let id = "topic-on-regarding"
    let reason = "After a noun of information, opinion or deliberation (information, views, position, decision, debate, statement, briefing, legislation, …), \"on\" names its topic, and so do \"regarding\" and \"concerning\". Only \"on\" is looked for, and only before a determiner or a question word, never before a place, a medium, a time or a fixed phrase (\"on the sidelines\", \"on the record\", \"on the ground\", \"on the part of\"), and never after a head used as a verb (\"to report on\")."
    let summary = "information on the … | information regarding the … | information concerning the …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v5

    static let heads: Set<String> = [
        "information", "views", "discussion", "discussions", "decision", "decisions", "comments", "comment", "details",
        "position", "positions", "stance", "debate", "debates", "briefing", "briefings", "statement", "statements", "remarks",
        "report", "reports", "consultations", "negotiations", "guidance", "advice", "update", "updates", "presentation",
        "seminar", "workshop", "conference", "legislation", "bill", "resolution", "policy", "policies", "proposal",
        "proposals", "study", "studies", "research", "questions", "question", "data", "statistics", "assessment", "analysis",
        "readout", "dialogue", "perspective", "perspectives", "thoughts", "opinion", "opinions", "ideas", "input", "feedback",
    ]
    /// Words before the head that make it a verb ("to report on", "they comment on").
    static let verbSignals: Set<String> = [
        "to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does", "do", "not", "he", "she", "they",
        "we", "i", "you", "who", "it",
    ]
    /// What may follow "on" so that it heads a topic: a determiner or a question word.
    static let openers: Set<String> = [
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "such", "any", "how", "whether", "what",
        "why", "which", "possible", "recent", "future", "current", "further",
    ]
    /// Nouns after the determiner that make "on" a place, a medium, a time or part of a fixed phrase.
    static let notTopics: Set<String> = [
        "margins", "margin", "sidelines", "ground", "phone", "telephone", "basis", "part", "eve", "occasion", "side", "sides", "table",
        "agenda", "way", "record", "website", "web", "internet", "site", "page", "front", "radio", "television", "tv", "air",
        "weekend", "day", "days", "morning", "afternoon", "evening", "night", "week", "list", "floor", "spot", "scene", "street",
        "streets", "hill", "same", "other", "one", "condition", "behalf", "verge", "brink", "edge", "heels", "order", "orders",
        "instructions", "instruction", "initiative", "request", "arrival", "return", "back", "top", "bottom", "border", "island",
        "coast", "outskirts", "periphery", "surface", "books", "ballot", "docket", "horizon", "whole", "contrary", "hand",
        "grounds", "plane", "flight", "board", "premises", "territory", "soil", "road", "trail", "campus", "net", "screen",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "on" {
            guard let head = tokens.previousWord(before: index), Self.heads.contains(list[head].lower),
                  !(tokens.previousWord(before: head).map { Self.verbSignals.contains(list[$0].lower) } ?? false),
                  let opener = tokens.nextWord(after: index), Self.openers.contains(list[opener].lower) else { continue }
            // The words after the opener, up to three: none may make "on" a place, medium or time.
            var look = opener
            var blocked = false
            for _ in 0..<3 {
                guard let next = tokens.nextWord(after: look) else { break }
                if Self.notTopics.contains(list[next].lower) || list[next].hasDigit { blocked = true }
                look = next
            }
            if blocked || Self.notTopics.contains(list[opener].lower) { continue }
            let on = list[index].text
            let cased = { (word: String) in applyCase(word, template: on, sentenceStart: false, allCaps: tokens.allCaps) }
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(on), cased("regarding"), cased("concerning")],
                                       symbols: [0, 1, 2], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}

/// "(e.g., the north)" / "(for example, the north)" / "(for instance, the north)"; "i.e." / "that is".
struct LatinAbbreviationRule: SlotRule {
    let id = "e-g-i-e"
    let reason = "\"E.g.\" is read \"for example\" (or \"for instance\") and \"i.e.\" is read \"that is\"; writing the words out changes nothing but the spelling."
    let summary = "e.g. | for example | for instance; i.e. | that is"
    let profile = FingerprintProfile.strict
    let since = FingerprintScheme.v5

    static let expansions: [String: [String]] = ["e.g": ["for example", "for instance"], "i.e": ["that is"]]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let expansions = Self.expansions[list[index].lower], index + 1 < list.count, list[index + 1].text == "." else { continue }
            let initial = tokens.startsSentence(index)
            let written = expansions.map { applyCase($0, template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps) }
            found.append(SlotCandidate(first: index, last: index + 1, alternatives: [String(tokens.span(index, index + 1))] + written,
                                       symbols: Array(0...expansions.count), original: 0, rule: id, canonical: 0))
        }
        return found
    }
}

/// "non-proliferation" / "nonproliferation": a prefix written with or without its hyphen.
struct PrefixHyphenRule: SlotRule {
    let id = "prefix-hyphen"
    let reason = "A word formed with a prefix (non-, anti-, re-, co-, post-, multi-, …) may be written with or without the hyphen (\"non-proliferation\" / \"nonproliferation\"); both spellings are in the dictionary and mean the same. Only listed words are varied, so a pair whose closed form is another word (\"re-sign\" / \"resign\") never is; a word in title case, or before a capitalised word or \"Treaty\", \"Act\", \"Pact\", \"Convention\" or \"Movement\", may be part of a name and is left alone. From scheme 9 also \"cooperation\" / \"co-operation\" (with \"cooperate\", \"cooperative\" …) and \"coordination\" / \"co-ordination\", in cables written in mixed case only, where a name in title case (\"Gulf Cooperation Council\") can be told apart."
    let summary = "non-proliferation | nonproliferation; re-election | reelection; cooperation | co-operation; …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v5

    /// Hyphenated forms whose closed form is also an en_US dictionary word with the same meaning.
    /// ("pre-" is not a word of its own, so a spell checker would "correct" "pre-war": not listed.)
    static let hyphenated: Set<String> = [
        "anti-aircraft", "anti-crime", "anti-drug", "anti-nuclear", "anti-terrorism", "anti-terrorist", "anti-democratic",
        "anti-establishment", "anti-union", "anti-apartheid", "anti-capitalist", "anti-government", "anti-war", "anti-missile",
        "anti-personnel", "anti-tank", "co-host", "co-sponsor", "co-sponsored", "co-sponsors", "co-exist", "co-existence",
        "co-equal", "co-author", "counter-insurgency", "counter-productive", "counter-proposal", "counter-proposals",
        "counter-balance", "counter-weight", "counter-charge", "counter-offensive", "counter-attack", "counter-intelligence",
        "inter-related", "inter-operable", "inter-operability", "inter-dependency", "inter-dependence", "inter-relationships",
        "inter-governmental", "mid-term", "mid-day", "multi-ethnic", "multi-party", "multi-faceted", "multi-year",
        "multi-million", "multi-layered", "multi-purpose", "multi-national", "non-aggression", "non-aligned", "non-binding",
        "non-compliance", "non-compliant", "non-democratic", "non-existent", "non-governmental", "non-interference",
        "non-lethal", "non-member", "non-members", "non-military", "non-nuclear", "non-official", "non-partisan", "non-payment",
        "non-permanent", "non-political", "non-proliferation", "non-religious", "non-sectarian", "non-specific", "non-starter",
        "non-traditional", "non-violent", "non-violence", "non-issue", "non-participation", "non-conventional", "non-citizen",
        "non-citizens", "non-food", "non-competitive", "non-racial", "non-profit", "non-combatant", "non-combatants",
        "non-resident", "non-residents", "non-essential", "non-negotiable", "non-renewable", "post-war", "post-election",
        "post-colonial", "post-graduate", "re-election", "re-elected", "re-elect", "re-establish", "re-established",
        "re-establishing", "re-establishment", "re-engage", "re-engaged", "re-evaluation", "re-evaluate", "re-energize",
        "re-integration", "re-integrate", "re-emerge", "re-emerged", "re-emergence", "re-enter", "re-entry", "re-examine",
        "re-arm", "re-supply", "semi-official", "semi-annual", "sub-committee", "sub-committees", "sub-group", "sub-groups",
        "sub-contractor", "sub-contractors", "sub-optimal",
    ]
    /// Closed form → hyphenated form.
    static let closed: [String: String] = Dictionary(uniqueKeysWithValues: hyphenated.map { (String($0.filter { $0 != "-" }), $0) })
    /// Words after which the prefixed word may belong to a name.
    static let nameHeads: Set<String> = ["treaty", "act", "pact", "convention", "movement", "party", "committee", "commission", "council", "front", "law"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && !list[index].hasDigit {
            let word = list[index].lower
            guard let other = Self.otherSpelling(of: word, scheme: context.scheme, allCaps: tokens.allCaps) else { continue }
            let text = list[index].text
            // Only a capital at the start (a sentence start) in mixed case: "Non-Proliferation" is a name's spelling.
            if !tokens.allCaps, text.dropFirst().contains(where: \.isUppercase) { continue }
            if !tokens.allCaps, text.first?.isUppercase ?? false, !tokens.startsSentence(index) { continue }
            if let next = tokens.nextWord(after: index) {
                if Self.nameHeads.contains(list[next].lower) { continue }
                if !tokens.allCaps, list[next].text.first?.isUppercase ?? false { continue }
            }
            let written = applyCase(other, template: text, sentenceStart: text.first?.isUppercase ?? false, allCaps: tokens.allCaps)
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(text), written], symbols: [0, 1], original: 0, rule: id,
                                       canonical: word.contains("-") ? 1 : 0))
        }
        return found
    }
}

/// "cease-fire" / "ceasefire", "web site" / "website": a compound that standard usage spells
/// closed, hyphenated or open with no change of meaning.
struct CompoundSpellingRule: SlotRule {
    let id = "compound-spelling"
    let reason = "These compounds have two or three standard spellings, closed, hyphenated or open (\"cease-fire\" / \"ceasefire\", \"policymakers\" / \"policy-makers\" / \"policy makers\", \"under way\" / \"underway\"); every spelling is in the dictionary and they name the same thing. A compound in title case, or before a capitalised word, may be part of a name and is left alone."
    let summary = "cease-fire | ceasefire; website | web site; policymakers | policy-makers | policy makers; …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v5

    /// Each group lists the spellings of one compound (lower case).
    static let groups: [[String]] = [
        ["cease-fire", "ceasefire"], ["cease-fires", "ceasefires"], ["hard-liners", "hardliners"], ["hard-liner", "hardliner"],
        ["build-up", "buildup"], ["break-up", "breakup"], ["shake-up", "shakeup"], ["standoff", "stand-off"],
        ["longstanding", "long-standing"], ["worldwide", "world-wide"], ["underway", "under way"], ["peacekeeping", "peace-keeping"],
        ["peacekeepers", "peace-keepers"], ["peacekeeper", "peace-keeper"], ["policymakers", "policy-makers", "policy makers"],
        ["policymaker", "policy-maker", "policy maker"], ["policymaking", "policy-making", "policy making"],
        ["health care", "healthcare"], ["website", "web site"], ["websites", "web sites"], ["email", "e-mail"], ["emails", "e-mails"],
        ["emailed", "e-mailed"],
    ]
    /// The spellings that are one token ("cease-fire"), which the hyphenated-compound rule leaves to this one.
    static let listed: Set<String> = Set(groups.joined().filter { !$0.contains(" ") })
    /// Each spelling as words, with its group and place in it; longest first, so "web site" wins over a shorter match.
    static let spellings: [(words: [String], group: Int, form: Int)] = groups.enumerated().flatMap { group, forms in
        forms.enumerated().map { (String($0.element).split(separator: " ").map(String.init), group, $0.offset) }
    }.sorted { $0.words.count > $1.words.count }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        var index = 0
        while index < list.count {
            defer { index += 1 }
            guard list[index].isWord, !list[index].quoted else { continue }
            for spelling in Self.spellings where spelling.words[0] == list[index].lower {
                guard let last = tokens.endOfPhrase(spelling.words, at: index) else { continue }
                let template = tokens.span(index, last)
                // Title case or a capitalised word after it in mixed case: perhaps a name ("Peacekeeping Operations").
                // A capital in mixed case other than at a sentence start ("Classified Website") marks a name too.
                if !tokens.allCaps {
                    if template.dropFirst().contains(where: \.isUppercase) { break }
                    if template.first?.isUppercase ?? false, !tokens.startsSentence(index) { break }
                    if let next = tokens.nextWord(after: last), list[next].text.first?.isUppercase ?? false { break }
                }
                let capital = template.first?.isUppercase ?? false
                var alternatives = Self.groups[spelling.group].map { applyCase($0, template: template, sentenceStart: capital, allCaps: tokens.allCaps) }
                alternatives[spelling.form] = String(template)
                found.append(SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: Array(alternatives.indices), original: spelling.form,
                                           rule: id, canonical: 0))
                index = last
                break
            }
        }
        return found
    }
}
