import Crypto

/// A record sealed at rest: its own AES-256-GCM data key, wrapped by the master key, and the
/// content encrypted under that data key. Both are bound to the record's ID, so a sealed value
/// copied to another record does not open.
public struct SealedRecord: Sendable, Hashable, Codable {
    /// The data key, sealed under the master key (nonce, ciphertext and tag).
    public var wrappedKey: [UInt8]
    /// The content, sealed under the data key (nonce, ciphertext and tag).
    public var content: [UInt8]

    public init(wrappedKey: [UInt8], content: [UInt8]) {
        self.wrappedKey = wrappedKey
        self.content = content
    }
}

public enum Seal {
    public static func seal(_ plaintext: [UInt8], record: String, master: MasterKey) throws(SealError) -> SealedRecord {
        let dataKey = SymmetricKey(size: .bits256)
        let binding = Array(("pouch-record-v1:" + record).utf8)
        do {
            let wrapped = try AES.GCM.seal(dataKey.withUnsafeBytes { Array($0) }, using: master.key, authenticating: binding)
            let content = try AES.GCM.seal(plaintext, using: dataKey, authenticating: binding)
            return SealedRecord(wrappedKey: Array(wrapped.combined!), content: Array(content.combined!))
        } catch {
            throw SealError.tampered(record: record)
        }
    }

    public static func open(_ sealed: SealedRecord, record: String, master: MasterKey) throws(SealError) -> [UInt8] {
        let binding = Array(("pouch-record-v1:" + record).utf8)
        let dataKey: SymmetricKey
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.wrappedKey)
            dataKey = SymmetricKey(data: try AES.GCM.open(box, using: master.key, authenticating: binding))
        } catch {
            throw SealError.wrongKeyOrTampered(record: record)
        }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.content)
            return Array(try AES.GCM.open(box, using: dataKey, authenticating: binding))
        } catch {
            throw SealError.tampered(record: record)
        }
    }
}

/// An Ed25519 signing key: each post signs its cables (every read verifies), and the store signs its audit checkpoints.
public struct SigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    public init() { key = Curve25519.Signing.PrivateKey() }

    public init(rawRepresentation: [UInt8]) throws(SealError) {
        do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) } catch { throw SealError.wrongKeyLength(rawRepresentation.count) }
    }

    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }
    public var publicKey: [UInt8] { Array(key.publicKey.rawRepresentation) }

    public func sign(_ message: [UInt8]) throws -> [UInt8] { Array(try key.signature(for: message)) }

    /// Checks a signature against a post's public key.
    public static func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8], record: String) throws(SealError) {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey), key.isValidSignature(signature, for: message) else {
            throw SealError.badSignature(record: record)
        }
    }
}
