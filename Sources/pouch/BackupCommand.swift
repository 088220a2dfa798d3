import ArgumentParser
import Foundation
import PouchSQLite
import PouchStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up a store to one sealed file, check a backup, restore one (see docs/operations.md).",
        subcommands: [Create.self, Verify.self, Restore.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a sealed backup of the store while it is in use (administrators, security officers).",
            discussion: """
                One consistent snapshot: readers, writers and a running server go on. The file is sealed under the \
                store's master key (it opens with the passphrase or key file in force now) and carries the signed \
                audit head of its last entry. An existing file is replaced only once the new backup is whole.
                """)

        @Argument(help: "The backup file to write.") var file: String
        @Option(
            help: ArgumentHelp(
                "Back up at about this many MB of database per second, leaving the machine to requests (default: as fast as it can).",
                valueName: "MB/s"))
        var maxRate: Int?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            if let maxRate, maxRate < 1 { throw ValidationError("--max-rate must be at least 1 (MB/s)") }
        }

        func run() async throws {
            let summary = try await reporting {
                let store = try await storeOptions.open()
                return try await store.backup(to: file, as: try await acting.orAdministrator(of: store), maxRate: maxRate.map { $0 * 1_000_000 })
            }
            print(
                "backed up to \(file): \(megabytes(summary.bytes)) of database, \(megabytes(summary.fileBytes)) sealed; audit head \(summary.head.sequence)"
            )
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a backup without restoring it: every chunk, seal, signature and MAC, and the audit chain up to the head it carries.",
            discussion: """
                Needs the passphrase or key file the store had when the backup was taken. The database is opened in a \
                temporary folder ($TMPDIR, or --work-dir) and removed afterwards. Exit status 0 if the backup is \
                whole, 2 if it is damaged (the problem is named), 1 on any other error.
                """)

        @Argument(help: "The backup file.") var file: String
        @Option(help: "A 32-byte key file instead of a passphrase ($POUCH_STORE_KEY).") var storeKey: String?
        @Option(help: "Where to open the backup's database for the check (default: $TMPDIR).") var workDir: String?

        func run() async throws {
            // A file that is not there is a mistake in the command, not a damaged backup.
            guard FileManager.default.isReadableFile(atPath: file) else {
                printError("error: \(file): no such file, or it cannot be read")
                throw ExitCode(1)
            }
            do {
                let credential = try StoreOptions.credential(
                    keyFile: storeKey ?? ProcessInfo.processInfo.environment["POUCH_STORE_KEY"].flatMap { $0.isEmpty ? nil : $0 })
                let summary = try SQLiteStore.verifyBackup(file, credential: credential, workDirectory: workDir)
                print("backup intact: \(file), taken \(summary.created), audit head \(summary.head.sequence); \(rowCounts(summary.checked))")
            } catch let failure as BackupFile.Failure {
                printError("BACKUP DAMAGED: \(failure.description)")
                throw ExitCode(2)
            } catch let error as ExitCode {
                throw error
            } catch {
                printError("error: \(describe(error, directory: nil))")
                throw ExitCode(1)
            }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a backup into an empty folder, checking all of it first.",
            discussion: """
                The folder (--store, or $POUCH_STORE) must be empty or not exist: a restore never replaces a store. The \
                restored store opens with the passphrase or key file the store had when the backup was taken, and its \
                audit log records the restore as the first entry after the backup's head.
                """)

        @Argument(help: "The backup file.") var file: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            let summary = try await reporting {
                try await SQLiteStore.restore(
                    file, into: storeOptions.directory, credential: try storeOptions.credential(), as: acting.id,
                    options: SealedStore.OpenOptions(witness: storeOptions.witnessFile))
            }
            print(
                "restored \(file) into \(storeOptions.directory): taken \(summary.created), audit head \(summary.head.sequence); \(rowCounts(summary.checked))"
            )
        }
    }
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

func rowCounts(_ checked: [String: Int]) -> String {
    checked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
}
