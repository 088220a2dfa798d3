/// The executive-order line: `E.O. 12958: DECL: 02/22/2011`.
public struct ExecutiveOrderLine: Sendable, Hashable, Codable {
    /// The order number, e.g. `12958`, `13526`, `12356`.
    public var order: String
    public var declassification: Declassification

    public init(order: String, declassification: Declassification) {
        self.order = order
        self.declassification = declassification
    }
}

/// When a cable may be declassified.
public enum Declassification: Sendable, Hashable, Codable {
    /// On a calendar day.
    case on(CalendarDay)
    /// "Originating agency's determination required" (older cables).
    case oadr
    /// `N/A`: unclassified traffic.
    case notApplicable
    /// Any other marking kept verbatim (`X1`, `25X1-HUMAN`).
    case other(String)

    /// The day, when there is one.
    public var day: CalendarDay? {
        if case .on(let day) = self { return day }
        return nil
    }
}
