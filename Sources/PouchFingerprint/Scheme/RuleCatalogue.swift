import PouchCore

/// The catalogue of slot rules: the public rules every Pouch has, plus a deployment's private
/// rules, which an adversary who knows the public catalogue cannot normalise away.
public struct RuleCatalogue: Sendable {
    let rules: [any SlotRule]

    /// One rule as `pouch mark --explain` and the docs present it.
    public struct RuleDescription: Sendable, Hashable {
        public var id: String
        public var summary: String
        public var reason: String
        public var profile: FingerprintProfile
        public var isPrivate: Bool
    }

    public var descriptions: [RuleDescription] {
        rules.map { RuleDescription(id: $0.id, summary: $0.summary, reason: $0.reason, profile: $0.profile, isPrivate: $0.isPrivate) }
    }

    init(rules: [any SlotRule]) { self.rules = rules }

    /// The public catalogue, in order of precedence: where two rules' spans overlap, the earlier
    /// one wins. A rule finds slots from its `since` scheme on, and its place here is part of every
    /// later scheme, so a new rule goes at the end. `SchemeManifest` lists what each scheme added.
    public static let publicCatalogue = RuleCatalogue(rules: Array([
        structuralRules,
        phraseRules,
        schemeTwoPhraseRules,
        [SentenceAdverbCommaRule()],
        [AdverbAuxiliaryRule(), AdjectiveComplementizerRule(), NumberQualifierRule(), AdjectivePairRule()],
        schemeThreePhraseRules,
        schemeFivePhraseRules,
        [TopicPrepositionRule(), LatinAbbreviationRule(), PrefixHyphenRule(), CompoundSpellingRule()],
        [HostGovernmentRule()],
        [PortfolioRule()],
        [CountryPairRule(), ParagraphReferenceRule(), PersonGenitiveRule()],
        schemeNinePhraseRules,
        [DatePrepositionRule()],
        schemeTenPhraseRules,
        schemeElevenPhraseRules,
        schemeTwelvePhraseRules,
    ].joined()))

    /// The public catalogue with a deployment's private rules on top (they take precedence where spans overlap).
    public func adding(_ privateRules: [PhraseRule]) -> RuleCatalogue {
        RuleCatalogue(rules: privateRules.map { var rule = $0; rule.isPrivate = true; return rule } + rules)
    }

    /// The rules of a profile.
    public func rules(for profile: FingerprintProfile) -> RuleCatalogue {
        RuleCatalogue(rules: rules.filter { profile == .standard || $0.profile == .strict })
    }

    /// Only the private rules (what survives an adversary who normalises the public catalogue).
    public var privateOnly: RuleCatalogue { RuleCatalogue(rules: rules.filter(\.isPrivate)) }
    /// Only the public rules.
    public var publicOnly: RuleCatalogue { RuleCatalogue(rules: rules.filter { !$0.isPrivate }) }
    /// Only the rules with these IDs (what a house style that settles some choices one way touches).
    public func restricted(to ids: Set<String>) -> RuleCatalogue { RuleCatalogue(rules: rules.filter { ids.contains($0.id) }) }

    static let structuralRules: [any SlotRule] = [
        DefinedAbbreviationRule(), KnownAbbreviationRule(), UnitedStatesRule(), CountryGovernmentRule(), GenitiveRule(), InstitutionGenitiveRule(), ToldThatRule(), ToldInformedRule(), ReportingVerbRule(), ComplementizerRule(), NominativeComplementizerRule(),
        MetWithRule(), AlsoAuxiliaryRule(), SerialCommaRule(), IntroductoryCommaRule(), ClauseCommaRule(), HyphenatedCompoundRule(),
        RelativePronounRule(), ContinueToRule(), SpokeWithRule(),
    ]
}
