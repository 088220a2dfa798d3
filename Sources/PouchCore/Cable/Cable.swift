/// A diplomatic cable, modelled as diplomats write it.
///
/// The layout follows the State Department telegram: a routing block (precedence and
/// date-time group, FM, TO, INFO), the classification banner with the telegram number,
/// handling captions and passing lines, the E.O. line, TAGS, SUBJECT, REF, the
/// "Classified By" line, and portion-marked numbered paragraphs.
public struct Cable: Sendable, Hashable, Codable {
    /// `09ISLAMABAD2295`, when known (derived from the year and telegram number, or given).
    public var referenceID: ReferenceID?
    /// The date-time group of transmission.
    public var dateTimeGroup: DateTimeGroup?
    /// The precedence of the action addressees.
    public var precedence: Precedence?
    /// The precedence of the info addressees, when the DTG line gives a second prosign.
    public var infoPrecedence: Precedence?
    /// The FM line: `AMEMBASSY ISLAMABAD`.
    public var origin: String?
    public var to: [Addressee]
    public var info: [Addressee]
    public var classification: Classification
    /// Handling captions and dissemination controls, in the order written, without repeats.
    public var caveats: [Caveat]
    /// The originator's telegram number on the banner line: `ISLAMABAD 002295`.
    public var telegramNumber: TelegramNumber?
    /// `SECTION 01 OF 08` → 8; nil for a single-section cable.
    public var sectionCount: Int?
    /// Passing and office lines between the banner and the E.O. line: `STATE FOR INR/B`.
    public var handling: [String]
    public var executiveOrder: ExecutiveOrderLine?
    /// Subject and country TAGS: `PREL`, `PGOV`, `PK`.
    public var tags: [String]
    public var subject: String
    public var references: [Reference]
    public var authority: ClassificationAuthority?
    public var paragraphs: [Paragraph]
    /// The drafter's or chief of mission's name at the foot of the cable: `PATTERSON`.
    public var signature: String?

    public init(
        referenceID: ReferenceID? = nil,
        dateTimeGroup: DateTimeGroup? = nil,
        precedence: Precedence? = nil,
        infoPrecedence: Precedence? = nil,
        origin: String? = nil,
        to: [Addressee] = [],
        info: [Addressee] = [],
        classification: Classification = .unclassified,
        caveats: [Caveat] = [],
        telegramNumber: TelegramNumber? = nil,
        sectionCount: Int? = nil,
        handling: [String] = [],
        executiveOrder: ExecutiveOrderLine? = nil,
        tags: [String] = [],
        subject: String = "",
        references: [Reference] = [],
        authority: ClassificationAuthority? = nil,
        paragraphs: [Paragraph] = [],
        signature: String? = nil
    ) {
        self.referenceID = referenceID
        self.dateTimeGroup = dateTimeGroup
        self.precedence = precedence
        self.infoPrecedence = infoPrecedence
        self.origin = origin
        self.to = to
        self.info = info
        self.classification = classification
        self.caveats = caveats
        self.telegramNumber = telegramNumber
        self.sectionCount = sectionCount
        self.handling = handling
        self.executiveOrder = executiveOrder
        self.tags = tags
        self.subject = subject
        self.references = references
        self.authority = authority
        self.paragraphs = paragraphs
        self.signature = signature
    }

    /// Whether the cable is above UNCLASSIFIED.
    public var isClassified: Bool { classification > .unclassified }

    /// Whether NOFORN is among the captions.
    public var isNoforn: Bool { caveats.contains(.noforn) }

    /// The highest level any portion mark claims.
    public var highestPortionLevel: Classification? {
        paragraphs.compactMap(\.mark?.level).max()
    }

    /// The paragraphs' text joined as the cable's body.
    public var bodyText: String {
        paragraphs.map(\.text).joined(separator: "\n\n")
    }

    /// The number of words in the body.
    public var wordCount: Int {
        var count = 0
        for paragraph in paragraphs {
            count += paragraph.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
        return count
    }
}

/// The originator's channel and serial on the banner line: `NEW DELHI 005135`.
public struct TelegramNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The post as the banner spells it: `NEW DELHI`, `STATE`, `USEU BRUSSELS`.
    public var post: String
    public var serial: Int

    public init(post: String, serial: Int) {
        self.post = post
        self.serial = serial
    }

    /// The serials a post's telegrams carry in a year: one to six digits.
    public static let serialRange = 1...999_999

    /// `NEW DELHI 005135`.
    public var description: String {
        let digits = String(serial)
        return "\(post) \(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }
}
