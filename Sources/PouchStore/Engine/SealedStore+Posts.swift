import Foundation
import PouchCore

extension SealedStore {
    /// Registers the long forms a post's FM line takes (`EMBASSY WASHINGTON`, `AMEMBASSY
    /// ISLAMABAD`) under the name people are posted at (`WASHINGTON`), administrators only.
    ///
    /// Without it a post is known only by the US forms Pouch reads (`AMEMBASSY`, `AMCONSUL`,
    /// `SECSTATE`); a ministry that writes "FM EMBASSY WASHINGTON" could not draft. A registered
    /// form makes its drafts the post's: drafted by people posted there, numbered under the
    /// post's name (`26WASHINGTON1`). Each row carries a MAC, so a form slipped into the table,
    /// which would let someone draft for another post, is refused.
    public func addPost(_ name: String, fmLines: [String], as actor: String) async throws {
        let post = Self.postName(name)
        guard !post.isEmpty, post.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }) else {
            throw StoreError.invalid("'\(name)' is not a post name (letters, digits, spaces and hyphens, e.g. WASHINGTON)")
        }
        let forms = fmLines.map { Post(fmLine: $0).fmLine }
        guard !forms.isEmpty, forms.allSatisfy({ !$0.isEmpty }) else {
            throw StoreError.invalid("give the post's FM line as it is written, e.g. --fm \"EMBASSY WASHINGTON\"")
        }
        let outcome: Result<Void, StoreError> = try await writing { db in
            guard let admin = try self.user(actor, db), admin.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: actor, action: .postAdd, target: post, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may register a post"))
            }
            for form in forms {
                if let existing = try String.fetchOne(db, sql: "SELECT post FROM postName WHERE fm = ?", arguments: [form]), existing != post {
                    return .failure(.duplicate("the FM line \(form) (registered for \(existing))"))
                }
                try db.execute(
                    sql:
                        "INSERT INTO postName (fm, post, mac) VALUES (?, ?, ?) ON CONFLICT (fm) DO UPDATE SET post = excluded.post, mac = excluded.mac",
                    arguments: [form, post, Data(self.postNameMAC(fm: form, post: post))])
            }
            try self.appendAudit(AuditEvent(user: actor, action: .postAdd, target: post, detail: "FM \(forms.joined(separator: "; FM "))"), db)
            return .success(())
        }
        try outcome.get()
    }

    /// The registered posts and their FM forms; rows that fail their MAC are left out.
    public func posts() async throws -> [String: [String]] {
        try await reading { db in
            var posts: [String: [String]] = [:]
            for row in try SQLRow.fetchAll(db, sql: "SELECT fm, post, mac FROM postName ORDER BY fm") {
                let fm: String = row["fm"]
                let post: String = row["post"]
                guard (row["mac"]).blobBytes == self.postNameMAC(fm: fm, post: post) else { continue }
                posts[post, default: []].append(fm)
            }
            return posts
        }
    }

    /// The registered post an FM line belongs to, if any; a row failing its MAC is tampering.
    func registeredPost(fm: String, _ db: any SQLConnection) throws -> String? {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT post, mac FROM postName WHERE fm = ?", arguments: [fm]) else { return nil }
        let post: String = row["post"]
        guard (row["mac"]).blobBytes == postNameMAC(fm: fm, post: post) else { throw StoreError.tampered("the post registry entry for \(fm)") }
        return post
    }

    func postNameMAC(fm: String, post: String) -> [UInt8] {
        macs.postName.code(fields: [Array(fm.utf8), Array(post.utf8)])
    }
}
