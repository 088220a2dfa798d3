import PouchCore

/// Any bytes as a cable file. A cable that reads must render to canonical text that reads back
/// to the same cable (the round trip the store relies on to keep cables byte for byte).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCableParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let document = try? CableReading.read(bytes: bytes, fileName: "fuzz.txt") else { return 0 }
    _ = CableLinter().lint(document)
    let text = CableRenderer().render(document.cable)
    let again: CableDocument
    do {
        again = try CableParser().parse(text: text)
    } catch {
        fatalError("canonical text of a readable cable does not read back (\(error)):\n\(text)")
    }
    guard again.cable == document.cable else {
        fatalError("canonical text reads back as a different cable (\(differences(document.cable, again.cable))):\n\(text)")
    }
    return 0
}

/// The fields in which two cables differ, with both values.
func differences(_ first: Cable, _ second: Cable) -> String {
    zip(Mirror(reflecting: first).children, Mirror(reflecting: second).children).compactMap { a, b in
        let (left, right) = (String(reflecting: a.value), String(reflecting: b.value))
        return left == right ? nil : "\(a.label ?? "?"): \(left.prefix(300)) ≠ \(right.prefix(300))"
    }.joined(separator: "; ")
}
