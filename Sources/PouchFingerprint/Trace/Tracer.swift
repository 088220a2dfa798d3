import Foundation
import PouchCore

/// What one leak showed of one cable: the symbol read in each slot it showed cleanly.
public struct LeakReading: Sendable {
    /// Index of the cable in the tracer's list.
    public var cable: Int
    /// Slot index → symbol (an index into the slot's `symbols`).
    public var symbols: [Int: UInt8]
    /// Slots the leak showed in some wording (including the ones that carry no symbol).
    public var slotsSeen: Int
    /// Words in the leak.
    public var leakWords: Int
}

/// The outcome of a trace.
public struct TraceVerdict: Sendable, Codable {
    public struct Candidate: Sendable, Codable, Hashable {
        public var recipient: String
        public var score: Double
        /// An upper bound on the probability that any innocent recipient scores this high
        /// (union bound over all recipients).
        public var falseAccusationProbability: Double
        /// When the partner test gave the bound: the recipient whose copy it took for the second
        /// source of a merged leak, and `score` is that test's log-likelihood ratio (not part of the
        /// JSON verdict).
        public var partner: String? = nil

        public init(recipient: String, score: Double, falseAccusationProbability: Double, partner: String? = nil) {
            self.recipient = recipient
            self.score = score
            self.falseAccusationProbability = falseAccusationProbability
            self.partner = partner
        }

        enum CodingKeys: String, CodingKey {
            case recipient, score, falseAccusationProbability
        }
    }

    /// `identified` or `inconclusive`.
    public var verdict: String
    public var accused: [Candidate]
    /// The top five recipients by score.
    public var candidates: [Candidate]
    /// Slots the leak showed, in any wording.
    public var slotsObserved: Int
    /// Slots in the cable(s) traced.
    public var slotsInCable: Int
    /// Bits read: over the slots whose wording carried a symbol, log₂ of each slot's number of symbols.
    public var bitsObserved: Int
    /// Slots whose wording carried a symbol (not part of the JSON verdict).
    public var symbolsRead: Int = 0
    /// When inconclusive: about how many more readable slots would settle it.
    public var moreSlotsNeeded: Int?
    /// The threshold the bound had to meet.
    public var maxFalseAccusation: Double
    /// Every recipient's score, highest first (for charts; not part of the JSON verdict).
    public var scores: [Candidate] = []
    /// The score at which the reported test convicts the top-ranked recipient: an innocent exceeds
    /// it with probability at most that recipient's share of `maxFalseAccusation` (over all
    /// recipients together). Other recipients' shares may differ (see `Tracer`); nil when no slot
    /// was read.
    public var scoreThreshold: Double?
    /// Rules the leak seemed copy-edited to one wording in (traced both with and without them;
    /// not part of the JSON verdict).
    public var restyledRules: [String] = []

    enum CodingKeys: String, CodingKey {
        case verdict, accused, candidates, slotsObserved, slotsInCable, bitsObserved, moreSlotsNeeded, maxFalseAccusation
    }
}

/// Traces leaked text to the recipients whose copies it came from.
///
/// Scores are the symmetric Tardos score (Škorić et al.), for any number of symbols: per read
/// slot where the leak shows symbol `y`, drawn with probability `p_y`, a recipient whose symbol
/// is `y` gains `√((1−p_y)/p_y)` and any other loses `√(p_y/(1−p_y))`. For an innocent recipient the symbols are
/// independent of the leak, so its score is a sum of independent zero-mean terms; a Chernoff
/// bound on that sum, times the number of recipients, bounds the probability of accusing
/// anyone innocent. Only recipients under the threshold are accused.
///
/// Two colluders who merge their copies each earn only about half a lone leaker's score: where
/// their copies differ, the leak shows one of them and the other loses. So the tracer also runs a
/// partner test for the best-ranked recipients. For recipient `a`, the highest-ranked other
/// recipient `b` stands in for a second colluder; wherever the leak differs from `b`'s copy, a
/// colluder `a` must show the leak's symbol, and wherever it matches, `a` matches a little more
/// often than chance. `a` is scored by the log-likelihood ratio of those two cases. Which
/// recipient is `b` depends on the leak and the other recipients' symbols alone, so an innocent
/// `a`'s symbols stay independent of the weights, and the same exact tail bounds its score. Each
/// recipient's share of the threshold is split between its plain and partner tests: a tenth to
/// the partner test as a rule (a lone leaker, whom the plain test convicts, pays log₂ 1/0.9 ≈
/// 0.15 bits for it), nine tenths when the best-ranked other recipient alone already scores high
/// enough to suggest a second source (`PartnerSplit`). That split too depends only on the leak and
/// the other recipients' symbols, so the union bound over all recipients and tests still holds.
///
/// A publisher may copy-edit a leak to a house style, writing every serial comma, hyphen or
/// optional "that" one way. Those slots then read the same wording throughout, which would count
/// against the leaker half the time. When a leak shows rules settled that uniformly, the tracer
/// also scores it without them; the two tests share the threshold (nine tenths to the full test),
/// so the bound still holds.
public struct Tracer: Sendable {
    public let fingerprints: [CableFingerprint]
    private let aligners: [LeakAligner]

    public init(fingerprints: [CableFingerprint]) {
        self.fingerprints = fingerprints
        self.aligners = fingerprints.map { LeakAligner(fingerprint: $0) }
    }

    /// Reads a leak against every cable; returns the readings of the cables it matches.
    public func read(leak text: String) -> [LeakReading] {
        let tokens = TraceText.tokens(of: text)
        let words = tokens.filter { $0 != "," }.count
        var readings: [LeakReading] = []
        for (index, aligner) in aligners.enumerated() {
            let seen = aligner.read(tokens)
            guard !seen.isEmpty else { continue }
            var symbols: [Int: UInt8] = [:]
            for (slot, alternative) in seen {
                if let symbol = fingerprints[index].slots[slot].symbols.firstIndex(of: alternative) { symbols[slot] = UInt8(symbol) }
            }
            readings.append(LeakReading(cable: index, symbols: symbols, slotsSeen: seen.count, leakWords: words))
        }
        return readings
    }

    /// Every recipient's symbols in every cable, derived once (for tracing many leaks against the same copies).
    public func codes(for recipients: [String]) -> RecipientCodes {
        RecipientCodes(recipients: recipients, symbols: fingerprints.map { fingerprint in recipients.map { fingerprint.symbols(for: $0) } })
    }

    /// Scores every recipient on the combined readings of one or more leaks and decides.
    public func trace(_ readings: [LeakReading], recipients: [String], maxFalseAccusation: Double = 1e-6) -> TraceVerdict {
        trace(readings, codes: codes(for: recipients, cables: Set(readings.map(\.cable))), maxFalseAccusation: maxFalseAccusation)
    }

    private func codes(for recipients: [String], cables: Set<Int>) -> RecipientCodes {
        RecipientCodes(
            recipients: recipients,
            symbols: fingerprints.indices.map { index in
                cables.contains(index) ? recipients.map { fingerprints[index].symbols(for: $0) } : []
            })
    }

    /// Scores every recipient (with symbols already derived) and decides.
    public func trace(_ readings: [LeakReading], codes: RecipientCodes, maxFalseAccusation: Double = 1e-6) -> TraceVerdict {
        let recipients = codes.recipients
        // Merge readings of the same cable: agreeing symbols count once, disagreeing ones are dropped.
        var merged: [Int: [Int: UInt8]] = [:]
        var conflicts: [Int: Set<Int>] = [:]
        var seenSlots: [Int: Int] = [:]
        for reading in readings {
            seenSlots[reading.cable] = max(seenSlots[reading.cable] ?? 0, reading.slotsSeen)
            for (slot, symbol) in reading.symbols {
                if let previous = merged[reading.cable]?[slot], previous != symbol { conflicts[reading.cable, default: []].insert(slot) }
                merged[reading.cable, default: [:]][slot] = symbol
            }
        }
        for (cable, slots) in conflicts { for slot in slots { merged[cable]?[slot] = nil } }

        // Positions: (cable, slot, probability of the leaked symbol, leaked symbol).
        var positions: [Position] = []
        var bits = 0.0
        for (cable, symbols) in merged.sorted(by: { $0.key < $1.key }) {
            for (slot, y) in symbols.sorted(by: { $0.key < $1.key }) {
                let probabilities = fingerprints[cable].symbolProbabilities[slot]
                positions.append(Position(cable: cable, slot: slot, p: probabilities[Int(y)], y: y))
                bits += log2(Double(probabilities.count))
            }
        }
        let slotsInCable = Set(readings.map(\.cable)).reduce(0) { $0 + fingerprints[$1].slots.count }
        let n = max(1, recipients.count)

        // A leak that looks copy-edited to a house style is traced twice, with and without the
        // rules the style settled, the two tests sharing the threshold. Which rules look settled
        // depends on the leak alone, so innocents' symbols stay independent of every position
        // traced and the union of the two tests keeps the bound.
        let restyled = restyledRules(positions)
        let partnered = recipients.count >= 2 && !positions.isEmpty
        var tests = [ScoreTest(positions: positions, share: restyled.isEmpty ? 1 : 1 - Self.restyledShare)]
        if !restyled.isEmpty {
            let kept = positions.filter { !restyled.contains(RuleKey(cable: $0.cable, rule: fingerprints[$0.cable].slots[$0.slot].rule)) }
            tests.append(ScoreTest(positions: kept, share: Self.restyledShare))
        }
        // The plain ranking decides the split of each recipient's share between its plain and
        // partner tests; the ranking does not depend on the shares, only the bounds do.
        let rankings = tests.map { rank($0, codes: codes) }
        let split = partnered ? PartnerSplit(ranking: rankings[0], bound: tests[0].bound, recipients: n) : .none
        let outcomes = zip(tests, rankings).map { test, ranking in
            ScoreOutcome(
                test: test,
                ranked: ranking.map { recipient, score in
                    TraceVerdict.Candidate(
                        recipient: recipient, score: score,
                        falseAccusationProbability: test.positions.isEmpty
                            ? 1
                            : test.bound.falseAccusationProbability(
                                of: score, recipients: n, share: test.share * (1 - split.partnerShare(of: recipient))))
                })
        }
        // Report through the test that came nearest to convicting someone.
        let reported = outcomes.min { ($0.ranked.first?.falseAccusationProbability ?? 1) < ($1.ranked.first?.falseAccusationProbability ?? 1) }!
        let convictions = outcomes.flatMap { $0.ranked.filter { $0.falseAccusationProbability <= maxFalseAccusation } }
        var accusedBy: [String: TraceVerdict.Candidate] = [:]
        for candidate in convictions {
            if let earlier = accusedBy[candidate.recipient], earlier.falseAccusationProbability <= candidate.falseAccusationProbability { continue }
            accusedBy[candidate.recipient] = candidate
        }
        // A recipient their own copy convicts is reported through it, even where the partner test's
        // bound is tighter: naming a partner would suggest a merged copy that the evidence does not need.
        if partnered {
            for candidate in partnerTests(positions, ranked: outcomes[0].ranked, split: split, codes: codes, recipients: n)
            where candidate.falseAccusationProbability <= maxFalseAccusation && accusedBy[candidate.recipient] == nil {
                accusedBy[candidate.recipient] = candidate
            }
        }
        let accused = accusedBy.values.sorted {
            $0.falseAccusationProbability != $1.falseAccusationProbability
                ? $0.falseAccusationProbability < $1.falseAccusationProbability : $0.recipient < $1.recipient
        }
        // The threshold line and the slots still needed are the top-ranked recipient's.
        let topPlainShare = 1 - split.partnerShare(of: outcomes[0].ranked.first?.recipient ?? "")
        var more: Int?
        if accused.isEmpty {
            let full = tests[0]
            more = full.bound.moreSlotsNeeded(
                topScore: outcomes[0].ranked.first?.score ?? 0, recipients: n,
                maxFalseAccusation: maxFalseAccusation * full.share * topPlainShare)
        }
        let threshold = reported.test.bound.scoreThreshold(
            recipients: n, maxFalseAccusation: maxFalseAccusation * reported.test.share * topPlainShare)
        return TraceVerdict(
            verdict: accused.isEmpty ? "inconclusive" : "identified", accused: accused, candidates: Array(reported.ranked.prefix(5)),
            slotsObserved: seenSlots.values.reduce(0, +), slotsInCable: slotsInCable, bitsObserved: Int(bits.rounded()),
            symbolsRead: positions.count, moreSlotsNeeded: more, maxFalseAccusation: maxFalseAccusation,
            scores: reported.ranked, scoreThreshold: reported.test.positions.isEmpty || !threshold.isFinite ? nil : threshold,
            restyledRules: Set(restyled.map(\.rule)).sorted())
    }

    /// One read slot: its cable and index, the probability that an innocent holds the leaked symbol, and that symbol.
    struct Position {
        var cable: Int
        var slot: Int
        var p: Double
        var y: UInt8
    }

    /// A rule's slots in one cable.
    struct RuleKey: Hashable {
        var cable: Int
        var rule: String
    }

    /// One test of the trace: the positions it scores, and its share of the false-accusation threshold.
    struct ScoreTest {
        var positions: [Position]
        var share: Double
        var bound: TardosBound

        init(positions: [Position], share: Double) {
            self.positions = positions
            self.share = share
            bound = TardosBound(leakedSymbolProbabilities: positions.map(\.p))
        }
    }

    /// A test's scores: every recipient, best first, with the test's bound (already divided by its share).
    struct ScoreOutcome {
        var test: ScoreTest
        var ranked: [TraceVerdict.Candidate]
    }

    /// Every recipient's score in a test, best first (ties by name).
    private func rank(_ test: ScoreTest, codes: RecipientCodes) -> [(recipient: String, score: Double)] {
        let contributions = test.bound.terms
        var scored: [(recipient: String, score: Double)] = []
        scored.reserveCapacity(codes.recipients.count)
        for (r, recipient) in codes.recipients.enumerated() {
            var total = 0.0
            for (k, position) in test.positions.enumerated() {
                total += codes.symbols[position.cable][r][position.slot] == position.y ? contributions[k].match : contributions[k].other
            }
            scored.append((recipient, total))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.recipient < $1.recipient }
        return scored
    }

    /// How each recipient's share of the threshold is split between its plain tests and its
    /// partner test. A recipient's partner test gets the larger part when the best-ranked *other*
    /// recipient scores so high on its own that a second source looks likely; that evidence comes
    /// from the leak and the other recipients' symbols alone, so for an innocent recipient the
    /// split is fixed before its own symbols count, and every recipient's parts still sum to its
    /// share of the threshold.
    struct PartnerSplit {
        /// The top-ranked recipient, whose best other is the second-ranked one.
        var top: String
        /// The partner tests' part for the top-ranked recipient, and for everyone else.
        var topPart: Double
        var othersPart: Double

        static let none = PartnerSplit(top: "", topPart: 0, othersPart: 0)

        init(top: String, topPart: Double, othersPart: Double) {
            self.top = top
            self.topPart = topPart
            self.othersPart = othersPart
        }

        init(ranking: [(recipient: String, score: Double)], bound: TardosBound, recipients n: Int) {
            // A recipient's own union bound, with the whole threshold to itself.
            let part = { (score: Double) in
                bound.falseAccusationProbability(of: score, recipients: n, share: 1) <= Tracer.secondSourceEvidence
                    ? Tracer.partnerShareForSecondSource : Tracer.partnerShare
            }
            self.init(top: ranking[0].recipient, topPart: part(ranking[1].score), othersPart: part(ranking[0].score))
        }

        func partnerShare(of recipient: String) -> Double {
            recipient == top ? topPart : othersPart
        }
    }

    /// Partner tests for the best-ranked recipients of the full test (see the type's notes): each
    /// candidate's score and bound, with the bound divided by the partner tests' share.
    private func partnerTests(
        _ positions: [Position], ranked: [TraceVerdict.Candidate], split: PartnerSplit, codes: RecipientCodes, recipients n: Int
    ) -> [TraceVerdict.Candidate] {
        let index = { (recipient: String) in codes.recipients.firstIndex(of: recipient)! }
        return ranked.prefix(Self.partnerCandidates).map { candidate in
            // The partner is the best-ranked recipient other than the candidate: the plain ranking
            // depends on each recipient's own symbols and the leak, so not on the candidate's.
            let partner = ranked.first { $0.recipient != candidate.recipient }!.recipient
            let a = index(candidate.recipient)
            let b = index(partner)
            let terms = positions.map { position in
                let p = position.p
                return codes.symbols[position.cable][b][position.slot] == position.y
                    ? (p: p, match: log(2 / (1 + p)), other: log(1 / (1 + p)))
                    : (p: p, match: log(1 / p), other: log(Self.partnerMisread / (1 - p)))
            }
            var score = 0.0
            for (position, term) in zip(positions, terms) {
                score += codes.symbols[position.cable][a][position.slot] == position.y ? term.match : term.other
            }
            let bound = TardosBound(terms: terms)
            return TraceVerdict.Candidate(
                recipient: candidate.recipient, score: score,
                falseAccusationProbability:
                    bound.falseAccusationProbability(of: score, recipients: n, share: split.partnerShare(of: candidate.recipient)), partner: partner)
        }
    }

    /// The part of a recipient's share of the threshold its partner test gets, as a rule.
    static let partnerShare = 0.1
    /// The part it gets when the best-ranked other recipient's own union bound is at most
    /// `secondSourceEvidence`: so strong a second score suggests a merged leak. When a leak has
    /// one source every other recipient is innocent, so by the union bound at most a tenth of such
    /// leaks show one: a lone leaker pays log₂ 10 ≈ 3.3 bits in at most a tenth of traces, and
    /// log₂ 1/0.9 ≈ 0.15 bits in the rest.
    static let partnerShareForSecondSource = 0.9
    static let secondSourceEvidence = 0.1
    /// How many of the best-ranked recipients get a partner test. Two colluders are nearly always
    /// the top two; the bound does not depend on how many are tried.
    static let partnerCandidates = 3
    /// The rate of misread slots the partner test allows for where the leak differs from the
    /// partner's copy. A colluder's copy should match the leak in every such slot; a misread one
    /// costs about log 1/0.02 ≈ 4 nats instead of refuting the pair. (On the benchmark's merged
    /// and intercepted cables 0.001 to 0.02 do equally well, and 0.05 worse.)
    static let partnerMisread = 0.02

    /// The rules a leak seems copy-edited to one wording in. A rule's readable slots in a cable
    /// look settled when more of them read the wording a normaliser picks (or, for two-wording
    /// slots, fewer) than honest copies would with probability `restyledRuleEvidence`; slots whose
    /// normaliser's wording is no symbol are not counted. The leak counts as copy-edited when the
    /// settled rules together are rarer than `restyledEvidence` in honest copies; then all of them
    /// are set aside, since the full test still stands for any honest ones among them.
    func restyledRules(_ positions: [Position]) -> Set<RuleKey> {
        var groups: [RuleKey: (pCanonical: [Double], canonical: Int, binary: Bool)] = [:]
        for position in positions {
            let slot = fingerprints[position.cable].slots[position.slot]
            guard let canonicalSymbol = slot.symbols.firstIndex(of: slot.canonical) else { continue }
            let key = RuleKey(cable: position.cable, rule: slot.rule)
            var group = groups[key] ?? ([], 0, true)
            group.pCanonical.append(fingerprints[position.cable].symbolProbabilities[position.slot][canonicalSymbol])
            if Int(position.y) == canonicalSymbol { group.canonical += 1 }
            group.binary = group.binary && slot.symbols.count == 2
            groups[key] = group
        }
        var suspects: Set<RuleKey> = []
        var logEvidence = 0.0
        for (key, group) in groups where group.pCanonical.count >= Self.restyledRuleMinimum {
            // In honest copies the number of canonical readings is a sum of independent Bernoullis.
            var density = [1.0]
            for p in group.pCanonical {
                var next = [Double](repeating: 0, count: density.count + 1)
                for (count, probability) in density.enumerated() {
                    next[count] += probability * (1 - p)
                    next[count + 1] += probability * p
                }
                density = next
            }
            let atLeast = density[group.canonical...].reduce(0, +)
            let atMost = density[...group.canonical].reduce(0, +)
            let tail = group.binary ? min(atLeast, atMost) : atLeast
            if tail <= Self.restyledRuleEvidence {
                suspects.insert(key)
                logEvidence += log(tail)
            }
        }
        return logEvidence <= log(Self.restyledEvidence) ? suspects : []
    }

    /// Fewest readable slots of one rule that can show a house style.
    static let restyledRuleMinimum = 2
    /// How improbable in honest copies a rule's readings must be to look settled.
    static let restyledRuleEvidence = 0.25
    /// How improbable in honest copies the settled rules together must be.
    static let restyledEvidence = 1e-3
    /// The share of the threshold the test without the settled rules gets. Honest leaks that look
    /// copy-edited by chance keep the rest for the full test, so they lose little (log₂ 1/0.9 ≈
    /// 0.15 bits); a copy-edited leak pays log₂ 10 ≈ 3.3 bits but sheds its settled slots, each of
    /// which would count against the leaker half the time.
    static let restyledShare = 0.1
}
