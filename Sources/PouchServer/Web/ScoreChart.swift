import Foundation
import PouchCore
import PouchFingerprint

/// Every recipient's trace score as an SVG dot chart, highest first, against the score an
/// innocent reaches only with the stated false-accusation probability.
struct ScoreChart {
    let verdict: TraceVerdict
    /// "Name, POST" by recipient ID, for the hover labels.
    var names: [String: String] = [:]
    // Drawn at about the width it is shown (the tables' width), so its text stays at text size.
    let width = 1100.0
    let height = 300.0
    let margin = (left: 64.0, right: 16.0, top: 16.0, bottom: 40.0)
    /// Points stay this far inside the frame at either end.
    let inset = 14.0

    func svg() -> String {
        let scores = verdict.scores
        let accused = Set(verdict.accused.map(\.recipient))
        let values = scores.map(\.score) + [verdict.scoreThreshold ?? 0, 0]
        let top = (values.max() ?? 1) * 1.1 + 0.5
        let bottom = min(0, (values.min() ?? 0) * 1.1 - 0.5)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        func y(_ score: Double) -> Double { margin.top + (top - score) / (top - bottom) * plotHeight }
        func x(_ index: Int) -> Double {
            margin.left + inset
                + (scores.count <= 1 ? (plotWidth - 2 * inset) / 2 : Double(index) / Double(scores.count - 1) * (plotWidth - 2 * inset))
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="score-chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-label="Trace scores of \(scores.count) recipients against the accusation threshold">
            <rect x="\(margin.left)" y="\(margin.top)" width="\(plotWidth)" height="\(plotHeight)" class="plot"/>
            <line x1="\(margin.left)" x2="\(margin.left + plotWidth)" y1="\(f(y(0)))" y2="\(f(y(0)))" class="zero"/>
            <text x="\(margin.left - 6)" y="\(f(y(0) + 4))" text-anchor="end" class="axis">0</text>
            <text x="\(margin.left - 6)" y="\(f(y(top) + 12))" text-anchor="end" class="axis">\(f(top))</text>
            <text x="14" y="\(f(margin.top + plotHeight / 2))" text-anchor="middle" class="axis" transform="rotate(-90 14 \(f(margin.top + plotHeight / 2)))">score</text>
            <text x="\(margin.left + plotWidth / 2)" y="\(height - 8)" text-anchor="middle" class="axis">\(scores.count) recipients, highest score first</text>

            """
        // The lowest score is labelled when it lies clear of the 0 label.
        if y(bottom) - y(0) > 16 {
            svg += "<text x=\"\(margin.left - 6)\" y=\"\(f(y(bottom) - 2))\" text-anchor=\"end\" class=\"axis\">\(f(bottom))</text>\n"
        }
        if let threshold = verdict.scoreThreshold {
            svg += """
                <line x1="\(margin.left)" x2="\(margin.left + plotWidth)" y1="\(f(y(threshold)))" y2="\(f(y(threshold)))" class="threshold"/>
                <text x="\(margin.left + plotWidth - 4)" y="\(f(y(threshold) - 5))" text-anchor="end" class="threshold-label">accusation threshold \(f(threshold)) (false accusation ≤ \(String(format: "%.0e", verdict.maxFalseAccusation)))</text>

                """
        } else {
            svg += """
                <text x="\(margin.left + plotWidth - 4)" y="\(margin.top + 14)" text-anchor="end" class="threshold-label">too little evidence: no score could reach the threshold</text>

                """
        }
        for (index, candidate) in scores.enumerated() {
            let isAccused = accused.contains(candidate.recipient)
            svg +=
                "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(candidate.score)))\" r=\"\(isAccused ? "5" : "2.5")\" class=\"\(isAccused ? "accused" : "innocent")\"><title>\(escape(label(candidate.recipient))): score \(f(candidate.score))</title></circle>\n"
            if isAccused {
                svg +=
                    "<text x=\"\(f(x(index) + 8))\" y=\"\(f(y(candidate.score) + 4))\" class=\"accused-label\">\(escape(candidate.recipient))</text>\n"
            }
        }
        return svg + "</svg>"
    }

    private func label(_ id: String) -> String {
        names[id].map { "\(id) (\($0))" } ?? id
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
