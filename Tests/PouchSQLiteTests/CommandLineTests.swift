import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchStore

/// The README's flow, through the `pouch` executable: exit statuses, output and error messages.
@Suite("The store from the command line", .temporaryFiles)
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    let directory = TemporaryFiles.path("cli")

    func pouch(_ arguments: [String], passphrase: String = "a long test passphrase", stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try PouchProcess.executable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["POUCH_STORE"] = directory + "/store"
        environment["POUCH_PASSPHRASE"] = passphrase
        environment["POUCH_USER"] = nil
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test("a --database URL that cannot be used, or a server that does not answer, is one plain line with exit 1, never the password")
    func badDatabase() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scheme = try pouch(["user", "list", "--database", "mysql://pouch@localhost/pouch"])
        #expect(scheme.status == 1 && scheme.error.contains("--database: the PostgreSQL URL cannot be used: it must begin with postgres://"))
        let noDatabase = try pouch(["init", "--database", "postgres://pouch@localhost:5432"])
        #expect(noDatabase.status == 1 && noDatabase.error.contains("it names no database"))
        // A port nothing listens on: refused at once, the server named, the password never shown.
        let refused = try pouch(["user", "list", "--database", "postgres://pouch:hunter2@127.0.0.1:1/pouch"])
        #expect(
            refused.status == 1 && refused.error.contains("PostgreSQL at postgres://pouch:***@127.0.0.1:1/pouch: cannot connect"), "\(refused.error)")
        #expect(!refused.error.contains("hunter2") && !refused.output.contains("hunter2"))
        #expect(refused.error.split(separator: "\n").count == 1, "one line: \(refused.error)")
    }

    @Test("pouch store copy: a bad URL, a folder that is not a store and a head kept with the source are one plain line each, nothing copied")
    func badCopy() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let url = try pouch(["store", "copy", "--from", "store", "--to", "mysql://pouch@localhost/pouch", "--head", "head"])
        #expect(url.status != 0 && url.error.contains("--to: the PostgreSQL URL cannot be used"), "\(url.error)")
        let missing = try pouch(["store", "copy", "--from", "nowhere", "--to", "postgres://pouch@127.0.0.1:1/pouch", "--head", "head"])
        #expect(missing.status == 1 && missing.error.contains("nowhere") && missing.error.contains("not a Pouch store"), "\(missing.error)")
        #expect(try pouch(["init"]).status == 0)
        let beside = try pouch(["store", "copy", "--from", "store", "--to", "postgres://pouch:hunter2@127.0.0.1:1/pouch", "--head", "store"])
        #expect(beside.status == 1 && beside.error.contains("kept apart from the source"), "\(beside.error)")
        let refused = try pouch(["store", "copy", "--from", "store", "--to", "postgres://pouch:hunter2@127.0.0.1:1/pouch", "--head", "head"])
        #expect(refused.status == 1 && refused.error.contains("cannot connect") && !refused.error.contains("hunter2"), "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/head"), "nothing written for a copy that did not start")
    }

    @Test("init, users, draft, send, read, trace, audit verify")
    func flow() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(try pouch(["init"]).status == 0)
        #expect(try pouch(["init"]).error.contains("already holds a Pouch store"))
        let wrong = try pouch(["user", "list"], passphrase: "not it")
        #expect(wrong.status == 1 && wrong.error.contains("wrong passphrase"))
        #expect(!wrong.error.contains("not it"), "the passphrase is never echoed")

        try """
        id,name,post,clearance,caveats,roles
        anne,"Patterson, Anne",ISLAMABAD,secret,NOFORN,drafter
        lou,Lou,KABUL,confidential,,reader
        sam,Sam,STATE,top-secret,NOFORN,security-officer
        """.write(toFile: directory + "/users.csv", atomically: true, encoding: .utf8)
        #expect(try pouch(["user", "import", "users.csv"]).output.contains("added 3 users"))
        let bad = try pouch(["user", "add", "bea", "--name", "Bea", "--post", "KABUL", "--clearance", "sekret"])
        #expect(bad.status == 1 && bad.error.contains("'sekret' is not a clearance"))
        #expect(
            try pouch(["user", "add", "reader0", "--name", "Reader 0", "--post", "KABUL", "--clearance", "secret", "--caveats", "NOFORN"]).status == 0
        )
        let readers = (0..<30).map { "reader\($0)" }
        try (["id,name,post,clearance,caveats"] + readers.dropFirst().map { "\($0),Reader,KABUL,secret,NOFORN" }).joined(separator: "\n")
            .write(toFile: directory + "/readers.csv", atomically: true, encoding: .utf8)
        #expect(try pouch(["user", "import", "readers.csv"]).output.contains("added 29 users"))
        #expect(try pouch(["list", "add", "kabul"] + readers).status == 0)

        let paragraphs = try Fixture.realParagraphs(25).map { "(S) " + $0.text }.joined(separator: "\n\n")
        try """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC IMMEDIATE
        Classification: SECRET//NOFORN
        Tags: PREL, PK
        Subject: A LONG REPORT
        Classified By: Ambassador Anne W. Patterson
        Reasons: 1.4 (b), (d)

        \(paragraphs)
        """.write(toFile: directory + "/draft.txt", atomically: true, encoding: .utf8)
        let drafted = try pouch(["cable", "draft", "draft.txt", "--as", "anne"])
        #expect(drafted.status == 0, "\(drafted.error)")
        let id = drafted.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasSuffix("ISLAMABAD1"))

        let refused = try pouch(["cable", "send", id, "--to", "lou", "--to-list", "kabul", "--as", "anne"])
        #expect(refused.status == 1 && refused.error.contains("lou (cleared to CONFIDENTIAL, the cable is SECRET)"))
        let sent = try pouch(["cable", "send", id, "--to-list", "kabul", "--as", "anne"])
        #expect(sent.output.contains("sent \(id) to 30 recipients"))

        let copy = try pouch(["cable", "read", id, "--as", "reader7"])
        #expect(copy.status == 0 && copy.output.hasPrefix("CABLE \(id)"))
        let denied = try pouch(["cable", "read", id, "--as", "lou"])
        let missing = try pouch(["cable", "read", "09NOWHERE1", "--as", "lou"])
        #expect(denied.status == 1 && denied.error == "error: no such cable: \(id)\n")
        #expect(missing.error == "error: no such cable: 09NOWHERE1\n")
        #expect(try pouch(["cable", "list", "--as", "lou"]).output.isEmpty)

        try copy.output.write(toFile: directory + "/leak.txt", atomically: true, encoding: .utf8)
        let traced = try pouch(["trace", "leak.txt", "--as", "sam", "--json"])
        let verdict = try JSONSerialization.jsonObject(with: Data(traced.output.utf8)) as? [String: Any]
        #expect(verdict?["cables"] as? [String] == [id])
        #expect((verdict?["accused"] as? [[String: Any]])?.compactMap { $0["recipient"] as? String } == ["reader7"])
        #expect(try pouch(["trace", "leak.txt", "--as", "lou"]).status == 1)

        let audit = try pouch(["audit", "verify"])
        #expect(audit.status == 0 && audit.output.contains("audit log intact"))
        let log = try pouch(["audit", "log", "--user", "lou", "--json"])
        #expect(log.output.split(separator: "\n").count >= 3)  // two refused reads, a list, a refused trace
    }

    @Test(
        "backup, passphrase, post and key-rotation commands: exit 0 when whole, 2 for a damaged backup, 1 with a plain error for a missing file or a bad argument"
    )
    func operations() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try pouch(["init"]).status == 0)
        #expect(try pouch(["backup", "create", "b.pouchbackup"]).status == 0)
        #expect(try pouch(["backup", "verify", "b.pouchbackup"]).status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/b.pouchbackup"))
        bytes[bytes.count - 20] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: directory + "/bad.pouchbackup"))
        let damaged = try pouch(["backup", "verify", "bad.pouchbackup"])
        #expect(
            damaged.status == 2 && damaged.error.contains("BACKUP DAMAGED: bad.pouchbackup: chunk 1 of 1 does not authenticate"), "\(damaged.error)")
        let missing = try pouch(["backup", "verify", "none.pouchbackup"])
        #expect(missing.status == 1 && missing.error.contains("none.pouchbackup: no such file"), "\(missing.error)")
        let wrong = try pouch(["backup", "verify", "b.pouchbackup"], passphrase: "not the passphrase")
        #expect(wrong.status == 1 && wrong.error.contains("wrong passphrase"))
        let occupied = try pouch(["backup", "restore", "b.pouchbackup"])
        #expect(occupied.status == 1 && occupied.error.contains("is not empty"), "\(occupied.error)")
        let badName = try pouch(["post", "add", "WASH!", "--fm", "EMBASSY WASHINGTON"])
        #expect(badName.status == 1 && badName.error.contains("'WASH!' is not a post name"))
        #expect(try pouch(["post", "add", "WASHINGTON"]).status == 64)
        let noKey = try pouch(["key", "passphrase", "--new-key-file", "absent.key"])
        #expect(noKey.status == 1 && noKey.error.contains("absent.key: cannot read the store key file"), "\(noKey.error)")
        #expect(try pouch(["serve", "--backup-dir", "nowhere"]).status == 64)
        #expect(try pouch(["serve", "--backup-every", "1w"]).status == 64)
        #expect(try pouch(["serve", "--backup-max-rate", "0"]).status == 64)
        #expect(try pouch(["backup", "create", "c.pouchbackup", "--max-rate", "0"]).status == 64)
        #expect(try pouch(["backup", "create", "c.pouchbackup", "--max-rate", "500"]).status == 0)

        // Key rotation from the command line: the master key (with its rewrap), a post's key, bad input.
        let rotated = try pouch(["key", "rotate", "master"])
        #expect(
            rotated.status == 0 && rotated.output.contains("master key version 2 made") && rotated.output.contains("rewrap done"),
            "\(rotated.output)\(rotated.error)")
        #expect(try pouch(["key", "rotate", "master", "--background"]).output.contains("rewrap left for later"))
        let rewrap = try pouch(["key", "rewrap", "--batch", "1"])
        #expect(
            rewrap.status == 0 && rewrap.output.contains("to master key version 3") && rewrap.error.contains("100%"),
            "\(rewrap.output)\(rewrap.error)")
        let status = try pouch(["key", "status"])
        #expect(
            status.output.contains("master key v3:") && status.output.contains("(new records)") && status.output.contains("retired"),
            "\(status.output)")
        #expect(try pouch(["key", "rotate", "post"]).status == 64)
        #expect(try pouch(["key", "rotate", "tracing", "KABUL"]).status == 64)
        #expect(try pouch(["key", "rewrap", "--batch", "0"]).status == 64)
        let nowhere = try pouch(["key", "rotate", "post", "NOWHERE"])
        #expect(nowhere.status == 1 && nowhere.error.contains("no post named NOWHERE has a signing key"), "\(nowhere.error)")
        #expect(try pouch(["verify"]).status == 0)
    }

}
