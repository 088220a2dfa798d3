/// What each fingerprint scheme is, read from the one place that decides it: the rules of the
/// public catalogue (each with the scheme it entered, and for a phrase rule the scheme that widened
/// or narrowed it) and the `SchemeFeature`s. `docs/fingerprinting.md` carries this table, and a
/// test fails when the two drift apart.
public enum SchemeManifest {
    /// One scheme's row.
    public struct Entry: Sendable, Hashable {
        public var scheme: FingerprintScheme
        /// IDs of the rules that first find slots in this scheme, in catalogue order.
        public var rulesAdded: [String]
        /// IDs of the phrase rules this scheme gave more wordings or stricter contexts.
        public var rulesWidened: [String]
        /// The features this scheme brought in.
        public var features: [SchemeFeature]
        /// The features this scheme ended (a later feature replaced them).
        public var featuresEnded: [SchemeFeature]
    }

    public static func entries(catalogue: RuleCatalogue = .publicCatalogue) -> [Entry] {
        FingerprintScheme.allCases.map { scheme in
            var widened: [String] = []
            for case let rule as PhraseRule in catalogue.rules
            where rule.widening?.scheme == scheme || rule.tightening?.scheme == scheme {
                widened.append(rule.id)
            }
            return Entry(
                scheme: scheme,
                rulesAdded: catalogue.entries.filter { $0.since == scheme }.map(\.rule.id),
                rulesWidened: widened,
                features: SchemeFeature.allCases.filter { $0.since == scheme },
                featuresEnded: SchemeFeature.allCases.filter { $0.until == scheme })
        }
    }

    /// The table as Markdown: a row per scheme.
    public static func markdownTable(catalogue: RuleCatalogue = .publicCatalogue) -> String {
        var lines = ["| scheme | rules added | rules given more wordings or stricter contexts | what else changed |", "|---|---|---|---|"]
        for entry in entries(catalogue: catalogue) {
            let name = entry.scheme == .current ? "\(entry.scheme.rawValue) (current)" : "\(entry.scheme.rawValue)"
            let added = entry.scheme == .v1 ? "the first public catalogue: \(entry.rulesAdded.count) rules" : code(entry.rulesAdded)
            let changes =
                entry.features.map { feature in
                    "`\(feature.rawValue)`" + (feature.rules.isEmpty ? "" : " (\(code(feature.rules)))") + ": \(feature.summary)"
                } + entry.featuresEnded.map { "no longer `\($0.rawValue)`" }
            lines.append("| \(name) | \(added) | \(code(entry.rulesWidened)) | \(changes.isEmpty ? "—" : changes.joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func code(_ ids: [String]) -> String {
        ids.isEmpty ? "—" : ids.map { "`\($0)`" }.joined(separator: ", ")
    }
}
