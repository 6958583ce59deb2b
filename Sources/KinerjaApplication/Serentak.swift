import Foundation

/// Computes `count` independent parts (one per PD: a dashboard part, a whole-Pemda report's part) one more at once
/// than the machine has cores (at most five), and returns them in their order. Each part is one PD's load and
/// computation; the first parts start at once, each next one as soon as one finishes. A part waits for its load
/// about as long as it computes (its reads on NIO's pool, each read's connection shared): with as many parts as
/// cores, the cores were busy 1,5 of 2 on a whole Pemda's realisasi XLSX; one more keeps them busy while a part
/// waits (the XLSX 15-20 % sooner, four alternating runs, docs/DEVELOPMENT.md "Performance").
public func bagianSerentak<T: Sendable>(
    _ count: Int, _ part: @escaping @Sendable (Int) async throws -> T
) async throws -> [T] {
    let width = max(1, min(5, ProcessInfo.processInfo.activeProcessorCount + 1))
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
