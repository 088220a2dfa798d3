import PouchCore

/// The article a wording takes, said aloud: "an EU official" but "a European Union official".
/// From scheme 7 a slot right after "a" or "an" varies only between wordings that take the
/// article the cable has; scheme 6 looked at the first letter only and could write "an European
/// Union official".
enum ArticleSound {
    /// Words with a vowel letter said with a consonant ("a united front"), and the reverse.
    static let consonantVowels: Set<String> = [
        "european", "united", "union", "one", "once", "unique", "usual", "unified", "uniform", "universal", "university", "ukraine", "ukrainian",
        "uzbek",
    ]
    static let silentH: Set<String> = ["hour", "hours", "honest", "honor", "honorary", "heir"]
    /// Letters whose names start with a vowel sound ("an F", "an M"); "U" is said "you".
    static let vowelNamedLetters: Set<Character> = ["A", "E", "F", "H", "I", "L", "M", "N", "O", "R", "S", "X"]

    /// The articles the wording may take: "an" for a vowel sound, "a" otherwise. Both for letters
    /// a reader may say either way (a cable's own abbreviation, "the GOI"), so no other wording is
    /// put after its article.
    static func articles(_ wording: String, abbreviations: Set<String>) -> Set<String> {
        let word = String(wording.drop(while: { $0.isWhitespace }).prefix(while: { $0.isLetter || $0 == "." || $0 == "/" || $0 == "'" }))
        guard let first = word.first(where: \.isLetter) else { return [] }
        let letters = word.filter(\.isLetter)
        let isCapitals = letters.count >= 2 && letters.allSatisfy { $0.isUppercase || $0 == "s" }
        if isCapitals, KnownAbbreviationRule.spelledOut.contains(word) || KnownAbbreviationRule.spelledOut.contains(word.uppercased()) {
            return [vowelNamedLetters.contains(first) ? "an" : "a"]
        }
        if isCapitals, abbreviations.contains(word) || abbreviations.contains(word.uppercased()),
            vowelNamedLetters.contains(first) != "AEIO".contains(first) || first == "U"
        {
            // Said letter by letter or as a word: either article may be right.
            return ["a", "an"]
        }
        let lower = word.lowercased().filter { $0.isLetter }
        if consonantVowels.contains(lower) { return ["a"] }
        if silentH.contains(lower) { return ["an"] }
        return ["aeiou".contains(first.lowercased()) ? "an" : "a"]
    }
}
