/// Turns the bytes of a cable file into clean text: UTF-8 when the bytes are UTF-8 (a few
/// damaged bytes are dropped and reported), otherwise Windows-1252 (a superset of the Latin-1
/// that old telegrams use); line ends
/// normalised to `\n`; control characters, byte-order marks and stray pilcrows dropped.
public enum TextDecoding {
    /// What was learnt while decoding.
    public struct Result: Sendable {
        public var text: String
        /// `utf-8` or `windows-1252`.
        public var encoding: String
        /// Byte offsets (from 0) of bytes that were not valid in the chosen encoding and were
        /// dropped: a file that is mostly UTF-8 with a few damaged bytes.
        public var invalidOffsets: [Int] = []

        /// A warning naming the file and the damaged bytes; nil when there were none.
        public func warning(fileName: String?) -> String? {
            guard !invalidOffsets.isEmpty else { return nil }
            let shown = invalidOffsets.prefix(10).map(String.init).joined(separator: ", ")
            let more = invalidOffsets.count > 10 ? " and \(invalidOffsets.count - 10) more" : ""
            return "\(fileName ?? "input"): warning: \(invalidOffsets.count) byte\(invalidOffsets.count == 1 ? " is" : "s are") not valid UTF-8 "
                + "(at byte\(invalidOffsets.count == 1 ? "" : "s") \(shown)\(more)); read as UTF-8 without \(invalidOffsets.count == 1 ? "it" : "them")"
        }
    }

    /// Decodes `bytes`, or throws `CableParseError` when they are not text at all.
    public static func decode(_ bytes: some Collection<UInt8>, fileName: String? = nil) throws(CableParseError) -> Result {
        guard !bytes.isEmpty else {
            throw CableParseError(.empty, file: fileName, line: 1, column: 1, message: "the file is empty")
        }
        let bytes = Array(bytes)
        var controls = 0
        var nuls = 0
        for byte in bytes where byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 && byte != 0x0C {
            controls += 1
            if byte == 0 { nuls += 1 }
        }
        // Real cables carry the odd stray byte; binary files carry many, and NULs.
        if nuls > 0 && nuls * 200 > bytes.count || controls * 20 > bytes.count {
            throw CableParseError(
                .notText, file: fileName, line: 1, column: 1,
                message: "not a text file: \(controls) of \(bytes.count) bytes are control characters")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Result(text: clean(text), encoding: "utf-8")
        }
        // Not valid UTF-8 throughout. A file of well-formed UTF-8 sequences with a few bad bytes
        // (a damaged copy, a truncated character) is UTF-8 with damage: read as UTF-8 without
        // the bad bytes, and say where they were. Read as Windows-1252 it would turn every
        // "–" into "â€“". A file with no UTF-8 sequence at all is Latin-1 / Windows-1252, as old
        // telegrams are.
        let scan = scanUTF8(bytes)
        if scan.multibyte > 0, scan.invalid.count <= scan.multibyte {
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var invalid = Set(scan.invalid)
            for (offset, byte) in bytes.enumerated() where invalid.remove(offset) == nil { kept.append(byte) }
            return Result(text: clean(String(decoding: kept, as: UTF8.self)), encoding: "utf-8", invalidOffsets: scan.invalid)
        }
        return Result(text: clean(decodeWindows1252(bytes)), encoding: "windows-1252")
    }

    /// Counts well-formed multi-byte UTF-8 sequences and lists the offsets of bytes outside any.
    static func scanUTF8(_ bytes: [UInt8]) -> (multibyte: Int, invalid: [Int]) {
        var multibyte = 0
        var invalid: [Int] = []
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
            }
            if valid {
                // Overlong, surrogate and out-of-range forms are not UTF-8 either.
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90)
                    || (lead == 0xF4 && second > 0x8F)
                {
                    valid = false
                }
            }
            if valid {
                multibyte += 1
                index += length
            } else {
                invalid.append(index)
                index += 1
            }
        }
        return (multibyte, invalid)
    }

    /// Line ends to `\n`, tabs to spaces, other control and format characters removed.
    static func clean(_ text: String) -> String {
        // Fast path: nothing to change in text without control, format or replacement characters.
        var previous1: UInt8 = 0
        var previous2: UInt8 = 0
        var needsWork = false
        var text = text
        text.makeContiguousUTF8()
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x0A || byte == 0x7F
                || (previous1 == 0xC2 && byte >= 0x80 && byte < 0xA0)  // C1 controls
                || (previous2 == 0xE2 && previous1 == 0x80 && (byte == 0x8B || byte == 0x8C || byte == 0x8D || byte == 0xA8 || byte == 0xA9))
                || (previous2 == 0xE2 && previous1 == 0x81 && byte == 0xA0)
                || (previous2 == 0xEF && previous1 == 0xBB && byte == 0xBF)
                || (previous2 == 0xEF && previous1 == 0xBF && byte == 0xBD)
            {
                needsWork = true
                break
            }
            previous2 = previous1
            previous1 = byte
        }
        return needsWork ? cleanScalars(text) : text
    }

    private static func cleanScalars(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D:
                scalars.append("\n")
                previousWasCR = true
                continue
            case 0x0A:
                if !previousWasCR { scalars.append("\n") }
            case 0x09:
                scalars.append(" ")
            case 0x0C, 0x0B, 0x85, 0x2028, 0x2029:
                scalars.append("\n")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0xFFFD:
                break
            default:
                scalars.append(scalar)
            }
            previousWasCR = false
        }
        return String(scalars)
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80…0x9F.
    static func decodeWindows1252(_ bytes: some Collection<UInt8>) -> String {
        // Build UTF-8 directly: ASCII as is, 0xA0…0xFF as two bytes, 0x80…0x9F through the table.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else if byte >= 0xA0 {
                utf8.append(0xC0 | (byte >> 6))
                utf8.append(0x80 | (byte & 0x3F))
            } else {
                let mapped = windows1252High[Int(byte - 0x80)]
                guard mapped != 0, let scalar = Unicode.Scalar(mapped) else { continue }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
