import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaSpreadsheet
import Testing

/// A sheet in a layout Kinerja does not know: shown for mapping, then read by the mapping (issue 10.4).
@Suite("Peta kolom")
struct PetaLembarTests {
    static let csv = """
        Rencana Kerja Bidang Pelayanan 2026
        No;Nama Kegiatan;Ukuran Keberhasilan;Ukuran (satuan);Sasaran 2026;Dana 2026
        1.02.02;Program Pemenuhan Upaya Kesehatan;Persentase faskes sesuai standar;%;80;500.000.000
        1.02.02.2.01;Penyediaan Fasilitas Kesehatan;Jumlah puskesmas yang ditingkatkan;Unit;3;500.000.000

        """

    static let peta = PetaLembar(
        tanda: "no|nama_kegiatan|ukuran_keberhasilan|ukuran_satuan|sasaran_2026|dana_2026", jenis: "rencana",
        kolom: [0: "kode", 1: "uraian", 2: "indikator", 3: "satuan", 4: "target_2026", 5: "pagu_2026"])

    @Test func anUnknownLayoutIsOfferedForMappingNeverSkippedSilently() throws {
        let hasil = Importer.baca(Data(Self.csv.utf8), namaBerkas: "bidang.csv")
        #expect(hasil.rencana.isEmpty)
        let sheet = try #require(hasil.tidakDikenali.first)
        #expect(sheet.barisKepala == 2)
        #expect(sheet.tanda == Self.peta.tanda)
        #expect(
            sheet.kolom.map(\.kepala) == [
                "No", "Nama Kegiatan", "Ukuran Keberhasilan", "Ukuran (satuan)", "Sasaran 2026", "Dana 2026",
            ])
        #expect(sheet.kolom.count == 6)
        #expect(sheet.kolom.last?.contoh == ["500.000.000", "500.000.000"])
        #expect(sheet.kolom.dropFirst(4).first?.contoh == ["80", "3"])
        #expect(sheet.tahun == [2026])
        #expect(hasil.temuan.contains { $0.pesan.contains("tandai kolomnya pada langkah peta kolom") })
    }

    @Test func withItsMappingTheSheetIsRead() throws {
        let hasil = Importer.baca(Data(Self.csv.utf8), namaBerkas: "bidang.csv", peta: [Self.peta])
        #expect(hasil.lembar.map(\.tataLetak) == ["Peta kolom tersimpan (rencana)"])
        #expect(hasil.tidakDikenali.isEmpty)
        #expect(hasil.galat.isEmpty, "\(hasil.temuan.map(\.description))")
        #expect(hasil.rencana.map { $0.kode?.normal } == ["1.02.02", "1.02.02.2.01"])
        guard hasil.rencana.count == 2 else { return }
        #expect(hasil.rencana[1].target[2026]?.nilai == .angka(3))
        #expect(hasil.rencana[1].pagu[2026]?.jumlah == Rupiah(sen: 50_000_000_000))
        #expect(hasil.rencana[1].satuan == "Unit")
    }

    @Test func aMappingIsCheckedAndSurvivesJSON() throws {
        try Self.peta.periksa()
        let decoded = try JSONDecoder().decode(PetaLembar.self, from: try JSONEncoder().encode(Self.peta))
        #expect(decoded == Self.peta)
        var bad = Self.peta
        bad.kolom = [0: "kode", 1: "sembarang"]
        #expect(throws: DomainError.self) { try bad.periksa() }
        bad.kolom = [0: "kode", 1: "kode"]
        #expect(throws: DomainError.self) { try bad.periksa() }
        var realisasi = PetaLembar(tanda: "x", jenis: "realisasi", kolom: [0: "kode", 1: "realisasi"])
        #expect(throws: DomainError.self) { try realisasi.periksa() }
        realisasi.tahun = 2026
        try realisasi.periksa()
    }
}
