import ArgumentParser
import Foundation
import PouchCore
import PouchFingerprint

struct MarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Print a recipient's traceable copy of a cable, or list its slots for review.")

    @Argument(help: "The cable file.") var cable: String = ""
    @Option(help: "The fingerprint key file.") var keyFile: String?
    @Option(help: "The recipient's ID.") var recipient: String?
    @Option(help: "strict (only the safest rules) or standard.") var profile: FingerprintProfile = .standard
    @Option(help: "The fingerprint scheme: the current catalogue (the default), or an earlier one for copies marked before it.") var scheme:
        FingerprintScheme = .current
    @Option(help: "A file of private rules to add to the public catalogue.") var rules: String?
    @Flag(help: "List every slot with its alternatives instead of printing a copy.") var explain = false
    @Flag(help: "List the rule catalogue (public and private) with the reason each rule preserves meaning.") var catalogue = false

    func validate() throws {
        if catalogue { return }
        guard FileManager.default.fileExists(atPath: cable) else { throw ValidationError("\(cable): no such file") }
    }

    func run() async throws {
        if catalogue {
            for rule in try loadCatalogue(privateRules: rules).descriptions {
                print("\(rule.id)\(rule.isPrivate ? " (private)" : "") [\(rule.profile.rawValue)]: \(rule.summary)\n    \(rule.reason)")
            }
            return
        }
        let original = try loadCable(cable)
        let catalogue = try loadCatalogue(privateRules: rules)
        if explain {
            // The slots do not depend on the key; without one, an unkeyed fingerprint lists them.
            let key = try keyFile.map(loadKey) ?? FingerprintKey(bytes: [UInt8](repeating: 0, count: 32))
            print(CableFingerprint(cable: original, key: key, catalogue: catalogue, profile: profile, scheme: scheme).explanation())
            return
        }
        guard let keyFile else { throw ValidationError("--key-file is required to mark a copy") }
        guard let recipient, !recipient.isEmpty else { throw ValidationError("--recipient is required to mark a copy") }
        let fingerprint = CableFingerprint(cable: original, key: try loadKey(keyFile), catalogue: catalogue, profile: profile, scheme: scheme)
        print(CableRenderer().render(fingerprint.copy(for: recipient)), terminator: "")
    }
}

extension FingerprintProfile: ExpressibleByArgument {}
extension FingerprintScheme: ExpressibleByArgument {}
