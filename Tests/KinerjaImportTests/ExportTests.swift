import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

/// Everything of a PD's data that an export carries, in a comparable form (ids differ between databases).
func comparable(_ data: DataKinerja) -> Set<String> {
    let nodes = Dictionary(uniqueKeysWithValues: data.elemen.map { ($0.id, $0) })
    let indicators = Dictionary(uniqueKeysWithValues: data.indikator.map { ($0.id, $0) })
    func path(_ id: TypedID<ElemenRencana>?) -> String {
        guard let id, let node = nodes[id] else { return "" }
        return path(node.induk) + "/" + (node.kode?.normal ?? node.tingkat.rawValue + ":" + node.uraian)
    }
    var result: Set<String> = []
    for node in data.elemen { result.insert("E \(path(node.id)) \(node.uraian) \(node.penanggungJawab)") }
    for item in data.indikator {
        result.insert(
            "I \(path(item.elemen)) \(item.nama)|\(item.satuan)|\(item.polaritas)|\(item.agregasi)|\(item.baseline?.nilai?.kodeSimpan ?? "")"
        )
    }
    for item in data.target {
        let owner = indicators[item.indikator]!
        result.insert("T \(path(owner.elemen)) \(owner.nama) \(item.dokumen) \(item.periode) \(item.nilai.kodeSimpan)")
    }
    for item in data.pagu {
        result.insert(
            "P \(path(item.elemen)) \(item.dokumen) \(item.tahun) \(item.jumlah.sen) \(item.sumberDana) \(item.lokasi)")
    }
    for item in data.realisasi {
        let owner = indicators[item.indikator]!
        result.insert("R \(path(owner.elemen)) \(owner.nama) \(item.periode) \(item.nilai.kodeSimpan)")
    }
    for item in data.anggaran {
        result.insert(
            "A \(path(item.elemen)) \(item.periode) \(item.keuangan?.sen ?? -1) \(item.fisik?.plainString ?? "")")
    }
    return result
}

@Suite("Ekspor")
struct ExportTests {
    /// The demo's Dinas Sosial (seed 003) exported and imported into an empty PD: the same data.
    @Test(arguments: [Ekspor.Format.xlsx, .csv])
    func roundTripOfTheDemoPD(format: Ekspor.Format) async throws {
        try await withTestDatabase(.sqlite) { db in
            let store = KinerjaStore(db)
            _ = try await Demo.load(into: store)
            let source = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: source.id, kode: "DINSOS"))
            var original = try await store.load(pemda: source.id, perangkatDaerah: pd.id)
            original.periode = []
            let (pemda, target) = try await emptyPD(store, kode: "SALINAN")
            switch format {
            case .xlsx:
                let file = try Ekspor.xlsx(original, pd: pd)
                let preview = try await importFile(store, pemda: pemda, pd: target, file, name: "ekspor.xlsx")
                #expect(preview.bisaDiterapkan, "\(preview.galat.prefix(5).map(\.description))")
                // Every XLSX we write opens in openpyxl.
                let dump = try openpyxl(file)
                #expect(dump.sheets.map(\.name) == ["rencana", "realisasi", "petunjuk"])
                #expect(dump.sheet("rencana")?.cells["A1"]?.v == .string("kode"))
            case .csv:
                for (text, name) in [
                    (Ekspor.csvRencana(original, pd: pd), "rencana.csv"),
                    (Ekspor.csvRealisasi(original, pd: pd), "realisasi.csv"),
                ] {
                    let preview = try await importFile(store, pemda: pemda, pd: target, Data(text.utf8), name: name)
                    #expect(preview.bisaDiterapkan, "\(name): \(preview.galat.prefix(5).map(\.description))")
                }
            }
            let copy = try await store.load(pemda: pemda.id, perangkatDaerah: target.id)
            let expected = comparable(original)
            let actual = comparable(copy)
            #expect(expected.subtracting(actual).sorted().prefix(10) == [])
            #expect(actual.subtracting(expected).sorted().prefix(10) == [])
        }
    }

    @Test func templatesOpenInOpenpyxl() throws {
        for jenis in Templat.Jenis.allCases {
            let dump = try openpyxl(try Templat.xlsx(jenis, tahun: 2025...2029))
            #expect(dump.sheets.map(\.name) == [jenis.rawValue, "petunjuk"])
            let header = dump.sheets[0].cells.filter { $0.key.hasSuffix("1") && $0.key.count <= 3 }.map(
                \.value.v.description)
            #expect(Set(header).isSuperset(of: Set(Templat.kolom(jenis, tahun: 2025...2029))))
            #expect(dump.sheets[1].cells["A1"]?.v.description.hasPrefix("Petunjuk") == true)
        }
        // A template filled in is read back.
        let hasil = Importer.baca(try Templat.xlsx(.rencana, tahun: 2025...2029), namaBerkas: "templat.xlsx")
        #expect(hasil.galat.isEmpty)
        #expect(hasil.rencana.count == 3)
        // So is the realisasi template's example row, each value in its column (its indicator was in the year's
        // column before), the rencana aksi target with it.
        let realisasi = Importer.baca(try Templat.xlsx(.realisasi, tahun: 2025...2029), namaBerkas: "templat.xlsx")
        #expect(realisasi.galat.isEmpty, "\(realisasi.galat.map(\.pesan))")
        let row = try #require(realisasi.realisasi.first)
        #expect(row.indikator == "Jumlah dokumen perencanaan PD" && row.tahun == 2025 && row.triwulan == 1)
        #expect(row.targetTriwulan?.nilai == .angka(1))
    }
}

@Suite("Berkas jahat")
struct HostileFileTests {
    @Test func notAZip() {
        let hasil = Importer.baca(Data("PK\u{3}\u{4}bukan zip sama sekali".utf8), namaBerkas: "x.xlsx")
        #expect(hasil.galat.first?.jenis == .berkas)
        #expect(hasil.galat.first?.pesan.contains("XLSX") == true)
        let binary = Importer.baca(
            Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 100)), namaBerkas: "foto.xlsx")
        #expect(binary.galat.first?.pesan.contains("bukan arsip ZIP") == true)
        let notUTF8 = Importer.baca(Data([0xC3, 0x28, 0xFF]), namaBerkas: "x.csv")
        #expect(notUTF8.galat.first?.pesan.contains("CSV UTF-8") == true)
    }

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        try Self.zipStreams(
            parts.map { part in
                (
                    part.0, Int64(part.1.count),
                    { position, size in part.1.subdata(in: Int(position)..<Int(position) + size) }
                )
            })
    }

    static func zipStreams(_ parts: [(String, Int64, @Sendable (Int64, Int) -> Data)]) throws -> Data {
        let archive = try ArchiveBuilder()
        for (path, size, provider) in parts { try archive.add(path, size: size, provider) }
        return archive.data
    }

    static let workbookXML = Data(
        """
        <?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="rencana" sheetId="1" r:id="rId1"/></sheets></workbook>
        """.utf8)

    @Test func missingPartsAndSheets() throws {
        let noWorkbook = try Self.zip([("hello.txt", Data("hi".utf8))])
        #expect(
            Importer.baca(noWorkbook, namaBerkas: "x.xlsx").galat.first?.pesan.contains("xl/workbook.xml tidak ada")
                == true)
        let noSheet = try Self.zip([("xl/workbook.xml", Self.workbookXML)])
        #expect(
            Importer.baca(noSheet, namaBerkas: "x.xlsx").galat.first?.pesan.contains(
                "lembar \"rencana\" tidak ditemukan") == true)
        let brokenXML = try Self.zip([
            ("xl/workbook.xml", Self.workbookXML),
            ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData><row></sheetData>".utf8)),
        ])
        #expect(Importer.baca(brokenXML, namaBerkas: "x.xlsx").galat.first?.pesan.contains("XML tidak sah") == true)
    }

    @Test func zipBombIsStoppedWhileInflating() throws {
        // 64 MB of spaces inside a sheet: refused by the declared size before inflating, and, with the
        // declared size within the limit, stopped while inflating.
        let size: Int64 = 64 << 20
        let bomb = try Self.zipStreams([
            (
                "xl/workbook.xml", Int64(Self.workbookXML.count),
                { position, count in Self.workbookXML.subdata(in: Int(position)..<Int(position) + count) }
            ),
            ("xl/worksheets/sheet1.xml", size, { _, count in Data(repeating: 0x20, count: count) }),
        ])
        #expect(bomb.count < 1 << 20)
        let limits = XLSXReader.Limits(maxPartBytes: 16 << 20, maxTotalBytes: 32 << 20)
        let hasil = Importer.baca(bomb, namaBerkas: "bom.xlsx", limits: limits)
        #expect(hasil.galat.first?.pesan.contains("terlalu besar") == true, "\(hasil.galat)")
    }

    @Test func tooManyRowsIsRefusedEarly() throws {
        // A million rows (about 30 MB of XML, under 1 MB zipped): refused at the row limit.
        let row = Data("<row><c><v>1</v></c></row>".utf8)
        let head = Data(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".utf8)
        let tail = Data("</sheetData></worksheet>".utf8)
        let rows = 1_000_000
        let size = Int64(head.count + row.count * rows + tail.count)
        let file = try Self.zipStreams([
            (
                "xl/workbook.xml", Int64(Self.workbookXML.count),
                { position, count in Self.workbookXML.subdata(in: Int(position)..<Int(position) + count) }
            ),
            (
                "xl/worksheets/sheet1.xml", size,
                { position, count in
                    var out = Data(capacity: count)
                    var offset = Int(position)
                    let end = Int(position) + count
                    let bodyEnd = head.count + row.count * rows
                    while offset < end {
                        if offset < head.count {
                            let take = min(end, head.count) - offset
                            out.append(head.subdata(in: offset..<offset + take))
                            offset += take
                        } else if offset < bodyEnd {
                            let inRow = (offset - head.count) % row.count
                            let take = min(end - offset, row.count - inRow)
                            out.append(row.subdata(in: inRow..<inRow + take))
                            offset += take
                        } else {
                            let start = offset - bodyEnd
                            let take = min(end - offset, tail.count - start)
                            out.append(tail.subdata(in: start..<start + take))
                            offset += take
                        }
                    }
                    return out
                }
            ),
        ])
        let hasil = Importer.baca(file, namaBerkas: "besar.xlsx")
        #expect(hasil.galat.first?.pesan.contains("lebih dari 200000 baris") == true, "\(hasil.galat)")
        // The same for CSV.
        let csv = "uraian;indikator\n" + String(repeating: "a;b\n", count: 250_001)
        #expect(Importer.baca(Data(csv.utf8), namaBerkas: "besar.csv").galat.first?.pesan.contains("baris") == true)
    }

    @Test func largeFileIsRefusedBySize() {
        let big = Data(count: 31 << 20)
        #expect(Importer.baca(big, namaBerkas: "x.xlsx").galat.first?.pesan.contains("terlalu besar") == true)
    }

    @Test func formulasWithoutCachedValuesAndTextInNumberColumns() throws {
        // openpyxl writes formulas without cached values: the cell is reported, not read as 0.
        var rows = [["kode", "uraian", "indikator", "pagu_2025"]]
        rows.append(["1.06.01", "Program", "Persentase", "banyak"])
        let hasil = Importer.baca(Data(CSV.write(rows).utf8), namaBerkas: "x.csv")
        #expect(hasil.galat.contains { $0.kolom == "pagu_2025" && $0.pesan.contains("\"banyak\" bukan angka") })
        let sheet = Sheet(
            name: "rencana",
            cells: [
                0: [0: .text("kode"), 1: .text("uraian"), 2: .text("indikator"), 3: .text("pagu_2025")],
                1: [
                    0: .text("1.06.01"), 1: .text("Program"), 2: .text("Persentase"),
                    3: .formulaWithoutValue("SUM(D3:D9)"),
                ],
            ])
        _ = sheet
        let fromOpenpyxl = Importer.baca(try fixture("openpyxl-rencana.xlsx"), namaBerkas: "openpyxl.xlsx")
        #expect(fromOpenpyxl.temuan.contains { $0.jenis == .paguIndukBerbeda && $0.baris == 3 })
    }
}

@Suite("Laporan XLSX")
struct LaporanXLSXTests {
    @Test func renjaOpensInOpenpyxlWithItsTotalFormula() async throws {
        try await withTestDatabase(.sqlite) { db in
            let store = KinerjaStore(db)
            _ = try await Demo.load(into: store)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let index = IndeksKinerja(try await store.load(pemda: pemda.id, perangkatDaerah: pd.id))
            let dump = try openpyxl(try LaporanEkspor.xlsx(Laporan.renja(index, pd: pd, tahun: 2024)))
            let sheet = try #require(dump.sheet("renja"))
            let total = try #require(sheet.cells.first { $0.value.f?.hasPrefix("=SUM(F") == true })
            #expect(total.value.v == .number(12_223_689_352))
            #expect(sheet.merged.contains("D6:G6"))  // "Rencana Tahun 2024" over four columns
            #expect(sheet.printTitleRows != nil)
            #expect(sheet.orientation == "landscape")
        }
    }

    /// A whole Pemda's report is every PD's report one after another, each with its total: every total's formula,
    /// computed from the cells it names as openpyxl reads them, is the value cached beside it (PD 2's total once
    /// summed PD 1's programs too, and a sheet that recalculated showed a running sum).
    @Test func everyTotalOfAWholePemdaReportSumsItsOwnPD() async throws {
        // Three PD of a small synthetic kabupaten, each with money in every year, and the demo's Pemda.
        let synthetic = try SyntheticKabupaten(
            jumlahPD: 3, seed: 11, jumlahTahun: 2, programPerPD: 3, kegiatanPerProgram: 2, subPerKegiatan: 2
        ).build()
        let checked = try totalsOfTheWholePemdaCheck(synthetic)
        #expect(checked >= 3 * 2, "\(checked)")  // a total per PD in each report
        try await withTestDatabase(.sqlite) { db in
            let store = KinerjaStore(db)
            _ = try await Demo.load(into: store)
            for nama in ["Kabupaten Batu Bara", "Kabupaten Banyuasin", "Kabupaten Balangan"] {
                let pemda = try #require(try await store.pemda(nama: nama))
                _ = try totalsOfTheWholePemdaCheck(try await store.load(pemda: pemda.id))
            }
        }
    }

    /// Checks every total formula of the whole Pemda's realisasi and Renja XLSX against its cached value; returns how
    /// many it checked.
    func totalsOfTheWholePemdaCheck(_ data: DataKinerja) throws -> Int {
        // A Pemda without money (a demo seed prints none) has no totals.
        guard let tahun = data.pagu.map(\.tahun).max() else { return 0 }
        let index = IndeksKinerja(data)
        var checked = 0
        for build in [
            { Laporan.realisasi(index, pd: $0, tahun: tahun) },
            { Laporan.renja(index, pd: $0, tahun: tahun) } as (PerangkatDaerah) -> Laporan,
        ] {
            let parts = data.perangkatDaerah.map { ($0, build($0)) }
            let laporan = try #require(Laporan.gabungan(pemda: data.pemda, parts))
            let sheet = try #require(try openpyxl(try LaporanEkspor.xlsx(laporan)).sheets.first)
            for (ref, cell) in sheet.cells {
                guard let formula = cell.f, formula.hasPrefix("=SUM(") else { continue }
                let terms = formula.dropFirst(5).dropLast().split(separator: ",").map(String.init)
                let sum = terms.reduce(0.0) { total, term in
                    guard case .number(let value) = sheet.cells[term]?.v else { return total }
                    return total + value
                }
                guard case .number(let cached) = cell.v else {
                    Issue.record("\(data.pemda.nama) \(laporan.nama) \(ref): \(formula) tanpa nilai")
                    continue
                }
                #expect(abs(sum - cached) < 0.005, "\(data.pemda.nama) \(laporan.nama) \(ref): \(formula)")
                checked += 1
            }
        }
        return checked
    }
}
