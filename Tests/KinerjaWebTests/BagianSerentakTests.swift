import Foundation
import KinerjaApplication
import Testing

/// `bagianSerentak`: the parts of a dashboard or a whole-Pemda report, computed side by side, come back in their
/// order whatever order they finish in, each computed once, and the first error is the whole call's.
@Suite("Bagian serentak")
struct BagianSerentakTests {
    actor Hitungan {
        var dihitung: [Int] = []
        func catat(_ index: Int) { dihitung.append(index) }
    }

    @Test func partsComeBackInTheirOrderEachComputedOnce() async throws {
        let hitungan = Hitungan()
        let parts = try await bagianSerentak(50) { index in
            // Later parts finish first.
            try await Task.sleep(for: .milliseconds(50 - index))
            await hitungan.catat(index)
            return "bagian \(index)"
        }
        #expect(parts == (0..<50).map { "bagian \($0)" })
        #expect(await hitungan.dihitung.sorted() == Array(0..<50))
        #expect(try await bagianSerentak(0) { $0 }.isEmpty)
    }

    struct Gagal: Error, Equatable {
        var index: Int
    }

    @Test func aPartsErrorIsTheCallsError() async throws {
        await #expect(throws: Gagal(index: 7)) {
            try await bagianSerentak(20) { index in
                if index == 7 { throw Gagal(index: 7) }
                return index
            }
        }
    }
}
