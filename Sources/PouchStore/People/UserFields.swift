import Foundation
import PouchCore

/// Reading a user's fields as people type them (on the command line, in a CSV file, in a form).
public enum UserFields {
    /// `unclassified`, `confidential`, `secret`, `top-secret` / `top secret` / `TS`, any case.
    public static func clearance(_ text: String) -> Classification? {
        switch text.lowercased().filter({ $0.isLetter }) {
        case "u", "unclas", "unclassified": .unclassified
        case "c", "confidential": .confidential
        case "s", "secret": .secret
        case "ts", "topsecret": .topSecret
        default: nil
        }
    }

    /// Caveat accesses, separated by commas, semicolons or spaces: `NOFORN,EXDIS`. NOFORN means
    /// the person is a citizen; the other captions are explicit grants.
    public static func caveats(_ text: String) throws(StoreError) -> (citizen: Bool, grants: Set<Caveat>) {
        var citizen = false
        var grants: Set<Caveat> = []
        for word in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) {
            let caveat = Caveat(rawValue: String(word))
            switch caveat {
            case .noforn: citizen = true
            case .exdis, .nodis, .limdis, .stadis: grants.insert(caveat)
            default: throw StoreError.invalid("'\(word)' is not a caveat access (NOFORN, EXDIS, NODIS, LIMDIS, STADIS)")
            }
        }
        return (citizen, grants)
    }

    /// Roles separated by commas, semicolons or spaces: `drafter,reader`.
    public static func roles(_ text: String) throws(StoreError) -> Set<Role> {
        var roles: Set<Role> = []
        for word in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) {
            guard let role = Role(rawValue: word.lowercased()) ?? (word.lowercased() == "officer" ? .securityOfficer : nil) else {
                throw StoreError.invalid("'\(word)' is not a role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            roles.insert(role)
        }
        return roles
    }

    /// A user ID: letters, digits, `.`, `_`, `-` and `@`, 1 to 64 characters.
    /// A person from the fields every front end takes (command line, CSV, web form, JSON API):
    /// trimmed, the post upper-cased, no roles meaning `reader`; each problem named.
    public static func reader(id: String, name: String, post: String, clearance: String, caveats: String, roles: String) throws(StoreError) -> Reader
    {
        let id = id.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        let post = post.trimmingCharacters(in: .whitespaces)
        guard isValidID(id) else { throw StoreError.invalid("'\(id)' is not a valid user ID (letters, digits, . _ - @)") }
        guard !name.isEmpty else { throw StoreError.invalid("user \(id) has no name") }
        guard !post.isEmpty else { throw StoreError.invalid("user \(id) has no post") }
        guard let level = self.clearance(clearance) else {
            throw StoreError.invalid("'\(clearance)' is not a clearance (unclassified, confidential, secret, top-secret)")
        }
        let access = try self.caveats(caveats)
        let roleSet = try self.roles(roles)
        return Reader(
            id: id, name: name, post: post.uppercased(), roles: roleSet.isEmpty ? [.reader] : roleSet,
            clearance: level, citizen: access.citizen, grants: access.grants)
    }

    /// A person's fields in the words `reader(id:name:post:clearance:caveats:roles:)` reads, so a
    /// change can start from what is stored: (clearance, caveats, roles).
    public static func text(of reader: Reader) -> (clearance: String, caveats: String, roles: String) {
        (
            reader.clearance.word.lowercased().replacingOccurrences(of: " ", with: "-"),
            ((reader.citizen ? ["NOFORN"] : []) + reader.grants.map(\.rawValue).sorted()).joined(separator: ","),
            reader.roles.map(\.rawValue).sorted().joined(separator: ",")
        )
    }

    /// `before` with the fields given changed and the others kept; caveats `none` (or empty) clears them.
    public static func updating(
        _ before: Reader, name: String? = nil, post: String? = nil, clearance: String? = nil,
        caveats: String? = nil, roles: String? = nil
    ) throws(StoreError) -> Reader {
        let old = text(of: before)
        return try reader(
            id: before.id, name: name ?? before.name, post: post ?? before.post, clearance: clearance ?? old.clearance,
            caveats: caveats.map { $0.lowercased() == "none" ? "" : $0 } ?? old.caveats, roles: roles ?? old.roles)
    }

    /// What changed between two versions of a person, field by field ("clearance SECRET → CONFIDENTIAL").
    public static func changes(from before: Reader, to after: Reader) -> [String] {
        let old = text(of: before)
        let new = text(of: after)
        var changes: [String] = []
        if before.name != after.name { changes.append("name \(before.name) → \(after.name)") }
        if before.post != after.post { changes.append("post \(before.post) → \(after.post)") }
        if old.clearance != new.clearance { changes.append("clearance \(before.clearance.word) → \(after.clearance.word)") }
        if old.caveats != new.caveats {
            changes.append("caveats \(old.caveats.isEmpty ? "none" : old.caveats) → \(new.caveats.isEmpty ? "none" : new.caveats)")
        }
        if old.roles != new.roles { changes.append("roles \(old.roles) → \(new.roles)") }
        return changes
    }

    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }
    }
}

/// Reads a users file: a header line naming the columns (`id`, `name`, `post`, `clearance`,
/// optional `caveats`, `roles`), then one user per line. Fields may be quoted (RFC 4180) so a
/// name can hold a comma; list fields separate their items with `;` or spaces (or commas inside quotes).
///
/// ```
/// id,name,post,clearance,caveats,roles
/// anne,"Patterson, Anne",ISLAMABAD,secret,NOFORN;EXDIS,drafter;reader
/// ```
public enum UserCSV {
    public static func parse(_ text: String, file: String) throws(StoreError) -> [Reader] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var header: [String]?
        var users: [Reader] = []
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            let number = index + 1
            func fail(_ message: String) -> StoreError { StoreError.invalid("\(file):\(number): \(message)") }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields: [String]
            do { fields = try split(line) } catch { throw fail(error.description) }
            guard let columns = header else {
                let names = fields.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
                for required in ["id", "name", "post", "clearance"] where !names.contains(required) {
                    throw fail(
                        "the header line must name the columns id, name, post, clearance (and may add caveats, roles); '\(required)' is missing")
                }
                for name in names where !["id", "name", "post", "clearance", "caveats", "roles"].contains(name) {
                    throw fail("unknown column '\(name)'")
                }
                header = names
                continue
            }
            guard fields.count == columns.count else { throw fail("\(fields.count) fields, but the header names \(columns.count) columns") }
            var value: [String: String] = [:]
            for (name, field) in zip(columns, fields) { value[name] = field.trimmingCharacters(in: .whitespaces) }
            let id = value["id"]!
            guard UserFields.isValidID(id) else { throw fail("'\(id)' is not a valid user ID (letters, digits, . _ - @)") }
            if let first = seen[id] { throw fail("user \(id) is already on line \(first)") }
            seen[id] = number
            do {
                users.append(
                    try UserFields.reader(
                        id: id, name: value["name"] ?? "", post: value["post"] ?? "", clearance: value["clearance"] ?? "",
                        caveats: value["caveats"] ?? "", roles: value["roles"] ?? "reader"))
            } catch {
                throw fail(error.description)
            }
        }
        guard header != nil else { throw StoreError.invalid("\(file):1: the file is empty (it needs a header line and users)") }
        return users
    }

    /// Splits one CSV line (RFC 4180 quoting; no line breaks inside quotes).
    static func split(_ line: Substring) throws(StoreError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var index = line.startIndex
        var fieldStart = true
        while index < line.endIndex {
            let character = line[index]
            if quoted {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && fieldStart {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
                fieldStart = true
                index = line.index(after: index)
                continue
            } else {
                current.append(character)
            }
            fieldStart = false
            index = line.index(after: index)
        }
        guard !quoted else { throw StoreError.invalid("a quoted field is not closed") }
        fields.append(current)
        return fields
    }
}
