import PouchCore

/// "continued to press" / "continued pressing": after "continue", the infinitive and the gerund.
struct ContinueToRule: SlotRule {
    let id = "continue-to"
    let reason =
        "After \"continue\", \"to\" with a verb and the verb's -ing form report the same ongoing action (\"continued to press\" / \"continued pressing\"); only common verbs whose -ing form is listed are varied, and \"continue to be\" or \"to have\" never."
    let summary = "continued to press | continued pressing"
    let profile = FingerprintProfile.standard

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
        for index in list.indices
        where list[index].isWord && !list[index].quoted
            && ["continue", "continues", "continued", "continuing"].contains(list[index].lower)
        {
            guard let to = tokens.nextWord(after: index), list[to].lower == "to", let verb = tokens.nextWord(after: to),
                let gerund = Self.gerunds[list[verb].lower], !list[verb].quoted
            else { continue }
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
