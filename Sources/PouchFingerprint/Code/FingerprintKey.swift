import Crypto
import Foundation
import PouchCore

/// The secret from which every copy's wording is derived (256 bits).
public struct FingerprintKey: Sendable {
    let key: SymmetricKey

    /// A key from its 32 raw bytes.
    public init(bytes: some Collection<UInt8>) throws(FingerprintKeyError) {
        guard bytes.count == 32 else { throw FingerprintKeyError.wrongLength(bytes.count) }
        key = SymmetricKey(data: Array(bytes))
    }

    /// A new random key.
    public static func generate() -> (key: FingerprintKey, bytes: [UInt8]) {
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Array($0) }
        return (FingerprintKey(key: key), bytes)
    }

    private init(key: SymmetricKey) { self.key = key }

    /// A fixed, public key for work that needs slots but no secret (canonicalising).
    static let unkeyed = FingerprintKey(key: SymmetricKey(data: [UInt8](repeating: 0, count: 32)))

    /// Reads a key file: 64 hexadecimal digits (whitespace ignored) or 32 raw bytes.
    public init(fileContents: [UInt8]) throws(FingerprintKeyError) {
        try self.init(bytes: try Self.rawBytes(fileContents: fileContents))
    }

    /// The 32 bytes of a key file (the format Pouch uses for every key it writes).
    public static func rawBytes(fileContents: [UInt8]) throws(FingerprintKeyError) -> [UInt8] {
        let text = String(decoding: fileContents, as: UTF8.self).filter { !$0.isWhitespace }
        if text.count == 64, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                bytes.append(UInt8(text[index..<next], radix: 16)!)
                index = next
            }
            return bytes
        } else if fileContents.count == 32 {
            return fileContents
        }
        throw FingerprintKeyError.wrongLength(fileContents.count)
    }

    /// The key file's text: 64 hexadecimal digits and a newline.
    public static func fileContents(of bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined() + "\n"
    }

    /// A stream of uniform numbers in (0, 1) for `label`, `parts`: HMAC-SHA256 in counter mode.
    func uniforms(_ label: String, _ parts: [[UInt8]], count: Int) -> [Double] {
        var prefix = Array(label.utf8)
        for part in parts {
            prefix.append(0)
            prefix.append(contentsOf: withUnsafeBytes(of: UInt32(part.count).bigEndian, Array.init))
            prefix.append(contentsOf: part)
        }
        // One keyed derivation per stream, then a cheap counter-mode expansion under the derived key.
        let streamKey = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: prefix, using: key)))
        var result: [Double] = []
        result.reserveCapacity(count)
        var counter: UInt32 = 0
        while result.count < count {
            let block = HMAC<SHA256>.authenticationCode(for: withUnsafeBytes(of: counter.bigEndian, Array.init), using: streamKey)
            block.withUnsafeBytes { raw in
                for word in 0..<8 where result.count < count {
                    let value = raw.loadUnaligned(fromByteOffset: word * 4, as: UInt32.self)
                    result.append((Double(value) + 0.5) / 4_294_967_296.0)
                }
            }
            counter += 1
        }
        return result
    }
}

/// A key that cannot be used.
public enum FingerprintKeyError: Error, Sendable, CustomStringConvertible {
    case wrongLength(Int)

    public var description: String {
        switch self {
        case .wrongLength(let count):
            "a fingerprint key is 32 bytes (64 hexadecimal digits); this one has \(count) bytes"
        }
    }
}
