import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Reporting verbs: said and stated, told and informed, the named speaker")
struct ReportingVerbRuleTests {
    @Test("a reporting verb and its optional that form one slot of three wordings (four from scheme 5)")
    func reportingVerb() {
        #expect(
            alternatives("The minister said that the talks would resume.", rule: "reporting-verb", scheme: .v4) == [
                ["said that", "stated that", "said"]
            ])
        #expect(
            alternatives("The minister said the talks would resume.", rule: "reporting-verb", scheme: .v4) == [["said", "said that", "stated that"]])
        #expect(
            alternatives("He stated that the talks would resume.", rule: "reporting-verb", scheme: .v4) == [["stated that", "said that", "said"]])
        #expect(
            alternatives("She underscored that the army would withdraw.", rule: "reporting-verb", scheme: .v4) == [
                ["underscored that", "emphasized that", "emphasized"]
            ])
        #expect(
            alternatives("THE MINISTER SAID THAT PAKISTAN WOULD AGREE.", rule: "reporting-verb", scheme: .v4) == [
                ["SAID THAT", "STATED THAT", "SAID"]
            ])
        // After a speaker, before a pause.
        #expect(alternatives("The talks will resume, he said.", rule: "reporting-verb") == [["said", "stated"]])
        #expect(alternatives("The minister replied to the letter on time.", rule: "reporting-verb") == [["replied", "responded"]])
        // Never passive, attributive, before a quotation, or "said to be".
        #expect(alternatives("The goals stated in the report are clear.", rule: "reporting-verb").isEmpty)
        #expect(alternatives("It was said, in the end, to be over.", rule: "reporting-verb").isEmpty)
        #expect(alternatives("He said, \"We will go.\"", rule: "reporting-verb").isEmpty)
        #expect(alternatives("He is said to be ill.", rule: "reporting-verb").isEmpty)
        // Scheme 1 never had it.
        #expect(alternatives("The minister said that the talks would resume.", rule: "reporting-verb", scheme: .v1).isEmpty)
    }

    @Test("told X that / informed X that, and the optional that after the object")
    func told() {
        let found = slots("The minister told the Ambassador that the army would withdraw.")
        #expect(found.contains { $0.rule == "told-informed" && $0.alternatives == ["told", "informed"] })
        #expect(found.contains { $0.rule == "told-that" && $0.alternatives == ["Ambassador that", "Ambassador"] })
        // "told X to" is an instruction, never matched.
        #expect(slots("He told us to leave the meeting early.").allSatisfy { !$0.rule.hasPrefix("told") })
    }

    @Test("said and stated, with or without that; the third verb of a group of three")
    func reportingVerbFourWordings() {
        #expect(
            alternatives("The minister said that the talks would resume.", rule: "reporting-verb")
                == [["said that", "stated that", "said", "stated"]])
        #expect(
            alternatives("The minister said the talks would resume.", rule: "reporting-verb")
                == [["said", "said that", "stated that", "stated"]])
        #expect(
            alternatives("THE MINISTER STATED THAT THE TALKS WOULD RESUME.", rule: "reporting-verb")
                == [["STATED THAT", "SAID THAT", "SAID", "STATED"]])
        #expect(
            alternatives("She emphasized that the talks would resume.", rule: "reporting-verb")
                == [["emphasized that", "stressed that", "emphasized", "underscored that"]])
        // "Observed the talks" would read as watching them: no bare partner for noted.
        #expect(alternatives("He noted that the talks had stalled.", rule: "reporting-verb") == [["noted that", "observed that", "noted"]])
        // Scheme 4 keeps its three wordings.
        #expect(
            alternatives("The minister said that the talks would resume.", rule: "reporting-verb", scheme: .v4)
                == [["said that", "stated that", "said"]])
    }

    @Test("a named speaker before or after a reporting verb that closes a clause")
    func speakerInversion() {
        #expect(
            alternatives("The talks will go on, Moratinos said.", rule: "reporting-verb")
                == [["Moratinos said", "Moratinos stated", "said Moratinos", "stated Moratinos"]])
        #expect(alternatives("\"We cannot accept it,\" the Ambassador noted, and left.", rule: "reporting-verb").count == 1)
        #expect(
            alternatives("\"It is absurd,\" Richier said.", rule: "reporting-verb")
                == [["Richier said", "Richier stated", "said Richier", "stated Richier"]])
        #expect(
            alternatives("This, the AG said, was wrong.", rule: "reporting-verb")
                == [["the AG said", "the AG stated", "said the AG", "stated the AG"]])
        // Never a pronoun ("said he"), and never before "and": the verb then heads its own clause.
        #expect(alternatives("The talks will go on, he said.", rule: "reporting-verb") == [["said", "stated"]])
        #expect(alternatives("\"We cannot accept it,\" Moratinos said, and asked for help.", rule: "reporting-verb") == [["said", "stated"]])
        #expect(alternatives("The talks will go on, Moratinos said.", rule: "reporting-verb", scheme: .v11) == [["said", "stated"]])
    }
}
