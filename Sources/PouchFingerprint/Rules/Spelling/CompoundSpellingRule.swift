import PouchCore

/// "cease-fire" / "ceasefire", "web site" / "website": a compound that standard usage spells
/// closed, hyphenated or open with no change of meaning.
struct CompoundSpellingRule: SlotRule {
    let id = "compound-spelling"
    let reason =
        "These compounds have two or three standard spellings, closed, hyphenated or open (\"cease-fire\" / \"ceasefire\", \"policymakers\" / \"policy-makers\" / \"policy makers\", \"under way\" / \"underway\"); every spelling is in the dictionary and they name the same thing. A compound in title case, or before a capitalised word, may be part of a name and is left alone."
    let summary = "cease-fire | ceasefire; website | web site; policymakers | policy-makers | policy makers; …"
    let profile = FingerprintProfile.standard

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
                var alternatives = Self.groups[spelling.group].map {
                    applyCase($0, template: template, sentenceStart: capital, allCaps: tokens.allCaps)
                }
                alternatives[spelling.form] = String(template)
                found.append(
                    SlotCandidate(
                        first: index, last: last, alternatives: alternatives, symbols: Array(alternatives.indices), original: spelling.form,
                        rule: id, canonical: 0))
                index = last
                break
            }
        }
        return found
    }
}
