import Foundation
import Testing
import PouchCore
@testable import PouchFingerprint

@Suite("Scheme 10: end markers, over the past, largely, reiterated, requested, along with, in part, instead of, regardless of")
struct SchemeTenRuleTests {
    @Test("end summary, end comment and end note, with or without of, only opening a sentence")
    func endMarkers() {
        #expect(alternatives("Talks will resume in May. End summary.", rule: "end-summary") == [["End summary", "End of summary"]])
        #expect(alternatives("(Comment: talks stalled. END COMMENT.)", rule: "end-comment") == [["END COMMENT", "END OF COMMENT"]])
        #expect(alternatives("(Note: he left early. End note.) He returned.", rule: "end-note") == [["End note", "End of note"]])
        #expect(alternatives("Talks will resume. End of summary.", rule: "end-summary") == [["End summary", "End of summary"]])
        // Inside a sentence "end" is a verb or a noun, not the marker.
        #expect(alternatives("They want to end note buying by banks.", rule: "end-note").isEmpty)
        #expect(alternatives("Talks will resume in May. End summary.", rule: "end-summary", scheme: .v9).isEmpty)
    }

    @Test("over the past, over the last, in the past, in the last, before a span of time")
    func overThePast() {
        let four = ["over the past", "over the last", "in the past", "in the last"]
        #expect(alternatives("Exports rose over the past two years.", rule: "over-the-past") == [four])
        #expect(alternatives("Exports rose over the past 18 months.", rule: "over-the-past") == [four])
        #expect(alternatives("In the past few weeks exports rose.", rule: "over-the-past") == [["Over the past", "Over the last", "In the past", "In the last"]])
        // "In the past" alone means "formerly"; "in the last" may be a final span, so it is never looked for.
        #expect(alternatives("In the past, the ministry refused.", rule: "over-the-past").isEmpty)
        #expect(alternatives("He resigned in the past as well.", rule: "over-the-past").isEmpty)
        #expect(alternatives("He fell ill in the last year of his term.", rule: "over-the-past").isEmpty)
    }

    @Test("largely and mostly; reiterated and repeated; regardless and irrespective of")
    func adverbsAndVerbs() {
        #expect(alternatives("The gesture was largely symbolic.", rule: "largely-mostly") == [["largely", "mostly"]])
        #expect(alternatives("The protesters were mostly students.", rule: "largely-mostly") == [["largely", "mostly"]])
        #expect(alternatives("He reiterated his concern about Iran.", rule: "reiterated-repeated") == [["reiterated", "repeated"]])
        // "repeated" is also an adjective, so it is never looked for.
        #expect(alternatives("There were repeated attacks on the border.", rule: "reiterated-repeated").isEmpty)
        #expect(alternatives("Aid will flow regardless of the vote.", rule: "regardless-of") == [["regardless of", "irrespective of"]])
    }

    @Test("requested and asked for before the thing asked for, never before a person asked to act")
    func requested() {
        #expect(alternatives("The minister requested assistance from Spain.", rule: "requested-asked-for") == [["requested", "asked for"]])
        #expect(alternatives("The Ambassador asked for a meeting.", rule: "requested-asked-for") == [["requested", "asked for"]])
        #expect(alternatives("He requested that the talks resume.", rule: "requested-asked-for").isEmpty)
        #expect(alternatives("He requested the minister to resign.", rule: "requested-asked-for").isEmpty)
        #expect(alternatives("He was asked for a comment.", rule: "requested-asked-for").isEmpty)
        #expect(alternatives("They sent the requested information.", rule: "requested-asked-for").isEmpty)
    }

    @Test("in this regard, a wide range, by contrast, at the time: only where the words are the phrase")
    func smallPhrases() {
        #expect(alternatives("Spain was helpful in this regard.", rule: "in-this-regard") == [["in this regard", "in this respect"]])
        #expect(alternatives("Spain offered a wide range of projects.", rule: "wide-range") == [["wide range of", "broad range of"]])
        #expect(alternatives("By contrast, Spain agreed.", rule: "by-contrast") == [["In contrast", "By contrast"]])
        #expect(alternatives("In contrast to Spain, Italy agreed.", rule: "by-contrast").isEmpty)
        #expect(alternatives("He was minister at the time.", rule: "at-the-time") == [["at the time", "at that time"]])
        #expect(alternatives("He was abroad at the time of the attack.", rule: "at-the-time").isEmpty)
        #expect(alternatives("At the time he arrived, talks had stalled.", rule: "at-the-time").isEmpty)
    }

    @Test("UK before a listed noun also as British, as U.S. may be American")
    func british() {
        #expect(alternatives("The minister met UK officials in Madrid.", rule: "known-abbreviation") == [["UK", "United Kingdom", "British"]])
        #expect(alternatives("The minister met UK officials in Madrid.", rule: "known-abbreviation", scheme: .v9) == [["UK", "United Kingdom"]])
        // Not as a noun ("the UK"), nor before a noun that is not listed.
        #expect(alternatives("The minister flew to the UK on Monday.", rule: "known-abbreviation") == [["UK", "United Kingdom"]])
    }

    @Test("along with, in part, instead of, never where the words belong to something else")
    func connectives() {
        #expect(alternatives("The minister, along with his deputy, attended.", rule: "along-with") == [["along with", "together with"]])
        #expect(alternatives("The party went along with the plan.", rule: "along-with").isEmpty)
        #expect(alternatives("The rise stems in part from imports.", rule: "in-part") == [["in part", "partly"]])
        #expect(alternatives("Both sides take in part the blame.", rule: "in-part").isEmpty)
        #expect(alternatives("Troops left in part of the country.", rule: "in-part").isEmpty)
        #expect(alternatives("The sky was partly cloudy.", rule: "in-part").isEmpty)
        #expect(alternatives("They chose talks instead of sanctions.", rule: "instead-of") == [["instead of", "rather than"]])
        #expect(alternatives("He would rather resign than stay.", rule: "instead-of").isEmpty)
    }
}
