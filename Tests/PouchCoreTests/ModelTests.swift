import Foundation
import Testing

@testable import PouchCore

@Suite("The cable model's parts")
struct ModelTests {
    @Test(
        "date-time groups",
        arguments: [
            ("231553Z FEB 01", "2001-02-23T15:53:00Z"), ("010000Z JAN 66", "1966-01-01T00:00:00Z"), ("311159Z DEC 09", "2009-12-31T11:59:00Z"),
        ])
    func dateTimeGroups(text: String, iso: String) throws {
        let dtg = try #require(DateTimeGroup(text))
        #expect(dtg.iso8601 == iso)
        #expect(dtg.description == text)
        // The day alone, and the day and time as pages show them, say the same instant.
        #expect(dtg.calendarDay.iso8601 == String(iso.prefix(10)))
        #expect(dtg.dayAndTime == String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + "Z")
    }

    @Test("impossible date-time groups are refused", arguments: ["310000Z FEB 01", "231560Z FEB 01", "23155Z FEB 01", "231553Z FOO 01"])
    func badDateTimeGroups(text: String) {
        #expect(DateTimeGroup(text) == nil)
    }

    @Test(
        "portion marks normalise",
        arguments: [
            ("S//NF", "S/NF", Classification.secret, true), ("C NF", "C/NF", .confidential, true), ("sbu", "SBU", .unclassified, false),
            ("TS", "TS", .topSecret, false), ("U", "U", .unclassified, false),
        ])
    func portionMarks(text: String, normal: String, level: Classification, noforn: Bool) throws {
        let mark = try #require(PortionMark(text))
        #expect(mark.text == normal)
        #expect(mark.level == level)
        #expect(mark.isNoforn == noforn)
    }

    @Test("parentheses that are not portion marks", arguments: ["1", "NOTE: see below", "AP", "b"])
    func notPortionMarks(text: String) {
        #expect(PortionMark(text) == nil)
    }

    @Test("reference IDs")
    func referenceIDs() throws {
        let id = try #require(ReferenceID("09ISLAMABAD2295"))
        #expect(id.year == 2009 && id.post == "ISLAMABAD" && id.serial == 2295)
        #expect(ReferenceID(year: 2006, post: "NEW DELHI", serial: 5135).description == "06NEWDELHI5135")
        #expect(ReferenceID("89PANAMA8545")?.year == 1989)
        #expect(ReferenceID("ISLAMABAD2295") == nil)
        #expect(ReferenceID("09ISLAMABAD") == nil)
    }

    @Test("classification words, spaced and damaged")
    func classificationWords() {
        #expect(Classification(word: "S E C R E T") == .secret)
        #expect(Classification(word: "Top Secret") == .topSecret)
        #expect(Classification(word: "UNCLAS") == .unclassified)
        #expect(Classification(damagedWord: "ECRET") == .secret)
        #expect(Classification(damagedWord: "SSECRET") == .secret)
        #expect(Classification(damagedWord: "CONFIDENTAL") == .confidential)
        #expect(Classification(damagedWord: "SECRETARY") == nil)
    }

    @Test("routing lines become addressees")
    func addressees() {
        #expect(Addressee(routingLine: "RUEHBUL/AMEMBASSY KABUL PRIORITY 3164") == Addressee(name: "AMEMBASSY KABUL", precedence: .priority))
        #expect(
            Addressee(routingLine: "RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 0001") == Addressee(name: "SECSTATE WASHDC", precedence: .niactImmediate))
        #expect(Addressee(routingLine: "RHMFISS/HQ USCENTCOM MACDILL AFB FL") == Addressee(name: "HQ USCENTCOM MACDILL AFB FL"))
    }

    @Test(
        "classification authority lines",
        arguments: [
            ("Classified By: A/PolCouns Jon Dorschner for Reasons 1.4 (B, D)", "A/PolCouns Jon Dorschner", "1.4", "bd"),
            ("CLASSIFIED BY AMBASSADOR DELANO E. LEWIS. REASONS 1.5 (B) AND (D).", "AMBASSADOR DELANO E. LEWIS", "1.5", "bd"),
            ("Classified By: Deputy Chief of Mission Philip Chicola, reasons 1.4 (b & d)", "Deputy Chief of Mission Philip Chicola", "1.4", "bd"),
            ("Classified By: NEA Acting A/S Jeffrey Feltman: Reasons 1.4 (b,d)", "NEA Acting A/S Jeffrey Feltman", "1.4", "bd"),
            ("Classified By: ESTOff Trevor Evans for reasons 1.4 (d) and (e):", "ESTOff Trevor Evans", "1.4", "de"),
            ("Classified By: Charge d'Affaires J. Robert Manzanares, reasons 1.4(B) and (D).", "Charge d'Affaires J. Robert Manzanares", "1.4", "bd"),
            ("Classified By: CDA NABEEL KHOURY, FOR REASONS 1.4 (B) AND (D).", "CDA NABEEL KHOURY", "1.4", "bd"),
            ("Classified By: Amb. Eduardo A. Aguirre Jr. Reasons 1.4 (a), (b), (c) and (h)", "Amb. Eduardo A. Aguirre Jr.", "1.4", "abch"),
        ])
    func authorities(line: String, by: String, section: String, reasons: String) {
        let authority = TelegramReader.parseAuthority(line)
        #expect(authority.classifiedBy == by)
        #expect(authority.section == section)
        #expect(String(authority.reasons) == reasons)
    }

    @Test("REF lists split at their letters, in order")
    func references() {
        let refs = TelegramReader.splitReferences("A. 99 PRETORIA 12315 B. 99 PRETORIA 12316 C. SAINZ E-MAIL OF 10/6 D) STATE 215870")
        #expect(refs.map(\.label) == ["A", "B", "C", "D"])
        #expect(refs[2].text == "SAINZ E-MAIL OF 10/6")
        #expect(refs[0].referenceID(citingYear: 2001)?.description == "99PRETORIA12315")
        #expect(Reference(text: "PRETORIA 425").referenceID(citingYear: 2001)?.description == "01PRETORIA425")
        #expect(Reference(text: "08 UNVIE 663 (NOTAL)").referenceID(citingYear: 2009)?.description == "08UNVIE663")
    }

    @Test(
        "origin names as archives write them",
        arguments: [
            ("AMEMBASSY PRETORIA", "Embassy Pretoria"), ("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro"),
            ("SECSTATE WASHDC", "Secretary of State"), ("USMISSION USNATO", "Mission USNATO"), ("USEU BRUSSELS", "USEU Brussels"),
            ("RPO DUBAI", "Iran RPO Dubai"),
        ])
    func originNames(fm: String, name: String) {
        #expect(Post(fmLine: fm).displayName == name)
    }

    @Test("posts known only by their telegram number")
    func inferredPosts() {
        #expect(Post(telegramPost: "MADRID").fmLine == "AMEMBASSY MADRID")
        #expect(Post(telegramPost: "RIO DE JANEIRO").fmLine == "AMCONSUL RIO DE JANEIRO")
        #expect(Post(telegramPost: "STATE").fmLine == "SECSTATE WASHDC")
    }

    @Test("SUMMARY and COMMENT spans")
    func spans() {
        let cable = Cable(paragraphs: [
            Paragraph(number: 1, mark: PortionMark("C"), text: "SUMMARY: The minister agreed. END SUMMARY."),
            Paragraph(number: 2, mark: PortionMark("C"), text: "He said more. COMMENT: He was tired."),
            Paragraph(number: 3, mark: PortionMark("C"), text: "Very tired. END COMMENT."),
        ])
        let spans = cable.spans
        #expect(spans.map(\.kind) == [.summary, .comment])
        #expect(spans[0].text == "The minister agreed.")
        #expect(spans[1].firstParagraph == 1 && spans[1].lastParagraph == 2)
        #expect(spans[1].text == "He was tired.\nVery tired.")
    }

    @Test("the JSON record has every field, with nulls for what is unknown")
    func jsonRecord() throws {
        let document = try CableParser().parse(text: LintTests.valid, fileName: "x.txt")
        let record = CableRecord(document)
        #expect(record.refid == "09ISLAMABAD2295")
        #expect(record.date == "2009-11-04T10:30:00Z")
        #expect(record.origin == "AMEMBASSY ISLAMABAD")
        #expect(record.classification == "SECRET")
        #expect(record.caveats == ["NOFORN", "SIPDIS"])
        #expect(record.reasons == ["1.4(b)", "1.4(d)"])
        #expect(record.declassifyOn == "2019-11-04")
        #expect(record.paragraphs.map(\.number) == [1, 2])
        let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        for key in [
            "refid", "date", "precedence", "origin", "to", "info", "classification", "caveats", "tags", "subject", "refs",
            "classifiedBy", "reasons", "declassifyOn", "paragraphs", "number", "mark", "text",
        ] {
            #expect(json.contains("\"\(key)\":"), "\(key)")
        }
        let unnumbered = CableRecord.ParagraphRecord(number: nil, mark: nil, text: "x")
        #expect(String(decoding: try JSONEncoder().encode(unnumbered), as: UTF8.self).contains("\"number\":null"))
    }
}
