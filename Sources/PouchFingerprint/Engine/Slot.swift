import PouchCore

/// A place in a cable's text where the wording can vary without changing its meaning.
///
/// Every copy writes one of the *symbol* alternatives there (two under scheme 1, up to four
/// under scheme 2); which one encodes (part of) the recipient. Other alternatives (such as the
/// plain wording a normaliser would choose) are known so that a leak showing them reads as an
/// erasure, not as evidence.
public struct Slot: Sendable, Hashable, Codable {
    /// Index of the paragraph in `Cable.paragraphs`.
    public var paragraph: Int
    /// UTF-8 offsets of the varying span in the original paragraph text.
    public var start: Int
    public var end: Int
    /// Every wording the span may take, with the original's case applied.
    public var alternatives: [String]
    /// The alternatives that encode symbols 0, 1, … (indices into `alternatives`).
    public var symbols: [Int]
    /// Which alternative the original text has.
    public var original: Int
    /// The wording a normaliser that knows the rule would choose.
    public var canonical: Int
    /// The catalogue rule that found the slot.
    public var rule: String

    /// The wording for a symbol.
    public func wording(for symbol: Int) -> String { alternatives[symbols[symbol]] }
}

/// A candidate slot proposed by a rule, before conflicts between rules are resolved.
struct SlotCandidate {
    /// First and last token indices of the span.
    var first: Int
    var last: Int
    var alternatives: [String]
    var symbols: [Int]
    var original: Int
    var rule: String
    /// The normaliser's wording (see `Slot.canonical`).
    var canonical: Int = 0
}
