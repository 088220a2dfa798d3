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

    @Test("scheme 1 still writes, byte for byte, the copies it wrote when it was the only scheme")
    func schemeOneIsFrozen() throws {
        let files = try CorpusFile.loadDirectory(RealSlots.corpus.appendingPathComponent("cablegate-wikileaks"))
        var compared = 0
        for file in files {
            guard let expected = Scheme1Digests.copies[file.stem] else { continue }
            let cable = try CableParser().parse(bytes: file.bytes, fileName: file.name).cable
            let fingerprint = CableFingerprint(cable: cable, key: Self.key, scheme: .v1)
            #expect(Self.digest(fingerprint.copy(for: "alice")) == expected.alice, "\(file.stem), alice")
            #expect(Self.digest(fingerprint.copy(for: "bob")) == expected.bob, "\(file.stem), bob")
            compared += 1
        }
        #expect(compared == Scheme1Digests.copies.count)
    }

    @Test("scheme 2 still writes, byte for byte, the copies it wrote before scheme 3 existed")
    func schemeTwoIsFrozen() throws {
        let files = try CorpusFile.loadDirectory(RealSlots.corpus.appendingPathComponent("cablegate-wikileaks"))
        var compared = 0
        for file in files {
            guard let expected = Scheme2Digests.copies[file.stem] else { continue }
            let cable = try CableParser().parse(bytes: file.bytes, fileName: file.name).cable
            let fingerprint = CableFingerprint(cable: cable, key: Self.key, scheme: .v2)
            #expect(Self.digest(fingerprint.copy(for: "alice")) == expected.alice, "\(file.stem), alice")
            #expect(Self.digest(fingerprint.copy(for: "bob")) == expected.bob, "\(file.stem), bob")
            compared += 1
        }
        #expect(compared == Scheme2Digests.copies.count)
    }
}
