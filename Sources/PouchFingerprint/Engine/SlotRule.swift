import PouchCore

/// How aggressively a copy is varied.
public enum FingerprintProfile: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only rules whose alternatives are interchangeable in every context they match.
    case strict
    /// Every rule of the catalogue (the default).
    case standard
}

/// A rule of the slot catalogue: where wording can vary, its alternatives, and why that
/// preserves meaning.
protocol SlotRule: Sendable {
    var id: String { get }
    /// Why the alternatives mean the same thing.
    var reason: String { get }
    /// The alternatives as a reader sees them, for `pouch mark --explain` and the docs.
    var summary: String { get }
    var profile: FingerprintProfile { get }
    var isPrivate: Bool { get }
    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate]
}

extension SlotRule {
    /// Built-in rules are public; only `PhraseRule`s read from a deployment's file are private.
    var isPrivate: Bool { false }
}

/// What rules may know about the whole cable: the abbreviations it defines.
struct CableContext {
    /// `GOI` → `Government of India`, from `Government of India (GOI)` in the text.
    var abbreviations: [String: String] = [:]
    /// Where each definition stands (paragraph, token index of the abbreviation).
    var definitionSites: Set<[Int]> = []
    var paragraph = 0
    /// The scheme the slots are found for (rules that grew in a later scheme check it).
    var scheme = FingerprintScheme.current
    /// The country of the post the cable comes from, if it is a bilateral post.
    var host: HostCountry?
}

/// Applies the case of the original span to an alternative: capitals throughout in an
/// all-capitals paragraph, a capital first letter at the start of a sentence.
func applyCase(_ alternative: String, template: Substring, sentenceStart: Bool, allCaps: Bool) -> String {
    if allCaps || (template.count > 1 && template.isAllCaps && template.filter(\.isLetter).count > 1) {
        return alternative.uppercased()
    }
    if sentenceStart, let first = alternative.first {
        return first.uppercased() + alternative.dropFirst()
    }
    return alternative
}
