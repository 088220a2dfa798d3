import Foundation
import PouchCore

/// How well parsed cables agree with an archive's ground truth, field by field.
public struct Agreement: Sendable {
    /// One compared field: how many cables agreed out of how many compared.
    public struct Field: Sendable {
        public var name: String
        public var agreed: Int
        public var compared: Int
        /// The reference IDs that disagreed, for diagnosis.
        public var disagreements: [String]

        public var rate: Double { compared == 0 ? 0 : Double(agreed) / Double(compared) }
    }

    public var fields: [Field]
    public var parsed: Int
    public var failed: [String: String]
    /// How many reference IDs needed the file name for their year.
    public var referenceYearsFromFileName: Int

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// Compares each parsed document with its ground-truth record (keyed by file stem).
    public static func measure(documents: [String: Result<CableDocument, CableParseError>], truth: [String: GroundTruth]) -> Agreement {
        let names = ["classification+noforn", "classification", "noforn", "refid", "origin", "date±1d"]
        var fields = names.map { Field(name: $0, agreed: 0, compared: 0, disagreements: []) }
        var failed: [String: String] = [:]
        var parsed = 0
        var fromFileName = 0
        for (stem, expected) in truth.sorted(by: { $0.key < $1.key }) {
            guard let result = documents[stem] else { continue }
            var outcomes = Array(repeating: false, count: names.count)
            switch result {
            case .failure(let error):
                failed[stem] = error.description
            case .success(let document):
                parsed += 1
                let cable = document.cable
                if document.referenceYearFromFileName { fromFileName += 1 }
                let classOK = cable.classification.word == expected.classificationWord
                let nofornOK = cable.isNoforn == expected.isNoforn
                let originName = cable.origin.map { Post(fmLine: $0).displayName } ?? ""
                var dateOK = false
                // Within one day: the calendar days (UTC) differ by at most one.
                if let parsed = document.date, let parsedDay = parsed.date, let truthDate = expected.createdDate {
                    let days =
                        Calendar.utcGregorian.dateComponents(
                            [.day], from: Calendar.utcGregorian.startOfDay(for: parsedDay),
                            to: Calendar.utcGregorian.startOfDay(for: truthDate)
                        ).day ?? 99
                    dateOK = abs(days) <= 1
                }
                outcomes = [
                    classOK && nofornOK, classOK, nofornOK,
                    cable.referenceID?.description == expected.refid,
                    originName.lowercased() == expected.origin.lowercased(),
                    dateOK,
                ]
            }
            for index in fields.indices {
                fields[index].compared += 1
                if outcomes[index] { fields[index].agreed += 1 } else { fields[index].disagreements.append(stem) }
            }
        }
        return Agreement(fields: fields, parsed: parsed, failed: failed, referenceYearsFromFileName: fromFileName)
    }
}

extension Calendar {
    static let utcGregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
