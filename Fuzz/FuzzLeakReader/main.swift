import PouchCore
import PouchFingerprint

/// The README's example cable with a fixed key: what every leak is read against.
let fingerprint: CableFingerprint = {
    let draft = """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC IMMEDIATE
        Date: 2009-11-04 10:30
        Classification: SECRET//NOFORN
        Tags: PREL, PGOV, PK
        Subject: ZARDARI ON THE NEW CABINET
        Classified By: Ambassador Anne W. Patterson
        Reasons: 1.4 (b), (d)

        (C) Summary: President Zardari told the Ambassador that the cabinet would change, and he also said that \
        the army agreed with the plan in order to keep the coalition together regarding the border.

        (S/NF) The Ambassador replied that the United States would welcome a decision, and noted that Washington \
        had met with the opposition leaders, the army and the courts.
        """
    guard let cable = try? DraftParser().parse(text: draft).cable, let key = try? FingerprintKey(bytes: [UInt8](repeating: 7, count: 32)) else {
        fatalError("the fuzz target's own cable does not read")
    }
    return CableFingerprint(cable: cable, key: key)
}()
let tracer = Tracer(fingerprints: [fingerprint])
let matcher = LeakMatcher(cables: [fingerprint.cable])

/// Any bytes as leaked text. Readings must name only slots the cable has, and symbols within each slot.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLeakReader(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = matcher.matches(leak: text)
    for reading in tracer.read(leak: text) {
        precondition(reading.cable == 0, "a reading names a cable the tracer does not have")
        for (slot, symbol) in reading.symbols {
            precondition(fingerprint.slots.indices.contains(slot), "a reading names slot \(slot) of \(fingerprint.slots.count)")
            precondition(Int(symbol) < fingerprint.slots[slot].symbols.count, "a symbol outside its slot's alphabet")
        }
    }
    return 0
}
