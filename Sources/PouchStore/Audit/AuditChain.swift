import Crypto
import Foundation

/// The audit log's integrity: each entry's hash covers its fields and the hash before it; the
/// store signs the newest hash after every append (the head) and keeps a signed checkpoint every
/// `checkpointInterval` entries. Changing, deleting, inserting or reordering an entry breaks
/// the chain; rewriting the chain after it needs the store's signing key, which is sealed under
/// the master key; cutting entries off the end contradicts the signed head.
public enum AuditChain {
    public static let checkpointInterval = 100
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// SHA-256 over the sequence number, each field (length-prefixed) and the previous hash.
    public static func hash(sequence: Int64, fields: [[UInt8]], previous: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array("pouch-audit-v1".utf8))
        withUnsafeBytes(of: sequence.bigEndian) { hasher.update(bufferPointer: $0) }
        for field in fields {
            withUnsafeBytes(of: UInt64(field.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: field)
        }
        hasher.update(data: previous)
        return Array(hasher.finalize())
    }

    /// What the store signs for a checkpoint or the head.
    public static func signedMessage(sequence: Int, hash: [UInt8]) -> [UInt8] {
        Array("pouch-audit-checkpoint-v1:\(sequence):\(hex(hash))".utf8)
    }

    /// An entry as it lies in storage, every field as raw bytes (nil when the column is NULL or
    /// has the wrong type), so verification sees exactly what is stored.
    public struct StoredEntry: Sendable {
        public var sequence: Int64?
        /// time, user, action, target, outcome, detail.
        public var fields: [[UInt8]?]
        public var previousHash: [UInt8]?
        public var hash: [UInt8]?

        public init(sequence: Int64?, fields: [[UInt8]?], previousHash: [UInt8]?, hash: [UInt8]?) {
            self.sequence = sequence
            self.fields = fields
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    /// A signed (sequence, hash) pair: a checkpoint or the head.
    public struct SignedPoint: Sendable {
        public var sequence: Int64?
        public var hash: [UInt8]?
        public var signature: [UInt8]?

        public init(sequence: Int64?, hash: [UInt8]?, signature: [UInt8]?) {
            self.sequence = sequence
            self.hash = hash
            self.signature = signature
        }
    }

    /// Checks entries (in storage order by sequence), checkpoints and the head against the
    /// store's audit public key; reports every problem with the entry it concerns.
    public static func verify(entries: [StoredEntry], checkpoints: [SignedPoint], head: SignedPoint?, publicKey: [UInt8]) -> AuditReport {
        var problems: [AuditReport.Problem] = []
        var expectedSequence: Int64 = 1
        var previous = genesis
        var hashes: [Int64: [UInt8]] = [:]
        var lastSequence: Int64 = 0
        for entry in entries {
            guard let sequence = entry.sequence else {
                problems.append(.init(sequence: nil, message: "an entry without a sequence number was inserted"))
                continue
            }
            if sequence < expectedSequence {
                problems.append(.init(sequence: Int(sequence), message: "entry \(sequence) is duplicated or out of order (inserted or reordered)"))
                continue
            }
            if sequence > expectedSequence {
                let range = expectedSequence == sequence - 1 ? "entry \(expectedSequence) is" : "entries \(expectedSequence)–\(sequence - 1) are"
                problems.append(.init(sequence: Int(expectedSequence), message: "\(range) missing (deleted)"))
            }
            let fields = entry.fields.map { $0 ?? [] }
            let complete = entry.fields.count == 6 && entry.fields.allSatisfy { $0 != nil }
            if entry.previousHash != previous {
                problems.append(
                    .init(
                        sequence: Int(sequence),
                        message: "entry \(sequence) does not follow the entry before it (an entry was changed, inserted, deleted or reordered)"))
            }
            let recomputed = hash(sequence: sequence, fields: fields, previous: entry.previousHash ?? [])
            if !complete || entry.hash != recomputed {
                problems.append(.init(sequence: Int(sequence), message: "entry \(sequence) was changed (its hash does not match its content)"))
            }
            let stored = entry.hash ?? recomputed
            hashes[sequence] = stored
            previous = stored
            lastSequence = sequence
            expectedSequence = sequence + 1
        }
        for checkpoint in checkpoints {
            guard let sequence = checkpoint.sequence, let hash = checkpoint.hash, let signature = checkpoint.signature,
                isValid(signature, sequence: Int(sequence), hash: hash, publicKey: publicKey)
            else {
                problems.append(
                    .init(
                        sequence: checkpoint.sequence.map(Int.init), message: "a checkpoint's signature does not verify (the checkpoint was changed)")
                )
                continue
            }
            if let actual = hashes[sequence] {
                if actual != hash {
                    problems.append(
                        .init(sequence: Int(sequence), message: "entry \(sequence) is not the entry the checkpoint signed (the log was rewritten)"))
                }
            } else {
                problems.append(.init(sequence: Int(sequence), message: "entry \(sequence), signed by a checkpoint, is missing (deleted)"))
            }
        }
        if let head {
            if let sequence = head.sequence, let hash = head.hash, let signature = head.signature,
                isValid(signature, sequence: Int(sequence), hash: hash, publicKey: publicKey)
            {
                if sequence > lastSequence {
                    problems.append(
                        .init(
                            sequence: Int(lastSequence + 1),
                            message: "the log ends at entry \(lastSequence) but was signed up to entry \(sequence): entries were deleted from the end"
                        ))
                } else if sequence < lastSequence {
                    problems.append(
                        .init(sequence: Int(sequence + 1), message: "entries after \(sequence) were added without the store's key (inserted)"))
                } else if hashes[sequence] != hash {
                    problems.append(
                        .init(sequence: Int(sequence), message: "entry \(sequence) is not the last entry the store signed (the log was rewritten)"))
                }
            } else {
                problems.append(.init(sequence: nil, message: "the signed head of the log does not verify (it was changed)"))
            }
        } else if !entries.isEmpty {
            problems.append(.init(sequence: nil, message: "the signed head of the log is missing (deleted)"))
        }
        return AuditReport(entries: entries.count, checkpoints: checkpoints.count, problems: problems)
    }

    static func isValid(_ signature: [UInt8], sequence: Int, hash: [UInt8], publicKey: [UInt8]) -> Bool {
        (try? SigningKey.verify(signature, of: signedMessage(sequence: sequence, hash: hash), publicKey: publicKey, record: "audit")) != nil
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    public static func bytes(hex: String) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result
    }
}

/// The outcome of `pouch audit verify`.
public struct AuditReport: Sendable, Hashable, Codable {
    public struct Problem: Sendable, Hashable, Codable {
        /// The entry concerned, when one can be named.
        public var sequence: Int?
        public var message: String

        public init(sequence: Int?, message: String) {
            self.sequence = sequence
            self.message = message
        }
    }

    public var entries: Int
    public var checkpoints: Int
    public var problems: [Problem]
    public var intact: Bool { problems.isEmpty }

    public init(entries: Int, checkpoints: Int, problems: [Problem]) {
        self.entries = entries
        self.checkpoints = checkpoints
        self.problems = problems
    }
}

extension AuditEntry {
    /// The log's time format: UTC, ISO 8601 with milliseconds (`2026-11-22T22:41:07.123Z`), so
    /// times sort as text.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }
}
