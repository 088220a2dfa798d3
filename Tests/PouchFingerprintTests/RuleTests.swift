import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Catalogue rules, one by one")
struct RuleTests {
    @Test("the optional complementiser after reporting verbs")
    func complementizer() {
        // Scheme 1; from scheme 2 on, verbs with a synonym take the reporting-verb rule (below).
        #expect(alternatives("The minister said that the talks would resume.", rule: "that-complementizer", scheme: .v1) == [["said that", "said"]])
        #expect(alternatives("The minister said the talks would resume.", rule: "that-complementizer", scheme: .v1) == [["said", "said that"]])
        #expect(alternatives("He noted that Karzai would attend.", rule: "that-complementizer", scheme: .v1) == [["noted that", "noted"]])
        #expect(alternatives("THE MINISTER SAID THAT PAKISTAN WOULD AGREE TO THE PLAN.", rule: "that-complementizer", scheme: .v1) == [["SAID THAT", "SAID"]])
        #expect(alternatives("He explained that the talks would resume.", rule: "that-complementizer") == [["explained that", "explained"]])
        // Demonstrative "that" is not a complementiser.
        #expect(alternatives("He said that was unacceptable to the government.", rule: "that-complementizer").isEmpty)
        // A verb with a noun-phrase object never gains a "that".
        #expect(alternatives("He stressed the importance of the talks.", rule: "that-complementizer").isEmpty)
    }

    @Test("told X that / informed X that, and the optional that after the object")
    func told() {
        let found = slots("The minister told the Ambassador that the army would withdraw.")
        #expect(found.contains { $0.rule == "told-informed" && $0.alternatives == ["told", "informed"] })
        #expect(found.contains { $0.rule == "told-that" && $0.alternatives == ["Ambassador that", "Ambassador"] })
        // "told X to" is an instruction, never matched.
        #expect(slots("He told us to leave the meeting early.").allSatisfy { !$0.rule.hasPrefix("told") })
    }

    @Test("also before or after an auxiliary, never around a negation")
    func alsoAuxiliary() {
        #expect(alternatives("The delegation will also visit Kabul next week.", rule: "also-auxiliary") == [["will also", "also will"]])
        #expect(alternatives("The delegation will also not visit Kabul.", rule: "also-auxiliary").isEmpty)
    }

    @Test("serial comma in lists of three or more")
    func serialComma() {
        #expect(alternatives("They discussed trade, energy, and security issues.", rule: "serial-comma") == [["energy, and", "energy and"]])
        #expect(alternatives("They discussed trade, energy, water and security issues.", rule: "serial-comma") == [["water and", "water, and"]])
        // Two items only: a comma before "and" there joins a clause, not a list.
        #expect(alternatives("In Kabul, Karzai and Abdullah met.", rule: "serial-comma").isEmpty)
    }

    @Test("genitive alternation for countries and abstract nouns")
    func genitive() {
        #expect(alternatives("He explained Pakistan's position on the issue.", rule: "genitive") == [["Pakistan's position", "the position of Pakistan"]])
        #expect(alternatives("He explained the position of Pakistan on the issue.", rule: "genitive") == [["the position of Pakistan", "Pakistan's position"]])
        #expect(alternatives("Pakistan's position is clear to all of us.", rule: "genitive") == [["Pakistan's position", "The position of Pakistan"]])
    }

    @Test("abbreviations the cable defines, and only those")
    func abbreviations() {
        let text = "The Government of India (GOI) has agreed. GOI officials said the talks would go on."
        #expect(alternatives(text, rule: "defined-abbreviation") == [["GOI", "Government of India"]])
        #expect(alternatives("GOP officials said the talks would go on.", rule: "defined-abbreviation").isEmpty)
    }

    @Test("phrase synonyms keep case")
    func phraseCase() {
        #expect(alternatives("Nevertheless, the talks went on.", rule: "nevertheless-nonetheless") == [["Nevertheless", "Nonetheless"]])
        #expect(alternatives("NEVERTHELESS, THE TALKS WENT ON.", rule: "nevertheless-nonetheless") == [["NEVERTHELESS", "NONETHELESS"]])
        #expect(alternatives("He spoke regarding the new policy.", rule: "regarding-concerning", scheme: .v4) == [["regarding", "concerning"]])
        // The adjective "concerning" is not the preposition.
        #expect(alternatives("This is a very concerning development.", rule: "regarding-concerning").isEmpty)
    }

    @Test("U.S. / United States, with the sentence's full stop kept")
    func unitedStates() {
        #expect(alternatives("The U.S. position is clear to them.", rule: "united-states", scheme: .v5) == [["U.S.", "United States", "US"]])
        // From scheme 6 "American" too, before a listed noun.
        #expect(alternatives("The U.S. position is clear to them.", rule: "united-states") == [["U.S.", "United States", "US", "American"]])
        #expect(alternatives("They will travel to the U.S. Karzai agreed.", rule: "united-states", scheme: .v1) == [["U.S", "United States", "US"]])
        // Scheme 2: "United States" is found too; at a sentence's end the dotted form is not
        // written (its full stop would be ambiguous), and "U.S." before a capital is left alone.
        #expect(alternatives("They will travel to the U.S. Karzai agreed.", rule: "united-states").isEmpty)
        #expect(alternatives("The United States position is clear.", rule: "united-states", scheme: .v5) == [["U.S.", "United States", "US"]])
        #expect(alternatives("They will travel to the United States.", rule: "united-states") == [["United States", "US"]])
        #expect(alternatives("The US position is clear to them.", rule: "united-states", scheme: .v5) == [["U.S.", "United States", "US"]])
        // In a cable written in capitals "US" may be the pronoun.
        #expect(alternatives("THEY TOLD US THE TALKS WOULD FAIL.", rule: "united-states").isEmpty)
        #expect(alternatives("THEY TOLD US THE TALKS WOULD FAIL.", rule: "united-states", scheme: .v1) == [["U.S", "UNITED STATES", "US"]])
    }

    @Test("nothing inside quoted speech, numbers or negations changes")
    func protectedSpans() {
        #expect(slots("He said, \u{201C}We said that the deal is dead, regarding the talks.\u{201D}").isEmpty)
        #expect(slots("He quoted \"the minister said that the deal is dead\" today.").isEmpty)
        #expect(alternatives("Trade, energy, 5 and security were discussed.", rule: "serial-comma").isEmpty)
    }

    @Test("slots keep an unchanging word between them")
    func separation() {
        let cable = Cable(paragraphs: [Paragraph(text: "He said that the U.S. would also help, and they noted that the U.S. agreed.")])
        let found = SlotFinder(catalogue: .publicCatalogue).slots(in: cable)
        for (a, b) in zip(found, found.dropFirst()) {
            let between = cable.paragraphs[0].text.utf8.dropFirst(a.end).prefix(b.start - a.end)
            #expect(String(decoding: between, as: UTF8.self).contains { $0.isLetter }, "\(a.rule) then \(b.rule)")
        }
    }
}
