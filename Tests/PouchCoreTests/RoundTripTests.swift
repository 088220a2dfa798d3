import PouchTestSupport
import Testing

@testable import PouchCore

@Suite("Canonical text round trip")
struct RoundTripTests {
    @Test("parse ∘ render is the identity on 2,000 random cables")
    func randomCablesRoundTrip() throws {
        var generator = CableGenerator(seed: 20_261_122)
        for trial in 0..<2_000 {
            let cable = generator.cable()
            let text = CableRenderer().render(cable)
            let parsed: Cable
            do {
                parsed = try CableParser().parse(text: text).cable
            } catch {
                Issue.record("trial \(trial): \(error)\n\(text)")
                return
            }
            #expect(parsed == cable, "trial \(trial): \(differences(parsed, cable))\n\(text)")
            if parsed != cable { return }
            // And render ∘ parse is the identity on canonical text.
            #expect(CableRenderer().render(parsed) == text)
        }
    }

    @Test("canonical text is recognised as such")
    func canonicalForm() throws {
        var generator = CableGenerator(seed: 7)
        let document = try CableParser().parse(text: CableRenderer().render(generator.cable()))
        #expect(document.form == .canonical)
    }
}
