import PouchCore

/// Abbreviations every reader of cables knows, written out or not: "USG" / "U.S. Government".
struct KnownAbbreviationRule: SlotRule {
    let id = "known-abbreviation"
    let reason =
        "These abbreviations have one fixed expansion in diplomatic usage (USG, UN, EU, UK, UNSC, PM, FM, MFA, DCM; from scheme 7 also NATO, NSC, MOD, FBI, DEA, IMF, WTO, GCC, OAS, IAEA, GDP, HQ, TV, VP, CEO, PRC, ROK, CIA, DHS, A/S, U/S, AA/S, S/E, UNGA, NGO, DTOs, SG, USAID, and, only where the cable writes them, UAE, ISAF, DAS, OSCE, HMG, DPRK, IDPs, PRT, FCO and IPR, and from scheme 8 DOE, DOD and DOJ); the abbreviation and its expansion name the same body or office. From scheme 10 \"UK\" before a listed noun may also be \"British\" (\"UK officials\" / \"British officials\"), as \"U.S.\" may be \"American\". Where a cable defines an abbreviation itself, its own definition rules instead."
    let summary = "USG | U.S. Government | United States Government; UN | United Nations; EU | European Union; …"
    let profile = FingerprintProfile.standard

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
        let (table, forms) =
            context.scheme.has(.departmentAbbreviations)
            ? (Self.schemeEightExpansions, Self.schemeEightForms)
            : context.scheme.has(.moreAbbreviations)
                ? (Self.schemeSevenExpansions, Self.schemeSevenForms)
                : (Self.expansions, context.scheme.has(.americanWordings) ? Self.schemeSixForms : Self.forms)
        var found: [SlotCandidate] = []
        var index = 0
        while index < list.count {
            defer { index += 1 }
            guard list[index].isWord, !list[index].quoted else { continue }
            // The longest form that starts here ("United Nations Security Council" before "United Nations").
            guard
                let match = forms.first(where: { form in
                    index + form.tokens.count <= list.count
                        && (0..<form.tokens.count).allSatisfy { list[index + $0].lower == form.tokens[$0] && !list[index + $0].quoted }
                        // The bare abbreviation is matched in capitals only ("un" or "Eu" are something else).
                        && (form.form > 0 || Self.isWrittenInCapitals(form.abbreviation, first: index, count: form.tokens.count, in: tokens))
                }), context.abbreviations[match.abbreviation] == nil, let expansion = table[match.abbreviation]
            else { continue }
            let last = index + match.tokens.count - 1
            // Not beside a number ("3 PM"), a hyphen or an apostrophe ("UN-led", "EU's").
            if index > 0, list[index - 1].hasDigit || ["-", "'", "\u{2019}", "/"].contains(String(list[index - 1].text)) { continue }
            if last + 1 < list.count {
                let next = list[last + 1]
                if next.hasDigit || ["-", "'", "\u{2019}", "/"].contains(String(next.text)) || next.lower.hasPrefix("'")
                    || Self.otherSenses.contains(next.lower)
                {
                    continue
                }
            }
            // From scheme 11 never in a release marking ("(S/Rel UK)", "REL TO UK"): markings are never touched.
            if context.scheme.has(.releaseMarkingsKept), Self.isReleasedTo(index, in: tokens) { continue }
            // From scheme 12 "PM" before an office of the Department ("PM A/S Rood", "PM DAS") is the
            // Bureau of Political-Military Affairs, not a Prime Minister.
            if context.scheme.has(.politicalMilitaryPM), match.abbreviation == "PM", match.form == 0, let next = tokens.nextWord(after: last),
                Self.departmentOffices.contains(String(list[next].text))
                    || Self.departmentOffices.contains(String(tokens.span(next, min(next + 2, list.count - 1))))
            {
                continue
            }
            // In a cable written in capitals "PM" could be a time of day, so it needs a word after it.
            if tokens.allCaps, ["PM", "FM"].contains(match.abbreviation), last + 1 >= list.count || !list[last + 1].isWord { continue }
            if context.scheme.has(.abbreviationsFitTheirPlace), !Self.fitsBeside(match.abbreviation, first: index, in: tokens) { continue }
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
            if context.scheme.has(.americanWordings), match.abbreviation == "USG",
                isAmericanGovernment || previous == "the" || UnitedStatesRule.modifiesListedNoun(first: index, last: last, in: tokens)
            {
                written.append(tokens.allCaps ? "AMERICAN GOVERNMENT" : "American Government")
                symbols.append(written.count - 1)
            }
            // From scheme 10 "UK" before a listed noun may also be "British" ("UK officials" /
            // "United Kingdom officials" / "British officials"), as "U.S." may be "American".
            if context.scheme.has(.britishWording), match.abbreviation == "UK",
                UnitedStatesRule.modifiesListedNoun(first: index, last: last, in: tokens)
            {
                written.append(tokens.allCaps ? "BRITISH" : "British")
                symbols.append(written.count - 1)
            }
            var alternatives = written
            alternatives[match.form] = String(tokens.span(index, last))
            found.append(
                SlotCandidate(
                    first: index, last: last, alternatives: alternatives, symbols: symbols, original: match.form, rule: id,
                    canonical: expansion.onlyWhereWritten ? 1 : 0))
            index = last
        }
        return found
    }
}

/// Wordings added in scheme 7. Like every rule, each keeps meaning, grammar, register and every
/// name, number, negation and modal verb exactly as they were.

extension KnownAbbreviationRule {
    /// Scheme 7's table: scheme 6's, "FM" also as "Minister of Foreign Affairs", and more bodies
    /// and offices every reader of cables knows by their letters. Each has one expansion in
    /// diplomatic usage; where a cable defines the abbreviation itself, its own definition rules.
    static let schemeSevenExpansions: [String: Expansion] = {
        var table = expansions
        table["FM"] = Expansion(wordings: ["Foreign Minister", "Minister of Foreign Affairs"], abbreviationIsSymbol: true)
        let added: [String: Expansion] = [
            // Abbreviations in the en_US dictionary: copies may write them anywhere.
            "NATO": Expansion(wordings: ["North Atlantic Treaty Organization"], abbreviationIsSymbol: true),
            "NSC": Expansion(wordings: ["National Security Council"], abbreviationIsSymbol: true),
            "MOD": Expansion(wordings: ["Ministry of Defense", "Defense Ministry"], abbreviationIsSymbol: true),
            "FBI": Expansion(wordings: ["Federal Bureau of Investigation"], abbreviationIsSymbol: true),
            "DEA": Expansion(wordings: ["Drug Enforcement Administration"], abbreviationIsSymbol: true),
            "IMF": Expansion(wordings: ["International Monetary Fund"], abbreviationIsSymbol: true),
            "WTO": Expansion(wordings: ["World Trade Organization"], abbreviationIsSymbol: true),
            "GCC": Expansion(wordings: ["Gulf Cooperation Council"], abbreviationIsSymbol: true),
            "OAS": Expansion(wordings: ["Organization of American States"], abbreviationIsSymbol: true),
            "IAEA": Expansion(wordings: ["International Atomic Energy Agency"], abbreviationIsSymbol: true),
            "GDP": Expansion(wordings: ["gross domestic product"], abbreviationIsSymbol: true),
            "HQ": Expansion(wordings: ["headquarters"], abbreviationIsSymbol: true),
            "TV": Expansion(wordings: ["television"], abbreviationIsSymbol: true),
            "VP": Expansion(wordings: ["Vice President"], abbreviationIsSymbol: true),
            "CEO": Expansion(wordings: ["chief executive officer"], abbreviationIsSymbol: true),
            "PRC": Expansion(wordings: ["People's Republic of China"], abbreviationIsSymbol: true),
            "ROK": Expansion(wordings: ["Republic of Korea"], abbreviationIsSymbol: true),
            "CIA": Expansion(wordings: ["Central Intelligence Agency"], abbreviationIsSymbol: true),
            "DHS": Expansion(wordings: ["Department of Homeland Security"], abbreviationIsSymbol: true),
            // Single letters, each a dictionary word.
            "A/S": Expansion(wordings: ["Assistant Secretary"], abbreviationIsSymbol: true),
            "U/S": Expansion(wordings: ["Under Secretary"], abbreviationIsSymbol: true),
            "AA/S": Expansion(wordings: ["Acting Assistant Secretary"], abbreviationIsSymbol: true),
            "S/E": Expansion(wordings: ["Special Envoy"], abbreviationIsSymbol: true),
            // Two expansions: copies write those, and the abbreviation (which a spell checker
            // would "correct") reads as no evidence.
            "UNGA": Expansion(wordings: ["UN General Assembly", "United Nations General Assembly"], abbreviationIsSymbol: false),
            "NGO": Expansion(wordings: ["nongovernmental organization", "non-governmental organization"], abbreviationIsSymbol: false),
            "NGOs": Expansion(wordings: ["nongovernmental organizations", "non-governmental organizations"], abbreviationIsSymbol: false),
            "DTOs": Expansion(wordings: ["drug trafficking organizations", "drug-trafficking organizations"], abbreviationIsSymbol: false),
            "SG": Expansion(wordings: ["Secretary General", "Secretary-General"], abbreviationIsSymbol: false),
            "USAID": Expansion(
                wordings: ["U.S. Agency for International Development", "United States Agency for International Development"],
                abbreviationIsSymbol: false),
            // Not dictionary words, with one expansion: varied only where the cable writes them.
            "UAE": Expansion(wordings: ["United Arab Emirates"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "ISAF": Expansion(wordings: ["International Security Assistance Force"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "DAS": Expansion(wordings: ["Deputy Assistant Secretary"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "OSCE": Expansion(wordings: ["Organization for Security and Cooperation in Europe"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "HMG": Expansion(wordings: ["Her Majesty's Government"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "DPRK": Expansion(wordings: ["Democratic People's Republic of Korea"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "IDPs": Expansion(wordings: ["internally displaced persons"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "PRT": Expansion(wordings: ["Provincial Reconstruction Team"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "FCO": Expansion(wordings: ["Foreign and Commonwealth Office"], abbreviationIsSymbol: false, onlyWhereWritten: true),
            "IPR": Expansion(wordings: ["intellectual property rights"], abbreviationIsSymbol: false, onlyWhereWritten: true),
        ]
        table.merge(added) { old, _ in old }
        return table
    }()

    /// Every form scheme 7 looks for, longest first.
    static let schemeSevenForms = lookupForms(of: schemeSevenExpansions)

    /// Every form a table from scheme 7 on looks for, longest first. An abbreviation varied only
    /// where written is looked for in its letters alone.
    static func lookupForms(of table: [String: Expansion]) -> [(abbreviation: String, form: Int, tokens: [String])] {
        (table.flatMap { abbreviation, expansion in
            (expansion.onlyWhereWritten ? [abbreviation] : [abbreviation] + expansion.wordings).enumerated().map {
                (abbreviation, $0.offset, TextTokens($0.element).tokens.map(\.lower))
            }
        } + [americanGovernment]).sorted { ($0.tokens.count, $0.abbreviation, $0.form) > ($1.tokens.count, $1.abbreviation, $1.form) }
    }

    /// Abbreviations of the table a reader may say as a word ("a NATO summit"; "ROK" is often
    /// said "rock").
    static let saidAsWord: Set<String> = ["NATO", "ISAF", "UNGA", "ROK"]

    /// Letters every reader says one by one, so they take the article of the first letter's name
    /// ("an FBI agent", "a UN official"): every abbreviation of the table not said as a word, and
    /// the country's own.
    static let spelledOut: Set<String> = Set(schemeSevenExpansions.keys).subtracting(saidAsWord).union(["U.S.", "US"])

    /// Whether the abbreviation stands here in its own capitals ("un" or "Eu" are something else).
    static func isWrittenInCapitals(_ abbreviation: String, first: Int, count: Int, in tokens: TextTokens) -> Bool {
        let written = tokens.span(first, first + count - 1)
        return written == abbreviation || (tokens.allCaps && written == abbreviation.uppercased())
    }

    /// Abbreviations that may also end a name: a company's ("Maersk A/S") or a station's ("Abu Dhabi TV").
    static let mayEndAName: Set<String> = ["A/S", "U/S", "AA/S", "S/E", "TV"]

    /// "A/S" is an office, and "TV" television, after "the", a bureau, a lower-case word or no
    /// word at all, never at the end of a name ("Maersk A/S", "Abu Dhabi TV").
    static func fitsBeside(_ abbreviation: String, first: Int, in tokens: TextTokens) -> Bool {
        guard mayEndAName.contains(abbreviation), let previous = tokens.previousWord(before: first) else { return true }
        let word = tokens.tokens[previous].text
        if !tokens.allCaps, word.allSatisfy({ $0.isLowercase || !$0.isLetter }) { return true }
        return companions.contains(word.uppercased())
    }

    /// Words that may stand right before "A/S" or "TV" in a cable written in capitals: function
    /// words, titles and the Department's bureaus ("STATE TV", "EUR A/S").
    static let companions: Set<String> = [
        "THE", "AND", "WITH", "BY", "TO", "FOR", "OF", "FROM", "THAT", "AS", "AT", "ON", "IN", "WHEN", "FORMER", "ACTING", "THEN",
        "NEW", "INCOMING", "OUTGOING", "PRINCIPAL", "DEPUTY", "EUR", "NEA", "SCA", "WHA", "AF", "EAP", "ISN", "PM", "DRL", "INL",
        "EEB", "IO", "CA", "PRM", "VCI", "OES", "ECA", "PA", "CT", "USG", "U.S.", "US", "STATE",
    ]
}

/// Rules and wordings added in scheme 8. Like every rule, each keeps meaning, grammar, register
/// and every name, number, negation and modal verb exactly as they were.

extension KnownAbbreviationRule {
    /// Scheme 8's table: scheme 7's and three departments of the U.S. Government, varied only where
    /// the cable writes them (none is a dictionary word but "DOE", and that one is a deer).
    static let schemeEightExpansions: [String: Expansion] = schemeSevenExpansions.merging([
        "DOE": Expansion(wordings: ["Department of Energy"], abbreviationIsSymbol: false, onlyWhereWritten: true),
        "DOD": Expansion(wordings: ["Department of Defense"], abbreviationIsSymbol: false, onlyWhereWritten: true),
        "DOJ": Expansion(wordings: ["Department of Justice"], abbreviationIsSymbol: false, onlyWhereWritten: true),
    ]) { old, _ in old }

    /// Every form scheme 8 looks for, longest first.
    static let schemeEightForms = lookupForms(of: schemeEightExpansions)
}
