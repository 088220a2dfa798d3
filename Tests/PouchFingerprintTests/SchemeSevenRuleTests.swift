import Foundation
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 7: more known abbreviations, and articles by sound")
struct SchemeSevenRuleTests {
    @Test("bodies and offices every reader knows are written out or not")
    func moreAbbreviations() {
        #expect(alternatives("The NATO summit will open soon.", rule: "known-abbreviation") == [["NATO", "North Atlantic Treaty Organization"]])
        #expect(alternatives("He met the MOD officials.", rule: "known-abbreviation") == [["MOD", "Ministry of Defense", "Defense Ministry"]])
        // A written-out form is found too, and keeps its own text.
        #expect(alternatives("He met the Defense Ministry officials.", rule: "known-abbreviation") == [["MOD", "Ministry of Defense", "Defense Ministry"]])
        #expect(alternatives("The FM will travel next week.", rule: "known-abbreviation") == [["FM", "Foreign Minister", "Minister of Foreign Affairs"]])
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
        #expect(alternatives("He met NGOs working in the north.", rule: "known-abbreviation")
                == [["NGOs", "nongovernmental organizations", "non-governmental organizations"]])
        #expect(alternatives("NGOs working in the north complained.", rule: "known-abbreviation")
                == [["NGOs", "Nongovernmental organizations", "Non-governmental organizations"]])
        #expect(alternatives("The UNGA vote is due.", rule: "known-abbreviation") == [["UNGA", "UN General Assembly", "United Nations General Assembly"]])
        // A written-out form found in the cable becomes a slot of the two.
        #expect(alternatives("The Secretary General will travel.", rule: "known-abbreviation") == [["SG", "Secretary General", "Secretary-General"]])
        #expect(alternatives("He met USAID staff.", rule: "known-abbreviation")
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

    @Test("no scheme-7 copy of a corpus cable puts a or an before a wording said otherwise")
    func corpusArticles() {
        #expect(RealSlots.cables.count > 250)
        var checked = 0
        for cable in RealSlots.cables {
            for slot in SlotFinder(catalogue: .publicCatalogue, scheme: .v7).slots(in: cable) {
                guard let article = SchemeTests.article(before: slot, in: cable) else { continue }
                let original = SlotFinder.firstWord(slot.alternatives[slot.original])
                for wording in slot.symbols.map({ slot.alternatives[$0] }) where SlotFinder.firstWord(wording) != original {
                    #expect(ArticleSound.articles(wording, abbreviations: []).contains(article), "\(cable.referenceID.map { "\($0)" } ?? "?"): \(article) \(wording)")
                }
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// What copies may write in each known-abbreviation slot of the text.
    private func copyWordings(_ text: String) -> [[String]] {
        SlotFinder(catalogue: .publicCatalogue).slots(in: cable(text)).filter { $0.rule == "known-abbreviation" }.map { slot in
            slot.symbols.map { slot.alternatives[$0] }
        }
    }

    private func cable(_ text: String) -> Cable {
        Cable(classification: .confidential, paragraphs: [Paragraph(number: 1, mark: PortionMark("C"), text: text)])
    }
}

@Suite("Scheme 7: a minister or ministry named by its portfolio before or after it")
struct PortfolioRuleTests {
    @Test("either order, keeping case, with a name after the office")
    func bothOrders() {
        #expect(alternatives("The Justice Minister will decide soon.", rule: "portfolio") == [["Justice Minister", "Minister of Justice"]])
        #expect(alternatives("He met the Minister of Justice last week.", rule: "portfolio") == [["Justice Minister", "Minister of Justice"]])
        #expect(alternatives("Israeli Defense Minister Barak arrived today.", rule: "portfolio") == [["Defense Minister", "Minister of Defense"]])
        #expect(alternatives("He met the interior minister yesterday.", rule: "portfolio")
                == [["interior minister", "minister of interior", "minister of the interior"]])
        #expect(alternatives("THE MINISTRY OF THE INTERIOR WILL ACT.", rule: "portfolio")
                == [["INTERIOR MINISTRY", "MINISTRY OF INTERIOR", "MINISTRY OF THE INTERIOR"]])
        #expect(alternatives("Health Ministry officials said the outbreak was over.", rule: "portfolio") == [["Health Ministry", "Ministry of Health"]])
        // "Defense Ministry" and "Foreign Minister" are the known abbreviations' ("MOD", "FM").
        #expect(alternatives("The Defense Ministry said nothing.", rule: "portfolio").isEmpty)
        #expect(alternatives("The Foreign Minister said nothing.", rule: "portfolio").isEmpty)
        // Scheme 6 has no such rule.
        #expect(alternatives("The Justice Minister said the law would pass.", rule: "portfolio", scheme: .v6).isEmpty)
    }

    @Test("never where another word may belong to the portfolio")
    func wholePortfolio() {
        #expect(alternatives("The Higher Education Minister resigned.", rule: "portfolio").isEmpty)
        #expect(alternatives("The Oil and Energy Minister resigned.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Minister of Energy and Mines today.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Minister of Economy, Trade and Industry today.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Ministry of Interior Affairs officials.", rule: "portfolio").isEmpty)
        #expect(alternatives("He met the Minister of State for Europe.", rule: "portfolio").isEmpty)
        #expect(alternatives("HE MET THE MINISTER OF DEFENSE INDUSTRY TODAY.", rule: "portfolio").isEmpty)
        #expect(alternatives("The Justice Minister's aide left.", rule: "portfolio").isEmpty)
        // Nor where the cable defines an abbreviation by it.
        #expect(alternatives("He met the Ministry of Finance (MOF) team.", rule: "portfolio").isEmpty)
        // After "an", "Interior Minister" never becomes "an Minister of Interior".
        #expect(alternatives("He met an Interior Ministry official.", rule: "portfolio").isEmpty)
    }
}
