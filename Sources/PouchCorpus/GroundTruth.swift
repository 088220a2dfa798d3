import Foundation

/// What an archive's index said about one cable (`metadata.jsonl` beside the corpus).
public struct GroundTruth: Sendable, Codable, Hashable {
    public var refid: String
    /// `YYYY-MM-DD HH:MM`.
    public var created: String
    public var released: String?
    /// `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY` …
    public var classification: String
    /// `Embassy Pretoria`.
    public var origin: String

    /// Reads a JSON-lines file; a bad line is an error naming the file and line.
    public static func load(from url: URL) throws -> [String: GroundTruth] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [String: GroundTruth] = [:]
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                let record = try decoder.decode(GroundTruth.self, from: Data(line.utf8))
                records[record.refid] = record
            } catch {
                throw CorpusError("\(url.path):\(index + 1): not a metadata record: \(error)")
            }
        }
        return records
    }

    /// The base classification word: `SECRET` from `SECRET//NOFORN`.
    public var classificationWord: String {
        String(classification.split(separator: "/").first ?? "")
    }

    public var isNoforn: Bool { classification.contains("NOFORN") }

    /// The creation time in UTC, when it parses.
    public var createdDate: Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: created)
    }
}

/// A problem reading the corpus.
public struct CorpusError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
