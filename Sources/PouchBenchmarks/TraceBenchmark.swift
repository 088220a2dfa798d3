import Foundation
import PouchCore
import PouchCorpus
import PouchFingerprint
import PouchStore
import PouchTestSupport

/// `pouch-bench trace`: marks real cables for many recipients, attacks the copies the way
/// leakers and publishers do, traces them, and tabulates the outcome.
public struct TraceBenchmark {
    public var corpus: URL
    public var recipientCount: Int
    public var nullTrials: Int
    public var seed: UInt64
    /// Use at most this many cables (all when nil).
    public var cableLimit: Int?
    public var spellChecker: any SpellChecker
    /// A British publisher's spell checker (en_GB); its row is left out when nil.
    public var britishSpellChecker: (any SpellChecker)?
    /// Also tabulate, per catalogue rule, how its slots fare after `intercept`.
    public var byRule = false
    public var progress: (String) -> Void

    public init(
        corpus: URL, recipients: Int = 1000, nullTrials: Int = 10_000, seed: UInt64 = 1, cableLimit: Int? = nil,
        spellChecker: any SpellChecker, progress: @escaping (String) -> Void = { _ in }
    ) {
        self.corpus = corpus
        self.recipientCount = recipients
        self.nullTrials = nullTrials
        self.seed = seed
        self.cableLimit = cableLimit
        self.spellChecker = spellChecker
        self.progress = progress
    }

    /// One row of the table.
    public struct Row: Sendable {
        public var attack: String
        public var length: String
        public var trials = 0
        public var identified = 0
        public var inconclusive = 0
        public var wronglyAccused = 0
        public var bitsRead: [Int] = []
        public var bitsPer100Words: [Double] = []

        public var identifiedRate: Double { trials == 0 ? 0 : Double(identified) / Double(trials) }
        public var medianBitsRead: Double { median(bitsRead.map(Double.init)) }
        public var medianBitsPer100Words: Double { median(bitsPer100Words) }
    }

    public struct Report: Sendable {
        public var rows: [Row]
        public var recipients: Int
        public var cables: Int
        public var markSeconds: Double
        public var markWords: Int
        public var traceMilliseconds: Double
        public var slotsPer100Words: Double
        /// Per rule, after `intercept` of whole cables (when asked for).
        public var rules: [RuleSurvival] = []

        public var table: String {
            // The length column is as wide as its longest entry ("intercept, ≥1500 words").
            let lengthWidth = max(22, (rows.map(\.length.count).max() ?? 0) + 2)
            var out = [
                pad("attack", 14) + pad("length", lengthWidth) + "trials  identified  inconclusive  wrongly accused  median bits read  bits/100 words"
            ]
            for row in rows {
                out.append(
                    pad(row.attack, 14) + pad(row.length, lengthWidth) + pad("\(row.trials)", 8)
                        + pad(String(format: "%.1f%%", row.identifiedRate * 100), 12) + pad("\(row.inconclusive)", 14)
                        + pad("\(row.wronglyAccused)", 17) + pad(String(format: "%.0f", row.medianBitsRead), 18)
                        + String(format: "%.1f", row.medianBitsPer100Words))
            }
            out.append("")
            out.append(
                "cables: \(cables), recipients: \(recipients); slots in the original text: \(String(format: "%.1f", slotsPer100Words)) per 100 words (median)"
            )
            out.append(
                String(
                    format: "speed: %d copies of a %d-word cable marked in %.3f s; one trace against %d recipients in %.1f ms",
                    recipients, markWords, markSeconds, recipients, traceMilliseconds))
            if !rules.isEmpty {
                out.append("")
                out.append("rule                          slots  per 100 words  read right  read wrong  erased")
                let totalWords = Double(max(1, rules.first?.words ?? 1))
                for rule in rules {
                    let share = { (n: Int) in String(format: "%.0f%%", Double(n) * 100 / Double(max(1, rule.slots))) }
                    out.append(
                        pad(rule.rule, 30) + pad("\(rule.slots)", 7) + pad(String(format: "%.2f", Double(rule.slots) * 100 / totalWords), 15)
                            + pad(share(rule.right), 12) + pad(share(rule.wrong), 12) + share(rule.slots - rule.right - rule.wrong))
                }
            }
            return out.joined(separator: "\n")
        }

        private func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
    }

    /// How one rule's slots fared after `intercept`.
    public struct RuleSurvival: Sendable {
        public var rule: String
        public var slots = 0
        public var right = 0
        public var wrong = 0
        /// Words in all the cables examined.
        public var words = 0
    }

    struct Prepared {
        var cable: Cable
        var fingerprint: CableFingerprint
        var tracer: Tracer
        var codes: RecipientCodes
        var words: Int
    }

    public func run() throws -> Report {
        var random = SplitMix(seed: seed)
        let key = try FingerprintKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) })
        let recipients = (1...recipientCount).map { String(format: "R%04d", $0) }
        var cables: [Cable] = []
        for file in try CorpusFile.loadDirectory(corpus) {
            if let cable = try? CableParser().parse(bytes: file.bytes, fileName: file.name).cable, cable.wordCount >= 100 {
                cables.append(cable)
            }
        }
        if let cableLimit { cables = Array(cables.prefix(cableLimit)) }
        guard !cables.isEmpty else { throw SpellCheckerError("\(corpus.path): no cables of 100 words or more") }

        progress("marking \(cables.count) cables for \(recipientCount) recipients")
        var prepared: [Prepared] = []
        var densities: [Double] = []
        for cable in cables {
            let fingerprint = CableFingerprint(cable: cable, key: key)
            let tracer = Tracer(fingerprints: [fingerprint])
            prepared.append(
                Prepared(cable: cable, fingerprint: fingerprint, tracer: tracer, codes: tracer.codes(for: recipients), words: cable.wordCount))
            densities.append(Double(fingerprint.slots.count) * 100 / Double(cable.wordCount))
        }

        var rows: [Row] = []
        func leakText(_ item: Prepared, symbols: [UInt8]) -> String {
            CableRenderer().render(item.fingerprint.copy(symbols: symbols))
        }
        func record(_ row: inout Row, _ verdict: TraceVerdict, guilty: Set<String>, words: Int) {
            row.trials += 1
            let accused = Set(verdict.accused.map(\.recipient))
            if !accused.isEmpty, !accused.isDisjoint(with: guilty) { row.identified += 1 }
            if accused.isEmpty { row.inconclusive += 1 }
            if !accused.subtracting(guilty).isEmpty { row.wronglyAccused += 1 }
            row.bitsRead.append(verdict.bitsObserved)
            row.bitsPer100Words.append(Double(verdict.bitsObserved) * 100 / Double(max(1, words)))
        }
        func words(_ text: String) -> Int { TraceText.tokens(of: text).filter { $0 != "," }.count }

        // Single leakers.
        let scenarios: [(String, String, Int, Int?)] = [
            ("retype", "whole cable", 100, nil), ("intercept", "whole, ≥600 words", 600, nil), ("intercept", "500 words", 500, 500),
            ("intercept", "250 words", 250, 250), ("intercept", "100 words", 100, 100),
        ]
        for (attack, length, minimum, excerpt) in scenarios {
            progress("\(attack) / \(length)")
            var row = Row(attack: attack, length: length)
            for item in prepared where item.words >= minimum {
                let leaker = recipients[Int.random(in: 0..<recipients.count, using: &random)]
                var text = leakText(item, symbols: item.fingerprint.symbols(for: leaker))
                text =
                    attack == "retype" ? Attack.retype(text, using: &random) : try Attack.intercept(text, spellChecker: spellChecker, using: &random)
                if let excerpt { text = Attack.excerpt(text, words: excerpt, using: &random) }
                let verdict = item.tracer.trace(item.tracer.read(leak: text), codes: item.codes)
                record(&row, verdict, guilty: [leaker], words: words(text))
            }
            rows.append(row)
        }

        // Whole cables of 600 words or more, each leaked by a random recipient through `leak`. Each
        // such row has its own random source, so the rows after it draw what they always drew.
        func wholeCableRow(_ attack: String, seed rowSeed: UInt64, leak: (Prepared, String, inout SplitMix) throws -> String) rethrows -> Row {
            var rowRandom = SplitMix(seed: seed ^ rowSeed)
            var row = Row(attack: attack, length: "whole, ≥600 words")
            for item in prepared where item.words >= 600 {
                let leaker = recipients[Int.random(in: 0..<recipients.count, using: &rowRandom)]
                let text = try leak(item, leaker, &rowRandom)
                record(&row, item.tracer.trace(item.tracer.read(leak: text), codes: item.codes), guilty: [leaker], words: words(text))
            }
            return row
        }

        // A publisher's house style: commas, hyphens, "that" and spelling variants written one way throughout.
        progress("restyle / whole cable")
        rows.append(
            try wholeCableRow("restyle", seed: 0x7265_7374_796C_65) { item, leaker, random in
                try Attack.intercept(
                    CableRenderer().render(Attack.restyle(item.fingerprint.copy(for: leaker))), spellChecker: spellChecker, using: &random)
            })

        // A British publisher: the same intercept, with an en_GB spell checker ("dialog" → "dialogue", "nonbinding" → "non-binding").
        if let britishSpellChecker {
            progress("intercept (en_GB) / whole cable")
            rows.append(
                try wholeCableRow("intercept GB", seed: 0x656E_5F47_42) { item, leaker, random in
                    try Attack.intercept(
                        leakText(item, symbols: item.fingerprint.symbols(for: leaker)), spellChecker: britishSpellChecker, using: &random)
                })
        }

        // A story that quotes the intercepted cable's paragraphs in another order.
        progress("intercept, reordered / whole cable")
        rows.append(
            try wholeCableRow("reorder", seed: 0x7265_6F72_6465_72) { item, leaker, random in
                Attack.reorder(
                    try Attack.intercept(leakText(item, symbols: item.fingerprint.symbols(for: leaker)), spellChecker: spellChecker, using: &random),
                    using: &random)
            })

        // Several leaks by the same source: two 100-word excerpts of one cable, traced together.
        progress("intercept / 2 × 100 words")
        var several = Row(attack: "intercept", length: "2 leaks × 100 words")
        for item in prepared where item.words >= 400 {
            let leaker = recipients[Int.random(in: 0..<recipients.count, using: &random)]
            let full = try Attack.intercept(
                leakText(item, symbols: item.fingerprint.symbols(for: leaker)), spellChecker: spellChecker, using: &random)
            let first = Attack.excerpt(full, words: 100, using: &random)
            let second = Attack.excerpt(full, words: 100, using: &random)
            let readings = item.tracer.read(leak: first) + item.tracer.read(leak: second)
            record(&several, item.tracer.trace(readings, codes: item.codes), guilty: [leaker], words: words(first) + words(second))
        }
        rows.append(several)

        // Two colluders merging their copies.
        for attack in ["retype", "intercept"] {
            progress("collude 2 / \(attack)")
            var row = Row(attack: "collude 2", length: "\(attack), ≥1500 words")
            for item in prepared where item.words >= 1500 {
                let a = recipients[Int.random(in: 0..<recipients.count, using: &random)]
                var b = a
                while b == a { b = recipients[Int.random(in: 0..<recipients.count, using: &random)] }
                let merged = Attack.collude(
                    [
                        leakText(item, symbols: item.fingerprint.symbols(for: a)),
                        leakText(item, symbols: item.fingerprint.symbols(for: b)),
                    ], using: &random)
                let text =
                    attack == "retype"
                    ? Attack.retype(merged, using: &random) : try Attack.intercept(merged, spellChecker: spellChecker, using: &random)
                record(&row, item.tracer.trace(item.tracer.read(leak: text), codes: item.codes), guilty: [a, b], words: words(text))
            }
            rows.append(row)
        }

        // Canonicalised copies: the public catalogue normalised away.
        progress("canon")
        var canonRow = Row(attack: "canon", length: "whole, retyped")
        for item in prepared {
            let leaker = recipients[Int.random(in: 0..<recipients.count, using: &random)]
            let copy = item.fingerprint.copy(for: leaker)
            let text = Attack.retype(CableRenderer().render(Attack.canon(copy)), using: &random)
            record(&canonRow, item.tracer.trace(item.tracer.read(leak: text), codes: item.codes), guilty: [leaker], words: words(text))
        }
        rows.append(canonRow)

        // Null trials: nobody's copy leaked, so nobody may be accused.
        progress("\(nullTrials) null trials")
        var nulls = Row(attack: "null", length: "no copy leaked")
        for trial in 0..<nullTrials {
            let item = prepared[Int.random(in: 0..<prepared.count, using: &random)]
            let text: String
            switch trial % 3 {
            case 0:
                // The unmarked original.
                text = Attack.retype(CableRenderer().render(item.cable), using: &random)
            case 1:
                // A copy of another cable.
                var other = item
                while other.cable == item.cable { other = prepared[Int.random(in: 0..<prepared.count, using: &random)] }
                text = CableRenderer().render(other.fingerprint.copy(for: recipients[Int.random(in: 0..<recipients.count, using: &random)]))
            default:
                // A canonicalised copy.
                text = CableRenderer().render(
                    Attack.canon(item.fingerprint.copy(for: recipients[Int.random(in: 0..<recipients.count, using: &random)])))
            }
            let verdict = item.tracer.trace(item.tracer.read(leak: text), codes: item.codes)
            nulls.trials += 1
            // Without private rules nothing of the leaker survives canonicalising, so any accusation is wrong.
            if verdict.accused.isEmpty { nulls.inconclusive += 1 } else { nulls.wronglyAccused += 1 }
            nulls.bitsRead.append(verdict.bitsObserved)
        }
        rows.append(nulls)

        // Speed: marking 1,000 copies of a cable of about 1,500 words, and one trace from scratch.
        let target = prepared.min { abs($0.words - 1500) < abs($1.words - 1500) }!
        let clock = ContinuousClock()
        var sink = 0
        let markTime = clock.measure {
            let fingerprint = CableFingerprint(cable: target.cable, key: key)
            for recipient in recipients { sink &+= CableRenderer().render(fingerprint.copy(for: recipient)).utf8.count }
        }
        let leaker = recipients[0]
        let leak = try Attack.intercept(CableRenderer().render(target.fingerprint.copy(for: leaker)), spellChecker: spellChecker, using: &random)
        var verdict: TraceVerdict?
        let traceTime = clock.measure {
            let tracer = Tracer(fingerprints: [target.fingerprint])
            verdict = tracer.trace(tracer.read(leak: leak), recipients: recipients)
        }
        precondition(sink > 0 && verdict != nil)
        var report = Report(
            rows: rows, recipients: recipientCount, cables: prepared.count, markSeconds: markTime.seconds, markWords: target.words,
            traceMilliseconds: traceTime.milliseconds, slotsPer100Words: median(densities))
        if byRule {
            progress("per rule: intercept / whole cable")
            var survival: [String: RuleSurvival] = [:]
            let totalWords = prepared.reduce(0) { $0 + $1.words }
            for item in prepared {
                let leaker = recipients[Int.random(in: 0..<recipients.count, using: &random)]
                let symbols = item.fingerprint.symbols(for: leaker)
                let text = try Attack.intercept(leakText(item, symbols: symbols), spellChecker: spellChecker, using: &random)
                let read = item.tracer.read(leak: text).first?.symbols ?? [:]
                for (index, slot) in item.fingerprint.slots.enumerated() {
                    var entry = survival[slot.rule] ?? RuleSurvival(rule: slot.rule, words: totalWords)
                    entry.slots += 1
                    if let symbol = read[index] { if symbol == symbols[index] { entry.right += 1 } else { entry.wrong += 1 } }
                    survival[slot.rule] = entry
                }
            }
            report.rules = survival.values.sorted { $0.slots > $1.slots }
        }
        return report
    }
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
