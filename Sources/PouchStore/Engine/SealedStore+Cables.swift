import Foundation
import PouchCore
import PouchFingerprint

extension SealedStore {
    /// The audit log's index for who did what to which record: whether a reader has opened a
    /// copy (the inbox's unread marks), and a user's entries (`pouch audit log --user`).
    public static let auditReadsIndex = #"CREATE INDEX audit_reads ON audit ("user", action, target, outcome)"#

    /// Which of `count` cables (the first arguments) a reader (the last) has opened: one probe of
    /// `audit_reads` per cable, stopping at its first read.
    static func openedSQL(_ count: Int) -> String {
        """
        WITH received (cable) AS (VALUES \(Array(repeating: "(?)", count: count).joined(separator: ", ")))
        SELECT cable FROM received WHERE EXISTS (
            SELECT 1 FROM audit WHERE "user" = ? AND action = 'read' AND target = received.cable AND outcome = 'ok')
        """
    }

    // MARK: Draft and import

    func draftChecked(_ draft: Cable, as userID: String) async throws -> ReferenceID {
        guard let origin = draft.origin, let dtg = draft.dateTimeGroup else {
            throw StoreError.invalid("a draft needs its post (From) and date")
        }
        let post = Post(fmLine: origin)
        let outcome: Result<ReferenceID, StoreError> = try await writing { db in
            var cable = draft
            func deny(_ reason: String, _ error: StoreError) throws -> Result<ReferenceID, StoreError> {
                try self.appendAudit(
                    AuditEvent(user: userID, action: .draft, target: cable.referenceID?.description ?? post.fmLine, outcome: .denied, detail: reason),
                    db)
                return .failure(error)
            }
            guard let user = try self.user(userID, db) else { return try deny("no such user", .noSuchUser(userID)) }
            guard !user.disabled else { return try deny("account disabled", .disabled(userID)) }
            guard user.roles.contains(.drafter) else { return try deny("not a drafter", .notPermitted("\(userID) is not a drafter")) }
            // A registered FM form belongs to its post alone; otherwise the US forms are read as before.
            let registered = try self.registeredPost(fm: post.fmLine, db)
            let serves = registered.map { Self.postName(user.post) == $0 } ?? Self.serves(user, post: post)
            // A registered post's cables are kept (signed, numbered, filtered) under its own name, whichever form the FM line takes.
            let storedPost = registered ?? post.fmLine
            guard serves else {
                return try deny(
                    "post \(user.post)",
                    .notPermitted(
                        "\(userID) is posted at \(user.post) and cannot draft for \(post.fmLine)"
                            + (registered == nil
                                ? " (if that is their post's FM line, an administrator can register it: pouch post add \(Self.postName(user.post)) --fm \"\(post.fmLine)\")"
                                : "")))
            }
            guard AccessPolicy.mayRead(user, cable, distribution: .addressees([userID])) else {
                return try deny(
                    "clearance or caveats",
                    .notPermitted(
                        "\(userID)'s clearance and caveats do not cover \(([cable.classification.word] + cable.caveats.map(\.rawValue)).joined(separator: "//"))"
                    ))
            }
            if cable.referenceID == nil {
                let last =
                    try Int.fetchOne(db, sql: "SELECT MAX(serial) FROM cable WHERE post = ? AND year = ?", arguments: [storedPost, dtg.year]) ?? 0
                cable.telegramNumber = TelegramNumber(post: registered ?? post.telegramName, serial: last + 1)
                cable.referenceID = ReferenceID(year: dtg.year, post: registered.map(ReferenceID.compactPost) ?? post.referencePost, serial: last + 1)
            }
            guard let id = cable.referenceID else { throw StoreError.invalid("the draft has no reference ID") }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cable WHERE id = ?", arguments: [id.description]) == true {
                throw StoreError.duplicate("cable \(id)")
            }
            try self.insertCable(cable, id: id, post: storedPost, drafter: userID, archive: false, db)
            try self.appendAudit(
                AuditEvent(
                    user: userID, action: .draft, target: id.description,
                    detail: "\(cable.classification.word); \(cable.wordCount) words"), db)
            return .success(id)
        }
        return try outcome.get()
    }

    @discardableResult
    public func importCable(_ cable: Cable, as userID: String) async throws -> Bool {
        guard let id = cable.referenceID else { throw StoreError.invalid("an archived cable needs a reference ID") }
        let post = cable.origin.map(Post.init(fmLine:)) ?? Post(telegramPost: id.post)
        let outcome: Result<Bool, StoreError> = try await writing { db in
            guard let user = try self.user(userID, db), user.acts(as: .administrator) else {
                try self.appendAudit(AuditEvent(user: userID, action: .importCable, target: id.description, outcome: .denied), db)
                return .failure(.notPermitted("only an administrator may import into the archive"))
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cable WHERE id = ?", arguments: [id.description]) == true { return .success(false) }
            try self.insertCable(cable, id: id, post: post.fmLine, drafter: nil, archive: true, db)
            try self.appendAudit(AuditEvent(user: userID, action: .importCable, target: id.description, detail: cable.classification.word), db)
            return .success(true)
        }
        return try outcome.get()
    }

    public func importCables(_ cables: [Cable], as userID: String) async throws -> ImportOutcome {
        var outcome = ImportOutcome()
        var seen: Set<String> = []
        var fresh: [(Cable, ReferenceID, String)] = []
        for cable in cables {
            guard let id = cable.referenceID else { throw StoreError.invalid("an archived cable needs a reference ID") }
            if !seen.insert(id.description).inserted {
                outcome.duplicates.append(id.description)
                continue
            }
            fresh.append((cable, id, (cable.origin.map(Post.init(fmLine:)) ?? Post(telegramPost: id.post)).fmLine))
        }
        // 1. Permission, what is already stored, and every post's signing key. A read, so it runs
        // beside another batch's write (an import keeps two batches in flight).
        let ids = fresh.map(\.1.description)
        let posts = Set(fresh.map(\.2))
        let setup: (existing: Set<String>, keys: [String: PostSigner])? = try await reading { db in
            guard let user = try self.user(userID, db), user.acts(as: .administrator) else { return nil }
            let existing = try self.storedIDs(ids, db)
            var keys: [String: PostSigner] = [:]
            for post in posts { keys[post] = try self.storedSigningKey(for: post, db) }
            return (existing, keys)
        }
        guard let (existing, storedKeys) = setup else {
            _ = try await writing { db in
                try self.appendAudit(AuditEvent(user: userID, action: .importCable, target: "\(cables.count) cables", outcome: .denied), db)
            }
            throw StoreError.notPermitted("only an administrator may import into the archive")
        }
        // A post seen for the first time gets its signing key (a short write of its own).
        var keys = storedKeys
        let newPosts = posts.filter { keys[$0] == nil }
        if !newPosts.isEmpty {
            keys.merge(
                try await writing { db in
                    Dictionary(uniqueKeysWithValues: try newPosts.map { ($0, try self.signingKey(for: $0, db)) })
                }
            ) { first, _ in first }
        }
        outcome.duplicates += fresh.filter { existing.contains($0.1.description) }.map(\.1.description)
        let work = fresh.filter { !existing.contains($0.1.description) }
        guard !work.isEmpty else { return outcome }
        // 2. Seal, sign and index on every core.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (work.count + workers - 1) / workers
        let known = tokenCache.snapshot()
        let signers = keys
        let (prepared, words, newTokens) = try await withThrowingTaskGroup(of: (Int, [PreparedCable], BlindIndex.Cache).self) { group in
            for (part, start) in stride(from: 0, to: work.count, by: size).enumerated() {
                let slice = Array(work[start..<min(start + size, work.count)])
                group.addTask {
                    var tokens = BlindIndex.Cache(known: known)
                    let cables = try slice.map { cable, id, post in
                        try self.prepare(cable, id: id, post: post, drafter: nil, archive: true, signer: signers[post]!, tokens: &tokens)
                    }
                    return (part, cables, tokens)
                }
            }
            var parts: [(Int, [PreparedCable], BlindIndex.Cache)] = []
            for try await part in group { parts.append(part) }
            parts.sort { $0.0 < $1.0 }
            var words: [String: String] = [:]
            var tokens: [String: String] = [:]
            for part in parts {
                words.merge(part.2.words) { first, _ in first }
                tokens.merge(part.2.tokens) { first, _ in first }
            }
            return (parts.flatMap(\.1), words, tokens)
        }
        // 3. One transaction: rows, index, vocabulary, audit.
        let inserted: [String] = try await writing { db in
            // Another import may have stored some meanwhile: still one cable per reference ID.
            let stored = try self.storedIDs(prepared.map(\.binding.id), db)
            let fresh = prepared.filter { !stored.contains($0.binding.id) }
            try self.insert(fresh, db)
            var events = fresh.map { cable in
                AuditEvent(
                    user: userID, action: .importCable, target: cable.binding.id,
                    detail: Classification(rawValue: Int(cable.binding.classification) ?? 3)?.word ?? "")
            }
            try self.storeVocabulary(words, db)
            events.append(AuditEvent(user: userID, action: .importCable, target: "batch", detail: "\(fresh.count) cables imported"))
            try self.appendAudit(events, db)
            return fresh.map(\.binding.id)
        }
        // Committed: later batches find these words' tokens without an HMAC.
        tokenCache.add(newTokens)
        outcome.imported = inserted
        let insertedSet = Set(inserted)
        outcome.duplicates += prepared.map(\.binding.id).filter { !insertedSet.contains($0) }
        return outcome
    }

    /// Which of these reference IDs the store already holds.
    func storedIDs(_ ids: [String], _ db: any SQLConnection) throws -> Set<String> {
        var stored: Set<String> = []
        for chunk in ids.chunks(of: 500) {
            let part = Array(chunk)
            stored.formUnion(
                try String.fetchAll(
                    db, sql: "SELECT id FROM cable WHERE id IN (\(SQLArguments.placeholders(part.count)))", arguments: SQLArguments(part)))
        }
        return stored
    }

    /// A post name as the registry keeps it: upper case, single spaces.
    public static func postName(_ text: String) -> String {
        text.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether a person at `user.post` may draft for `post` (`ISLAMABAD`, `AMEMBASSY ISLAMABAD` and
    /// `Embassy Islamabad` name the same post).
    static func serves(_ user: Reader, post: Post) -> Bool {
        let own = Post(fmLine: user.post)
        return own.fmLine == post.fmLine || own.referencePost == post.referencePost || own.displayName == post.displayName
            || ReferenceID.compactPost(user.post.uppercased()) == post.referencePost
    }

    func insertCable(_ cable: Cable, id: ReferenceID, post: String, drafter: String?, archive: Bool, _ db: any SQLConnection) throws {
        var tokens = BlindIndex.Cache()
        let prepared = try prepare(
            cable, id: id, post: post, drafter: drafter, archive: archive, signer: try signingKey(for: post, db), tokens: &tokens)
        try insert(prepared, db)
        try storeVocabulary(tokens.words, db)
    }

    /// A cable made ready to store: sealed, signed and indexed (no database work, so many can be prepared in parallel).
    struct PreparedCable: Sendable {
        var id: ReferenceID
        var binding: CableBinding
        var sealed: SealedRecord
        var subject: SealedRecord
        var signature: [UInt8]
        var year: Int
        var date: String
        var tags: String
        var postKey: String
        var state: String
        var document: BlindIndex.Document
    }

    func prepare(
        _ cable: Cable, id: ReferenceID, post: String, drafter: String?, archive: Bool, signer: PostSigner,
        tokens: inout BlindIndex.Cache
    ) throws -> PreparedCable {
        let binding = CableBinding(
            id: id.description, classification: String(cable.classification.rawValue),
            caveats: Self.caveatsColumn(cable.caveats), archive: archive ? "1" : "0", post: post, drafter: drafter ?? "")
        let text = Array(CableRenderer().render(cable).utf8)
        let sealed = try Seal.seal(text, record: binding.record("cable"), keys: keys)
        let subject = try Seal.seal(Array(cable.subject.utf8), record: binding.record("subject"), keys: keys)
        let signature = try signer.sign(binding.signed(text))
        let date = Self.envelopeDate(of: cable, id: id)
        let document = database.textIndex.prepare(index.document(for: cable, cache: &tokens))
        return PreparedCable(
            id: id, binding: binding, sealed: sealed, subject: subject, signature: signature, year: id.year, date: date,
            tags: Self.tagsColumn(cable.tags), postKey: Post(fmLine: post).referencePost,
            state: archive ? "archive" : "draft", document: document)
    }

    func insert(_ cable: PreparedCable, _ db: any SQLConnection) throws {
        try insert([cable], db)
    }

    /// Stores prepared cables under the next docids, a table at a time (a few statements for a
    /// whole batch, where PostgreSQL pays a round trip for each).
    func insert(_ cables: [PreparedCable], _ db: any SQLConnection) throws {
        guard !cables.isEmpty else { return }
        // The docid is chosen here, not by the database, so the envelope's MAC can cover it: a row
        // renumbered onto another cable's index entries no longer verifies.
        let first = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(docid), 0) + 1 FROM cable") ?? 1
        let columns = Self.envelopeColumns + ["mac"]
        var envelopes: [[SQLValue]] = []
        var sealed: [[SQLValue]] = []
        var documents: [(docid: Int64, document: BlindIndex.Document)] = []
        for (offset, cable) in cables.enumerated() {
            let docid = first + Int64(offset)
            var envelope: [String: (any SQLBindable)?] = [
                "docid": docid, "id": cable.binding.id, "classification": Int(cable.binding.classification), "caveats": cable.binding.caveats,
                "restricted": Self.restrictedBits(cable.binding.caveats.split(separator: ",").map { Caveat(rawValue: String($0)) }),
                "archive": cable.binding.archive == "1", "post": cable.binding.post, "postKey": cable.postKey, "tags": cable.tags,
                "drafter": cable.binding.drafter.isEmpty ? nil : cable.binding.drafter, "year": cable.year, "serial": cable.id.serial,
                "date": cable.date, "state": cable.state,
            ]
            envelope["mac"] = Data(envelopeMAC(SQLRow(envelope.map { ($0.key, $0.value) })))
            envelopes.append(columns.map { envelope[$0]??.sqlValue ?? .null })
            sealed.append(
                SQLArguments([
                    docid, Data(cable.sealed.wrappedKey), Data(cable.sealed.content), Data(cable.subject.wrappedKey),
                    Data(cable.subject.content), Data(cable.signature),
                ]).values)
            documents.append((docid, cable.document))
        }
        try db.insert(into: "cable", columns: columns, rows: envelopes)
        try db.insert(
            into: "sealed", columns: ["docid", "wrappedKey", "sealedText", "subjectKey", "sealedSubject", "signature"], rows: sealed)
        try database.textIndex.add(documents, db)
    }

    /// ",PREL,PGOV," like the captions; a comma inside a tag ("OVIP (CLINTON, HILLARY)") is stored
    /// as a semicolon so the tag stays one.
    public static func tagsColumn(_ tags: [String]) -> String {
        "," + tags.map { Caveat(rawValue: $0).rawValue.replacingOccurrences(of: ",", with: ";") + "," }.joined()
    }

    /// ",NOFORN,EXDIS," — every caption between commas, so one LIKE tests for one.
    static func caveatsColumn(_ caveats: [Caveat]) -> String {
        "," + caveats.map { $0.rawValue + "," }.joined()
    }

    /// The post's current signing key if it has one.
    func storedSigningKey(for post: String, _ db: any SQLConnection) throws -> PostSigner? {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM postKey WHERE post = ?", arguments: [post]) else { return nil }
        do {
            let raw = try Seal.open(
                SealedRecord(wrappedKey: Array(row["wrappedKey"] as Data), content: Array(row["sealedKey"] as Data)),
                record: "post|\(post)", keys: keys)
            return PostSigner(key: try SigningKey(rawRepresentation: raw), version: row["version"])
        } catch {
            throw StoreError.tampered("the signing key of \(post)")
        }
    }

    /// The post's signing key, created (and sealed) on first use.
    func signingKey(for post: String, _ db: any SQLConnection) throws -> PostSigner {
        if let key = try storedSigningKey(for: post, db) { return key }
        let key = SigningKey()
        let sealed = try Seal.seal(key.rawRepresentation, record: "post|\(post)", keys: keys)
        try db.execute(
            sql: "INSERT INTO postKey (post, publicKey, wrappedKey, sealedKey) VALUES (?, ?, ?, ?)",
            arguments: [post, Data(key.publicKey), Data(sealed.wrappedKey), Data(sealed.content)])
        return PostSigner(key: key, version: 1)
    }

    // MARK: Send

    func sendChecked(_ id: ReferenceID, to users: [String], lists listNames: [String], as userID: String) async throws -> SendReceipt {
        // 1. Check everything and open the original (read transaction).
        let plan: Result<SendPlan, StoreError> = try await reading { db in
            do {
                return try self.planSend(id, to: users, lists: listNames, as: userID, db)
            } catch let error as StoreError {
                guard case .tampered = error else { throw error }
                return .failure(error)
            }
        }
        let sendPlan: SendPlan
        switch plan {
        case .success(let value): sendPlan = value
        case .failure(let error):
            let detail: String
            // Tampering is audited by `auditingTampering`, with what was found.
            if case .tampered = error { throw error }
            if case .refused(let reasons) = error { detail = "refused: " + reasons.joined(separator: "; ") } else { detail = error.description }
            try await record(AuditEvent(user: userID, action: .send, target: id.description, outcome: .denied, detail: detail))
            throw error
        }
        // 2. Mark, render, seal and sign every copy (no transaction held; both cores).
        let copies = try await makeCopies(sendPlan)
        // 3. One transaction: re-check, store every copy, mark the cable sent, log it.
        let outcome: Result<SendReceipt, StoreError> = try await writing { db in
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM cable WHERE id = ?", arguments: [id.description]),
                (row["drafter"] as String?) == userID, row["state"] as String != "archive"
            else {
                return .failure(.noSuchCable(id.description))
            }
            try self.requireIntactEnvelope(row)
            // Another send of the same draft may have finished while this one made its copies.
            let heldNow = Set(try String.fetchAll(db, sql: "SELECT reader FROM copy WHERE cable = ?", arguments: [id.description]))
            let raced = copies.map(\.reader).filter(heldNow.contains)
            guard raced.isEmpty else {
                return .failure(.alreadySent(id.description, raced))
            }
            // Every recipient again, read together: one may have lost access while the copies were made.
            let users = try self.users(copies.map(\.reader), db)
            for copy in copies {
                guard let user = users[copy.reader], AccessPolicy.mayRead(user, sendPlan.cable, distribution: .addressees([copy.reader])) else {
                    return .failure(.refused(["\(copy.reader) (changed while sending)"]))
                }
            }
            try db.insert(
                into: "copy", columns: ["cable", "reader", "wrappedKey", "sealedText", "signature"],
                rows: copies.map { copy in
                    [
                        .text(id.description), .text(copy.reader), .blob(Data(copy.sealed.wrappedKey)), .blob(Data(copy.sealed.content)),
                        .blob(Data(copy.signature)),
                    ]
                })
            try self.addHoldings(id.description, readers: copies.map(\.reader), db)
            try db.execute(sql: "UPDATE cable SET state = 'sent' WHERE id = ?", arguments: [id.description])
            try self.sealEnvelope(docid: row["docid"], db)
            // Copies already stored fixed the scheme and key version at the first send; the plan used them.
            try db.execute(
                sql: "INSERT INTO marking (cable, scheme, keyVersion, mac) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [
                    id.description, sendPlan.scheme.rawValue, sendPlan.keyVersion,
                    Data(self.markingMAC(cable: id.description, scheme: sendPlan.scheme.rawValue, keyVersion: sendPlan.keyVersion)),
                ])
            guard try self.marking(id.description, sent: true, db) == (sendPlan.scheme, sendPlan.keyVersion) else {
                // Another first send of this draft recorded a different marking while these copies were made.
                return .failure(.invalid("cable \(id) was first sent by another send at the same moment; send again"))
            }
            let receipt = SendReceipt(referenceID: id, recipients: copies.map(\.reader), alreadyHeld: sendPlan.alreadyHeld)
            let sequence = try self.appendAudit(
                AuditEvent(
                    user: userID, action: .send, target: id.description,
                    detail: "\(copies.count) copies: \(Self.abbreviated(copies.map(\.reader)))"
                        + (sendPlan.alreadyHeld.isEmpty ? "" : "; already held by \(sendPlan.alreadyHeld.count)")), db)
            if !copies.isEmpty { try self.storeReceipt(cable: id.description, sequence: sequence, recipients: copies.map(\.reader), db) }
            return .success(receipt)
        }
        if case .failure(let error) = outcome, case .alreadySent = error {
            try await record(AuditEvent(user: userID, action: .send, target: id.description, outcome: .failed, detail: error.description))
        }
        return try outcome.get()
    }

    struct SendPlan: Sendable {
        var cable: Cable
        var binding: CableBinding
        var recipients: [String]
        var alreadyHeld: [String]
        var post: String
        var scheme: FingerprintScheme
        var keyVersion: Int
    }

    /// The fingerprint scheme a cable's copies are marked with: recorded (and MAC-checked) at its
    /// first send; a cable sent before schemes were recorded used scheme 1; an unsent one takes the current scheme.
    /// And the version of the fingerprint key, recorded the same way (1 before rotations existed;
    /// the newest for an unsent cable).
    func marking(_ id: String, sent: Bool, _ db: any SQLConnection) throws -> (scheme: FingerprintScheme, keyVersion: Int) {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT scheme, keyVersion, mac FROM marking WHERE cable = ?", arguments: [id])
        else {
            return sent ? (.v1, 1) : (.current, try TracingKeys.current(db))
        }
        let raw: Int = row["scheme"]
        let version: Int = row["keyVersion"]
        guard let scheme = FingerprintScheme(rawValue: raw), Array(row["mac"] as Data) == markingMAC(cable: id, scheme: raw, keyVersion: version)
        else {
            throw StoreError.tampered("the fingerprint scheme of cable \(id)")
        }
        return (scheme, version)
    }

    /// Version 1 rows keep the MAC they had before key versions existed; later ones bind the version.
    func markingMAC(cable: String, scheme: Int, keyVersion: Int) -> [UInt8] {
        integrity.authenticationCode(
            for: Array("\(cable.utf8.count):\(cable)\(scheme)\(keyVersion == 1 ? "" : ":k\(keyVersion)")".utf8), purpose: "marking-scheme")
    }

    struct PreparedCopy: Sendable {
        var reader: String
        var sealed: SealedRecord
        var signature: [UInt8]
    }

    func planSend(
        _ id: ReferenceID, to users: [String], lists listNames: [String], as userID: String, _ db: any SQLConnection
    ) throws -> Result<SendPlan, StoreError> {
        guard let sender = try user(userID, db) else { return .failure(.noSuchUser(userID)) }
        guard !sender.disabled else { return .failure(.disabled(userID)) }
        guard
            let row = try SQLRow.fetchOne(
                db, sql: "SELECT \(Self.cableColumns) FROM \(Self.cableWithSealed) WHERE cable.id = ?", arguments: [id.description]),
            (row["drafter"] as String?) == userID, self.envelopeIsIntact(row),
            AccessPolicy.mayRead(
                sender, classification: Classification(rawValue: row["classification"]) ?? .topSecret,
                caveats: Self.caveats(row["caveats"]), distribution: .addressees([userID]))
        else { return .failure(.noSuchCable(id.description)) }
        var addressees: [String] = []
        var seen: Set<String> = []
        for name in users where seen.insert(name).inserted { addressees.append(name) }
        for list in listNames {
            guard let members = try verifiedMembers(of: list, db) else { return .failure(.noSuchList(list)) }
            for member in members where seen.insert(member).inserted {
                addressees.append(member)
            }
        }
        guard !addressees.isEmpty else { return .failure(.invalid("no addressees: name users with --to or lists with --to-list")) }
        let text = try openCable(row, db)
        let cable: Cable
        do { cable = try CableParser().parse(text: String(decoding: text, as: UTF8.self)).cable } catch { throw StoreError.tampered("cable \(id)") }
        var refused: [String] = []
        var recipients: [String] = []
        var alreadyHeld: [String] = []
        let holders = Set(try String.fetchAll(db, sql: "SELECT reader FROM copy WHERE cable = ?", arguments: [id.description]))
        for name in addressees {
            guard let user = try user(name, db) else {
                refused.append("\(name) (no such user)")
                continue
            }
            if user.disabled {
                refused.append("\(name) (account disabled)")
                continue
            }
            if let reason = Self.refusal(user, cable) {
                refused.append("\(name) (\(reason))")
            } else if holders.contains(name) {
                alreadyHeld.append(name)
            } else {
                recipients.append(name)
            }
        }
        guard refused.isEmpty else { return .failure(.refused(refused)) }
        // A cable sent before keeps the scheme its first copies were marked with.
        let marking = try marking(id.description, sent: row["state"] as String == "sent", db)
        return .success(
            SendPlan(
                cable: cable, binding: try binding(row), recipients: recipients, alreadyHeld: alreadyHeld, post: row["post"],
                scheme: marking.scheme, keyVersion: marking.keyVersion))
    }

    /// Why a person may not receive a cable, in words an administrator can act on; nil if they may.
    static func refusal(_ user: Reader, _ cable: Cable) -> String? {
        if user.clearance < cable.classification { return "cleared to \(user.clearance.word), the cable is \(cable.classification.word)" }
        for caveat in cable.caveats where !user.holds(caveat) {
            return caveat == .noforn ? "NOFORN: not a citizen" : "no \(caveat.rawValue) grant"
        }
        return nil
    }

    func makeCopies(_ plan: SendPlan) async throws -> [PreparedCopy] {
        let (signer, key) = try await reading { db in
            (try self.signingKey(for: plan.post, db), try self.tracingKeys.key(plan.keyVersion, db, keys: self.keys))
        }
        let fingerprint = CableFingerprint(cable: plan.cable, key: key, profile: profile, scheme: plan.scheme)
        let keys = self.keys
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunks = stride(from: 0, to: plan.recipients.count, by: max(1, (plan.recipients.count + workers - 1) / workers)).map {
            Array(plan.recipients[$0..<min($0 + max(1, (plan.recipients.count + workers - 1) / workers), plan.recipients.count)])
        }
        return try await withThrowingTaskGroup(of: (Int, [PreparedCopy]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    var prepared: [PreparedCopy] = []
                    prepared.reserveCapacity(chunk.count)
                    let renderer = CableRenderer()
                    for reader in chunk {
                        let text = Array(renderer.render(fingerprint.copy(for: reader)).utf8)
                        let record = plan.binding.copyRecord(reader: reader)
                        let sealed = try Seal.seal(text, record: record, keys: keys)
                        let signature = try signer.sign(Array(record.utf8) + [0] + text)
                        prepared.append(PreparedCopy(reader: reader, sealed: sealed, signature: signature))
                    }
                    return (index, prepared)
                }
            }
            var results: [(Int, [PreparedCopy])] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    static func abbreviated(_ names: [String]) -> String {
        names.count <= 20 ? names.joined(separator: ",") : names.prefix(20).joined(separator: ",") + ",… (\(names.count) in all)"
    }

    // MARK: Read and list

    func readChecked(_ id: ReferenceID, as userID: String) async throws -> CableText {
        // Checked and opened in a read transaction (both cores at once); the text is returned only
        // after its audit entry is committed (group commit, see AuditQueue).
        let (outcome, events): (Result<CableText, StoreError>, [AuditEvent]) = try await reading { db in
            func deny(_ detail: String, _ error: StoreError? = nil) -> (Result<CableText, StoreError>, [AuditEvent]) {
                (
                    .failure(error ?? .noSuchCable(id.description)),
                    [AuditEvent(user: userID, action: .read, target: id.description, outcome: .denied, detail: detail)]
                )
            }
            /// Tampering: audited with the reference ID; the reader hears of it only for a cable on
            /// their own distribution (then `auditingTampering` records it), else it is "no such cable".
            func tampered(_ record: String, told: Bool) -> (Result<CableText, StoreError>, [AuditEvent]) {
                if told { return (.failure(.tampered(record)), []) }
                return (
                    .failure(.noSuchCable(id.description)),
                    [
                        AuditEvent(user: userID, action: .tamper, target: record, outcome: .failed, detail: "found during read"),
                        AuditEvent(user: userID, action: .read, target: id.description, outcome: .failed, detail: "tampering detected"),
                    ]
                )
            }
            guard let user = try self.user(userID, db) else { return deny("no such user") }
            guard !user.disabled else { return deny("account disabled", .disabled(userID)) }
            guard
                let row = try SQLRow.fetchOne(
                    db, sql: "SELECT \(Self.cableColumns) FROM \(Self.cableWithSealed) WHERE cable.id = ?", arguments: [id.description])
            else { return deny("no such cable") }
            let isDrafter = (row["drafter"] as String?) == userID
            let copy = try SQLRow.fetchOne(
                db, sql: "SELECT * FROM copy WHERE cable = ? AND reader = ?", arguments: [id.description, userID])
            guard self.envelopeIsIntact(row) else { return tampered("the envelope of cable \(id)", told: isDrafter || copy != nil) }
            let archive: Bool = row["archive"]
            if !archive, !isDrafter, copy == nil {
                // Sent to this reader, but their copy is gone? (A damaged receipt says nothing to
                // a reader who may not be on the cable's distribution.)
                do {
                    if try self.receiptRecipients(of: id.description, db).contains(userID) {
                        return tampered("the copy of cable \(id) for \(userID) (deleted)", told: true)
                    }
                } catch StoreError.tampered(let record) {
                    return tampered(record, told: false)
                }
            }
            let distribution: Distribution = archive ? .archive : .addressees(isDrafter || copy != nil ? [userID] : [])
            guard
                AccessPolicy.mayRead(
                    user, classification: Classification(rawValue: row["classification"]) ?? .topSecret,
                    caveats: Self.caveats(row["caveats"]), distribution: distribution)
            else { return deny("need-to-know") }
            let text: [UInt8]
            let kind: CableText.Kind
            do {
                if let copy {
                    text = try self.openCopy(copy, binding: try self.binding(row), post: row["post"], db)
                    kind = .copy
                } else {
                    text = try self.openCable(row, db)
                    kind = archive ? .archive : .original
                }
            } catch let error as StoreError {
                guard case .tampered(let record) = error else { throw error }
                return tampered(record, told: true)
            }
            return (
                .success(CableText(referenceID: id, text: String(decoding: text, as: UTF8.self), kind: kind)),
                [AuditEvent(user: userID, action: .read, target: id.description, detail: kind.rawValue)]
            )
        }
        for event in events { try await record(event) }
        return try outcome.get()
    }

    /// What the person may see, newest first: the same admission as a search without words (from
    /// the checked envelopes in memory), so a changed envelope in the database can neither show a
    /// cable to someone new nor count one they may not see.
    func listChecked(as userID: String, limit: Int, offset: Int, filter: ListingFilter = ListingFilter()) async throws -> CableListing {
        let (outcome, events): (Result<CableListing, StoreError>, [AuditEvent]) = try await reading { db in
            guard let user = try self.user(userID, db) else {
                return (.failure(.noSuchUser(userID)), [AuditEvent(user: userID, action: .list, outcome: .denied, detail: "no such user")])
            }
            guard !user.disabled else {
                return (.failure(.disabled(userID)), [AuditEvent(user: userID, action: .list, outcome: .denied, detail: "account disabled")])
            }
            let admitted = try self.admission(user, filters: filter.filters, db)
            let (admittedDocids, damagedFound, problems, missing) = (admitted.set.members, admitted.damaged, admitted.problems, admitted.missing)
            let docids = try self.inBox(filter.box, admittedDocids, held: admitted.held, of: userID, db)
            var summaries: [CableSummary] = []
            var tampered: [String] = []
            // Oldest first is the newest-first order read from its far end.
            let page =
                filter.oldestFirst
                ? Array(
                    self.envelopes.newest(
                        docids, offset: max(0, docids.count - max(0, offset) - max(0, limit)),
                        limit: max(0, min(limit, docids.count - max(0, offset)))
                    ).reversed())
                : self.envelopes.newest(docids, offset: max(0, offset), limit: max(0, limit))
            for docid in page {
                guard
                    let row = try SQLRow.fetchOne(
                        db, sql: "SELECT \(Self.cableColumns) FROM \(Self.cableWithSealed) WHERE cable.docid = ?", arguments: [docid])
                else { continue }
                // Defence in depth: the rule again, in Swift, on what SQL returned.
                let archive: Bool = row["archive"]
                let level = Classification(rawValue: row["classification"]) ?? .topSecret
                let caveats = Self.caveats(row["caveats"])
                guard AccessPolicy.mayRead(user, classification: level, caveats: caveats, distribution: archive ? .archive : .addressees([userID]))
                else { continue }
                do {
                    try self.requireIntactEnvelope(row)
                    let binding = try self.binding(row)
                    let subject = try Seal.open(
                        SealedRecord(wrappedKey: Array(row["subjectKey"] as Data), content: Array(row["sealedSubject"] as Data)),
                        record: binding.record("subject"), keys: self.keys)
                    summaries.append(
                        CableSummary(
                            referenceID: row["id"], date: row["date"], classification: level, caveats: caveats,
                            origin: row["post"], subject: String(decoding: subject, as: UTF8.self), state: row["state"]))
                } catch {
                    tampered.append("cable " + String(decoding: (row["id"]).bytes, as: UTF8.self))
                }
            }
            // A received copy is new until its reader has opened it: their own reads are in the audit log.
            let held = Set(admitted.held.cables)
            let received = summaries.filter { held.contains($0.referenceID) && $0.state == "sent" }.map(\.referenceID)
            if !received.isEmpty {
                // One index probe per copy that stops at its first read: a reader's reads of a
                // copy can run to thousands of entries, and all their reads to millions.
                let opened = Set(try String.fetchAll(db, sql: Self.openedSQL(received.count), arguments: SQLArguments(received + [userID])))
                for index in summaries.indices where held.contains(summaries[index].referenceID) && summaries[index].state == "sent" {
                    summaries[index].unread = !opened.contains(summaries[index].referenceID)
                }
            }
            let found = try self.reportTampering(damagedFound + tampered + problems, found: userID, during: .list)
            let damaged = self.envelopes.damaged.count + tampered.count + missing
            return (
                .success(CableListing(cables: summaries, total: docids.count - tampered.count, damaged: damaged)),
                found + [
                    AuditEvent(
                        user: userID, action: .list,
                        detail: "\(summaries.count) of \(docids.count) shown"
                            + (damaged == 0 && problems.isEmpty
                                ? "" : "; \(damaged) damaged rows left out" + (problems.isEmpty ? "" : "; " + problems.joined(separator: "; "))))
                ]
            )
        }
        for event in events { try await record(event) }
        return try outcome.get()
    }

    /// The admitted docids that belong in a box: the person's received copies, their own drafts or
    /// sent cables, or the archive (everything else they may read).
    func inBox(_ box: ListingFilter.Box, _ docids: [Int64], held copies: HeldCopies, of userID: String, _ db: any SQLConnection) throws -> [Int64] {
        guard box != .all else { return docids }
        let held = Set(copies.docids)
        let drafted = try SQLRow.fetchAll(db, sql: "SELECT docid, state FROM cable WHERE drafter = ?", arguments: [userID])
        let drafts = Set(drafted.filter { ($0["state"] as String) == "draft" }.map { $0["docid"] as Int64 })
        let own = Set(drafted.map { $0["docid"] as Int64 })
        return docids.filter { docid in
            switch box {
            case .all: true
            case .received: held.contains(docid) && !own.contains(docid)
            case .drafts: drafts.contains(docid)
            case .sent: own.contains(docid) && !drafts.contains(docid)
            case .archive: !held.contains(docid) && !own.contains(docid)
            }
        }
    }

    /// The envelopes loaded and checked, and what `user` is admitted to within `filters`; with the
    /// envelopes newly found damaged, any problem with the user's copy set, how many of their copies
    /// are missing, and the copies themselves (for a listing's boxes and unread marks, without reading them again).
    func admission(
        _ user: Reader, filters: SearchFilters, _ db: any SQLConnection
    ) throws
        -> (set: DocidSet, damaged: [String], problems: [String], missing: Int, held: HeldCopies)
    {
        let damaged = try refreshEnvelopes(db).map { "the envelope of cable \($0)" }
        let held = try heldCopies(of: user.id, db)
        var personal = Set(try Int64.fetchAll(db, sql: "SELECT docid FROM cable WHERE drafter = ?", arguments: [user.id]))
        personal.formUnion(held.docids)
        let upTo = try Int64.fetchOne(db, sql: "SELECT MAX(docid) FROM cable") ?? 0
        let set = envelopes.admitted(
            EnvelopeCache.Admission(
                clearance: UInt8(user.clearance.rawValue), lacking: UInt8(Self.lackingBits(of: user)), nodis: UInt8(Self.nodisBit),
                personal: personal, upTo: upTo, filters: filters))
        return (set, damaged, held.problem.map { [$0] } ?? [], held.missing, held)
    }

    /// The captions that restrict who may read, in the bit order of the `restricted` column.
    static let restrictingCaveats: [Caveat] = [.noforn, .exdis, .nodis, .limdis, .stadis]

    static func restrictedBits(_ caveats: [Caveat]) -> Int {
        restrictingCaveats.enumerated().reduce(0) { $0 | (caveats.contains($1.element) ? 1 << $1.offset : 0) }
    }

    /// NODIS as a bit of the `restricted` column: an archived NODIS cable is open to no one by the archive rule alone.
    static let nodisBit = 1 << restrictingCaveats.firstIndex(of: .nodis)!

    /// The restricting captions a person lacks, as bits of the `restricted` column: one integer test per row.
    static func lackingBits(of user: Reader) -> Int {
        restrictingCaveats.enumerated().reduce(0) { $0 | (user.holds($1.element) ? 0 : 1 << $1.offset) }
    }

    /// The need-to-know rule as SQL over the cable table, for one person.
    static func visibility(for user: Reader) -> (String, [any SQLBindable]) {
        let lacking = Self.lackingBits(of: user)
        var conditions = ["classification <= ?", "(restricted & ?) = 0"]
        var arguments: [any SQLBindable] = [user.clearance.rawValue, lacking]
        conditions.append(
            "((archive = 1 AND (restricted & \(Self.nodisBit)) = 0) OR drafter = ? OR EXISTS (SELECT 1 FROM copy WHERE copy.cable = cable.id AND copy.reader = ?))"
        )
        arguments.append(user.id)
        arguments.append(user.id)
        return (conditions.joined(separator: " AND "), arguments)
    }

    // MARK: Tracing

    func tracingMaterialChecked(as officerID: String) async throws -> TracingMaterial {
        let outcome: Result<([SentCable], [String], [Int: FingerprintKey]), StoreError> = try await writing { db in
            guard let officer = try self.user(officerID, db), officer.acts(as: .securityOfficer) else {
                try self.appendAudit(AuditEvent(user: officerID, action: .trace, outcome: .denied, detail: "not a security officer"), db)
                return .failure(.notPermitted("only a security officer may trace leaks"))
            }
            var cables: [SentCable] = []
            var damaged: [String] = []
            for row in try SQLRow.fetchAll(db, sql: "SELECT \(Self.cableColumns) FROM \(Self.cableWithSealed) WHERE state = 'sent' ORDER BY cable.id")
            {
                let id = String(decoding: (row["id"]).bytes, as: UTF8.self)
                do {
                    try self.requireIntactEnvelope(row)
                    let text = try self.openCable(row, db)
                    let cable: Cable
                    do { cable = try CableParser().parse(text: String(decoding: text, as: UTF8.self)).cable } catch {
                        throw StoreError.tampered("cable \(id)")
                    }
                    // Everyone a send gave a copy to, by the receipts: a deleted copy row does not take its reader out of the trace.
                    var recipients = Set(try String.fetchAll(db, sql: "SELECT reader FROM copy WHERE cable = ?", arguments: [id]))
                    recipients.formUnion(try self.receiptRecipients(of: id, db))
                    let marking = try self.marking(id, sent: true, db)
                    cables.append(SentCable(cable: cable, recipients: recipients.sorted(), scheme: marking.scheme, keyVersion: marking.keyVersion))
                } catch StoreError.tampered(let record) {
                    // One damaged cable must not stop every trace: left out and audited.
                    damaged.append(record)
                }
            }
            for event in try self.reportTampering(damaged, found: officerID, during: .trace) { try self.appendAudit(event, db) }
            return .success((cables, damaged, try self.tracingKeys.all(db, keys: self.keys)))
        }
        let (cables, damaged, keys) = try outcome.get()
        return TracingMaterial(key: keys[keys.keys.max() ?? 1]!, keys: keys, profile: profile, cables: cables, damaged: damaged)
    }

    // MARK: Opening sealed rows

    /// The original's text, after its seal and its post's signature are checked.
    func openCable(_ row: SQLRow, _ db: any SQLConnection) throws -> [UInt8] {
        let id = String(decoding: (row["id"]).bytes, as: UTF8.self)
        do {
            let binding = try binding(row)
            return try openCable(
                binding: binding, sealed: SealedRecord(wrappedKey: Array(row["wrappedKey"] as Data), content: Array(row["sealedText"] as Data)),
                signature: Array(row["signature"] as Data), publicKey: try publicKey(of: binding.post, db))
        } catch {
            throw StoreError.tampered("cable \(id)")
        }
    }

    /// The same without the database: sealed text, signature and the post's public key in hand.
    func openCable(binding: CableBinding, sealed: SealedRecord, signature: [UInt8], publicKey: PostPublicKeys) throws -> [UInt8] {
        do {
            let text = try Seal.open(sealed, record: binding.record("cable"), keys: keys)
            try publicKey.verify(signature, of: binding.signed(text), record: binding.post)
            return text
        } catch {
            throw StoreError.tampered("cable \(binding.id)")
        }
    }

    func openCopy(_ row: SQLRow, binding: CableBinding, post: String, _ db: any SQLConnection) throws -> [UInt8] {
        let reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
        guard let copy = SealedCopy(row) else { throw StoreError.tampered("the copy of cable \(binding.id) for \(reader)") }
        return try openCopy(copy, binding: binding, publicKey: try publicKey(of: post, db))
    }

    /// The same without the database.
    func openCopy(_ copy: SealedCopy, binding: CableBinding, publicKey: PostPublicKeys) throws -> [UInt8] {
        do {
            let record = binding.copyRecord(reader: copy.reader)
            let text = try Seal.open(copy.sealed, record: record, keys: keys)
            try publicKey.verify(copy.signature, of: Array(record.utf8) + [0] + text, record: binding.post)
            return text
        } catch {
            throw StoreError.tampered("the copy of cable \(binding.id) for \(copy.reader)")
        }
    }

    /// Every public key the post has had, by version: its current one, and those before a rotation.
    func publicKey(of post: String, _ db: any SQLConnection) throws -> PostPublicKeys {
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT publicKey, version FROM postKey WHERE post = ?", arguments: [post]) else {
            throw StoreError.tampered("the signing key of \(post)")
        }
        var keys = [row["version"] as Int: Array(row["publicKey"] as Data)]
        if keys[1] == nil {
            for older in try SQLRow.fetchAll(db, sql: "SELECT version, publicKey FROM postKeyVersion WHERE post = ?", arguments: [post]) {
                let version: Int = older["version"]
                if keys[version] == nil { keys[version] = Array(older["publicKey"] as Data) }
            }
        }
        return PostPublicKeys(keys)
    }

    /// The plain columns every seal of the cable is bound to, exactly as stored.
    func binding(_ row: SQLRow) throws -> CableBinding {
        CableBinding(
            id: String(decoding: (row["id"]).bytes, as: UTF8.self),
            classification: String(decoding: (row["classification"]).bytes, as: UTF8.self),
            caveats: String(decoding: (row["caveats"]).bytes, as: UTF8.self),
            archive: String(decoding: (row["archive"]).bytes, as: UTF8.self),
            post: String(decoding: (row["post"]).bytes, as: UTF8.self),
            drafter: String(decoding: (row["drafter"]).bytes, as: UTF8.self))
    }

    static func caveats(_ value: SQLValue) -> [Caveat] {
        String(decoding: value.bytes, as: UTF8.self).split(separator: ",").map { Caveat(rawValue: String($0)) }
    }
}

/// A recipient's sealed copy as stored.
struct SealedCopy: Sendable {
    var reader: String
    var sealed: SealedRecord
    var signature: [UInt8]

    init?(_ row: SQLRow) {
        guard let wrapped = (row["wrappedKey"] as SQLValue).blobBytes, let content = (row["sealedText"] as SQLValue).blobBytes,
            let signature = (row["signature"] as SQLValue).blobBytes
        else { return nil }
        reader = String(decoding: (row["reader"]).bytes, as: UTF8.self)
        sealed = SealedRecord(wrappedKey: wrapped, content: content)
        self.signature = signature
    }
}

/// The plain columns a cable's seals and signatures are bound to: change one and nothing opens.
struct CableBinding: Sendable {
    var id: String
    var classification: String
    var caveats: String
    var archive: String
    var post: String
    var drafter: String

    func record(_ kind: String) -> String {
        [kind, id, classification, caveats, archive, post, drafter].joined(separator: "|")
    }

    func signed(_ text: [UInt8]) -> [UInt8] {
        Array(record("signed").utf8) + [0] + text
    }

    func copyRecord(reader: String) -> String {
        ["copy", id, reader, classification, caveats, archive, post, drafter].joined(separator: "|")
    }
}

/// Statement arguments from a list of values of mixed types.

extension SealedStore {
    /// The `date` column of a cable's envelope: its day (`2009-11-04`), or its reference ID's year
    /// when the cable has no date-time group.
    package static func envelopeDate(of cable: Cable, id: ReferenceID) -> String {
        cable.dateTimeGroup?.calendarDay.iso8601 ?? String(format: "%04d", id.year)
    }
}
