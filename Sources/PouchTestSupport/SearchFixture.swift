import Foundation
import PouchCore
import PouchCorpus

/// The archive the search tests fill and question: the shared corpus's WikiLeaks cables, readers
/// of three access levels, and queries that use every part of the query language.
public enum SearchFixture {
    /// Every corpus cable that parses with a reference ID, each ID once.
    public static let cables: [Cable] = {
        let directory = CorpusFile.sharedCorpusDirectory().appendingPathComponent("cablegate-wikileaks")
        let files = (try? CorpusFile.loadDirectory(directory)) ?? []
        var seen: Set<String> = []
        return files.compactMap { try? CableReading.read(bytes: $0.bytes, fileName: $0.name).cable }
            .filter { $0.referenceID != nil && seen.insert($0.referenceID!.description).inserted }
    }()

    public static let users = [
        Reader(id: "low", name: "Low", post: "KABUL", clearance: .confidential, citizen: true),
        Reader(id: "mid", name: "Mid", post: "KABUL", clearance: .secret, citizen: false),
        Reader(id: "high", name: "High", post: "STATE", clearance: .topSecret, citizen: true, grants: [.exdis, .nodis]),
    ]

    public static let reference = ReferenceSearch(cables: cables)

    public static let queries = [
        "nuclear", "iran", "\"prime minister\"", "government OR opposition", "election -fraud", "negot*", "minister president",
        "terror* tag:PTER", "post:MOSCOW", "year:2006-2008 oil", "class:secret army", "caveat:NOFORN", "tag:PREL tag:PGOV embassy",
        "(china OR russia) AND trade", "\"human rights\" NOT china", "ambassador -(iran OR iraq)", "the of",
        "corrupt* class:confidential", "\"united states\" elect*", "NOT embassy", "refugees OR migrants OR asylum",
    ]
}
