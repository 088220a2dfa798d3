/// Who a cable was given to.
public enum Distribution: Sendable, Hashable, Codable {
    /// An archived cable (imported): open to everyone its classification and captions allow.
    case archive
    /// A sent cable: its addressees, by person ID.
    case addressees(Set<String>)
}

/// The need-to-know rule, the one every path (read, list, search, counts, errors) applies.
///
/// A person may read a cable only if their clearance covers its classification, they hold
/// every caption it carries, and they are on its distribution. NODIS goes to named addressees
/// only, even within an archive; archived EXDIS and LIMDIS cables need the matching grant
/// (which `Reader.holds` already demands).
public enum AccessPolicy {
    public static func mayRead(_ reader: Reader, classification: Classification, caveats: [Caveat], distribution: Distribution) -> Bool {
        guard !reader.disabled, reader.clearance >= classification else { return false }
        for caveat in caveats where !reader.holds(caveat) { return false }
        switch distribution {
        case .archive:
            // A NODIS cable has named recipients; an archive copy without them is shown to nobody.
            return !caveats.contains(.nodis)
        case .addressees(let ids):
            return ids.contains(reader.id)
        }
    }

    /// The same rule for a cable in hand.
    public static func mayRead(_ reader: Reader, _ cable: Cable, distribution: Distribution) -> Bool {
        mayRead(reader, classification: cable.classification, caveats: cable.caveats, distribution: distribution)
    }
}
