import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

/// A Pemda with one empty PD, stored.
func emptyPD(_ store: KinerjaStore, kode: String = "UJI") async throws -> (Pemda, PerangkatDaerah) {
    let pemda = Pemda(nama: "Kabupaten Impor")
    let pd = PerangkatDaerah(kode: kode, nama: "Dinas Uji")
    try await store.create(DataKinerja(pemda: pemda, perangkatDaerah: [pd]))
    return (pemda, pd)
}

func importFile(
    _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, _ data: Data, name: String, apply: Bool = true
)
    async throws -> Pratinjau
{
    let hasil = Importer.baca(data, namaBerkas: name)
    let preview = Importer.pratinjau(
        hasil, pd: pd, existing: try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganVersi: true))
    if apply && preview.bisaDiterapkan { try await store.apply(preview.perubahan, pemda: pemda.id) }
    return preview
}

let rencanaCSV = """
    kode;tingkat;uraian;indikator;satuan;polaritas;agregasi;target_2025;target_2026;pagu_2025;pagu_2026;sumber_dana
    ;tujuan_pd;Meningkatnya perlindungan sosial;;;;;;;;;
    ;sasaran_pd;Berkurangnya PMKS;Persentase angka kemiskinan;%;turun;akhir;10,77;10,26;;;
    1.06.01;program;Program Penunjang;Persentase layanan penunjang;%;naik;akhir;100%;100%;1.000.000,00;1.100.000;
    1.06.01.2.01;kegiatan;Perencanaan;Jumlah dokumen;Dokumen;naik;kumulatif;9;9;650.000;;
    1.06.01.2.01.0001;sub_kegiatan;Penyusunan dokumen;Jumlah dokumen;Dokumen;;;2;2;400.000;500.000;DAU
    1.06.01.2.01.0002;sub_kegiatan;Laporan capaian;Jumlah laporan;Laporan;;;B = 66,04;70-75;250.000;300.000;DAU
    1.06.01.2.01.0002;sub_kegiatan;Laporan capaian;Nilai SAKIP;Nilai;;;BB;A;;;DAU

    """

@Suite("Impor templat")
struct TemplateImportTests {
    @Test(arguments: TestBackend.available)
    func previewThenApplyThenNothingChanges(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            // Preview writes nothing.
            let preview = try await importFile(
                store, pemda: pemda, pd: pd, Data(rencanaCSV.utf8), name: "rencana.csv", apply: false)
            #expect(preview.bisaDiterapkan, "\(preview.laporan)")
            #expect(try await store.load(pemda: pemda.id, perangkatDaerah: pd.id).elemen.isEmpty)
            #expect(preview.dibuat.contains { $0.contains("program 1.06.01 Program Penunjang") })
            // The program's printed pagu (1.000.000) ≠ Σ kegiatan (650.000): reported, not an error.
            let pagu = try #require(preview.temuan.first { $0.jenis == .paguIndukBerbeda && $0.baris == 4 })
            #expect(pagu.tercetak == "1.000.000" && pagu.dihitung == "650.000" && pagu.selisih == "350.000")
            #expect(pagu.kolom == "pagu_2025" && pagu.lembar == "rencana")
            // Apply, then the same file again: nothing to write.
            let applied = try await importFile(store, pemda: pemda, pd: pd, Data(rencanaCSV.utf8), name: "rencana.csv")
            #expect(applied.perubahan.jumlah > 0)
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            #expect(data.elemen.count == 6)
            #expect(data.indikator.count == 6)
            let again = try await importFile(
                store, pemda: pemda, pd: pd, Data(rencanaCSV.utf8), name: "rencana.csv", apply: false)
            #expect(again.perubahan.isEmpty, "\(again.laporan)")
            #expect(again.dibuat.isEmpty && again.diubah.isEmpty)
            #expect(try await store.apply(again.perubahan, pemda: pemda.id) == 0)
            // What was stored: values read the Indonesian way, the tree by kode, the sasaran under its tujuan.
            let sasaran = try #require(data.elemen.first { $0.tingkat == .sasaranPD })
            #expect(data.elemen.first { $0.id == sasaran.induk }?.tingkat == .tujuanPD)
            let kemiskinan = try #require(data.indikator.first { $0.nama == "Persentase angka kemiskinan" })
            #expect(kemiskinan.polaritas == .turun)
            #expect(
                data.target.contains { $0.indikator == kemiskinan.id && $0.nilai == .angka(Decimal(string: "10.77")!) })
            #expect(data.target.contains { $0.nilai == .rentang(70, 75) && $0.periode.tahun == 2026 })
            #expect(data.target.contains { $0.nilai == .predikat("B", skor: Decimal(string: "66.04")!) })
            #expect(data.pagu.contains { $0.jumlah == Rupiah(1_000_000) && $0.tahun == 2025 })
            let sub = try #require(data.elemen.first { $0.kode?.normal == "1.06.01.2.01.0002" })
            #expect(data.indikator.filter { $0.elemen == sub.id }.count == 2)
            // The capaian table sees Σ children as the program's pagu.
            let table = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2025)
            let program = try #require(table.baris.first { $0.elemen.tingkat == .program })
            #expect(program.pagu == Rupiah(650_000))
            #expect(program.paguTercatatBerbeda == Rupiah(1_000_000))
        }
    }

    @Test(arguments: TestBackend.available)
    func aChangedValueIsShownThenUpdated(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            _ = try await importFile(store, pemda: pemda, pd: pd, Data(rencanaCSV.utf8), name: "rencana.csv")
            let changed = rencanaCSV.replacingOccurrences(
                of: ";2;2;400.000;500.000;DAU", with: ";3;2;400.000;500.000;DAU")
            let preview = try await importFile(store, pemda: pemda, pd: pd, Data(changed.utf8), name: "rencana.csv")
            #expect(preview.diubah == ["target Renstra 2025: 3"])
            #expect(preview.perubahan.target.count == 1)
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            #expect(data.target.filter { $0.nilai == .angka(3) }.count == 1)
        }
    }

    @Test func errorsNameSheetRowAndColumnInIndonesian() throws {
        let bad = """
            kode;uraian;indikator;satuan;target_2025;pagu_2025;polaritas
            1.06.01;Program;Persentase;%;seratus;1.000;naik
            1.06.AB;Kegiatan;Jumlah;Dok;1;1;naik
            1.06.01.2.01;Kegiatan;Jumlah;Dok;2,746;10;keatas
            ;;;;;;
            1.06.01.2.01.0001;;Jumlah;Dok;1;-5;naik

            """
        let hasil = Importer.baca(Data(bad.utf8), namaBerkas: "salah.csv")
        let errors = hasil.galat.map { "\($0.baris ?? 0)|\($0.kolom ?? "")|\($0.pesan)" }
        #expect(errors.contains { $0.hasPrefix("2|target_2025|\"seratus\" bukan angka") })
        #expect(errors.contains { $0.hasPrefix("3|kode|Kode \"1.06.AB\"") })
        #expect(errors.contains { $0.hasPrefix("4|target_2025|\"2,746\" dapat dibaca") })
        #expect(errors.contains { $0.hasPrefix("4|polaritas|Polaritas \"keatas\"") })
        #expect(errors.contains { $0.hasPrefix("6|uraian|Uraian kosong") })
        #expect(errors.contains { $0.hasPrefix("6|pagu_2025|Pagu \"-5\"") })
        #expect(hasil.galat.allSatisfy { $0.lembar == "salah" })
    }

    @Test func missingColumnsAndUnknownColumns() {
        let hasil = Importer.baca(Data("nama;nilai\na;1\n".utf8), namaBerkas: "x.csv", jenis: .rencana)
        #expect(hasil.galat.first?.jenis == .kolomTidakAda)
        #expect(hasil.galat.first?.pesan.contains("\"uraian\" dan \"indikator\"") == true)
        let extra = Importer.baca(
            Data("uraian;indikator;warna\nA;B;merah\n".utf8), namaBerkas: "x.csv", jenis: .rencana)
        #expect(extra.temuan.contains { $0.jenis == .kolomTidakDikenal && $0.kolom == "warna" })
    }

    @Test(arguments: TestBackend.available)
    func anErrorAnywhereWritesNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            let broken = rencanaCSV + "9.99.99.2.01;kegiatan;Tanpa induk;Jumlah;Dok;;;1;1;;;\n"
            let preview = try await importFile(store, pemda: pemda, pd: pd, Data(broken.utf8), name: "rencana.csv")
            #expect(!preview.bisaDiterapkan)
            #expect(preview.galat.contains { $0.jenis == .indukTidakAda && $0.baris == 9 }, "\(preview.galat)")
            #expect(try await store.load(pemda: pemda.id, perangkatDaerah: pd.id).elemen.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func realisasiSheetAndItsChecks(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            _ = try await importFile(store, pemda: pemda, pd: pd, Data(rencanaCSV.utf8), name: "rencana.csv")
            let realisasi = """
                kode;indikator;tahun;triwulan;realisasi;realisasi_keuangan;fisik;persen_keuangan
                1.06.01.2.01.0001;Jumlah dokumen;2025;1;1;100.000;25;25,00
                1.06.01.2.01.0002;Jumlah laporan;2025;1;BB = 71,2;50.000;20;30,00
                1.06.01.2.01;Jumlah dokumen;2025;1;2;160.000;;
                1.06.01.2.01.0001;Jumlah dokumen;2025;2;1;;;
                1.06.01.2.01.0009;Jumlah dokumen;2025;1;1;;;
                1.06.01.2.01.0001;Tidak ada;2025;1;1;;;
                1.06.01.2.01.0001;Jumlah dokumen;2025;5;1;;;

                """
            let preview = try await importFile(
                store, pemda: pemda, pd: pd, Data(realisasi.utf8), name: "realisasi.csv", apply: false)
            // Unknown kode, unknown indicator, triwulan 5: errors on their rows.
            #expect(Set(preview.galat.map { $0.baris ?? 0 }) == [6, 7, 8])
            // Printed 30,00 % against 50.000 ÷ 250.000 = 20 %.
            let percent = try #require(preview.temuan.first { $0.jenis == .persenBerbeda })
            #expect(percent.baris == 3 && percent.tercetak == "30,00" && percent.dihitung == "20,00")
            // The kegiatan prints 160.000 against Σ sub kegiatan 150.000.
            let parent = try #require(preview.temuan.first { $0.jenis == .realisasiIndukBerbeda })
            #expect(parent.baris == 4 && parent.selisih == "10.000")
            // Without the bad rows it applies; the kegiatan's money is not stored (Σ children is the truth).
            let good = realisasi.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
            let applied = try await importFile(store, pemda: pemda, pd: pd, Data(good.utf8), name: "realisasi.csv")
            #expect(applied.bisaDiterapkan)
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            #expect(data.anggaran.count == 2)
            #expect(data.realisasi.count == 4)
            let table = TabelCapaian(
                indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2025, sampaiTriwulan: 2)
            let kegiatan = try #require(table.baris.first { $0.elemen.tingkat == .kegiatan })
            #expect(kegiatan.realisasiKeuangan == Rupiah(150_000))
        }
    }
}
