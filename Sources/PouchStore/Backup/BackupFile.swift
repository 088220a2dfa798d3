import Crypto
import Foundation

/// A sealed backup of a store: a header that says how to unlock it, then the database in chunks,
/// each sealed with AES-256-GCM under a key derived from the master key.
///
/// The database already seals cable text, but its people, lists and audit log are plain; a
/// backup is a file that travels (tapes, other sites), so all of it is sealed. Each chunk binds
/// the header's digest, its own number and whether it is the last, so a changed header, chunks
/// swapped, dropped or cut off the end all fail to open, and the failure names the chunk.
///
/// Layout: the line `POUCH BACKUP 1`, one line of JSON (`Header`), then per chunk a 4-byte
/// big-endian length and the sealed box (nonce, ciphertext, tag).
public enum BackupFile {
    /// What a backup says of itself in the clear: no cable, subject or person.
    public struct Header: Sendable, Hashable, Codable {
        /// When the backup was taken (UTC, ISO 8601).
        public var created: String
        /// The store format of the database inside.
        public var format: Int
        /// How to unlock the master key the backup was sealed under (the credential in force then).
        public var lock: MasterKeyLock
        /// The signed audit head of the database inside: its last entry.
        public var head: String
        /// The database's size in bytes.
        public var bytes: Int
        public var chunkSize: Int

        public init(created: String, format: Int, lock: MasterKeyLock, head: String, bytes: Int, chunkSize: Int = BackupFile.chunkSize) {
            self.created = created
            self.format = format
            self.lock = lock
            self.head = head
            self.bytes = bytes
            self.chunkSize = chunkSize
        }

        /// The audit head, parsed.
        public var auditHead: AuditHead? { AuditHead(line: Substring(head)) }
    }

    /// Why a backup cannot be read; names the file and the part, never key or content.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
        public init(_ file: String, _ problem: String) { description = "\(file): \(problem)" }
    }

    static let magic = Array("POUCH BACKUP 1\n".utf8)
    public static let chunkSize = 4 << 20

    /// Seals the database file at `database` into a new backup at `path` (written beside it under
    /// a temporary name, synced, then renamed: a failed backup leaves no file).
    public static func write(database: String, to path: String, header: Header, master: MasterKey, pace: Pace = Pace(bytesPerSecond: nil)) throws {
        let key = master.derivedKey(purpose: "backup")
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Failure(path, "cannot create the file (does the folder exist and may it be written?)")
        }
        do {
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            defer { try? output.close() }
            let headerLine = try headerBytes(header)
            try output.write(contentsOf: magic + headerLine)
            let digest = Array(SHA256.hash(data: magic + headerLine))
            guard let input = FileHandle(forReadingAtPath: database) else { throw Failure(database, "cannot read the database copy") }
            defer { try? input.close() }
            let count = chunkCount(bytes: header.bytes, chunkSize: header.chunkSize)
            for index in 0..<count {
                let plain = try input.read(upToCount: header.chunkSize) ?? Data()
                let box = try AES.GCM.seal(plain, using: key, authenticating: binding(digest, index, last: index == count - 1))
                var length = UInt32(box.combined!.count).bigEndian
                try output.write(contentsOf: Data(bytes: &length, count: 4) + box.combined!)
                // Synced every 64 MiB: gigabytes of dirty pages flushed at once would stall every
                // other fsync on the disk (each audited read waits for one) until they were written.
                if index % 16 == 15 { try output.synchronize() }
                pace.wait(after: (index + 1) * header.chunkSize)
            }
            guard (try input.read(upToCount: 1) ?? Data()).isEmpty else { throw Failure(database, "the database grew while it was sealed") }
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    /// The header alone, without any key.
    public static func readHeader(_ path: String) throws -> Header {
        guard let input = FileHandle(forReadingAtPath: path) else { throw Failure(path, "cannot read the file") }
        defer { try? input.close() }
        return try readHeader(input, path: path).header
    }

    /// Opens every chunk and writes the database to `database` (mode 0600). Any chunk that does not
    /// authenticate, or a file cut short or with bytes after its last chunk, is refused by name.
    @discardableResult
    public static func open(_ path: String, master: MasterKey, to database: String) throws -> Header {
        guard let input = FileHandle(forReadingAtPath: path) else { throw Failure(path, "cannot read the file") }
        defer { try? input.close() }
        let (header, digest) = try readHeader(input, path: path)
        let key = master.derivedKey(purpose: "backup")
        guard FileManager.default.createFile(atPath: database, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = FileHandle(forWritingAtPath: database)
        else {
            throw Failure(database, "cannot create the file")
        }
        defer { try? output.close() }
        let count = chunkCount(bytes: header.bytes, chunkSize: header.chunkSize)
        var written = 0
        for index in 0..<count {
            let where_ = "chunk \(index + 1) of \(count)"
            guard let lengthBytes = try input.read(upToCount: 4), lengthBytes.count == 4 else {
                throw Failure(path, "the file ends before \(where_) (cut short)")
            }
            let length = Int(lengthBytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard length >= 28, length <= header.chunkSize + 28, let sealed = try input.read(upToCount: length), sealed.count == length else {
                throw Failure(path, "\(where_) is damaged or the file is cut short")
            }
            let plain: Data
            do {
                plain = try AES.GCM.open(
                    try AES.GCM.SealedBox(combined: sealed), using: key, authenticating: binding(digest, index, last: index == count - 1))
            } catch {
                throw Failure(path, "\(where_) does not authenticate: the backup was changed or damaged, or belongs to another store")
            }
            try output.write(contentsOf: plain)
            written += plain.count
        }
        guard (try input.read(upToCount: 1) ?? Data()).isEmpty else {
            throw Failure(path, "there are bytes after the last chunk (the file was changed)")
        }
        guard written == header.bytes else { throw Failure(path, "the database inside has \(written) bytes; the header says \(header.bytes)") }
        try output.synchronize()
        return header
    }

    static func headerBytes(_ header: Header) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dataEncodingStrategy = .base64
        return Array(try encoder.encode(header)) + [UInt8(ascii: "\n")]
    }

    static func readHeader(_ input: FileHandle, path: String) throws -> (header: Header, digest: [UInt8]) {
        guard let start = try input.read(upToCount: magic.count), Array(start) == magic else {
            throw Failure(path, "not a Pouch backup (it does not begin with 'POUCH BACKUP 1')")
        }
        // The header line, read a byte at a time up to a bound: it is small, and a damaged file must not make us read it all.
        var line: [UInt8] = []
        while true {
            guard let byte = try input.read(upToCount: 1)?.first else { throw Failure(path, "the header ends without a line break (cut short)") }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
            guard line.count < 64 << 10 else { throw Failure(path, "the header is damaged (no line break in 64 KiB)") }
        }
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        guard let header = try? decoder.decode(Header.self, from: Data(line)), header.bytes > 0, header.chunkSize > 0,
            header.chunkSize <= 64 << 20, header.auditHead != nil
        else {
            throw Failure(path, "the header is damaged (not the JSON a backup carries)")
        }
        return (header, Array(SHA256.hash(data: magic + line + [UInt8(ascii: "\n")])))
    }

    static func chunkCount(bytes: Int, chunkSize: Int) -> Int { max(1, (bytes + chunkSize - 1) / chunkSize) }

    static func binding(_ digest: [UInt8], _ index: Int, last: Bool) -> [UInt8] {
        Array("pouch-backup-v1:".utf8) + digest + Array("\(index):\(last ? 1 : 0)".utf8)
    }
}
