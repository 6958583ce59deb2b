import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// The LKjIP (issue 13.4 and 13.6): a PD's document with its narrative written through the one write path under
/// the workflow, printed and as DOCX (read back by python-docx, converted to PDF by LibreOffice where installed).
@Suite("LKjIP")
struct LKjIPWebTests {
    /// Converts a DOCX to PDF with LibreOffice; nil when LibreOffice is not installed (CI installs it and sets
    /// KINERJA_REQUIRE_LIBREOFFICE=1, so there it must be).
    static func pdf(_ docx: Data) throws -> Data? {
        let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first {
            FileManager.default.fileExists(atPath: $0)
        }
        guard let soffice else {
            #expect(ProcessInfo.processInfo.environment["KINERJA_REQUIRE_LIBREOFFICE"] == nil, "LibreOffice tidak ada")
            return nil
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("lkjip.docx")
        try docx.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(dir.path)/profil", "--headless", "--convert-to", "pdf", "--outdir",
            dir.path, input.path,
        ]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: dir.appendingPathComponent("lkjip.pdf"))
    }

    @Test func anOperatorWritesTheNarrativeTheKepalaApprovesAndThePublicReadsIt() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            let anon = try await Peramban.anonim(app)
            let pd = try await pdPath(app, kode: "DINSOS")
            let path = pd + "/lkjip?tahun=2022"
            // The operator's page: the generated sentences in the form, the measurement in the document.
            try await op.buka(app, path) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Simpan naskah LKjIP"))
                #expect(html.contains("teks awal dari data"))
                #expect(html.contains("Sasaran &quot;Meningkatnya Akuntabilitas Kinerja OPD&quot; diukur dengan"))
                #expect(html.contains("Bab III Akuntabilitas Kinerja"))
                #expect(html.contains("Persentase Capaian Indikator Kabupaten Layak Anak"))
                #expect(html.contains("120,00 %"))
            }
            // Not public before the Kepala PD approves it.
            try await anon.buka(app, path) { res in #expect(res.status == .notFound) }
            // A section saved: kept, in the history, and printed instead of the generated one.
            let own = "Dinas Sosial mencapai sebagian besar targetnya pada tahun 2022."
            try await op.kirim(app, pd + "/lkjip", ["tahun": "2022", "naskah.ikhtisar": own]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("disimpan=1") == true)
            }
            try await op.buka(app, path) { res in #expect(res.body.string.contains(own)) }
            try await op.buka(app, pd + "/riwayat") { res in
                #expect(res.body.string.contains("LKjIP · Ikhtisar eksekutif"))
            }
            // Another PD's operator may not write it.
            let other = try await pdPath(app, kode: "SETWAN")
            try await op.kirim(app, other + "/lkjip", ["tahun": "2022", "naskah.ikhtisar": "x"]) { res in
                #expect(res.status == .forbidden)
            }
            // Submitted and approved: the form refuses changes naming the status; the public reads it.
            #expect(try await AlurWebTests.langkah(app, op, .ajukan, jenis: .lkjip, tahun: 2022).0 == .seeOther)
            try await op.kirim(app, pd + "/lkjip", ["tahun": "2022", "naskah.ikhtisar": "lain"]) { res in
                #expect(res.status == .locked)
                #expect(res.body.string.contains("berstatus diajukan"))
            }
            #expect(try await AlurWebTests.langkah(app, kepala, .setujui, jenis: .lkjip, tahun: 2022).0 == .seeOther)
            try await anon.buka(app, path) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(own))
                #expect(!res.body.string.contains("Simpan naskah LKjIP"))
            }
            // DOCX: the chapters, the measurement table with its header, the PK in the lampiran.
            var bytes = Data()
            try await anon.buka(app, path + "&format=docx") { res in
                #expect(res.status == .ok)
                bytes = Data(res.body.readableBytesView)
            }
            let document = try DocxDump.read(bytes)
            for heading in [
                "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP",
            ] {
                #expect(document.paragraphs.contains(heading), "\(heading)")
            }
            #expect(document.paragraphs.contains(own))
            let capaian = try #require(document.tables.first { $0.first?.contains("Capaian (%)") == true })
            #expect(capaian.count == 7)
            #expect(capaian.contains { $0.contains("Nilai AKIP") })
            if let pdf = try Self.pdf(bytes) { #expect(pdf.starts(with: Data("%PDF".utf8))) }
        }
    }

    @Test func thePemdasLKjIPListsTheRPJMDsIndicatorsAndTheBudgetPerPD() async throws {
        try await withDemoApp { app in
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Banyuasin"))
            let admin = try await Peramban.masuk(app, "admin")
            try await admin.buka(app, "/pemda/\(pemda.id.uuid.uuidString.lowercased())/lkjip") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Realisasi Anggaran per Perangkat Daerah"))
                #expect(html.contains("KABUPATEN BANYUASIN"))
                #expect(!html.contains("menyajikan capaian 0 indikator"))
            }
        }
    }
}
