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
            let berjalan = InFlightRequests(jedaSenggang: .milliseconds(300))
            func minta(_ lama: Duration = .zero) async throws {
                let request = Request(application: app, on: app.eventLoopGroup.next())
                _ = try await berjalan.respond(to: request, chainingTo: Jawab(lama: lama))
            }
            /// Waits (up to 20 s, however busy the machine) until the heap was given back `kali` times.
            func tunggu(_ kali: Int) async throws {
                let sampai = ContinuousClock.now + .seconds(20)
                while berjalan.dikembalikan < kali && ContinuousClock.now < sampai {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            // Requests one after another: each one's check finds a newer request begun; only the last one's trims.
            for _ in 0..<5 { try await minta() }
            try await tunggu(1)
            #expect(berjalan.dikembalikan == 1)
            // Idle on, no request: not again.
            try await Task.sleep(for: .seconds(1))
            #expect(berjalan.dikembalikan == 1)
            // A short request that ends while a long one is under way leaves it be; the long one's end trims, once.
            async let panjang: Void = minta(.milliseconds(800))
            while berjalan.berjalan == 0 { try await Task.sleep(for: .milliseconds(5)) }
            try await minta()
            try await panjang
            try await tunggu(2)
            try await Task.sleep(for: .seconds(1))
            #expect(berjalan.dikembalikan == 2)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
