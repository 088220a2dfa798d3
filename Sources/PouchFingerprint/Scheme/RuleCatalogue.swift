import PouchCore

/// The catalogue of slot rules: the public rules every Pouch has, plus a deployment's private
/// rules, which an adversary who knows the public catalogue cannot normalise away.
public struct RuleCatalogue: Sendable {
    /// Every rule in order of precedence, each with the first scheme whose catalogue has it.
    let entries: [(rule: any SlotRule, since: FingerprintScheme)]

    var rules: [any SlotRule] { entries.map(\.rule) }

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

    init(entries: [(rule: any SlotRule, since: FingerprintScheme)]) { self.entries = entries }

    /// The public catalogue: the one place that says which rules each scheme has and which rule
    /// wins where two rules' spans overlap (the earlier one). A rule's place is part of every
    /// scheme from its `since` on, so a new rule goes at the end, placed with the new scheme;
    /// moving or re-dating a rule changes the copies of schemes already frozen.
    public static let publicCatalogue = RuleCatalogue(
        entries: [
            place(DefinedAbbreviationRule(), since: .v1),
            place(KnownAbbreviationRule(), since: .v2),
            place(UnitedStatesRule(), since: .v1),
            place(CountryGovernmentRule(), since: .v8),
            place(GenitiveRule(), since: .v1),
            place(InstitutionGenitiveRule(), since: .v2),
            place(ToldThatRule(), since: .v1),
            place(ToldInformedRule(), since: .v1),
            place(ReportingVerbRule(), since: .v2),
            place(ComplementizerRule(), since: .v1),
            place(NominativeComplementizerRule(), since: .v2),
            place(MetWithRule(), since: .v1),
            place(AlsoAuxiliaryRule(), since: .v1),
            place(SerialCommaRule(), since: .v1),
            place(IntroductoryCommaRule(), since: .v1),
            place(ClauseCommaRule(), since: .v1),
            place(HyphenatedCompoundRule(), since: .v1),
            place(RelativePronounRule(), since: .v2),
            place(ContinueToRule(), since: .v2),
            place(SpokeWithRule(), since: .v2),
            place(repliedResponded, since: .v1),
            place(emphasizedUnderscored, since: .v1),
            place(remarkedCommented, since: .v1),
            place(expressedVoiced, since: .v1),
            place(regardingConcerning, since: .v1),
            place(withRegardRespect, since: .v1),
            place(allOfThe, since: .v1),
            place(basedOn, since: .v1),
            place(eachOther, since: .v1),
            place(inOrderTo, since: .v1),
            place(despite, since: .v1),
            place(priorTo, since: .v1),
            place(approximatelyRoughly, since: .v1),
            place(nearlyAlmost, since: .v1),
            place(mainlyPrimarily, since: .v1),
            place(currentlyAtPresent, since: .v1),
            place(upcomingForthcoming, since: .v1),
            place(towardTowards, since: .v1),
            place(forExample, since: .v1),
            place(inAddition, since: .v1),
            place(moreoverFurthermore, since: .v1),
            place(neverthelessNonetheless, since: .v1),
            place(asAResult, since: .v1),
            place(appearsSeems, since: .v1),
            place(askedWhetherIf, since: .v1),
            place(currentPresent, since: .v1),
            place(aheadOf, since: .v1),
            place(inLightOf, since: .v1),
            place(majorityMost, since: .v1),
            place(notedObserved, since: .v1),
            place(meanwhile, since: .v1),
            place(afterward, since: .v1),
            place(atThisTime, since: .v1),
            place(althoughThough, since: .v2),
            place(especiallyParticularly, since: .v2),
            place(additionalFurther, since: .v2),
            place(becauseOf, since: .v2),
            place(entireWhole, since: .v2),
            place(oftenFrequently, since: .v2),
            place(quicklyRapidly, since: .v2),
            place(beganStarted, since: .v2),
            place(beginStart, since: .v2),
            place(triedAttempted, since: .v2),
            place(tryingAttempting, since: .v2),
            place(uponOn, since: .v2),
            place(numerousMany, since: .v2),
            place(mainPrincipal, since: .v2),
            place(percent, since: .v2),
            place(similarlyLikewise, since: .v2),
            place(inAnEffortTo, since: .v2),
            place(whetherIf, since: .v2),
            place(madeClear, since: .v2),
            place(sidelines, since: .v2),
            place(soFar, since: .v2),
            place(followingDay, since: .v2),
            place(forTheTimeBeing, since: .v2),
            place(appearSeem, since: .v2),
            place(aboutRegarding, since: .v2),
            place(askedInquiredAbout, since: .v2),
            place(seenViewedAs, since: .v2),
            place(dialogueDialog, since: .v2),
            place(appearedSeemed, since: .v2),
            place(SentenceAdverbCommaRule(), since: .v2),
            place(AdverbAuxiliaryRule(), since: .v3),
            place(AdjectiveComplementizerRule(), since: .v3),
            place(NumberQualifierRule(), since: .v3),
            place(AdjectivePairRule(), since: .v3),
            place(dueTo, since: .v3),
            place(duringInTheCourseOf, since: .v3),
            place(ongoingContinuing, since: .v3),
            place(inHolderView, since: .v3),
            place(inTheComingSpan, since: .v3),
            place(thereforeThus, since: .v5),
            place(soonShortly, since: .v5),
            place(beginningStarting, since: .v5),
            place(beginsStarts, since: .v5),
            place(TopicPrepositionRule(), since: .v5),
            place(LatinAbbreviationRule(), since: .v5),
            place(PrefixHyphenRule(), since: .v5),
            place(CompoundSpellingRule(), since: .v5),
            place(HostGovernmentRule(), since: .v6),
            place(PortfolioRule(), since: .v7),
            place(CountryPairRule(), since: .v8),
            place(ParagraphReferenceRule(), since: .v8),
            place(PersonGenitiveRule(), since: .v8),
            place(whileWhilst, since: .v9),
            place(adviserAdvisor, since: .v9),
            place(advisersAdvisors, since: .v9),
            place(helpTo, since: .v9),
            place(helpsTo, since: .v9),
            place(helpedTo, since: .v9),
            place(helpingTo, since: .v9),
            place(DatePrepositionRule(), since: .v9),
            place(endMarkers, since: .v10),
            place(overThePast, since: .v10),
            place(largelyMostly, since: .v10),
            place(reiteratedRepeated, since: .v10),
            place(requestedAskedFor, since: .v10),
            place(alongWith, since: .v10),
            place(inPart, since: .v10),
            place(insteadOf, since: .v10),
            place(inThisRegard, since: .v10),
            place(inThatRegard, since: .v10),
            place(wideRange, since: .v10),
            place(byContrast, since: .v10),
            place(atTheTime, since: .v10),
            place(regardlessOf, since: .v10),
            place(tryAttempt, since: .v11),
            place(triesAttempts, since: .v11),
            place(SuchAsRule(), since: .v11),
            place(likelyProbably, since: .v12),
            place(firstFirstly, since: .v12),
            place(secondSecondly, since: .v12),
            place(thirdThirdly, since: .v12),
            place(buyPurchase, since: .v12),
            place(boughtPurchased, since: .v12),
            place(buyingPurchasing, since: .v12),
            place(buysPurchases, since: .v12),
            place(HoweverPlacementRule(), since: .v12),
            place(BeforeEventRule(), since: .v12),
        ].flatMap(\.self))

    /// One line of the public catalogue: a rule, or a family of phrase rules, and the scheme it entered.
    private static func place(_ rule: any SlotRule, since: FingerprintScheme) -> [(rule: any SlotRule, since: FingerprintScheme)] {
        [(rule, since)]
    }

    private static func place(_ family: [PhraseRule], since: FingerprintScheme) -> [(rule: any SlotRule, since: FingerprintScheme)] {
        family.map { ($0, since) }
    }

    /// The public catalogue with a deployment's private rules on top (they take precedence where spans overlap).
    public func adding(_ privateRules: [PhraseRule]) -> RuleCatalogue {
        RuleCatalogue(
            entries: privateRules.map {
                var rule = $0
                rule.isPrivate = true
                return (rule, .v1)
            } + entries)
    }

    /// The rules of a profile.
    public func rules(for profile: FingerprintProfile) -> RuleCatalogue {
        RuleCatalogue(entries: entries.filter { profile == .standard || $0.rule.profile == .strict })
    }

    /// Only the private rules (what survives an adversary who normalises the public catalogue).
    public var privateOnly: RuleCatalogue { RuleCatalogue(entries: entries.filter(\.rule.isPrivate)) }
    /// Only the public rules.
    public var publicOnly: RuleCatalogue { RuleCatalogue(entries: entries.filter { !$0.rule.isPrivate }) }
    /// Only the rules with these IDs (what a house style that settles some choices one way touches).
    public func restricted(to ids: Set<String>) -> RuleCatalogue { RuleCatalogue(entries: entries.filter { ids.contains($0.rule.id) }) }
}
