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
    /// A wrapped data key as version 1 wrote it: nonce (12) + key (32) + tag (16) bytes. Later
    /// versions put their number first, in two bytes (big-endian), so version 1 records keep
    /// their bytes and need no rewrite.
    public static let plainWrapLength = 60

    /// The master key version that wrapped `wrappedKey`, or nil if it has no known form.
    public static func version(of wrappedKey: [UInt8]) -> Int? {
        KeyVersionPrefix.split(wrappedKey, length: plainWrapLength)?.version
    }

    /// Seals under version 1's form (a store that never rotated, and tests).
    public static func seal(_ plaintext: [UInt8], record: String, master: MasterKey) throws(SealError) -> SealedRecord {
        try seal(plaintext, record: record, keys: Keyring(master))
    }

    public static func open(_ sealed: SealedRecord, record: String, master: MasterKey) throws(SealError) -> [UInt8] {
        try open(sealed, record: record, keys: Keyring(master))
    }

    /// Seals under the keyring's current version.
    public static func seal(_ plaintext: [UInt8], record: String, keys: some MasterKeys) throws(SealError) -> SealedRecord {
        let dataKey = SymmetricKey(size: .bits256)
        let binding = Array(("pouch-record-v1:" + record).utf8)
        let (version, master) = keys.current
        do {
            let content = try AES.GCM.seal(plaintext, using: dataKey, authenticating: binding)
            return SealedRecord(wrappedKey: try wrap(dataKey, version: version, master: master, binding: binding), content: Array(content.combined!))
        } catch {
            throw SealError.tampered(record: record)
        }
    }

    public static func open(_ sealed: SealedRecord, record: String, keys: some MasterKeys) throws(SealError) -> [UInt8] {
        let binding = Array(("pouch-record-v1:" + record).utf8)
        let dataKey = try unwrap(sealed.wrappedKey, record: record, binding: binding, keys: keys)
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.content)
            return Array(try AES.GCM.open(box, using: dataKey, authenticating: binding))
        } catch {
            throw SealError.tampered(record: record)
        }
    }

    /// The same data key wrapped under the keyring's current version: the content is not
    /// touched (as sops `updatekeys` does). Nil when it is already under the current version.
    public static func rewrap(_ wrappedKey: [UInt8], record: String, keys: some MasterKeys) throws(SealError) -> [UInt8]? {
        let (version, master) = keys.current
        guard Self.version(of: wrappedKey) != version else { return nil }
        let binding = Array(("pouch-record-v1:" + record).utf8)
        let dataKey = try unwrap(wrappedKey, record: record, binding: binding, keys: keys)
        do {
            return try wrap(dataKey, version: version, master: master, binding: binding)
        } catch {
            throw SealError.tampered(record: record)
        }
    }

    static func wrap(_ dataKey: SymmetricKey, version: Int, master: MasterKey, binding: [UInt8]) throws -> [UInt8] {
        let box = Array(try AES.GCM.seal(dataKey.withUnsafeBytes { Array($0) }, using: master.key, authenticating: binding).combined!)
        return KeyVersionPrefix.tag(box, version: version)
    }

    static func unwrap(_ wrappedKey: [UInt8], record: String, binding: [UInt8], keys: some MasterKeys) throws(SealError) -> SymmetricKey {
        guard let (version, bare) = KeyVersionPrefix.split(wrappedKey, length: plainWrapLength) else {
            throw SealError.wrongKeyOrTampered(record: record)
        }
        guard let master = keys.key(version: version) else { throw SealError.unknownKeyVersion(record: record, version: version) }
        do {
            let box = try AES.GCM.SealedBox(combined: bare)
            return SymmetricKey(data: try AES.GCM.open(box, using: master.key, authenticating: binding))
        } catch {
            throw SealError.wrongKeyOrTampered(record: record)
        }
    }
}

/// An Ed25519 signing key: each post signs its cables (every read verifies), and the store signs its audit checkpoints.
public struct SigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    public init() { key = Curve25519.Signing.PrivateKey() }

    public init(rawRepresentation: [UInt8]) throws(SealError) {
        do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) } catch {
            throw SealError.wrongKeyLength(rawRepresentation.count)
        }
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

/// A post's signing key at one version. Signatures made from version 2 on name their version in
/// two bytes before the 64 of Ed25519, so a signature made before a rotation is checked against
/// the key it was made with.
public struct PostSigner: Sendable {
    public let key: SigningKey
    public let version: Int

    public init(key: SigningKey, version: Int) {
        self.key = key
        self.version = version
    }

    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        KeyVersionPrefix.tag(try key.sign(message), version: version)
    }
}

/// Every public key a post has had, by version.
public struct PostPublicKeys: Sendable, Hashable {
    public var byVersion: [Int: [UInt8]]

    public init(_ byVersion: [Int: [UInt8]]) { self.byVersion = byVersion }

    /// The version a signature names and the Ed25519 signature itself.
    public static func split(_ signature: [UInt8]) -> (version: Int, raw: [UInt8])? {
        KeyVersionPrefix.split(signature, length: 64).map { ($0.version, $0.bytes) }
    }

    /// Checks a signature against the version of the post's key it names.
    public func verify(_ signature: [UInt8], of message: [UInt8], record: String) throws(SealError) {
        guard let (version, raw) = Self.split(signature), let key = byVersion[version] else { throw SealError.badSignature(record: record) }
        try SigningKey.verify(raw, of: message, publicKey: key, record: record)
    }

    /// What a post key version's endorsement and attestation sign: the post, the version, when
    /// it was made and its public key.
    public static func historyMessage(post: String, version: Int, created: String, publicKey: [UInt8]) -> [UInt8] {
        Array("pouch-post-key-v1|\(post)|\(version)|\(created)|".utf8) + publicKey
    }
}
