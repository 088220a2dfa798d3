import Foundation
import PouchCore
import PouchCorpus
import Testing

@Suite("Raw telegrams")
struct RawCableTests {
    /// Paragraph starts found independently of the parser: a line that begins with `N.` where
    /// N is the next number, after a blank line or the pilcrow that raw telegrams put there.
    static func expectedParagraphs(_ text: String) -> [(Int, String?)] {
        var found: [(Int, String?)] = []
        var previousBlank = true
        for rawLine in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            let hasPilcrow = rawLine.trimmingCharacters(in: .whitespaces).hasPrefix("\u{00B6}")
            let line = rawLine.trimmingCharacters(in: CharacterSet(charactersIn: " \r\u{00B6}"))
            defer { previousBlank = line.isEmpty || line == "-" }
            guard previousBlank || hasPilcrow else { continue }
            let digits = line.prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 2, let number = Int(digits), number == (found.last?.0 ?? 0) + 1,
                line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(".(")
            else { continue }
            let rest = line.dropFirst(digits.count + 1).trimmingCharacters(in: .whitespaces)
            var mark: String?
            if rest.hasPrefix("("), let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) < 8 {
                mark = String(rest[rest.index(after: rest.startIndex)..<close])
            }
            found.append((number, mark))
        }
        return found
    }

    @Test("all 12 raw cables parse, recovering every paragraph's number and mark", arguments: SharedCorpus.raw.map(\.name))
    func rawCable(name: String) throws {
        let file = try #require(SharedCorpus.raw.first { $0.name == name })
        let document = try CableParser().parse(bytes: file.bytes, fileName: file.name)
        #expect(document.encoding == (String(validating: file.bytes, as: UTF8.self) == nil ? "windows-1252" : "utf-8"))
        #expect(document.cable.referenceID?.description == file.stem)
        #expect(document.cable.dateTimeGroup != nil)
        #expect(document.cable.origin != nil)
        #expect(!document.cable.subject.isEmpty)
        let text = TextForTests.latin1(file.bytes)
        let expected = Self.expectedParagraphs(text)
        let numbered = document.cable.paragraphs.filter { $0.number != nil }
        #expect(numbered.map(\.number!) == expected.map(\.0))
        #expect(numbered.map { $0.mark?.text } == expected.map(\.1))
        // Page-break lines never reach the text.
        for paragraph in document.cable.paragraphs {
            #expect(!paragraph.text.contains(" OF 00"), "\(paragraph.text.prefix(80))")
        }
    }

    @Test("a paragraph split by a page break is rejoined")
    func pageBreakRejoined() throws {
        let file = try #require(SharedCorpus.raw.first { $0.stem == "06NEWDELHI5237" })
        let cable = try CableParser().parse(bytes: file.bytes).cable
        #expect(cable.bodyText.contains("(NOTE: The gas pipeline deal has been troubled for some time"))
    }
}
