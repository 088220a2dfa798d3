/// Checks a cable against the rules of the telegram format.
///
/// - The banner is at least the highest portion mark, and carries every portion's NOFORN.
/// - Every paragraph of a classified cable carries a portion mark.
/// - A classified cable names who classified it and a reason from 1.4 (a)–(h).
/// - A classified cable has an E.O. line whose declassification date lies after the cable's date.
/// - TAGS are present and well-formed.
/// - The reference ID agrees with the year, the post and the telegram number.
public struct CableLinter: Sendable {
    public init() {}

    public func lint(_ document: CableDocument) -> [Diagnostic] {
        let cable = document.cable
        let map = document.sourceMap
        let top = map.banner ?? SourceLocation(line: 1)
        var found: [Diagnostic] = []
        func error(_ rule: String, _ location: SourceLocation?, _ message: String) {
            found.append(Diagnostic(.error, rule, at: location ?? top, message))
        }
        func warning(_ rule: String, _ location: SourceLocation?, _ message: String) {
            found.append(Diagnostic(.warning, rule, at: location ?? top, message))
        }
        func paragraphLocation(_ index: Int) -> SourceLocation? {
            index < map.paragraphs.count ? map.paragraphs[index] : nil
        }
        func paragraphName(_ index: Int) -> String {
            cable.paragraphs[index].number.map { "paragraph \($0)" } ?? "unnumbered paragraph"
        }

        // Banner against portion marks.
        for (index, paragraph) in cable.paragraphs.enumerated() {
            guard let mark = paragraph.mark else { continue }
            if mark.level > cable.classification {
                error(
                    "banner-below-portion", paragraphLocation(index),
                    "\(paragraphName(index)) is marked \(mark) but the banner says \(cable.classification.word)")
            }
            if mark.isNoforn, !cable.isNoforn {
                error(
                    "banner-missing-noforn", paragraphLocation(index),
                    "\(paragraphName(index)) is marked \(mark) but the banner does not carry NOFORN")
            }
        }

        // Portion marks on every paragraph of a classified cable.
        if cable.isClassified, !hasEntireTextStatement(cable) {
            let numbered = cable.paragraphs.contains { $0.number != nil }
            for (index, paragraph) in cable.paragraphs.enumerated() where paragraph.mark == nil {
                let isText = paragraph.number != nil || (!numbered && paragraph.text.split(separator: " ").count > 12)
                if isText {
                    error(
                        "missing-portion-mark", paragraphLocation(index),
                        "\(paragraphName(index)) of a \(cable.classification.word) cable has no portion mark such as (U), (C) or (S)")
                }
            }
        }

        // Classification authority.
        if cable.isClassified {
            if let authority = cable.authority {
                if authority.classifiedBy.isEmpty {
                    error("missing-classifier", map.authority, "the 'Classified By' line does not name who classified the cable")
                }
                if authority.reasons.isEmpty {
                    error("missing-reason", map.authority, "the 'Classified By' line gives no reason from 1.4 (a)–(h)")
                }
                for reason in authority.reasons where !("a"..."h").contains(reason) {
                    error("invalid-reason", map.authority, "reason (\(reason)) is not one of 1.4 (a)–(h)")
                }
                if authority.section != "1.4" && authority.section != "1.5" {
                    error("invalid-reason", map.authority, "reasons cite section \(authority.section); classification reasons are in section 1.4")
                }
            } else {
                error(
                    "missing-classifier", map.banner,
                    "a \(cable.classification.word) cable must say who classified it: 'Classified By: NAME, TITLE for reasons 1.4 (b) and (d)'")
            }
        }

        // Declassification.
        if cable.isClassified {
            switch cable.executiveOrder?.declassification {
            case nil:
                error(
                    "missing-declassification", map.banner,
                    "a \(cable.classification.word) cable needs an E.O. line with a declassification date ('E.O. 13526: DECL: MM/DD/YYYY')")
            case .notApplicable?:
                error(
                    "missing-declassification", map.executiveOrder, "a \(cable.classification.word) cable cannot be declassified 'N/A'; give a date")
            case .on(let day)?:
                if let date = cable.dateTimeGroup {
                    let sent = CalendarDay(year: date.year, month: date.month, day: date.day)
                    if day <= sent {
                        error(
                            "declassification-before-date", map.executiveOrder,
                            "declassification date \(day.usFormat) is not after the cable's date \(sent.usFormat)")
                    } else if day.year - sent.year > 25 {
                        warning(
                            "declassification-too-late", map.executiveOrder,
                            "declassification date \(day.usFormat) is more than 25 years after the cable's date")
                    }
                }
            case .oadr?, .other?:
                break
            }
        }

        // TAGS.
        if cable.tags.isEmpty {
            error("missing-tags", map.tags ?? map.subject, "the cable has no TAGS (subject codes such as PREL and country codes such as PK)")
        }
        var seen: Set<String> = []
        for tag in cable.tags {
            if !isWellFormedTag(tag) {
                error(
                    "malformed-tag", map.tags,
                    "TAG '\(tag)' is not well-formed: TAGS are 2 to 6 upper-case letters or digits, optionally followed by a name in parentheses")
            }
            if !seen.insert(tag).inserted {
                warning("duplicate-tag", map.tags, "TAG '\(tag)' appears more than once")
            }
        }
        if cable.subject.trimmingWhitespace().isEmpty {
            error("missing-subject", map.subject ?? map.banner, "the cable has no SUBJECT")
        }

        // Reference ID against year, post and serial.
        if let id = cable.referenceID {
            let where_ = map.referenceID ?? map.banner
            if let number = cable.telegramNumber {
                if ReferenceID.compactPost(number.post) != id.post {
                    error("reference-id-mismatch", where_, "reference ID \(id) names post \(id.post) but the banner's telegram number is \(number)")
                }
                if number.serial != id.serial {
                    error("reference-id-mismatch", where_, "reference ID \(id) has serial \(id.serial) but the banner's telegram number is \(number)")
                }
            }
            if let dtg = cable.dateTimeGroup, dtg.year != id.year {
                error("reference-id-mismatch", where_, "reference ID \(id) is from \(id.year) but the cable is dated \(dtg.year)")
            }
            if let origin = cable.origin, !document.originInferred, !originMatches(Post(fmLine: origin), id.post) {
                error("reference-id-mismatch", map.origin ?? where_, "reference ID \(id) names post \(id.post) but the cable is from \(origin)")
            }
            if let name = document.fileName, let fromName = referenceIDInFileName(name), fromName != id {
                error("reference-id-mismatch", where_, "the file is named for \(fromName) but holds cable \(id)")
            }
        }
        return found.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// `1. SECRET - ENTIRE TEXT.`: the old way to mark every paragraph at once.
    func hasEntireTextStatement(_ cable: Cable) -> Bool {
        guard let first = cable.paragraphs.first(where: { $0.number != nil }) ?? cable.paragraphs.first else { return false }
        return first.text.uppercased().contains("ENTIRE TEXT")
    }

    func isWellFormedTag(_ tag: String) -> Bool {
        var code = Substring(tag)
        if let open = tag.firstIndex(of: "(") {
            guard tag.hasSuffix(")") else { return false }
            code = tag[..<open].trimmingWhitespace()
        }
        return (2...6).contains(code.count) && code.allSatisfy { ($0.isLetter && $0.isUppercase || $0.isNumber) && $0.isASCII }
            && code.first!.isLetter
    }

    func originMatches(_ post: Post, _ referencePost: String) -> Bool {
        let fromOrigin = post.referencePost
        return fromOrigin == referencePost || fromOrigin.hasSuffix(referencePost) || referencePost.hasSuffix(fromOrigin)
            || fromOrigin.hasPrefix(referencePost) || referencePost.hasPrefix(fromOrigin)
    }

    func referenceIDInFileName(_ path: String) -> ReferenceID? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        guard stem.count >= 5, stem.prefix(2).allSatisfy(\.isNumber) else { return nil }
        return ReferenceID(stem)
    }
}
