import Foundation
import PouchCore
import PouchTestSupport
import Testing

/// The error a throwing call raised, or nil.
func throwing<T>(_ body: () throws(CableParseError) -> T) -> CableParseError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else {
            Issue.record("'\(target)' not in the text")
            return self
        }
        return replacingCharacters(in: range, with: replacement)
    }
}
