import Foundation
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

@Suite("Formulir rencana")
struct RencanaFormTests {
    @Test func targetAndPaguAreEditedWithAVersionCheck() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let admin = try await Peramban.masuk(app, "admin")
            let path = try await pdPath(app, kode: "DINSOS") + "/rencana?tahun=2024&dokumen=renja"
            var page = ""
            try await op.buka(app, path) { res in
                #expect(res.status == .ok)
                page = res.body.string
            }
            func key(_ prefix: String) throws -> String {
                let range = try #require(page.range(of: "name=\"\(prefix)"))
                return String(page[range.upperBound...].prefix(36))
            }
            let target = try key("t.")
            let pagu = try key("p.")
            func fields(_ html: String, _ changes: [String: String]) -> [String: String] {
                var result: [String: String] = [:]
                for name in ["t.", "tv.", "ta."] { result[name + target] = nilaiInput(html, name: name + target) ?? "" }
                for name in ["p.", "pv.", "pa."] { result[name + pagu] = nilaiInput(html, name: name + pagu) ?? "" }
                return result.merging(changes) { $1 }
            }
            let adminPage = page
            try await op.kirim(app, path, fields(page, ["t." + target: "7", "p." + pagu: "12.500.000"])) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("disimpan=2") == true)
            }
            try await op.buka(app, path) { res in
                #expect(nilaiInput(res.body.string, name: "t." + target) == "7")
                #expect(nilaiInput(res.body.string, name: "p." + pagu) == "12.500.000")
            }
            // The admin's form was loaded before: his pagu change is a conflict naming both values.
            try await admin.kirim(app, path, fields(adminPage, ["p." + pagu: "13.000.000"])) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Tersimpan: Rp 12.500.000; isian Anda: Rp 13.000.000"))
            }
            try await op.kirim(app, path, fields(page, ["p." + pagu: "-5"])) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("pagu: Rupiah tidak sah"))
            }
        }
    }
}
