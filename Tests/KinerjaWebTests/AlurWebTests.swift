import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaCLI
@testable import KinerjaWeb

/// The workflow through HTTP (issue 12): steps from the PD page, every source refused on a submitted or locked
/// triwulan, reporting windows by the application's clock, the history and its CSV, each role's tasks.
@Suite("Alur persetujuan lewat web")
struct AlurWebTests {
    /// Takes a step on DINSOS's realisasi of a triwulan of 2024 as `browser`, with the status version the PD page
    /// shows; returns the response status and the page's message.
    static func langkah(
        _ app: Application, _ browser: Peramban, _ step: Transisi, triwulan: Int = 1, catatan: String = "",
        jenis: ObjekAlur.Jenis = .realisasi, tahun: Int = 2024
    ) async throws -> (HTTPStatus, String) {
        let pd = try await pdPath(app, kode: "DINSOS")
        var version = "0"
        try await browser.buka(app, pd + "?tahun=\(tahun)") { res in
            let html = res.body.string
            let row = "id=\"alur-\(jenis.rawValue)-\(jenis == .realisasi ? triwulan : 0)\""
            if let start = html.range(of: row),
                let field = html[start.upperBound...].range(of: "name=\"versi\" value=\"")
            {
                version = String(html[field.upperBound...].prefix { $0 != "\"" })
            }
        }
        var result: (HTTPStatus, String) = (.ok, "")
        try await browser.kirim(
            app, pd + "/alur",
            [
                "jenis": jenis.rawValue, "tahun": String(tahun), "triwulan": String(jenis == .realisasi ? triwulan : 0),
                "transisi": step.rawValue, "catatan": catatan, "versi": version,
            ]
        ) { res in
            result = (res.status, res.body.string)
        }
        return result
    }

    static func status(_ app: Application, triwulan: Int = 1) async throws -> StatusAlur {
        let store = KinerjaStore(app.db)
        let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
        let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
        return try await store.statusAlur(pemda: pemda.id, pd: pd.id, tahun: 2024)
            .first { $0.objek.jenis == .realisasi && $0.objek.triwulan == triwulan }?.status ?? .draf
    }

    /// Saves the realisasi form of TW I with a new value for its first indicator.
    static func simpan(_ app: Application, _ op: Peramban, _ value: String) async throws -> (HTTPStatus, String) {
        let form = try await RealisasiFormTests.buka(app, op)
        var result: (HTTPStatus, String) = (.ok, "")
        try await op.kirim(app, form.path, form.isian([FormKey.realisasi.awalan + form.kunci: value])) { res in
            result = (res.status, res.body.string)
        }
        return result
    }

    /// Imports a realisasi CSV of TW I through the web (upload, preview, apply).
    static func impor(_ app: Application, _ op: Peramban) async throws -> (HTTPStatus, String) {
        let pd = try await pdPath(app, kode: "DINSOS")
        let csv =
            "kode;indikator;tahun;triwulan;realisasi;realisasi_keuangan;fisik\n06.01.2.01.01;;2024;1;;3.000.000;60\n"
        var preview = ""
        try await unggah(app, op, pd + "/impor", name: "tw1.csv", Array(csv.utf8)) { res in
            preview = res.headers.first(name: .location) ?? ""
        }
        let id = String(preview.split(separator: "/").last ?? "")
        var result: (HTTPStatus, String) = (.ok, "")
        try await op.kirim(app, pd + "/impor/" + id) { res in result = (res.status, res.body.string) }
        return result
    }

    /// The command line's import of the same file.
    static func imporCLI(_ app: Application) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tw1-\(UUID()).csv")
        try Data(
            "kode;indikator;tahun;triwulan;realisasi;realisasi_keuangan;fisik\n06.01.2.01.01;;2024;1;;4.000.000;70\n"
                .utf8
        ).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var context = CommandContext(
            console: app.console,
            input: CommandInput(arguments: [
                "kinerja", file.path, "--pd", "DINSOS", "--pemda", "Kabupaten Batu Bara", "--apply",
            ]))
        context.application = app
        try await ImportCommand().run(using: &context)
    }

    @Test func theWholeCycleAndEverySourceRefusedOnceSubmittedOrLocked() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            let evaluator = try await Peramban.masuk(app, "evaluator")
            let admin = try await Peramban.masuk(app, "admin")
            // Steps not theirs are refused with the rule's message.
            var (code, html) = try await Self.langkah(app, kepala, .ajukan)
            #expect(code == .badRequest)
            #expect(html.contains("hanya dapat diambil oleh Operator PD"))
            // The operator submits TW I.
            (code, _) = try await Self.langkah(app, op, .ajukan)
            #expect(code == .seeOther)
            #expect(try await Self.status(app) == .diajukan)
            // Form, web import and the command line are all refused, naming what, since when, by whom.
            (code, html) = try await Self.simpan(app, op, "99")
            #expect(code == .locked)
            #expect(html.contains("Realisasi TW I 2024 Dinas Sosial"))
            #expect(html.contains("berstatus diajukan sejak"))
            #expect(html.contains("oleh operator"))
            (code, html) = try await Self.impor(app, op)
            #expect(code == .locked)
            #expect(html.contains("berstatus diajukan"))
            await #expect(throws: IsianTerkunci.self) { try await Self.imporCLI(app) }
            // TW II is another item: still open.
            let tw2 = try await RealisasiFormTests.buka(app, op, triwulan: 2)
            try await op.kirim(app, tw2.path, tw2.isian([FormKey.realisasi.awalan + tw2.kunci: "3"])) { res in
                #expect(res.status == .seeOther)
            }
            // The Kepala returns it without a note: refused; with a note: returned, and the operator sees it.
            (code, html) = try await Self.langkah(app, kepala, .kembalikan)
            #expect(code == .badRequest)
            #expect(html.contains("Tuliskan catatan"))
            (code, _) = try await Self.langkah(app, kepala, .kembalikan, catatan: "Realisasi indikator pertama keliru")
            #expect(code == .seeOther)
            try await op.buka(app, "/") { res in
                #expect(res.body.string.contains("Realisasi indikator pertama keliru"))
            }
            (code, _) = try await Self.simpan(app, op, "12")
            #expect(code == .seeOther)
            (code, _) = try await Self.langkah(app, op, .ajukan)
            #expect(code == .seeOther)
            try await kepala.buka(app, "/") { res in #expect(res.body.string.contains("menunggu persetujuan Anda")) }
            (code, _) = try await Self.langkah(app, kepala, .setujui)
            #expect(code == .seeOther)
            try await evaluator.buka(app, "/") { res in #expect(res.body.string.contains("menunggu verifikasi")) }
            (code, _) = try await Self.langkah(app, evaluator, .verifikasi)
            #expect(code == .seeOther)
            (code, _) = try await Self.langkah(app, admin, .kunci)
            #expect(code == .seeOther)
            #expect(try await Self.status(app) == .dikunci)
            (code, html) = try await Self.simpan(app, op, "13")
            #expect(code == .locked)
            #expect(html.contains("berstatus dikunci"))
            #expect(html.contains("Hanya Admin Pemda yang dapat membukanya"))
            await #expect(throws: IsianTerkunci.self) { try await Self.imporCLI(app) }
            // The admin reopens with a reason; the operator can correct again.
            (code, _) = try await Self.langkah(app, admin, .bukaKunci, catatan: "Koreksi BPK")
            #expect(code == .seeOther)
            (code, _) = try await Self.simpan(app, op, "14")
            #expect(code == .seeOther)
            // Every step and every save is in the PD's history, with who and from where; the CSV has the same.
            let pd = try await pdPath(app, kode: "DINSOS")
            try await kepala.buka(app, pd + "/riwayat") { res in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(page.contains("Realisasi TW I 2024: Kembalikan — Realisasi indikator pertama keliru"))
                #expect(page.contains("Realisasi TW I 2024: Buka kunci — Koreksi BPK"))
                #expect(page.contains("formulir realisasi"))
            }
            try await admin.buka(app, pd + "/riwayat?oleh=kepala&format=csv") { res in
                let csv = res.body.string
                #expect(res.headers.contentType?.subType == "csv")
                #expect(csv.contains("Setujui"))
                #expect(!csv.contains("formulir realisasi"))
            }
        }
    }

    @Test func reportingWindowsFollowTheApplicationsClock() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let op = try await Peramban.masuk(app, "operator")
            let pemda = pemdaPath(try await pdPath(app, kode: "DINSOS"))
            try await admin.kirim(
                app, pemda + "/admin/jadwal",
                ["tahun": "2024", "triwulan": "1", "buka": "2024-04-01", "tutup": "2024-04-10"]
            ) { res in #expect(res.status == .seeOther) }
            let wib = TimeZone(secondsFromGMT: 7 * 3600)!
            func at(_ day: Int, _ hour: Int) -> Date {
                var c = DateComponents(year: 2024, month: 4, day: day, hour: hour)
                c.timeZone = wib
                return Calendar(identifier: .gregorian).date(from: c)!
            }
            let lastHour = at(10, 23)
            let closed = at(11, 0)
            app.jam = { lastHour }
            var (code, html) = try await Self.simpan(app, op, "5")
            #expect(code == .seeOther)
            app.jam = { closed }
            (code, html) = try await Self.simpan(app, op, "6")
            #expect(code == .locked)
            #expect(html.contains("sudah ditutup (jadwal pengisian 01-04-2024 s.d. 10-04-2024)"))
            // The form is cached per data version, its lock is not: with no write in between, the same form is
            // closed past the window and open before it.
            let closedForm = try await RealisasiFormTests.buka(app, op).html
            #expect(closedForm.contains("<fieldset disabled") && closedForm.contains("id=\"terkunci\""))
            app.jam = { lastHour }
            let openForm = try await RealisasiFormTests.buka(app, op).html
            #expect(!openForm.contains("<fieldset disabled") && !openForm.contains("id=\"terkunci\""))
            app.jam = { closed }
            // The admin's landing page counts the late PD; his matrix shows DINSOS late.
            try await admin.buka(app, "/") { res in
                #expect(res.body.string.contains("terlambat 2024: TW I: "))
            }
            try await admin.buka(app, pemda + "/pemantauan?tahun=2024") { res in
                #expect(res.body.string.contains("TW I: "))
                #expect(res.body.string.contains("terlambat"))
            }
            try await admin.kirim(
                app, pemda + "/admin/pembukaan",
                ["tahun": "2024", "triwulan": "1", "pd": "DINSOS", "sampai": "2024-04-15", "alasan": "Server PD rusak"]
            ) { res in #expect(res.status == .seeOther) }
            (code, _) = try await Self.simpan(app, op, "6")
            #expect(code == .seeOther)
            // Another PD is still closed.
            let setwan = try await Peramban.masuk(app, "operator.setwan")
            let path = try await pdPath(app, kode: "SETWAN") + "/realisasi?tahun=2024&triwulan=1"
            var setwanHTML = ""
            try await setwan.buka(app, path) { res in setwanHTML = res.body.string }
            // Its form has money rows only: a realisasi keuangan is refused the same way.
            let range = try #require(setwanHTML.range(of: "name=\"\(FormKey.keuangan.awalan)"))
            let key = String(setwanHTML[range.upperBound...].prefix(36))
            var fields: [String: String] = [:]
            for prefix in [
                FormKey.keuangan.awalan, FormKey.fisik.awalan, FormKey.versiAnggaran.awalan,
                FormKey.awalKeuangan.awalan,
                FormKey.awalFisik.awalan,
            ] {
                fields[prefix + key] = nilaiInput(setwanHTML, name: prefix + key) ?? ""
            }
            fields[FormKey.keuangan.awalan + key] = "1.000"
            try await setwan.kirim(app, path, fields) { res in
                #expect(res.status == .locked)
                #expect(res.body.string.contains("Sekretariat DPRD sudah ditutup"))
            }
            // A window whose end comes before its start is refused with the field's message.
            try await admin.kirim(
                app, pemda + "/admin/jadwal",
                ["tahun": "2024", "triwulan": "2", "buka": "2024-07-10", "tutup": "2024-07-01"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Tanggal tutup harus sesudah tanggal buka."))
            }
        }
    }

    @Test func aStepFromAStalePageIsRefused() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            _ = try await Self.langkah(app, op, .ajukan)
            // The Kepala's page shows version 1; meanwhile it is returned and submitted again (version 3).
            let pd = try await pdPath(app, kode: "DINSOS")
            _ = try await Self.langkah(app, kepala, .kembalikan, catatan: "ulang")
            _ = try await Self.langkah(app, op, .ajukan)
            try await kepala.kirim(
                app, pd + "/alur",
                ["jenis": "realisasi", "tahun": "2024", "triwulan": "1", "transisi": "setujui", "versi": "1"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("telah berubah sejak halaman Anda dibuka"))
            }
            #expect(try await Self.status(app) == .diajukan)
        }
    }

    @Test func publicPagesShowVerifiedFiguresAndProvisionalOnesOnlyWhenAskedAndMarked() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            let evaluator = try await Peramban.masuk(app, "evaluator")
            let anon = try await Peramban.anonim(app)
            let pd = try await pdPath(app, kode: "DINSOS")
            let form = try await RealisasiFormTests.buka(app, op)
            let money = try #require(form.kunciAnggaran)
            try await op.kirim(app, form.path, form.isian([FormKey.keuangan.awalan + money: "8.765.432"])) { res in
                #expect(res.status == .seeOther)
            }
            let report = pd + "/laporan/realisasi?tahun=2024"
            let dashboard = pemdaPath(pd) + "/dasbor?tahun=2024&triwulan=1"
            for page in [report, dashboard] {
                try await anon.buka(app, page) { res in
                    #expect(!res.body.string.contains("8.765.432"), "\(page)")
                    #expect(res.body.string.contains("Realisasi yang belum diverifikasi tidak ditampilkan"), "\(page)")
                }
                try await anon.buka(app, page + "&sementara=1") { res in
                    #expect(res.body.string.contains("8.765.432"), "\(page)")
                    #expect(res.body.string.contains("Angka sementara (belum diverifikasi)"), "\(page)")
                    #expect(res.body.string.contains("TW I 2024"), "\(page)")
                }
            }
            // The PD's own page shows it at once, with its status.
            try await op.buka(app, pd + "?tahun=2024&triwulan=1") { res in
                #expect(res.body.string.contains("8.765.432"))
                #expect(res.body.string.contains("status-draf"))
            }
            // Submitted and approved: still not published; verified: published, without a note.
            _ = try await Self.langkah(app, op, .ajukan)
            _ = try await Self.langkah(app, kepala, .setujui)
            try await anon.buka(app, report) { res in #expect(!res.body.string.contains("8.765.432")) }
            _ = try await Self.langkah(app, evaluator, .verifikasi)
            try await anon.buka(app, report) { res in
                #expect(res.body.string.contains("8.765.432"))
                #expect(!res.body.string.contains("belum diverifikasi"))
            }
            try await anon.buka(app, report + "&format=csv") { res in #expect(res.body.string.contains("8.765.432")) }
        }
    }

    @Test func anIndicatorsPageShowsItsHistoryToItsPDsReadersOnly() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let setwan = try await Peramban.masuk(app, "operator.setwan")
            let anon = try await Peramban.anonim(app)
            let form = try await RealisasiFormTests.buka(app, op)
            try await op.kirim(app, form.path, form.isian([FormKey.realisasi.awalan + form.kunci: "4,25"])) { res in
                #expect(res.status == .seeOther)
            }
            let page = pemdaPath(try await pdPath(app, kode: "DINSOS")) + "/indikator/" + form.kunci
            try await op.buka(app, page) { res in
                let html = res.body.string
                #expect(html.contains("Riwayat perubahan"))
                #expect(html.contains("4,25"))
                #expect(html.contains("formulir realisasi"))
                #expect(html.contains("riwayat?kunci=" + form.kunci))
            }
            for other in [anon, setwan] {
                try await other.buka(app, page) { res in
                    #expect(res.status == .ok)
                    #expect(!res.body.string.contains("Riwayat perubahan"))
                }
            }
            // The full history filtered to the indicator, and refused for an indicator of another PD.
            let pd = try await pdPath(app, kode: "DINSOS")
            try await op.buka(app, pd + "/riwayat?kunci=" + form.kunci) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("4,25"))
            }
            try await op.buka(app, pd + "/riwayat?dari=31-02-2024") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Tanggal 31-02-2024 tidak ada."))
            }
        }
    }
}

/// `kinerja alur tetapkan`: a Pemda's past years, approved before Kinerja, set at once.
@Suite("Perintah alur")
struct AlurCommandTests {
    func run(_ app: Application, _ arguments: [String]) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["kinerja"] + arguments))
        context.application = app
        try await AlurCommand().run(using: &context)
    }

    @Test func aPastYearIsSetAtOnceAndThenTakesNoWrites() async throws {
        try await withDemoApp { app in
            await #expect(throws: DomainError.self) {
                try await run(
                    app, ["tetapkan", "--pemda", "Kabupaten Batu Bara", "--tahun", "2024", "--status", "draf"])
            }
            try await run(app, ["tetapkan", "--pemda", "Kabupaten Batu Bara", "--tahun", "2024", "--pd", "DINSOS"])
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let stored = try await store.statusAlur(pemda: pemda.id, tahun: 2024)
            #expect(stored.contains { $0.objek.jenis == .renja && $0.status == .dikunci })
            #expect(stored.allSatisfy { $0.status == .dikunci && $0.oleh != "" })
            // The Renja 2024 of DINSOS now refuses the plan form.
            let op = try await Peramban.masuk(app, "operator")
            let path = try await pdPath(app, kode: "DINSOS") + "/rencana?tahun=2024&dokumen=renja"
            var page = ""
            try await op.buka(app, path) { res in page = res.body.string }
            let range = try #require(page.range(of: "name=\"\(FormKey.target.awalan)"))
            let key = String(page[range.upperBound...].prefix(36))
            try await op.kirim(
                app, path,
                [
                    FormKey.target.awalan + key: "77",
                    FormKey.versiTarget.awalan + key: nilaiInput(page, name: FormKey.versiTarget.awalan + key) ?? "0",
                    FormKey.awalTarget.awalan + key: nilaiInput(page, name: FormKey.awalTarget.awalan + key) ?? "",
                ]
            ) { res in
                #expect(res.status == .locked)
                #expect(res.body.string.contains("Renja 2024 Dinas Sosial"))
            }
        }
    }
}

/// Notifications by email, only when an SMTP server is configured (here a local sink).
@Suite("Pemberitahuan email")
struct PemberitahuanTests {
    @Test func aSubmissionMailsTheKepalaAndAReturnTheOperatorsOnlyWithAServer() async throws {
        try await withDemoApp { app in
            let sink = try SMTPSink()
            defer { sink.stop() }
            let store = KinerjaStore(app.db)
            for (name, address) in [
                ("kepala", "kepala.dinsos@batubarakab.go.id"), ("operator", "op.dinsos@batubarakab.go.id"),
            ] {
                var user = try #require(try await store.pengguna(namaPengguna: name)).0
                user.email = address
                try await store.update(user)
            }
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            // Without a server: the step is taken, no mail.
            _ = try await AlurWebTests.langkah(app, op, .ajukan)
            #expect(sink.messages.isEmpty)
            app.mail = MailConfig(host: "127.0.0.1", port: sink.port, from: "kinerja@batubarakab.go.id")
            _ = try await AlurWebTests.langkah(app, kepala, .kembalikan, catatan: "Lampirkan bukti SP2D")
            _ = try await AlurWebTests.langkah(app, op, .ajukan, triwulan: 2)
            let messages = sink.messages
            #expect(messages.count == 2)
            #expect(messages.first?.to == ["op.dinsos@batubarakab.go.id"])
            #expect(messages.first?.from == "kinerja@batubarakab.go.id")
            let body = messages.first?.data ?? ""
            #expect(body.contains("Catatan: Lampirkan bukti SP2D"))
            #expect(body.contains("Content-Type: text/plain; charset=utf-8"))
            let subject = try #require(body.split(separator: "\n").first { $0.hasPrefix("Subject: ") })
            let encoded = subject.dropFirst("Subject: =?UTF-8?B?".count).dropLast(2)
            let decoded = String(decoding: Data(base64Encoded: String(encoded)) ?? Data(), as: UTF8.self)
            #expect(
                decoded
                    == "[Kinerja] Realisasi TW I 2024 Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak: Kembalikan"
            )
            #expect(messages.last?.to == ["kepala.dinsos@batubarakab.go.id"])
            // A server that does not answer: the step stands, the failure is only logged.
            app.mail = MailConfig(host: "127.0.0.1", port: 1, from: "kinerja@batubarakab.go.id")
            let (code, _) = try await AlurWebTests.langkah(app, kepala, .setujui, triwulan: 2)
            #expect(code == .seeOther)
            #expect(try await AlurWebTests.status(app, triwulan: 2) == .disetujui)
        }
    }
}
