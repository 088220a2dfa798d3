import Foundation
import PouchCore

/// Any bytes as a typed draft. A draft that passes lint must render and read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDraftParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let check = DraftCheck(text: text, now: Date(timeIntervalSince1970: 1_700_000_000))
    guard let cable = check.cable else { return 0 }
    let rendered = CableRenderer().render(cable)
    guard (try? CableParser().parse(text: rendered)) != nil else {
        fatalError("a draft that passed lint renders to text that does not read:\n\(rendered)")
    }
    return 0
}
