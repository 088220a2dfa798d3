import Foundation

/// Finding and reading the classification banner.
extension TelegramReader {
    // MARK: Banner

    mutating func findBanner() -> (Int, Banner)? {
        var fallback: (Int, Banner)?
        for index in lines.indices {
            let line = lines[index].text
            guard !line.isEmpty, line.utf8.count <= 300 else { continue }
            if let banner = parseBanner(line) {
                if banner.telegramNumber != nil { return (index, banner) }
                if fallback == nil { fallback = (index, banner) }
            }
            // The banner comes before the header fields; past them, take the best seen.
            if HeaderField(line) == .subject || HeaderField(line) == .tags {
                return fallback
            }
        }
        return fallback
    }

    /// A telegram whose banner line is lost: the classification from the routing block's
    /// `ZNY SSSSS ZZH` line, the header from the first caption or labelled field after FM.
    func findHeaderWithoutBanner() -> (Int, Banner)? {
        guard let fm = lines.firstIndex(where: { $0.text.hasPrefix("FM ") }) else { return nil }
        var classification: Classification?
        for line in lines[..<fm] where line.text.hasPrefix("ZNY ") || line.text.hasPrefix("ZNR ") {
            let code = line.text.split(separator: " ").dropFirst().first ?? ""
            switch code.first {
            case "S": classification = .secret
            case "C": classification = .confidential
            case "T": classification = .topSecret
            case "U", "E": classification = .unclassified
            default: break
            }
        }
        guard let classification else { return nil }
        for index in (fm + 1)..<lines.count {
            let text = lines[index].text
            if HeaderField(text) != nil || Caveat(captionLine: text) != nil {
                // The header starts here; pretend the banner stood on the line before it.
                return (index - 1, Banner(classification: classification, caveats: [], telegramNumber: nil, sectionCount: nil))
            }
        }
        return nil
    }

    /// `C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 001173`, `SECRET STATE 014577`,
    /// `UNCLAS USEU BRUSSELS 001177`, `SECRET//NOFORN`, `S e c r e t state 004134`.
    func parseBanner(_ line: Substring) -> Banner? {
        // Banners start with a letter-spaced word (`C O N …`) or a classification word.
        var bytes = line.utf8.makeIterator()
        guard let b0 = bytes.next(), let b1 = bytes.next(), let b2 = bytes.next() else { return nil }
        let upper = { (b: UInt8) -> UInt8 in b >= 0x61 && b <= 0x7A ? b - 0x20 : b }
        let spaced = b1 == 0x20 || (b2 == 0x20 && upper(b0) == upper(b1))
        let head = [upper(b0), upper(b1), upper(b2)]
        guard spaced || [[0x43, 0x4F, 0x4E], [0x53, 0x45, 0x43], [0x54, 0x4F, 0x50], [0x55, 0x4E, 0x43], [0x4C, 0x49, 0x4D]].contains(head)
        else { return nil }
        var tokens = line.split(separator: " ").map { $0.uppercased() }
        var caveats: [Caveat] = []
        var classification: Classification?
        var index = 0
        var spelled = ""
        // Letter-spaced: `C O N F I D E N T I A L`, allowing one stray or lost letter (`SS E C R E T`, `E C R E T`).
        while index < tokens.count, tokens[index].count <= 2, tokens[index].allSatisfy(\.isLetter),
            index == 0 || tokens[index].count == 1
        {
            spelled += tokens[index]
            index += 1
        }
        if spelled.count >= 5, index >= 4 {
            guard let value = Classification(damagedWord: spelled) else { return nil }
            classification = value
        } else {
            index = 0
            guard !tokens.isEmpty else { return nil }
            // SECRET//NOFORN or SECRET/NOFORN as the first token.
            let parts = tokens[0].split(separator: "/").map(String.init)
            if parts.count > 1 {
                tokens.replaceSubrange(0...0, with: parts)
            }
            if tokens[0] == "TOP", tokens.count > 1, tokens[1] == "SECRET" {
                classification = .topSecret
                index = 2
            } else if tokens.count >= 3, tokens[0] == "LIMITED", tokens[1] == "OFFICIAL", tokens[2] == "USE" {
                classification = .unclassified
                caveats.append(.limitedOfficialUse)
                index = 3
            } else if ["UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"].contains(tokens[0]) {
                classification = Classification(word: tokens[0])
                index = 1
            } else {
                return nil
            }
            // The original must be upper case (body prose like "Secret talks" is not a banner).
            guard line.prefix(6).isAllCaps else { return nil }
        }
        guard let classification else { return nil }
        // Captions glued to the classification: SECRET//NOFORN.
        while index < tokens.count, let caveat = Caveat(captionLine: tokens[index]) {
            caveats.append(caveat)
            index += 1
        }
        var sectionCount: Int?
        if index + 3 < tokens.count, tokens[index] == "SECTION", Int(tokens[index + 1]) != nil, tokens[index + 2] == "OF",
            let count = Int(tokens[index + 3])
        {
            sectionCount = count
            index += 4
        }
        var postWords: [String] = []
        var serial: Int?
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if token.allSatisfy(\.isNumber) {
                guard token.count <= 7, !postWords.isEmpty else { return nil }
                serial = Int(token)
                break
            }
            guard postWords.count < 5, token.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." }) else { return nil }
            postWords.append(token)
        }
        // Captions may trail the telegram number.
        while index < tokens.count {
            guard let caveat = Caveat(captionLine: tokens[index]) else { return nil }
            caveats.append(caveat)
            index += 1
        }
        if serial == nil {
            // A bare classification line is a banner only when nothing else is on it.
            guard postWords.isEmpty else { return nil }
            return Banner(classification: classification, caveats: caveats, telegramNumber: nil, sectionCount: sectionCount)
        }
        return Banner(
            classification: classification, caveats: caveats,
            telegramNumber: TelegramNumber(post: postWords.joined(separator: " "), serial: serial!),
            sectionCount: sectionCount)
    }

    mutating func addCaveat(_ caveat: Caveat) {
        if !cable.caveats.contains(caveat) { cable.caveats.append(caveat) }
    }
}

struct Banner {
    var classification: Classification
    var caveats: [Caveat]
    var telegramNumber: TelegramNumber?
    var sectionCount: Int?
}
