extension StringProtocol {
    /// Whether the text, trimmed, is upper-case words as routing lines write them: capital letters
    /// (at least one), digits when `digits`, spaces and the given punctuation, nothing else.
    func isUpperCaseWords(digits: Bool, punctuation: String) -> Bool {
        let trimmed = trimmingWhitespace()
        return trimmed.unicodeScalars.contains { ("A"..."Z").contains($0) }
            && trimmed.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || digits && ("0"..."9").contains($0) || $0 == " " || punctuation.unicodeScalars.contains($0)
            }
    }

    /// The text without leading and trailing spaces, tabs and line ends.
    package func trimmingWhitespace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }

    /// Runs of whitespace collapsed to one space, ends trimmed.
    package func collapsingWhitespace() -> String {
        // Cleaned cable text has ASCII spaces almost only: work on bytes unless other whitespace appears.
        var needsWork = false
        var unicodeSpace = false
        var previousSpace = true
        var previous1: UInt8 = 0
        var previous2: UInt8 = 0
        for byte in utf8 {
            if byte == 0x20 {
                if previousSpace { needsWork = true }
                previousSpace = true
            } else {
                previousSpace = false
                // Tab, line ends, U+00A0, U+2000…U+200A, U+2028/9, U+202F, U+205F, U+3000.
                if byte < 0x20 || (previous1 == 0xC2 && byte == 0xA0)
                    || (previous2 == 0xE2 && previous1 == 0x80 && (byte <= 0x8A || byte == 0xA8 || byte == 0xA9 || byte == 0xAF))
                    || (previous2 == 0xE2 && previous1 == 0x81 && byte == 0x9F)
                    || (previous2 == 0xE3 && previous1 == 0x80 && byte == 0x80)
                {
                    unicodeSpace = true
                    break
                }
            }
            previous2 = previous1
            previous1 = byte
        }
        if !unicodeSpace {
            if !needsWork && !previousSpace { return String(self) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var pending = false
            for byte in utf8 {
                if byte == 0x20 {
                    pending = !bytes.isEmpty
                } else {
                    if pending { bytes.append(0x20) }
                    pending = false
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// Whether the text has letters and none of them is lower case.
    package var isAllCaps: Bool {
        var sawLetter = false
        // ASCII (nearly every cable line): bytes, without Unicode letter properties per Character.
        var ascii = true
        for byte in utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { sawLetter = true }
        }
        if ascii { return sawLetter }
        sawLetter = false
        for character in self where character.isLetter {
            if character.isLowercase { return false }
            sawLetter = true
        }
        return sawLetter
    }

    /// Whether the text contains `needle`, compared byte for byte (no Foundation, no locale).
    func containsBytes(_ needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The UTF-8 offset where `needle` first occurs, compared byte for byte.
    func firstByteOffset(of needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard let head = pattern.first else { return 0 }
        let bytes = Array(utf8)
        guard bytes.count >= pattern.count else { return nil }
        var offset = 0
        let limit = bytes.count - pattern.count
        while offset <= limit {
            if bytes[offset] == head {
                var matched = true
                for k in 1..<pattern.count where bytes[offset + k] != pattern[k] {
                    matched = false
                    break
                }
                if matched { return offset }
            }
            offset += 1
        }
        return nil
    }
}
