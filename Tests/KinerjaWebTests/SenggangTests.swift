import Foundation
import Testing
import Vapor

@testable import KinerjaWeb

/// When the last request under way ends and none begins for a while, the heap is given back once; not while a
/// request is under way, not again before a new request, and not when requests keep coming.
@Suite("Memori dikembalikan saat senggang")
struct SenggangTests {
    struct Jawab: AsyncResponder {
        var lama: Duration = .zero
        func respond(to request: Request) async throws -> Response {
            if lama > .zero { try await Task.sleep(for: lama) }
            return Response(status: .ok)
        }
    }

    @Test func theHeapIsGivenBackOnceTheServerFallsIdle() async throws {
        let app = try await Application.make(.testing)
        do {
            let berjalan = InFlightRequests(jedaSenggang: .milliseconds(100))
            func minta(_ lama: Duration = .zero) async throws {
                let request = Request(application: app, on: app.eventLoopGroup.next())
                _ = try await berjalan.respond(to: request, chainingTo: Jawab(lama: lama))
            }
            // Requests one after another, each within the pause of the last: no trim until they stop.
            for _ in 0..<5 {
                try await minta()
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(berjalan.dikembalikan == 0)
            try await Task.sleep(for: .milliseconds(400))
            #expect(berjalan.dikembalikan == 1)
            // Idle on: not again.
            try await Task.sleep(for: .milliseconds(300))
            #expect(berjalan.dikembalikan == 1)
            // A long request under way: no trim while it runs, one after it ends.
            async let panjang: Void = minta(.milliseconds(500))
            try await Task.sleep(for: .milliseconds(50))
            try await minta()
            try await Task.sleep(for: .milliseconds(250))
            #expect(berjalan.dikembalikan == 1)
            try await panjang
            try await Task.sleep(for: .milliseconds(400))
            #expect(berjalan.dikembalikan == 2)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
