import Crypto
import _CryptoExtras

/// The store's master key: it wraps every record's data key. It comes from a passphrase through
/// scrypt (memory-hard), or from a key file.
public struct MasterKey: Sendable {
    let key: SymmetricKey

    /// scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s here).
    public struct Cost: Sendable, Hashable, Codable {
        public var rounds: Int
        public var blockSize: Int
        public var parallelism: Int

        public init(rounds: Int, blockSize: Int, parallelism: Int) {
            self.rounds = rounds
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        public static let standard = Cost(rounds: 1 << 15, blockSize: 8, parallelism: 1)
        /// For tests only: fast and weak.
        public static let testing = Cost(rounds: 1 << 10, blockSize: 8, parallelism: 1)
    }

    /// Derives the key from a passphrase and the store's salt.
    public static func derive(passphrase: String, salt: [UInt8], cost: Cost = .standard) throws(SealError) -> MasterKey {
        guard !passphrase.isEmpty else { throw SealError.emptyPassphrase }
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: Array(passphrase.utf8), salt: salt, outputByteCount: 32,
                rounds: cost.rounds, blockSize: cost.blockSize, parallelism: cost.parallelism)
            return MasterKey(key: key)
        } catch {
            throw SealError.keyDerivationFailed
        }
    }

    /// A key from 32 raw bytes (a key file).
    public init(bytes: [UInt8]) throws(SealError) {
        guard bytes.count == 32 else { throw SealError.wrongKeyLength(bytes.count) }
        key = SymmetricKey(data: bytes)
    }

    init(key: SymmetricKey) { self.key = key }

    /// A keyed MAC for rows that are stored in the clear but must not change unnoticed (users).
    public func authenticationCode(for message: [UInt8], purpose: String) -> [UInt8] {
        macKey(purpose: purpose).code(for: message)
    }

    /// The MAC key for one purpose, derived once: for loops that MAC many rows.
    public func macKey(purpose: String) -> MACKey {
        MACKey(key: SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array("pouch-mac-v1:\(purpose)".utf8), using: key)))
    }

    /// A value that proves a passphrase right without revealing the key: an HMAC of a fixed label.
    public var verifier: [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("pouch master key verifier v1".utf8), using: key))
    }
}

/// How a store's master key is given: a passphrase (through scrypt) or a key file of 32 bytes.
public enum StoreCredential: Sendable {
    case passphrase(String)
    case key(MasterKey)

    /// `passphrase` or `key-file`, as recorded in the store.
    public var kind: String {
        switch self {
        case .passphrase: "passphrase"
        case .key: "key-file"
        }
    }
}

/// Why sealing or opening failed. Never carries key material or plaintext.
public enum SealError: Error, Sendable, Hashable, CustomStringConvertible {
    case emptyPassphrase
    case keyDerivationFailed
    case wrongKeyLength(Int)
    /// The wrapped data key did not open: a wrong master key, or a changed record.
    case wrongKeyOrTampered(record: String)
    /// The record's content does not authenticate: it was changed.
    case tampered(record: String)
    case badSignature(record: String)
    /// The record names a master key version this keyring does not hold (retired, or made by
    /// another process since this one loaded its keys).
    case unknownKeyVersion(record: String, version: Int)

    public var description: String {
        switch self {
        case .emptyPassphrase: "the passphrase is empty"
        case .keyDerivationFailed: "the key could not be derived from the passphrase"
        case .wrongKeyLength(let count): "a master key is 32 bytes; this one has \(count)"
        case .wrongKeyOrTampered(let record): "record \(record): the master key does not open it (wrong passphrase, or the record was changed)"
        case .tampered(let record): "record \(record): tampering detected; the content was changed and is not shown"
        case .badSignature(let record): "record \(record): the post's signature does not verify; tampering detected"
        case .unknownKeyVersion(let record, let version):
            "record \(record): sealed under master key version \(version), which this store does not hold"
        }
    }
}

/// A MAC key derived from the master key for one purpose (`MasterKey.macKey(purpose:)`).
public struct MACKey: Sendable {
    let key: SymmetricKey

    /// HMAC-SHA256 of `message`.
    public func code(for message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }

    /// The MAC of several fields, each prefixed by its length in decimal and a colon, so no two
    /// lists of fields share an encoding. One contiguous message, one HMAC: called once per row
    /// over whole tables (envelopes at 250,000 cables), where each generic `update` cost more
    /// than the hashing.
    public func code(fields: [[UInt8]]) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(fields.reduce(0) { $0 + $1.count + 8 })
        for field in fields {
            // The length in decimal, most significant digit first, without a String.
            var scale = 1
            while scale <= field.count / 10 { scale *= 10 }
            var rest = field.count
            while scale > 0 {
                message.append(UInt8(ascii: "0") + UInt8(rest / scale))
                rest %= scale
                scale /= 10
            }
            message.append(UInt8(ascii: ":"))
            message.append(contentsOf: field)
        }
        return message.withUnsafeBytes { Array(HMAC<SHA256>.authenticationCode(for: $0, using: key)) }
    }
}
