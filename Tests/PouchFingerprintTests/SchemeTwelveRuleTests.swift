import Foundation
import PouchTestSupport
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 12: stricter list and introductory commas, nouns before that, addresses; likely, first, buy")
struct SchemeTwelveRuleTests {
    @Test("a list's comma only closes a short item of a real list, never an aside or one half of a pair")
    func listCommas() {
        #expect(alternatives("They discussed trade, energy, and security.", rule: "serial-comma") == [["energy, and", "energy and"]])
        #expect(alternatives("They discussed trade, energy, water and security.", rule: "serial-comma") == [["water and", "water, and"]])
        // An aside before the comma: "however and" would be wrong.
        #expect(alternatives("Killings are still occurring, however, and the number is rising.", rule: "serial-comma").isEmpty)
        #expect(alternatives("We would not shift course, either, and would continue to decline.", rule: "serial-comma").isEmpty)
        #expect(alternatives("The remarks were slanderous, he added, and must be retracted.", rule: "serial-comma").isEmpty)
        // "between A and B" and a clause are pairs, not lists.
        #expect(alternatives("They meet twice a year, biannually, between our AG and the Justice Minister.", rule: "serial-comma").isEmpty)
        #expect(alternatives("Musharraf wondered again, did the media and the U.S. believe him.", rule: "serial-comma").isEmpty)
        #expect(alternatives("Reforms, however, were watered down or withdrawn.", rule: "serial-comma").isEmpty)
        // Scheme 11 still finds them.
        #expect(alternatives("Killings are still occurring, however, and the number is rising.", rule: "serial-comma", scheme: .v11).count == 1)
        #expect(alternatives("They meet twice a year, biannually, between our AG and the Justice Minister.", rule: "serial-comma", scheme: .v11).count == 1)
    }

    @Test("an introductory comma only before a determiner, a pronoun or a name, and never before an aside")
    func introductoryCommas() {
        #expect(alternatives("During the meeting, the minister agreed.", rule: "introductory-comma") == [["meeting,", "meeting"]])
        #expect(alternatives("During the meeting, he agreed.", rule: "introductory-comma") == [["meeting,", "meeting"]])
        #expect(alternatives("Despite multiple requests, PolOff received no reply.", rule: "introductory-comma") == [["requests,", "requests"]])
        #expect(alternatives("On Gaza, xxxxxxxxxxxx said Turkey would help.", rule: "introductory-comma") == [["Gaza,", "Gaza"]])
        // Without the comma a bare noun would run on from the phrase ("the press fury reaction").
        #expect(alternatives("Despite the press fury, reaction from the government was muted.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("IN THE WAKE OF THE ATTACK, POLICE OFFICIALS REMAIN CALM.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("IN THE WAKE OF THE ATTACK, THE POLICE REMAIN CALM.", rule: "introductory-comma") == [["ATTACK,", "ATTACK"]])
        // "he said," after the comma: without it he would speak like a boxer.
        #expect(alternatives("Like a skilled boxer, he said, the key is to keep moving.", rule: "introductory-comma").isEmpty)
        #expect(alternatives("Despite the press fury, reaction from the government was muted.", rule: "introductory-comma", scheme: .v11).count == 1)
        #expect(alternatives("Like a skilled boxer, he said, the key is to keep moving.", rule: "introductory-comma", scheme: .v11).count == 1)
    }

    @Test("after a possessive a verb of saying or thinking is a noun, and its that stays")
    func nounsBeforeThat() {
        #expect(alternatives("He added his hope that Europe will follow.", rule: "that-complementizer").isEmpty)
        #expect(alternatives("It reflected its fears that it will be attacked.", rule: "that-complementizer").isEmpty)
        #expect(alternatives("He added his hope that Europe will follow.", rule: "that-complementizer", scheme: .v11).count == 1)
        // "Some" may be the subject, and a date before the verb changes nothing.
        #expect(alternatives("Some say that he is reverting to old habits.", rule: "that-complementizer") == [["say that", "say"]])
        #expect(alternatives("Durel on August 18 confirmed that Sarkozy called.", rule: "that-complementizer") == [["confirmed that", "confirmed"]])
    }

    @Test("scheme 12 reads more verbs of saying and showing before that")
    func moreVerbs() {
        #expect(alternatives("Pickard mentioned that the firms will not share data.", rule: "that-complementizer") == [["mentioned that", "mentioned"]])
        #expect(alternatives("The Saudis realized they could not fight back.", rule: "that-before-pronoun") == [["realized", "realized that"]])
        #expect(alternatives("Pickard mentioned that the firms will not share data.", rule: "that-complementizer", scheme: .v11).isEmpty)
    }

    @Test("PM before a Department office is a bureau, not a Prime Minister")
    func politicalMilitaryBureau() {
        let bureau = "We will meet officials, like PM A/S Rood, in future."
        #expect(alternatives(bureau, rule: "known-abbreviation") == [["A/S", "Assistant Secretary"]])
        #expect(alternatives("PM DAS Smith will attend.", rule: "known-abbreviation") == [["DAS", "Deputy Assistant Secretary"]])
        #expect(alternatives("PM Brown will attend.", rule: "known-abbreviation") == [["PM", "Prime Minister"]])
        #expect(alternatives(bureau, rule: "known-abbreviation", scheme: .v11).first == ["PM", "Prime Minister"])
    }

    @Test("nothing inside a web or mail address is varied")
    func addresses() {
        #expect(alternatives("See www.icc-ccs.org for the report.", rule: "hyphenated-compound").isEmpty)
        #expect(alternatives("See www icc-ccs org for the report.", rule: "hyphenated-compound").isEmpty)
        #expect(alternatives("It was a long-term effort.", rule: "hyphenated-compound").count == 1)
        // "U.S. government" is no address, and "COM" is a Chief of Mission.
        #expect(alternatives("The U.S. government agreed.", rule: "known-abbreviation").count == 1)
    }

    @Test("likely and probably after will or would, never as an adjective")
    func likelyProbably() {
        // Beside the modal, with the order of adverb and modal, one slot of four wordings.
        #expect(alternatives("The bill will likely be signed soon.", rule: "adverb-auxiliary") == [["will likely", "likely will", "will probably", "probably will"]])
        #expect(alternatives("THE BILL PROBABLY WOULD PASS.", rule: "adverb-auxiliary") == [["PROBABLY WOULD", "WOULD PROBABLY", "LIKELY WOULD", "WOULD LIKELY"]])
        #expect(alternatives("The bill has already passed.", rule: "adverb-auxiliary") == [["has already", "already has"]])
        #expect(alternatives("The bill will likely be signed soon.", rule: "adverb-auxiliary", scheme: .v11) == [["will likely", "likely will"]])
        // Before a negation the order stays, and only the adverb varies.
        #expect(alternatives("UAC will likely never be private.", rule: "likely-probably") == [["likely", "probably"]])
        #expect(alternatives("Results would probably not be immediate.", rule: "likely-probably") == [["likely", "probably"]])
        #expect(alternatives("The bill is likely to be signed.", rule: "likely-probably").isEmpty)
        #expect(alternatives("It will likely that he goes.", rule: "likely-probably").isEmpty)
        #expect(alternatives("He said it is likely, and it will.", rule: "likely-probably").isEmpty)
        #expect(alternatives("UAC will likely never be private.", rule: "likely-probably", scheme: .v11).isEmpty)
    }

    @Test("First, Second and Third opening a sentence before a comma")
    func ordinals() {
        #expect(alternatives("There are two points. First, the GOB intends to cut.", rule: "first-firstly") == [["First", "Firstly"]])
        #expect(alternatives("SECOND, THE PLAN WILL CHANGE.", rule: "second-secondly") == [["SECOND", "SECONDLY"]])
        #expect(alternatives("He came first, then left.", rule: "first-firstly").isEmpty)
        #expect(alternatives("First Lady Obama visited.", rule: "first-firstly").isEmpty)
    }

    @Test("buy and purchase as verbs, never as a noun or in an idiom")
    func buyPurchase() {
        #expect(alternatives("The ministry wants to buy gas from Turkmenistan.", rule: "buy-purchase") == [["buy", "purchase"]])
        #expect(alternatives("They bought two properties.", rule: "bought-purchased") == [["bought", "purchased"]])
        #expect(alternatives("Officers spend their money buying luxury vehicles.", rule: "buying-purchasing") == [["buying", "purchasing"]])
        #expect(alternatives("The firm buys all of its steel abroad.", rule: "buys-purchases") == [["buys", "purchases"]])
        for idiom in ["They tried to buy time.", "The deal bought some time.", "He never bought into the idea.", "It bought us time.",
                      "They plan to buy back shares.", "It was a good buy.", "Vote buying is common.", "They will purchase gas."] {
            #expect(slots(idiom).allSatisfy { !["buy-purchase", "bought-purchased", "buying-purchasing"].contains($0.rule) }, "\(idiom)")
        }
        #expect(alternatives("They bought two properties.", rule: "bought-purchased", scheme: .v11).isEmpty)
    }

    @Test("however before or after a short subject that opens its sentence")
    func howeverPlacement() {
        #expect(alternatives("It rained. However, the minister said no.", rule: "however-placement") == [["However, the minister", "The minister, however,"]])
        #expect(alternatives("It rained. The minister, however, said no.", rule: "however-placement") == [["The minister, however,", "However, the minister"]])
        #expect(alternatives("It rained. However, he agreed.", rule: "however-placement") == [["However, he", "He, however,"]])
        #expect(alternatives("It rained; however, France has agreed.", rule: "however-placement") == [["however, France", "France, however,"]])
        #expect(alternatives("It rained; however, they agreed.", rule: "however-placement") == [["however, they", "they, however,"]])
        #expect(alternatives("HOWEVER, THIS EPISODE HAS SHOWN A GAP.", rule: "however-placement") == [["HOWEVER, THIS EPISODE", "THIS EPISODE, HOWEVER,"]])
        // Not across a possessive, a long or interrupted subject, an introductory phrase, or a word that only
        // opening the sentence capitalises.
        #expect(alternatives("However, Ortega's continued attacks hurt.", rule: "however-placement").isEmpty)
        #expect(alternatives("In 2009, the council, however, said no.", rule: "however-placement").isEmpty)
        #expect(alternatives("Officials, however, said no.", rule: "however-placement").isEmpty)
        #expect(alternatives("However hard they try, it fails.", rule: "however-placement").isEmpty)
        #expect(alternatives("However, the head of the office in the capital said no.", rule: "however-placement").isEmpty)
        #expect(alternatives("It rained. However, the minister said no.", rule: "however-placement", scheme: .v11).isEmpty)
    }

    @Test("a named speaker before or after a reporting verb that closes a clause")
    func speakerInversion() {
        #expect(alternatives("The talks will go on, Moratinos said.", rule: "reporting-verb")
            == [["Moratinos said", "Moratinos stated", "said Moratinos", "stated Moratinos"]])
        #expect(alternatives("\"We cannot accept it,\" the Ambassador noted, and left.", rule: "reporting-verb").count == 1)
        #expect(alternatives("\"It is absurd,\" Richier said.", rule: "reporting-verb")
            == [["Richier said", "Richier stated", "said Richier", "stated Richier"]])
        #expect(alternatives("This, the AG said, was wrong.", rule: "reporting-verb")
            == [["the AG said", "the AG stated", "said the AG", "stated the AG"]])
        // Never a pronoun ("said he"), and never before "and": the verb then heads its own clause.
        #expect(alternatives("The talks will go on, he said.", rule: "reporting-verb") == [["said", "stated"]])
        #expect(alternatives("\"We cannot accept it,\" Moratinos said, and asked for help.", rule: "reporting-verb") == [["said", "stated"]])
        #expect(alternatives("The talks will go on, Moratinos said.", rule: "reporting-verb", scheme: .v11) == [["said", "stated"]])
    }

    @Test("before only before an event, never meaning in front of or opening a clause")
    func beforeEvent() {
        #expect(alternatives("One month before the election, the outlook is bleak.", rule: "before-event") == [["before", "prior to"]])
        #expect(alternatives("It will happen before the end of the year.", rule: "before-event") == [["before", "prior to"]])
        #expect(alternatives("BLACKLISTS MUST BE REMOVED BEFORE THE TALKS.", rule: "before-event") == [["BEFORE", "PRIOR TO"]])
        for text in ["Aznar was willing to go before the US Congress.", "He will appear before a special session.",
                     "They want to embarrass Putin before the West.", "The lists must be removed before these talks can start.",
                     "Nothing will happen before the court decides.", "Polls taken before the election process starts are useless."] {
            #expect(alternatives(text, rule: "before-event").isEmpty, "\(text)")
            #expect(alternatives(text, rule: "prior-to").isEmpty, "\(text)")
        }
        // "Prior to" is still found, and scheme 11 still looks for "before" in its own way.
        #expect(alternatives("Prior to the meeting, he called.", rule: "prior-to") == [["Prior to", "Before"]])
        #expect(alternatives("Aznar was willing to go before the US Congress.", rule: "prior-to", scheme: .v11).count == 1)
    }

    @Test("whole as a noun is no entire")
    func wholeAsNoun() {
        #expect(alternatives("It met as a committee of the whole to hear testimony.", rule: "entire-whole").isEmpty)
        #expect(alternatives("It met as a committee of the whole to hear testimony.", rule: "entire-whole", scheme: .v11).count == 1)
        #expect(alternatives("China will pay for the entire project.", rule: "entire-whole") == [["entire", "whole"]])
    }

    @Test("over the course of beside during, and notably beside especially where it focuses")
    func widerWordings() {
        #expect(alternatives("He raised it during the meeting.", rule: "during-in-the-course-of") == [["during", "in the course of", "over the course of"]])
        #expect(alternatives("He raised it during the meeting.", rule: "during-in-the-course-of", scheme: .v11) == [["during", "in the course of"]])
        #expect(alternatives("Crime is low, particularly in the north.", rule: "especially-particularly") == [["especially", "particularly", "notably"]])
        // Before an adjective "notably" would mean "remarkably"; opening a sentence, "it is notable that".
        #expect(alternatives("The slogans were particularly divisive.", rule: "especially-particularly") == [["especially", "particularly"]])
        #expect(alternatives("It rained. Particularly if it lasts, crops fail.", rule: "especially-particularly") == [["Especially", "Particularly"]])
    }

    @Test("scheme 12's rules stand up to any order of their own trigger words, even at a text's very end")
    func triggerSoup() {
        let words = ["However", "however", ",", ".", ";", "he", "the", "minister", "said", "stated", "Moratinos", "before", "election",
                     "end", "of", "will", "likely", "probably", "First", "buy", "bought", "time", "during", "particularly", "in",
                     "and", "\"", "xxxxx", "whole", "to", "PM", "A/S", "www", "icc-ccs", "org", "his", "hope", "that"]
        var random = SplitMix(seed: 12)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...9, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            for slot in slots(text) {
                #expect(slot.alternatives.count >= 2 && slot.alternatives.allSatisfy { !$0.isEmpty }, "\(text)")
            }
        }
        #expect(slots("It rained. However, he").allSatisfy { $0.rule != "however-placement" })
    }
}
