import Foundation
import Testing
@testable import PouchCore
@testable import PouchServer

@Suite("The trace page")
struct TracePageTests {
    @Test("it says which accused copy was merged with whose, and escapes the names")
    func mergedCopies() async throws {
        let verdict = TraceVerdict(
            verdict: "identified",
            accused: [.init(recipient: "ann", score: 31.5, falseAccusationProbability: 2e-9),
                      .init(recipient: "bob<i>", score: 24.1, falseAccusationProbability: 3e-7, partner: "cy<b>")],
            candidates: [.init(recipient: "ann", score: 31.5, falseAccusationProbability: 2e-9)],
            slotsObserved: 80, slotsInCable: 90, bitsObserved: 110, maxFalseAccusation: 1e-6)
        var values = WebRoutes.traceValues(verdict, cables: ["10PARIS1"])
        values["traced"] = true
        let html = try #require(try await Pages.load().html("trace", values))
        #expect(html.contains("<td>ann</td><td>31.50</td><td>2e-09</td><td>their own copy</td>"))
        #expect(html.contains("<td>bob&lt;i&gt;</td><td>24.10</td><td>3e-07</td><td>merged with cy&lt;b&gt;'s copy (log-likelihood ratio)</td>"))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
    }
}
