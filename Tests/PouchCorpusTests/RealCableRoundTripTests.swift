import PouchCore
import PouchCorpus
import Testing

@Suite("Real cables through the canonical form")
struct RealCableRoundTripTests {
    @Test("every real cable renders to canonical text that parses back to the same cable")
    func realCablesRoundTrip() throws {
        for file in SharedCorpus.wikileaks + SharedCorpus.raw {
            let cable = try CableParser().parse(bytes: file.bytes, fileName: file.name).cable
            let text = CableRenderer().render(cable)
            let again = try CableParser().parse(text: text).cable
            #expect(again == cable, "\(file.name): \(differences(again, cable))")
            #expect(CableRenderer().render(again) == text, "\(file.name)")
        }
    }
}

/// The top-level properties where two values differ, for readable test failures.
func differences<T>(_ a: T, _ b: T) -> String {
    let left = Mirror(reflecting: a).children
    let right = Array(Mirror(reflecting: b).children)
    var out: [String] = []
    for (index, child) in left.enumerated() where index < right.count {
        let l = String(describing: child.value)
        let r = String(describing: right[index].value)
        if l != r { out.append("\(child.label ?? "?"): \(l)  ≠  \(r)") }
    }
    return out.joined(separator: "\n")
}
