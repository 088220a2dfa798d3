/// Abbreviations every reader of cables knows, written out or not: "USG" / "U.S. Government".
struct KnownAbbreviationRule: SlotRule {
    let id = "known-abbreviation"
    let reason = "These abbreviations have one fixed expansion in diplomatic usage (USG, UN, EU, UK, UNSC, PM, FM, MFA, DCM; from scheme 7 also NATO, NSC, MOD, FBI, DEA, IMF, WTO, GCC, OAS, IAEA, GDP, HQ, TV, VP, CEO, PRC, ROK, CIA, DHS, A/S, U/S, AA/S, S/E, UNGA, NGO, DTOs, SG, USAID, and, only where the cable writes them, UAE, ISAF, DAS, OSCE, HMG, DPRK, IDPs, PRT, FCO and IPR, and from scheme 8 DOE, DOD and DOJ); the abbreviation and its expansion name the same body or office. From scheme 10 \"UK\" before a listed noun may also be \"British\" (\"UK officials\" / \"British officials\"), as \"U.S.\" may be \"American\". Where a cable defines an abbreviation itself, its own definition rules instead."
    let summary = "USG | U.S. Government | United States Government; UN | United Nations; EU | European Union; …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

    struct Expansion {
        var wordings: [String]
        /// Whether copies write the abbreviation itself. A spell checker would "correct" USG,
        /// UNSC or DCM, so where there are two expansions copies use those and the bare
        /// abbreviation reads as no evidence.
        var abbreviationIsSymbol: Bool
        /// From scheme 7: the abbreviation is not a dictionary word and there is one expansion
        /// ("UAE"), so only the abbreviation the cable itself writes is varied, and a normaliser
        /// writes it out. Copies never bring the abbreviation in where the cable wrote the name.
        var onlyWhereWritten = false
    }

    static let expansions: [String: Expansion] = [
        "USG": Expansion(wordings: ["U.S. Government", "United States Government"], abbreviationIsSymbol: false),
        "UNSC": Expansion(wordings: ["UN Security Council", "United Nations Security Council"], abbreviationIsSymbol: false),
        "UN": Expansion(wordings: ["United Nations"], abbreviationIsSymbol: true),
        "EU": Expansion(wordings: ["European Union"], abbreviationIsSymbol: true),
        "UK": Expansion(wordings: ["United Kingdom"], abbreviationIsSymbol: true),
        "PM": Expansion(wordings: ["Prime Minister"], abbreviationIsSymbol: true),
        "FM": Expansion(wordings: ["Foreign Minister"], abbreviationIsSymbol: true),
        "MFA": Expansion(wordings: ["Foreign Ministry", "Ministry of Foreign Affairs"], abbreviationIsSymbol: true),
        "DCM": Expansion(wordings: ["Deputy Chief of Mission"], abbreviationIsSymbol: true),
    ]
    /// Scheme 6's extra form of "USG", written by copies and so found again by a normaliser.
    static let americanGovernment: (abbreviation: String, form: Int, tokens: [String]) = ("USG", 3, ["american", "government"])
    static let schemeSixForms = (forms + [americanGovernment]).sorted { $0.tokens.count > $1.tokens.count }

    /// Titles of Department of State officers: after one of them "PM" names a bureau.
    static let departmentOffices: Set<String> = ["A/S", "DAS", "PDAS", "AA/S", "U/S", "Bureau", "bureau"]
    /// Words after "FM" or "PM" that show another sense (radio, a time of day).
    static let otherSenses: Set<String> = ["radio", "station", "stations", "frequency", "band", "broadcast", "broadcasts", "local", "time"]

    /// Every form of every entry as lower-cased tokens: (abbreviation, form index, tokens).
    static let forms: [(abbreviation: String, form: Int, tokens: [String])] = expansions.flatMap { abbreviation, expansion in
        ([abbreviation] + expansion.wordings).enumerated().map { (abbreviation, $0.offset, TextTokens($0.element).tokens.map(\.lower)) }
    }.sorted { $0.tokens.count > $1.tokens.count }

    /// Whether the word at `index` follows "REL" or "REL TO" (a release marking: "(S/Rel UK)").
    static func isReleasedTo(_ index: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard let previous = tokens.previousWord(before: index) else { return false }
        if list[previous].lower == "rel" { return true }
        guard list[previous].lower == "to", let before = tokens.previousWord(before: previous) else { return false }
        return list[before].lower == "rel"
    }

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        let (table, forms) = context.scheme >= .v8 ? (Self.schemeEightExpansions, Self.schemeEightForms)
            : context.scheme >= .v7 ? (Self.schemeSevenExpansions, Self.schemeSevenForms)
            : (Self.expansions, context.scheme >= .v6 ? Self.schemeSixForms : Self.forms)
        var found: [SlotCandidate] = []
        var index = 0
        while index < list.count {
            defer { index += 1 }
            guard list[index].isWord, !list[index].quoted else { continue }
            // The longest form that starts here ("United Nations Security Council" before "United Nations").
            guard let match = forms.first(where: { form in
                index + form.tokens.count <= list.count && (0..<form.tokens.count).allSatisfy { list[index + $0].lower == form.tokens[$0] && !list[index + $0].quoted }
                    // The bare abbreviation is matched in capitals only ("un" or "Eu" are something else).
                    && (form.form > 0 || Self.isWrittenInCapitals(form.abbreviation, first: index, count: form.tokens.count, in: tokens))
            }), context.abbreviations[match.abbreviation] == nil, let expansion = table[match.abbreviation] else { continue }
            let last = index + match.tokens.count - 1
            // Not beside a number ("3 PM"), a hyphen or an apostrophe ("UN-led", "EU's").
            if index > 0, list[index - 1].hasDigit || ["-", "'", "\u{2019}", "/"].contains(String(list[index - 1].text)) { continue }
            if last + 1 < list.count {
                let next = list[last + 1]
                if next.hasDigit || ["-", "'", "\u{2019}", "/"].contains(String(next.text)) || next.lower.hasPrefix("'") || Self.otherSenses.contains(next.lower) { continue }
            }
            // From scheme 11 never in a release marking ("(S/Rel UK)", "REL TO UK"): markings are never touched.
            if context.scheme >= .v11, Self.isReleasedTo(index, in: tokens) { continue }
            // From scheme 12 "PM" before an office of the Department ("PM A/S Rood", "PM DAS") is the
            // Bureau of Political-Military Affairs, not a Prime Minister.
            if context.scheme >= .v12, match.abbreviation == "PM", match.form == 0, let next = tokens.nextWord(after: last),
               Self.departmentOffices.contains(String(list[next].text))
                || Self.departmentOffices.contains(String(tokens.span(next, min(next + 2, list.count - 1)))) { continue }
            // In a cable written in capitals "PM" could be a time of day, so it needs a word after it.
            if tokens.allCaps, ["PM", "FM"].contains(match.abbreviation), last + 1 >= list.count || !list[last + 1].isWord { continue }
            if context.scheme >= .v7, !Self.fitsBeside(match.abbreviation, first: index, in: tokens) { continue }
            var written = ([match.abbreviation] + expansion.wordings).map { tokens.allCaps ? $0.uppercased() : $0 }
            // A written-out form in lower case ("nongovernmental organizations") opening a sentence takes its capital.
            if tokens.startsSentence(index) {
                written = written.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            }
            var symbols = expansion.abbreviationIsSymbol || expansion.onlyWhereWritten ? Array(written.indices.prefix(4)) : Array(1..<written.count)
            // From scheme 6 "USG" may also be "American Government", where "the" comes before it or
            // a listed noun after it ("USG officials"), never after "a" or "an"; a normaliser finds it again.
            let previous = tokens.previousWord(before: index).map { list[$0].lower }
            let isAmericanGovernment = match.form == Self.americanGovernment.form && match.abbreviation == Self.americanGovernment.abbreviation
            // "an American Government official" takes another article than "a U.S. Government official".
            if isAmericanGovernment, previous == "a" || previous == "an" { continue }
            if context.scheme >= .v6, match.abbreviation == "USG",
               isAmericanGovernment || previous == "the" || UnitedStatesRule.modifiesListedNoun(first: index, last: last, in: tokens) {
                written.append(tokens.allCaps ? "AMERICAN GOVERNMENT" : "American Government")
                symbols.append(written.count - 1)
            }
            // From scheme 10 "UK" before a listed noun may also be "British" ("UK officials" /
            // "United Kingdom officials" / "British officials"), as "U.S." may be "American".
            if context.scheme >= .v10, match.abbreviation == "UK", UnitedStatesRule.modifiesListedNoun(first: index, last: last, in: tokens) {
                written.append(tokens.allCaps ? "BRITISH" : "British")
                symbols.append(written.count - 1)
            }
            var alternatives = written
            alternatives[match.form] = String(tokens.span(index, last))
            found.append(SlotCandidate(first: index, last: last, alternatives: alternatives, symbols: symbols, original: match.form, rule: id,
                                       canonical: expansion.onlyWhereWritten ? 1 : 0))
            index = last
        }
        return found
    }
}

/// "Separately, the minister …" / "Separately the minister …": the comma after a short adverb opening a sentence.
struct SentenceAdverbCommaRule: SlotRule {
    let id = "sentence-adverb-comma"
    let reason = "After a one-word adverb of time, sequence or manner opening a sentence, the comma is optional; the adverb still modifies the whole sentence."
    let summary = "Separately, he … | Separately he …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

    /// Adverbs that cannot be read as part of the subject when the comma goes.
    static let adverbs: Set<String> = [
        "separately", "recently", "previously", "subsequently", "earlier", "later", "currently", "today", "yesterday",
        "ultimately", "eventually", "initially", "traditionally", "historically", "privately", "publicly",
        "additionally", "consequently", "accordingly", "similarly", "likewise", "finally", "instead", "overall", "lately",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.adverbs.contains(list[index].lower) {
            guard tokens.startsSentence(index), index + 1 < list.count else { continue }
            let word = list[index].text
            if list[index + 1].text == ",", tokens.spaceAfter(index + 1), index + 2 < list.count, list[index + 2].isWord,
               subjectStarters.contains(list[index + 2].lower) || isName(list[index + 2], tokens) {
                found.append(SlotCandidate(first: index, last: index + 1, alternatives: ["\(word),", String(word)], symbols: [0, 1], original: 0, rule: id, canonical: 0))
            } else if let next = tokens.nextWord(after: index), subjectStarters.contains(list[next].lower) || isName(list[next], tokens) {
                found.append(SlotCandidate(first: index, last: index, alternatives: [String(word), "\(word),"], symbols: [0, 1], original: 0, rule: id, canonical: 1))
            }
        }
        return found
    }
}

/// "the plan that would …" / "the plan which would …": the pronoun of a restrictive relative clause.
struct RelativePronounRule: SlotRule {
    let id = "relative-that-which"
    let reason = "In a restrictive relative clause (no comma before it) whose pronoun is the subject, \"that\" and \"which\" are both standard in formal English and restrict the noun in the same way."
    let summary = "the plan that would … | the plan which would …"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

    /// Finite verbs that show the pronoun is the subject of the clause.
    static let verbs: Set<String> = [
        "is", "was", "are", "were", "would", "will", "has", "had", "have", "could", "can", "should", "may", "might", "must",
        "includes", "included", "include", "allows", "allowed", "remains", "remained", "requires", "required", "provides", "provided",
        "seeks", "sought", "aims", "aimed", "calls", "called", "led", "leads", "took", "takes", "came", "comes",
    ]
    /// Words before the pronoun that show it is not relative: verbs of saying, knowing and asking
    /// (a complementiser or a question word follows them), prepositions, conjunctions, pronouns.
    static let notAfter: Set<String> = ComplementizerRule.verbs.union([
        "and", "but", "or", "so", "such", "now", "given", "provided", "except", "in", "of", "on", "at", "by", "to", "for", "with",
        "from", "about", "than", "as", "all", "is", "was", "are", "were", "be", "been", "me", "us", "him", "her", "them", "it",
        "this", "that", "these", "those", "told", "informed", "asked", "know", "knew", "ensure", "clear", "sure", "fact", "idea",
        "view", "belief", "notion", "assurance", "assurances", "hope", "hopes", "sign", "signs", "evidence", "indication",
        "indications", "news", "reports", "rumors", "rumours", "claim", "claims", "concern", "concerns", "fear", "fears",
        "suggestion", "proposal", "impression", "sense", "possibility", "likelihood", "chance", "risk", "danger", "argument",
        "decide", "decided", "determine", "determined", "unclear", "whether", "if", "see", "saw", "seen", "show", "shows", "showed",
        "mean", "means", "meant", "one", "something", "anything", "nothing", "everything", "those", "way", "point", "extent",
        "degree", "time", "moment", "day", "year", "order", "so", "much", "many", "more", "less", "same", "only", "first", "last",
    ])

    static let tellingVerbs: Set<String> = [
        "told", "tells", "tell", "telling", "informed", "informs", "inform", "assured", "assures", "assure", "warned", "warns",
        "reminded", "reminds", "advised", "advises", "convinced", "persuaded", "promised", "promises", "showed", "shows", "taught",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && ["that", "which"].contains(list[index].lower) {
            // A word (a noun) right before, no comma; a finite verb right after.
            guard let previous = tokens.previousWord(before: index), !Self.notAfter.contains(list[previous].lower), !list[previous].hasDigit,
                  list[previous].lower.count > 2, !isName(list[previous], tokens),
                  let next = tokens.nextWord(after: index), Self.verbs.contains(list[next].lower),
                  let afterVerb = tokens.nextWord(after: next), !["that", "which"].contains(list[afterVerb].lower) else { continue }
            // The noun must itself follow a determiner or an adjective-like word within three words (a noun phrase).
            var position = previous
            var sawDeterminer = false
            for _ in 0..<3 {
                guard let before = tokens.previousWord(before: position) else { break }
                if RuleCatalogue.determiners.contains(list[before].lower) || ["of", "new", "key", "main"].contains(list[before].lower) { sawDeterminer = true; break }
                position = before
            }
            guard sawDeterminer else { continue }
            // "told the Ambassador that would be hard": after a verb of telling the "that" opens a
            // reported clause (with "that" as its subject), not a relative clause.
            var telling = false
            var back = position
            for _ in 0..<3 {
                guard back > 0, list[back - 1].isWord else { break }
                back -= 1
                if ComplementizerRule.verbs.contains(list[back].lower) || Self.tellingVerbs.contains(list[back].lower) { telling = true }
            }
            if telling { continue }
            let word = list[index].text
            let other = applyCase(word.lowercased() == "that" ? "which" : "that", template: word, sentenceStart: false, allCaps: tokens.allCaps)
            // A normaliser always writes "that".
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(word), other], symbols: [0, 1], original: 0, rule: id,
                                       canonical: word.lowercased() == "that" ? 0 : 1))
        }
        return found
    }
}

/// "continued to press" / "continued pressing": after "continue", the infinitive and the gerund.
struct ContinueToRule: SlotRule {
    let id = "continue-to"
    let reason = "After \"continue\", \"to\" with a verb and the verb's -ing form report the same ongoing action (\"continued to press\" / \"continued pressing\"); only common verbs whose -ing form is listed are varied, and \"continue to be\" or \"to have\" never."
    let summary = "continued to press | continued pressing"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

    static let gerunds: [String: String] = [
        "work": "working", "support": "supporting", "provide": "providing", "press": "pressing", "engage": "engaging", "grow": "growing",
        "use": "using", "seek": "seeking", "resist": "resisting", "conduct": "conducting", "receive": "receiving", "lead": "leading",
        "take": "taking", "focus": "focusing", "face": "facing", "urge": "urging", "operate": "operating", "monitor": "monitoring",
        "hold": "holding", "increase": "increasing", "insist": "insisting", "report": "reporting", "make": "making", "develop": "developing",
        "build": "building", "push": "pushing", "pursue": "pursuing", "call": "calling", "play": "playing", "deteriorate": "deteriorating",
        "rise": "rising", "fall": "falling", "decline": "declining", "improve": "improving", "cooperate": "cooperating",
        "maintain": "maintaining", "meet": "meeting", "discuss": "discussing", "follow": "following", "encourage": "encouraging",
        "promote": "promoting", "demand": "demanding", "oppose": "opposing", "fight": "fighting", "negotiate": "negotiating",
        "refuse": "refusing", "deny": "denying", "struggle": "struggling", "suffer": "suffering", "consider": "considering",
        "look": "looking", "wait": "waiting", "watch": "watching", "expand": "expanding", "reject": "rejecting", "block": "blocking",
        "host": "hosting", "fund": "funding", "train": "training", "assist": "assisting", "help": "helping", "raise": "raising",
        "argue": "arguing", "claim": "claiming", "serve": "serving", "do": "doing", "put": "putting", "set": "setting",
        "plan": "planning", "attract": "attracting", "apply": "applying", "spend": "spending", "send": "sending", "allow": "allowing",
        "implement": "implementing", "strengthen": "strengthening", "advocate": "advocating", "share": "sharing", "investigate": "investigating",
    ]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted
            && ["continue", "continues", "continued", "continuing"].contains(list[index].lower) {
            guard let to = tokens.nextWord(after: index), list[to].lower == "to", let verb = tokens.nextWord(after: to),
                  let gerund = Self.gerunds[list[verb].lower], !list[verb].quoted else { continue }
            // "continuing to work" would become "continuing working": leave the -ing form of continue alone.
            if list[index].lower == "continuing" { continue }
            let written = applyCase(gerund, template: list[verb].text, sentenceStart: false, allCaps: tokens.allCaps)
            let span = String(tokens.span(to, verb))
            // A normaliser cannot find the -ing form again (it has no list of what follows), so it writes that.
            found.append(SlotCandidate(first: to, last: verb, alternatives: [span, written], symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}

/// "spoke with the Minister" / "spoke to the Minister".
struct SpokeWithRule: SlotRule {
    let id = "spoke-with"
    let reason = "With a person as object, \"spoke with\" and \"spoke to\" (and \"talked with\" / \"talked to\") report the same conversation; \"spoke to the issue\" (a topic) is never matched."
    let summary = "spoke with X | spoke to X (X a person)"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

    static let verbs: Set<String> = ["spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "talking"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted && Self.verbs.contains(list[index].lower) {
            // "talks with" after a determiner is the noun ("the talks with Iran").
            if let previous = tokens.previousWord(before: index), RuleCatalogue.determiners.contains(list[previous].lower) { continue }
            guard let preposition = tokens.nextWord(after: index), ["with", "to"].contains(list[preposition].lower),
                  let object = tokens.nextWord(after: preposition), MetWithRule.isPerson(object, tokens) else { continue }
            let verb = list[index].text
            let other = applyCase(list[preposition].lower == "with" ? "to" : "with", template: list[preposition].text, sentenceStart: false, allCaps: tokens.allCaps)
            let alternatives = ["\(verb) \(list[preposition].text)", "\(verb) \(other)"]
            found.append(SlotCandidate(first: index, last: preposition, alternatives: alternatives, symbols: [0, 1], original: 0, rule: id,
                                       canonical: list[preposition].lower == "with" ? 0 : 1))
        }
        return found
    }
}

extension ComplementizerRule {
    /// Nominative pronouns: after a verb of saying they can only open a clause ("noted he would").
    static let nominatives: Set<String> = ["he", "she", "they", "we"]

    /// Scheme 2 finds, besides scheme 1's sites, a dropped "that" before a nominative pronoun after
    /// any verb of saying or thinking ("noted he would" / "noted that he would").
    /// From scheme 5 also before a subject that a determiner or title opens and an auxiliary
    /// closes ("said the government would" / "said that the government would").
    static func schemeTwoSite(at index: Int, in tokens: TextTokens, verbs: Set<String> = verbs, scheme: FingerprintScheme = .v2) -> (last: Int, hasThat: Bool)? {
        if let site = site(at: index, in: tokens, verbs: verbs) { return site }
        let list = tokens.tokens
        guard list[index].isWord, !list[index].quoted, verbs.contains(list[index].lower) else { return nil }
        if let previous = tokens.previousWord(before: index), ["a", "an", "the", "to"].contains(list[previous].lower) { return nil }
        guard let next = tokens.nextWord(after: index) else { return nil }
        if nominatives.contains(list[next].lower), tokens.nextWord(after: next) != nil { return (index, false) }
        if scheme >= .v5, opensSubject(at: next, in: tokens) { return (index, false) }
        return nil
    }

    /// Words that open a noun phrase which, closed by an auxiliary, can only be a clause's subject.
    static let subjectOpeners: Set<String> = [
        "the", "this", "these", "those", "his", "her", "their", "its", "our", "some", "many", "most", "both", "all", "several",
        "president", "prime", "foreign", "minister", "government",
    ]
    /// Finite auxiliaries and modals that close such a subject.
    static let finiteAuxiliaries: Set<String> = [
        "would", "will", "could", "can", "should", "may", "might", "must", "had", "has", "have", "was", "were", "is", "are", "did", "does",
    ]
    /// Words that may not stand inside the subject: they would open a relative clause or another phrase
    /// ("noted the points he would raise" is not "noted that the points he would raise").
    static let notInSubject: Set<String> = RuleCatalogue.determiners.union(nominatives).union([
        "i", "you", "it", "who", "whom", "whose", "which", "what", "where", "when", "why", "how", "of", "in", "on", "at", "to", "for", "with",
        "by", "from", "and", "or", "but", "as", "than", "not", "no", "also", "only", "there", "here", "if", "whether", "so",
    ]).union(AlsoAuxiliaryRule.auxiliaries)

    /// Whether a determiner or title at `start` opens a subject of at most four words that an
    /// auxiliary follows directly, with nothing but plain words between.
    static func opensSubject(at start: Int, in tokens: TextTokens) -> Bool {
        let list = tokens.tokens
        guard subjectOpeners.contains(list[start].lower), !list[start].quoted else { return false }
        var position = start
        for _ in 0..<4 {
            guard let next = tokens.nextWord(after: position), !list[next].quoted, !list[next].hasDigit else { return false }
            if finiteAuxiliaries.contains(list[next].lower) { return position > start }
            if notInSubject.contains(list[next].lower) { return false }
            position = next
        }
        return false
    }
}

/// "noted he would …" / "noted that he would …": the complementiser added where scheme 1 did not.
struct NominativeComplementizerRule: SlotRule {
    let id = "that-before-pronoun"
    let reason = "After a verb of saying or thinking, a nominative pronoun (he, she, they, we) can only open a reported clause, so \"that\" may be added or left out before it with the same meaning. From scheme 5 the same holds before a short subject that a determiner or title opens and an auxiliary closes (\"noted the government would\"), with no pronoun, preposition or relative word inside it."
    let summary = "noted he would … | noted that he would …"
    let profile = FingerprintProfile.strict
    let since = FingerprintScheme.v2

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        let verbs = ComplementizerRule.verbs(for: context.scheme)
        for index in list.indices where ComplementizerRule.site(at: index, in: tokens, verbs: verbs) == nil {
            guard let site = ComplementizerRule.schemeTwoSite(at: index, in: tokens, verbs: verbs, scheme: context.scheme), !site.hasThat else { continue }
            if context.scheme >= .v12, ComplementizerRule.isNounUse(index, in: tokens) { continue }
            let verb = list[index].text
            let that = tokens.allCaps ? "THAT" : "that"
            found.append(SlotCandidate(first: index, last: index, alternatives: [String(verb), "\(verb) \(that)"], symbols: [0, 1], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}

/// "the government's position" / "the position of the government".
struct InstitutionGenitiveRule: SlotRule {
    let id = "genitive-institution"
    let reason = "For an office or institution (the government, the President, the party) and an abstract noun such as position, visit or decision, the s-genitive and the of-genitive name the same thing. From scheme 8 only where the phrase surely ends (never before \"and\", \"or\", \"of\" or a noun)."
    let summary = "the government's position | the position of the government"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v2

    static let possessors: Set<String> = [
        "government", "president", "minister", "king", "queen", "party", "ministry", "embassy", "opposition", "military", "army",
        "regime", "country", "region", "council", "committee", "court", "parliament", "administration", "prime", "cabinet", "presidency",
        "prince", "leadership", "police", "commission", "union", "alliance", "coalition", "organization", "movement", "agency",
    ]
    static let followers: Set<String> = ["on", "to", "in", "at", "and", "was", "is", "has", "had", "would", "will", "for", "with", "that", "which", "as", "by", "but", "or", "were", "are"]
    static let nouns = GenitiveRule.nouns.union([
        "silence", "visit", "statement", "statements", "remarks", "comments", "plan", "plans", "failure", "agenda", "record", "credibility",
        "legitimacy", "authority", "control", "handling", "performance", "reputation", "standing", "image", "program", "budget", "efforts",
        "attempt", "attempts", "refusal", "insistence", "announcement", "invitation", "message", "letter", "response", "actions",
    ])

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        let of = tokens.allCaps ? "OF" : "of"
        for index in list.indices where list[index].isWord && !list[index].quoted && list[index].lower == "the" {
            guard let second = tokens.nextWord(after: index) else { continue }
            let initial = tokens.startsSentence(index)
            // the X's N
            for suffix in ["'s", "\u{2019}s"] where list[second].lower.hasSuffix(suffix) {
                let possessor = list[second].text.dropLast(2)
                guard Self.possessors.contains(possessor.lowercased()), let noun = tokens.nextWord(after: second),
                      Self.nouns.contains(list[noun].lower) else { continue }
                // "the N of the X of Y" would change what "of Y" attaches to.
                if let after = tokens.nextWord(after: noun), list[after].lower == "of" { continue }
                // From scheme 8 the noun must end its phrase: scheme 7 wrote "the security of the region forces".
                if context.scheme >= .v8, !endsNounPhrase(at: noun, in: tokens) { continue }
                let the = applyCase("the", template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps)
                let plainThe = tokens.allCaps ? "THE" : "the"
                found.append(SlotCandidate(first: index, last: noun,
                                           alternatives: [String(tokens.span(index, noun)), "\(the) \(list[noun].text) \(of) \(plainThe) \(possessor)"],
                                           symbols: [0, 1], original: 0, rule: id, canonical: 0))
            }
            // the N of the X
            guard Self.nouns.contains(list[second].lower), let ofIndex = tokens.nextWord(after: second), list[ofIndex].lower == "of",
                  let the2 = tokens.nextWord(after: ofIndex), list[the2].lower == "the", let possessor = tokens.nextWord(after: the2),
                  Self.possessors.contains(list[possessor].lower) else { continue }
            // The possessor must end the phrase ("the position of the government of Iraq", "the visit of
            // the President Obama" stay); in capitals a name cannot be told apart, so only a function word may follow.
            if let after = tokens.nextWord(after: possessor) {
                let next = list[after]
                if next.lower == "of" || isName(next, tokens) || (tokens.allCaps && !Self.followers.contains(next.lower)) { continue }
            }
            if possessor + 1 < list.count, ["'", "\u{2019}", "-"].contains(String(list[possessor + 1].text)) { continue }
            // From scheme 8 for sure: scheme 7 wrote "the president's position or the presidency".
            if context.scheme >= .v8, !endsNounPhrase(at: possessor, in: tokens) { continue }
            let the = applyCase("the", template: list[index].text, sentenceStart: initial, allCaps: tokens.allCaps)
            let span = tokens.span(index, possessor)
            let apostrophe = span.contains("\u{2019}") ? "\u{2019}" : "'"
            let s = tokens.allCaps ? "S" : "s"
            found.append(SlotCandidate(first: index, last: possessor,
                                       alternatives: [String(span), "\(the) \(list[possessor].text)\(apostrophe)\(s) \(list[second].text)"],
                                       symbols: [0, 1], original: 0, rule: id, canonical: 1))
        }
        return found
    }
}
