import Foundation

/// Corrects words the way a careful publisher's spell checker would.
public protocol SpellChecker: Sendable {
    /// For each word: nil if the dictionary knows it, else its best suggestion (or the word itself when there is none).
    func corrections(for words: [String]) throws -> [String: String]
}

/// hunspell with one of Debian's dictionaries (en_US by default, en_GB for a British publisher), run in
/// pipe mode (`hunspell -a`); answers are cached.
public final class Hunspell: SpellChecker, @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: String?] = [:]
    private let executable: String
    private let dictionary: String

    public init(executable: String = "/usr/bin/hunspell", dictionary: String = "en_US", dictionaryDirectory: String = "/usr/share/hunspell") throws {
        let package = "hunspell-" + dictionary.lowercased().replacingOccurrences(of: "_", with: "-")
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw SpellCheckerError("hunspell not found at \(executable): install Debian's hunspell and \(package) (scripts/test does)")
        }
        // hunspell without its dictionary answers nothing; say which package is missing instead.
        guard FileManager.default.fileExists(atPath: "\(dictionaryDirectory)/\(dictionary).dic") else {
            throw SpellCheckerError("no \(dictionary) dictionary in \(dictionaryDirectory): install Debian's \(package) (scripts/test does)")
        }
        self.executable = executable
        self.dictionary = dictionary
    }

    public func corrections(for words: [String]) throws -> [String: String] {
        lock.lock()
        let unknown = Array(Set(words.filter { cache[$0] == nil }))
        lock.unlock()
        if !unknown.isEmpty {
            let answers = try ask(unknown)
            lock.lock()
            for (word, answer) in zip(unknown, answers) { cache[word] = .some(answer) }
            lock.unlock()
        }
        lock.lock()
        defer { lock.unlock() }
        var result: [String: String] = [:]
        for word in words { if let answer = cache[word], let correction = answer { result[word] = correction } }
        return result
    }

    /// One answer per word: nil when correct, else the first suggestion (or the word if none).
    private func ask(_ words: [String]) throws -> [String?] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-d", dictionary, "-a"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "^" makes hunspell treat each line as text, never as a command.
        let request = words.map { "^" + $0 }.joined(separator: "\n") + "\n"
        let writer = Thread {
            input.fileHandleForWriting.write(Data(request.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // The first line is hunspell's banner; then each word's answer lines end with a blank line.
        var answers: [String?] = []
        var current: String?? = nil
        for line in lines.dropFirst() {
            if line.isEmpty {
                answers.append(current ?? nil)
                current = nil
                continue
            }
            guard current == nil, let first = line.first else { continue }
            switch first {
            case "*", "+", "-": current = .some(nil)
            case "&":
                // & word count offset: first, second, …
                if let colon = line.firstIndex(of: ":") {
                    let suggestion = line[line.index(after: colon)...].split(separator: ",").first.map {
                        String($0.trimmingCharacters(in: .whitespaces))
                    }
                    current = .some(suggestion)
                } else {
                    current = .some(nil)
                }
            case "#":
                let parts = line.split(separator: " ")
                current = .some(parts.count > 1 ? String(parts[1]) : nil)
            default:
                current = .some(nil)
            }
        }
        guard answers.count >= words.count else {
            throw SpellCheckerError("hunspell answered \(answers.count) of \(words.count) words")
        }
        return Array(answers.prefix(words.count))
    }
}

public struct SpellCheckerError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
