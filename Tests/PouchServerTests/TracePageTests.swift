import Foundation
import Testing

@testable import PouchCore
@testable import PouchFingerprint
@testable import PouchServer

@Suite("The trace page")
struct TracePageTests {
    @Test("it says which accused copy was merged with whose, and escapes the names")
    func mergedCopies() async throws {
        let verdict = TraceVerdict(
            verdict: "identified",
            accused: [
                .init(recipient: "ann", score: 31.5, falseAccusationProbability: 2e-9),
                .init(recipient: "bob<i>", score: 24.1, falseAccusationProbability: 3e-7, partner: "cy<b>"),
            ],
            candidates: [.init(recipient: "ann", score: 31.5, falseAccusationProbability: 2e-9)],
            slotsObserved: 80, slotsInCable: 90, bitsObserved: 110, maxFalseAccusation: 1e-6)
        let page = TracePage(threshold: "1e-6", traced: true, verdict: WebRoutes.traceView(verdict, cables: ["10PARIS1"]))
        let html = try #require(try await Pages.load().html("trace", page))
        #expect(
            html.contains(
                #"<td>ann</td><td></td><td>31.50</td><td><span title="2e-09">less than 1 in 10<sup>8</sup></span></td><td>their own copy</td>"#))
        #expect(
            html.contains(
                #"<td>bob&lt;i&gt;</td><td></td><td>24.10</td><td><span title="3e-07">less than 1 in 10<sup>6</sup></span></td><td>merged with cy&lt;b&gt;'s copy (log-likelihood ratio)</td>"#
            ))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
    }

    @Test("probabilities are said in words an officer can put in a report")
    func probabilityWords() {
        #expect(WebRoutes.probabilityInWords(0.25).text == "about 1 in 4")
        #expect(WebRoutes.probabilityInWords(0.004).text == "about 1 in 250")
        #expect(WebRoutes.probabilityInWords(2e-9) == ("less than 1 in 10", 8))
        #expect(WebRoutes.probabilityInWords(3.2e-41) == ("less than 1 in 10", 40))
        #expect(WebRoutes.probabilityInWords(1).text.hasPrefix("1 in 1"))
    }

    @Test("with names known, each recipient is named with their post")
    func names() async throws {
        var verdict = TraceVerdict(
            verdict: "identified", accused: [.init(recipient: "bea", score: 31.5, falseAccusationProbability: 2e-9)],
            candidates: [.init(recipient: "bea", score: 31.5, falseAccusationProbability: 2e-9)],
            slotsObserved: 80, slotsInCable: 90, bitsObserved: 110, maxFalseAccusation: 1e-6)
        verdict.scores = verdict.candidates
        let view = WebRoutes.traceView(
            verdict, cables: ["10PARIS1"], people: ["bea": Reader(id: "bea", name: "Bea Jones", post: "KABUL", clearance: .secret)])
        let html = try #require(try await Pages.load().html("trace", TracePage(threshold: "1e-6", traced: true, verdict: view)))
        #expect(html.contains("<td>Bea Jones (bea)</td><td>KABUL</td>"))
        #expect(html.contains("bea (Bea Jones, KABUL): score 31.5"), "the chart's hover label")
    }
}
