import Foundation
import GRDB
import PouchCore
import PouchCorpus
import PouchSQLite
import PouchTestSupport
import Testing

@testable import PouchStore

/// Clear errors, nothing lost: the command line against bad input, damaged stores and people who
/// must be cut off.
@Suite("The command line when things go wrong", .temporaryFiles)
struct CommandLineHardeningTests {
    let shell = CommandLineTests()
    var directory: String { shell.directory }

    func pouch(_ arguments: [String]) throws -> CommandLineTests.Run { try shell.pouch(arguments) }

    /// A store with anne (drafter), bea and sam (security officer), and one cable sent to bea.
    func sentStore() throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(try pouch(["init"]).status == 0)
        #expect(
            try pouch([
                "user", "add", "anne", "--name", "Anne", "--post", "ISLAMABAD", "--clearance", "secret", "--caveats", "NOFORN", "--roles", "drafter",
            ]).status == 0)
        #expect(try pouch(["user", "add", "bea", "--name", "Bea", "--post", "KABUL", "--clearance", "secret", "--caveats", "NOFORN"]).status == 0)
        #expect(
            try pouch([
                "user", "add", "sam", "--name", "Sam", "--post", "STATE", "--clearance", "top-secret", "--caveats", "NOFORN", "--roles",
                "security-officer",
            ]).status == 0)
        try Self.readmeDraft.write(toFile: directory + "/draft.txt", atomically: true, encoding: .utf8)
        let drafted = try pouch(["cable", "draft", "draft.txt", "--as", "anne"])
        #expect(drafted.status == 0, "\(drafted.error)")
        let id = drafted.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try pouch(["cable", "send", id, "--to", "bea,sam", "--as", "anne"]).status == 0)
        return id
    }

    /// The README's example draft.
    static let readmeDraft = """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC IMMEDIATE
        Info: AMEMBASSY KABUL, AMEMBASSY NEW DELHI
        Classification: SECRET//NOFORN
        Tags: PREL, PGOV, PK
        Subject: ZARDARI ON THE NEW CABINET
        Classified By: Ambassador Anne W. Patterson
        Reasons: 1.4 (b), (d)

        (C) Summary: President Zardari told the Ambassador that the cabinet would change.

        (S/NF) He said the army agreed.
        """

    @Test("store options work before and after the subcommand in every group; an unknown user's list fails")
    func storeOptionsEverywhere() throws {
        let id = try sentStore()
        let store = directory + "/store"
        for arguments in [
            ["user", "--store", store, "list"], ["user", "list", "--store", store], ["list", "--store", store, "show"],
            ["audit", "--store", store, "verify"], ["cable", "--store", store, "read", id, "--as", "bea"],
        ] {
            let run = try pouch(arguments)
            #expect(run.status == 0, "\(arguments): \(run.error)")
        }
        let nobody = try pouch(["cable", "list", "--as", "nobody"])
        #expect(nobody.status == 1 && nobody.error.contains("no such user: nobody"))
    }

    @Test("a witness that cannot be written or does not read is a plain error, and init leaves nothing behind")
    func badWitness() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let nowhere = try pouch(["init", "--witness", directory + "/no-such-dir/witness"])
        #expect(nowhere.status == 1)
        #expect(nowhere.error.contains("no-such-dir/witness: cannot write"), "\(nowhere.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/store/pouch.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/store/" + AuditHeadFile.fileName))
        #expect(try pouch(["init", "--witness", directory + "/witness"]).status == 0)
        try "not a head\n".write(toFile: directory + "/witness", atomically: true, encoding: .utf8)
        let garbled = try pouch(["user", "list", "--witness", directory + "/witness"])
        #expect(garbled.status == 1)
        #expect(garbled.error.contains("the audit witness is not in the expected form"), "\(garbled.error)")
    }

    @Test(
        "serve refuses a read timeout, connection cap or system level it cannot use before it starts",
        arguments: [
            ["--read-timeout", "0"], ["--read-timeout", "31"], ["--max-connections", "0"],
            ["--system-level", "SECRET//BOGUS"], ["--system-level", "SECRETISH"],
        ])
    func serveOptions(_ options: [String]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let run = try pouch(["serve", "--demo", "--store", directory + "/demo", "--port", "1"] + options)
        #expect(run.status != 0)
        #expect(run.error.contains(options[0]), "\(run.error)")
        #expect(!run.output.contains("listening"))
    }

    @Test("the largest limits and offsets are answered, not trapped on overflow")
    func hugeNumbers() throws {
        _ = try sentStore()
        let most = String(Int.max)
        let list = try pouch(["cable", "list", "--as", "bea", "--limit", most])
        #expect(list.status == 0, "\(list.error)")
        #expect(list.output.contains("ZARDARI"))
        let search = try pouch(["search", "Zardari", "--as", "bea", "--limit", most, "--offset", most])
        #expect(search.status == 0, "\(search.error)")
    }

    @Test("disable and enable from the command line; a disabled reader reads nothing")
    func disable() throws {
        let id = try sentStore()
        #expect(try pouch(["user", "disable", "bea"]).output.contains("disabled bea"))
        #expect(try pouch(["user", "list"]).output.contains("bea\tBea\tKABUL\tSECRET\tNOFORN\treader\tdisabled"))
        let read = try pouch(["cable", "read", id, "--as", "bea"])
        #expect(read.status == 1 && read.error.contains("the account bea is disabled"))
        #expect(try pouch(["user", "disable", "bea"]).error.contains("already disabled"))
        #expect(try pouch(["user", "enable", "bea"]).status == 0)
        #expect(try pouch(["cable", "read", id, "--as", "bea"]).status == 0)
        let token = try pouch(["user", "token", "bea", "--label", "laptop", "--days", "7"])
        #expect(token.output.hasPrefix("pouch_"))
        #expect(try pouch(["user", "token", "bea", "--list"]).output.contains("laptop"))
        #expect(try pouch(["user", "token", "bea", "--revoke", "laptop"]).output.contains("revoked 1 token"))
        #expect(try pouch(["user", "token", "bea", "--days", "5000"]).status != 0)
    }

    @Test("pouch verify: 0 on a clean store, 2 naming table and key when a row was changed")
    func verify() throws {
        let id = try sentStore()
        let clean = try pouch(["verify"])
        #expect(clean.status == 0, "\(clean.output)\(clean.error)")
        #expect(clean.output.contains("store intact"))
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory + "/store"))
        try raw.write { try $0.execute(sql: "UPDATE cable SET tags = ',PTER,' WHERE id = ?", arguments: [id]) }
        let damaged = try pouch(["verify"])
        #expect(damaged.status == 2)
        #expect(damaged.output.contains("cable \(id): the envelope"))
        let json = try pouch(["verify", "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((report?["problems"] as? [[String: Any]])?.contains { $0["table"] as? String == "cable" && $0["key"] as? String == id } == true)
        #expect(try pouch(["verify", "--as", "bea"]).status == 1)
    }

    @Test("a cut audit log refuses every ordinary command, naming both positions; verify and audit verify report it")
    func cutLog() throws {
        let id = try sentStore()
        let raw = try DatabaseQueue(path: SQLiteStore.databasePath(in: directory + "/store"))
        let last = try raw.read { try Int.fetchOne($0, sql: "SELECT MAX(sequence) FROM audit")! }
        try raw.write { try $0.execute(sql: "DELETE FROM audit WHERE sequence > ?", arguments: [last - 2]) }
        let read = try pouch(["cable", "read", id, "--as", "bea"])
        #expect(read.status == 1)
        #expect(read.error.contains("ends at entry \(last - 2)") && read.error.contains("records entry \(last)"), "\(read.error)")
        #expect(read.output.isEmpty)
        let audit = try pouch(["audit", "verify"])
        #expect(audit.status == 2 && audit.output.contains("audit head file"))
        #expect(try pouch(["verify"]).status == 2)
    }

    @Test("the README's draft passes lint as it passes drafting; a serial past six digits is refused")
    func lintAgreesWithDraft() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.readmeDraft.write(toFile: directory + "/draft.txt", atomically: true, encoding: .utf8)
        let lint = try pouch(["cable", "lint", "draft.txt"])
        #expect(lint.status == 0, "\(lint.output)\(lint.error)")
        #expect(try pouch(["cable", "draft", "draft.txt"]).status == 0)
        let serial = try pouch(["cable", "draft", "draft.txt", "--serial", "1000000"])
        #expect(serial.status != 0 && serial.error.contains("outside a telegram serial's range"))
        try (Self.readmeDraft.replacingOccurrences(of: "Reasons:", with: "Serial: 99999999\nReasons:"))
            .write(toFile: directory + "/serial.txt", atomically: true, encoding: .utf8)
        #expect(try pouch(["cable", "lint", "serial.txt"]).output.contains("is not a serial number"))
    }

    @Test("a directory, a symbolic-link loop, a FIFO and a dangling link get plain messages")
    func oddFiles() throws {
        try FileManager.default.createDirectory(atPath: directory + "/folder", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/loop", withDestinationPath: directory + "/loop")
        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling", withDestinationPath: directory + "/nothing-here")
        #expect(mkfifo(directory + "/fifo", 0o600) == 0)
        for (name, expected) in [
            ("folder", "a directory"), ("loop", "a symbolic link loop"), ("fifo", "a FIFO"), ("dangling", "a symbolic link to nothing"),
        ] {
            for command in [["cable", "parse", name], ["cable", "lint", name], ["cable", "draft", name]] {
                let run = try pouch(command)
                let said = run.output + run.error
                #expect(run.status != 0, "\(command)")
                #expect(said.contains("\(name):1:1: error: cannot read the file: \(expected)"), "\(command): \(said)")
                #expect(!said.contains("NSCocoaErrorDomain"))
            }
        }
    }

    @Test("bytes that are not valid UTF-8 in a UTF-8 file are reported by offset, never read as Windows-1252")
    func invalidUTF8() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var bytes = Array(Self.readmeDraft.replacingOccurrences(of: "would change.", with: "would change – soon.").utf8)
        let offset = bytes.count - 20
        bytes.insert(0xFF, at: offset)
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/damaged.txt"))
        let run = try pouch(["cable", "render", "damaged.txt"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.contains("damaged.txt: warning: 1 byte is not valid UTF-8 (at byte \(offset))"), "\(run.error)")
        #expect(run.output.contains("would change – soon."))
        #expect(!run.output.contains("â€"))
    }

    @Test("an import naming two files with one reference ID names both and says which it kept")
    func sameReferenceTwice() throws {
        _ = try sentStore()
        let cables = directory + "/cables"
        try FileManager.default.createDirectory(atPath: cables, withIntermediateDirectories: true)
        let cable = Self.readmeDraft.replacingOccurrences(
            of: "From: AMEMBASSY ISLAMABAD", with: "Reference ID: 09ISLAMABAD4242\nDate: 2009-11-04 10:30\nFrom: AMEMBASSY ISLAMABAD")
        try cable.write(toFile: cables + "/a.txt", atomically: true, encoding: .utf8)
        try cable.replacingOccurrences(of: "would change", with: "might change").write(toFile: cables + "/b.txt", atomically: true, encoding: .utf8)
        let run = try pouch(["import", "cables"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("imported 1"))
        #expect(
            run.error.contains(
                "cables/b.txt: warning: reference ID 09ISLAMABAD4242 is also in cables/a.txt; kept cables/a.txt, skipped cables/b.txt"),
            "\(run.error)")
    }
}

/// A small tmpfs the tests mount themselves (as root, as CI runs), to fill up or make read-only.
struct ScratchMount {
    let path: String

    /// Whether this machine lets the tests mount a tmpfs (root, and mount permitted).
    static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let probe = try? ScratchMount(megabytes: 1) else { return false }
        probe.remove()
        return true
    }()

    init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "pouch-mount-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
    }

    func remount(_ options: String) throws { try Self.run("/bin/mount", ["-o", "remount,\(options)", path]) }

    func remove() {
        try? Self.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StoreError.invalid("\(tool) \(arguments.joined(separator: " ")) failed") }
    }
}

@Suite(
    "The command line on a read-only or full disk", .temporaryFiles, .enabled(if: ScratchMount.available, "needs root and a tmpfs mount (as CI runs)")
)
struct DiskTests {
    let shell = CommandLineTests()

    @Test("a store on a read-only mount says plainly that it is read-only, for every command")
    func readOnly() throws {
        let mount = try ScratchMount(megabytes: 8)
        defer { mount.remove() }
        let store = mount.path + "/store"
        try FileManager.default.createDirectory(atPath: shell.directory, withIntermediateDirectories: true)
        #expect(try shell.pouch(["init", "--store", store]).status == 0)
        #expect(try shell.pouch(["user", "add", "bea", "--store", store, "--name", "Bea", "--post", "KABUL", "--clearance", "secret"]).status == 0)
        try mount.remount("ro")
        for command in [
            ["cable", "list", "--as", "bea"], ["cable", "read", "09X1", "--as", "bea"], ["search", "border", "--as", "bea"],
            ["audit", "verify"], ["verify"], ["user", "list"],
        ] {
            let run = try shell.pouch(command + ["--store", store])
            #expect(run.status == 1, "\(command)")
            #expect(run.error.contains("is read-only"), "\(command): \(run.error)")
            #expect(!run.error.contains("SQLite error"))
        }
    }

    @Test("a full disk stops an import with its summary so far and a plain message; nothing is half-written")
    func diskFull() throws {
        let mount = try ScratchMount(megabytes: 3)
        defer { mount.remove() }
        let store = mount.path + "/store"
        try FileManager.default.createDirectory(atPath: shell.directory, withIntermediateDirectories: true)
        let generator = try CorpusGenerator(learningFrom: CorpusFile.sharedCorpusDirectory())
        #expect(try generator.write(count: 600, to: URL(fileURLWithPath: shell.directory + "/corpus")) == 600)
        #expect(try shell.pouch(["init", "--store", store]).status == 0)
        let full = try shell.pouch(["import", "corpus", "--batch", "50", "--store", store])
        #expect(full.status == 1)
        #expect(full.output.contains("imported "), "the summary so far: \(full.output)")
        #expect(full.error.contains("is full; the batch it was writing was not stored"), "\(full.error)")
        #expect(!full.error.contains("SQLite error"))
        try mount.remount("size=64m")
        let resumed = try shell.pouch(["import", "corpus", "--store", store])
        #expect(resumed.status == 0, "\(resumed.error)")
        let verify = try shell.pouch(["verify", "--store", store])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("600 cable"))
    }
}
