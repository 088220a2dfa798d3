import PouchCore

extension SearchFilters {
    /// The `postKey` values posts typed in a filter stand for (`AMEMBASSY ISLAMABAD` and `Islamabad` are `ISLAMABAD`).
    public static func postKeys(_ posts: [String]) -> Set<String> {
        Set(posts.flatMap { [Post(fmLine: $0).referencePost, ReferenceID.compactPost($0.uppercased())] })
    }
}
