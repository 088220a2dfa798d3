/// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", 1980),
/// on lower-case ASCII words: `negotiations`, `negotiated` and `negotiating` all become `negoti`.
///
/// Written here because no maintained Swift stemmer is available to the project; the test
/// suite checks it against the published vocabulary samples of the algorithm.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        var b = Array(word.utf8)
        guard b.count > 2, b.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var k = b.count - 1  // the end of the word
        var j = 0  // a general offset into the word

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 97, 101, 105, 111, 117: return false  // a e i o u
            case 121: return i == 0 ? true : !isConsonant(i - 1)  // y
            default: return true
            }
        }
        /// The number of consonant-vowel sequences between 0 and j.
        func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }
        func vowelInStem() -> Bool {
            (0...max(0, j)).contains { !isConsonant($0) } && j >= 0
        }
        func doubleConsonant(_ i: Int) -> Bool {
            i >= 1 && b[i] == b[i - 1] && isConsonant(i)
        }
        /// consonant-vowel-consonant ending at i, the last not w, x or y.
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            return b[i] != 119 && b[i] != 120 && b[i] != 121
        }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            guard s.count <= k + 1 else { return false }
            for (offset, byte) in s.enumerated() where b[k - s.count + 1 + offset] != byte { return false }
            j = k - s.count
            return true
        }
        func setTo(_ suffix: String) {
            // Everything after k is already discarded; write the suffix after j.
            b.removeSubrange((j + 1)...)
            b.append(contentsOf: suffix.utf8)
            k = b.count - 1
        }
        func replace(_ suffix: String) {
            if measure() > 0 { setTo(suffix) }
        }

        // Step 1a/1b: plurals and -ed, -ing.
        if b[k] == 115 {  // s
            if ends("sses") { k -= 2 } else if ends("ies") { setTo("i") } else if k >= 1 && b[k - 1] != 115 { k -= 1 }
        }
        if ends("eed") {
            if measure() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if doubleConsonant(k) {
                k -= 1
                let c = b[k]
                if c == 108 || c == 115 || c == 122 { k += 1 }  // l s z stay doubled
            } else {
                j = k
                if measure() == 1 && cvc(k) { setTo("e") }
            }
        }
        // Step 1c: y → i when there is another vowel in the stem.
        if ends("y") && vowelInStem() { b[k] = 105 }
        // Step 2: double suffixes to single ones.
        if k >= 1 {
            switch b[k - 1] {
            case 97: if ends("ational") { replace("ate") } else if ends("tional") { replace("tion") }
            case 99: if ends("enci") { replace("ence") } else if ends("anci") { replace("ance") }
            case 101: if ends("izer") { replace("ize") }
            case 108:
                if ends("bli") {
                    replace("ble")
                } else if ends("alli") {
                    replace("al")
                } else if ends("entli") {
                    replace("ent")
                } else if ends("eli") {
                    replace("e")
                } else if ends("ousli") {
                    replace("ous")
                }
            case 111: if ends("ization") { replace("ize") } else if ends("ation") { replace("ate") } else if ends("ator") { replace("ate") }
            case 115:
                if ends("alism") {
                    replace("al")
                } else if ends("iveness") {
                    replace("ive")
                } else if ends("fulness") {
                    replace("ful")
                } else if ends("ousness") {
                    replace("ous")
                }
            case 116: if ends("aliti") { replace("al") } else if ends("iviti") { replace("ive") } else if ends("biliti") { replace("ble") }
            case 103: if ends("logi") { replace("log") }
            default: break
            }
        }
        // Step 3: -ic-, -full, -ness etc.
        switch b[k] {
        case 101: if ends("icate") { replace("ic") } else if ends("ative") { replace("") } else if ends("alize") { replace("al") }
        case 105: if ends("iciti") { replace("ic") }
        case 108: if ends("ical") { replace("ic") } else if ends("ful") { replace("") }
        case 115: if ends("ness") { replace("") }
        default: break
        }
        // Step 4: -ant, -ence etc. in context <c>vcvc<v>.
        if k >= 1 {
            var matched = false
            switch b[k - 1] {
            case 97: matched = ends("al")
            case 99: matched = ends("ance") || ends("ence")
            case 101: matched = ends("er")
            case 105: matched = ends("ic")
            case 108: matched = ends("able") || ends("ible")
            case 110: matched = ends("ant") || ends("ement") || ends("ment") || ends("ent")
            case 111:
                if ends("ion") && j >= 0 && (b[j] == 115 || b[j] == 116) { matched = true } else { matched = ends("ou") }
            case 115: matched = ends("ism")
            case 116: matched = ends("ate") || ends("iti")
            case 117: matched = ends("ous")
            case 118: matched = ends("ive")
            case 122: matched = ends("ize")
            default: break
            }
            if matched && measure() > 1 { k = j }
        }
        // Step 5: a final -e, and -ll → -l.
        j = k
        if b[k] == 101 {
            let m = measure()
            if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1 }
        }
        if b[k] == 108 && doubleConsonant(k) && measure() > 1 { k -= 1 }
        return String(decoding: b[0...k], as: UTF8.self)
    }
}
