import Foundation
import PouchCore
import Testing

@testable import PouchFingerprint

/// How the aligner reads slots whose neighbours a leaker's spell checker damaged.
@Suite("Reading slots in damaged leaks")
struct LeakReadingTests {
    static let key = try! FingerprintKey(bytes: (0..<32).map { UInt8($0) })
    static let text = """
        The director told Huddleston that a Northrop Grumman delegation will arrive in Algeria this week to discuss \
        the radar tender. The delegation will meet officials from Sonatrach, Sonelgaz, and the Ministry of Energy. \
        The ambassador met Bouteflika on March 3 in Algiers. The minister reiterated his concern about the price of the bid. End comment.
        """
    static let cable = Cable(
        referenceID: ReferenceID(year: 2009, post: "ALGIERS", serial: 1), classification: .confidential,
        paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: text)])
    static let fingerprint = CableFingerprint(cable: cable, key: key)
    static let tracer = Tracer(fingerprints: [fingerprint])
    static let recipients = (1...40).map { "R\($0)" }

    /// The slot a rule found (there is one of each in the text).
    func slot(_ rule: String) throws -> Int {
        try #require(Self.fingerprint.slots.firstIndex { $0.rule == rule })
    }

    /// What the tracer reads in each recipient's rendered copy after `damage`, beside what the copy holds.
    func readings(slot: Int, damage: (String) -> String) -> [(read: UInt8?, written: UInt8)] {
        readings(slot: slot, of: Self.fingerprint, tracer: Self.tracer) { damage(CableRenderer().render($0)) }
    }

    /// What `tracer` reads in `leak` of each recipient's copy, beside what the copy holds.
    func readings(slot: Int, of fingerprint: CableFingerprint, tracer: Tracer, leak: (Cable) -> String) -> [(read: UInt8?, written: UInt8)] {
        Self.recipients.map { recipient in
            let read = tracer.read(leak: leak(fingerprint.copy(for: recipient))).first?.symbols[slot]
            return (read, fingerprint.symbols(for: recipient)[slot])
        }
    }

    @Test("a name split in two beside a slot (\"Huddles ton\") leaves the slot readable, and read right")
    func splitName() throws {
        let told = try slot("told-that")
        let pairs = readings(slot: told) { $0.replacingOccurrences(of: "Huddleston", with: "Huddles ton") }
        #expect(pairs.allSatisfy { $0.read == $0.written })
        #expect(Set(pairs.map(\.written)).count == 2)
    }

    @Test("a changed name inside a serial-comma slot, with a changed word before it, is read right")
    func changedNameInsideSlot() throws {
        let comma = try slot("serial-comma")
        let pairs = readings(slot: comma) {
            $0.replacingOccurrences(of: "Sonelgaz", with: "Sonelgas").replacingOccurrences(of: "Sonatrach", with: "Sonatrack")
        }
        #expect(pairs.allSatisfy { $0.read == $0.written })
        #expect(Set(pairs.map(\.written)).count == 2)
    }

    @Test("two slots side by side inside a paragraph are both read right")
    func adjoiningSlotsRead() throws {
        let text = "The director noted that NATO membership was premature, and the minister said that USG officials agreed."
        let cable = Cable(
            referenceID: ReferenceID(year: 2009, post: "ALGIERS", serial: 2), classification: .confidential,
            paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: text)])
        let fingerprint = CableFingerprint(cable: cable, key: Self.key)
        let tracer = Tracer(fingerprints: [fingerprint])
        // "[noted that] [NATO]" and "[said that] [USG]": no word between either pair.
        let slots = fingerprint.slots
        #expect(
            zip(slots, slots.dropFirst()).filter { $1.start - $0.end == 1 }.map { [$0.rule, $1.rule] }
                == [["reporting-verb", "known-abbreviation"], ["reporting-verb", "known-abbreviation"]])
        for slot in fingerprint.slots.indices {
            let pairs = readings(slot: slot, of: fingerprint, tracer: tracer) { CableRenderer().render($0) }
            #expect(pairs.allSatisfy { $0.read == $0.written }, "slot \(slot)")
            #expect(Set(pairs.map(\.written)).count >= 2)
        }
    }

    @Test("a slot that ends the cable is read")
    func lastSlot() throws {
        let end = try slot("end-comment")
        let pairs = readings(slot: end) { $0 }
        #expect(pairs.allSatisfy { $0.read == $0.written })
        #expect(Set(pairs.map(\.written)).count == 2)
    }

    @Test("a slot right beside another, across a paragraph break, is read through the other's wording")
    func besideAnotherSlot() throws {
        let cable = Cable(
            referenceID: ReferenceID(year: 2009, post: "MADRID", serial: 2), classification: .confidential,
            paragraphs: [
                Paragraph(number: 1, mark: PortionMark("C"), text: "Summary: the talks will resume in May. End summary."),
                Paragraph(number: 2, mark: PortionMark("C"), text: "UK officials have agreed to the timetable for the talks in Madrid."),
            ])
        let fingerprint = CableFingerprint(cable: cable, key: Self.key)
        let tracer = Tracer(fingerprints: [fingerprint])
        let end = try #require(fingerprint.slots.firstIndex { $0.rule == "end-summary" })
        let next = try #require(fingerprint.slots.firstIndex { $0.rule == "known-abbreviation" })
        #expect(fingerprint.slots[next].start == 0 && fingerprint.slots[next].paragraph == 1)
        // The paragraphs without their numbers and markings, as intercept leaves them.
        func paragraphs(_ copy: Cable) -> String { copy.paragraphs.map(\.text).joined(separator: "\n\n") }
        let endPairs = readings(slot: end, of: fingerprint, tracer: tracer, leak: paragraphs)
        let nextPairs = readings(slot: next, of: fingerprint, tracer: tracer, leak: paragraphs)
        #expect(endPairs.allSatisfy { $0.read == $0.written })
        #expect(nextPairs.allSatisfy { $0.read == $0.written })
        #expect(Set(endPairs.map(\.written)).count == 2)
    }

    @Test("where the leak shows other words than any wording, the slot is not read")
    func rewritten() throws {
        let told = try slot("told-that")
        let pairs = readings(slot: told) { copy in
            copy.replacingOccurrences(of: "Huddleston that", with: "a visiting official").replacingOccurrences(
                of: "Huddleston", with: "a visiting official")
        }
        #expect(pairs.allSatisfy { $0.read == nil })
    }

    @Test("edit distance")
    func editDistance() {
        #expect(LeakAligner.editDistance(Array("huddleston"), Array("huddlestonthat")) == 4)
        #expect(LeakAligner.editDistance(Array(""), Array("abc")) == 3)
        #expect(LeakAligner.editDistance(Array("kitten"), Array("sitting")) == 3)
    }
}
