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
            let target = try key(FormKey.target.awalan)
            let pagu = try key(FormKey.pagu.awalan)
            func fields(_ html: String, _ changes: [String: String]) -> [String: String] {
                var result: [String: String] = [:]
                for name in [FormKey.target.awalan, FormKey.versiTarget.awalan, FormKey.awalTarget.awalan] {
                    result[name + target] = nilaiInput(html, name: name + target) ?? ""
                }
                for name in [FormKey.pagu.awalan, FormKey.versiPagu.awalan, FormKey.awalPagu.awalan] {
                    result[name + pagu] = nilaiInput(html, name: name + pagu) ?? ""
                }
                return result.merging(changes) { $1 }
            }
            let adminPage = page
            try await op.kirim(
                app, path,
                fields(page, [FormKey.target.awalan + target: "7", FormKey.pagu.awalan + pagu: "12.500.000"])
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("disimpan=2") == true)
            }
            try await op.buka(app, path) { res in
                #expect(nilaiInput(res.body.string, name: FormKey.target.awalan + target) == "7")
                #expect(nilaiInput(res.body.string, name: FormKey.pagu.awalan + pagu) == "12.500.000")
            }
            // The admin's form was loaded before: his pagu change is a conflict naming both values.
            try await admin.kirim(app, path, fields(adminPage, [FormKey.pagu.awalan + pagu: "13.000.000"])) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Tersimpan: Rp 12.500.000; isian Anda: Rp 13.000.000"))
            }
            try await op.kirim(app, path, fields(page, [FormKey.pagu.awalan + pagu: "-5"])) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("pagu: Rupiah tidak sah"))
            }
            // Numbers the form cannot read exactly are refused under their field, never stored as something else.
            try await op.buka(app, path) { res in page = res.body.string }
            for text in ["1e3", "0x10", "1\u{00A0}000"] {
                try await op.kirim(
                    app, path, fields(page, [FormKey.target.awalan + target: text, FormKey.pagu.awalan + pagu: text])
                ) { res in
                    #expect(res.status == .badRequest, "\(text)")
                    #expect(nilaiInput(res.body.string, name: FormKey.target.awalan + target) == text)
                    #expect(res.body.string.contains("tidak dapat dibaca dengan pasti"), "\(text)")
                }
            }
            try await op.buka(app, path) { res in
                #expect(nilaiInput(res.body.string, name: FormKey.target.awalan + target) == "7")
                #expect(nilaiInput(res.body.string, name: FormKey.pagu.awalan + pagu) == "12.500.000")
            }
        }
    }
}

@Suite("Struktur rencana lewat web")
struct StrukturRencanaTests {
    @Test func operatorAddsAnElementAndAnIndicator() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let pd = try await pdPath(app, kode: "DINSOS")
            let plan = pd + "/rencana?tahun=2024&dokumen=renja"
            var page = ""
            try await op.buka(app, plan) { res in page = res.body.string }
            // The parent: the program 6.01 (its option value precedes its label).
            let label = try #require(page.range(of: "\">· Program 6.01 ") ?? page.range(of: "\">Program 6.01 "))
            let start = page[..<label.lowerBound].range(of: "value=\"", options: .backwards)!.upperBound
            let program = String(page[start..<label.lowerBound])
            // A kegiatan whose kode does not extend its parent's is refused, and what was typed stays.
            try await op.kirim(
                app, pd + "/rencana/elemen?tahun=2024&dokumen=renja",
                ["tingkat": "kegiatan", "induk": program, "kode": "07.02.2.09", "uraian": "Kegiatan Uji"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("value=\"Kegiatan Uji\""))
            }
            try await op.kirim(
                app, pd + "/rencana/elemen?tahun=2024&dokumen=renja",
                ["tingkat": "kegiatan", "induk": program, "kode": "06.01.2.99", "uraian": "Kegiatan Uji"]
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("ditambah=elemen") == true)
            }
            try await op.buka(app, plan) { res in page = res.body.string }
            #expect(page.contains("Kegiatan Uji"))
            let newLabel = try #require(page.range(of: "Kegiatan 06.01.2.99 Kegiatan Uji"))
            let newStart = page[..<newLabel.lowerBound].range(of: "value=\"", options: .backwards)!.upperBound
            let kegiatan = String(page[newStart...].prefix(36))
            try await op.kirim(
                app, pd + "/rencana/indikator?tahun=2024&dokumen=renja",
                [
                    "elemen": kegiatan, "nama": "Jumlah dokumen uji", "satuan": "Dokumen", "jenis": "output",
                    "polaritas": "naik",
                ]
            ) { res in #expect(res.status == .seeOther) }
            try await op.buka(app, plan) { res in #expect(res.body.string.contains("Jumlah dokumen uji")) }
            // Another PD's element cannot be a parent.
            try await op.kirim(
                app, pd + "/rencana/elemen?tahun=2024&dokumen=renja",
                ["tingkat": "program", "induk": UUID().uuidString, "kode": "6.09", "uraian": "Lain"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Induk bukan elemen perangkat daerah ini."))
            }
        }
    }
}

/// Every named input of a page's forms with its value, as a browser sends them.
func semuaInput(_ html: String, awalan: [String]) -> [String: String] {
    var fields: [String: String] = [:]
    let pattern = try! NSRegularExpression(pattern: "<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
    let range = NSRange(html.startIndex..., in: html)
    for match in pattern.matches(in: html, range: range) {
        let name = String(html[Range(match.range(at: 1), in: html)!])
        guard awalan.contains(where: { name.hasPrefix($0) }) else { continue }
        fields[name] = String(html[Range(match.range(at: 2), in: html)!])
    }
    return fields
}

@Suite("Formulir utuh")
struct FormulirUtuhTests {
    /// The whole plan form of a PD, every field sent as a browser sends it, fits the body limit and changes nothing.
    @Test func theWholePlanFormIsAccepted() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let path = try await pdPath(app, kode: "DINSOS") + "/rencana?tahun=2024&dokumen=renja"
            var fields: [String: String] = [:]
            try await op.buka(app, path) { res in
                fields = semuaInput(
                    res.body.string,
                    awalan: [
                        FormKey.target.awalan, FormKey.versiTarget.awalan, FormKey.awalTarget.awalan,
                        FormKey.pagu.awalan, FormKey.versiPagu.awalan, FormKey.awalPagu.awalan,
                    ])
            }
            #expect(fields.count > 300)
            fields["_csrf"] = op.csrf
            let body = Peramban.urlEncoded(fields)
            #expect(body.utf8.count > 16_384)  // more than Vapor's default body limit
            var headers = op.headers
            headers.contentType = .urlEncodedForm
            // Through a real server: the in-memory tester does not apply the body limit.
            let server = try app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...60_000)))
            try await server.test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res in
                // The live client follows the redirect to the form.
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Tidak ada perubahan."))
            }
        }
    }
}
