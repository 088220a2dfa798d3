/// The top-level properties where two values differ, for readable test failures.
public func differences<T>(_ a: T, _ b: T) -> String {
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
