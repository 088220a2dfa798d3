import PouchCore

/// Reads a deployment's private rules: phrase rules in a small INI-like file, kept beside the
/// key and never published, so that an adversary who normalises the public catalogue still
/// leaves them in place.
///
/// ```
/// # one block per rule
/// [we-assess]
/// alternatives = we judge | we assess
/// reason = In our reporting "judge" and "assess" carry the same analytic weight.
/// before = that
/// ```
///
/// Keys: `alternatives` (required, `|`-separated), `reason` (required), `symbols` (two
/// alternative numbers from 0), `profile` (`strict` or `standard`), `after`, `not-after`,
/// `before`, `not-before`, `followed-within` (space-separated words), `within` (a number),
/// `sentence-start` (`yes`/`no`).
public enum PrivateRules {
    public static func parse(_ text: String, file: String) throws(PrivateRulesError) -> [PhraseRule] {
        var rules: [PhraseRule] = []
        var id: String?
        var fields: [String: (String, Int)] = [:]
        var startLine = 0
        func fail(_ line: Int, _ message: String) -> PrivateRulesError { PrivateRulesError(description: "\(file):\(line): \(message)") }
        func finish() throws(PrivateRulesError) {
            guard let current = id else { return }
            guard let (alternativesText, line) = fields["alternatives"] else { throw fail(startLine, "rule [\(current)] has no 'alternatives'") }
            let alternatives = alternativesText.split(separator: "|").map { $0.collapsingWhitespace().lowercased() }.filter { !$0.isEmpty }
            guard alternatives.count >= 2, Set(alternatives).count == alternatives.count else {
                throw fail(line, "rule [\(current)] needs at least two different alternatives separated by '|'")
            }
            for alternative in alternatives where alternative.contains(where: { $0.isNumber }) {
                throw fail(line, "rule [\(current)]: alternatives must not contain numbers ('\(alternative)')")
            }
            guard let (reason, _) = fields["reason"], !reason.isEmpty else {
                throw fail(startLine, "rule [\(current)] has no 'reason' saying why its alternatives mean the same")
            }
            var symbols = [0, 1]
            if let (value, line) = fields["symbols"] {
                let numbers = value.split(separator: " ").compactMap { Int($0) }
                guard numbers.count == 2, numbers[0] != numbers[1], numbers.allSatisfy({ (0..<alternatives.count).contains($0) }) else {
                    throw fail(line, "'symbols' must be two different alternative numbers between 0 and \(alternatives.count - 1)")
                }
                symbols = numbers
            }
            var profile = FingerprintProfile.strict
            if let (value, line) = fields["profile"] {
                guard let parsed = FingerprintProfile(rawValue: value) else { throw fail(line, "'profile' is strict or standard") }
                profile = parsed
            }
            func words(_ key: String) -> Set<String>? {
                fields[key].map { Set($0.0.lowercased().split(separator: " ").map(String.init)) }
            }
            var within = 3
            if let (value, line) = fields["within"] {
                guard let number = Int(value), number > 0 else { throw fail(line, "'within' must be a positive number") }
                within = number
            }
            var sentenceStart = false
            if let (value, line) = fields["sentence-start"] {
                guard ["yes", "no"].contains(value) else { throw fail(line, "'sentence-start' is yes or no") }
                sentenceStart = value == "yes"
            }
            rules.append(
                PhraseRule(
                    id: "private:" + current, reason: reason, alternatives: alternatives, symbols: symbols, profile: profile, isPrivate: true,
                    notAfter: words("not-after") ?? [], after: words("after"), before: words("before"), notBefore: words("not-before") ?? [],
                    followedWithin: words("followed-within"), withinWords: within, sentenceStart: sentenceStart))
            id = nil
            fields = [:]
        }
        let known: Set<String> = [
            "alternatives", "reason", "symbols", "profile", "after", "not-after", "before", "not-before", "followed-within", "within",
            "sentence-start",
        ]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw fail(number, "a rule header is [name]") }
                try finish()
                let name = String(line.dropFirst().dropLast())
                guard !rules.contains(where: { $0.id == "private:" + name }) else { throw fail(number, "rule [\(name)] is defined twice") }
                id = name
                startLine = number
                continue
            }
            guard id != nil else { throw fail(number, "expected a rule header such as [my-rule] before '\(line)'") }
            guard let equals = line.firstIndex(of: "=") else { throw fail(number, "expected 'key = value'") }
            let key = line[..<equals].trimmingWhitespace().lowercased()
            guard known.contains(key) else { throw fail(number, "unknown key '\(key)' (keys: \(known.sorted().joined(separator: ", ")))") }
            fields[key] = (line[line.index(after: equals)...].collapsingWhitespace(), number)
        }
        try finish()
        return rules
    }
}

public struct PrivateRulesError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
