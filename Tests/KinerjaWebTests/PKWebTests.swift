import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// What python-docx reads from a DOCX (scripts/docx_dump.py): the check that another program opens our documents.
struct DocxDump: Decodable {
    var paragraphs: [String]
    var tables: [[[String]]]

    static func read(_ data: Data) throws -> DocxDump {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString).docx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/docx_dump.py").path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DomainError.tidakSah(field: "docx", pesan: "python-docx gagal")
        }
        return try JSONDecoder().decode(DocxDump.self, from: json)
    }
}

/// Perjanjian Kinerja (issue 13.1, first part): one PK per pejabat of the unit tree, printed and as DOCX.
@Suite("Perjanjian Kinerja")
struct PKWebTests {
    @Test func setwansPKSetHasEveryPejabatWithTargetsInHTMLAndDOCX() async throws {
        try await withDemoApp { app in
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let setwan = try #require(try await store.pd(pemda: pemda.id, kode: "SETWAN"))
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: setwan.id)
            let year = try #require(data.target.filter { $0.dokumen == .perjanjianKinerja }.map(\.periode.tahun).max())
            let set = PerjanjianKinerja.untukPD(IndeksKinerja(data), pd: setwan, tahun: year)
            // Every unit of the tree that has elements with targets of the year signs one; the Kepala always.
            let index = IndeksKinerja(data)
            let indicatorsWithTarget = Set(data.target.filter { $0.periode.tahun == year }.map(\.indikator))
            var withTargets: Set<TypedID<UnitKerja>> = []
            for node in data.elemen {
                let indicators = index.indikatorPerElemen[node.id] ?? []
                guard indicators.contains(where: { indicatorsWithTarget.contains($0.id) }) else { continue }
                // Its unit, and every unit its penanggung jawab names among others.
                if let unit = node.unitKerja { withTargets.insert(unit) }
                for unit in data.unitKerja where PerjanjianKinerja.menyebut(node.penanggungJawab, unit.jabatan) {
                    withTargets.insert(unit.id)
                }
            }
            let units = data.unitKerja.filter { $0.eselon == .ii || withTargets.contains($0.id) }
            #expect(set.count == units.count)
            #expect(set.count > 1)
            #expect(set.first?.eselon == .ii)
            #expect(set.first?.kedua?.jabatan == "BUPATI BATU BARA")
            #expect(set.allSatisfy { !$0.sasaran.isEmpty || $0.eselon == .ii })
            // Each Eselon III/IV signs with his superior.
            let kepala = try #require(set.first).pertama
            #expect(set.filter { $0.eselon == .iii }.allSatisfy { $0.kedua == kepala })
            // Printed and as DOCX: every pejabat's name, the statement, the lampiran.
            let admin = try await Peramban.masuk(app, "admin")
            let path = try await pdPath(app, kode: "SETWAN") + "/pk?tahun=\(year)"
            try await admin.buka(app, path) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.components(separatedBy: "class=\"pk\"").count - 1 == set.count)
                #expect(html.contains("PERJANJIAN KINERJA TAHUN \(year)"))
                #expect(html.contains("selanjutnya disebut pihak pertama"))
                for pk in set where !pk.pertama.nama.isEmpty {
                    #expect(html.contains(HTML.escape(pk.pertama.nama)))
                }
            }
            var bytes = Data()
            try await admin.buka(app, path + "&format=docx") { res in
                #expect(
                    res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
                bytes = Data(res.body.readableBytesView)
            }
            let document = try DocxDump.read(bytes)
            #expect(document.paragraphs.filter { $0 == "PERJANJIAN KINERJA TAHUN \(year)" }.count == set.count)
            let lampiran = document.tables.filter { $0.first?.contains("Indikator kinerja") == true }
            #expect(lampiran.count == set.count)
            #expect(lampiran.first?.count == (set.first?.sasaran.count ?? 0) + 1)
            #expect(
                document.tables.flatMap { $0.flatMap { $0 } }.contains { $0.contains(kepala.nama) }
                    || kepala.nama.isEmpty)
            // The public reads a PK once its Kepala PD approved it, not before.
            let anon = try await Peramban.anonim(app)
            let op = try await Peramban.masuk(app, "operator")
            let kepalaDinsos = try await Peramban.masuk(app, "kepala")
            let dinsos = try await pdPath(app, kode: "DINSOS") + "/pk?tahun=2024"
            try await anon.buka(app, dinsos) { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("Perjanjian Kinerja 2024"))
            }
            _ = try await AlurWebTests.langkah(app, op, .ajukan, jenis: .perjanjianKinerja)
            try await anon.buka(app, dinsos) { res in #expect(res.status == .notFound) }
            _ = try await AlurWebTests.langkah(app, kepalaDinsos, .setujui, jenis: .perjanjianKinerja)
            try await anon.buka(app, dinsos) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("PERJANJIAN KINERJA TAHUN 2024"))
            }
        }
    }
}

extension PKWebTests {
    /// The Pemda's own PK (issue 13.1): its head, named on the admin page, signs alone on the RPJMD's sasaran; he
    /// is pihak kedua of every Kepala PD's PK.
    @Test func thePemdasHeadSignsItsOwnPKAndEachKepalaPDs() async throws {
        try await withDemoApp { app in
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let admin = try await Peramban.masuk(app, "admin")
            let pemdaPath = "/pemda/\(pemda.id.uuid.uuidString.lowercased())"
            try await admin.kirimBerkas(
                app, pemdaPath + "/admin/profil",
                ["alamat": "Jl. Perintis Kemerdekaan", "kepala_daerah": "Ir. H. Zahir"],
                berkas: "logo", nama: "", []
            ) { res in #expect(res.status == .seeOther) }
            #expect(try await store.profil(pemda: pemda.id).kepalaDaerah == "Ir. H. Zahir")
            let dinsos = try await pdPath(app, kode: "DINSOS")
            try await admin.buka(app, dinsos + "/pk?tahun=2024") { res in
                #expect(res.body.string.contains("Ir. H. Zahir"))
                #expect(res.body.string.contains("BUPATI BATU BARA"))
            }
            try await admin.buka(app, pemdaPath + "/pk?tahun=2024") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("PERJANJIAN KINERJA TAHUN 2024"))
                #expect(html.contains("yang bertanda tangan di bawah ini"))
                #expect(html.contains("Ir. H. Zahir"))
                #expect(!html.contains("Pihak Kedua"))
            }
            var bytes = Data()
            try await admin.buka(app, pemdaPath + "/pk?tahun=2024&format=docx") { res in
                bytes = Data(res.body.readableBytesView)
            }
            let document = try DocxDump.read(bytes)
            #expect(document.paragraphs.contains("PERJANJIAN KINERJA TAHUN 2024"))
            #expect(document.tables.flatMap { $0.flatMap { $0 } }.contains { $0.contains("Ir. H. Zahir") })
            // LibreOffice lays it out (where installed; CI installs it).
            if let pdf = try LKjIPWebTests.pdf(bytes) { #expect(pdf.starts(with: Data("%PDF".utf8))) }
        }
    }

    /// A PK Perubahan is printed as such with its basis, and the original stays a click away (`?murni=1`).
    @Test func aPKPerubahanIsPrintedWithItsBasisAndTheOriginalStaysReadable() async throws {
        try await withDemoApp { app in
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "SETWAN"))
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            let target = try #require(
                data.target.first { $0.dokumen == .perjanjianKinerja && $0.periode == PeriodeLaporan(tahun: 2023) })
            let item = ObjekAlur(perangkatDaerah: pd.id, jenis: .perjanjianKinerja, tahun: 2023)
            try await store.apply(
                PerubahanData {
                    $0.penetapan = [StatusTersimpan(objek: item, status: .draf, catatan: "dibuka", waktu: Date())]
                }, pemda: pemda.id)
            var changed = target
            changed.nilai = .angka(987)
            changed.teks = "987"
            try await store.apply(
                try PerubahanData {
                    $0.revisi = [
                        try RevisiDokumen(
                            perangkatDaerah: pd.id, dokumen: .perjanjianKinerja, tahun: 2023, alasan: "Perubahan APBD",
                            nomorSK: "050/77/2023", tanggalSK: Date(), oleh: "operator", waktu: Date())
                    ]
                    $0.target = [changed]
                }, pemda: pemda.id)
            let admin = try await Peramban.masuk(app, "admin")
            let path = try await pdPath(app, kode: "SETWAN") + "/pk?tahun=2023"
            try await admin.buka(app, path) { res in
                let html = res.body.string
                #expect(html.contains("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023"))
                #expect(html.contains("Dasar perubahan: SK nomor 050/77/2023"))
                #expect(html.contains("PK sebelum perubahan"))
                #expect(html.contains(">987<"))
            }
            try await admin.buka(app, path + "&murni=1") { res in
                let html = res.body.string
                #expect(html.contains("PERJANJIAN KINERJA TAHUN 2023"))
                #expect(!html.contains("PERUBAHAN TAHUN"))
                #expect(!html.contains(">987<"))
                #expect(html.contains(">\(HTML.escape(target.teks.isEmpty ? target.nilai.teks : target.teks))<"))
            }
        }
    }
}
