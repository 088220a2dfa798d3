import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a person named, with a plain message for every way that can fail: missing,
/// a directory, a symbolic-link loop, a FIFO or device (which would block or never end),
/// no permission, too large. Never a Foundation error code.
public enum InputFile {
    /// Why a file could not be read; `description` names the file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Files larger than this are refused (a cable is tens of kilobytes).
    public static let maximumSize = 64 * 1024 * 1024

    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) == 0 { throw Failure(path: path, reason: "a symbolic link to nothing") }
            throw Failure(path: path, reason: reason(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Failure(path: path, reason: "a directory, not a file")
        case S_IFIFO: throw Failure(path: path, reason: "a FIFO (named pipe), not a regular file")
        case S_IFSOCK: throw Failure(path: path, reason: "a socket, not a regular file")
        case S_IFCHR, S_IFBLK: throw Failure(path: path, reason: "a device, not a regular file")
        default: throw Failure(path: path, reason: "not a regular file")
        }
        guard Int(info.st_size) <= maximumSize else {
            throw Failure(path: path, reason: "too large to be a cable (\(info.st_size) bytes; at most \(maximumSize))")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            guard bytes.count <= maximumSize else { throw Failure(path: path, reason: "too large to be a cable") }
        }
        return bytes
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case ELOOP: "a symbolic link loop"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a part of the path is not a directory"
        case ENAMETOOLONG: "the path is too long"
        case EISDIR: "a directory, not a file"
        default: String(cString: strerror(code))
        }
    }
}
