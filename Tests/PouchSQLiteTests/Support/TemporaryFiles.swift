import Foundation
import PouchCore
import PouchSQLite
import Testing

@testable import PouchStore

/// Each test of a suite marked `.temporaryFiles` gets its own folder under the system's temporary
/// directory, removed when the test ends, pass or fail; `TemporaryFiles.path` names paths inside it.
/// (Stores, key files, backups and command-line work folders were left behind by the hundred.)
struct TemporaryFilesTrait: TestTrait, SuiteTrait, TestScoping {
    var isRecursive: Bool { true }

    /// A scope per test case, none for the suite itself.
    func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? { testCase == nil ? nil : self }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let folder = NSTemporaryDirectory() + "pouch-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TemporaryFiles.$folder.withValue(folder) { try await function() }
    }
}

extension Trait where Self == TemporaryFilesTrait {
    /// Every test gets a temporary folder, removed when it ends (`TemporaryFiles.path`).
    static var temporaryFiles: Self { Self() }
}

enum TemporaryFiles {
    /// The running test's folder (set by `.temporaryFiles`).
    @TaskLocal static var folder: String?

    /// A new path (nothing is created there) inside the running test's folder.
    static func path(_ name: String) -> String {
        guard let folder else {
            Issue.record("a temporary path outside a .temporaryFiles suite would never be removed")
            return NSTemporaryDirectory() + "pouch-\(name)-" + UUID().uuidString
        }
        return folder + "/" + name + "-" + UUID().uuidString
    }
}

/// The administrator every test store is made with.
let testAdministrator = Reader(id: "admin", name: "Administrator", post: "STATE", roles: [.administrator, .securityOfficer], clearance: .topSecret)

/// A new store in the test's temporary folder (real SQLite, fast KDF cost) with the administrator `admin`.
func temporaryStore() throws -> (SealedStore, String) {
    let directory = TemporaryFiles.path("store")
    return (
        try SQLiteStore.create(at: directory, credential: .passphrase("correct horse battery"), administrator: testAdministrator, cost: .testing),
        directory
    )
}
