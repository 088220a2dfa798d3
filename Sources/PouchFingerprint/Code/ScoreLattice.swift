import Foundation
import PouchCore

/// The exact distribution of an innocent's score with every term rounded up to a multiple of
/// `step`. Rounding up makes the lattice score at least the real one in every outcome, so its
/// tail bounds the real tail from above; the step is fine enough that the bound loses well
/// under one slot's worth of score. Its cost grows with the square of the positions, so long
/// leaks (which need no tight bound) use Chernoff alone.
struct ScoreLattice {
    static let maximumPositions = 600
    static let step = 0.01
    /// A relative margin for floating-point rounding in the sums (all terms are positive).
    static let margin = 1 + 1e-9

    /// The lattice score when every position disagrees (in steps).
    let floor: Int
    /// tail[r] = P(score ≥ (floor + r) · step).
    let tail: [Double]

    init(terms: [(p: Double, match: Double, other: Double)]) {
        let step = Self.step
        var floor = 0
        var rises: [Int] = []
        rises.reserveCapacity(terms.count)
        for term in terms {
            let low = Int((term.other / step).rounded(.up))
            let high = Int((term.match / step).rounded(.up))
            floor += low
            rises.append(max(0, high - low))
        }
        self.floor = floor
        // density[r]: probability that the positions seen so far rose r steps above their floor.
        var density = [Double](repeating: 0, count: rises.reduce(0, +) + 1)
        density[0] = 1
        var top = 0
        density.withUnsafeMutableBufferPointer { d in
            for (term, rise) in zip(terms, rises) {
                let p = term.p
                let q = 1 - term.p
                if rise > 0 {
                    var r = top + rise
                    while r >= rise {
                        d[r] = q * d[r] + p * d[r - rise]
                        r -= 1
                    }
                    while r >= 0 {
                        d[r] *= q
                        r -= 1
                    }
                }
                top += rise
            }
        }
        var tail = density
        var running = 0.0
        for r in stride(from: tail.count - 1, through: 0, by: -1) {
            running += density[r]
            tail[r] = min(1, running * Self.margin)
        }
        self.tail = tail
    }

    /// log P(S ≥ s).
    func logTail(_ s: Double) -> Double {
        // Rounding s/step down by a hair keeps an atom that lies exactly on s inside the tail.
        let needed = Int((s / Self.step - Double(floor) - 1e-9).rounded(.up))
        if needed <= 0 { return 0 }
        if needed >= tail.count { return -.infinity }
        return log(tail[needed])
    }

    /// The smallest score whose tail is at most `exp(logTarget)` (infinity when none is).
    func threshold(logTarget: Double) -> Double {
        let target = exp(logTarget)
        // The tail falls as r rises: find the first r with tail[r] ≤ target.
        var low = 0
        var high = tail.count
        while low < high {
            let middle = (low + high) / 2
            if tail[middle] <= target { high = middle } else { low = middle + 1 }
        }
        guard low < tail.count else { return .infinity }
        return Double(floor + low) * Self.step
    }
}
