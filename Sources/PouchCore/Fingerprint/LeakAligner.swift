/// Aligns leaked text to a cable and reads the wording of every slot it still shows.
///
/// The cable becomes a lattice: its unchanging words in order, and at each slot one branch per
/// alternative. A local alignment (Smith–Waterman over the lattice) finds the best match for
/// the leak, so an excerpt, missing paragraphs, removed markings and numbers, and corrected
/// or changed words are tolerated; leftover stretches of the leak are aligned again, which
/// handles reordered paragraphs. A slot is read only where its branch and the unchanging
/// words on both sides match exactly, or where both neighbours match exactly and the branch has
/// one changed word but no other wording has as many words; anything else is an erasure.
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
        var leftAnchor: Int?
        var rightAnchor: Int?
    }
    private var slotNodes: [SlotNodes] = []
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
                for alternative in slot.alternatives {
                    var previous = Int32(split)
                    var first = -1
                    for token in TraceText.tokens(of: alternative) {
                        previous = addToken(token, after: previous)
                        if first < 0 { first = Int(previous) }
                    }
                    branches.append((first, Int(previous)))
                    ends.append(previous)
                }
                let join = addNode(.join, token: -1, after: -1)
                joinPredecessors[join] = ends
                slotNodes[index] = SlotNodes(split: split, join: join, branches: branches, leftAnchor: leftAnchor, rightAnchor: nil)
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
            guard range.count >= 5, let (aligned, found) = align(Array(ids[range])) else { continue }
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
    private func align(_ leak: [Int32]) -> (Range<Int>, [Int: Int])? {
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
                                if diagonal > value { value = diagonal; how = 1 }
                                let extra = H[row + i - 1] + Self.gap
                                if extra > value { value = extra; how = 3 }
                            }
                            if predRow >= 0 {
                                let skip = H[predRow + i] + Self.gap
                                if skip > value { value = skip; how = 2 }
                            }
                            H[row + i] = value
                            B[row + i] = how
                            if value > best { best = value; bestCell = row + i }
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
                                if candidate > value { value = candidate; chosen = UInt8(k) }
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

        // Trace back, noting for every node how the path treated it.
        enum Visit { case exact, changed, skipped }
        var visits: [Int: Visit] = [:]
        var extraAfter: Set<Int> = []
        var chosenBranch: [Int: Int] = [:]
        var v = bestCell / width
        var i = bestCell % width
        let end = i
        var start = i
        walk: while true {
            let cell = v * width + i
            switch move[cell] {
            case 1:
                visits[v] = leak[i - 1] == tokenIDs[v] ? .exact : .changed
                start = i - 1
                let u = Int(predecessor[v])
                if u < 0 || score[u * width + i - 1] <= 0 { break walk }
                v = u
                i -= 1
            case 2:
                visits[v] = .skipped
                v = Int(predecessor[v])
            case 3:
                extraAfter.insert(v)
                i -= 1
            case 4:
                if kinds[v] == .join {
                    let k = Int(branch[cell])
                    chosenBranch[v] = k
                    v = Int(joinPredecessors[v]![k])
                } else {
                    v = Int(predecessor[v])
                }
                if v < 0 { break walk }
            default:
                break walk
            }
        }
        var found: [Int: Int] = [:]
        for (index, nodes) in slotNodes.enumerated() {
            // Both neighbours aligned (a name the spell checker changed may stand there), at least
            // one of them exactly, and nothing extra between them and the slot.
            guard let k = chosenBranch[nodes.join], let left = nodes.leftAnchor, let right = nodes.rightAnchor,
                  let leftVisit = visits[left], let rightVisit = visits[right], leftVisit != .skipped, rightVisit != .skipped,
                  leftVisit == .exact || rightVisit == .exact,
                  !extraAfter.contains(left), !extraAfter.contains(nodes.split), !extraAfter.contains(nodes.join) else { continue }
            let (first, last) = nodes.branches[k]
            guard first >= 0 else { continue }
            var changed = 0
            var clean = true
            for node in first...last {
                if extraAfter.contains(node) || visits[node] == nil || visits[node] == .skipped {
                    clean = false
                    break
                }
                if visits[node] == .changed { changed += 1 }
            }
            guard clean else { continue }
            if changed == 0 {
                found[index] = k
            } else if changed == 1, leftVisit == .exact, rightVisit == .exact,
                      !nodes.branches.enumerated().contains(where: { $0.offset != k && $0.element.last - $0.element.first == last - first }) {
                // One word of the branch was changed (a spell checker "corrects" an abbreviation such as
                // GOI), but the words around it are exact and no other wording has as many words: the
                // count of words still tells the wordings apart.
                found[index] = k
            }
        }
        return (start..<end, found)
    }
}
