import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

/// The mapping step of the web import (issue 10.4): an unknown layout is mapped once, and imports directly after.
@Suite("Peta kolom lewat web")
struct PetaWebTests {
    static let csv = """
        Rencana Kerja Bidang Rehabilitasi Sosial 2027
        No;Nama Kegiatan;Ukuran Keberhasilan;Sasaran 2027;Dana 2027
        06.04.2.01;Rehabilitasi Sosial Dasar;Jumlah anak terlantar yang dibina;25 orang;150.000.000

        """

    /// A Renja printed without kode is matched to the PD's stored plan; the preview lists each match.
    @Test func aTableWithoutKodeShowsItsMatches() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let pd = try await pdPath(app, kode: "DINSOS")
            let pemda = try #require(UUID(uuidString: String(pd.split(separator: "/")[1])))
            let stored = try await KinerjaStore(app.db).load(pemda: TypedID(pemda))
            let dinsos = try #require(stored.perangkatDaerah.first { $0.kode == "DINSOS" })
            let program = try #require(
                stored.elemen.filter { $0.perangkatDaerah == dinsos.id && $0.tingkat == .program }
                    .sorted(by: IndeksKinerja.urutanElemen).first)
            let csv = """
                Rencana Kerja Dinas Sosial 2024
                No;Program/Kegiatan;Indikator Kinerja;Target 2024;Pagu Indikatif 2024
                1;2;3;4;5
                I.;\(program.uraian);Persentase uji;100 %;

                """
            var preview = ""
            try await unggah(app, op, pd + "/impor", name: "renja-tanpa-kode.csv", Array(csv.utf8)) { res in
                preview = res.headers.first(name: .location) ?? ""
            }
            try await op.buka(app, preview) { res in
                let html = res.body.string
                #expect(html.contains("Baris tanpa kode yang dicocokkan (1)"), "\(html)")
                #expect(html.contains(program.kode!.asli + " " + program.uraian))
                #expect(html.contains("100 %"))
                #expect(html.contains("nama sama, letak sesuai"))
            }
        }
    }

    @Test func anUnknownLayoutIsMappedOnceThenImportsDirectly() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let pd = try await pdPath(app, kode: "DINSOS")
            var preview = ""
            try await unggah(app, op, pd + "/impor", name: "bidang.csv", Array(Self.csv.utf8)) { res in
                preview = res.headers.first(name: .location) ?? ""
            }
            var tanda = ""
            try await op.buka(app, preview) { res in
                let html = res.body.string
                #expect(html.contains("Peta kolom: lembar yang belum dikenali"))
                #expect(html.contains("Ukuran Keberhasilan"))
                // First guesses from the headers.
                #expect(html.contains("<option value=\"kode\" selected=\"selected\">") == false)
                tanda = nilaiInput(html, name: "tanda") ?? ""
            }
            #expect(tanda == "no|nama_kegiatan|ukuran_keberhasilan|sasaran_2027|dana_2027")
            // A mapping without an indicator column is refused, with the reason.
            try await op.kirim(app, preview + "/peta", ["tanda": tanda, "jenis": "rencana", "k.0": "kode"]) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Tandai sekurangnya kolom kode atau uraian, dan indikator."))
            }
            let mapping = [
                "tanda": tanda, "jenis": "rencana", "k.0": "kode", "k.1": "uraian", "k.2": "indikator",
                "k.3": "target_2027", "k.4": "pagu_2027",
            ]
            try await op.kirim(app, preview + "/peta", mapping) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == preview)
            }
            try await op.buka(app, preview) { res in
                let html = res.body.string
                #expect(html.contains("Peta kolom tersimpan (rencana)"))
                #expect(!html.contains("Peta kolom: lembar yang belum dikenali"))
                #expect(html.contains("target Renja 2027: 25 orang"))
            }
            try await op.kirim(app, preview) { res in #expect(res.status == .seeOther) }
            // The same layout again: read at once by the saved mapping.
            try await unggah(app, op, pd + "/impor", name: "bidang-2.csv", Array(Self.csv.utf8)) { res in
                preview = res.headers.first(name: .location) ?? ""
            }
            try await op.buka(app, preview) { res in
                #expect(res.body.string.contains("Peta kolom tersimpan (rencana)"))
                #expect(res.body.string.contains("Tidak ada perubahan"))
            }
        }
    }
}
