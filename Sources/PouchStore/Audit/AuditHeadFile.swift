import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The signed head of the audit log (sequence, hash, time), kept in a file beside the database as
/// well as inside it.
///
/// A head kept only inside the database cannot reveal that the database itself was cut or put
/// back: whoever deletes the last entries, or restores an older copy of the files, takes the
/// head with them. As Certificate Transparency logs do with their signed tree heads, Pouch also
/// keeps the head outside what it protects, written after every commit, and every open compares
/// the two. A database behind its head file was rolled back or had its log cut.
///
/// The file only ever moves forward along one chain: it is replaced (temporary file, fsync,
/// rename) only by a head with a higher sequence whose chain contains the head already written,
/// so a cut log that grows again can never overwrite the evidence of the cut.
public struct AuditHead: Sendable, Hashable {
    public var sequence: Int
    public var hash: [UInt8]
    /// The time of the entry the head names (the audit log's format).
    public var time: String
    /// Ed25519 over `message` with the store's audit key.
    public var signature: [UInt8]

    public init(sequence: Int, hash: [UInt8], time: String, signature: [UInt8]) {
        self.sequence = sequence
        self.hash = hash
        self.time = time
        self.signature = signature
    }

    /// What the store signs.
    public static func message(sequence: Int, hash: [UInt8], time: String) -> [UInt8] {
        Array("pouch-audit-head-v1:\(sequence):\(AuditChain.hex(hash)):\(time)".utf8)
    }

    /// Signs a head with the store's audit key.
    public static func signed(sequence: Int, hash: [UInt8], time: String, key: SigningKey) throws -> AuditHead {
        AuditHead(sequence: sequence, hash: hash, time: time, signature: try key.sign(message(sequence: sequence, hash: hash, time: time)))
    }

    public func isValid(publicKey: [UInt8]) -> Bool {
        (try? SigningKey.verify(signature, of: Self.message(sequence: sequence, hash: hash, time: time), publicKey: publicKey, record: "audit head"))
            != nil
    }

    /// One line: `sequence hash time signature`.
    public var line: String { "\(sequence) \(AuditChain.hex(hash)) \(time) \(AuditChain.hex(signature))" }

    public init?(line: Substring) {
        let parts = line.split(separator: " ")
        guard parts.count == 4, let sequence = Int(parts[0]), sequence > 0, let hash = AuditChain.bytes(hex: String(parts[1])), hash.count == 32,
            let signature = AuditChain.bytes(hex: String(parts[3]))
        else { return nil }
        self.init(sequence: sequence, hash: hash, time: String(parts[2]), signature: signature)
    }
}

/// Where a database stands against a head kept outside it.
public enum HeadComparison: Sendable, Hashable {
    /// The database holds the head's entry with the same hash (and perhaps entries after it).
    case consistent
    /// The database's log ends before the head's entry.
    case behind(databaseLast: Int, head: AuditHead)
    /// The database has an entry at the head's sequence, but not the one that was signed.
    case diverged(head: AuditHead)
    /// The head is not signed by this store's audit key.
    case unsigned
}

extension HeadComparison {
    /// Compares a head with the database: its last sequence and its hash at the head's sequence.
    public static func compare(_ head: AuditHead, publicKey: [UInt8], databaseLast: Int, hashAt: (Int) throws -> [UInt8]?) rethrows -> HeadComparison
    {
        guard head.isValid(publicKey: publicKey) else { return .unsigned }
        guard head.sequence <= databaseLast else { return .behind(databaseLast: databaseLast, head: head) }
        return try hashAt(head.sequence) == head.hash ? .consistent : .diverged(head: head)
    }

    /// A sentence naming both positions, for an error or an audit report; nil when consistent.
    public func problem(source: String) -> String? {
        switch self {
        case .consistent: nil
        case .behind(let last, let head):
            "the database's audit log ends at entry \(last), but \(source) records entry \(head.sequence) (signed \(head.time)): "
                + "the database was rolled back to an older copy or entries \(last + 1)–\(head.sequence) were cut from the end"
        case .diverged(let head):
            "entry \(head.sequence) in the database is not the entry \(source) records (signed \(head.time)): the log was cut and written again"
        case .unsigned:
            "\(source) is not signed by this store's audit key (it was changed or belongs to another store)"
        }
    }
}

/// Reading and writing the head file and the optional witness.
public struct AuditHeadFile: Sendable {
    /// `audit-head` in the store directory.
    public let path: String
    /// A second place (another disk, a mounted share) where every head is appended as a line.
    public let witness: String?

    public static let fileName = "audit-head"

    public init(directory: String, witness: String? = nil) {
        path = directory + "/" + Self.fileName
        self.witness = witness
    }

    /// Why a head file or witness cannot be used.
    public struct FileError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The head in the file; nil when there is no file.
    public func read() throws -> AuditHead? {
        try Self.readHead(path, what: "the audit head file")
    }

    /// The last head the witness holds; nil when it has none (or there is no witness).
    public func readWitness() throws -> AuditHead? {
        guard let witness else { return nil }
        return try Self.readHead(witness, what: "the audit witness", last: true)
    }

    static func readHead(_ path: String, what: String, last: Bool = false) throws -> AuditHead? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw FileError(description: "\(path): cannot read \(what)") }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        // A witness may end in a line cut short by a crash mid-append: the last whole line counts.
        let candidates = last ? Array(lines.reversed()) : Array(lines.prefix(1))
        for (index, line) in candidates.enumerated() {
            if let head = AuditHead(line: line) { return head }
            if !last || index > 0 { break }
        }
        if lines.isEmpty, last { return nil }
        throw FileError(description: "\(path): \(what) is not in the expected form (changed or damaged)")
    }

    /// Writes `head` if it moves the file forward along the same chain.
    ///
    /// `hashAt` reads the database's hash at a sequence (nil when there is no such entry); it is
    /// asked about the head already in the file, so a chain that forked below it never replaces it.
    /// Serialised across processes by a lock file. Returns whether the file was written.
    @discardableResult
    public func advance(to head: AuditHead, hashAt: (Int) throws -> [UInt8]?) throws -> Bool {
        try withLock {
            if let current = try? read() {
                guard head.sequence > current.sequence else { return false }
                guard try hashAt(current.sequence) == current.hash else { return false }
            }
            try replace(with: head)
            if let witness { try append(head, to: witness) }
            return true
        }
    }

    /// Writes `head` whatever the file holds (a new store, or a restore the caller has checked).
    public func replace(with head: AuditHead) throws {
        let temporary = path + ".tmp"
        let text = "# Pouch audit head: sequence, hash, time, signature. Written after every commit; do not edit.\n" + head.line + "\n"
        try Self.writeSynced(Array(text.utf8), to: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        guard rename(temporary, path) == 0 else { throw FileError(description: "\(path): cannot replace the audit head file (\(Self.reason()))") }
        Self.syncDirectory(of: path)
    }

    /// Appends `head` to a witness file.
    public func append(_ head: AuditHead, to witness: String) throws {
        try Self.writeSynced(Array((head.line + "\n").utf8), to: witness, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    static func writeSynced(_ bytes: [UInt8], to path: String, flags: Int32) throws {
        let descriptor = open(path, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileError(description: "\(path): cannot write (\(reason()))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw FileError(description: "\(path): cannot write (\(reason()))") }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw FileError(description: "\(path): cannot sync to disk (\(reason()))") }
    }

    /// The rename itself must reach the disk, or a power cut could bring back the old file.
    static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Runs `body` holding an exclusive lock on `audit-head.lock` (processes sharing the store take turns).
    func withLock<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileError(description: "\(path).lock: cannot open the lock file (\(Self.reason()))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw FileError(description: "\(path).lock: cannot lock (\(Self.reason()))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
