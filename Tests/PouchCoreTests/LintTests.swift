import Foundation
import Testing

@testable import PouchCore

@Suite("Lint rules")
struct LintTests {
    static let valid = """
        CABLE 09ISLAMABAD2295
        O 041030Z NOV 09
        FM AMEMBASSY ISLAMABAD
        TO SECSTATE WASHDC IMMEDIATE

        SECRET ISLAMABAD 002295

        NOFORN
        SIPDIS

        E.O. 12958: DECL: 11/04/2019
        TAGS: PREL PGOV PK
        SUBJECT: ZARDARI ON THE NEW CABINET

        Classified By: Ambassador Anne W. Patterson for reasons 1.4 (b) and (d).

        1. (C) Summary: President Zardari told the Ambassador that the cabinet would change.

        2. (S/NF) He said the army agreed.

        PATTERSON

        """

    func lint(_ text: String, file: String? = "cable.txt") throws -> [Diagnostic] {
        CableLinter().lint(try CableParser().parse(text: text, fileName: file))
    }

    func rules(_ text: String) throws -> [String] { try lint(text).map(\.rule) }

    @Test("a correct cable has no findings")
    func valid() throws {
        #expect(try lint(Self.valid, file: "09ISLAMABAD2295.txt").isEmpty)
    }

    @Test("banner below the highest portion mark")
    func bannerBelowPortion() throws {
        let text = Self.valid.replacingFirst("SECRET ISLAMABAD", with: "CONFIDENTIAL ISLAMABAD")
        let findings = try lint(text)
        let finding = try #require(findings.first { $0.rule == "banner-below-portion" })
        #expect(finding.severity == .error)
        #expect(finding.location.line == 19)
        #expect(finding.formatted(file: "cable.txt") == "cable.txt:19:1: error: paragraph 2 is marked (S/NF) but the banner says CONFIDENTIAL")
    }

    @Test("NOFORN portion without NOFORN on the banner")
    func missingNoforn() throws {
        let text = Self.valid.replacingFirst("NOFORN\n", with: "")
        #expect(try rules(text).contains("banner-missing-noforn"))
    }

    @Test("a paragraph of a classified cable without a portion mark")
    func missingPortionMark() throws {
        let text = Self.valid.replacingFirst("2. (S/NF) He", with: "2. He")
        let finding = try #require(try lint(text).first { $0.rule == "missing-portion-mark" })
        #expect(finding.message.contains("paragraph 2"))
        #expect(finding.location.line == 19)
    }

    @Test("'ENTIRE TEXT' marks every paragraph")
    func entireText() throws {
        let text = Self.valid.replacingFirst("1. (C) Summary: President", with: "1. SECRET - ENTIRE TEXT. President")
            .replacingFirst("2. (S/NF) He", with: "2. He")
        #expect(try !rules(text).contains("missing-portion-mark"))
    }

    @Test("an unclassified cable needs no portion marks, classifier or declassification date")
    func unclassified() throws {
        let text = """
            UNCLAS BOGOTA 001165

            E.O. 12958: N/A
            TAGS: PGOV CO
            SUBJECT: COLOMBIA REQUESTS SUPPORT

            1. This is an action request.

            """
        #expect(try lint(text).isEmpty)
    }

    @Test("a classified cable must name its classifier and reasons")
    func missingClassifier() throws {
        let text = Self.valid.replacingFirst("Classified By: Ambassador Anne W. Patterson for reasons 1.4 (b) and (d).\n\n", with: "")
        #expect(try rules(text).contains("missing-classifier"))
        let noReason = Self.valid.replacingFirst("for reasons 1.4 (b) and (d).", with: "for good reasons.")
        #expect(try rules(noReason).contains("missing-reason"))
    }

    @Test("the declassification date must follow the cable's date")
    func declassificationDate() throws {
        let text = Self.valid.replacingFirst("DECL: 11/04/2019", with: "DECL: 11/03/2009")
        let finding = try #require(try lint(text).first { $0.rule == "declassification-before-date" })
        #expect(finding.location.line == 11)
        #expect(finding.message == "declassification date 11/03/2009 is not after the cable's date 11/04/2009")
        let missing = Self.valid.replacingFirst("E.O. 12958: DECL: 11/04/2019\n", with: "")
        #expect(try rules(missing).contains("missing-declassification"))
    }

    @Test("TAGS must be present and well-formed")
    func tags() throws {
        #expect(try rules(Self.valid.replacingFirst("TAGS: PREL PGOV PK", with: "TAGS: PREL pgov P#K")).filter { $0 == "malformed-tag" }.count == 2)
        #expect(try rules(Self.valid.replacingFirst("TAGS: PREL PGOV PK", with: "TAGS:")).contains("missing-tags"))
        #expect(try rules(Self.valid.replacingFirst("TAGS: PREL PGOV PK", with: "TAGS: PREL PREL PK")).contains("duplicate-tag"))
        #expect(try !rules(Self.valid.replacingFirst("TAGS: PREL PGOV PK", with: "TAGS: OVIP (PATTERSON, ANNE) PREL PK")).contains("malformed-tag"))
    }

    @Test("the reference ID must agree with the post, the serial, the year and the file name")
    func referenceID() throws {
        #expect(try rules(Self.valid.replacingFirst("CABLE 09ISLAMABAD2295", with: "CABLE 09ISLAMABAD2296")).contains("reference-id-mismatch"))
        #expect(try rules(Self.valid.replacingFirst("CABLE 09ISLAMABAD2295", with: "CABLE 09KABUL2295")).contains("reference-id-mismatch"))
        #expect(try rules(Self.valid.replacingFirst("CABLE 09ISLAMABAD2295", with: "CABLE 08ISLAMABAD2295")).contains("reference-id-mismatch"))
        #expect(try rules(Self.valid.replacingFirst("FM AMEMBASSY ISLAMABAD", with: "FM AMEMBASSY KABUL")).contains("reference-id-mismatch"))
        let findings = try lint(Self.valid, file: "09ISLAMABAD9999.txt")
        #expect(findings.map(\.message) == ["the file is named for 09ISLAMABAD9999 but holds cable 09ISLAMABAD2295"])
    }

    @Test("a real raw telegram lints with only the problems it really has")
    func rawTelegram() throws {
        let text = """
            O 241555Z JUL 09
            FM AMEMBASSY PARIS
            TO RUEHC/SECSTATE WASHDC IMMEDIATE 6830
            CONFIDENTIAL PARIS 001007

            SIPDIS

            E.O. 12958: DECL: 07/24/2019
            TAGS: PGOV PREL FR
            SUBJECT: MIDDLE EAST: SARKOZY AND MUBARAK CONFER

            Classified By: Classifed by POL M/C Kathleen Allegrone for reasons 1.4
            (B) AND (D).

            \u{00B6}1. (C) Summary: Mubarak and Sarkozy reportedly are in
            agreement.

            \u{00B6}2.  According to Elysee Americas advisor Damien Loras.
            """
        let findings = try lint(text, file: "09PARIS1007.txt")
        #expect(findings.map(\.rule) == ["missing-portion-mark"])
        #expect(findings.first?.location.line == 18)
    }
}
