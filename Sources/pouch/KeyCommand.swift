import ArgumentParser
import Foundation
import PouchCore

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Manage fingerprint keys.", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a new random 256-bit key (mode 0600).")

        @Argument(help: "Where to write the key. An existing file is never overwritten.") var keyFile: String

        func run() async throws {
            try writeNewKeyFile(keyFile)
            print("wrote a new key to \(keyFile)")
        }
    }
}

/// Writes a new random 256-bit key to a file created with mode 0600; never overwrites.
func writeNewKeyFile(_ keyFile: String) throws {
    guard !FileManager.default.fileExists(atPath: keyFile) else {
        throw ValidationError("\(keyFile): already exists; refusing to overwrite a key")
    }
    let (_, bytes) = FingerprintKey.generate()
    let text = FingerprintKey.fileContents(of: bytes)
    // Create with 0600 before any secret is written.
    guard FileManager.default.createFile(atPath: keyFile, contents: nil, attributes: [.posixPermissions: 0o600]) else {
        throw ValidationError("\(keyFile): cannot create the file")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: keyFile))
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
}

/// Reads a key file, with errors that name the file but never show its contents.
func loadKey(_ path: String) throws -> FingerprintKey {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw ValidationError("\(path): cannot read the key file")
    }
    do {
        return try FingerprintKey(fileContents: Array(data))
    } catch {
        throw ValidationError("\(path): \(error)")
    }
}

/// Reads a private rules file (see `PrivateRules`), if one is given.
func loadCatalogue(privateRules path: String?) throws -> RuleCatalogue {
    guard let path else { return .publicCatalogue }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("\(path): cannot read the rules file")
    }
    do {
        return RuleCatalogue.publicCatalogue.adding(try PrivateRules.parse(String(decoding: data, as: UTF8.self), file: path))
    } catch {
        throw ValidationError(error.description)
    }
}

/// Reads a cable file for marking or tracing.
func loadCable(_ path: String) throws -> Cable {
    switch readDocument(path) {
    case .success(let document): return document.cable
    case .failure(let error): throw ValidationError(error.description)
    }
}
