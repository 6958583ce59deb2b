import Foundation
import Testing
import Vapor

@testable import KinerjaWeb

/// A query parameter read by `KinerjaApp.queryTeks` is what Vapor's decoder reads for a plain name: percent-encoded and `+`
/// text, repeated names (the last), names in other case or with brackets (not the name), empty and absent values.
@Suite("Parameter kueri")
struct KueriTests {
    @Test func sameAsVaporsDecoder() async throws {
        let app = try await Application.make(.testing)
        let queries = [
            "", "tahun=2025", "tahun=2025&triwulan=3", "triwulan=3&tahun=2024", "tahun=2023&tahun=2025",
            "nama=Dinas+Sosial%20%26+PMD", "nama=%E2%80%9Ckutip%E2%80%9D", "Tahun=2025", "tahun=", "a=1&&tahun=7&",
            "tahun=20%32%35", "nama=a%3Db", "sementara=1", "sementara=0&sementara=1",
        ]
        for query in queries {
            let request = Request(
                application: app, url: URI(string: "/x" + (query.isEmpty ? "" : "?" + query)),
                on: app.eventLoopGroup.next())
            for name in ["tahun", "triwulan", "nama", "sementara"] {
                #expect(KinerjaApp.queryTeks(request, name) == request.query[String.self, at: name], "\(query) \(name)")
            }
        }
        try await app.asyncShutdown()
    }
}
