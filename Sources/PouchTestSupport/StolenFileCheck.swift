import Foundation
import PouchCore
import PouchSQLite
import PouchStore

extension Reader {
    /// A reader cleared to SECRET at STATE who searches: the search benchmark's user, and one the
    /// stolen-file check's control store knows, so its name counts among the file's own words.
    public static let analyst = Reader(id: "analyst", name: "Analyst", post: "STATE", roles: [.reader], clearance: .secret, citizen: true)
}

/// Reads a store's database file as a thief would (`sqlite3 FILE .dump`) and looks for the words
/// of the cables' bodies and subjects in it. Envelope metadata (post, tags, captions,
/// classification, reference IDs) is plain by design, and words the file holds by itself (SQL,
/// column names, audit actions) are learnt from a control store with made-up text.
public enum StolenFileCheck {
    public static func run(store directory: String, cables: [Cable]) throws -> (checked: Int, found: [String]) {
        try run(inFile: try plainWords(of: SQLiteStore.databasePath(in: directory)), location: directory, cables: cables)
    }

    /// The same on what `pg_dump --data-only` prints of a store's PostgreSQL database (every row,
    /// as a thief with the database's files or a login would read them). `control`: the words of
    /// the same dump of a store holding only made-up text (pg_dump's own settings and comments,
    /// the migrations table), which the file holds whatever the cables say.
    public static func run(postgres url: String, control: Set<String>, location: String, cables: [Cable]) throws -> (checked: Int, found: [String]) {
        let inFile = try postgresDumpWords(url)
        return try run(inFile: inFile.subtracting(control), location: location, cables: cables)
    }

    /// Every run of letters in `pg_dump --data-only` of the database at `url`.
    public static func postgresDumpWords(_ url: String) throws -> Set<String> {
        try plainWords(dumpedBy: try postgresTool("pg_dump"), ["--data-only", "--no-owner", url])
    }

    /// A PostgreSQL client program: Debian's newest under /usr/lib/postgresql, else on the PATH.
    public static func postgresTool(_ name: String) throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        if let newest = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(newest)/bin/\(name)") {
            return "\(root)/\(newest)/bin/\(name)"
        }
        return "/usr/bin/\(name)"
    }

    static func run(inFile: Set<String>, location: String, cables: [Cable]) throws -> (checked: Int, found: [String]) {
        // The store's own location is in its audit log ("store created in …").
        let structural = try controlWords().union(location.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        var envelope: Set<String> = []
        for cable in cables {
            let fields =
                [cable.origin ?? "", cable.referenceID?.description ?? "", cable.classification.word] + cable.tags + cable.caveats.map(\.rawValue)
            for word in fields.joined(separator: " ").lowercased().split(whereSeparator: { !$0.isLetter }) { envelope.insert(String(word)) }
        }
        var words: Set<String> = []
        for cable in cables {
            SearchAnalyzer.forEachWord(in: cable.subject + " " + cable.paragraphs.map(\.text).joined(separator: " ")) { word, _ in
                if word.count >= 5, word.allSatisfy(\.isLetter), !envelope.contains(word), !structural.contains(word) { words.insert(word) }
            }
        }
        return (words.count, words.filter { inFile.contains($0) }.sorted())
    }

    /// Every run of letters in the dump, outside blob literals (X'…', whose hex digits would spell
    /// words like "faded" by chance).
    public static func plainWords(of path: String) throws -> Set<String> {
        try plainWords(dumpedBy: "/usr/bin/sqlite3", [path, ".dump"])
    }

    /// Every run of letters in what a dump program prints, outside encoded bytes.
    public static func plainWords(dumpedBy executable: String, _ arguments: [String]) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var words: Set<String> = []
        var pending = ""
        // Stream the dump: it can be gigabytes.
        while case let data = pipe.fileHandleForReading.readData(ofLength: 1 << 20), !data.isEmpty {
            let text = pending + String(decoding: data, as: UTF8.self).lowercased()
            let cut = text.lastIndex(of: "\n") ?? text.endIndex
            for word in withoutEncoded(text[..<cut]).split(whereSeparator: { !$0.isLetter }) { words.insert(String(word)) }
            pending = String(text[cut...])
        }
        for word in withoutEncoded(pending[...]).split(whereSeparator: { !$0.isLetter }) { words.insert(String(word)) }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StoreError.invalid("\(executable) \(arguments.first ?? "") exited with status \(process.terminationStatus): the dump was not read")
        }
        return words
    }

    /// The dump without blob literals (SQLite's x'…', PostgreSQL's \\x…) and sealed audit details
    /// (base64), whose letters spell words by chance.
    static func withoutEncoded(_ text: Substring) -> String {
        String(text).replacing(/x'[0-9a-f]*'/, with: " ").replacing(/\\x[0-9a-f]*/, with: " ")
            .replacing(/\[sealed:[a-z0-9+\/=]*\]/, with: " ")
    }

    static func controlWords() throws -> Set<String> {
        let directory = NSTemporaryDirectory() + "pouch-control-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
        let store = try SQLiteStore.create(
            at: directory, credential: .key(try MasterKey(bytes: [UInt8](repeating: 3, count: 32))), administrator: admin)
        let semaphore = DispatchSemaphore(value: 0)
        let box = ErrorBox()
        Task {
            do {
                // Every role once: role names are the file's own words too.
                try await store.addUsers(
                    [
                        Reader.analyst,
                        Reader(
                            id: "every-role", name: "Control", post: "STATE", roles: Set(Role.allCases),
                            clearance: .topSecret),
                    ], as: "admin")
                let cable = Cable(
                    referenceID: ReferenceID("09STATE1"), dateTimeGroup: DateTimeGroup(year: 2009, month: 1, day: 1, hour: 0, minute: 0),
                    origin: "SECSTATE WASHDC", classification: .secret, caveats: [.noforn], tags: ["PREL"], subject: "QWXZ",
                    paragraphs: [Paragraph(number: 1, mark: PortionMark("S"), text: "Zqxj vwkp.")])
                _ = try await store.importCables([cable], as: "admin")
                _ = try await store.search(try SearchQuery(parsing: "zqxj"), as: Reader.analyst.id, options: SearchOptions())
            } catch {
                box.set(error)
            }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = box.get() { throw error }
        return try plainWords(of: SQLiteStore.databasePath(in: directory))
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}
