import Foundation
import Testing

@testable import PouchCore

@Suite("Drafting a cable from a typed draft")
struct DraftTests {
    static let draft = """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC IMMEDIATE
        Info: AMEMBASSY KABUL, AMEMBASSY NEW DELHI
        Classification: SECRET//NOFORN
        Caveats: SIPDIS
        Tags: PREL, PGOV, PK
        Subject: ZARDARI ON THE NEW CABINET
        Ref: A. STATE 12345; B. ISLAMABAD 2201
        Classified By: Ambassador Anne W. Patterson
        Reasons: 1.4 (b), (d)

        (C) Summary: President Zardari told the Ambassador
        that the cabinet would change. End summary.

        (S/NF) He said the army agreed:
        -- the corps commanders were consulted;
        -- the ISI chief was not.

        """
    static let now = DateTimeGroup(year: 2009, month: 11, day: 4, hour: 10, minute: 30)

    func parse(_ text: String = draft) throws(CableParseError) -> CableDocument {
        try DraftParser().parse(text: text, fileName: "draft.txt", defaults: .init(dateTimeGroup: Self.now, serial: 2295))
    }

    @Test("a draft becomes a complete cable")
    func complete() throws {
        let document = try parse()
        let cable = document.cable
        #expect(cable.referenceID?.description == "09ISLAMABAD2295")
        #expect(cable.telegramNumber?.description == "ISLAMABAD 002295")
        #expect(cable.origin == "AMEMBASSY ISLAMABAD")
        #expect(cable.to == [Addressee(name: "SECSTATE WASHDC", precedence: .immediate)])
        #expect(cable.info.map(\.name) == ["AMEMBASSY KABUL", "AMEMBASSY NEW DELHI"])
        #expect(cable.precedence == .immediate)
        #expect(cable.classification == .secret)
        #expect(cable.caveats == [.noforn, .sipdis])
        #expect(cable.tags == ["PREL", "PGOV", "PK"])
        #expect(cable.references == [Reference(label: "A", text: "STATE 12345"), Reference(label: "B", text: "ISLAMABAD 2201")])
        #expect(cable.authority == ClassificationAuthority(classifiedBy: "Ambassador Anne W. Patterson", section: "1.4", reasons: ["b", "d"]))
        #expect(cable.executiveOrder?.declassification == .on(CalendarDay(year: 2019, month: 11, day: 4)))
        #expect(cable.paragraphs.count == 2)
        #expect(
            cable.paragraphs[0]
                == Paragraph(
                    number: 1, mark: PortionMark("C"),
                    text: "Summary: President Zardari told the Ambassador that the cabinet would change. End summary."))
        #expect(cable.paragraphs[1].lines == ["He said the army agreed:", "-- the corps commanders were consulted;", "-- the ISI chief was not."])
        #expect(cable.spans.first?.kind == .summary)
        #expect(CableLinter().lint(document).isEmpty)
    }

    @Test("the drafted cable renders to canonical text that parses back identically")
    func roundTrip() throws {
        let cable = try parse().cable
        let text = CableRenderer().render(cable)
        #expect(try CableParser().parse(text: text).cable == cable)
    }

    @Test(
        "a Classified By line that carries its own reasons, as lint's message shows it, keeps them out of the name",
        arguments: [
            ("Classified By: Ambassador A. Khan for reasons 1.4 (b) and (d)", ["b", "d"]),
            ("Classified By: PolCouns Jon Dorschner, Reasons 1.4 (b, d)", ["b", "d"]),
            ("Classified By: Ambassador A. Khan for reasons 1.4 (b) and (d)\nReasons: 1.4 (c)", ["c"]),
        ])
    func inlineReasons(line: String, reasons: [String]) throws {
        let text = Self.draft.replacingOccurrences(of: "Classified By: Ambassador Anne W. Patterson\nReasons: 1.4 (b), (d)", with: line)
        let cable = try parse(text).cable
        let authority = try #require(cable.authority)
        #expect(!authority.classifiedBy.lowercased().contains("reason"), "\(authority.classifiedBy)")
        #expect(authority.reasons.map { String($0) } == reasons)
        let rendered = CableRenderer().render(cable)
        #expect(rendered.components(separatedBy: "1.4").count == 2, "\(rendered)")
    }

    @Test("lint errors point at the draft's own lines")
    func lintErrors() throws {
        let text = Self.draft.replacingFirst("(S/NF) He said", with: "He said").replacingFirst(
            "Classification: SECRET//NOFORN", with: "Classification: CONFIDENTIAL")
        let findings = CableLinter().lint(try parse(text))
        #expect(findings.map(\.description).contains("15:1: error: paragraph 2 of a CONFIDENTIAL cable has no portion mark such as (U), (C) or (S)"))
    }

    @Test(
        "bad header values are errors naming the line",
        arguments: [
            ("Classification: SECRETISH", 4, "SECRETISH"),
            ("Caveats: SIPDIS, FOO", 5, "FOO"),
        ])
    func badValues(replacement: String, line: Int, message: String) throws {
        let key = replacement.split(separator: ":")[0]
        let original = Self.draft.split(separator: "\n").first { $0.hasPrefix(key) }!
        let text = Self.draft.replacingFirst(String(original), with: replacement)
        let error = try #require(throwing { () throws(CableParseError) in try parse(text) })
        #expect(error.line == line)
        #expect(error.kind == .invalidValue)
        #expect(error.message.contains(message))
    }

    @Test("a draft without From or without text is refused")
    func missingParts() throws {
        let noFrom = Self.draft.replacingFirst("From: AMEMBASSY ISLAMABAD\n", with: "")
        #expect(throwing { () throws(CableParseError) in try parse(noFrom) }?.kind == .missingField)
        let headerOnly = String(Self.draft.prefix { $0 != "(" })
        #expect(throwing { () throws(CableParseError) in try parse(headerOnly) }?.kind == .noText)
    }

    @Test("drafts are recognised by their first line")
    func recognition() {
        #expect(DraftParser.looksLikeDraft(Self.draft))
        #expect(!DraftParser.looksLikeDraft(LintTests.valid))
    }
}
