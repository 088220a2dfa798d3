import Foundation
import PouchCore
import PouchCorpus
import PouchStore

/// Writes realistic synthetic cables for benchmarks at archive scale: posts, dates, TAGS,
/// classifications and caption mix drawn from the real cables, body text from an order-2 word
/// model of their paragraphs, REF lines citing earlier generated cables. Deterministic for a seed.
///
/// Each generated cable has a topic: one real cable, whose TAGS it takes and from whose sentences
/// most of its sentences start. Real cables are topical (a word like "nuclear" is in about a quarter
/// of them, many times over); a model that starts every sentence anywhere spreads such words over
/// nearly every cable and makes searches match three times as many cables as real text would.
public struct CorpusGenerator: Sendable {
    let posts: [String]
    let markings: [(Classification, [Caveat])]
    let tagSets: [[String]]
    let years: [Int]
    let paragraphCounts: [Int]
    let paragraphLengths: [Int]
    let subjectLengths: [Int]
    let body: WordModel
    let subjects: WordModel

    /// Learns the model from every cable under a directory of real ones (recursively).
    public init(learningFrom directory: URL) throws {
        let files = try ArchiveImport.files(in: [directory.path])
        guard !files.isEmpty else { throw CorpusError("\(directory.path): no .txt cables") }
        self.init(
            cables: files.compactMap { file in
                FileManager.default.contents(atPath: file).flatMap { try? CableReading.read(bytes: $0, fileName: file).cable }
            })
    }

    /// Learns the model from real cables.
    public init(cables: [Cable]) {
        var posts: [String] = []
        var markings: [(Classification, [Caveat])] = []
        var tagSets: [[String]] = []
        var years: [Int] = []
        var paragraphCounts: [Int] = []
        var paragraphLengths: [Int] = []
        var subjectLengths: [Int] = []
        var paragraphs: [String] = []
        var subjectTexts: [String] = []
        var topics: [Range<Int>] = []
        for cable in cables {
            guard let origin = cable.origin, let id = cable.referenceID, !cable.paragraphs.isEmpty else { continue }
            posts.append(origin)
            markings.append((cable.classification, cable.caveats))
            tagSets.append(cable.tags)
            topics.append(paragraphs.count..<(paragraphs.count + cable.paragraphs.count))
            years.append(id.year)
            paragraphCounts.append(cable.paragraphs.count)
            for paragraph in cable.paragraphs {
                paragraphLengths.append(max(8, paragraph.text.split(separator: " ").count))
                paragraphs.append(paragraph.text)
            }
            subjectLengths.append(max(3, cable.subject.split(separator: " ").count))
            subjectTexts.append(cable.subject)
        }
        self.posts = posts
        self.markings = markings
        self.tagSets = tagSets
        self.years = years
        self.paragraphCounts = paragraphCounts
        self.paragraphLengths = paragraphLengths
        self.subjectLengths = subjectLengths
        body = WordModel(texts: paragraphs, groups: topics)
        subjects = WordModel(texts: subjectTexts)
    }

    /// Generates `count` cables and writes them in canonical form under `directory` (1,000 per
    /// subdirectory). Returns the number written.
    @discardableResult
    public func write(count: Int, to directory: URL, seed: UInt64 = 1, progress: (Int) -> Void = { _ in }) throws -> Int {
        var random = SplitMix(seed: seed)
        var serials: [String: Int] = [:]
        var recent: [ReferenceID] = []
        let renderer = CableRenderer()
        for index in 0..<count {
            let cable = generate(serials: &serials, recent: &recent, using: &random)
            let folder = directory.appendingPathComponent(String(format: "%05d", index / 1_000))
            if index % 1_000 == 0 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            try Data(renderer.render(cable).utf8).write(to: folder.appendingPathComponent(cable.referenceID!.description + ".txt"))
            if index % 10_000 == 9_999 { progress(index + 1) }
        }
        return count
    }

    func generate(serials: inout [String: Int], recent: inout [ReferenceID], using random: inout SplitMix) -> Cable {
        let origin = posts[Int.random(in: 0..<posts.count, using: &random)]
        let post = Post(fmLine: origin)
        let year = years[Int.random(in: 0..<years.count, using: &random)]
        let key = post.referencePost + String(year)
        let serial = (serials[key] ?? Int.random(in: 1...400, using: &random)) + Int.random(in: 1...9, using: &random)
        serials[key] = serial
        let id = ReferenceID(year: year, post: post.referencePost, serial: serial)
        let (level, caveats) = markings[Int.random(in: 0..<markings.count, using: &random)]
        let topic = Int.random(in: 0..<tagSets.count, using: &random)
        let mark = PortionMark(level.portionAbbreviation + (caveats.contains(.noforn) ? "/NF" : ""))
        let count = paragraphCounts[Int.random(in: 0..<paragraphCounts.count, using: &random)]
        var paragraphs: [Paragraph] = []
        for number in 1...count {
            let length = paragraphLengths[Int.random(in: 0..<paragraphLengths.count, using: &random)]
            // The first paragraph carries the cable's own marking; the others it or UNCLASSIFIED.
            let paragraphMark = level == .unclassified ? nil : number == 1 || Bool.random(using: &random) ? mark : PortionMark("U")
            paragraphs.append(Paragraph(number: number, mark: paragraphMark, text: body.text(words: length, using: &random, topic: topic)))
        }
        var references: [Reference] = []
        if !recent.isEmpty, Int.random(in: 0..<10, using: &random) < 3 {
            for letter in ["A", "B", "C"].prefix(Int.random(in: 1...3, using: &random)) {
                let target = recent[Int.random(in: 0..<recent.count, using: &random)]
                references.append(Reference(label: letter, text: "\(String(format: "%02d", target.year % 100)) \(target.post) \(target.serial)"))
            }
        }
        recent.append(id)
        if recent.count > 2_000 { recent.removeFirst(1_000) }
        let subject = subjects.text(words: subjectLengths[Int.random(in: 0..<subjectLengths.count, using: &random)], using: &random, sentence: false)
            .uppercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        var cable = Cable(
            referenceID: id,
            dateTimeGroup: DateTimeGroup(
                year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random),
                hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random)),
            precedence: [.routine, .priority, .immediate][Int.random(in: 0..<3, using: &random)], origin: origin,
            to: [Addressee(name: "SECSTATE WASHDC")], classification: level, caveats: caveats,
            telegramNumber: TelegramNumber(post: post.telegramName, serial: serial), tags: tagSets[topic],
            subject: subject.isEmpty ? "GENERATED CABLE" : subject,
            references: references,
            authority: level == .unclassified ? nil : ClassificationAuthority(classifiedBy: "Political Counselor", reasons: ["b", "d"]),
            paragraphs: paragraphs)
        if level > .unclassified {
            cable.executiveOrder = ExecutiveOrderLine(order: "12958", declassification: .on(CalendarDay(year: year + 10, month: 1, day: 1)))
        }
        return cable
    }
}

/// An order-2 word model: the next word drawn from those that followed the two before it.
struct WordModel: Sendable {
    let words: [String]
    let next: [UInt64: [UInt32]]
    let starts: [UInt64]
    /// The sentence starts and transitions of each group of texts (a topic: one real cable's paragraphs).
    let groupStarts: [[UInt64]]
    let groupNext: [[UInt64: [UInt32]]]

    /// `groups`: ranges of `texts` that share a topic.
    init(texts: [String], groups: [Range<Int>] = []) {
        var index: [String: UInt32] = [:]
        var words: [String] = []
        func id(_ word: Substring) -> UInt32 {
            if let known = index[String(word)] { return known }
            let new = UInt32(words.count)
            words.append(String(word))
            index[String(word)] = new
            return new
        }
        var next: [UInt64: [UInt32]] = [:]
        var starts: [UInt64] = []
        var startsOfText: [[UInt64]] = []
        let groupOfText = Dictionary(
            groups.enumerated().flatMap { group, range in range.map { ($0, group) } }, uniquingKeysWith: { first, _ in first })
        var groupNext = [[UInt64: [UInt32]]](repeating: [:], count: groups.count)
        let end = id("\n")
        for (number, text) in texts.enumerated() {
            let first = starts.count
            defer { startsOfText.append(Array(starts[first...])) }
            let group = groupOfText[number]
            let ids = text.split(whereSeparator: \.isWhitespace).map(id)
            guard ids.count >= 3 else { continue }
            var a = end
            var b = end
            for (position, word) in ids.enumerated() {
                let pair = UInt64(a) << 32 | UInt64(b)
                if position == 0 || words[Int(a)].hasSuffix(".") { starts.append(UInt64(end) << 32 | UInt64(word)) }
                next[pair, default: []].append(word)
                if let group { groupNext[group][pair, default: []].append(word) }
                a = b
                b = word
            }
            next[UInt64(a) << 32 | UInt64(b), default: []].append(end)
            if let group { groupNext[group][UInt64(a) << 32 | UInt64(b), default: []].append(end) }
        }
        self.words = words
        self.next = next
        self.starts = starts
        groupStarts = groups.map { $0.flatMap { startsOfText[$0] } }
        self.groupNext = groupNext
    }

    /// About `count` words, ending at a sentence end when one comes near; with a `topic` (a group),
    /// four sentences in five start from that topic's sentences, and the next word comes from the
    /// topic's own continuations (where it has any) half the time.
    func text(words count: Int, using random: inout SplitMix, sentence: Bool = true, topic: Int? = nil) -> String {
        let topical = topic.map { groupStarts[$0] } ?? []
        var out: [String] = []
        var pair = UInt64(0)
        var needStart = true
        while out.count < count + (sentence ? 20 : 0) {
            if needStart {
                let pool = !topical.isEmpty && Int.random(in: 0..<5, using: &random) < 4 ? topical : starts
                pair = pool[Int.random(in: 0..<pool.count, using: &random)]
                out.append(words[Int(pair & 0xFFFF_FFFF)])
                needStart = false
                continue
            }
            let own = topic.flatMap { groupNext[$0][pair] }
            guard let options = own.flatMap({ Int.random(in: 0..<10, using: &random) < 9 ? $0 : nil }) ?? next[pair], !options.isEmpty else {
                needStart = true
                continue
            }
            let word = options[Int.random(in: 0..<options.count, using: &random)]
            if words[Int(word)] == "\n" {
                needStart = true
                continue
            }
            out.append(words[Int(word)])
            pair = (pair << 32) | UInt64(word)
            if out.count >= count, !sentence || words[Int(word)].hasSuffix(".") { break }
        }
        return out.joined(separator: " ")
    }
}
