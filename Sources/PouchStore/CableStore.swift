import PouchCore

/// Where Pouch keeps people and cables. Implementations: SQLite (GRDB) now, PostgreSQL later;
/// callers see only this protocol. Every read applies `AccessPolicy`; a cable a person may not
/// read and a cable that does not exist give the same error.
public protocol CableStore: Sendable {
    func addReader(_ reader: Reader) async throws
    func reader(id: String) async throws -> Reader?
    func readers() async throws -> [Reader]
    /// Stores a cable sealed and signed by its post, with who may read it.
    func put(_ cable: Cable, distribution: Distribution) async throws
    /// The cable, if `readerID` may read it; otherwise `StoreError.noSuchCable`.
    func cable(_ referenceID: ReferenceID, as readerID: String) async throws -> Cable
    /// The reference IDs the person may read.
    func list(as readerID: String) async throws -> [ReferenceID]
}

/// What a store reports to its callers. Messages never contain cable text or key material.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such cable — or one the person may not read: the two must look the same.
    case noSuchCable(String)
    case noSuchReader(String)
    case duplicate(String)
    case wrongPassphrase
    case notAStore(String)
    case alreadyExists(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .noSuchCable(let id): "no such cable: \(id)"
        case .noSuchReader(let id): "no such user: \(id)"
        case .duplicate(let what): "\(what) already exists"
        case .wrongPassphrase: "wrong passphrase or key for this store"
        case .notAStore(let path): "\(path) is not a Pouch store (run 'pouch init' first)"
        case .alreadyExists(let path): "\(path) already holds a Pouch store"
        case .invalid(let message): message
        }
    }
}
