import ArgumentParser
import Foundation
import PouchCore
import PouchFingerprint
import PouchSQLite
import PouchStore
import Synchronization

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Make key files; change the store's passphrase or key file; rotate its keys and show their versions.",
        subcommands: [Generate.self, Passphrase.self, Rotate.self, Rewrap.self, Status.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new version of a store key (administrators, security officers); audited.",
            discussion: """
                master: a new master key version; records sealed from now on use it (every server on the store within a \
                second), older records still open under theirs. Then every record's data key is rewrapped under it, \
                BATCH records per transaction, with progress on standard error; reads and writes go on. With \
                --background the rewrap is left to the servers on the store (each 'pouch serve' takes up a pending rewrap \
                in small batches within a minute) or to 'pouch key rewrap' (safe to stop and run again). A version \
                with no record left is retired and its key deleted.

                post POST: a new signing key version for the post; cables and copies signed from now on name it, and \
                signatures made before verify against the version they name. The old private key is deleted; its \
                public key stays in the post's key history, where each version is signed by the one before it and by \
                the store ('pouch verify' checks the chain).

                tracing: cables first sent from now on are marked with a new fingerprint key; cables sent before keep the \
                version their copies were marked with, for later sends and for tracing, so a trace of an old leak still \
                names its leaker. Use it when the fingerprint key may be known. Takes effect for every server on the \
                store at its next send.
                """)

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case master, post, tracing
        }

        @Argument(help: "Which key: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: Kind
        @Argument(help: "post: the post whose signing key changes (ISLAMABAD, or AMEMBASSY ISLAMABAD).") var post: String?
        @Flag(help: "master: make the new version and stop; running servers, or 'pouch key rewrap', move the records.") var background = false
        @Option(help: "master: records rewrapped per transaction.") var batch = 2_000
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
            if kind != .master, background { throw ValidationError("--background applies to 'master' only") }
            if kind == .post, post == nil { throw ValidationError("name the post: pouch key rotate post ISLAMABAD") }
            if kind != .post, let post { throw ValidationError("'\(post)': only 'post' takes a name") }
        }

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                switch kind {
                case .master:
                    let user = try await acting.orAdministrator(of: store)
                    let version = try await store.rotateMasterKey(as: user)
                    print("master key version \(version) made: records sealed from now on use it")
                    if background {
                        print(
                            "rewrap left for later: a running 'pouch serve' takes it up within a minute, or run 'pouch key rewrap' (safe to stop and run again)"
                        )
                    } else {
                        try await Rewrap.run(store, batch: batch, as: user)
                    }
                case .post:
                    let (name, version) = try await store.rotatePostKey(post ?? "", as: try await acting.orAdministrator(of: store))
                    print("signing key version \(version) of \(name) made: cables and copies signed from now on name it")
                case .tracing:
                    let version = try await store.rotateTracingKey(as: try await acting.orAdministrator(of: store))
                    print("tracing key version \(version) made: cables first sent from now on are marked with it")
                }
            }
        }
    }

    struct Rewrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move every record's data key to the current master key version (administrators, security officers).",
            discussion: """
                Rewraps only the wrapped data keys, BATCH records per transaction, never a record's content; reads and \
                writes go on. Safe to stop (even kill -9) and run again: it finds what is left by looking. Retires every \
                older version with no record left. Audited.
                """)

        @Option(help: "Records rewrapped per transaction.") var batch = 2_000
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
        }

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                try await Self.run(store, batch: batch, as: try await acting.orAdministrator(of: store))
            }
        }

        /// Runs the rewrap with a progress line on standard error (redrawn on a terminal, every
        /// tenth otherwise) and a summary on standard output.
        static func run(_ store: SealedStore, batch: Int, as user: String) async throws {
            let terminal = isatty(STDERR_FILENO) == 1
            let shown = ProgressMark()
            let report = try await store.rewrapMasterKey(batch: batch, as: user) { progress in
                let total = progress.done + progress.left
                let percent = total == 0 ? 100 : progress.done * 100 / total
                guard terminal || shown.advance(to: percent / 10) else { return }
                let width = 30
                let filled = width * percent / 100
                let line =
                    "rewrap to v\(progress.version) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(percent)%: \(progress.done) done, \(progress.left) left"
                FileHandle.standardError.write(Data((terminal ? "\r" + line : line + "\n").utf8))
            }
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
            let rate = report.seconds > 0 ? Int(Double(report.moved) / report.seconds) : report.moved
            print(
                "rewrap done: \(report.moved) records moved to master key version \(report.version) in \(String(format: "%.1f", report.seconds)) s (\(rate) records/s)"
                    + (report.retired.isEmpty
                        ? "" : "; retired version\(report.retired.count == 1 ? "" : "s") \(report.retired.map(String.init).joined(separator: ", "))"))
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show the store's keys: how the master key is unlocked, the tracing key's versions and what each covers (administrators, security officers)."
        )

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser
        @Flag(help: "Print it as JSON.") var json = false

        func run() async throws {
            let status = try await reporting {
                let store = try await storeOptions.open()
                return try await store.keyStatus(as: try await acting.orAdministrator(of: store))
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
                return
            }
            print(
                "master key: unlocked by a \(status.credential)"
                    + (status.keyring ? "" : " (derived from it: a store made before keyrings; 'pouch key passphrase' wraps it)"))
            let current = status.master.last?.version
            for version in status.master {
                let state =
                    version.version == current
                    ? " (new records)"
                    : version.retired.map { " (retired \($0)\(version.version == 1 ? "; kept as the MAC root" : ""))" } ?? " (to rewrap)"
                print(
                    "master key v\(version.version): made \(version.created), wraps \(version.covers) sealed record\(version.covers == 1 ? "" : "s")\(state)"
                )
            }
            for version in status.tracing {
                print(
                    "tracing key v\(version.version): made \(version.created), marks \(version.covers) sent cable\(version.covers == 1 ? "" : "s")"
                        + (version.version == status.tracing.count ? " (new sends)" : ""))
            }
            print("post signing keys: \(status.postKeys) posts" + (status.postVersions.isEmpty ? "" : "; rotated:"))
            for version in status.postVersions {
                print("  \(version.post) v\(version.version): made \(version.created)")
            }
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
                let store = try await storeOptions.open()
                let user = try await acting.orAdministrator(of: store)
                let credential = try StoreOptions.credential(
                    keyFile: newKeyFile, confirm: true, variable: "POUCH_NEW_PASSPHRASE",
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

/// The last tenth of a long job a progress line was shown for, so a log gets one line per tenth.
final class ProgressMark: Sendable {
    private let last = Mutex(-1)

    /// True when `tenth` is past the last one shown (and marks it shown).
    func advance(to tenth: Int) -> Bool {
        last.withLock { last in
            guard tenth > last else { return false }
            last = tenth
            return true
        }
    }
}
