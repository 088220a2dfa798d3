import PouchCore

/// Word sets several kinds of rule share.
extension RuleCatalogue {
    /// Words that open a noun phrase: a rule that needs a noun phrase next looks for one of these.
    static let determiners: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "that", "any", "such", "all", "some", "each",
    ]
    /// Words after which a verb form is a participle or an adjective ("was emphasized", "very concerning"), not the reporting
    /// verb or preposition a rule looks for.
    static let predicative: Set<String> = [
        "a", "an", "the", "very", "is", "was", "are", "were", "be", "been", "being", "most", "more", "less", "particularly", "deeply", "quite", "so",
        "too", "equally", "also",
    ]
}
