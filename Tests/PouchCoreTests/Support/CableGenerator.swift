import PouchTestSupport

@testable import PouchCore

/// Random cables within the canonical form's domain: trimmed single-spaced text, paragraphs
/// that do not begin like a number or a mark, and so on (see `CableRenderer`).
struct CableGenerator {
    var random: SplitMix

    static let words = [
        "the", "ambassador", "said", "minister", "government", "would", "consider", "proposal", "regional", "security",
        "talks", "that", "embassy", "officials", "noted", "however", "election", "party", "leader", "told", "poloff",
        "in", "of", "and", "on", "with", "a", "new", "policy", "Pakistan's", "position", "president", "also", "replied",
        "responded", "cooperation", "nuclear", "energy", "agreement", "(NOTE:", "see", "reftel.)", "--", "2009,", "5.2",
        "percent", "\"we", "will", "not\"", "GOI", "MFA", "XXXXXXXXXXXX", "É", "Zürich", "naïve", "—", "’s",
    ]
    static let posts = ["ISLAMABAD", "NEW DELHI", "PARIS", "RIO DE JANEIRO", "BUENOS AIRES", "MOSCOW", "KABUL", "USEU BRUSSELS"]
    static let tags = ["PREL", "PGOV", "PTER", "MNUC", "ECON", "PHUM", "PK", "AF", "IN", "FR", "KNNP", "OVIP (RICE, CONDOLEEZZA)"]
    static let marks = ["U", "SBU", "C", "S", "S/NF", "C/NF", "TS"]

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func sentence(_ count: ClosedRange<Int>) -> String {
        var words: [String] = []
        for _ in 0..<int(count) { words.append(pick(Self.words)) }
        // Never start like a paragraph number, a mark or a bullet.
        return "Text " + words.joined(separator: " ") + "."
    }

    mutating func cable() -> Cable {
        let post = pick(Self.posts)
        let year = int(1966...2010)
        let serial = int(1...99999)
        var cable = Cable()
        cable.classification = pick(Classification.allCases)
        if chance(0.9) {
            cable.dateTimeGroup = DateTimeGroup(year: year, month: int(1...12), day: int(1...28), hour: int(0...23), minute: int(0...59))
            cable.precedence = pick([Precedence.flash, .immediate, .priority, .routine])
            if chance(0.3) { cable.infoPrecedence = pick([Precedence.priority, .routine]) }
        }
        if chance(0.9) {
            cable.origin = post == "USEU BRUSSELS" ? post : "AMEMBASSY \(post)"
            for _ in 0..<int(1...3) {
                cable.to.append(
                    Addressee(name: pick(["SECSTATE WASHDC", "AMEMBASSY LONDON", "NSC WASHDC"]), precedence: chance(0.5) ? .priority : nil))
            }
            for _ in 0..<int(0...4) {
                cable.info.append(
                    Addressee(name: pick(["AMEMBASSY KABUL", "CIA WASHDC", "AMCONSUL KARACHI"]), precedence: chance(0.3) ? .routine : nil))
            }
            if cable.precedence == .immediate, chance(0.2) {
                cable.precedence = .niactImmediate
                cable.to[0].precedence = .niactImmediate
            }
        }
        if chance(0.9) {
            cable.telegramNumber = TelegramNumber(post: post, serial: serial)
            cable.referenceID = ReferenceID(year: year, post: post, serial: serial)
        }
        if chance(0.4) { cable.sectionCount = int(2...12) }
        for caveat in Caveat.known where chance(0.2) { cable.caveats.append(caveat) }
        if chance(0.3) { cable.handling = ["STATE FOR SCA/A", "NSC FOR \(pick(["RICE", "JONES"]))"].prefix(int(1...2)).map { $0 } }
        if chance(0.9) {
            let declassification: Declassification = pick([
                .on(CalendarDay(year: year + 10, month: int(1...12), day: int(1...28))), .oadr, .notApplicable, .other("X1"),
            ])
            cable.executiveOrder = ExecutiveOrderLine(order: pick(["12958", "13526", "12356"]), declassification: declassification)
        }
        cable.tags = (0..<int(1...5)).map { _ in pick(Self.tags) }
        cable.subject = sentence(2...12).uppercased()
        if chance(0.5) {
            let lettered = chance(0.6)
            cable.references = (0..<int(1...4)).enumerated().map { index, _ in
                Reference(
                    label: lettered ? String(UnicodeScalar(UInt8(65 + index))) : nil, text: "\(pick(["09 ", ""]))\(pick(Self.posts)) \(int(1...9999))"
                )
            }
            if !lettered { cable.references = Array(cable.references.prefix(1)) }
        }
        if chance(0.8) {
            let letters = Array("abcdefgh").filter { _ in chance(0.4) }
            cable.authority = ClassificationAuthority(
                classifiedBy: pick(["Ambassador Anne W. Patterson", "A/PolCouns Jon Dorschner", "DCM Gerald M. Feierstein"]),
                section: pick(["1.4", "1.5"]), reasons: letters.isEmpty ? ["b"] : letters)
        }
        var number = 0
        for _ in 0..<int(1...12) {
            var lines = [sentence(3...60)]
            for _ in 0..<int(0...2) where chance(0.3) { lines.append("-- " + sentence(2...15)) }
            if chance(0.85) {
                number += 1
                cable.paragraphs.append(
                    Paragraph(number: number, mark: chance(0.8) ? PortionMark(pick(Self.marks)) : nil, text: lines.joined(separator: "\n")))
            } else {
                cable.paragraphs.append(
                    Paragraph(number: nil, mark: chance(0.3) ? PortionMark(pick(Self.marks)) : nil, text: lines.joined(separator: "\n")))
            }
        }
        if chance(0.5) { cable.signature = pick(["PATTERSON", "MULFORD", "RICE", "BEYRLE"]) }
        return cable
    }
}
