import PouchCore

/// Aligns leaked text to a cable and reads the wording of every slot it still shows.
///
/// The cable becomes a lattice: its unchanging words in order, and at each slot one branch per
/// alternative. A local alignment (Smith–Waterman over the lattice) finds the best match for
/// the leak, so an excerpt, missing paragraphs, removed markings and numbers, and corrected
/// or changed words are tolerated; leftover stretches of the leak are aligned again, which
/// handles reordered paragraphs. An alignment that sinks far below an earlier peak and climbs
/// again has bridged two passages through unrelated words: only its last passage is kept, and
/// the rest is aligned again. A slot is read where its branch matches exactly between two
/// aligned neighbours (a neighbour may be a word of the next slot's wording), or with one changed
/// word between exact neighbours when no other wording has as many words, or by the wording
/// nearest in spelling to what stands between exact neighbours (a split or changed name), or
/// where the leak ends with it and no wording begins another; anything else is an erasure.
/// (How a slot is read never depends on anyone's symbols, so a misreading can only weaken the
/// evidence against the real leaker, never raise an innocent's score on average.)
struct LeakAligner {
    private enum Kind: UInt8 { case token, split, join }

    private var kinds: [Kind] = []
    private var tokenIDs: [Int32] = []
    private var predecessor: [Int32] = []
    private var joinPredecessors: [Int: [Int32]] = [:]
    private var vocabulary: [String: Int32] = [:]

    /// Per slot: split node, join node, first and last node of each branch, anchors.
    private struct SlotNodes {
        var split: Int
        var join: Int
        var branches: [(first: Int, last: Int)]
        /// Each branch's words joined without spaces ("usg", "u.s.government" tokenised), for
        /// telling wordings apart when a spell checker split or changed a word.
        var spellings: [[Character]] = []
        var leftAnchor: Int?
        var rightAnchor: Int?
    }
    private var slotNodes: [SlotNodes] = []
    /// The slot each split and join node belongs to.
    private var slotOfSplit: [Int: Int] = [:]
    private var slotOfJoin: [Int: Int] = [:]
    let slotCount: Int

    static let match: Int32 = 3
    static let mismatch: Int32 = -2
    static let gap: Int32 = -2
    /// A local alignment must score at least this much (about five matching words) to count.
    static let minimumScore: Int32 = 15

    init(fingerprint: CableFingerprint) {
        slotCount = fingerprint.slots.count
        var bySlotParagraph: [[Int]] = Array(repeating: [], count: fingerprint.cable.paragraphs.count)
        for (index, slot) in fingerprint.slots.enumerated() { bySlotParagraph[slot.paragraph].append(index) }
        slotNodes = Array(repeating: SlotNodes(split: 0, join: 0, branches: []), count: fingerprint.slots.count)
        var last: Int32 = -1
        for (p, paragraph) in fingerprint.cable.paragraphs.enumerated() {
            let text = paragraph.text
            let utf8 = text.utf8
            var cursor = 0
            for index in bySlotParagraph[p] {
                let slot = fingerprint.slots[index]
                let piece = String(text[utf8.index(utf8.startIndex, offsetBy: cursor)..<utf8.index(utf8.startIndex, offsetBy: slot.start)])
                for token in TraceText.tokens(of: piece) { last = addToken(token, after: last) }
                let leftAnchor = last >= 0 && kinds[Int(last)] == .token ? Int(last) : nil
                let split = addNode(.split, token: -1, after: last)
                var branches: [(Int, Int)] = []
                var ends: [Int32] = []
                var spellings: [[Character]] = []
                for alternative in slot.alternatives {
                    var previous = Int32(split)
                    var first = -1
                    let words = TraceText.tokens(of: alternative)
                    spellings.append(Array(words.joined()))
                    for token in words {
                        previous = addToken(token, after: previous)
                        if first < 0 { first = Int(previous) }
                    }
                    branches.append((first, Int(previous)))
                    ends.append(previous)
                }
                let join = addNode(.join, token: -1, after: -1)
                joinPredecessors[join] = ends
                slotNodes[index] = SlotNodes(
                    split: split, join: join, branches: branches, spellings: spellings, leftAnchor: leftAnchor, rightAnchor: nil)
                slotOfSplit[split] = index
                slotOfJoin[join] = index
                last = Int32(join)
                cursor = slot.end
            }
            let rest = String(text[utf8.index(utf8.startIndex, offsetBy: cursor)...])
            for token in TraceText.tokens(of: rest) { last = addToken(token, after: last) }
        }
        // Right anchors: the first node after each join, when it is an unchanging word.
        for index in slotNodes.indices {
            let next = slotNodes[index].join + 1
            if next < kinds.count, kinds[next] == .token, predecessor[next] == Int32(slotNodes[index].join) {
                slotNodes[index].rightAnchor = next
            }
        }
    }

    private mutating func addToken(_ token: String, after previous: Int32) -> Int32 {
        let id: Int32
        if let known = vocabulary[token] {
            id = known
        } else {
            id = Int32(vocabulary.count)
            vocabulary[token] = id
        }
        return Int32(addNode(.token, token: id, after: previous))
    }

    private mutating func addNode(_ kind: Kind, token: Int32, after previous: Int32) -> Int {
        kinds.append(kind)
        tokenIDs.append(token)
        predecessor.append(previous)
        return kinds.count - 1
    }

    /// The alternative each slot shows in the leak (nil: not seen, or seen damaged).
    func read(_ leakTokens: [String]) -> [Int: Int] {
        let ids = leakTokens.map { vocabulary[$0] ?? -1 }
        var readings: [Int: Int] = [:]
        var conflicts: Set<Int> = []
        var pending: [Range<Int>] = [0..<ids.count]
        var rounds = 0
        while let range = pending.popLast(), rounds < 64 {
            rounds += 1
            guard range.count >= 5, let (aligned, found) = align(Array(ids[range]), words: leakTokens[range]) else { continue }
            for (slot, alternative) in found {
                if let previous = readings[slot], previous != alternative { conflicts.insert(slot) }
                readings[slot] = alternative
            }
            let covered = (range.lowerBound + aligned.lowerBound)..<(range.lowerBound + aligned.upperBound)
            if covered.lowerBound - range.lowerBound >= 5 { pending.append(range.lowerBound..<covered.lowerBound) }
            if range.upperBound - covered.upperBound >= 5 { pending.append(covered.upperBound..<range.upperBound) }
        }
        for slot in conflicts { readings[slot] = nil }
        return readings
    }

    /// One local alignment: the leak range it covers and the slots it reads.
    private func align(_ leak: [Int32], words: ArraySlice<String>) -> (Range<Int>, [Int: Int])? {
        let n = kinds.count
        let width = leak.count + 1
        guard n > 0 else { return nil }
        var score = [Int32](repeating: 0, count: n * width)
        // 0 stop, 1 diagonal, 2 skip node, 3 extra leak token, 4 epsilon; joins keep their branch.
        var move = [UInt8](repeating: 0, count: n * width)
        var branch = [UInt8](repeating: 0, count: n * width)
        var best: Int32 = 0
        var bestCell = -1
        score.withUnsafeMutableBufferPointer { H in
            move.withUnsafeMutableBufferPointer { B in
                for v in 0..<n {
                    let row = v * width
                    let u = Int(predecessor[v])
                    switch kinds[v] {
                    case .token:
                        let token = tokenIDs[v]
                        let predRow = u >= 0 ? u * width : -1
                        for i in 0..<width {
                            var value: Int32 = 0
                            var how: UInt8 = 0
                            if i > 0 {
                                let start = predRow >= 0 ? max(0, H[predRow + i - 1]) : 0
                                let diagonal = start + (leak[i - 1] == token ? Self.match : Self.mismatch)
                                if diagonal > value {
                                    value = diagonal
                                    how = 1
                                }
                                let extra = H[row + i - 1] + Self.gap
                                if extra > value {
                                    value = extra
                                    how = 3
                                }
                            }
                            if predRow >= 0 {
                                let skip = H[predRow + i] + Self.gap
                                if skip > value {
                                    value = skip
                                    how = 2
                                }
                            }
                            H[row + i] = value
                            B[row + i] = how
                            if value > best {
                                best = value
                                bestCell = row + i
                            }
                        }
                    case .split:
                        guard u >= 0 else { continue }
                        let predRow = u * width
                        for i in 0..<width {
                            H[row + i] = H[predRow + i]
                            B[row + i] = H[predRow + i] > 0 ? 4 : 0
                        }
                    case .join:
                        let ends = joinPredecessors[v] ?? []
                        for i in 0..<width {
                            var value: Int32 = 0
                            var chosen: UInt8 = 0
                            for (k, end) in ends.enumerated() {
                                let candidate = H[Int(end) * width + i]
                                if candidate > value {
                                    value = candidate
                                    chosen = UInt8(k)
                                }
                            }
                            H[row + i] = value
                            B[row + i] = value > 0 ? 4 : 0
                            branch[row + i] = chosen
                        }
                    }
                }
            }
        }
        guard best >= Self.minimumScore, bestCell >= 0 else { return nil }

        // Trace back, then keep only the passage the best cell ends: a path that sinks far below
        // an earlier peak and climbs again has bridged two passages (paragraphs the leak put in
        // another order, matched through unrelated words), and what lies before the sink is
        // aligned again on its own.
        var path = tracePath(from: bestCell, width: width, score: score, move: move, branch: branch)
        if let sink = Self.bridgeSink(of: path.map { score[$0] }) { path.removeSubrange(sink...) }
        let endNode = bestCell / width
        let end = bestCell % width

        // Note for every node how the kept path treated it.
        var visits: [Int: Visit] = [:]
        var extraAfter: Set<Int> = []
        var chosenBranch: [Int: Int] = [:]
        var leakIndex: [Int: Int] = [:]
        var start = end
        for cell in path {
            let v = cell / width
            let i = cell % width
            switch move[cell] {
            case 1:
                visits[v] = leak[i - 1] == tokenIDs[v] ? .exact : .changed
                leakIndex[v] = i - 1
                start = i - 1
            case 2:
                visits[v] = .skipped
            case 3:
                extraAfter.insert(v)
            case 4:
                if kinds[v] == .join { chosenBranch[v] = Int(branch[cell]) }
            default:
                break
            }
        }
        var found: [Int: Int] = [:]
        for (index, nodes) in slotNodes.enumerated() {
            // A slot right beside another (the last words of one paragraph and the first of the
            // next) has for its neighbour the word of the other's wording the path took.
            let left = nodes.leftAnchor ?? neighbouringSlotWord(before: nodes.split, chosenBranch: chosenBranch)
            let right = nodes.rightAnchor ?? neighbouringSlotWord(after: nodes.join, chosenBranch: chosenBranch)
            if let k = chosenBranch[nodes.join] {
                if let reading = Self.exactReading(nodes, branch: k, left: left, right: right, visits: visits, extraAfter: extraAfter)
                    ?? spelledReading(nodes, left: left, right: right, visits: visits, leakIndex: leakIndex, words: words)
                {
                    found[index] = reading
                }
            } else if let k = nodes.branches.firstIndex(where: { $0.last == endNode }),
                Self.endingReading(nodes, branch: k, left: left, visits: visits, extraAfter: extraAfter)
            {
                found[index] = k
            }
        }
        return (start..<end, found)
    }

    /// The cells of the best path, from its last cell back to its first.
    private func tracePath(from bestCell: Int, width: Int, score: [Int32], move: [UInt8], branch: [UInt8]) -> [Int] {
        var cells: [Int] = []
        var v = bestCell / width
        var i = bestCell % width
        while true {
            let cell = v * width + i
            let step = move[cell]
            guard step != 0 else { return cells }
            cells.append(cell)
            switch step {
            case 1:
                let u = Int(predecessor[v])
                if u < 0 || score[u * width + i - 1] <= 0 { return cells }
                v = u
                i -= 1
            case 2:
                v = Int(predecessor[v])
            case 3:
                i -= 1
            default:
                v = kinds[v] == .join ? Int(joinPredecessors[v]![Int(branch[cell])]) : Int(predecessor[v])
                if v < 0 { return cells }
            }
        }
    }

    /// How far a path may sink below an earlier peak and still be one passage: about ten words
    /// of damage (a dropped phrase, a run of corrected names, a removed heading cost less).
    static let maximumSink: Int32 = 30

    /// Given the scores along a path from its end back to its start, the position of the sink
    /// nearest the end that lies more than `maximumSink` below an earlier peak, or nil.
    static func bridgeSink(of scores: [Int32]) -> Int? {
        guard var lowest = scores.first else { return nil }
        var lowestAt = 0
        for (position, value) in scores.enumerated().dropFirst() {
            if value < lowest {
                lowest = value
                lowestAt = position
            } else if value - lowest > maximumSink {
                return lowestAt
            }
        }
        return nil
    }

    private enum Visit { case exact, changed, skipped }

    /// The last word of the wording the path took through the slot that ends right before `split`.
    private func neighbouringSlotWord(before split: Int, chosenBranch: [Int: Int]) -> Int? {
        let join = Int(predecessor[split])
        guard join >= 0, let slot = slotOfJoin[join], let k = chosenBranch[join] else { return nil }
        let branch = slotNodes[slot].branches[k]
        return branch.first >= 0 ? branch.last : nil
    }

    /// The first word of the wording the path took through the slot that starts right after `join`.
    private func neighbouringSlotWord(after join: Int, chosenBranch: [Int: Int]) -> Int? {
        let split = join + 1
        guard split < kinds.count, predecessor[split] == Int32(join), let slot = slotOfSplit[split],
            let k = chosenBranch[slotNodes[slot].join]
        else { return nil }
        let branch = slotNodes[slot].branches[k]
        return branch.first >= 0 ? branch.first : nil
    }

    /// The branch the path took, read where both neighbours aligned (a name the spell checker
    /// changed may stand there), nothing extra lies between them and the slot, and the branch's
    /// words are all exact, or one is changed, both neighbours are exact and the count of words
    /// still tells the wordings apart.
    private static func exactReading(_ nodes: SlotNodes, branch k: Int, left: Int?, right: Int?, visits: [Int: Visit], extraAfter: Set<Int>) -> Int? {
        guard let left, let right,
            let leftVisit = visits[left], let rightVisit = visits[right], leftVisit != .skipped, rightVisit != .skipped,
            !extraAfter.contains(left), !extraAfter.contains(nodes.split), !extraAfter.contains(nodes.join)
        else { return nil }
        let (first, last) = nodes.branches[k]
        guard first >= 0 else { return nil }
        var changed = 0
        for node in first...last {
            if extraAfter.contains(node) || visits[node] == nil || visits[node] == .skipped { return nil }
            if visits[node] == .changed { changed += 1 }
        }
        // Two changed neighbours are two names the spell checker "corrected" ("Jobim stated that
        // Guimaraes"); the branch between them, word for word, still shows the wording.
        if changed == 0 { return k }
        // One word of the branch was changed (a spell checker "corrects" an abbreviation such as
        // GOI), but the words around it are exact and no other wording has as many words.
        if changed == 1, leftVisit == .exact, rightVisit == .exact,
            !nodes.branches.enumerated().contains(where: { $0.offset != k && $0.element.last - $0.element.first == last - first })
        {
            return k
        }
        return nil
    }

    /// A slot the leak ends with (the cable's last words, or an excerpt's), read where the word
    /// before it and every word of its branch are exact and no wording begins with another
    /// ("noted" / "noted that"), so a cut cannot pass for the shorter one.
    private static func endingReading(_ nodes: SlotNodes, branch k: Int, left: Int?, visits: [Int: Visit], extraAfter: Set<Int>) -> Bool {
        guard let left, visits[left] == .exact, !extraAfter.contains(left), !extraAfter.contains(nodes.split) else { return false }
        let (first, last) = nodes.branches[k]
        guard first >= 0, (first...last).allSatisfy({ visits[$0] == .exact && ($0 == last || !extraAfter.contains($0)) }) else { return false }
        let spelling = nodes.spellings[k]
        return !nodes.spellings.enumerated().contains { $0.offset != k && ($0.element.starts(with: spelling) || spelling.starts(with: $0.element)) }
    }

    /// The wording closest in spelling to what the leak shows between the slot's two exact neighbours,
    /// when the words there were split, joined or changed ("Sec Def" for "SecDef", "Kwashniewski,
    /// and" for "Kwasniewski, and"): read only when it is nearer than every other wording and
    /// differs from the leak in at most a quarter of its letters.
    private func spelledReading(
        _ nodes: SlotNodes, left: Int?, right: Int?, visits: [Int: Visit], leakIndex: [Int: Int], words: ArraySlice<String>
    ) -> Int? {
        // Both neighbours exact: a changed one may have been split too ("Gar cia"), and its part
        // would pass for the slot's.
        guard let left, let right, let leftAt = leakIndex[left], let rightAt = leakIndex[right],
            visits[left] == .exact, visits[right] == .exact, rightAt > leftAt
        else { return nil }
        let longest = nodes.branches.map { $0.first < 0 ? 0 : $0.last - $0.first + 1 }.max() ?? 0
        guard rightAt - leftAt - 1 <= longest + 2 else { return nil }
        let shown = Array(words[(words.startIndex + leftAt + 1)..<(words.startIndex + rightAt)].joined())
        let distances = nodes.spellings.map { Self.editDistance(shown, $0) }
        guard let best = distances.indices.min(by: { distances[$0] < distances[$1] }) else { return nil }
        let nearest = distances[best]
        guard !distances.indices.contains(where: { $0 != best && distances[$0] <= nearest }),
            nearest == 0 || nearest * 4 <= nodes.spellings[best].count
        else { return nil }
        return best
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
