import Foundation
import PouchCore
import PouchTestSupport
import Testing

@testable import PouchFingerprint

@Suite("Tracing leaks")
struct TraceTests {
    static let recipients = (1...200).map { String(format: "R%03d", $0) }
    static let tracer = Tracer(fingerprints: [LongCable.fingerprint])

    func trace(_ text: String) -> TraceVerdict {
        Self.tracer.trace(Self.tracer.read(leak: text), recipients: Self.recipients)
    }

    @Test("a retyped whole copy names its recipient, and only them")
    func retypedCopy() {
        var random = SplitMix(seed: 3)
        let leaker = "R042"
        let text = Attack.retype(CableRenderer().render(LongCable.fingerprint.copy(for: leaker)), using: &random)
        let verdict = trace(text)
        #expect(verdict.verdict == "identified")
        #expect(verdict.accused.map(\.recipient) == [leaker])
        #expect(verdict.accused[0].falseAccusationProbability <= 1e-6)
        #expect(verdict.bitsObserved >= LongCable.fingerprint.slots.count * 8 / 10)
        #expect(verdict.candidates.first?.recipient == leaker)
    }

    @Test("an intercepted copy names its recipient, whether an American or a British spell checker corrected it", arguments: ["en_US", "en_GB"])
    func intercepted(dictionary: String) throws {
        var random = SplitMix(seed: 11)
        let leaker = "R117"
        let copy = CableRenderer().render(LongCable.fingerprint.copy(for: leaker))
        let text = try Attack.intercept(copy, spellChecker: try Hunspell(dictionary: dictionary), using: &random)
        #expect(text != Attack.retype(copy, using: &random))
        let verdict = trace(text)
        #expect(verdict.accused.map(\.recipient) == [leaker])
        #expect(verdict.accused.first.map { $0.falseAccusationProbability <= 1e-6 } ?? false)
        #expect(verdict.bitsObserved >= LongCable.fingerprint.slots.count * 3 / 4)
    }

    @Test("the unmarked original accuses nobody")
    func original() {
        let verdict = trace(CableRenderer().render(LongCable.cable))
        #expect(verdict.accused.isEmpty)
        #expect(verdict.verdict == "inconclusive")
    }

    @Test("a short excerpt is inconclusive and says how many more slots it needs")
    func shortExcerpt() {
        var random = SplitMix(seed: 5)
        let full = Attack.retype(CableRenderer().render(LongCable.fingerprint.copy(for: "R007")), using: &random)
        let verdict = trace(Attack.excerpt(full, words: 60, using: &random))
        #expect(verdict.accused.isEmpty)
        #expect((verdict.moreSlotsNeeded ?? 0) > 0)
    }

    @Test("reordered paragraphs and removed numbers still trace")
    func reordered() {
        let copy = LongCable.fingerprint.copy(for: "R100")
        var paragraphs = copy.paragraphs.map(\.text)
        paragraphs.reverse()
        let text = paragraphs.joined(separator: "\n\n").replacingOccurrences(of: #"[0-9]"#, with: "", options: .regularExpression)
        #expect(trace(text).accused.map(\.recipient) == ["R100"])
    }

    @Test("paragraphs put in another order are each read: none is swallowed bridging two others", arguments: [1, 5] as [UInt64])
    func shuffledParagraphs(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let paragraphs = LongCable.fingerprint.copy(for: "R100").paragraphs.map(\.text)
        let inOrder = try #require(Self.tracer.read(leak: paragraphs.joined(separator: "\n\n")).first)
        let shuffled = try #require(Self.tracer.read(leak: paragraphs.shuffled(using: &random).joined(separator: "\n\n")).first)
        // At most the slot beside each new paragraph boundary loses its neighbour.
        #expect(shuffled.slotsSeen >= inOrder.slotsSeen - paragraphs.count)
        // Where two paragraphs meet, a chance match can misread the odd slot ("Nykonenko observed
        // that Ukraine" against "Van Diepen observed that Ukraine"); it only weakens the evidence.
        let written = LongCable.fingerprint.symbols(for: "R100")
        let misread = shuffled.symbols.filter { slot, symbol in written[slot] != symbol }.count
        #expect(misread * 100 <= shuffled.symbols.count)
    }

    @Test("a paragraph set between two others is read, not matched word for word against the paragraph the leak left out")
    func paragraphBetweenOthers() throws {
        // In 07PARIS3668, paragraph 1 set between paragraphs 4 and 6 is about as long as the
        // paragraph 5 it replaces: the alignment once bridged from 4 to 6 through it, reading none of its slots.
        let cable = try #require(RealSlots.cables.first { $0.referenceID?.description == "07PARIS3668" })
        let fingerprint = CableFingerprint(cable: cable, key: TestKeys.key)
        let tracer = Tracer(fingerprints: [fingerprint])
        let paragraphs = fingerprint.copy(for: "R100").paragraphs.map(\.text)
        let seenAlone = try [3, 0, 5].map { try #require(tracer.read(leak: paragraphs[$0]).first).slotsSeen }
        let together = try #require(tracer.read(leak: [3, 0, 5].map { (index: Int) in paragraphs[index] }.joined(separator: "\n\n")).first)
        #expect(together.slotsSeen >= seenAlone.reduce(0, +))
        let written = fingerprint.symbols(for: "R100")
        #expect(together.symbols.allSatisfy { slot, symbol in written[slot] == symbol })
    }

    @Test("a leak carried through a web page or a PDF reads as the text itself")
    func webPageAndPDF() {
        let leaker = "R055"
        let copy = CableRenderer().render(LongCable.fingerprint.copy(for: leaker))
        let plain = trace(copy)
        // A web page: entities for quotes and ampersands, paragraphs in tags.
        let page =
            "<html><body><p>"
            + copy.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#8217;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n\n", with: "</p>\n<p class=\"cable\">") + "</p></body></html>"
        // A PDF: lines of at most 60 characters, long words split at a line's end with a hyphen.
        var lines: [String] = []
        var line = ""
        for word in copy.split(whereSeparator: \.isWhitespace).map(String.init) {
            if line.count + word.count + 1 <= 60 {
                line += (line.isEmpty ? "" : " ") + word
                continue
            }
            if word.count >= 8, word.allSatisfy(\.isLetter), line.count + 6 <= 60 {
                lines.append(line + " " + word.prefix(4) + "-")
                line = String(word.dropFirst(4))
            } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        for leak in [page, lines.joined(separator: "\n")] {
            let verdict = trace(leak)
            #expect(verdict.accused.map(\.recipient) == [leaker])
            #expect(verdict.bitsObserved == plain.bitsObserved)
        }
        #expect(
            TraceText.unwrap("the govern-\nment &amp; <b>its</b> allies&#8217; &#x2014; U.S.-\nIran")
                == "the government &  its  allies\u{2019} \u{2014} U.S.-\nIran")
        // Spaces or a tab between the hyphen and the break, and a Windows line end, are joined the same way.
        #expect(TraceText.unwrap("the govern-  \nment and its allies-\t\r\nhip") == "the government and its allieship")
    }

    @Test("several short leaks by one source add up")
    func severalLeaks() {
        let copy = LongCable.fingerprint.copy(for: "R150")
        let paragraphs = copy.paragraphs.map(\.text)
        // Each paragraph alone is too short; together they convict.
        var readings: [LeakReading] = []
        var singles: [TraceVerdict] = []
        for paragraph in paragraphs where paragraph.split(separator: " ").count >= 40 {
            let reading = Self.tracer.read(leak: paragraph)
            readings += reading
            singles.append(Self.tracer.trace(reading, recipients: Self.recipients))
        }
        let combined = Self.tracer.trace(readings, recipients: Self.recipients)
        #expect(combined.accused.map(\.recipient) == ["R150"])
        #expect(singles.contains { $0.accused.isEmpty })
    }

    @Test("a canonicalised copy accuses nobody; private rules survive it")
    func canon() throws {
        let leaker = "R033"
        let canonical = Attack.canon(LongCable.fingerprint.copy(for: leaker))
        #expect(trace(CableRenderer().render(canonical)).accused.isEmpty)

        // A deployment's private rules are invisible to an adversary who knows only the public catalogue.
        let rules = try PrivateRules.parse(
            """
            [the-said-stated]
            alternatives = said | stated
            reason = test data: a private reporting-verb pair
            [of-the-per]
            alternatives = of the | of this
            reason = test data only
            before = government ministry embassy talks meeting
            """, file: "private.rules")
        let catalogue = RuleCatalogue.publicCatalogue.adding(rules)
        let fingerprint = CableFingerprint(cable: LongCable.cable, key: TestKeys.key, catalogue: catalogue)
        let tracer = Tracer(fingerprints: [fingerprint])
        let leaked = Attack.canon(fingerprint.copy(for: leaker))
        let verdict = tracer.trace(tracer.read(leak: CableRenderer().render(leaked)), recipients: Self.recipients)
        #expect(verdict.accused.allSatisfy { $0.recipient == leaker })
        #expect(verdict.bitsObserved > 0)
    }

    @Test("two colluders: nobody innocent is accused")
    func collusion() {
        var random = SplitMix(seed: 11)
        let a = CableRenderer().render(LongCable.fingerprint.copy(for: "R010"))
        let b = CableRenderer().render(LongCable.fingerprint.copy(for: "R020"))
        let verdict = trace(Attack.collude([a, b], using: &random))
        #expect(Set(verdict.accused.map(\.recipient)).isSubset(of: ["R010", "R020"]))
    }

    @Test("two colluders who merged their copies are named by the partner test where their own scores fall short")
    func partnerTest() throws {
        let fingerprint = LongCable.fingerprint
        var random = SplitMix(seed: 5)
        var plainConvictions = 0
        var convictions = 0
        for trial in 0..<16 {
            let (a, b) = (Self.recipients[trial], Self.recipients[100 + trial])
            let (mineA, mineB) = (fingerprint.symbols(for: a), fingerprint.symbols(for: b))
            // A merged leak that shows 80 slots, each in one of the two copies' wordings.
            let slots = fingerprint.slots.indices.shuffled(using: &random).prefix(80)
            var symbols: [Int: UInt8] = [:]
            for slot in slots { symbols[slot] = Bool.random(using: &random) ? mineA[slot] : mineB[slot] }
            let verdict = Self.tracer.trace(
                [LeakReading(cable: 0, symbols: symbols, slotsSeen: slots.count, leakWords: 1000)], recipients: Self.recipients)
            #expect(Set(verdict.accused.map(\.recipient)).isSubset(of: [a, b]), "trial \(trial)")
            // The plain test's own verdict, and the trace's with the partner test beside it.
            if verdict.scores.contains(where: { $0.falseAccusationProbability <= verdict.maxFalseAccusation }) { plainConvictions += 1 }
            if !verdict.accused.isEmpty { convictions += 1 }
            for accused in verdict.accused where accused.partner != nil {
                #expect(accused.partner == (accused.recipient == a ? b : a), "the other colluder is the partner")
                // The plain test alone bounds this recipient far less tightly.
                let plain = verdict.scores.first { $0.recipient == accused.recipient }!.falseAccusationProbability
                #expect(plain > accused.falseAccusationProbability)
                // The JSON verdict keeps its documented fields.
                let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(accused)) as! [String: Any]
                #expect(Set(object.keys) == ["recipient", "score", "falseAccusationProbability"])
            }
        }
        // Merging halves each colluder's own score: with 80 merged slots the plain test names a
        // colluder in few of these trials, and with the partner test the trace names one in nearly all.
        #expect(convictions >= 12 && plainConvictions < convictions, "plain \(plainConvictions), with the partner test \(convictions)")
    }

    @Test("the partner test's part of a recipient's share grows only on another recipient's evidence")
    func partnerSplit() {
        let bound = TardosBound(leakedSymbolProbabilities: [Double](repeating: 0.3, count: 60))
        let n = 1000
        // A score whose union bound is just within the second-source evidence, and one just outside it.
        let strong = bound.scoreThreshold(recipients: n, maxFalseAccusation: Tracer.secondSourceEvidence / 2)
        let weak = bound.scoreThreshold(recipients: n, maxFalseAccusation: Tracer.secondSourceEvidence * 2)
        let high = Tracer.partnerShareForSecondSource
        let low = Tracer.partnerShare
        for (first, second, topPart, othersPart) in [(strong, strong, high, high), (strong, weak, low, high), (weak, weak, low, low)] {
            let split = Tracer.PartnerSplit(ranking: [("A", first), ("B", second), ("C", -1)], bound: bound, recipients: n)
            #expect(split.partnerShare(of: "A") == topPart)
            #expect(split.partnerShare(of: "B") == othersPart)
            #expect(split.partnerShare(of: "C") == othersPart)
        }
    }

    @Test("a whole copy among few recipients is reported through its own copy, never as merged")
    func loneLeakerOwnCopy() {
        // With four recipients an innocent often scores high enough to tip the split towards the
        // partner test, whose bound may then be the tighter one; the leaker is still named through
        // their own copy.
        let reading = { (recipient: String) in Self.tracer.read(leak: CableRenderer().render(LongCable.fingerprint.copy(for: recipient))) }
        for trial in 0..<20 {
            let group = (0..<4).map { Self.recipients[trial * 4 + $0] }
            let verdict = Self.tracer.trace(reading(group[0]), recipients: group)
            #expect(verdict.accused.map(\.recipient) == [group[0]], "trial \(trial)")
            #expect(verdict.accused.allSatisfy { $0.partner == nil }, "trial \(trial)")
        }
    }

    @Test("a copy of another cable accuses nobody")
    func otherCable() {
        let other = RealSlots.cables.first { $0 != LongCable.cable && $0.wordCount > 1000 }!
        let copy = CableFingerprint(cable: other, key: TestKeys.key).copy(for: "R001")
        #expect(trace(CableRenderer().render(copy)).accused.isEmpty)
    }

    @Test("a copy edited to a house style is traced without the rules the style settled")
    func restyled() {
        let leaker = "R077"
        let copy = LongCable.fingerprint.copy(for: leaker)
        let text = CableRenderer().render(Attack.restyle(copy))
        let readings = Self.tracer.read(leak: text)
        let verdict = Self.tracer.trace(readings, recipients: Self.recipients)
        #expect(verdict.accused.map(\.recipient) == [leaker])
        #expect(Set(verdict.restyledRules).isSuperset(of: ["hyphenated-compound", "introductory-comma", "that-complementizer"]))

        // Every settled slot the leaker's copy had the other way counts against them when all
        // slots are scored; setting those rules aside gives a bound far tighter than that.
        let whole = everySlotBound(readings[0], LongCable.fingerprint, leaker)
        #expect(whole.mismatches > 0)
        #expect(verdict.accused[0].falseAccusationProbability * 100 < whole.bound)
    }

    /// The bound a trace scoring every read slot (none set aside) gives `recipient`, and how many
    /// read slots disagree with their copy.
    func everySlotBound(_ reading: LeakReading, _ fingerprint: CableFingerprint, _ recipient: String) -> (bound: Double, mismatches: Int) {
        let mine = fingerprint.symbols(for: recipient)
        let read = reading.symbols.sorted { $0.key < $1.key }
        return (everySlotBounds(reading, fingerprint, [recipient])[0], read.filter { mine[$0.key] != $0.value }.count)
    }

    /// The bounds a trace scoring every read slot gives each of `recipients`.
    func everySlotBounds(_ reading: LeakReading, _ fingerprint: CableFingerprint, _ recipients: [String]) -> [Double] {
        let read = reading.symbols.sorted { $0.key < $1.key }
        let bound = TardosBound(leakedSymbolProbabilities: read.map { fingerprint.symbolProbabilities[$0.key][Int($0.value)] })
        return recipients.map { recipient in
            let mine = fingerprint.symbols(for: recipient)
            let score = zip(read, bound.terms).reduce(0.0) { $0 + (mine[$1.0.key] == $1.0.value ? $1.1.match : $1.1.other) }
            return min(1, Double(Self.recipients.count) * exp(bound.logTail(score)))
        }
    }

    @Test(
        "taking an honest copy for a restyled one, and the partner tests, cost it a fifth of the threshold at most, unless another recipient scores high; a restyled original accuses nobody"
    )
    func restyledHonesty() {
        // Which rules look settled depends on the leak alone, so the bound holds either way.
        let cable = RealSlots.cables.min { abs($0.wordCount - 1500) < abs($1.wordCount - 1500) }!
        let fingerprint = CableFingerprint(cable: cable, key: TestKeys.key)
        let tracer = Tracer(fingerprints: [fingerprint])
        var flagged = 0
        for recipient in Self.recipients.prefix(24) {
            let readings = tracer.read(leak: CableRenderer().render(fingerprint.copy(for: recipient)))
            let verdict = tracer.trace(readings, recipients: Self.recipients)
            if !verdict.restyledRules.isEmpty { flagged += 1 }
            let bounds = everySlotBounds(readings[0], fingerprint, Self.recipients)
            let whole = bounds[Self.recipients.firstIndex(of: recipient)!]
            // The partner test takes more of the leaker's share only when some other recipient's
            // own bound is already small.
            let bestOther = zip(Self.recipients, bounds).filter { $0.0 != recipient }.map(\.1).min()!
            let partnerPart = bestOther <= Tracer.secondSourceEvidence ? Tracer.partnerShareForSecondSource : Tracer.partnerShare
            let reported = verdict.scores.first { $0.recipient == recipient }!.falseAccusationProbability
            #expect(reported <= whole / ((1 - Tracer.restyledShare) * (1 - partnerPart)) * (1 + 1e-9), "\(recipient)")
        }
        #expect(flagged < 24, "every honest copy was taken for a restyled one")
        let original = trace(CableRenderer().render(Attack.restyle(LongCable.cable)))
        #expect(original.accused.isEmpty)
        let canon = trace(CableRenderer().render(Attack.restyle(Attack.canon(LongCable.fingerprint.copy(for: "R005")))))
        #expect(canon.accused.isEmpty)
    }

    @Test("the JSON verdict has the documented fields")
    func json() throws {
        let verdict = trace(CableRenderer().render(LongCable.fingerprint.copy(for: "R001")))
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(verdict)) as! [String: Any]
        for key in ["verdict", "accused", "candidates", "slotsObserved", "slotsInCable", "bitsObserved"] {
            #expect(object[key] != nil, "\(key)")
        }
        let candidate = (object["candidates"] as! [[String: Any]])[0]
        #expect(Set(candidate.keys) == ["recipient", "score", "falseAccusationProbability"])
    }
}

@Suite("Private rules files")
struct PrivateRulesTests {
    @Test("a valid file")
    func valid() throws {
        let rules = try PrivateRules.parse(
            "# ours\n[we-assess]\nalternatives = we judge | we assess\nreason = same weight\nbefore = that\n", file: "r.rules")
        #expect(rules.count == 1 && rules[0].id == "private:we-assess" && rules[0].isPrivate)
        #expect(
            slots("We judge that the talks will fail.", catalogue: RuleCatalogue.publicCatalogue.adding(rules)).contains {
                $0.rule == "private:we-assess"
            })
    }

    @Test(
        "errors name the file and line",
        arguments: [
            ("[a]\nreason = x\n", "r.rules:1: rule [a] has no 'alternatives'"),
            ("[a]\nalternatives = one\nreason = x\n", "r.rules:2: rule [a] needs at least two different alternatives separated by '|'"),
            ("alternatives = a | b\n", "r.rules:1: expected a rule header such as [my-rule] before 'alternatives = a | b'"),
            ("[a]\nalternatives = a | b\ncolour = red\n", "r.rules:3: unknown key 'colour'"),
            ("[a]\nalternatives = a | b\n", "r.rules:1: rule [a] has no 'reason' saying why its alternatives mean the same"),
            ("[a]\nalternatives = 5 cars | five cars\nreason = x\n", "r.rules:2: rule [a]: alternatives must not contain numbers ('5 cars')"),
        ])
    func errors(text: String, message: String) {
        do {
            _ = try PrivateRules.parse(text, file: "r.rules")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(message))
        }
    }
}
