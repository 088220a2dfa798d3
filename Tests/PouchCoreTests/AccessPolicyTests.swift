import PouchTestSupport
import Testing

@testable import PouchCore

@Suite("Need-to-know")
struct AccessPolicyTests {
    static let secretCitizen = Reader(id: "a", name: "A", post: "ISLAMABAD", clearance: .secret)

    @Test("clearance must cover the classification")
    func clearance() {
        #expect(AccessPolicy.mayRead(Self.secretCitizen, classification: .secret, caveats: [], distribution: .archive))
        #expect(!AccessPolicy.mayRead(Self.secretCitizen, classification: .topSecret, caveats: [], distribution: .archive))
    }

    @Test("NOFORN needs a citizen; EXDIS, LIMDIS and NODIS need grants; SIPDIS and SBU need nothing")
    func caveats() {
        var foreign = Self.secretCitizen
        foreign.citizen = false
        #expect(!AccessPolicy.mayRead(foreign, classification: .confidential, caveats: [.noforn], distribution: .archive))
        #expect(AccessPolicy.mayRead(Self.secretCitizen, classification: .confidential, caveats: [.noforn, .sipdis, .sbu], distribution: .archive))
        #expect(!AccessPolicy.mayRead(Self.secretCitizen, classification: .confidential, caveats: [.exdis], distribution: .archive))
        var granted = Self.secretCitizen
        granted.grants = [.exdis]
        #expect(AccessPolicy.mayRead(granted, classification: .confidential, caveats: [.exdis], distribution: .archive))
    }

    @Test("NODIS goes to named addressees only; sent cables follow their distribution")
    func distribution() {
        var granted = Self.secretCitizen
        granted.grants = [.nodis]
        #expect(!AccessPolicy.mayRead(granted, classification: .secret, caveats: [.nodis], distribution: .archive))
        #expect(AccessPolicy.mayRead(granted, classification: .secret, caveats: [.nodis], distribution: .addressees(["a"])))
        #expect(!AccessPolicy.mayRead(granted, classification: .secret, caveats: [], distribution: .addressees(["b"])))
    }

    @Test("10,000 random trials: access exactly when every condition holds")
    func property() {
        var random = SplitMix(seed: 99)
        let restricted: [Caveat] = [.noforn, .exdis, .nodis, .limdis, .stadis, .sipdis, .sbu]
        for _ in 0..<10_000 {
            let reader = Reader(
                id: "u\(Int.random(in: 0..<5, using: &random))", name: "x", post: "p",
                clearance: Classification.allCases.randomElement(using: &random)!, citizen: Bool.random(using: &random),
                grants: Set(restricted.filter { _ in Bool.random(using: &random) }))
            let level = Classification.allCases.randomElement(using: &random)!
            let caveats = restricted.filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
            let distribution: Distribution =
                Bool.random(using: &random)
                ? .archive : .addressees(Set((0..<5).filter { _ in Bool.random(using: &random) }.map { "u\($0)" }))
            let allowed = AccessPolicy.mayRead(reader, classification: level, caveats: caveats, distribution: distribution)
            let clearanceOK = reader.clearance >= level
            let nofornOK = !caveats.contains(.noforn) || reader.citizen
            let grantsOK = caveats.filter { [.exdis, .nodis, .limdis, .stadis].contains($0) }.allSatisfy { reader.grants.contains($0) }
            let onDistribution: Bool
            switch distribution {
            case .archive: onDistribution = !caveats.contains(.nodis)
            case .addressees(let ids): onDistribution = ids.contains(reader.id)
            }
            #expect(allowed == (clearanceOK && nofornOK && grantsOK && onDistribution))
        }
    }
}
