import ArgumentParser
import Foundation
import PouchCore

struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Name the copy that leaked text came from, with a bound on the chance of accusing an innocent.",
        discussion: "Several leaks (of one or several cables) add their evidence up. Exit status 0 whatever the verdict; 1 on bad input.")

    @Argument(help: "Files of leaked text.") var leaks: [String]
    @Option(help: "The original cable (repeat for several cables).") var original: [String] = []
    @Option(help: "The fingerprint key file.") var keyFile: String
    @Option(help: "A file with one recipient ID per line.") var recipients: String
    @Option(help: "strict or standard: the profile the copies were marked with.") var profile: FingerprintProfile = .standard
    @Option(help: "The private rules file the copies were marked with.") var rules: String?
    @Option(help: "The largest acceptable probability of accusing anyone innocent.") var maxFalseAccusation = 1e-6
    @Flag(help: "Print the verdict as JSON.") var json = false

    func validate() throws {
        guard !leaks.isEmpty else { throw ValidationError("give at least one leak file") }
        guard !original.isEmpty else { throw ValidationError("--original is required (the store-backed form comes with the sealed store)") }
        guard maxFalseAccusation > 0, maxFalseAccusation < 1 else { throw ValidationError("--max-false-accusation must be between 0 and 1") }
    }

    func run() async throws {
        let key = try loadKey(keyFile)
        let catalogue = try loadCatalogue(privateRules: rules)
        let fingerprints = try original.map { CableFingerprint(cable: try loadCable($0), key: key, catalogue: catalogue, profile: profile) }
        guard let idText = FileManager.default.contents(atPath: recipients) else { throw ValidationError("\(recipients): cannot read the recipients file") }
        let ids = String(decoding: idText, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !ids.isEmpty else { throw ValidationError("\(recipients): no recipient IDs") }
        guard Set(ids).count == ids.count else { throw ValidationError("\(recipients): a recipient ID is listed twice") }
        let tracer = Tracer(fingerprints: fingerprints)
        var readings: [LeakReading] = []
        for leak in leaks {
            guard let data = FileManager.default.contents(atPath: leak) else { throw ValidationError("\(leak): cannot read the leak file") }
            let text: String
            do {
                text = try TextDecoding.decode(Array(data), fileName: leak).text
            } catch {
                throw ValidationError(error.description)
            }
            readings += tracer.read(leak: text)
        }
        let verdict = tracer.trace(readings, recipients: ids, maxFalseAccusation: maxFalseAccusation)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(verdict), as: UTF8.self))
        } else {
            print(describe(verdict))
        }
    }

    func describe(_ verdict: TraceVerdict) -> String {
        var lines: [String] = []
        lines.append("verdict: \(verdict.verdict)")
        lines.append("slots seen: \(verdict.slotsObserved) of \(verdict.slotsInCable); symbols read: \(verdict.bitsObserved)")
        for candidate in verdict.accused {
            lines.append(String(format: "accused: %@ (score %.2f, false-accusation probability ≤ %.2e)", candidate.recipient, candidate.score, candidate.falseAccusationProbability))
        }
        if let more = verdict.moreSlotsNeeded {
            lines.append(more == Int.max ? "no recipient stands out" : "about \(more) more readable slots would be needed")
        }
        lines.append("top candidates:")
        for candidate in verdict.candidates {
            lines.append(String(format: "  %@  score %.2f  bound %.2e", candidate.recipient, candidate.score, candidate.falseAccusationProbability))
        }
        return lines.joined(separator: "\n")
    }
}
