import PouchTestSupport
import Testing

@testable import PouchCore

@Suite("Malformed input gives a clear error, never a crash")
struct MalformedInputTests {
    let parser = CableParser()

    @Test("an empty file")
    func emptyFile() {
        #expect(throws: CableParseError.self) { try parser.parse(bytes: [UInt8](), fileName: "empty.txt") }
        do {
            _ = try parser.parse(bytes: [UInt8](), fileName: "empty.txt")
        } catch {
            #expect(error.description == "empty.txt:1:1: error: the file is empty")
        }
    }

    @Test("a file of blank lines")
    func blankLines() throws {
        let error = try #require(throwing { () throws(CableParseError) in try parser.parse(bytes: Array("\n \r\n\n".utf8), fileName: "blank.txt") })
        #expect(error.kind == .empty)
    }

    @Test("binary junk")
    func binaryJunk() throws {
        var random = SplitMix(seed: 1)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        let error = try #require(throwing { () throws(CableParseError) in try parser.parse(bytes: bytes, fileName: "junk.bin") })
        #expect(error.kind == .notText)
        #expect(error.file == "junk.bin")
    }

    @Test("a header with no body")
    func headerWithoutBody() throws {
        let text = """
            O 231553Z FEB 01
            FM AMEMBASSY PRETORIA
            TO SECSTATE WASHDC IMMEDIATE 7691
            C O N F I D E N T I A L PRETORIA 001173

            E.O. 12958: DECL: 02/22/2011
            TAGS: PREL PGOV SF
            SUBJECT: THIN-SKINNED MBEKI

            """
        let error = try #require(throwing { () throws(CableParseError) in try parser.parse(text: text, fileName: "headonly.txt") })
        #expect(error.kind == .noText)
        #expect(error.line == 4)
    }

    @Test("a 10 MB single line")
    func tenMegabyteLine() throws {
        let line = [UInt8](repeating: UInt8(ascii: "A"), count: 10_000_000)
        let clock = ContinuousClock()
        var caught: CableParseError?
        let elapsed = clock.measure { caught = throwing { () throws(CableParseError) in try parser.parse(bytes: line, fileName: "long.txt") } }
        let error = try #require(caught)
        #expect(error.kind == .noBanner)
        // Linear, not quadratic: far below a second even in a debug build.
        #expect(elapsed < .seconds(5))
    }

    @Test("a 1 MB paragraph after a real header is read as one paragraph")
    func longParagraph() throws {
        let header = "CONFIDENTIAL PRETORIA 001173\n\nTAGS: PREL\nSUBJECT: LONG\n\n1. (C) "
        let body = String(repeating: "word ", count: 200_000)
        let document = try parser.parse(text: header + body, fileName: "long.txt")
        #expect(document.cable.paragraphs.count == 1)
        #expect(document.cable.wordCount == 200_000)
    }

    @Test("invalid UTF-8 is read as Windows-1252")
    func invalidUTF8() throws {
        var bytes = Array("CONFIDENTIAL PARIS 001007\n\nTAGS: PREL FR\nSUBJECT: SARKOZY\n\n".utf8)
        bytes += [0xB6] + Array("1.  (C) Mubarak shares Sarkozy".utf8) + [0x92] + Array("s interest, caf".utf8) + [0xE9, 0x2E, 0x0A]
        let document = try parser.parse(bytes: bytes, fileName: "latin1.txt")
        #expect(document.encoding == "windows-1252")
        #expect(document.cable.paragraphs.first?.number == 1)
        #expect(document.cable.paragraphs.first?.mark?.text == "C")
        #expect(document.cable.paragraphs.first?.text == "Mubarak shares Sarkozy\u{2019}s interest, caf\u{E9}.")
    }

    @Test("invalid UTF-8 junk without a cable in it")
    func invalidUTF8Junk() throws {
        let bytes: [UInt8] = Array(repeating: [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x82, 0x41], count: 500).flatMap { $0 }
        let error = try #require(throwing { () throws(CableParseError) in try parser.parse(bytes: bytes, fileName: "bad.txt") })
        #expect(error.kind == .noBanner)
    }

    @Test("a draft with an unknown header names the line")
    func draftUnknownHeader() throws {
        let text = "From: AMEMBASSY PARIS\nClassification: SECRET\nColour: red\n\n(S) Text.\n"
        let error = try #require(throwing { () throws(CableParseError) in try DraftParser().parse(text: text, fileName: "d.txt") })
        #expect(error.line == 3)
        #expect(error.kind == .unknownField)
        #expect(error.message.contains("'Colour'"))
    }
}
