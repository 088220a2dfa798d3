import Foundation
import PouchCore

/// Normalises text for tracing, so that what a retyping leaker changes without meaning to
/// (Unicode forms, invisible characters, look-alike letters, quotes, dashes, case, spacing,
/// numerals) does not matter: NFKC, format characters dropped, homoglyphs folded, quotes and
/// dashes unified, case folded; tokens are words (without digits) and commas.
public enum TraceText {
    /// Look-alike letters from Cyrillic and Greek, folded to Latin.
    static let homoglyphs: [Character: Character] = [
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
        "ԁ": "d", "ɡ": "g", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
        "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "α": "a", "ο": "o", "ν": "v", "ρ": "p", "τ": "t",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
        "Τ": "T", "Υ": "Y", "Χ": "X", "ı": "i",
    ]

    /// The text in normal form (before tokenising): NFKC, no format characters, folded look-alikes,
    /// straight quotes and hyphens, single spaces.
    public static func normalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for scalar in nfkc.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format,
                .control where scalar != "\n":
                continue
            default:
                break
            }
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x0060: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: out.append("-")
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" ")
            default:
                if let folded = homoglyphs[Character(scalar)] {
                    out.append(contentsOf: String(folded).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Undoes what carrying text through a web page or a PDF adds: HTML character references
    /// ("&amp;", "&#8217;") decoded, tags ("<p>") dropped, and a word that a line break split
    /// with a hyphen ("govern-" / "ment") joined. Text without "&", "<" or a hyphen before a
    /// line break is returned as it is.
    public static func unwrap(_ text: String) -> String {
        var result = text
        if result.contains("<") {
            result = result.replacing(#/<[A-Za-z\/!][^<>]{0,200}>/#, with: " ")
        }
        if result.contains("&") {
            result = result.replacing(#/&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});/#) { match in
                let name = match.output.1
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } ?? String(match.output.0)
                }
                if name.hasPrefix("#") {
                    return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } ?? String(match.output.0)
                }
                return namedReferences[String(name)] ?? String(match.output.0)
            }
        }
        // The same test as the pattern's (any spaces or tabs between the hyphen and the break), done cheaply first.
        if result.contains("-"), result.contains(where: \.isNewline) {
            // Only before a lower-case letter: a line that ends "U.S.-" and a name on the next stay apart.
            result = result.replacing(#/(\p{L})-[ \t]*\R[ \t]*(\p{Ll})/#) { match in "\(match.output.1)\(match.output.2)" }
        }
        return result
    }

    /// The named character references a leak from a web page is likely to carry.
    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}", "lsquo": "\u{2018}",
        "rdquo": "\u{201D}", "ldquo": "\u{201C}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "...", "shy": "",
    ]

    /// Normalised tokens: lower-case words without digits, and commas. Tracing unwraps the text
    /// first; marking does not (`unwrapping: false`), so copies under every scheme stay as they were.
    public static func tokens(of text: String, unwrapping: Bool = true) -> [String] {
        let tokens = TextTokens(normalize(unwrapping ? unwrap(text) : text).lowercased())
        var result: [String] = []
        result.reserveCapacity(tokens.tokens.count)
        for token in tokens.tokens {
            if token.isWord {
                if !token.hasDigit { result.append(token.lower) }
            } else if token.text == "," {
                result.append(",")
            }
        }
        return result
    }
}
