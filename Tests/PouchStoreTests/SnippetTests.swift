import PouchCore
import PouchStore
import Testing

@Suite("Search snippets")
struct SnippetTests {
    @Test("a line break becomes a space: a subject never runs into the next line's first word")
    func lineBreaks() throws {
        let text =
            "SUBJECT: ZARDARI ON THE CABINET\n\nClassified By: Ambassador Anne W. Patterson for reasons 1.4 (b) and (d).\n\n1. (C) The cabinet would change."
        for query in ["classified", "cabinet", "ambassador"] {
            let fragments = SnippetMaker.snippet(of: text, highlighting: try SearchQuery(parsing: query).expression)
            let joined = fragments.map(\.text).joined()
            #expect(!joined.contains("CABINETClassified"), "\(query): \(joined)")
            #expect(joined.contains("CABINET Classified"), "\(query): \(joined)")
            #expect(!joined.contains("\n"))
        }
    }
}
