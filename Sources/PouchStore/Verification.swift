/// What `pouch verify` found: every row of the store checked against its seal, signature or MAC,
/// the copy sets against their receipts, and the audit chain against its head file.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// One damaged row (or missing one), by table and key.
    public struct Problem: Sendable, Hashable, Codable {
        public var table: String
        public var key: String
        public var message: String

        public init(table: String, key: String, message: String) {
            self.table = table
            self.key = key
            self.message = message
        }
    }

    /// Rows checked, by table.
    public var checked: [String: Int]
    public var problems: [Problem]
    public var audit: AuditReport
    public var intact: Bool { problems.isEmpty && audit.intact }

    public init(checked: [String: Int] = [:], problems: [Problem] = [], audit: AuditReport = AuditReport(entries: 0, checkpoints: 0, problems: [])) {
        self.checked = checked
        self.problems = problems
        self.audit = audit
    }
}

/// How far a verification has got: called now and then from the checking task.
public typealias VerificationProgress = @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void
