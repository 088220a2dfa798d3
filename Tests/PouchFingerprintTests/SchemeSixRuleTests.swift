import Foundation
import PouchTestSupport
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 6: the host government written out, and American")
struct SchemeSixRuleTests {
    @Test("the GOB from Brasilia is the Government of Brazil or the Brazilian Government")
    func hostGovernment() {
        #expect(alternatives("He said the GOB would not change its policy.", rule: "host-government", post: "BRASILIA", scheme: .v7)
                == [["GOB", "Government of Brazil", "Brazilian Government"]])
        #expect(alternatives("THE GOP WILL ACT SOON.", rule: "host-government", post: "ISLAMABAD", scheme: .v7)
                == [["GOP", "GOVERNMENT OF PAKISTAN", "PAKISTANI GOVERNMENT"]])
        #expect(alternatives("Officials said the GOP had agreed.", rule: "host-government", post: "MANILA", scheme: .v7)
                == [["GOP", "Government of the Philippines", "Philippine Government"]])
        // A consulate's host is its country.
        #expect(alternatives("The GOB has not replied.", rule: "host-government", post: "RIO DE JANEIRO", scheme: .v7)
                == [["GOB", "Government of Brazil", "Brazilian Government"]])
        // Written out, after "the": either full form, keeping the case of "government".
        #expect(alternatives("He said the Brazilian government would not change its policy.", rule: "host-government", post: "BRASILIA", scheme: .v7)
                == [["GOB", "government of Brazil", "Brazilian government"]])
        #expect(alternatives("He said the Government of the Philippines would act.", rule: "host-government", post: "MANILA", scheme: .v7)
                == [["GOP", "Government of the Philippines", "Philippine Government"]])
        #expect(alternatives("THE SOUTH AFRICAN GOVERNMENT WILL ACT.", rule: "host-government", post: "PRETORIA", scheme: .v7)
                == [["GOSA", "GOVERNMENT OF SOUTH AFRICA", "SOUTH AFRICAN GOVERNMENT"]])
        // A country of several words has the initials of all of them: from Pretoria "the GOS" is not South Africa's.
        #expect(alternatives("He said the GOS would act.", rule: "host-government", post: "PRETORIA", scheme: .v7).isEmpty)
        // An abbreviation another country named in the cable shares is left alone (here Sudan); the full forms are not.
        #expect(alternatives("He said the GOS would not act. Sudan was not discussed.", rule: "host-government", post: "MADRID", scheme: .v7).isEmpty)
        #expect(alternatives("He said the GOS would not act. The Sudanese envoy left.", rule: "host-government", post: "MADRID", scheme: .v7).isEmpty)
        // A capital is not a country: "Tehran" leaves "the GOT" in Ankara Turkey's.
        #expect(alternatives("He said the GOT would not act. Tehran was silent.", rule: "host-government", post: "ANKARA", scheme: .v7)
                == [["GOT", "Government of Turkey", "Turkish Government"]])
        #expect(alternatives("He said the Spanish government would act. Sudan was not discussed.", rule: "host-government", post: "MADRID", scheme: .v7)
                == [["GOS", "government of Spain", "Spanish government"]])
        // Not inside a longer name, nor another country's government.
        #expect(alternatives("He said the Brazilian Government Accountability Office would act.", rule: "host-government", post: "BRASILIA", scheme: .v7).isEmpty)
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
        #expect(alternatives("The Group of Bankers (GOB) met. He said the GOB would meet again.", rule: "host-government", post: "BRASILIA", scheme: .v7).isEmpty)
        // Scheme 5 is frozen without it.
        #expect(alternatives("He said the GOB would not change its policy.", rule: "host-government", post: "BRASILIA", scheme: .v5).isEmpty)
    }

    @Test("U.S. before a listed noun may also be American, never after a or an")
    func american() {
        #expect(alternatives("They met U.S. officials on the issue.", rule: "united-states", post: nil)
                == [["U.S.", "United States", "US", "American"]])
        #expect(alternatives("They met United States officials on the issue.", rule: "united-states", post: nil)
                == [["U.S.", "United States", "US", "American"]])
        #expect(alternatives("THEY WELCOMED THE U.S. POSITION ON THE ISSUE.", rule: "united-states", post: nil)
                == [["U.S.", "UNITED STATES", "US", "AMERICAN"]])
        // "American" would need "an".
        #expect(alternatives("They met a U.S. official on the issue.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        // A noun, a verb or a word that may be a verb after it: no "American".
        #expect(alternatives("They thanked the U.S. for its help.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        #expect(alternatives("He said the U.S. plans to leave soon.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        #expect(alternatives("He said the U.S. would leave soon.", rule: "united-states", post: nil) == [["U.S.", "United States", "US"]])
        // Copies write "American", so a normaliser finds it again; never in a longer name or after "an".
        #expect(alternatives("They welcomed the American position on the issue.", rule: "united-states", post: nil)
                == [["U.S.", "United States", "US", "American"]])
        #expect(alternatives("They met Latin American officials on the issue.", rule: "united-states", post: nil).isEmpty)
        #expect(alternatives("They met Inter-American officials on the issue.", rule: "united-states", post: nil).isEmpty)
        #expect(alternatives("They met an American official on the issue.", rule: "united-states", post: nil).isEmpty)
        #expect(alternatives("They met the Americans on the issue.", rule: "united-states", post: nil).isEmpty)
        // Scheme 5 is frozen with two wordings.
        #expect(alternatives("They met U.S. officials on the issue.", rule: "united-states", post: nil, scheme: .v5) == [["U.S.", "United States", "US"]])
    }

    @Test("USG may also be the American Government after the or before a listed noun")
    func americanGovernment() {
        #expect(alternatives("He thanked the USG for its help.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government", "American Government"]])
        #expect(alternatives("He met USG officials on the issue.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government", "American Government"]])
        #expect(alternatives("He said USG has a plan for the issue.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government"]])
        #expect(alternatives("He met a USG official on the issue.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government"]])
        #expect(alternatives("He thanked the American Government for its help.", rule: "known-abbreviation", post: nil)
                == [["USG", "U.S. Government", "United States Government", "American Government"]])
        #expect(alternatives("He met an American government official.", rule: "known-abbreviation", post: nil).isEmpty)
        #expect(alternatives("He thanked the American Government for its help.", rule: "known-abbreviation", post: nil, scheme: .v5).isEmpty)
        #expect(alternatives("He thanked the USG for its help.", rule: "known-abbreviation", post: nil, scheme: .v5)
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
}
