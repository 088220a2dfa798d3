import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Abbreviations: defined, known, Latin, the host government, U.S. and American, paragraph references")
struct AbbreviationRuleTests {
    @Test("well-known abbreviations and their expansions, both ways")
    func knownAbbreviations() {
        #expect(
            alternatives("The USG will respond to the request.", rule: "known-abbreviation", scheme: .v5) == [
                ["USG", "U.S. Government", "United States Government"]
            ])
        #expect(
            alternatives("The United Nations Security Council met.", rule: "known-abbreviation")
                == [["UNSC", "UN Security Council", "United Nations Security Council"]])
        #expect(alternatives("He met the Prime Minister yesterday.", rule: "known-abbreviation") == [["PM", "Prime Minister"]])
        #expect(alternatives("THE EU WILL DECIDE ON THE MATTER SOON.", rule: "known-abbreviation") == [["EU", "EUROPEAN UNION"]])
        // Beside numbers, hyphens and apostrophes; another sense; a definition in the cable itself.
        #expect(alternatives("The meeting ends at 3 PM today.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("The UN-led mission and the EU's view differ.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("He spoke on FM radio about the election.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("The Progressive Movement (PM) said the PM would run.", rule: "known-abbreviation").isEmpty)
    }

    @Test("e.g. and i.e. written out; beginning / starting to")
    func latinAbbreviations() {
        #expect(alternatives("Several regions (e.g., the north) objected.", rule: "e-g-i-e") == [["e.g.", "for example", "for instance"]])
        #expect(alternatives("SEVERAL REGIONS (E.G., THE NORTH) OBJECTED.", rule: "e-g-i-e") == [["E.G.", "FOR EXAMPLE", "FOR INSTANCE"]])
        #expect(alternatives("The ministry, i.e., its legal office, objected.", rule: "e-g-i-e") == [["i.e.", "that is"]])
        #expect(alternatives("Several regions (e.g., the north) objected.", rule: "e-g-i-e", scheme: .v4).isEmpty)
        #expect(alternatives("The economy is beginning to recover.", rule: "beginning-starting") == [["beginning", "starting"]])
        #expect(alternatives("From the beginning to the end.", rule: "beginning-starting").isEmpty)
    }

    @Test("the GOB from Brasilia is the Government of Brazil or the Brazilian Government")
    func hostGovernment() {
        #expect(
            alternatives("He said the GOB would not change its policy.", rule: "host-government", post: "BRASILIA", scheme: .v7)
                == [["GOB", "Government of Brazil", "Brazilian Government"]])
        #expect(
            alternatives("THE GOP WILL ACT SOON.", rule: "host-government", post: "ISLAMABAD", scheme: .v7)
                == [["GOP", "GOVERNMENT OF PAKISTAN", "PAKISTANI GOVERNMENT"]])
        #expect(
            alternatives("Officials said the GOP had agreed.", rule: "host-government", post: "MANILA", scheme: .v7)
                == [["GOP", "Government of the Philippines", "Philippine Government"]])
        // A consulate's host is its country.
        #expect(
            alternatives("The GOB has not replied.", rule: "host-government", post: "RIO DE JANEIRO", scheme: .v7)
                == [["GOB", "Government of Brazil", "Brazilian Government"]])
        // Written out, after "the": either full form, keeping the case of "government".
        #expect(
            alternatives("He said the Brazilian government would not change its policy.", rule: "host-government", post: "BRASILIA", scheme: .v7)
                == [["GOB", "government of Brazil", "Brazilian government"]])
        #expect(
            alternatives("He said the Government of the Philippines would act.", rule: "host-government", post: "MANILA", scheme: .v7)
                == [["GOP", "Government of the Philippines", "Philippine Government"]])
        #expect(
            alternatives("THE SOUTH AFRICAN GOVERNMENT WILL ACT.", rule: "host-government", post: "PRETORIA", scheme: .v7)
                == [["GOSA", "GOVERNMENT OF SOUTH AFRICA", "SOUTH AFRICAN GOVERNMENT"]])
        // A country of several words has the initials of all of them: from Pretoria "the GOS" is not South Africa's.
        #expect(alternatives("He said the GOS would act.", rule: "host-government", post: "PRETORIA", scheme: .v7).isEmpty)
        // An abbreviation another country named in the cable shares is left alone (here Sudan); the full forms are not.
        #expect(alternatives("He said the GOS would not act. Sudan was not discussed.", rule: "host-government", post: "MADRID", scheme: .v7).isEmpty)
        #expect(alternatives("He said the GOS would not act. The Sudanese envoy left.", rule: "host-government", post: "MADRID", scheme: .v7).isEmpty)
        // A capital is not a country: "Tehran" leaves "the GOT" in Ankara Turkey's.
        #expect(
            alternatives("He said the GOT would not act. Tehran was silent.", rule: "host-government", post: "ANKARA", scheme: .v7)
                == [["GOT", "Government of Turkey", "Turkish Government"]])
        #expect(
            alternatives("He said the Spanish government would act. Sudan was not discussed.", rule: "host-government", post: "MADRID", scheme: .v7)
                == [["GOS", "government of Spain", "Spanish government"]])
        // Not inside a longer name, nor another country's government.
        #expect(
            alternatives("He said the Brazilian Government Accountability Office would act.", rule: "host-government", post: "BRASILIA", scheme: .v7)
                .isEmpty)
        #expect(alternatives("He said the Chinese government would act.", rule: "host-government", post: "BRASILIA", scheme: .v7).isEmpty)
        // Only the host's initial: from Islamabad "the GOI" is India's government, not written out.
        #expect(alternatives("He said the GOI would not change its policy.", rule: "host-government", post: "ISLAMABAD", scheme: .v7).isEmpty)
        // No host: the Department, or a cable with no post.
        #expect(alternatives("He said the GOB would not change its policy.", rule: "host-government", post: "STATE", scheme: .v7).isEmpty)
        #expect(alternatives("He said the GOB would not change its policy.", rule: "host-government", post: nil, scheme: .v7).isEmpty)
        // Only after "the", never a possessive, compound or an abbreviation the cable defines.
        #expect(alternatives("GOB officials said the talks would resume.", rule: "host-government", post: "BRASILIA", scheme: .v7).isEmpty)
        #expect(alternatives("He said the GOB's policy would change.", rule: "host-government", post: "BRASILIA", scheme: .v7).isEmpty)
        #expect(alternatives("He said the GOB-led talks would resume.", rule: "host-government", post: "BRASILIA", scheme: .v7).isEmpty)
        #expect(
            alternatives("The Group of Bankers (GOB) met. He said the GOB would meet again.", rule: "host-government", post: "BRASILIA", scheme: .v7)
                .isEmpty)
        // Scheme 5 is frozen without it.
        #expect(alternatives("He said the GOB would not change its policy.", rule: "host-government", post: "BRASILIA", scheme: .v5).isEmpty)
    }

    @Test("U.S. before a listed noun may also be American, never after a or an")
    func american() {
        #expect(
            alternatives("They met U.S. officials on the issue.", rule: "united-states", post: nil)
                == [["U.S.", "United States", "US", "American"]])
        #expect(
            alternatives("They met United States officials on the issue.", rule: "united-states", post: nil)
                == [["U.S.", "United States", "US", "American"]])
        #expect(
            alternatives("THEY WELCOMED THE U.S. POSITION ON THE ISSUE.", rule: "united-states", post: nil)
                == [["U.S.", "UNITED STATES", "US", "AMERICAN"]])
        // "American" would need "an".
        #expect(alternatives("They met a U.S. official on the issue.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        // A noun, a verb or a word that may be a verb after it: no "American".
        #expect(alternatives("They thanked the U.S. for its help.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        #expect(alternatives("He said the U.S. plans to leave soon.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        #expect(alternatives("He said the U.S. would leave soon.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        // Copies write "American", so a normaliser finds it again; never in a longer name or after "an".
        #expect(
            alternatives("They welcomed the American position on the issue.", rule: "united-states", post: nil)
                == [["U.S.", "United States", "US", "American"]])
        #expect(alternatives("They met Latin American officials on the issue.", rule: "united-states", post: nil).isEmpty)
        #expect(alternatives("They met Inter-American officials on the issue.", rule: "united-states", post: nil).isEmpty)
        #expect(alternatives("They met an American official on the issue.", rule: "united-states", post: nil).isEmpty)
        #expect(alternatives("They met the Americans on the issue.", rule: "united-states", post: nil).isEmpty)
        // Scheme 5 is frozen with two wordings.
        #expect(
            alternatives("They met U.S. officials on the issue.", rule: "united-states", post: nil, scheme: .v5) == [["U.S.", "United States", "US"]])
    }

    @Test("USG may also be the American Government after the or before a listed noun")
    func americanGovernment() {
        #expect(
            alternatives("He thanked the USG for its help.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government", "American Government"]])
        #expect(
            alternatives("He met USG officials on the issue.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government", "American Government"]])
        #expect(
            alternatives("He said USG has a plan for the issue.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government"]])
        #expect(
            alternatives("He met a USG official on the issue.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government"]])
        #expect(
            alternatives("He thanked the American Government for its help.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government", "American Government"]])
        #expect(alternatives("He met an American government official.", rule: "known-abbreviation", post: nil).isEmpty)
        #expect(alternatives("He thanked the American Government for its help.", rule: "known-abbreviation", post: nil, scheme: .v5).isEmpty)
        #expect(
            alternatives("He thanked the USG for its help.", rule: "known-abbreviation", post: nil, scheme: .v5)
                == [["USG", "U.S. Government", "United States Government"]])
    }

    @Test("every host country's name and adjective is in the en_US dictionary, and no post has two hosts")
    func hostCountriesSpellCheck() throws {
        var words: [String] = []
        for (name, adjective, _) in HostCountry.countries {
            words += "\(name) \(adjective)".split(separator: " ").map(String.init).filter { $0 != "the" }
        }
        let misspelled = try Hunspell().corrections(for: words)
        #expect(misspelled.isEmpty, "\(misspelled.keys.sorted())")
        let cities: [String] = HostCountry.countries.flatMap { $0.2 }
        #expect(Set(cities).count == cities.count)
        #expect(HostCountry.of(referencePost: "STATE") == nil)
        #expect(HostCountry.of(referencePost: "USNATO") == nil)
        #expect(HostCountry.of(referencePost: "KABUL")?.governmentAbbreviation == "GOA")
    }

    @Test("bodies and offices every reader knows are written out or not")
    func moreAbbreviations() {
        #expect(alternatives("The NATO summit will open soon.", rule: "known-abbreviation") == [["NATO", "North Atlantic Treaty Organization"]])
        #expect(alternatives("He met the MOD officials.", rule: "known-abbreviation") == [["MOD", "Ministry of Defense", "Defense Ministry"]])
        // A written-out form is found too, and keeps its own text.
        #expect(
            alternatives("He met the Defense Ministry officials.", rule: "known-abbreviation") == [
                ["MOD", "Ministry of Defense", "Defense Ministry"]
            ])
        #expect(
            alternatives("The FM will travel next week.", rule: "known-abbreviation") == [["FM", "Foreign Minister", "Minister of Foreign Affairs"]])
        #expect(alternatives("THE NSC WILL MEET.", rule: "known-abbreviation") == [["NSC", "NATIONAL SECURITY COUNCIL"]])
        #expect(alternatives("He spoke on state TV about the plan.", rule: "known-abbreviation") == [["TV", "television"]])
        #expect(alternatives("Headquarters staff will decide.", rule: "known-abbreviation") == [["HQ", "Headquarters"]])
        // Scheme 6 is unchanged.
        #expect(alternatives("The NATO summit will open soon.", rule: "known-abbreviation", scheme: .v6).isEmpty)
        #expect(alternatives("The FM will travel next week.", rule: "known-abbreviation", scheme: .v6) == [["FM", "Foreign Minister"]])
    }

    @Test("an abbreviation outside the dictionary is varied only where the cable writes it")
    func onlyWhereWritten() {
        #expect(alternatives("He flew to the UAE for talks.", rule: "known-abbreviation") == [["UAE", "United Arab Emirates"]])
        // Copies never bring in "UAE" where the cable names the country.
        #expect(alternatives("He flew to the United Arab Emirates for talks.", rule: "known-abbreviation").isEmpty)
        // A normaliser writes it out, so every copy normalises alike.
        let slot = SlotFinder(catalogue: .publicCatalogue).slots(in: cable("He flew to the UAE for talks.")).first { $0.rule == "known-abbreviation" }
        #expect(slot.map { $0.alternatives[$0.canonical] } == "United Arab Emirates")
    }

    @Test("two expansions: copies write those, in lower case unless a sentence opens")
    func twoExpansions() {
        #expect(
            alternatives("He met NGOs working in the north.", rule: "known-abbreviation")
                == [["NGOs", "nongovernmental organizations", "non-governmental organizations"]])
        #expect(
            alternatives("NGOs working in the north complained.", rule: "known-abbreviation")
                == [["NGOs", "Nongovernmental organizations", "Non-governmental organizations"]])
        #expect(
            alternatives("The UNGA vote is due.", rule: "known-abbreviation") == [["UNGA", "UN General Assembly", "United Nations General Assembly"]])
        // A written-out form found in the cable becomes a slot of the two.
        #expect(alternatives("The Secretary General will travel.", rule: "known-abbreviation") == [["SG", "Secretary General", "Secretary-General"]])
        #expect(
            alternatives("He met USAID staff.", rule: "known-abbreviation")
                == [["USAID", "U.S. Agency for International Development", "United States Agency for International Development"]])
    }

    @Test("A/S and U/S are offices, never a company's suffix, and TV never ends a station's name")
    func offices() {
        #expect(alternatives("EUR A/S Gordon arrived today.", rule: "known-abbreviation") == [["A/S", "Assistant Secretary"]])
        #expect(alternatives("He said U/S Burns would attend.", rule: "known-abbreviation") == [["U/S", "Under Secretary"]])
        #expect(alternatives("The contract went to Maersk A/S in the end.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("THE CONTRACT WENT TO MAERSK A/S IN THE END.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("THE A/S WILL ARRIVE.", rule: "known-abbreviation") == [["A/S", "ASSISTANT SECRETARY"]])
        // Nor is a station's name written out.
        #expect(alternatives("He told Abu Dhabi TV that talks would resume.", rule: "known-abbreviation").isEmpty)
    }

    @Test("after a or an, every wording takes the article the cable has, said aloud")
    func articlesBySound() {
        // Scheme 6 wrote "an European Union agreement" (its fault, kept); scheme 7 does not vary it.
        #expect(alternatives("They signed an EU agreement on trade.", rule: "known-abbreviation", scheme: .v6) == [["EU", "European Union"]])
        #expect(alternatives("They signed an EU agreement on trade.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("He met an MFA official on Monday.", rule: "known-abbreviation").isEmpty)
        // Wordings said with another article are left out, and the rest still vary.
        #expect(copyWordings("He met a Foreign Ministry official on Monday.") == [["Foreign Ministry", "Ministry of Foreign Affairs"]])
        #expect(alternatives("He met an NGO worker on Monday.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("It was an FBI operation.", rule: "known-abbreviation").isEmpty)
        // Wordings that keep the article still vary.
        #expect(alternatives("He met a UN official on Monday.", rule: "known-abbreviation") == [["UN", "United Nations"]])
        #expect(alternatives("It was a NATO operation.", rule: "known-abbreviation") == [["NATO", "North Atlantic Treaty Organization"]])
        #expect(alternatives("It was an IAEA inspection.", rule: "known-abbreviation") == [["IAEA", "International Atomic Energy Agency"]])
        #expect(ArticleSound.articles("European Union", abbreviations: []) == ["a"])
        #expect(ArticleSound.articles("MFA", abbreviations: []) == ["an"])
        #expect(ArticleSound.articles("UNITED NATIONS", abbreviations: []) == ["a"])
        #expect(ArticleSound.articles("upcoming", abbreviations: []) == ["an"])
        // A cable's own abbreviation may be said either way, so nothing is put after its article.
        #expect(ArticleSound.articles("MOI", abbreviations: ["MOI"]) == ["a", "an"])
        #expect(ArticleSound.articles("GOI", abbreviations: ["GOI"]) == ["a"])
    }

    @Test("para and paragraph before a paragraph's number")
    func paragraphReferences() {
        #expect(alternatives("Details follow (see para 6).", rule: "paragraph-reference") == [["para", "paragraph"]])
        #expect(alternatives("See paragraphs 4 and 5 for details.", rule: "paragraph-reference") == [["paras", "paragraphs"]])
        #expect(alternatives("PARA 3 SETS OUT THE REQUEST.", rule: "paragraph-reference") == [["PARA", "PARAGRAPH"]])
        // Not without a number ("Partido para la Democracia").
        #expect(alternatives("He founded the Partido para la Democracia.", rule: "paragraph-reference").isEmpty)
    }

    @Test("DOE, DOD and DOJ are written out only where the cable writes them")
    func departments() {
        #expect(alternatives("A DOJ prosecutor will attend.", rule: "known-abbreviation") == [["DOJ", "Department of Justice"]])
        #expect(alternatives("A Department of Justice prosecutor will attend.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("A DOJ prosecutor will attend.", rule: "known-abbreviation", scheme: .v7).isEmpty)
    }

    @Test("the host government also by possessive, and never the Government of X before a noun")
    func hostGovernmentPossessive() {
        #expect(
            alternatives("As expected, the GOB announced new rules.", rule: "host-government", post: "BRASILIA")
                == [["the GOB", "the Government of Brazil", "the Brazilian Government", "Brazil's Government"]])
        #expect(
            alternatives("The Brazilian government agreed.", rule: "host-government", post: "BRASILIA")
                == [["The GOB", "The government of Brazil", "The Brazilian government", "Brazil's government"]])
        // Before scheme 11, right after another slot ("said" / "said that") "the" cannot join the slot: scheme 7's slot stands.
        #expect(
            alternatives("He said the Brazilian government would act.", rule: "host-government", post: "BRASILIA", scheme: .v10)
                == [["GOB", "government of Brazil", "Brazilian government"]])
        // From scheme 11 slots may stand side by side, so the whole phrase is the slot.
        #expect(
            alternatives("He said the Brazilian government would act.", rule: "host-government", post: "BRASILIA")
                == [["the GOB", "the government of Brazil", "the Brazilian government", "Brazil's government"]])
        // Before a noun only the wordings that stay grammatical there (scheme 7 wrote "the Government of Argentina position").
        let slot = SlotFinder(catalogue: .publicCatalogue).slots(
            in: Cable(
                referenceID: ReferenceID(year: 2009, post: "BUENOSAIRES", serial: 1),
                classification: .confidential,
                paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: "He explained the GOA position on trade.")])
        )
        .first { $0.rule == "host-government" }
        #expect(slot.map { found in found.symbols.map { found.alternatives[$0] } } == ["the Argentine Government", "Argentina's Government"])
        #expect(
            alternatives("He explained the GOA position on trade.", rule: "host-government", post: "BUENOSAIRES", scheme: .v7)
                == [["GOA", "Government of Argentina", "Argentine Government"]])
        // A country named with its article has no possessive wording.
        #expect(
            alternatives("THE GOP WILL ACT SOON.", rule: "host-government", post: "MANILA")
                == [["THE GOP", "THE GOVERNMENT OF THE PHILIPPINES", "THE PHILIPPINE GOVERNMENT"]])
    }

    @Test("UK before a listed noun also as British, as U.S. may be American")
    func british() {
        #expect(alternatives("The minister met UK officials in Madrid.", rule: "known-abbreviation") == [["UK", "United Kingdom", "British"]])
        #expect(alternatives("The minister met UK officials in Madrid.", rule: "known-abbreviation", scheme: .v9) == [["UK", "United Kingdom"]])
        // Not as a noun ("the UK"), nor before a noun that is not listed.
        #expect(alternatives("The minister flew to the UK on Monday.", rule: "known-abbreviation") == [["UK", "United Kingdom"]])
    }

    @Test("from scheme 11 a release marking and a currency are never varied")
    func markingsAndCurrencies() {
        #expect(alternatives("(S/Rel UK) The minister met UK officials.", rule: "known-abbreviation") == [["UK", "United Kingdom", "British"]])
        #expect(alternatives("(S/Rel UK) The minister met UK officials.", rule: "known-abbreviation", scheme: .v10).count == 2)
        #expect(alternatives("The annex is marked REL TO UK and Canada.", rule: "known-abbreviation").isEmpty)
        #expect(alternatives("Canada has allocated US$16 million to the fund.", rule: "united-states").isEmpty)
        #expect(alternatives("Canada has allocated US $16 million to the fund.", rule: "united-states").isEmpty)
        #expect(alternatives("Canada has allocated US$16 million to the fund.", rule: "united-states", scheme: .v10).count == 1)
    }

    @Test("PM before a Department office is a bureau, not a Prime Minister")
    func politicalMilitaryBureau() {
        let bureau = "We will meet officials, like PM A/S Rood, in future."
        #expect(alternatives(bureau, rule: "known-abbreviation") == [["A/S", "Assistant Secretary"]])
        #expect(alternatives("PM DAS Smith will attend.", rule: "known-abbreviation") == [["DAS", "Deputy Assistant Secretary"]])
        #expect(alternatives("PM Brown will attend.", rule: "known-abbreviation") == [["PM", "Prime Minister"]])
        #expect(alternatives(bureau, rule: "known-abbreviation", scheme: .v11).first == ["PM", "Prime Minister"])
    }

    @Test("abbreviations the cable defines, and only those")
    func abbreviations() {
        let text = "The Government of India (GOI) has agreed. GOI officials said the talks would go on."
        #expect(alternatives(text, rule: "defined-abbreviation") == [["GOI", "Government of India"]])
        #expect(alternatives("GOP officials said the talks would go on.", rule: "defined-abbreviation").isEmpty)
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

    private func cable(_ text: String) -> Cable {
        Cable(classification: .confidential, paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: text)])
    }

    /// What copies may write in each known-abbreviation slot of the text.
    private func copyWordings(_ text: String) -> [[String]] {
        SlotFinder(catalogue: .publicCatalogue).slots(in: cable(text)).filter { $0.rule == "known-abbreviation" }.map { slot in
            slot.symbols.map { slot.alternatives[$0] }
        }
    }
}
