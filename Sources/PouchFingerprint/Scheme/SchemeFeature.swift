/// A change a scheme made to how slots are found or copies written, by name.
///
/// Code asks `scheme.has(.articleBySound)` rather than `scheme >= .v7`, so what a scheme is can be
/// read here in one place (with the rules each scheme added, in `RuleCatalogue`), and the scheme
/// table of `docs/fingerprinting.md` is generated from this list (`SchemeManifest`). A feature is
/// never edited once its scheme is frozen: a later mend is a new feature of a new scheme.
public enum SchemeFeature: String, CaseIterable, Sendable {
    case fourSymbols
    case findableNormalForms
    case clauseCommaAdded
    case unitedStatesWordings
    case originalsOwnCapital
    case longerIntroductions
    case articleAgreement
    case thatBeforeShortSubject
    case fourthReportingWording
    case listedCompoundsSpelled
    case hostCountry
    case americanWordings
    case articleBySound
    case moreAbbreviations
    case abbreviationsFitTheirPlace
    case departmentAbbreviations
    case hostGovernmentTakesThe
    case genitivesEndTheirPhrase
    case personGenitiveEvents
    case cooperationHyphen
    case britishWording
    case releaseMarkingsKept
    case currenciesKept
    /// Slots may stand side by side ("[told] [PolOff that]", "[the GOF] [notes that]", "[Despite]
    /// [all of the] condemnations"); the aligner reads each with the other's wording as its neighbour.
    case adjacentSlots
    /// Every symbol of a slot equally likely. The code is tuned for a lone leaker and coalitions of
    /// two, and for those the best bias of a Tardos-type code is the single point ½ (Nuida et al.
    /// 2009): a lone leaker's matching slot then carries a full log₂ q bits, where the scheme-10
    /// draws gave about 0.96 of a bit for two symbols. The symmetric score keeps every innocent at
    /// mean 0 and variance 1 per slot whatever the probabilities, so the false-accusation bound is
    /// unchanged; a coalition of three or more that votes for the minority wording already escaped
    /// the scheme-10 cut-off.
    case evenSymbols
    case politicalMilitaryPM
    case nounUsesKept
    case moreThatVerbs
    case speakerAfterVerb
    case willLikely
    case strictListCommas
    case strictIntroductoryCommas
    case noSlotsInAddresses

    /// The first scheme with the feature.
    public var since: FingerprintScheme {
        switch self {
        case .fourSymbols, .findableNormalForms, .clauseCommaAdded, .unitedStatesWordings: .v2
        case .originalsOwnCapital, .longerIntroductions: .v3
        case .articleAgreement: .v4
        case .thatBeforeShortSubject, .fourthReportingWording, .listedCompoundsSpelled: .v5
        case .hostCountry, .americanWordings: .v6
        case .articleBySound, .moreAbbreviations, .abbreviationsFitTheirPlace: .v7
        case .departmentAbbreviations, .hostGovernmentTakesThe, .genitivesEndTheirPhrase: .v8
        case .personGenitiveEvents, .cooperationHyphen: .v9
        case .britishWording: .v10
        case .releaseMarkingsKept, .currenciesKept, .adjacentSlots, .evenSymbols: .v11
        case .politicalMilitaryPM, .nounUsesKept, .moreThatVerbs, .speakerAfterVerb, .willLikely, .strictListCommas,
            .strictIntroductoryCommas, .noSlotsInAddresses:
            .v12
        }
    }

    /// The first scheme without it again, when a later feature replaced it.
    public var until: FingerprintScheme? {
        switch self {
        case .articleAgreement: .v7  // replaced by `articleBySound`
        default: nil
        }
    }

    /// The rules the feature changes (their IDs); none when it changes the engine itself.
    public var rules: [String] {
        switch self {
        case .fourSymbols, .originalsOwnCapital, .articleAgreement, .articleBySound, .hostCountry, .adjacentSlots, .evenSymbols, .noSlotsInAddresses:
            []
        case .findableNormalForms: ["hyphenated-compound", "clause-comma", "introductory-comma"]
        case .clauseCommaAdded: ["clause-comma"]
        case .unitedStatesWordings: ["united-states"]
        case .longerIntroductions, .strictIntroductoryCommas: ["introductory-comma"]
        case .thatBeforeShortSubject: ["that-before-pronoun"]
        case .fourthReportingWording, .speakerAfterVerb: ["reporting-verb"]
        case .listedCompoundsSpelled: ["hyphenated-compound"]
        case .americanWordings: ["united-states", "known-abbreviation"]
        case .moreAbbreviations, .abbreviationsFitTheirPlace, .departmentAbbreviations, .politicalMilitaryPM: ["known-abbreviation"]
        case .hostGovernmentTakesThe: ["host-government"]
        case .genitivesEndTheirPhrase: ["genitive", "genitive-institution"]
        case .personGenitiveEvents: ["genitive-person"]
        case .cooperationHyphen: ["prefix-hyphen"]
        case .britishWording, .releaseMarkingsKept: ["known-abbreviation"]
        case .currenciesKept: ["united-states"]
        case .nounUsesKept: ["that-complementizer", "that-before-pronoun"]
        case .moreThatVerbs: ["that-complementizer", "that-before-pronoun"]
        case .willLikely: ["adverb-auxiliary"]
        case .strictListCommas: ["serial-comma"]
        }
    }

    /// What the feature does, for the scheme table.
    public var summary: String {
        switch self {
        case .fourSymbols: "a slot with three or four wordings carries one of up to four symbols (a q-ary Tardos code)"
        case .findableNormalForms: "a normaliser writes the form it can find again (the open compound, the comma-less clause and phrase)"
        case .clauseCommaAdded: "a comma may also be added before \"but\" and a pronoun subject after a long clause"
        case .unitedStatesWordings: "\"U.S.\" / \"United States\" / \"US\" as one slot of three wordings"
        case .originalsOwnCapital: "a phrase's alternative keeps the original's own capital (scheme 2 capitalised after a dash)"
        case .longerIntroductions:
            "an introductory phrase may be up to seven words long, with more openers, and must close right before the main clause"
        case .articleAgreement: "right after \"a\" or \"an\" a slot varies only between wordings that take the same article"
        case .thatBeforeShortSubject: "\"that\" may be added before a short noun subject (\"said the government would\")"
        case .fourthReportingWording: "\"said\" / \"stated\" with or without \"that\": four wordings"
        case .listedCompoundsSpelled: "a compound with a listed closed spelling belongs to `compound-spelling`"
        case .hostCountry: "rules know the country of the post a cable comes from"
        case .americanWordings: "\"American\" beside \"U.S.\" before a listed noun, \"American Government\" beside \"USG\""
        case .articleBySound: "right after \"a\" or \"an\" every wording takes the article it is said with"
        case .moreAbbreviations: "more abbreviations every reader of cables knows, written out or not"
        case .abbreviationsFitTheirPlace: "an abbreviation is varied only where its expansion reads well (never a company's suffix)"
        case .departmentAbbreviations: "\"DOE\", \"DOD\" and \"DOJ\" written out"
        case .hostGovernmentTakesThe: "the host government's slot takes in \"the\", and its \"of\" form is written only where the phrase ends"
        case .genitivesEndTheirPhrase: "a genitive's noun must end its phrase, and never one of two possessors"
        case .personGenitiveEvents: "a person's events and relations (speech, resignation, allies) take the genitive too"
        case .cooperationHyphen: "\"cooperation\" / \"co-operation\" and \"coordination\" / \"co-ordination\" in mixed-case cables"
        case .britishWording: "\"British\" beside \"UK\" before a listed noun"
        case .releaseMarkingsKept: "a release marking (\"REL UK\") is never varied"
        case .currenciesKept: "\"US\" before a currency amount (\"US$16 million\") is never varied"
        case .adjacentSlots: "two slots may stand side by side with no unchanging word between"
        case .evenSymbols: "every symbol of a slot is equally likely"
        case .politicalMilitaryPM: "\"PM\" before an office of the Department is Political-Military Affairs, never a Prime Minister"
        case .nounUsesKept: "a verb of saying after a possessive or a determiner is a noun (\"his report that\"), and never varied"
        case .moreThatVerbs: "more verbs of saying and thinking take or drop \"that\""
        case .speakerAfterVerb: "a named speaker may also follow the reporting verb (\", Moratinos said.\" / \", said Moratinos.\")"
        case .willLikely: "\"will likely\" / \"will probably\" in either order: one slot of four wordings"
        case .strictListCommas: "a list's comma only between short items of one list (never after \"however\", never in \"between A and B\")"
        case .strictIntroductoryCommas: "an introductory comma only where the main clause opens with a determiner, a pronoun or a name"
        case .noSlotsInAddresses: "never a slot inside a web or mail address"
        }
    }
}

extension FingerprintScheme {
    /// Whether this scheme has `feature`.
    public func has(_ feature: SchemeFeature) -> Bool {
        self >= feature.since && feature.until.map { self < $0 } ?? true
    }
}
