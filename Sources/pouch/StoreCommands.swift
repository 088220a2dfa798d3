import ArgumentParser
import Foundation
import PouchCore
import PouchPostgres
import PouchSQLite
import PouchStore

#if canImport(Glibc)
import Glibc
#endif

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Create a store: its master key (from a passphrase through scrypt, or a key file), its tracing and audit keys, and its first administrator."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The first administrator's user ID.") var admin = "admin"
    @Option(help: "The first administrator's name.") var adminName = "Administrator"

    func run() async throws {
        try await reporting {
            guard UserFields.isValidID(admin) else { throw CommandError("'\(admin)' is not a valid user ID (letters, digits, . _ - @)") }
            let administrator = Reader(id: admin, name: adminName, post: "ADMIN", roles: [.administrator], clearance: .unclassified, citizen: false)
            let options = SealedStore.OpenOptions(witness: storeOptions.witnessFile)
            if let location = try storeOptions.postgres() {
                let store = try await PostgresStore.create(
                    at: location, headDirectory: storeOptions.directory, credential: try storeOptions.credential(confirm: true),
                    administrator: administrator, options: options)
                await store.close()
                print("created a Pouch store in \(location) with administrator \(admin); its signed audit head is in \(storeOptions.directory)")
            } else {
                _ = try SQLiteStore.create(
                    at: storeOptions.directory, credential: try storeOptions.credential(confirm: true), administrator: administrator,
                    options: options)
                print("created a Pouch store in \(storeOptions.directory) with administrator \(admin)")
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users (administrators).",
        subcommands: [Add.self, Update.self, Import.self, List.self, Disable.self, Enable.self, Password.self, Token.self])

    /// So `pouch user --store DIR list` works as well as `pouch user list --store DIR`.
    @OptionGroup var storeOptions: StoreOptions

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user.")

        @Argument(help: "The user ID.") var id: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "Their post (ISLAMABAD, STATE, …).") var post: String
        @Option(help: "unclassified, confidential, secret or top-secret.") var clearance: String
        @Option(help: "Caveat accesses: NOFORN (citizen), EXDIS, NODIS, LIMDIS, STADIS, comma-separated.") var caveats = ""
        @Option(help: "Roles: drafter, reader, security-officer, administrator, comma-separated.") var roles = "reader"
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await reporting {
                let user = try UserFields.reader(id: id, name: name, post: post, clearance: clearance, caveats: caveats, roles: roles)
                let store = try await storeOptions.open()
                try await store.addUsers([user], as: try await acting.orAdministrator(of: store))
                print("added \(id)")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add users from a CSV file (header: id,name,post,clearance,caveats,roles), all or nothing.")

        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await reporting {
                guard let data = FileManager.default.contents(atPath: file) else { throw CommandError("\(file): cannot read the file") }
                let users = try UserCSV.parse(String(decoding: data, as: UTF8.self), file: file)
                let store = try await storeOptions.open()
                try await store.addUsers(users, as: try await acting.orAdministrator(of: store))
                print("added \(users.count) user\(users.count == 1 ? "" : "s")")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                let listing = try await store.users(as: try await acting.orAdministrator(of: store))
                for user in listing.users {
                    var caveats = user.grants.map(\.rawValue).sorted()
                    if user.citizen { caveats.insert("NOFORN", at: 0) }
                    print(
                        [
                            user.id, user.name, user.post, user.clearance.word, caveats.joined(separator: ","),
                            user.roles.map(\.rawValue).sorted().joined(separator: ","), user.disabled ? "disabled" : "active",
                        ].joined(separator: "\t"))
                }
                for id in listing.damaged {
                    printError("warning: the stored row of user \(id) fails its MAC (tampering); it is left out and recorded in the audit log")
                }
            }
        }
    }
}

extension UserCommand {
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's sign-in password for the web UI and the API (an administrator, or the user themself).",
            discussion:
                "The password comes from $POUCH_USER_PASSWORD, else it is asked twice on the terminal. At least \(PasswordHash.minimumLength) characters; kept as a scrypt hash."
        )

        @Argument(help: "The user ID.") var id: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await reporting {
                let password: String
                if let given = ProcessInfo.processInfo.environment["POUCH_USER_PASSWORD"], !given.isEmpty {
                    password = given
                } else {
                    guard isatty(STDIN_FILENO) == 1 else {
                        throw CommandError("no password: set POUCH_USER_PASSWORD or run on a terminal to be asked")
                    }
                    let first = prompt("New password for \(id): ")
                    guard prompt("Again: ") == first else { throw CommandError("the passwords do not match") }
                    password = first
                }
                let store = try await storeOptions.open()
                try await store.setPassword(password, for: id, as: try await acting.orAdministrator(of: store))
                print("password set for \(id)")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a bearer token for the JSON API (printed once; the store keeps only a keyed hash), list or revoke tokens.",
            discussion:
                "A token expires after --days (default 90). --revoke LABEL ends the tokens with that label, --revoke-all every token of the user; --list shows labels and dates."
        )

        @Argument(help: "The user ID the token acts as.") var id: String
        @Option(help: "A label to recognise the token by in the audit log.") var label = "cli"
        @Option(help: "Days until the new token expires (1 to 1095).") var days = 90
        @Option(help: ArgumentHelp("Revoke the user's tokens with this label.", valueName: "label")) var revoke: String?
        @Flag(help: "Revoke every token of the user.") var revokeAll = false
        @Flag(help: "List the user's tokens (labels and dates).") var list = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            guard (1...1095).contains(days) else { throw ValidationError("--days must be from 1 to 1095") }
            guard [revoke != nil, revokeAll, list].filter({ $0 }).count <= 1 else {
                throw ValidationError("give one of --revoke, --revoke-all and --list")
            }
        }

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                let actor = try await acting.orAdministrator(of: store)
                if list {
                    for token in try await store.tokens(of: id, as: actor) {
                        print("\(token.label)\tissued \(token.created)\texpires \(token.expires)")
                    }
                } else if revoke != nil || revokeAll {
                    let count = try await store.revokeTokens(of: id, label: revoke, as: actor)
                    print("revoked \(count) token\(count == 1 ? "" : "s") of \(id)")
                } else {
                    print(try await store.issueToken(for: id, label: label, lifetime: Double(days) * 24 * 60 * 60, as: actor))
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a person's name, post, clearance, caveats or roles (administrators); it takes effect on their next request.")

        @Argument(help: "The user ID.") var id: String
        @Option(help: "Their name.") var name: String?
        @Option(help: "Their new post (e.g. ISLAMABAD).") var post: String?
        @Option(help: "unclassified, confidential, secret or top-secret.") var clearance: String?
        @Option(help: "All their caveats, replacing the old ones: NOFORN (a citizen), EXDIS, NODIS, LIMDIS, STADIS; 'none' for none.")
        var caveats: String?
        @Option(help: "All their roles, replacing the old ones: reader, drafter, security-officer, administrator.") var roles: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            guard name != nil || post != nil || clearance != nil || caveats != nil || roles != nil else {
                throw ValidationError("say what to change: --name, --post, --clearance, --caveats or --roles")
            }
        }

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                guard let before = try await store.user(id: id) else { throw StoreError.noSuchUser(id) }
                let updated = try UserFields.updating(before, name: name, post: post, clearance: clearance, caveats: caveats, roles: roles)
                try await store.updateUser(updated, as: try await acting.orAdministrator(of: store))
                print("updated \(id): " + UserFields.changes(from: before, to: updated).joined(separator: "; "))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: its sessions and tokens stop working at once, sign-in is refused, and it reads nothing (administrators).")

        @Argument(help: "The user ID.") var id: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws { try await setAccount(id, disabled: true, storeOptions: storeOptions, acting: acting) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again (administrators); its old sessions stay ended.")

        @Argument(help: "The user ID.") var id: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws { try await setAccount(id, disabled: false, storeOptions: storeOptions, acting: acting) }
    }

    /// `user disable` and `user enable`.
    static func setAccount(_ id: String, disabled: Bool, storeOptions: StoreOptions, acting: ActingUser) async throws {
        try await reporting {
            let store = try await storeOptions.open()
            try await store.setDisabled(disabled, user: id, as: try await acting.orAdministrator(of: store))
            print("\(disabled ? "disabled" : "enabled") \(id)")
        }
    }
}

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Manage distribution lists (administrators).", subcommands: [Add.self, Remove.self, Show.self])

    @OptionGroup var storeOptions: StoreOptions

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add users to a list, creating it if needed.")

        @Argument(help: "The list name.") var name: String
        @Argument(help: "User IDs (separated by spaces or commas).") var members: [String]
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await ListCommand.change(name, members, storeOptions, acting, "added") { store, ids, actor in
                try await store.addToList(name, members: ids, as: actor)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take users off a list (copies already sent through it stay).")

        @Argument(help: "The list name.") var name: String
        @Argument(help: "User IDs (separated by spaces or commas).") var members: [String]
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await ListCommand.change(name, members, storeOptions, acting, "removed") { store, ids, actor in
                try await store.removeFromList(name, members: ids, as: actor)
            }
        }
    }

    /// Adds or removes members (IDs separated by spaces or commas) as the acting administrator, and says how many.
    static func change(
        _ name: String, _ members: [String], _ storeOptions: StoreOptions, _ acting: ActingUser, _ verb: String,
        _ apply: (SealedStore, [String], String) async throws -> Void
    ) async throws {
        try await reporting {
            let ids = members.flatMap { $0.split(separator: ",").map(String.init) }
            let store = try await storeOptions.open()
            try await apply(store, ids, try await acting.orAdministrator(of: store))
            print("list \(name): \(verb) \(ids.count) member\(ids.count == 1 ? "" : "s")")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the lists and their members.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                for (name, members) in try await store.lists(as: try await acting.orAdministrator(of: store)).sorted(by: { $0.key < $1.key }) {
                    print("\(name): \(members.joined(separator: ", "))")
                }
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check and show the audit log (security officers, administrators).", subcommands: [Verify.self, Log.self])

    @OptionGroup var storeOptions: StoreOptions

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain, the signed checkpoints and the signed head; name every changed, deleted, inserted or reordered entry.",
            discussion: "Exit status 0 if the log is intact, 2 if it is not, 1 on error.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser
        @Flag(help: "Print the report as JSON.") var json = false

        func run() async throws {
            let report = try await reporting {
                let store = try await storeOptions.open(inspecting: true)
                return try await store.verifyAudit(as: try await acting.orAdministrator(of: store))
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else if report.intact {
                print("audit log intact: \(report.entries) entries, \(report.checkpoints) signed checkpoints, signed head verified")
            } else {
                print("AUDIT LOG DAMAGED: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in \(report.entries) entries")
                for problem in report.problems { print("  " + problem.message) }
            }
            if !report.intact { throw ExitCode(2) }
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show audit entries, oldest first.")

        @Option(help: "Only this user's entries.") var user: String?
        @Option(help: "Only entries at or after this UTC time (2026-11-22 or 2026-11-22T10:00).") var since: String?
        @Option(help: "Only the most recent N entries.") var limit: Int?
        @Flag(help: "One JSON object per line.") var json = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            if let since, since.range(of: #"^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?Z?$"#, options: .regularExpression) == nil {
                throw ValidationError("--since '\(since)' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            }
        }

        func run() async throws {
            let entries = try await reporting {
                let store = try await storeOptions.open()
                let filter = AuditFilter(user: user, since: since?.replacingOccurrences(of: " ", with: "T"), limit: limit)
                return try await store.auditLog(filter, as: try await acting.orAdministrator(of: store))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for entry in entries {
                if json {
                    print(String(decoding: try encoder.encode(entry), as: UTF8.self))
                } else {
                    print("\(entry.sequence)\t\(entry.time)\t\(entry.user)\t\(entry.action)\t\(entry.target)\t\(entry.outcome)\t\(entry.detail)")
                }
            }
        }
    }
}
