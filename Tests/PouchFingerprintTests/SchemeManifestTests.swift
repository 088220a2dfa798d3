import Foundation
import PouchCore
import Testing

@testable import PouchFingerprint

@Suite("The scheme manifest")
struct SchemeManifestTests {
    static let begin = "<!-- scheme table: generated from SchemeManifest; SchemeManifestTests fails when it drifts -->\n"
    static let end = "<!-- end of scheme table -->"

    @Test("docs/fingerprinting.md carries the table the manifest generates")
    func docsTableIsCurrent() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/fingerprinting.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let expected = SchemeManifest.markdownTable()
        guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end, range: start.upperBound..<text.endIndex) else {
            Issue.record("docs/fingerprinting.md has no generated scheme table; put this between the markers:\n\(Self.begin)\(expected)\(Self.end)")
            return
        }
        let shown = String(text[start.upperBound..<stop.lowerBound])
        #expect(shown == expected, "docs/fingerprinting.md's scheme table drifted from the manifest; it should read:\n\(expected)")
    }

    @Test("every scheme after the first adds a rule or a feature, and every feature names rules the catalogue has")
    func everySchemeSaysWhatItChanged() {
        let ids = Set(RuleCatalogue.publicCatalogue.rules.map(\.id))
        for entry in SchemeManifest.entries() {
            #expect(
                !(entry.rulesAdded.isEmpty && entry.rulesWidened.isEmpty && entry.features.isEmpty && entry.featuresEnded.isEmpty),
                "scheme \(entry.scheme.rawValue) changes nothing the manifest knows of")
        }
        for feature in SchemeFeature.allCases {
            #expect(feature.since <= .current)
            for rule in feature.rules { #expect(ids.contains(rule), "\(feature): no rule \(rule)") }
            if let until = feature.until { #expect(until > feature.since) }
        }
    }

    @Test("the public catalogue places each rule once, and a scheme has exactly the rules placed at or before it")
    func catalogueMembership() {
        let entries = RuleCatalogue.publicCatalogue.entries
        let ids = entries.map(\.rule.id)
        #expect(Set(ids).count == ids.count, "placed twice: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        let added = SchemeManifest.entries().flatMap(\.rulesAdded)
        #expect(added.sorted() == ids.sorted())
        #expect(SchemeManifest.entries().first?.rulesAdded.count == 45, "scheme 1's catalogue had 45 rules")
    }

    @Test("a scheme has a feature from the scheme it entered until the one that ended it")
    func featuresByScheme() {
        #expect(!FingerprintScheme.v3.has(.articleAgreement))
        #expect(FingerprintScheme.v4.has(.articleAgreement) && FingerprintScheme.v6.has(.articleAgreement))
        #expect(!FingerprintScheme.v7.has(.articleAgreement) && FingerprintScheme.v7.has(.articleBySound))
        #expect(FingerprintScheme.v1.maximumSymbols == 2 && FingerprintScheme.v2.maximumSymbols == 4)
        #expect(!FingerprintScheme.v10.has(.adjacentSlots) && FingerprintScheme.current.has(.adjacentSlots))
    }
}
