import Crypto
import Foundation
import PouchCore
import PouchCorpus
import Testing

@testable import PouchFingerprint

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

    /// The digests frozen for `scheme` (`Resources/frozen/scheme-NN.tsv`, written by
    /// `scripts/freeze-scheme`), by reference ID; nil when the scheme was never frozen.
    static func frozenCopies(_ scheme: FingerprintScheme) throws -> [String: (alice: String, bob: String)]? {
        let name = String(format: "scheme-%02d", scheme.rawValue)
        guard let url = frozenFile(scheme) else { return nil }
        var copies: [String: (alice: String, bob: String)] = [:]
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "refid\talice\tbob", "\(name).tsv: the header line")
        for (number, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, copies[fields[0]] == nil else {
                Issue.record("\(name).tsv: data line \(number + 1) is not a new refid, alice, bob: \(line)")
                continue
            }
            copies[fields[0]] = (fields[1], fields[2])
        }
        return copies
    }

    /// The frozen file of `scheme`, if it was frozen.
    static func frozenFile(_ scheme: FingerprintScheme) -> URL? {
        Bundle.module.url(forResource: String(format: "scheme-%02d", scheme.rawValue), withExtension: "tsv", subdirectory: "frozen")
    }

    /// The schemes with a frozen file (found, not read: each test case reads its own).
    static let frozenSchemes = FingerprintScheme.allCases.filter { frozenFile($0) != nil }

    @Test("every scheme before the current one is frozen (scripts/freeze-scheme N)")
    func everyOlderSchemeIsFrozen() {
        for scheme in FingerprintScheme.allCases where scheme < .current {
            #expect(Self.frozenSchemes.contains(scheme), "scheme \(scheme.rawValue) has no Resources/frozen file")
        }
    }

    @Test("a frozen scheme still writes, byte for byte, the copies it wrote when it was frozen", arguments: frozenSchemes)
    func schemeIsFrozen(_ scheme: FingerprintScheme) throws {
        let digests = try #require(try Self.frozenCopies(scheme))
        #expect(digests.count >= 300)
        let files = try CorpusFile.loadDirectory(RealSlots.corpus.appendingPathComponent("cablegate-wikileaks"))
        var compared = 0
        for file in files {
            guard let expected = digests[file.stem] else { continue }
            let cable = try CableParser().parse(bytes: file.bytes, fileName: file.name).cable
            let fingerprint = CableFingerprint(cable: cable, key: Self.key, scheme: scheme)
            #expect(Self.digest(fingerprint.copy(for: "alice")) == expected.alice, "scheme \(scheme.rawValue): \(file.stem), alice")
            #expect(Self.digest(fingerprint.copy(for: "bob")) == expected.bob, "scheme \(scheme.rawValue): \(file.stem), bob")
            compared += 1
        }
        #expect(compared == digests.count)
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
}
