import PouchCore

/// Words that open a clause's subject: after them a dropped or added "that" reads the same.
let subjectStarters: Set<String> = [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "these",
    "those", "there", "both", "all", "some", "many", "most", "several", "such", "each", "any", "one", "no", "none", "if",
]

let pronounSubjects: Set<String> = ["he", "she", "they", "we", "i", "you", "there", "it"]

/// A redaction ("XXXXXXXXXXXX", "xxxxx"), which stands for a name.
func isRedaction(_ token: TextTokens.Token) -> Bool {
    token.text.count >= 4 && token.lower.allSatisfy { $0 == "x" }
}

/// A capitalised word in mixed-case text that is not a sentence opener: a name.
func isName(_ token: TextTokens.Token, _ tokens: TextTokens) -> Bool {
    !tokens.allCaps && token.isWord && (token.text.first?.isUppercase ?? false) && !token.hasDigit
}

/// Words that may follow a noun phrase that has ended: a verb, a preposition, a clause word.
/// "and", "or", "of" and nouns are not among them, so a rewritten phrase never takes in a
/// compound ("Pakistan's security forces"), a conjunct ("the views of France and Germany") or
/// an "of" phrase.
let phraseEnders: Set<String> = [
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must", "did",
    "does", "do", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that", "but", "said", "says", "remains", "remained",
    "toward", "towards", "against", "during", "over", "under", "since", "into", "also", "regarding", "concerning", "about",
    "among", "between", "than", "through", "within", "without", "because", "if", "while", "when", "after", "before", "despite",
    "continues", "continued", "appears", "seems", "wants", "wanted", "needs", "needed", "plans", "planned", "intends",
    "today", "yesterday", "now", "recently", "still", "already", "again", "soon", "later", "earlier", "instead", "itself", "alone",
]

/// Words before a possessive name that would have to change with it or belong to it ("the",
/// "former"): the name does not open its own phrase after them.
let possessiveBlockers: Set<String> = RuleCatalogue.determiners.subtracting(["that"]).union([
    "former", "late", "then", "acting", "deputy", "vice", "new", "incoming", "outgoing", "current", "first", "junior", "senior",
    // "Merkel and Sarkozy's proposal" may be the proposal of both.
    "and", "or", "nor",
])

/// Whether a noun phrase ending at `last` ends there for sure: at the paragraph's end, before
/// closing punctuation, before a comma that opens no list or aside, or before a word of
/// `phraseEnders`. From scheme 8 the genitive rules rewrite only such phrases.
func endsNounPhrase(at last: Int, in tokens: TextTokens) -> Bool {
    let list = tokens.tokens
    guard last + 1 < list.count else { return true }
    let next = list[last + 1]
    // A verb in the past ("agreed", "refused") ends it too.
    if next.isWord { return phraseEnders.contains(next.lower) || next.lower.hasSuffix("ed") && next.lower.count > 4 }
    switch String(next.text) {
    case ".", ";", ":", ")", "?", "!", "\"", "\u{201D}":
        return true
    case ",":
        guard last + 2 < list.count, list[last + 2].isWord else { return true }
        let after = list[last + 2]
        return !(isName(after, tokens) || ["and", "or", "which", "who", "whose", "whom", "where", "including"].contains(after.lower))
    default:
        return false
    }
}

/// Whether a possessive name may open its own phrase after `word`: a lower-case word that is not
/// a determiner or a title's adjective ("the", "former"); in a cable written in capitals, where a
/// name cannot be told apart ("UNITED RUSSIA'S"), only a preposition, conjunction or reporting verb.
func opensPossessive(_ word: TextTokens.Token, _ tokens: TextTokens) -> Bool {
    if tokens.allCaps { return possessiveOpeners.contains(word.lower) || ComplementizerRule.verbs.contains(word.lower) }
    return word.text.first?.isLowercase ?? false && !possessiveBlockers.contains(word.lower)
}

/// Whether the word at `index` may be the last of a longer name ("United Russia's"): a
/// capitalised word stands right before it (but a sentence's opening preposition), or, in a
/// cable written in capitals, any word but one that opens a phrase.
func mayEndLongerName(_ index: Int, in tokens: TextTokens) -> Bool {
    guard let previous = tokens.previousWord(before: index) else { return false }
    let word = tokens.tokens[previous]
    if tokens.allCaps { return !opensPossessive(word, tokens) }
    // A sentence's first word is capitalised anyway ("In Pakistan's view").
    return isName(word, tokens) && !(tokens.startsSentence(previous) && possessiveOpeners.contains(word.lower))
}

/// Words after which a possessive name opens its own noun phrase ("of Iran's government").
private let possessiveOpeners: Set<String> = [
    "of", "in", "to", "with", "by", "for", "on", "from", "that", "but", "as", "against", "about", "while", "if", "because",
    "whether", "toward", "towards", "regarding", "concerning", "including", "despite", "under", "over", "between", "among",
]
