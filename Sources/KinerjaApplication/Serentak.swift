import Foundation

/// Computes `count` independent parts (one per PD: a dashboard part, a whole-Pemda report's part) as many at once
/// as the machine has cores (at most four), and returns them in their order. Each part is one PD's load and
/// computation; the first parts start at once, each next one as soon as one finishes.
public func bagianSerentak<T: Sendable>(
    _ count: Int, _ part: @escaping @Sendable (Int) async throws -> T
) async throws -> [T] {
    let width = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    var found = [T?](repeating: nil, count: count)
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
        var next = min(width, count)
        for index in 0..<next { group.addTask { (index, try await part(index)) } }
        while let (index, built) = try await group.next() {
            found[index] = built
            if next < count {
                let index = next
                group.addTask { (index, try await part(index)) }
                next += 1
            }
        }
    }
    return found.map { $0! }
}
