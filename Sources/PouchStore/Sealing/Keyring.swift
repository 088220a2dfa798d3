import Crypto

/// The versions of a store's master key. Records name the version that wraps their data key
/// (`Seal`), so a new version can seal new records at once while older records still open, and
/// a rewrap can move old records across in the background (as Vault's `operator rotate` does).
public protocol MasterKeys: Sendable {
    /// The version new records are sealed under, and its key.
    var current: (version: Int, key: MasterKey) { get }
    /// The key of one version, if this keyring still holds it.
    func key(version: Int) -> MasterKey?
}

/// A keyring in memory: the versions a store holds, already unwrapped.
public struct Keyring: MasterKeys {
    public let currentVersion: Int
    public let keys: [Int: MasterKey]

    public init(current: Int, keys: [Int: MasterKey]) {
        precondition(keys[current] != nil, "the current version must be in the keyring")
        currentVersion = current
        self.keys = keys
    }

    /// A keyring of one version.
    public init(_ key: MasterKey, version: Int = 1) { self.init(current: version, keys: [version: key]) }

    public var current: (version: Int, key: MasterKey) { (currentVersion, keys[currentVersion]!) }
    public func key(version: Int) -> MasterKey? { keys[version] }
}

extension MasterKey {
    /// `key`'s 32 bytes sealed under this key for `version`, to keep an older version in a
    /// keyring wrapped by the newest.
    public func wrap(_ key: MasterKey, version: Int) throws(SealError) -> [UInt8] {
        do {
            let box = try AES.GCM.seal(
                key.key.withUnsafeBytes { Array($0) }, using: self.key, authenticating: Array("pouch-master-key-version-\(version)".utf8))
            return Array(box.combined!)
        } catch {
            throw SealError.keyDerivationFailed
        }
    }

    /// The key `wrap` sealed, or `wrongKeyOrTampered` naming the version.
    public func unwrap(_ wrapped: [UInt8], version: Int) throws(SealError) -> MasterKey {
        guard let box = try? AES.GCM.SealedBox(combined: wrapped),
            let bytes = try? AES.GCM.open(box, using: key, authenticating: Array("pouch-master-key-version-\(version)".utf8))
        else {
            throw SealError.wrongKeyOrTampered(record: "master key version \(version)")
        }
        return try MasterKey(bytes: Array(bytes))
    }
}

/// The version a wrapped key or a signature names: version 1 wrote bare bytes (kept as they are,
/// so nothing made before versions needs rewriting); later versions put their number first, in
/// two bytes, big-endian.
public enum KeyVersionPrefix {
    /// `bytes` as `version` writes them.
    public static func tag(_ bytes: [UInt8], version: Int) -> [UInt8] {
        version == 1 ? bytes : [UInt8(version >> 8), UInt8(version & 0xFF)] + bytes
    }

    /// The version and the bare bytes, when `tagged` is `length` bytes (version 1) or two more
    /// naming a version above 1; nil for any other form.
    public static func split(_ tagged: [UInt8], length: Int) -> (version: Int, bytes: [UInt8])? {
        if tagged.count == length { return (1, tagged) }
        guard tagged.count == length + 2 else { return nil }
        let version = Int(tagged[0]) << 8 | Int(tagged[1])
        return version > 1 ? (version, Array(tagged.dropFirst(2))) : nil
    }
}
