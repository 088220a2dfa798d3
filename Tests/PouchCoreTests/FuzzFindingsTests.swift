import Foundation
import PouchTestSupport
import Testing

@testable import PouchCore

/// Inputs of the shapes the fuzzer found (scripts/fuzz cable): each once read a cable whose
/// canonical text did not read back as the same cable. Made small and synthetic here; the
/// fuzzer's own inputs held real cable text, which stays out of the repository.
@Suite("What the fuzzer found")
struct FuzzFindingsTests {
    /// Reads `text`, renders the cable and reads it again: the two cables must be equal.
    func roundTrip(_ text: String) throws -> Cable {
        let first = try CableReading.read(bytes: Array(text.utf8), fileName: "fuzz.txt").cable
        let canonical = CableRenderer().render(first)
        let second = try CableParser().parse(text: canonical).cable
        #expect(second == first, "\(differences(second, first))\n\(canonical)")
        return first
    }

    static let routing = """
        VZCZCXRO4850
        PP RUEHAG
        DE RUEHMD #2265/01 3521316
        ZNY CCCCC ZZH
        P 181316Z DEC 07
        """

    @Test("an FM line holding running text (a broken line wrap) is not taken for the sending post")
    func runningTextAfterFM() throws {
        let cable = try roundTrip(
            """
            \(Self.routing)
            FM AMEMBASS really in the fight. Blanco said he had assembled
            TO RUEHC/SECSTATE WASHDC PRIORITY 4190

            C O N F I D E N T I A L SECTION 01 OF 02 MADRID 002265

            SIPDIS

            E.O. 12958: DECL: 12/17/2017
            TAGS: PREL, PGOV, SP
            SUBJECT: SPAIN: THE CAMPAIGN

            Classified By: Ambassador Eduardo Aguirre for reasons 1.4 (b) and (d).

            1. (C) The campaign teams met.
            """)
        #expect(cable.origin?.contains("really") != true)
    }

    @Test(
        "an FM line with a routing serial glued to the post is not taken for the post",
        arguments: [
            "FM AMEMBUENOS AIRES 00097", "FM AMEMBASSY MAVZCZCXRO2249",
        ])
    func serialAfterFM(_ line: String) throws {
        let cable = try roundTrip(
            """
            \(Self.routing)
            \(line)
            TO RUEHC/SECSTATE WASHDC PRIORITY 4190

            C O N F I D E N T I A L BUENOS AIRES 003144

            E.O. 12958: DECL: 07/19/2016
            TAGS: PGOV, AR
            SUBJECT: ARGENTINA: KIRCHNER AT THREE YEARS

            1. (C) The president spoke.
            """)
        #expect(cable.origin?.contains("0") != true)
    }

    @Test("running text and header lines inside a damaged routing block are not addressees")
    func damagedRoutingBlock() throws {
        let cable = try roundTrip(
            """
            \(Self.routing)
            FM AMEMBASSY BRASILIA
            TO RUEHC/SECSTATE WASHDC PRIORITY 0123
            INFO RUEHLN/AMCONSUL RIO DE JANEIRO 5678
            mentioned that the minister would travel
            SUBJECT :DEPT CLASSIFED BY TREAS, EEB/ESC/TFS
            RUEHNY/AMEMBASSY OSLO 0001

            C O N F I D E N T I A L BRASILIA 000061

            E.O. 12958: DECL: 02/19/2020
            TAGS: EFIN, KTFN
            SUBJECT: TERROR FINANCE

            1. (C) The ministry replied.
            """)
        #expect(cable.to.map(\.name) == ["SECSTATE WASHDC"])
        #expect(cable.info.first?.name == "AMCONSUL RIO DE JANEIRO")
        #expect(cable.info.allSatisfy { Addressee.looksLikeAddress($0.name) }, "\(cable.info)")
    }

    @Test(
        "a classifier's name with a letter that upper-cases longer (ß) keeps every letter, once",
        arguments: [
            "Classified By: Ambassador Hans Straße for reasons 1.4 (b) and (d).",
            "Classified By: Poloff Weiß, reasons 1.4 (b), (d)",
        ])
    func classifierWithSharpS(_ line: String) throws {
        let cable = try roundTrip(
            """
            CABLE 07MADRID2265
            P 181316Z DEC 07
            FM AMEMBASSY MADRID
            TO SECSTATE WASHDC PRIORITY

            CONFIDENTIAL MADRID 002265

            E.O. 12958: DECL: 12/17/2017
            TAGS: PREL
            SUBJECT: SPAIN

            \(line)

            1. (C) The campaign teams met.
            """)
        #expect(cable.authority?.classifiedBy.hasSuffix("ß") == true || cable.authority?.classifiedBy.contains("Straße") == true)
        #expect(cable.authority?.reasons == ["b", "d"])
    }

    @Test("a declassification line with ß keeps its text")
    func declassificationWithSharpS() throws {
        let cable = try roundTrip(
            """
            CABLE 07MADRID2266
            P 181316Z DEC 07
            FM AMEMBASSY MADRID
            TO SECSTATE WASHDC PRIORITY

            CONFIDENTIAL MADRID 002266

            E.O. 12958: ßß DECL: when the Straße opens
            TAGS: PREL
            SUBJECT: SPAIN

            1. (C) The campaign teams met.
            """)
        #expect(cable.executiveOrder?.declassification == .other("when the Straße opens"))
    }

    @Test(
        "passing lines that look like a paragraph, a header field or a caption stay passing lines",
        arguments: [
            "10. (VZCZCXRO1400", "TAGS: PREL", "NOFORN", "\\\\ a leading backslash", "1. the first", "(C) a mark",
        ])
    func passingLines(_ line: String) throws {
        var cable = try CableParser().parse(
            text: """
                CABLE 09PARIS1046
                P 311551Z JUL 09
                FM AMEMBASSY PARIS
                TO SECSTATE WASHDC PRIORITY

                CONFIDENTIAL PARIS 001046

                DEPT FOR NEA/ARP

                E.O. 12958: DECL: 07/31/2019
                TAGS: PREL
                SUBJECT: UAE AID

                1. (C) The UAE has given aid.
                """
        ).cable
        cable.handling.append(line)
        let text = CableRenderer().render(cable)
        let again = try CableParser().parse(text: text).cable
        #expect(again == cable, "\(differences(again, cable))\n\(text)")
    }

    @Test(
        "a draft's addressee that is not an address is an error on its line, not a routing line that reads back as a header",
        arguments: [
            "SECSTATE WASHDC; TAGS: PREL", "SECST;;;;/;;", "AMEM*ASSY ISLAMABAD", "REFERENCE:H MEGR@AHI",
        ])
    func draftAddressees(_ to: String) throws {
        let draft = """
            From: AMEMBASSY ISLAMABAD
            To: \(to)
            Classification: CONFIDENTIAL
            Tags: PREL, PK
            Subject: A TEST
            Classified By: Ambassador Anne W. Patterson
            Reasons: 1.4 (b), (d)

            (C) The Ambassador met the minister.
            """
        let check = DraftCheck(text: draft, now: Date(timeIntervalSince1970: 1_700_000_000))
        if let cable = check.cable {
            // Accepted: every addressee must then read back from the canonical text.
            let again = try CableParser().parse(text: CableRenderer().render(cable)).cable
            #expect(again.to == cable.to)
        } else {
            #expect(check.diagnostics.contains { $0.message.contains("is not an addressee") && $0.location.line == 2 }, "\(check.diagnostics)")
        }
    }

    @Test("good addressees with routing indicators and precedences still read")
    func goodAddressees() throws {
        let check = DraftCheck(
            text: """
                From: AMEMBASSY ISLAMABAD
                To: RUEHC/SECSTATE WASHDC IMMEDIATE; AMEMBASSY KABUL PRIORITY, USMISSION USUN NEW YORK
                Classification: CONFIDENTIAL
                Tags: PREL, PK
                Subject: A TEST
                Classified By: Ambassador Anne W. Patterson
                Reasons: 1.4 (b), (d)

                (C) The Ambassador met the minister.
                """, now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(check.cable?.to.map(\.name) == ["SECSTATE WASHDC", "AMEMBASSY KABUL", "USMISSION USUN NEW YORK"])
    }
}
