import ArgumentParser
import Foundation
import PouchCore
import PouchFingerprint
import PouchPostgres
import PouchSQLite
import PouchStore

#if canImport(Glibc)
import Glibc
#endif

/// Where the store is and how to open it; shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store directory (default: $POUCH_STORE, else ./pouch-data); with --database, it holds only the signed audit head.")
    var store: String?
    @Option(
        help: ArgumentHelp(
            "A PostgreSQL database shared by several servers instead of SQLite in the store directory ($POUCH_DATABASE); the password, if any, in $PGPASSWORD.",
            valueName: "postgres://USER@HOST:PORT/DB"))
    var database: String?
    @Option(help: "A 32-byte master key file (see 'pouch key generate') instead of a passphrase ($POUCH_STORE_KEY).")
    var storeKey: String?
    @Option(help: ArgumentHelp("Also append every signed audit head to this file, on another disk or share ($POUCH_WITNESS).", valueName: "path"))
    var witness: String?

    var directory: String {
        store ?? ProcessInfo.processInfo.environment["POUCH_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "./pouch-data"
    }

    /// The PostgreSQL database, when one is named.
    func postgres() throws -> PostgresLocation? {
        guard let url = database ?? ProcessInfo.processInfo.environment["POUCH_DATABASE"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        do {
            return try PostgresLocation(url: url)
        } catch {
            throw CommandError("--database: \(error)")
        }
    }

    var keyFile: String? {
        storeKey ?? ProcessInfo.processInfo.environment["POUCH_STORE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The credential: the key file, else $POUCH_PASSPHRASE, else a prompt on the terminal.
    func credential(confirm: Bool = false) throws -> StoreCredential {
        try Self.credential(keyFile: keyFile, confirm: confirm)
    }

    /// The key file if one is named, else $POUCH_PASSPHRASE (or `variable`), else a prompt.
    static func credential(
        keyFile: String?, confirm: Bool = false, variable: String = "POUCH_PASSPHRASE",
        label: String = "Store passphrase: ", keyOption: String = "--store-key"
    ) throws -> StoreCredential {
        if let keyFile { return try Self.keyCredential(keyFile) }
        if let passphrase = ProcessInfo.processInfo.environment[variable], !passphrase.isEmpty {
            return .passphrase(passphrase)
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandError("no passphrase: set \(variable), give \(keyOption), or run on a terminal to be asked")
        }
        let first = prompt(label)
        guard !first.isEmpty else { throw CommandError("the passphrase is empty") }
        if confirm {
            guard prompt("Again: ") == first else { throw CommandError("the passphrases do not match") }
        }
        return .passphrase(first)
    }

    /// A master key read from a key file; errors name the file, never its contents.
    static func keyCredential(_ keyFile: String) throws -> StoreCredential {
        guard let data = FileManager.default.contents(atPath: keyFile) else { throw CommandError("\(keyFile): cannot read the store key file") }
        do {
            let key = try FingerprintKey.rawBytes(fileContents: Array(data))
            return .key(try MasterKey(bytes: key))
        } catch {
            throw CommandError("\(keyFile): not a key file (64 hexadecimal digits or 32 bytes)")
        }
    }

    var witnessFile: String? {
        witness ?? ProcessInfo.processInfo.environment["POUCH_WITNESS"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the store. `inspecting` opens one that fails its open checks (a log behind its head
    /// file), for the commands that report what is wrong.
    func open(inspecting: Bool = false) async throws -> SealedStore {
        do {
            let options = SealedStore.OpenOptions(witness: witnessFile, inspecting: inspecting)
            if let location = try postgres() {
                return try await PostgresStore.open(at: location, headDirectory: directory, credential: try credential(), options: options)
            }
            return try SQLiteStore.open(at: directory, credential: try credential(), options: options)
        } catch let error as StoreError {
            throw CommandError(error.description)
        } catch let error as SealError {
            throw CommandError(error.description)
        }
    }
}

/// Asks on the terminal without echo; empty when there is no terminal.
func prompt(_ text: String) -> String {
    guard let pointer = getpass(text) else { return "" }
    return String(cString: pointer)
}

/// The user a command acts as: `--as`, else $POUCH_USER.
struct ActingUser: ParsableArguments {
    @Option(name: .customLong("as"), help: "The user to act as (default: $POUCH_USER).") var user: String?

    var id: String? {
        user ?? ProcessInfo.processInfo.environment["POUCH_USER"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func required() throws -> String {
        guard let id else { throw CommandError("say who you are: --as USER (or set POUCH_USER)") }
        return id
    }

    /// The user, or the store's administrator for administrative commands.
    func orAdministrator(of store: SealedStore) async throws -> String {
        if let id { return id }
        return try await store.administrator()
    }
}

/// A failure to report on standard error with exit status 1 (no usage text: the input was understood).
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a store operation; store, seal, file and database errors become one clear line and exit status 1.
func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        printError("error: \(describe(error, directory: nil))")
        throw ExitCode(1)
    }
}

/// One plain line for any error a store command meets: never an SQLite result code or a
/// Foundation error number.
func describe(_ error: any Error, directory: String?) -> String {
    switch error {
    case let error as StoreError: error.description
    case let error as SealError: error.description
    case let error as CommandError: error.description
    case let error as InputFile.Failure: error.description
    case let error as AuditHeadFile.FileError: error.description
    case let error as BackupFile.Failure: error.description
    default:
        if let mapped = SQLiteStore.storeError(error, directory: directory ?? "the store") { mapped.description } else { "\(error)" }
    }
}
