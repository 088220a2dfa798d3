/// The flat JSON view of a parsed cable that `pouch cable parse --json` prints.
public struct CableRecord: Sendable, Codable, Hashable {
    public struct ParagraphRecord: Sendable, Codable, Hashable {
        public var number: Int?
        public var mark: String?
        public var text: String

        // Absent values are written as null, so every record has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(mark, forKey: .mark)
            try container.encode(text, forKey: .text)
        }
    }

    public struct ReferenceRecord: Sendable, Codable, Hashable {
        public var label: String?
        public var text: String
        /// The cable the reference names, when it names one.
        public var refid: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(text, forKey: .text)
            try container.encode(refid, forKey: .refid)
        }
    }

    public var file: String?
    public var refid: String?
    /// ISO 8601 in UTC.
    public var date: String?
    /// `dtg`, `page` or `declassification` (an estimate).
    public var dateSource: String?
    public var precedence: String?
    /// The FM line: `AMEMBASSY PRETORIA`.
    public var origin: String?
    /// The archive's name for the origin: `Embassy Pretoria`.
    public var originName: String?
    public var originInferred: Bool
    public var to: [String]
    public var info: [String]
    /// One of `UNCLASSIFIED`, `CONFIDENTIAL`, `SECRET`, `TOP SECRET`.
    public var classification: String
    public var caveats: [String]
    public var sectionCount: Int?
    public var handling: [String]
    public var tags: [String]
    public var subject: String
    public var refs: [ReferenceRecord]
    public var classifiedBy: String?
    public var reasons: [String]
    /// `YYYY-MM-DD`, `OADR`, `N/A` or the marking as written.
    public var declassifyOn: String?
    public var executiveOrder: String?
    public var paragraphs: [ParagraphRecord]
    public var signature: String?
    public var summary: String?
    public var wordCount: Int

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(refid, forKey: .refid)
        try container.encode(date, forKey: .date)
        try container.encode(dateSource, forKey: .dateSource)
        try container.encode(precedence, forKey: .precedence)
        try container.encode(origin, forKey: .origin)
        try container.encode(originName, forKey: .originName)
        try container.encode(originInferred, forKey: .originInferred)
        try container.encode(to, forKey: .to)
        try container.encode(info, forKey: .info)
        try container.encode(classification, forKey: .classification)
        try container.encode(caveats, forKey: .caveats)
        try container.encode(sectionCount, forKey: .sectionCount)
        try container.encode(handling, forKey: .handling)
        try container.encode(tags, forKey: .tags)
        try container.encode(subject, forKey: .subject)
        try container.encode(refs, forKey: .refs)
        try container.encode(classifiedBy, forKey: .classifiedBy)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(declassifyOn, forKey: .declassifyOn)
        try container.encode(executiveOrder, forKey: .executiveOrder)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(signature, forKey: .signature)
        try container.encode(summary, forKey: .summary)
        try container.encode(wordCount, forKey: .wordCount)
    }

    public init(_ document: CableDocument) {
        let cable = document.cable
        file = document.fileName
        refid = cable.referenceID?.description
        date = document.date?.iso8601
        dateSource = document.dateSource?.rawValue
        precedence = cable.precedence?.rawValue
        origin = cable.origin
        originName = cable.origin.map { Post(fmLine: $0).displayName }
        originInferred = document.originInferred
        to = cable.to.map(\.name)
        info = cable.info.map(\.name)
        classification = cable.classification.word
        caveats = cable.caveats.map(\.rawValue)
        sectionCount = cable.sectionCount
        handling = cable.handling
        tags = cable.tags
        subject = cable.subject
        let year = cable.referenceID?.year ?? cable.dateTimeGroup?.year
        refs = cable.references.map {
            ReferenceRecord(label: $0.label, text: $0.text, refid: $0.referenceID(citingYear: year)?.description)
        }
        classifiedBy = cable.authority?.classifiedBy
        reasons = cable.authority?.reasonCodes ?? []
        executiveOrder = cable.executiveOrder?.order
        switch cable.executiveOrder?.declassification {
        case .on(let day)?: declassifyOn = day.iso8601
        case .oadr?: declassifyOn = "OADR"
        case .notApplicable?: declassifyOn = "N/A"
        case .other(let text)?: declassifyOn = text
        case nil: declassifyOn = nil
        }
        paragraphs = cable.paragraphs.map { ParagraphRecord(number: $0.number, mark: $0.mark?.text, text: $0.text) }
        signature = cable.signature
        summary = cable.spans.first { $0.kind == .summary }?.text
        wordCount = cable.wordCount
    }
}
