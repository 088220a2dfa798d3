import Foundation
import PouchCore

/// Recipients and their symbols in every slot of every cable a tracer knows.
public struct RecipientCodes: Sendable {
    public let recipients: [String]
    /// `symbols[cable][recipient][slot]`.
    public let symbols: [[[UInt8]]]
}
