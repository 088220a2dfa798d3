import Foundation
import PouchCore

/// One version of a post's signing key, as `pouch key status` shows it.
public struct PostKeyVersion: Sendable, Hashable, Codable {
    public var post: String
    public var version: Int
    public var created: String
}

extension SealedStore {
    /// Gives a post a new signing key version (administrators and security officers). Cables and
    /// copies signed from now on name the new version; those signed before keep verifying against
    /// the version they name, whose public key stays in the post's history. The old private key
    /// is gone once this commits. Each version in the history is signed twice: by the version
    /// before it (a chain from the post's first key) and by the store's audit key.
    ///
    /// `post` is the stored post (`AMEMBASSY ISLAMABAD`) or its short name (`ISLAMABAD`).
    @discardableResult
    public func rotatePostKey(_ post: String, as userID: String) async throws -> (post: String, version: Int) {
        try await requireOperator(userID, action: .keyRotate, "rotate a post's signing key")
        let time = AuditEntry.timestamp(Date())
        let next = SigningKey()
        return try await writing { db in
            let post = try self.signingPost(named: post, db)
            guard let current = try self.storedSigningKey(for: post, db) else { throw StoreError.tampered("the signing key of \(post)") }
            let history = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postKeyVersion WHERE post = ?", arguments: [post]) ?? 0
            if history == 0 {
                // The first version enters the history at its first rotation; it was made no earlier than the store.
                let created = try Self.storeCreated(db) ?? time
                try self.insertPostKeyVersion(post, version: current.version, publicKey: current.key.publicKey, created: created, endorsedBy: nil, db)
            }
            let version = current.version + 1
            try self.insertPostKeyVersion(post, version: version, publicKey: next.publicKey, created: time, endorsedBy: current.key, db)
            let sealed = try Seal.seal(next.rawRepresentation, record: "post|\(post)", keys: self.keys)
            try db.execute(
                sql: "UPDATE postKey SET publicKey = ?, wrappedKey = ?, sealedKey = ?, version = ? WHERE post = ?",
                arguments: [Data(next.publicKey), Data(sealed.wrappedKey), Data(sealed.content), version, post])
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .keyRotate, target: post,
                    detail:
                        "signing key version \(version) of \(post): cables and copies signed from now on name it; earlier signatures verify against theirs"
                ), db)
            return (post, version)
        }
    }

    func insertPostKeyVersion(
        _ post: String, version: Int, publicKey: [UInt8], created: String, endorsedBy previous: SigningKey?, _ db: any SQLConnection
    ) throws {
        let message = PostPublicKeys.historyMessage(post: post, version: version, created: created, publicKey: publicKey)
        try db.execute(
            sql: "INSERT INTO postKeyVersion (post, version, publicKey, created, endorsement, attestation) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [post, version, Data(publicKey), created, try previous.map { Data(try $0.sign(message)) }, Data(try auditKey.sign(message))])
    }

    /// The stored post a name means: the post itself, or the short name its cables are filed under.
    func signingPost(named name: String, _ db: any SQLConnection) throws -> String {
        let upper = name.uppercased()
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM postKey WHERE post = ?", arguments: [upper]) == true { return upper }
        let matches = try String.fetchAll(
            db, sql: "SELECT DISTINCT post FROM cable WHERE postKey = ? AND post IN (SELECT post FROM postKey) ORDER BY post", arguments: [upper])
        guard let first = matches.first else {
            throw StoreError.invalid("no post named \(name) has a signing key (a post gets one with its first cable)")
        }
        guard matches.count == 1 else {
            throw StoreError.invalid("\(name) names several posts: \(matches.joined(separator: ", ")); give the whole name")
        }
        return first
    }

    /// What is wrong with a post's key history (rows in version order): each version signed by
    /// the store's audit key and, after the first, by the version before it, with no gap, ending
    /// at the key the post signs with now.
    func postKeyHistoryProblems(_ post: String, _ rows: [SQLRow], _ db: any SQLConnection) -> [String] {
        var problems: [String] = []
        var previous: (version: Int, key: [UInt8])?
        for row in rows {
            let version: Int = row["version"]
            let created: String = row["created"]
            let key = (row["publicKey"]).blobBytes ?? []
            let message = PostPublicKeys.historyMessage(post: post, version: version, created: created, publicKey: key)
            if (try? SigningKey.verify((row["attestation"]).blobBytes ?? [], of: message, publicKey: auditKey.publicKey, record: post)) == nil {
                problems.append("version \(version) is not signed by the store")
            }
            if let previous {
                let endorsement = (row["endorsement"] as Data?).map(Array.init) ?? []
                if previous.version != version - 1 || (try? SigningKey.verify(endorsement, of: message, publicKey: previous.key, record: post)) == nil
                {
                    problems.append("version \(version) is not signed by version \(version - 1)")
                }
            }
            previous = (version, key)
        }
        if let previous, let current = try? SQLRow.fetchOne(db, sql: "SELECT version, publicKey FROM postKey WHERE post = ?", arguments: [post]),
            (current["version"] as Int) != previous.version || (current["publicKey"]).blobBytes != previous.key
        {
            problems.append("the key the post signs with is not the last version in its history")
        }
        return problems
    }

    /// Posts whose signing key has been rotated, with each version.
    static func postKeyVersions(_ db: any SQLConnection) throws -> [PostKeyVersion] {
        try SQLRow.fetchAll(db, sql: "SELECT post, version, created FROM postKeyVersion ORDER BY post, version").map {
            PostKeyVersion(post: $0["post"], version: $0["version"], created: $0["created"])
        }
    }
}
