import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

/// Renja tables (T-C.33 / Tabel 3.2) as different Pemda keep them, built here: each in a correct version, which
/// must give no finding at all, and in versions with one planted error, which must be found exactly once.
@Suite("Tata letak Renja yang beragam")
struct VariasiTataLetakTests {
    /// One element of the test Renja: kode, uraian, its indicators (name, satuan, target 2026, target 2027) and
    /// its pagu 2026 / 2027 in Rupiah.
    struct Elemen: Sendable {
        var kode: String
        var uraian: String
        var indikator: [(nama: String, satuan: String, t26: String, t27: String)]
        var pagu26: Int64
        var pagu27: Int64
    }

    static let elemen: [Elemen] = [
        Elemen(
            kode: "1.02.02", uraian: "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
            indikator: [
                ("Persentase fasilitas kesehatan terakreditasi", "%", "80", "85"),
                ("Cakupan pelayanan kesehatan rujukan", "%", "90", "92"),
            ], pagu26: 500_000_000, pagu27: 550_000_000),
        Elemen(
            kode: "1.02.02.2.01", uraian: "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP",
            indikator: [("Jumlah fasilitas kesehatan yang ditingkatkan", "Unit", "3", "3")],
            pagu26: 400_000_000, pagu27: 440_000_000),
        Elemen(
            kode: "1.02.02.2.01.0001", uraian: "Pembangunan Puskesmas",
            indikator: [("Jumlah puskesmas yang dibangun", "Unit", "1", "1")], pagu26: 150_000_000,
            pagu27: 165_000_000),
        Elemen(
            kode: "1.02.02.2.01.0002", uraian: "Rehabilitasi dan Pemeliharaan Puskesmas",
            indikator: [("Jumlah puskesmas yang direhabilitasi", "Unit", "2", "2")], pagu26: 250_000_000,
            pagu27: 275_000_000),
        Elemen(
            kode: "1.02.02.2.02", uraian: "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan",
            indikator: [("Jumlah dokumen layanan kesehatan", "Dokumen", "12", "12")], pagu26: 100_000_000,
            pagu27: 110_000_000),
        Elemen(
            kode: "1.02.02.2.02.0001", uraian: "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
            indikator: [("Jumlah ibu hamil yang mendapatkan pelayanan", "Orang", "1.250", "1.300")],
            pagu26: 100_000_000, pagu27: 110_000_000),
    ]

    static func rp(_ value: Int64) -> String {
        IndonesianFormat.rupiah(Rupiah(sen: value * 100)).replacingOccurrences(of: "Rp ", with: "")
    }

    /// How a layout prints a table.
    struct TataLetak: Sendable {
        var nama: String
        /// Print the kode in its own column; otherwise in the uraian cell, `KODE - URAIAN`.
        var kolomKode = true
        /// The numbering row's cells for column n.
        var nomor: @Sendable (Int) -> String = { String($0) }
        /// A target cell from value and satuan.
        var target: @Sendable (String, String) -> String = { value, _ in value }
        /// The indicator name as printed (e.g. with its satuan in parentheses).
        var namaIndikator: @Sendable (String, String) -> String = { name, _ in name }
        /// Money as printed.
        var rupiah: @Sendable (Int64) -> String = {
            IndonesianFormat.rupiah(Rupiah(sen: $0 * 100)).replacingOccurrences(of: "Rp ", with: "")
        }
        /// The total row's label ("" for none).
        var labelTotal = "TOTAL"
        /// An element's pagu on its last indicator row rather than its first.
        var paguDiBarisTerakhir = false
        /// The header printed again after the third element (a page break).
        var ulangKepala = false
        /// Rows for the urusan (`1`) and bidang urusan (`1.02`) above the program, with their pagu.
        var urusan = false
    }

    static let tataLetak: [TataLetak] = [
        TataLetak(nama: "baku", target: { value, unit in unit == "%" ? value + " %" : value + " " + unit }),
        TataLetak(
            nama: "kode-dalam-uraian", kolomKode: false, nomor: { "(\($0))" },
            target: { value, unit in unit == "%" ? value + "%" : value + " " + unit },
            labelTotal: "", paguDiBarisTerakhir: true, urusan: true),
        TataLetak(
            nama: "satuan-dalam-kurung", nomor: { String(format: "(%02d)", $0) },
            namaIndikator: { name, unit in "\(name) (\(unit))" },
            rupiah: {
                "Rp " + IndonesianFormat.rupiah(Rupiah(sen: $0 * 100)).replacingOccurrences(of: "Rp ", with: "")
            },
            labelTotal: "JUMLAH", ulangKepala: true),
        TataLetak(
            nama: "urusan-di-kolom-kode", target: { value, unit in unit == "%" ? value + "%" : value + " " + unit },
            urusan: true),
    ]

    /// The workbook of a layout, with `ubah` applied to the elements and the total as printed.
    static func berkas(
        _ tataLetak: TataLetak, ubah: (inout [Elemen]) -> Void = { _ in }, total: Int64? = nil
    ) throws -> Data {
        var elements = elemen
        ubah(&elements)
        let header1 =
            (tataLetak.kolomKode ? ["Kode"] : []) + [
                "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
                "Indikator Kinerja Program (Outcome)/Kegiatan (Output)", "Rencana Tahun 2026", "", "", "",
                "Catatan Penting", "Prakiraan Maju Rencana Tahun 2027", "",
            ]
        let header2 =
            (tataLetak.kolomKode ? [""] : []) + [
                "", "", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", "",
                "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif",
            ]
        let width = header1.count
        let numbering = (1...width).map(tataLetak.nomor)
        var rows: [[XLSXCell]] = [
            [.text("Tabel 3.2", .title)], [.text("Rumusan Rencana Program dan Kegiatan Tahun 2026", .title)], [],
        ]
        func kepala() {
            rows += [header1, header2, numbering].map { $0.map { XLSXCell.text($0, .header) } }
        }
        kepala()
        if tataLetak.urusan {
            for (kode, name) in [
                ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"),
                ("1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN"),
            ] {
                var row = tataLetak.kolomKode ? [kode, name] : [kode + " - " + name]
                // As printed: the planted changes below do not reach these rows.
                row += ["", "", "", tataLetak.rupiah(elemen[0].pagu26), "", "", "", tataLetak.rupiah(elemen[0].pagu27)]
                rows.append(row.map { XLSXCell.text($0, .boldText) })
            }
        }
        for (position, element) in elements.enumerated() {
            if tataLetak.ulangKepala && position == 3 { kepala() }
            for (index, indicator) in element.indikator.enumerated() {
                let first = index == 0
                let carriesMoney = tataLetak.paguDiBarisTerakhir ? index == element.indikator.count - 1 : first
                var row: [String] = []
                if tataLetak.kolomKode { row.append(first ? element.kode : "") }
                row.append(first ? (tataLetak.kolomKode ? element.uraian : element.kode + " - " + element.uraian) : "")
                row += [
                    tataLetak.namaIndikator(indicator.nama, indicator.satuan), first ? "Kab. Contoh" : "",
                    tataLetak.target(indicator.t26, indicator.satuan),
                    carriesMoney ? tataLetak.rupiah(element.pagu26) : "", first ? "DAU" : "", "",
                    tataLetak.target(indicator.t27, indicator.satuan),
                    carriesMoney ? tataLetak.rupiah(element.pagu27) : "",
                ]
                rows.append(row.map { XLSXCell.text($0) })
            }
        }
        let offset = tataLetak.kolomKode ? 1 : 0
        var totalRow = Array(repeating: "", count: width)
        totalRow[offset] = tataLetak.labelTotal
        totalRow[offset + 4] = tataLetak.rupiah(total ?? elements[0].pagu26)
        totalRow[offset + 8] = tataLetak.rupiah(elements[0].pagu27)
        rows.append(totalRow.map { XLSXCell.text($0, .boldText) })
        return try XLSXWriter.write([XLSXSheet(name: "Tabel 3.2", rows: rows)])
    }

    @Test(arguments: tataLetak.map(\.nama))
    func aCorrectTableGivesNoFindingAndEveryRow(nama: String) throws {
        let layout = Self.tataLetak.first { $0.nama == nama }!
        let hasil = Importer.baca(try Self.berkas(layout), namaBerkas: "renja-\(nama).xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Renja T-C.33 (Tabel 3.2)"], "\(nama)")
        #expect(hasil.temuan.isEmpty, "\(nama): \(hasil.temuan.map(\.description))")
        // Every element and indicator, with its satuan, targets and pagu.
        #expect(hasil.rencana.count == 7, "\(nama)")
        let program = hasil.rencana.filter { $0.kode?.normal == "1.02.02" }
        #expect(program.map(\.indikator) == Self.elemen[0].indikator.map(\.nama), "\(nama)")
        #expect(program.compactMap { $0.pagu[2026]?.jumlah }.count == 1, "\(nama)")
        #expect(program.flatMap { $0.pagu.values.map(\.jumlah) }.contains(Rupiah(sen: 50_000_000_000)), "\(nama)")
        let mothers = try #require(hasil.rencana.first { $0.kode?.normal == "1.02.02.2.02.0001" })
        #expect(mothers.target[2026]?.nilai == .angka(1250), "\(nama)")
        #expect(mothers.target[2027]?.dokumen == .prakiraanMaju, "\(nama)")
        #expect(mothers.satuan.lowercased() == "orang", "\(nama)")
        #expect(mothers.indikator == "Jumlah ibu hamil yang mendapatkan pelayanan", "\(nama)")
        #expect(hasil.urusan.map(\.kode) == (layout.urusan ? ["1", "1.02"] : []), "\(nama)")
    }

    @Test(arguments: tataLetak.map(\.nama))
    func aChildsPaguThatDoesNotAddUpIsFoundOnce(nama: String) throws {
        let layout = Self.tataLetak.first { $0.nama == nama }!
        let data = try Self.berkas(layout, ubah: { $0[3].pagu26 = 260_000_000 })
        let hasil = Importer.baca(data, namaBerkas: "renja-\(nama).xlsx")
        let found = hasil.temuan.filter { $0.jenis == .paguIndukBerbeda }
        #expect(found.count == 1, "\(nama): \(hasil.temuan.map(\.description))")
        #expect(hasil.temuan.count == 1, "\(nama): \(hasil.temuan.map(\.description))")
    }

    @Test func aBidangUrusanThatDoesNotAddUpIsFoundOnce() throws {
        let layout = Self.tataLetak.first { $0.nama == "urusan-di-kolom-kode" }!
        // The program's pagu changed with its kegiatan (both consistent), the bidang urusan row not.
        let data = try Self.berkas(
            layout,
            ubah: {
                $0[0].pagu26 = 510_000_000
                $0[1].pagu26 = 410_000_000
                $0[2].pagu26 = 160_000_000
            }, total: 510_000_000)
        let hasil = Importer.baca(data, namaBerkas: "renja.xlsx")
        // The urusan row and the bidang urusan row each print the old sum: each found once.
        #expect(hasil.temuan.map(\.baris) == [7, 8], "\(hasil.temuan.map(\.description))")
        #expect(hasil.temuan.last?.pesan.contains("bidang urusan 1.02") == true)
    }

    @Test(arguments: tataLetak.map(\.nama))
    func aTotalThatDoesNotAddUpIsFoundOnce(nama: String) throws {
        let layout = Self.tataLetak.first { $0.nama == nama }!
        let hasil = Importer.baca(try Self.berkas(layout, total: 499_000_000), namaBerkas: "renja-\(nama).xlsx")
        #expect(hasil.temuan.count == 1, "\(nama): \(hasil.temuan.map(\.description))")
    }

    @Test(arguments: tataLetak.map(\.nama))
    func aKegiatansPaguThatDoesNotAddUpIsFoundOnceNotAgainAtItsProgram(nama: String) throws {
        let layout = Self.tataLetak.first { $0.nama == nama }!
        // The kegiatan prints 410 000 000 over sub kegiatan of 400 000 000; the program's 500 000 000 is right.
        let data = try Self.berkas(layout, ubah: { $0[1].pagu26 = 410_000_000 })
        let hasil = Importer.baca(data, namaBerkas: "renja-\(nama).xlsx")
        #expect(hasil.temuan.map(\.jenis) == [.paguIndukBerbeda], "\(nama): \(hasil.temuan.map(\.description))")
        #expect(hasil.temuan.first?.pesan.contains("1.02.02.2.01") == true)
    }
}

@Suite("Urusan dan bidang urusan")
struct UrusanImporTests {
    @Test(arguments: TestBackend.available)
    func theirNamesAreKeptForThePemda(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            let layout = VariasiTataLetakTests.tataLetak.first { $0.urusan }!
            let data = try VariasiTataLetakTests.berkas(layout)
            let preview = try await importFile(store, pemda: pemda, pd: pd, data, name: "renja.xlsx")
            #expect(preview.bisaDiterapkan, "\(preview.galat.map(\.description))")
            #expect(preview.dibuat.contains("Bidang urusan 1.02 URUSAN PEMERINTAHAN BIDANG KESEHATAN"))
            let stored = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            #expect(stored.urusan.map(\.kode) == ["1", "1.02"])
            // Programs stay programs: `1.02.02` under the bidang urusan, never `1.02` as a program.
            #expect(!stored.elemen.contains { $0.kode?.normal == "01.02" || $0.kode?.normal == "1.02" })
            #expect(stored.elemen.filter { $0.tingkat == .program }.map { $0.kode?.normal } == ["1.02.02"])
            let again = try await importFile(store, pemda: pemda, pd: pd, data, name: "renja.xlsx", apply: false)
            #expect(again.perubahan.isEmpty)
            // The Renja report prints them above the programs, with the sum of the programs' pagu.
            let report = Laporan.renja(IndeksKinerja(stored), pd: pd, tahun: 2026)
            let first = report.baris.prefix(3).map { $0.sel[0].teks }
            #expect(first == ["1", "1.02", "1.02.02"])
            #expect(report.baris[1].sel[1].teks == "URUSAN PEMERINTAHAN BIDANG KESEHATAN")
            #expect(report.baris[1].sel[5].teks == report.baris[2].sel[5].teks)
        }
    }
}
