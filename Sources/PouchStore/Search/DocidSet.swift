import Foundation

/// A set of docids as a bitmap: what a query admits, bound into its SQL as one blob and tested
/// per full-text match by `pouch_admit`.
public struct DocidSet: Sendable {
    public private(set) var words: [UInt64]

    public init(capacity: Int) {
        words = [UInt64](repeating: 0, count: capacity / 64 + 1)
    }

    public mutating func insert(_ docid: Int64) {
        let index = Int(docid >> 6)
        if index >= words.count { words += [UInt64](repeating: 0, count: index - words.count + 1) }
        words[index] |= 1 << UInt64(docid & 63)
    }

    public mutating func remove(_ docid: Int64) {
        let index = Int(docid >> 6)
        guard docid >= 0, index < words.count else { return }
        words[index] &= ~(1 << UInt64(docid & 63))
    }

    public mutating func formUnion(_ other: DocidSet) {
        if other.words.count > words.count { words += [UInt64](repeating: 0, count: other.words.count - words.count) }
        for index in other.words.indices { words[index] |= other.words[index] }
    }

    public mutating func formIntersection(_ other: DocidSet) {
        for index in words.indices { words[index] &= index < other.words.count ? other.words[index] : 0 }
    }

    /// Removes every member of `other`.
    public mutating func formDifference(_ other: DocidSet) {
        for index in words.indices where index < other.words.count { words[index] &= ~other.words[index] }
    }

    /// Removes every docid above `limit`.
    public mutating func removeAll(above limit: Int64) {
        let keep = Int(max(0, limit) >> 6)
        guard keep < words.count else { return }
        words[keep] &= limit & 63 == 63 ? ~0 : (1 << UInt64((limit & 63) + 1)) - 1
        for index in (keep + 1)..<words.count { words[index] = 0 }
    }

    public func contains(_ docid: Int64) -> Bool {
        let index = Int(docid >> 6)
        return docid >= 0 && index < words.count && words[index] & (1 << UInt64(docid & 63)) != 0
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Every member, ascending.
    public var members: [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(count)
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                result.append(Int64(index << 6 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return result
    }

    /// Little-endian words, as `pouch_admit` reads them.
    public var blob: Data {
        words.withUnsafeBufferPointer { buffer in
            var data = Data(capacity: buffer.count * 8)
            for word in buffer {
                withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
            }
            return data
        }
    }
}
