import ArgumentParser
import Foundation
import PouchCore
import PouchFingerprint
import PouchStore

struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Name the copy that leaked text came from, with a bound on the chance of accusing an innocent.",
        discussion:
            "With --original, --key-file and --recipients, traces against the given cables. Without --original, traces against the store: finds which sent cable each leak comes from and scores every recipient of it (security officers, --as). Several leaks (of one or several cables) add their evidence up. Exit status 0 whatever the verdict; 1 on bad input."
    )

    @Argument(help: "Files of leaked text.") var leaks: [String]
    @Option(help: "The original cable (repeat for several cables).") var original: [String] = []
    @Option(help: "The fingerprint key file (with --original).") var keyFile: String?
    @Option(help: "A file with one recipient ID per line (with --original).") var recipients: String?
    @Option(help: "strict or standard: the profile the copies were marked with.") var profile: FingerprintProfile = .standard
    @Option(help: "The fingerprint scheme the copies were marked with (the default is the current one).") var scheme: FingerprintScheme = .current
    @Option(help: "The private rules file the copies were marked with.") var rules: String?
    @Option(help: "The largest acceptable probability of accusing anyone innocent.") var maxFalseAccusation = 1e-6
    @Flag(help: "Print the verdict as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var acting: ActingUser

    func validate() throws {
        guard !leaks.isEmpty else { throw ValidationError("give at least one leak file") }
        if !original.isEmpty {
            guard keyFile != nil, recipients != nil else { throw ValidationError("with --original, give --key-file and --recipients") }
        }
        guard maxFalseAccusation > 0, maxFalseAccusation < 1 else { throw ValidationError("--max-false-accusation must be between 0 and 1") }
    }

    func run() async throws {
        guard let keyFile, let recipients else { return try await traceStore() }
        let key = try loadKey(keyFile)
        let catalogue = try loadCatalogue(privateRules: rules)
        let fingerprints = try original.map {
            CableFingerprint(cable: try loadCable($0), key: key, catalogue: catalogue, profile: profile, scheme: scheme)
        }
        guard let idText = FileManager.default.contents(atPath: recipients) else {
            throw ValidationError("\(recipients): cannot read the recipients file")
        }
        let ids = String(decoding: idText, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !ids.isEmpty else { throw ValidationError("\(recipients): no recipient IDs") }
        guard Set(ids).count == ids.count else { throw ValidationError("\(recipients): a recipient ID is listed twice") }
        let tracer = Tracer(fingerprints: fingerprints)
        var readings: [LeakReading] = []
        for text in try leakTexts() { readings += tracer.read(leak: text) }
        try show(tracer.trace(readings, recipients: ids, maxFalseAccusation: maxFalseAccusation))
    }

    /// Traces against the store's sent cables.
    func traceStore() async throws {
        let texts = try leakTexts()
        let result = try await reporting {
            try await storeOptions.open().trace(leaks: texts, as: try acting.required(), maxFalseAccusation: maxFalseAccusation)
        }
        for record in result.damaged {
            printError("warning: tampering detected in \(record); that cable was left out of the trace (see 'pouch verify')")
        }
        guard let verdict = result.verdict else {
            if json {
                print(#"{"accused":[],"cables":[],"candidates":[],"bitsObserved":0,"slotsInCable":0,"slotsObserved":0,"verdict":"inconclusive"}"#)
            } else {
                print("verdict: inconclusive\nthe leaked text matches no cable sent from this store")
            }
            return
        }
        if !json { print("source: \(result.cables.map(\.description).joined(separator: ", "))") }
        try show(verdict, cables: result.cables.map(\.description))
    }

    func leakTexts() throws -> [String] {
        try leaks.map { leak in
            let bytes: [UInt8]
            do throws(InputFile.Failure) { bytes = try InputFile.read(leak) } catch {
                throw ValidationError("\(leak): cannot read the leak file: \(error.reason)")
            }
            do {
                let decoded = try TextDecoding.decode(bytes, fileName: leak)
                if let warning = decoded.warning(fileName: leak) { printError(warning) }
                return decoded.text
            } catch let error as CableParseError {
                throw ValidationError(error.description)
            }
        }
    }

    func show(_ verdict: TraceVerdict, cables: [String]? = nil) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var data = try encoder.encode(verdict)
            if let cables, var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
                // The store-backed form adds which stored cables the leaks came from.
                object["cables"] = cables
                data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            }
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(describe(verdict))
        }
    }

    func describe(_ verdict: TraceVerdict) -> String {
        var lines: [String] = []
        lines.append("verdict: \(verdict.verdict)")
        lines.append(
            "slots seen: \(verdict.slotsObserved) of \(verdict.slotsInCable); symbols read: \(verdict.symbolsRead) (\(verdict.bitsObserved) bits)")
        if !verdict.restyledRules.isEmpty {
            lines.append(
                "copy-edited to one wording in: \(verdict.restyledRules.joined(separator: ", ")) (traced with and without those slots, sharing the threshold)"
            )
        }
        for candidate in verdict.accused {
            if let partner = candidate.partner {
                lines.append(
                    String(
                        format: "accused: %@ (merged with %@'s copy: log-likelihood ratio %.2f, false-accusation probability ≤ %.2e)",
                        candidate.recipient, partner, candidate.score, candidate.falseAccusationProbability))
            } else {
                lines.append(
                    String(
                        format: "accused: %@ (score %.2f, false-accusation probability ≤ %.2e)", candidate.recipient, candidate.score,
                        candidate.falseAccusationProbability))
            }
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
