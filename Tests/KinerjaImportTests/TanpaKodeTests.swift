import Foundation
import KinerjaDomain
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

@testable import KinerjaImport

/// Renja tables printed without any kode (issue 10.3): rows numbered `I.`, `A.`, `1.`, numbered in a column of
/// their own, or not numbered at all, matched to the PD's stored plan by name and position; every match in the
/// preview with how sure it is; an unmatched row an error naming it.
@Suite("Tabel tanpa kode")
struct TanpaKodeTests {
    typealias Elemen = VariasiTataLetakTests.Elemen

    enum Penomoran: String, CaseIterable, Sendable {
        /// `I. PROGRAM …`, `A. Penyediaan …`, `1. Pembangunan …` in the uraian cell.
        case diUraian = "di-uraian"
        /// A "No" column before the uraian.
        case kolomNo = "kolom-no"
        /// No number at all.
        case tanpaNomor = "tanpa-nomor"
    }

    /// The PD's stored plan: the test Renja (with kode) planned against an empty PD.
    static func tersimpan(_ pd: PerangkatDaerah) throws -> DataKinerja {
        let layout = VariasiTataLetakTests.tataLetak[0]
        let preview = Importer.pratinjau(
            Importer.baca(try VariasiTataLetakTests.berkas(layout), namaBerkas: "renja.xlsx"), pd: pd,
            existing: DataKinerja(pemda: Pemda(nama: "Kabupaten Uji"), perangkatDaerah: [pd]))
        #expect(preview.bisaDiterapkan)
        let change = preview.perubahan
        return DataKinerja(
            pemda: Pemda(nama: "Kabupaten Uji"), perangkatDaerah: [pd], elemen: change.elemenBaru,
            indikator: change.indikatorBaru, target: change.target, pagu: change.pagu)
    }

    /// The test Renja without kode, numbered as `penomoran` says; `ubah` changes the elements as printed.
    static func berkas(
        _ penomoran: Penomoran, ubah: (inout [Elemen]) -> Void = { _ in }, total: Int64? = nil
    ) throws -> Data {
        var elements = VariasiTataLetakTests.elemen
        ubah(&elements)
        let withNo = penomoran == .kolomNo
        let header1 =
            (withNo ? ["No"] : []) + [
                "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Rencana Tahun 2026", "", "", "",
                "Prakiraan Maju Tahun 2027", "",
            ]
        let header2 =
            (withNo ? [""] : []) + [
                "", "", "Lokasi", "Target", "Pagu Indikatif (Rp)", "Sumber Dana", "Target", "Pagu Indikatif (Rp)",
            ]
        var rows: [[XLSXCell]] = [[.text("Rencana Kerja Dinas Kesehatan Tahun 2026", .title)], []]
        rows += [header1, header2, (1...header1.count).map { "(\($0))" }].map { $0.map { XLSXCell.text($0, .header) } }
        let rp = VariasiTataLetakTests.rp
        var numbers = (program: 0, kegiatan: 0, sub: 0)
        for element in elements {
            let level = element.kode.split(separator: ".").count
            let number: String
            switch level {
            case 3:
                numbers.program += 1
                numbers.kegiatan = 0
                number = ["I", "II", "III"][numbers.program - 1] + "."
            case 5:
                numbers.kegiatan += 1
                numbers.sub = 0
                number = ["A", "B", "C"][numbers.kegiatan - 1] + "."
            default:
                numbers.sub += 1
                number = "\(numbers.sub)."
            }
            for (index, indicator) in element.indikator.enumerated() {
                let first = index == 0
                var row: [String] = []
                switch penomoran {
                case .diUraian: row.append(first ? number + " " + element.uraian : "")
                case .kolomNo: row += [first ? number : "", first ? element.uraian : ""]
                case .tanpaNomor: row.append(first ? element.uraian : "")
                }
                let unit = " " + indicator.satuan
                row += [
                    indicator.nama, first ? "Kab. Contoh" : "", indicator.t26 + unit, first ? rp(element.pagu26) : "",
                    first ? "DAU" : "", indicator.t27 + unit, first ? rp(element.pagu27) : "",
                ]
                rows.append(row.map { XLSXCell.text($0) })
            }
        }
        var totalRow = Array(repeating: "", count: header1.count)
        totalRow[withNo ? 1 : 0] = "JUMLAH"
        totalRow[header1.count - 4] = rp(total ?? elements[0].pagu26)
        totalRow[header1.count - 1] = rp(elements[0].pagu27)
        rows.append(totalRow.map { XLSXCell.text($0, .boldText) })
        return try XLSXWriter.write([XLSXSheet(name: "Renja", rows: rows)])
    }

    static let pd = PerangkatDaerah(kode: "DINKES", nama: "Dinas Kesehatan")

    @Test(arguments: Penomoran.allCases)
    func everyRowIsMatchedSurelyAndNothingChanges(penomoran: Penomoran) throws {
        let stored = try Self.tersimpan(Self.pd)
        let hasil = Importer.baca(try Self.berkas(penomoran), namaBerkas: "renja.xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Renja T-C.33 (Tabel 3.2)"], "\(penomoran)")
        #expect(hasil.temuan.isEmpty, "\(penomoran): \(hasil.temuan.map(\.description))")
        let preview = Importer.pratinjau(hasil, pd: Self.pd, existing: stored)
        #expect(preview.temuan.isEmpty, "\(penomoran): \(preview.temuan.map(\.description))")
        // One match per element, all certain, in order, each to the element of the same name.
        #expect(preview.dicocokkan.count == 6, "\(penomoran)")
        #expect(preview.dicocokkan.allSatisfy { $0.keyakinan == 100 }, "\(preview.dicocokkan.map(\.description))")
        #expect(preview.dicocokkan.map(\.elemen) == VariasiTataLetakTests.elemen.map { $0.kode + " " + $0.uraian })
        if penomoran != .tanpaNomor { #expect(preview.dicocokkan.first?.tercetak.hasPrefix("I. ") == true) }
        // The same figures as stored: nothing to write.
        #expect(preview.perubahan.isEmpty, "\(penomoran): \(preview.diubah)")
        #expect(preview.laporan.contains("Baris tanpa kode yang dicocokkan: 6"))
    }

    @Test func aChildsPaguThatDoesNotAddUpAndAWrongTotalAreFoundOnceEachAfterMatching() throws {
        let stored = try Self.tersimpan(Self.pd)
        let data = try Self.berkas(.diUraian, ubah: { $0[3].pagu26 = 260_000_000 }, total: 499_000_000)
        let hasil = Importer.baca(data, namaBerkas: "renja.xlsx")
        // The hierarchy is known only after matching: no finding before.
        #expect(hasil.temuan.isEmpty, "\(hasil.temuan.map(\.description))")
        let preview = Importer.pratinjau(hasil, pd: Self.pd, existing: stored)
        let sums = preview.temuan.filter { $0.jenis == .paguIndukBerbeda }
        #expect(sums.count == 2, "\(preview.temuan.map(\.description))")
        #expect(preview.temuan.count == 2, "\(preview.temuan.map(\.description))")
    }

    @Test func aSimilarNameIsMatchedWithLessCertaintyAndAWarning() throws {
        let stored = try Self.tersimpan(Self.pd)
        let data = try Self.berkas(.diUraian, ubah: { $0[2].uraian = "Pembangunan Gedung Puskesmas" })
        let preview = Importer.pratinjau(Importer.baca(data, namaBerkas: "renja.xlsx"), pd: Self.pd, existing: stored)
        let match = try #require(preview.dicocokkan.first { $0.baris == 9 })
        #expect(match.elemen == "1.02.02.2.01.0001 Pembangunan Puskesmas")
        #expect((60..<90).contains(match.keyakinan), "\(match.description)")
        #expect(preview.temuan.map(\.jenis) == [.tidakDitemukan])
        #expect(preview.temuan.first?.keparahan == .peringatan)
        #expect(preview.bisaDiterapkan)
        // The stored uraian is kept: the match does not rename the element.
        #expect(!preview.perubahan.elemenUbah.contains { $0.uraian.contains("Gedung") })
    }

    @Test func aRowThatMatchesNothingIsAnErrorNamingItAndNothingIsApplied() throws {
        let stored = try Self.tersimpan(Self.pd)
        let data = try Self.berkas(.kolomNo, ubah: { $0[4].uraian = "Pengadaan Ambulans Desa Siaga" })
        let preview = Importer.pratinjau(Importer.baca(data, namaBerkas: "renja.xlsx"), pd: Self.pd, existing: stored)
        let errors = preview.galat
        #expect(errors.count == 1, "\(preview.temuan.map(\.description))")
        #expect(errors.first?.baris == 11)
        #expect(errors.first?.pesan.contains("\"B. Pengadaan Ambulans Desa Siaga\"") == true)
        #expect(!preview.bisaDiterapkan)
    }

    @Test func withoutAStoredPlanTheErrorSaysWhatToDo() throws {
        let empty = DataKinerja(pemda: Pemda(nama: "Kabupaten Uji"), perangkatDaerah: [Self.pd])
        let preview = Importer.pratinjau(
            Importer.baca(try Self.berkas(.tanpaNomor), namaBerkas: "renja.xlsx"), pd: Self.pd, existing: empty)
        #expect(preview.galat.count == 6)
        #expect(preview.galat.first?.pesan.contains("impor dahulu Renja atau Renstra yang berkode") == true)
        #expect(preview.perubahan.elemenBaru.isEmpty)
    }

    @Test func twoElementsOfTheSameNameAreToldApartByPosition() throws {
        // Two kegiatan each with a sub kegiatan named "Pengelolaan Data": the one under the kegiatan just matched.
        var stored = try Self.tersimpan(Self.pd)
        let kegiatan = stored.elemen.filter { $0.tingkat == .kegiatan }
        for (index, parent) in kegiatan.enumerated() {
            let node = try ElemenRencana(
                perangkatDaerah: Self.pd.id, induk: parent.id, tingkat: .subKegiatan,
                kode: try Kode.parse(parent.kode!.asli + ".000\(index + 5)"), uraian: "Pengelolaan Data",
                urutan: 100 + index)
            stored.elemen.append(node)
        }
        let data = try Self.berkas(
            .diUraian,
            ubah: { elements in
                elements.insert(
                    Elemen(
                        kode: "1.02.02.2.01.0005", uraian: "Pengelolaan Data",
                        indikator: [("Jumlah data", "Dokumen", "1", "1")],
                        pagu26: 0, pagu27: 0), at: 4)
                elements.append(
                    Elemen(
                        kode: "1.02.02.2.02.0006", uraian: "Pengelolaan Data",
                        indikator: [("Jumlah data", "Dokumen", "1", "1")],
                        pagu26: 0, pagu27: 0))
            })
        let preview = Importer.pratinjau(Importer.baca(data, namaBerkas: "renja.xlsx"), pd: Self.pd, existing: stored)
        let data1 = preview.dicocokkan.filter { $0.tercetak.hasSuffix("Pengelolaan Data") }
        #expect(data1.map(\.elemen) == ["1.02.02.2.01.0005 Pengelolaan Data", "1.02.02.2.02.0006 Pengelolaan Data"])
        #expect(data1.allSatisfy { $0.keyakinan == 100 })
        #expect(preview.galat.isEmpty, "\(preview.galat.map(\.description))")
    }

    @Test(arguments: ["I. PROGRAM X", "A. Kegiatan", "1.2 Penyediaan", "a) Sub", "IV) Program"])
    func numbersBeforeTheUraian(text: String) {
        #expect(TataLetakResmi.nomorDiAwal(text) != nil, "\(text)")
    }

    @Test(arguments: ["Pembangunan Puskesmas", "Ibu Hamil", "A Program", "2026 Pembangunan"])
    func namesThatAreNotNumbered(text: String) {
        #expect(TataLetakResmi.nomorDiAwal(text) == nil, "\(text)")
    }
}
