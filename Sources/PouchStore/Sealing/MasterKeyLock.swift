import Crypto
import Foundation

/// How a store's master key is unlocked: what the store keeps (in its `meta` row, and in the
/// header of every backup) so that a passphrase or key file gives back the master key.
///
/// Since keyring stores, the master key is random and kept wrapped (AES-256-GCM) under a
/// key-encryption key: the passphrase through scrypt, or the key file's 32 bytes. Changing the
/// passphrase rewraps these 60 bytes and nothing else, so it takes the same time at any size, and
/// the old passphrase stops opening the store at once. Stores made before keyrings have no
/// wrapped key: their master key *is* the key from the passphrase or file; the first passphrase
/// change gives them a wrapped one (the master key itself stays, so `pouch key rotate master`
/// is the remedy when the old passphrase may be known).
public struct MasterKeyLock: Sendable, Hashable, Codable {
    /// `passphrase` or `key-file` (`StoreCredential.kind`).
    public var credential: String
    /// The scrypt salt (unused for a key file, kept for the format).
    public var salt: [UInt8]
    public var cost: MasterKey.Cost
    /// `MasterKey.verifier` of the master key: proves an unlocked key right.
    public var verifier: [UInt8]
    /// The master key wrapped under the key-encryption key; nil for a store made before keyrings.
    public var wrappedMaster: [UInt8]?

    public init(credential: String, salt: [UInt8], cost: MasterKey.Cost, verifier: [UInt8], wrappedMaster: [UInt8]?) {
        self.credential = credential
        self.salt = salt
        self.cost = cost
        self.verifier = verifier
        self.wrappedMaster = wrappedMaster
    }

    static let binding = Array("pouch-master-key-v1".utf8)

    /// A new lock for `master` under `credential`, with a fresh salt.
    public static func locking(_ master: MasterKey, with credential: StoreCredential, cost: MasterKey.Cost) throws(SealError) -> MasterKeyLock {
        let salt = randomSalt()
        let unfilled = MasterKeyLock(credential: credential.kind, salt: salt, cost: cost, verifier: [], wrappedMaster: nil)
        return try unfilled.relocking(master, encryptionKey: try keyEncryptionKey(credential, salt: salt, cost: cost))
    }

    /// The master key, or `StoreError.wrongPassphrase` when the credential does not open it;
    /// a credential of the other kind is named as such.
    public func unlock(_ given: StoreCredential) throws -> MasterKey {
        try unlockWithKey(given).master
    }

    /// The master key and the key-encryption key that opened it (kept by a running store, so it
    /// can load a master key version another process made with the same lock's salt).
    public func unlockWithKey(_ given: StoreCredential) throws -> (master: MasterKey, encryptionKey: MasterKey) {
        guard given.kind == credential else {
            throw StoreError.invalid("this store is opened with a \(Self.name(credential)), not a \(Self.name(given.kind))")
        }
        let wrapping = try Self.keyEncryptionKey(given, salt: salt, cost: cost)
        return (try open(with: wrapping), wrapping)
    }

    /// The master key under an already derived key-encryption key.
    public func open(with wrapping: MasterKey) throws -> MasterKey {
        let master: MasterKey
        if let wrappedMaster {
            guard let box = try? AES.GCM.SealedBox(combined: wrappedMaster),
                let bytes = try? AES.GCM.open(box, using: wrapping.key, authenticating: Self.binding)
            else {
                throw StoreError.wrongPassphrase
            }
            master = try MasterKey(bytes: Array(bytes))
        } else {
            master = wrapping
        }
        guard master.verifier == verifier else { throw StoreError.wrongPassphrase }
        return master
    }

    /// This lock's salt and cost with another master key wrapped under the same key-encryption
    /// key: a new master key version that running processes can load without the passphrase.
    public func relocking(_ master: MasterKey, encryptionKey: MasterKey) throws(SealError) -> MasterKeyLock {
        do {
            let box = try AES.GCM.seal(master.key.withUnsafeBytes { Array($0) }, using: encryptionKey.key, authenticating: Self.binding)
            return MasterKeyLock(credential: credential, salt: salt, cost: cost, verifier: master.verifier, wrappedMaster: Array(box.combined!))
        } catch {
            throw SealError.keyDerivationFailed
        }
    }

    static func keyEncryptionKey(_ credential: StoreCredential, salt: [UInt8], cost: MasterKey.Cost) throws(SealError) -> MasterKey {
        switch credential {
        case .passphrase(let passphrase): try MasterKey.derive(passphrase: passphrase, salt: salt, cost: cost)
        case .key(let key): key
        }
    }

    /// "passphrase" or "key file", for messages.
    public static func name(_ kind: String) -> String { kind == "key-file" ? "key file" : "passphrase" }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

extension MasterKey {
    /// A new random master key (a keyring store's; never derived from a passphrase).
    public static func random() -> MasterKey { MasterKey(key: SymmetricKey(size: .bits256)) }

    /// A key for one purpose (backups, web sessions), derived with HKDF so it never equals the master key.
    public func derivedKey(purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array("pouch-\(purpose)-v1".utf8), outputByteCount: 32)
    }
}
