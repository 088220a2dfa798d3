import Foundation
import PouchCore
import PouchCorpus
import PouchFingerprint
import PouchPostgres
import PouchSQLite
import PouchStore
import PouchTestSupport

/// `pouch-bench store`: sends a long real-text cable to many recipients through a fresh store
/// (mark, seal, sign, store, audit) and reads copies back, timing both.
public struct StoreBenchmark: Sendable {
    public var corpus: URL
    public var recipients: Int
    public var words: Int
    public var sends: Int
    public var reads: Int

    /// A PostgreSQL server to run on (in a new database, dropped afterwards) instead of SQLite.
    public var postgres: PostgresLocation?

    public init(corpus: URL, recipients: Int = 1_000, words: Int = 1_500, sends: Int = 3, reads: Int = 1_000) {
        self.corpus = corpus
        self.recipients = recipients
        self.words = words
        self.sends = sends
        self.reads = reads
    }

    public struct Report: Sendable {
        public var sendSeconds: [Double]
        public var readMilliseconds: [Double]
        public var listMilliseconds: [Double]
        public var cableWords: Int
        public var slots: Int
        public var recipients: Int
        public var databaseBytes: Int
        /// The store's database: SQLite or PostgreSQL.
        public var database = "SQLite"

        public var table: String {
            func percentile(_ values: [Double], _ p: Double) -> Double {
                let sorted = values.sorted()
                return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
            }
            var lines = ["| measure (\(database)) | result | aim |", "|---|---|---|"]
            lines.append(
                "| send: \(cableWords)-word cable (\(slots) slots) to \(recipients) recipients: mark, seal, sign, store, audit | median \(String(format: "%.2f", percentile(sendSeconds, 0.5))) s, worst \(String(format: "%.2f", sendSeconds.max() ?? 0)) s over \(sendSeconds.count) sends | ≤ 3 s |"
            )
            lines.append(
                "| read one copy (open, verify seal and signature, audit entry committed) | p50 \(String(format: "%.2f", percentile(readMilliseconds, 0.5))) ms, p99 \(String(format: "%.2f", percentile(readMilliseconds, 0.99))) ms over \(readMilliseconds.count) reads | ≤ 5 ms |"
            )
            lines.append("| list (50 newest, subjects unsealed) | p50 \(String(format: "%.2f", percentile(listMilliseconds, 0.5))) ms | |")
            lines.append("| database size after the sends | \(databaseBytes / 1_048_576) MiB | |")
            return lines.joined(separator: "\n")
        }
    }

    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Report {
        let directory = NSTemporaryDirectory() + "pouch-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let admin = Reader(id: "admin", name: "Admin", post: "STATE", roles: [.administrator], clearance: .unclassified)
        let key = try MasterKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) })
        guard let postgres else {
            let store = try SQLiteStore.create(at: directory, credential: .key(key), administrator: admin)
            return try await measure(store, database: "SQLite", progress: progress) {
                (try? FileManager.default.attributesOfItem(atPath: SQLiteStore.databasePath(in: directory))[.size] as? Int) ?? 0
            }
        }
        return try await PostgresTestServer.withDatabase(on: postgres) { location in
            let store = try await PostgresStore.create(at: location, headDirectory: directory, credential: .key(key), administrator: admin)
            return try await measure(store, database: "PostgreSQL", progress: progress) {
                try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT pg_database_size(current_database())") ?? 0 }
            }
        }
    }

    /// The benchmark on `store`, its database sized by `size` afterwards; the store closed however it ends.
    func measure(
        _ store: SealedStore, database: String, progress: (String) -> Void, size: () async throws -> Int
    ) async throws -> Report {
        do {
            var report = try await run(on: store, progress: progress)
            report.database = database
            report.databaseBytes = try await size()
            await store.close()
            return report
        } catch {
            await store.close()
            throw error
        }
    }

    func run(on store: SealedStore, progress: (String) -> Void) async throws -> Report {
        let drafter = Reader(id: "drafter", name: "Drafter", post: "ISLAMABAD", roles: [.drafter], clearance: .topSecret)
        let people = (0..<recipients).map { Reader(id: String(format: "r%05d", $0), name: "Recipient \($0)", post: "KABUL", clearance: .secret) }
        try await store.addUsers(people + [drafter], as: "admin")

        // Real paragraphs from the corpus, in order, until the cable is long enough.
        var paragraphs: [Paragraph] = []
        var total = 0
        let files = try CorpusFile.loadDirectory(corpus)
        var drafts: [Cable] = []
        var fileIndex = 0
        for _ in 0..<sends {
            paragraphs = []
            total = 0
            while total < words, fileIndex < files.count * 4 {
                let file = files[fileIndex % files.count]
                fileIndex += 1
                guard let document = try? CableReading.read(bytes: file.bytes, fileName: file.name) else { continue }
                for paragraph in document.cable.paragraphs where total < words {
                    paragraphs.append(Paragraph(number: paragraphs.count + 1, mark: PortionMark("S"), text: paragraph.text))
                    total += paragraph.text.split(separator: " ").count
                }
            }
            drafts.append(
                Cable(
                    dateTimeGroup: DateTimeGroup(year: 2010, month: 2, day: 1, hour: 12, minute: 0), precedence: .priority,
                    origin: "AMEMBASSY ISLAMABAD", to: [Addressee(name: "SECSTATE WASHDC")], classification: .secret, tags: ["PREL", "PK"],
                    subject: "BENCHMARK CABLE", authority: ClassificationAuthority(classifiedBy: "Ambassador", reasons: ["b", "d"]),
                    paragraphs: paragraphs))
        }
        let key2 = try FingerprintKey(bytes: [UInt8](repeating: 1, count: 32))
        let slots = CableFingerprint(cable: drafts[0], key: key2).slots.count

        var sendSeconds: [Double] = []
        var sent: [ReferenceID] = []
        for draft in drafts {
            let id = try await store.draft(draft, as: "drafter")
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                _ = try await store.send(id, to: people.map(\.id), lists: [], as: "drafter")
            }
            sendSeconds.append(elapsed.seconds)
            sent.append(id)
            progress("send \(id): \(String(format: "%.2f", elapsed.seconds)) s")
        }
        var readMilliseconds: [Double] = []
        var random = SplitMix(seed: 1)
        for _ in 0..<reads {
            let id = sent[Int.random(in: 0..<sent.count, using: &random)]
            let reader = people[Int.random(in: 0..<people.count, using: &random)].id
            let elapsed = try await ContinuousClock().measure { _ = try await store.read(id, as: reader) }
            readMilliseconds.append(elapsed.seconds * 1000)
        }
        var listMilliseconds: [Double] = []
        for index in 0..<100 {
            let elapsed = try await ContinuousClock().measure { _ = try await store.list(as: people[index % people.count].id, limit: 50) }
            listMilliseconds.append(elapsed.seconds * 1000)
        }
        return Report(
            sendSeconds: sendSeconds, readMilliseconds: readMilliseconds, listMilliseconds: listMilliseconds,
            cableWords: drafts[0].wordCount, slots: slots, recipients: recipients, databaseBytes: 0)  // sized by `measure`
    }
}
