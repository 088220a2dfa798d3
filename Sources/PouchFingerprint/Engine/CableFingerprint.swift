import Crypto
import Foundation
import PouchCore

/// A cable prepared for traceable copies: its slots, and the Tardos code derived from the key.
///
/// Nothing per copy is stored: the key, the cable, the scheme and the recipient ID give the copy.
/// Recipient `j`'s symbol in slot `i` is drawn by a keyed PRF (HMAC-SHA256) from the slot's
/// symbol distribution. From scheme 11 every symbol is equally likely (`SchemeFeature.evenSymbols`); before,
/// each slot's distribution was drawn once per cable from the key: for two symbols the arcsine
/// (Tardos) distribution with a cut-off, for three or four a symmetric Dirichlet(½) squeezed away
/// from zero (Škorić et al.'s q-ary code).
public struct CableFingerprint: Sendable {
    public let cable: Cable
    public let slots: [Slot]
    /// The catalogue and code version the copies are marked with.
    public let scheme: FingerprintScheme
    /// SHA-256 of the cable's canonical text: binds the code to this exact cable.
    public let cableID: [UInt8]
    /// Per slot, the probability of each of its symbols.
    public let symbolProbabilities: [[Double]]
    let key: FingerprintKey
    /// Per paragraph: the unchanging text pieces around its slots.
    private let pieces: [[Substring]]
    private let slotsByParagraph: [[Int]]

    /// The Tardos cut-off for two symbols before scheme 11: probabilities lie in [t, 1 − t]. With q
    /// symbols each probability is at least 2t/q. Small codes for few colluders want a large cut-off.
    public static let cutoff = 0.3

    public init(
        cable: Cable, key: FingerprintKey, catalogue: RuleCatalogue = .publicCatalogue, profile: FingerprintProfile = .standard,
        scheme: FingerprintScheme = .current
    ) {
        self.cable = cable
        self.key = key
        self.scheme = scheme
        let slots = SlotFinder(catalogue: catalogue.rules(for: profile), scheme: scheme).slots(in: cable)
        self.slots = slots
        cableID = Array(SHA256.hash(data: Array(("pouch-cable-v1\n" + CableRenderer().render(cable)).utf8)))
        symbolProbabilities =
            scheme.has(.evenSymbols)
            ? slots.map { Array(repeating: 1 / Double($0.symbols.count), count: $0.symbols.count) }
            : Self.drawnProbabilities(of: slots, key: key, cableID: cableID)
        (pieces, slotsByParagraph) = Self.pieces(of: cable, around: slots)
    }

    /// Before scheme 11: per slot, symbol probabilities drawn from the key for this cable.
    private static func drawnProbabilities(of slots: [Slot], key: FingerprintKey, cableID: [UInt8]) -> [[Double]] {
        let t = Self.cutoff
        let low = asin(t.squareRoot())
        let high = Double.pi / 2 - low
        let binary = key.uniforms("bias", [cableID], count: slots.count)
        // Four uniforms per slot for the Dirichlet weights, drawn only when some slot needs them
        // (so scheme 1 derives exactly what it always did).
        let weights = slots.contains { $0.symbols.count > 2 } ? key.uniforms("symbol-weights", [cableID], count: slots.count * 4) : []
        return slots.indices.map { index in
            let q = slots[index].symbols.count
            if q == 2 {
                let r = low + binary[index] * (high - low)
                let p = sin(r) * sin(r)
                return [1 - p, p]
            }
            // Gamma(½) variables are halved squares of standard normals (Box–Muller on uniform pairs).
            let u = Array(weights[index * 4..<index * 4 + 4])
            var gammas: [Double] = []
            for pair in 0..<2 {
                let radius = (-2 * log(u[2 * pair])).squareRoot()
                let angle = 2 * Double.pi * u[2 * pair + 1]
                gammas.append(pow(radius * cos(angle), 2))
                gammas.append(pow(radius * sin(angle), 2))
            }
            let used = gammas.prefix(q)
            let total = max(used.reduce(0, +), .leastNormalMagnitude)
            let floor = 2 * t / Double(q)
            return used.map { floor + (1 - floor * Double(q)) * $0 / total }
        }
    }

    /// Per paragraph: the unchanging text pieces around its slots, and the slots in it.
    private static func pieces(of cable: Cable, around slots: [Slot]) -> (pieces: [[Substring]], slotsByParagraph: [[Int]]) {
        var pieces: [[Substring]] = []
        var byParagraph: [[Int]] = Array(repeating: [], count: cable.paragraphs.count)
        for (index, slot) in slots.enumerated() { byParagraph[slot.paragraph].append(index) }
        for (p, paragraph) in cable.paragraphs.enumerated() {
            let text = paragraph.text
            let utf8 = text.utf8
            var cursor = utf8.startIndex
            var list: [Substring] = []
            for index in byParagraph[p] {
                let start = utf8.index(utf8.startIndex, offsetBy: slots[index].start)
                list.append(text[cursor..<start])
                cursor = utf8.index(utf8.startIndex, offsetBy: slots[index].end)
            }
            list.append(text[cursor...])
            pieces.append(list)
        }
        return (pieces, byParagraph)
    }

    /// The recipient's symbol in every slot (an index into the slot's `symbols`).
    public func symbols(for recipient: String) -> [UInt8] {
        let uniforms = key.uniforms("copy", [cableID, Array(recipient.utf8)], count: slots.count)
        return zip(uniforms, symbolProbabilities).map { u, probabilities in
            // Two symbols: 1 with probability p₁ (as scheme 1 always drew it).
            if probabilities.count == 2 { return u < probabilities[1] ? 1 : 0 }
            var cumulative = 0.0
            for (symbol, p) in probabilities.enumerated() {
                cumulative += p
                if u < cumulative { return UInt8(symbol) }
            }
            return UInt8(probabilities.count - 1)
        }
    }

    /// The recipient's copy: the cable with each slot written in the recipient's wording.
    public func copy(for recipient: String) -> Cable {
        copy(symbols: symbols(for: recipient))
    }

    /// The cable written with the given symbols.
    public func copy(symbols: [UInt8]) -> Cable {
        assemble { index in slots[index].symbols[Int(symbols[index])] }
    }

    /// The cable with every slot in the wording an alternative index picks (for `canon`-style tests).
    func text(choosing choice: (Slot) -> Int) -> Cable {
        assemble { index in choice(slots[index]) }
    }

    /// The cable with slot `i` written as its alternative `alternative(i)`, the rest unchanged.
    private func assemble(_ alternative: (Int) -> Int) -> Cable {
        var copy = cable
        for p in copy.paragraphs.indices where !slotsByParagraph[p].isEmpty {
            var text = ""
            text.reserveCapacity(cable.paragraphs[p].text.utf8.count + 16)
            for (k, index) in slotsByParagraph[p].enumerated() {
                text += pieces[p][k]
                text += slots[index].alternatives[alternative(index)]
            }
            text += pieces[p][slotsByParagraph[p].count]
            copy.paragraphs[p].text = text
        }
        return copy
    }

    /// The cable with every slot in the wording a normaliser that knows the catalogue would choose.
    public func canonicalized() -> Cable { text(choosing: \.canonical) }

    /// What an adversary who knows `catalogue` does to a text: find the slots it can see and
    /// write each in one fixed wording. No key is involved.
    /// Rewriting can bring a slot into view that a neighbouring slot hid, so the adversary
    /// repeats until the text stops changing.
    public static func canonicalize(_ cable: Cable, catalogue: RuleCatalogue = .publicCatalogue, scheme: FingerprintScheme = .current) -> Cable {
        var text = cable
        for _ in 0..<6 {
            let next = CableFingerprint(cable: text, key: .unkeyed, catalogue: catalogue, scheme: scheme).canonicalized()
            if next == text { break }
            text = next
        }
        return text
    }

    /// The slots listed for review: where each stands and what its alternatives read.
    public func explanation() -> String {
        var lines: [String] = []
        lines.append(
            "\(slots.count) slots in \(cable.wordCount) words (\(String(format: "%.1f", Double(slots.count) * 100 / Double(max(1, cable.wordCount)))) per 100 words)"
        )
        for (index, slot) in slots.enumerated() {
            let paragraph = cable.paragraphs[slot.paragraph]
            let label = paragraph.number.map { "para \($0)" } ?? "para [\(slot.paragraph + 1)]"
            let text = paragraph.text
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: slot.start)
            let end = utf8.index(utf8.startIndex, offsetBy: slot.end)
            let before = String(text[..<start].suffix(30))
            let after = String(text[end...].prefix(30))
            lines.append("")
            lines.append("slot \(index + 1) (\(label), rule \(slot.rule)): …\(before)[\(text[start..<end])]\(after)…")
            for (k, alternative) in slot.alternatives.enumerated() {
                let role = slot.symbols.firstIndex(of: k).map { "symbol \($0)" } ?? "not used in copies"
                lines.append("    \(k == slot.original ? "*" : " ") \(before.suffix(20))[\(alternative)]\(after.prefix(20))   (\(role))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
