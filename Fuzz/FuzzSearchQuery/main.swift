import PouchCore

/// Any bytes as a search query: parsed or refused with a message, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchQuery(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    do {
        let query = try SearchQuery(parsing: text)
        _ = String(describing: query)
        _ = SearchAnalyzer.terms(text)
    } catch {
        precondition(!error.message.isEmpty, "a refused query must say why")
    }
    return 0
}
