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
}
