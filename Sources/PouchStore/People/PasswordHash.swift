import Crypto
import Foundation
import _CryptoExtras

/// A sign-in password kept as a memory-hard scrypt hash: `scrypt$N$r$p$SALT$HASH` (base64).
///
/// scrypt rather than a fast hash so that a stolen store file costs an attacker tens of
/// megabytes and a tenth of a second per guess and per user.
public enum PasswordHash {
    /// The shortest password accepted: long enough to resist online guessing under throttling.
    public static let minimumLength = 12

    /// Hashes a password with a fresh random salt.
    public static func make(_ password: String, cost: MasterKey.Cost = .standard) throws -> String {
        try check(password)
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let hash = try derive(password, salt: salt, cost: cost)
        return "scrypt$\(cost.rounds)$\(cost.blockSize)$\(cost.parallelism)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether the password matches the encoded hash (constant-time comparison).
    public static func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
            let rounds = Int(parts[1]), let blockSize = Int(parts[2]), let parallelism = Int(parts[3]),
            let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
            let actual = try? derive(password, salt: Array(salt), cost: .init(rounds: rounds, blockSize: blockSize, parallelism: parallelism))
        else { return false }
        return constantTimeEqual(actual, Array(expected))
    }

    /// Spends the same time as a real verification, so an unknown user name answers no faster
    /// than a wrong password.
    public static func burn(cost: MasterKey.Cost) {
        _ = try? derive("pouch-no-such-user", salt: Array(repeating: 0, count: 16), cost: cost)
    }

    /// Rejects passwords that are too short; never echoes the password.
    public static func check(_ password: String) throws {
        guard password.count >= minimumLength else {
            throw StoreError.invalid("a password needs at least \(minimumLength) characters")
        }
    }

    static func derive(_ password: String, salt: [UInt8], cost: MasterKey.Cost) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32,
            rounds: cost.rounds, blockSize: cost.blockSize, parallelism: cost.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
