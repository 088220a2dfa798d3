import PouchCore

/// "will also attend" / "also will attend": "also" before or after an auxiliary.
struct AlsoAuxiliaryRule: SlotRule {
    let id = "also-auxiliary"
    let reason =
        "\"Also\" may stand before or after an auxiliary or modal verb (\"will also\" / \"also will\") with the same scope; the modal itself is never changed."
    let summary = "will also | also will (has, have, had, will, would, could, can, should, may, might, must)"
    let profile = FingerprintProfile.standard

    static let auxiliaries: Set<String> = ["has", "have", "had", "will", "would", "could", "can", "should", "may", "might", "must"]

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].isWord && !list[index].quoted {
            guard let next = tokens.nextWord(after: index), let after = tokens.nextWord(after: next) else { continue }
            let a = list[index]
            let b = list[next]
            // The verb that follows must not be a negation ("will also not" stays as it is).
            if ["not", "never", "no"].contains(list[after].lower) { continue }
            if Self.auxiliaries.contains(a.lower), b.lower == "also" {
                // Only after a subject: "he will also", not "will also" opening a question.
                guard let subject = tokens.previousWord(before: index), !Self.auxiliaries.contains(list[subject].lower) else { continue }
                found.append(
                    SlotCandidate(
                        first: index, last: next, alternatives: ["\(a.text) \(b.text)", "\(b.text) \(a.text)"], symbols: [0, 1], original: 0,
                        rule: id, canonical: 0))
            } else if a.lower == "also", Self.auxiliaries.contains(b.lower) {
                guard tokens.previousWord(before: index) != nil else { continue }
                found.append(
                    SlotCandidate(
                        first: index, last: next, alternatives: ["\(a.text) \(b.text)", "\(b.text) \(a.text)"], symbols: [0, 1], original: 0,
                        rule: id, canonical: 1))
            }
        }
        return found
    }
}
