import PouchCore

/// The version of the slot catalogue and code that a cable's copies were marked with.
///
/// Nothing per copy is stored, so a copy is re-derived from the key, the cable, the recipient
/// and its scheme. A store records the scheme of every cable it sends; an older scheme is kept
/// exactly as it was, so copies sent years ago stay traceable after the catalogue grows.
public enum FingerprintScheme: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Binary slots from the first public catalogue.
    case v1 = 1
    /// A larger catalogue; slots with three or four interchangeable wordings carry one of up to
    /// four symbols (a q-ary Tardos code), and a reporting verb's synonym and its optional
    /// "that" form one four-symbol slot.
    case v2 = 2
    /// Scheme 2's catalogue plus adverb placement around auxiliaries, "that" after adjectives of
    /// certainty, "due to", "during", longer introductory phrases; an alternative keeps the
    /// original's own capital (scheme 2 capitalised after a dash).
    case v3 = 3
    /// Scheme 3's catalogue; right after "a" or "an" a slot varies only between wordings that take
    /// the same article (scheme 3 could write "an forthcoming visit").
    case v4 = 4
    /// Scheme 4's catalogue with more wordings per slot (a slot that offers three or four
    /// wordings carries more of the code than one that offers two): "said" and "stated" with or
    /// without "that", the third verb of "emphasized / stressed / underscored", "notwithstanding",
    /// "seeking to", "swiftly", "about" an estimate, "primary", "pointed out", "furthermore",
    /// "as a consequence", "due to", "to date", the four prepositions of "regarding"; "that"
    /// before a short noun subject; and new rules: prefixed words with or without the hyphen,
    /// compounds closed, hyphenated or open, "e.g." and "i.e." written out, "beginning /
    /// starting to", "therefore / thus", "soon / shortly" and "information on / regarding /
    /// concerning".
    case v5 = 5
    /// Scheme 5's catalogue; "the GOB" written out as "the Government of Brazil" or "the Brazilian
    /// Government" in cables from a post in that country; "American" as a third wording of "U.S."
    /// before a listed noun ("U.S. officials" / "United States officials" / "American officials");
    /// "American Government" as a third wording of "USG".
    case v6 = 6
    /// Scheme 6's catalogue; more abbreviations every cable reader knows, written out or not
    /// ("NATO", "NSC", "MOD", "A/S", "UAE", "NGOs", "HQ", "TV" …), "FM" also as "Minister of
    /// Foreign Affairs", and a minister or ministry named by its portfolio before or after it
    /// ("Interior Minister" / "Minister of Interior"). Right after "a" or "an" every wording takes
    /// the article it is said with ("an EU official"), so scheme 6's "an European Union official"
    /// is never written.
    case v7 = 7
    /// Scheme 7's catalogue; two countries joined by "and" or "or" in either order ("France and
    /// Germany" / "Germany and France"); any country's government named by its adjective or by
    /// "of" ("the Iranian government" / "the government of Iran"); "coming" beside "upcoming" and
    /// "forthcoming"; "para" / "paragraph" before a paragraph's number; "DOE", "DOD" and "DOJ"
    /// written out where a cable writes them.
    case v8 = 8
    /// Scheme 8's catalogue; "cooperation" and "coordination" (and their verbs) also hyphenated,
    /// "while" / "whilst", "adviser" / "advisor", "help to build" / "help build", and "on" before a
    /// date written or left out inside a sentence ("met on March 5" / "met March 5").
    case v9 = 9
    /// Scheme 9's catalogue; "end summary" / "end of summary" (and comment, note), "over the past"
    /// / "over the last" / "in the past" / "in the last" before a span of time, "largely" /
    /// "mostly", "reiterated" / "repeated", "requested" / "asked for" before the thing asked for,
    /// "along with" / "together with", "in part" / "partly", "instead of" / "rather than",
    /// "regardless of" / "irrespective of", "in this regard" / "in this respect", "a wide / broad
    /// range of", "in contrast" / "by contrast" and "at the time" / "at that time" closing a clause;
    /// "UK" before a listed noun also as "British".
    case v10 = 10
    /// Scheme 10's catalogue; "try" / "attempt" / "seek" (and "tries" / "attempts" / "seeks")
    /// before "to", and "such as" / "including" after a plural noun; two slots may stand side by
    /// side (`SchemeFeature.adjacentSlots`); a release marking ("REL UK") and a currency ("US$") are
    /// never varied; every symbol of a slot equally likely (`SchemeFeature.evenSymbols`).
    case v11 = 11
    /// Scheme 11's catalogue with its worst misreadings mended, and more: its list and introductory
    /// commas held to stricter tests (a list's comma only between short items of one list, never
    /// after "however" or "he added", never in "between A and B"; an introductory comma only where
    /// the main clause opens with a determiner, a pronoun or a name); a verb of saying after a
    /// possessive is a noun and never varied; more verbs take or drop "that"; a named speaker
    /// before or after the reporting verb; "however" before or after a short subject; "before" only
    /// before a named event (`before-event`; "prior to" keeps the rest); "likely" / "probably" and
    /// "will likely" in either order; "first" / "firstly" (second, third); "buy" / "purchase";
    /// "notably" beside "especially" / "particularly" before a phrase; "PM" before an office of the
    /// Department is never a Prime Minister; no slot inside a web or mail address. The full list,
    /// by name, is `SchemeManifest`'s row for scheme 12.
    case v12 = 12

    /// The scheme new copies are marked with.
    public static let current = FingerprintScheme.v12

    public static func < (lhs: FingerprintScheme, rhs: FingerprintScheme) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The most symbols a slot may carry in this scheme.
    var maximumSymbols: Int { has(.fourSymbols) ? 4 : 2 }
}
