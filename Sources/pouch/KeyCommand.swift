import ArgumentParser
import Foundation
import PouchCore
import PouchSQLite
import PouchStore

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Make key files; change the store's passphrase or key file.", subcommands: [Generate.self, Passphrase.self, Rotate.self, Status.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new version of a store key (administrators, security officers); audited.",
            discussion: """
                tracing: cables first sent from now on are marked with a new fingerprint key; cables sent before keep the \
                version their copies were marked with, for later sends and for tracing, so a trace of an old leak still \
                names its leaker. Use it when the fingerprint key may be known. Takes effect for every server on the \
                store at its next send.
                """)

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case tracing
        }

        @Argument(help: "Which key: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: Kind
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await reporting {
                let store = try storeOptions.open()
                switch kind {
                case .tracing:
                    let version = try await store.rotateTracingKey(as: try await acting.orAdministrator(of: store))
                    print("tracing key version \(version) made: cables first sent from now on are marked with it")
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the store's keys: how the master key is unlocked, the tracing key's versions and what each covers (administrators, security officers).")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser
        @Flag(help: "Print it as JSON.") var json = false

        func run() async throws {
            let status = try await reporting {
                let store = try storeOptions.open()
                return try await store.keyStatus(as: try await acting.orAdministrator(of: store))
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
                return
            }
            print("master key: made \(status.masterCreated), wraps \(status.masterCovers) sealed records; unlocked by a \(status.credential)"
                  + (status.keyring ? "" : " (derived from it: a store made before keyrings; 'pouch key passphrase' wraps it)"))
            for version in status.tracing {
                print("tracing key v\(version.version): made \(version.created), marks \(version.covers) sent cable\(version.covers == 1 ? "" : "s")"
                      + (version.version == status.tracing.count ? " (new sends)" : ""))
            }
            print("post signing keys: \(status.postKeys) posts")
        }
    }

    struct Passphrase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the store's passphrase, or move between a passphrase and a key file (administrators, security officers).",
            discussion: """
                Rewraps only the master key, so it takes well under a second at any size; the old passphrase or key \
                file stops opening the store at once. The current credential comes as for every command ($POUCH_PASSPHRASE \
                or --store-key); the new one from --new-key-file, else $POUCH_NEW_PASSPHRASE, else asked twice on the \
                terminal. Backups taken before still open with the credential of their day: take a new one. If the old \
                passphrase may be known, see docs/operations.md.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser
        @Option(help: "Use this 32-byte key file (see 'pouch key generate') from now on instead of a passphrase.") var newKeyFile: String?

        func run() async throws {
            try await reporting {
                let store = try storeOptions.open()
                let user = try await acting.orAdministrator(of: store)
                let credential = try StoreOptions.credential(keyFile: newKeyFile, confirm: true, variable: "POUCH_NEW_PASSPHRASE",
                                                             label: "New store passphrase: ", keyOption: "--new-key-file")
                let start = Date()
                try await store.changeCredential(to: credential, as: user)
                let kind = credential.kind == "key-file" ? "the key file \(newKeyFile ?? "")" : "the new passphrase"
                print("the store now opens with \(kind) only (\(String(format: "%.2f s", Date().timeIntervalSince(start))))")
            }
        }
    }

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
