import Crypto
import Foundation
import PouchCorpus
import Testing
@testable import PouchCore

@Suite("Fingerprint schemes: copies sent under an older scheme stay traceable")
struct SchemeTests {
    static let key = try! FingerprintKey(bytes: (0..<32).map { UInt8($0) })

    static func digest(_ cable: Cable) -> String {
        let text = CableRenderer().render(cable)
        return SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16).description
    }

    /// The article ("a" or "an", lower-cased) right before a slot's span, if there is one ("A.
    /// During …" is a list label, not an article).
    static func article(before slot: Slot, in cable: Cable) -> String? {
        let before = cable.paragraphs[slot.paragraph].text.utf8.prefix(slot.start)
        return String(decoding: before, as: UTF8.self).lowercased().firstMatch(of: /(?:^|[^a-z])(an?)\s+$/).map { String($0.1) }
    }

    /// Compares the copies a frozen scheme writes for alice and bob with digests taken when it was current.
    static func expectFrozen(_ scheme: FingerprintScheme, digests: [String: (alice: String, bob: String)]) throws {
        let files = try CorpusFile.loadDirectory(RealSlots.corpus.appendingPathComponent("cablegate-wikileaks"))
        var compared = 0
        for file in files {
            guard let expected = digests[file.stem] else { continue }
            let cable = try CableParser().parse(bytes: file.bytes, fileName: file.name).cable
            let fingerprint = CableFingerprint(cable: cable, key: key, scheme: scheme)
            #expect(digest(fingerprint.copy(for: "alice")) == expected.alice, "\(file.stem), alice")
            #expect(digest(fingerprint.copy(for: "bob")) == expected.bob, "\(file.stem), bob")
            compared += 1
        }
        #expect(compared == digests.count)
    }

    @Test("scheme 1 still writes, byte for byte, the copies it wrote when it was the only scheme")
    func schemeOneIsFrozen() throws {
        try Self.expectFrozen(.v1, digests: Scheme1Digests.copies)
    }

    @Test("scheme 2 still writes, byte for byte, the copies it wrote before scheme 3 existed")
    func schemeTwoIsFrozen() throws {
        try Self.expectFrozen(.v2, digests: Scheme2Digests.copies)
    }

    @Test("from scheme 4, a slot right after a or an varies only between wordings that take the same article")
    func articleAgreement() {
        #expect(alternatives("They discussed an upcoming visit.", rule: "upcoming-forthcoming").isEmpty)
        #expect(alternatives("THEY DISCUSSED AN UPCOMING VISIT.", rule: "upcoming-forthcoming").isEmpty)
        #expect(alternatives("They discussed the upcoming visit.", rule: "upcoming-forthcoming") == [["upcoming", "forthcoming", "coming"]])
        #expect(alternatives("They discussed the upcoming visit.", rule: "upcoming-forthcoming", scheme: .v7) == [["upcoming", "forthcoming"]])
        // Scheme 3 is frozen as it was, fault included.
        #expect(alternatives("They discussed an upcoming visit.", rule: "upcoming-forthcoming", scheme: .v3) == [["upcoming", "forthcoming"]])
        // No copy of any corpus cable, under scheme 4, has "a" before a vowel wording or "an" before a consonant one that its original lacks.
        let files = (try? CorpusFile.loadDirectory(RealSlots.corpus.appendingPathComponent("cablegate-wikileaks"))) ?? []
        #expect(files.count > 250)
        var slotsAfterArticle = 0
        for file in files {
            guard let cable = try? CableParser().parse(bytes: file.bytes, fileName: file.name).cable else { continue }
            for slot in CableFingerprint(cable: cable, key: Self.key, scheme: .v4).slots {
                guard let article = Self.article(before: slot, in: cable) else { continue }
                slotsAfterArticle += 1
                #expect(Set(slot.alternatives.map(SlotFinder.articleClass)).count == 1, "\(file.stem): \(article) \(slot.alternatives)")
            }
        }
        #expect(slotsAfterArticle > 0)
    }

    @Test("scheme 3 still writes, byte for byte, the copies it wrote before scheme 4 existed")
    func schemeThreeIsFrozen() throws {
        try Self.expectFrozen(.v3, digests: Scheme3Digests.copies)
    }

    @Test("scheme 4 still writes, byte for byte, the copies it wrote before scheme 5 existed")
    func schemeFourIsFrozen() throws {
        try Self.expectFrozen(.v4, digests: Scheme4Digests.copies)
    }

    @Test("scheme 5 still writes, byte for byte, the copies it wrote before scheme 6 existed")
    func schemeFiveIsFrozen() throws {
        try Self.expectFrozen(.v5, digests: Scheme5Digests.copies)
    }

    @Test("scheme 6 still writes, byte for byte, the copies it wrote before scheme 7 existed")
    func schemeSixIsFrozen() throws {
        try Self.expectFrozen(.v6, digests: Scheme6Digests.copies)
    }

    @Test("scheme 7 still writes, byte for byte, the copies it wrote before scheme 8 existed")
    func schemeSevenIsFrozen() throws {
        try Self.expectFrozen(.v7, digests: Scheme7Digests.copies)
    }

    @Test("scheme 8 still writes, byte for byte, the copies it wrote before scheme 9 existed")
    func schemeEightIsFrozen() throws {
        try Self.expectFrozen(.v8, digests: Scheme8Digests.copies)
    }

    @Test("scheme 9 still writes, byte for byte, the copies it wrote before scheme 10 existed")
    func schemeNineIsFrozen() throws {
        try Self.expectFrozen(.v9, digests: Scheme9Digests.copies)
    }

    @Test("scheme 10 still writes, byte for byte, the copies it wrote before scheme 11 existed")
    func schemeTenIsFrozen() throws {
        try Self.expectFrozen(.v10, digests: Scheme10Digests.copies)
    }

    @Test("scheme 11 still writes, byte for byte, the copies it wrote before scheme 12 existed")
    func schemeElevenIsFrozen() throws {
        try Self.expectFrozen(.v11, digests: Scheme11Digests.copies)
    }
}
