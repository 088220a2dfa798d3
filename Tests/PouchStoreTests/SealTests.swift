import PouchStore
import PouchTestSupport
import Testing

@Suite("Sealing and signing")
struct SealTests {
    static let master = try! MasterKey(bytes: (0..<32).map { UInt8($0) })
    static let text = Array("1. (S/NF) President Zardari told the Ambassador that the army agreed.".utf8)

    @Test("a sealed record opens with its master key and record ID, and only so")
    func roundTrip() throws {
        let sealed = try Seal.seal(Self.text, record: "09ISLAMABAD2295", master: Self.master)
        #expect(try Seal.open(sealed, record: "09ISLAMABAD2295", master: Self.master) == Self.text)
        #expect(!sealed.content.contains(subsequence: Array("Zardari".utf8)))
        let other = try MasterKey(bytes: [UInt8](repeating: 9, count: 32))
        #expect(throws: SealError.wrongKeyOrTampered(record: "09ISLAMABAD2295")) { try Seal.open(sealed, record: "09ISLAMABAD2295", master: other) }
        #expect(throws: SealError.self) { try Seal.open(sealed, record: "09ISLAMABAD2296", master: Self.master) }
    }

    @Test("1,000 random single-byte flips are all detected, never shown as text")
    func flips() throws {
        var random = SplitMix(seed: 7)
        let sealed = try Seal.seal(Self.text, record: "r", master: Self.master)
        for _ in 0..<1_000 {
            var changed = sealed
            if Bool.random(using: &random) {
                let i = Int.random(in: 0..<changed.content.count, using: &random)
                changed.content[i] ^= UInt8.random(in: 1...255, using: &random)
            } else {
                let i = Int.random(in: 0..<changed.wrappedKey.count, using: &random)
                changed.wrappedKey[i] ^= UInt8.random(in: 1...255, using: &random)
            }
            #expect(throws: SealError.self) { try Seal.open(changed, record: "r", master: Self.master) }
        }
    }

    @Test("passphrases derive the same key; a wrong one is told apart by the verifier")
    func passphrase() throws {
        let salt = Array("salt-for-test".utf8)
        let a = try MasterKey.derive(passphrase: "correct horse", salt: salt, cost: .testing)
        let b = try MasterKey.derive(passphrase: "correct horse", salt: salt, cost: .testing)
        let c = try MasterKey.derive(passphrase: "wrong horse", salt: salt, cost: .testing)
        #expect(a.verifier == b.verifier && a.verifier != c.verifier)
        #expect(throws: SealError.emptyPassphrase) { try MasterKey.derive(passphrase: "", salt: salt, cost: .testing) }
        // Errors never carry key material.
        #expect(!SealError.wrongKeyOrTampered(record: "x").description.contains("correct"))
    }

    @Test("post signatures verify, and a changed byte does not")
    func signatures() throws {
        let post = SigningKey()
        let signature = try post.sign(Self.text)
        try SigningKey.verify(signature, of: Self.text, publicKey: post.publicKey, record: "r")
        var changed = Self.text
        changed[5] ^= 1
        #expect(throws: SealError.badSignature(record: "r")) { try SigningKey.verify(signature, of: changed, publicKey: post.publicKey, record: "r") }
        let restored = try SigningKey(rawRepresentation: post.rawRepresentation)
        #expect(restored.publicKey == post.publicKey)
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}
