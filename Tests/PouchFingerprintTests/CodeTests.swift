import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Codes: stateless, keyed, per recipient")
struct CodeTests {
    @Test("the same recipient always gets the same copy; different recipients get different copies")
    func copies() throws {
        let fingerprint = LongCable.fingerprint
        #expect(fingerprint.slots.count >= 40)
        let again = CableFingerprint(cable: LongCable.cable, key: TestKeys.key)
        #expect(fingerprint.copy(for: "alice") == again.copy(for: "alice"))
        let recipients = (0..<50).map { "R\($0)" }
        let copies = recipients.map { fingerprint.copy(for: $0) }
        #expect(Set(copies.map { CableRenderer().render($0) }).count == 50)
        // Another key gives other copies.
        #expect(CableFingerprint(cable: LongCable.cable, key: TestKeys.other).copy(for: "alice") != fingerprint.copy(for: "alice"))
    }

    @Test("a copy differs from the original only inside slots, and parses back")
    func copyShape() throws {
        let fingerprint = LongCable.fingerprint
        let copy = fingerprint.copy(for: "bob")
        #expect(copy.paragraphs.count == LongCable.cable.paragraphs.count)
        #expect(copy.subject == LongCable.cable.subject && copy.tags == LongCable.cable.tags && copy.referenceID == LongCable.cable.referenceID)
        for (p, paragraph) in copy.paragraphs.enumerated() {
            #expect(paragraph.number == LongCable.cable.paragraphs[p].number && paragraph.mark == LongCable.cable.paragraphs[p].mark)
        }
        #expect(try CableParser().parse(text: CableRenderer().render(copy)).cable == copy)
        // Writing the original's own wording everywhere gives the original back.
        #expect(fingerprint.text(choosing: \.original) == LongCable.cable)
    }

    @Test(
        "symbols follow each slot's symbol probabilities (two and three symbols): drawn per cable before scheme 11, even from it",
        arguments: [FingerprintScheme.v10, .v11])
    func symbolFrequencies(scheme: FingerprintScheme) {
        let fingerprint = CableFingerprint(cable: LongCable.cable, key: TestKeys.key, scheme: scheme)
        #expect(Set(fingerprint.slots.map(\.symbols.count)).isSuperset(of: [2, 3]))
        for (slot, probabilities) in zip(fingerprint.slots, fingerprint.symbolProbabilities) {
            #expect(probabilities.count == slot.symbols.count)
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
            if scheme.has(.evenSymbols) {
                #expect(probabilities.allSatisfy { $0 == 1 / Double(probabilities.count) })
            } else {
                let floor = probabilities.count == 2 ? CableFingerprint.cutoff : 2 * CableFingerprint.cutoff / Double(probabilities.count)
                #expect(probabilities.allSatisfy { $0 >= floor - 1e-9 })
            }
        }
        // Per number of symbols: how often each symbol index is drawn, against its expected count.
        var drawn: [Int: [Double]] = [:]
        var expected: [Int: [Double]] = [:]
        for r in 0..<2_000 {
            for (slot, symbol) in fingerprint.symbols(for: "recipient-\(r)").enumerated() {
                let probabilities = fingerprint.symbolProbabilities[slot]
                let q = probabilities.count
                #expect(Int(symbol) < q)
                drawn[q, default: Array(repeating: 0, count: q)][Int(symbol)] += 1
                for k in 0..<q { expected[q, default: Array(repeating: 0, count: q)][k] += probabilities[k] }
            }
        }
        for (q, counts) in drawn {
            // Within five standard deviations of a binomial count (the key is fixed, so this is deterministic).
            for k in 0..<q { #expect(abs(counts[k] - expected[q]![k]) <= 5 * expected[q]![k].squareRoot(), "q=\(q) symbol \(k)") }
        }
    }

    @Test("keys: 32 bytes, from hex files, and a clear error otherwise")
    func keys() throws {
        let (_, bytes) = FingerprintKey.generate()
        #expect(bytes.count == 32)
        let text = FingerprintKey.fileContents(of: bytes)
        #expect(text.count == 65)
        _ = try FingerprintKey(fileContents: Array(text.utf8))
        #expect(throws: FingerprintKeyError.self) { try FingerprintKey(fileContents: Array("abc".utf8)) }
        do {
            _ = try FingerprintKey(bytes: [1, 2, 3])
        } catch {
            #expect(error.description.contains("32 bytes"))
        }
    }

    @Test("the strict profile uses a subset of the standard rules")
    func profiles() {
        let strict = CableFingerprint(cable: LongCable.cable, key: TestKeys.key, profile: .strict)
        #expect(strict.slots.count < LongCable.fingerprint.slots.count)
        let strictRules = Set(RuleCatalogue.publicCatalogue.rules(for: .strict).descriptions.map(\.id))
        #expect(strict.slots.allSatisfy { strictRules.contains($0.rule) })
    }

    @Test("mark --explain lists every slot with its alternatives")
    func explanation() {
        let text = LongCable.fingerprint.explanation()
        #expect(text.hasPrefix("\(LongCable.fingerprint.slots.count) slots"))
        #expect(text.components(separatedBy: "\nslot ").count == LongCable.fingerprint.slots.count + 1)
    }
}

@Suite("The false-accusation bound")
struct BoundTests {
    @Test("the bound is never below the innocent score's real tail (simulated, two to four symbols)")
    func boundHolds() {
        var random = SplitMix(seed: 7)
        for trial in 0..<5 {
            let m = 20 + trial * 15
            // The probability that an innocent holds the leaked symbol: binary slots lie in
            // [0.3, 0.7], four-symbol slots go down to 0.15.
            let probabilities = (0..<m).map { _ in Double.random(in: 0.15...0.7, using: &random) }
            let bound = TardosBound(leakedSymbolProbabilities: probabilities)
            let scores = innocentScores(bound, using: &random)
            for quantile in [0.9, 0.99, 0.999] {
                let (s, empirical) = tail(of: scores, at: quantile)
                #expect(exp(bound.logTail(s)) >= empirical * 0.8, "m=\(m) q=\(quantile)")
                #expect(exp(bound.chernoffLogTail(s)) >= empirical * 0.8, "m=\(m) q=\(quantile)")
            }
        }
    }

    @Test("the partner test's bound is never below an innocent's real tail")
    func partnerBoundHolds() {
        var random = SplitMix(seed: 17)
        for trial in 0..<4 {
            let m = 25 + trial * 20
            // Half the slots differ from the partner's copy; p as in two- to four-symbol slots.
            let terms = (0..<m).map { k -> (p: Double, match: Double, other: Double) in
                let p = Double.random(in: 0.15...0.7, using: &random)
                return k % 2 == 0 ? (p, log(2 / (1 + p)), log(1 / (1 + p))) : (p, log(1 / p), log(Tracer.partnerMisread / (1 - p)))
            }
            let bound = TardosBound(terms: terms)
            let scores = innocentScores(bound, using: &random)
            // Quantiles with 200 or more samples beyond them, so sampling noise stays under the 0.8 margin.
            for quantile in [0.9, 0.99] {
                let (s, empirical) = tail(of: scores, at: quantile)
                #expect(exp(bound.logTail(s)) >= empirical * 0.8, "m=\(m) q=\(quantile)")
            }
        }
    }

    /// 20,000 simulated scores of an innocent, who holds the leaked symbol of each term with its
    /// probability `p`, in ascending order.
    func innocentScores(_ bound: TardosBound, using random: inout SplitMix) -> [Double] {
        var scores: [Double] = []
        for _ in 0..<20_000 {
            var total = 0.0
            for term in bound.terms {
                total += Double.random(in: 0..<1, using: &random) < term.p ? term.match : term.other
            }
            scores.append(total)
        }
        return scores.sorted()
    }

    /// The score at `quantile` of sorted `scores`, and the share of scores at or above it.
    func tail(of scores: [Double], at quantile: Double) -> (score: Double, share: Double) {
        let s = scores[Int(Double(scores.count) * quantile)]
        return (s, Double(scores.filter { $0 >= s }.count) / Double(scores.count))
    }

    @Test("the lattice tail is at least the exact tail, over every outcome of up to 14 slots, and tighter than Chernoff")
    func latticeBoundsTheExactTail() {
        var random = SplitMix(seed: 11)
        for trial in 0..<40 {
            let m = 1 + trial % 14
            let probabilities = (0..<m).map { _ in Double.random(in: 0.15...0.7, using: &random) }
            let bound = TardosBound(leakedSymbolProbabilities: probabilities)
            #expect(bound.lattice != nil)
            // Every outcome: which slots the innocent holds the leaked symbol in.
            var outcomes: [(score: Double, probability: Double)] = []
            for mask in 0..<(1 << m) {
                var score = 0.0
                var probability = 1.0
                for (k, term) in bound.terms.enumerated() {
                    let held = mask & (1 << k) != 0
                    score += held ? term.match : term.other
                    probability *= held ? term.p : 1 - term.p
                }
                outcomes.append((score, probability))
            }
            for (score, _) in outcomes {
                let exact = outcomes.filter { $0.score >= score }.reduce(0) { $0 + $1.probability }
                let lattice = exp(bound.logTail(score))
                #expect(lattice >= exact * (1 - 1e-12), "m=\(m) s=\(score): \(lattice) < \(exact)")
                // Never much looser than Chernoff (rounding up costs at most m·step of score).
                #expect(lattice <= exp(bound.chernoffLogTail(score - Double(m) * ScoreLattice.step)) * (1 + 1e-9), "m=\(m) s=\(score)")
            }
        }
    }

    @Test("where the leak disagrees with the accused in some slots, the lattice needs fewer slots than Chernoff")
    func latticeIsTighterUnderDisagreement() {
        // 60 binary slots with p = 1/2; the accused shows the leaked symbol in 50 of them.
        let bound = TardosBound(leakedSymbolProbabilities: Array(repeating: 0.5, count: 60))
        let score = 50.0 - 10.0
        let lattice = bound.logTail(score)
        let chernoff = bound.chernoffLogTail(score)
        #expect(lattice < chernoff - log(2))
        // The exact tail: P(Binomial(60, 1/2) ≥ 50).
        var exact = 0.0
        for k in 50...60 {
            let logChoose: Double = lgamma(61.0) - lgamma(Double(k) + 1) - lgamma(Double(61 - k))
            exact += exp(logChoose - 60 * log(2.0))
        }
        #expect(abs(exp(lattice) / exact - 1) < 1e-6)
    }

    @Test("a clean single leaker with p = 1/2 needs about 30 slots among 1,000 recipients at 1e-6")
    func thirtySlots() {
        let threshold = { (m: Int) in
            TardosBound(leakedSymbolProbabilities: Array(repeating: 0.5, count: m)).scoreThreshold(recipients: 1000, maxFalseAccusation: 1e-6)
        }
        #expect(threshold(25) > 25)
        #expect(threshold(40) <= 40)
    }
}
