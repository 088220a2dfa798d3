import PouchCore
import PouchCorpus
import PouchTestSupport
import Testing

@Suite("Real cables through the canonical form")
struct RealCableRoundTripTests {
    @Test("every real cable renders to canonical text that parses back to the same cable")
    func realCablesRoundTrip() throws {
        for file in SharedCorpus.wikileaks + SharedCorpus.raw {
            let cable = try CableParser().parse(bytes: file.bytes, fileName: file.name).cable
            let text = CableRenderer().render(cable)
            let again = try CableParser().parse(text: text).cable
            #expect(again == cable, "\(file.name): \(differences(again, cable))")
            #expect(CableRenderer().render(again) == text, "\(file.name)")
        }
    }
}
