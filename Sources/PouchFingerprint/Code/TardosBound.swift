import Foundation
import PouchCore

/// A bound on the tail of an innocent recipient's symmetric Tardos score: the exact tail of the
/// score with every term rounded up to a fine grid, for up to `ScoreLattice.maximumPositions`
/// positions, and a Chernoff bound beyond. Both are rigorous upper bounds. For a score the
/// accused earned in every slot they meet (the product of the `p`s); where the leak disagrees
/// with the accused in some slots (a coalition, a misread slot) Chernoff overstates the tail
/// several-fold and the lattice does not.
struct TardosBound {
    /// Per position: the probability `p` that an innocent holds the leaked symbol, the score if
    /// it does, and the score if it does not.
    let terms: [(p: Double, match: Double, other: Double)]
    /// The exact tail of the rounded-up score, when there are few enough positions.
    let lattice: ScoreLattice?

    init(leakedSymbolProbabilities: [Double]) {
        self.init(terms: leakedSymbolProbabilities.map { p in (p, ((1 - p) / p).squareRoot(), -(p / (1 - p)).squareRoot()) })
    }

    init(terms: [(p: Double, match: Double, other: Double)]) {
        self.terms = terms
        lattice = terms.isEmpty || terms.count > ScoreLattice.maximumPositions ? nil : ScoreLattice(terms: terms)
    }

    /// log P(S ≥ s) for an innocent: the lattice's tail when there is one, else Chernoff's.
    func logTail(_ s: Double) -> Double {
        guard let lattice else { return chernoffLogTail(s) }
        return lattice.logTail(s)
    }

    /// The union bound over `recipients` on anyone innocent scoring `score`, for a test given
    /// `share` of the threshold (its probability scaled up by 1/share, so tests compare to one threshold).
    func falseAccusationProbability(of score: Double, recipients: Int, share: Double) -> Double {
        min(1, Double(recipients) * exp(logTail(score)) / share)
    }

    /// log E[exp(λ S)] for an innocent.
    func logMoment(_ lambda: Double) -> Double {
        var total = 0.0
        for term in terms {
            // log(p e^{λa} + (1-p) e^{λb}) computed stably.
            let a = lambda * term.match
            let b = lambda * term.other
            let m = max(a, b)
            total += m + log(term.p * exp(a - m) + (1 - term.p) * exp(b - m))
        }
        return total
    }

    /// log P(S ≥ s) ≤ min over λ ≥ 0 of (log E[e^{λS}] − λ s).
    func chernoffLogTail(_ s: Double) -> Double {
        guard !terms.isEmpty, s > 0 else { return 0 }
        var low = 0.0
        var high = 20.0
        // Golden-section search on a convex function.
        let ratio = (5.0.squareRoot() - 1) / 2
        var x1 = high - ratio * (high - low)
        var x2 = low + ratio * (high - low)
        var f1 = logMoment(x1) - x1 * s
        var f2 = logMoment(x2) - x2 * s
        for _ in 0..<80 {
            if f1 < f2 {
                high = x2
                x2 = x1
                f2 = f1
                x1 = high - ratio * (high - low)
                f1 = logMoment(x1) - x1 * s
            } else {
                low = x1
                x1 = x2
                f1 = f2
                x2 = low + ratio * (high - low)
                f2 = logMoment(x2) - x2 * s
            }
        }
        return min(0, min(f1, f2))
    }

    /// The smallest score whose union bound over `recipients` meets the threshold.
    func scoreThreshold(recipients: Int, maxFalseAccusation: Double) -> Double {
        let target = log(maxFalseAccusation / Double(recipients))
        if let lattice { return lattice.threshold(logTarget: target) }
        let maximum = terms.reduce(0) { $0 + max($1.match, $1.other) }
        guard !terms.isEmpty, logTail(maximum) <= target else { return .infinity }
        var low = 0.0
        var high = maximum
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if logTail(middle) <= target { high = middle } else { low = middle }
        }
        return high
    }

    /// About how many more slots like these it would take for the top score's rate to meet the threshold.
    func moreSlotsNeeded(topScore: Double, recipients: Int, maxFalseAccusation: Double) -> Int {
        let target = log(maxFalseAccusation / Double(recipients))
        let m = Double(max(1, terms.count))
        // A lone leaker gains the match score of every symbol it shows; use the observed rate when it is higher.
        let expected = terms.isEmpty ? 0.9 : terms.reduce(0) { $0 + $1.match } / m
        let rate = max(expected, terms.isEmpty ? 0 : topScore / m)
        // Per-slot exponent: inf over λ of (Λ(λ)/m − λ·rate), with Λ scaled from the observed slots.
        let perSlot = TardosBound(chernoffTerms: terms.isEmpty ? [(0.5, 1, -1)] : terms)
        let scale = terms.isEmpty ? 1.0 : m
        var bestExponent = 0.0
        var lambda = 0.05
        while lambda < 20 {
            let value = perSlot.logMoment(lambda) / scale - lambda * rate
            bestExponent = min(bestExponent, value)
            lambda += 0.05
        }
        guard bestExponent < 0 else { return Int.max }
        let needed = Int((target / bestExponent).rounded(.up))
        return max(1, needed - terms.count)
    }

    /// Only the Chernoff bound (for extrapolating).
    private init(chernoffTerms: [(p: Double, match: Double, other: Double)]) {
        terms = chernoffTerms
        lattice = nil
    }
}
