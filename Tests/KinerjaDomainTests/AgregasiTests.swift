import Foundation
import KinerjaDomain
import Testing

@Suite("Agregasi dan riwayat")
struct AgregasiTests {
    @Test func kumulatifSumsReportedValues() {
        #expect(Agregasi.kumulatif.gabung([Decimal(1), nil, 3]) == 4)
    }

    @Test func nilaiAkhirTakesTheLatestReported() {
        #expect(Agregasi.nilaiAkhir.gabung([Decimal(80), 85, nil]) == 85)
    }

    @Test func rataRataAveragesReported() {
        #expect(Agregasi.rataRata.gabung([Decimal(80), nil, 90]) == 85)
    }

    @Test func allMissingStaysMissing() {
        for rule in Agregasi.allCases {
            #expect(rule.gabung([Decimal?.none, nil]) == nil)
            #expect(rule.gabung([Decimal]()) == nil)
        }
    }

    @Test func predicatesTakeTheLatest() {
        let values: [Nilai?] = [.predikat("B", skor: nil), .predikat("BB", skor: nil)]
        #expect(Agregasi.kumulatif.gabung(values) == .predikat("BB", skor: nil))
    }

    @Test func realisasiToATriwulanIsAFunctionOfTheArgumentOnly() {
        var history = RiwayatIndikator(agregasi: .kumulatif)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 1)] = .angka(10)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 2)] = .angka(20)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 3)] = .angka(5)
        #expect(history.realisasiTahun(2024, sampai: 1) == .angka(10))
        #expect(history.realisasiTahun(2024, sampai: 2) == .angka(30))
        #expect(history.realisasiTahun(2024) == .angka(35))
        #expect(history.realisasiTahun(2023) == nil)
    }

    @Test func annualFigureWinsOnceTheYearIsComplete() {
        var history = RiwayatIndikator(agregasi: .kumulatif)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 1)] = .angka(10)
        history.realisasi[PeriodeLaporan(tahun: 2024)] = .angka(50)
        #expect(history.realisasiTahun(2024, sampai: 1) == .angka(10))
        #expect(history.realisasiTahun(2024, sampai: 4) == .angka(50))
        #expect(history.realisasiTahun(2024) == .angka(50))
    }

    @Test func nilaiAkhirPercentageTakesTheLatestTriwulan() {
        var history = RiwayatIndikator(agregasi: .nilaiAkhir)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 1)] = .angka(40)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 2)] = .angka(65)
        #expect(history.realisasiTahun(2024, sampai: 4) == .angka(65))
    }

    @Test func triwulanCountIsData() {
        var history = RiwayatIndikator(agregasi: .kumulatif, jumlahTriwulan: 2)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 1)] = .angka(1)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 2)] = .angka(2)
        history.realisasi[PeriodeLaporan(tahun: 2024, triwulan: 3)] = .angka(100)  // outside a 2-period year
        #expect(history.realisasiTahun(2024) == .angka(3))
    }

    @Test func targetToATriwulanUsesTriwulanTargetsWhenSet() {
        var history = RiwayatIndikator(agregasi: .kumulatif)
        history.target[PeriodeLaporan(tahun: 2024)] = .angka(100)
        #expect(history.targetTahun(2024, sampai: 2) == .angka(100))
        history.target[PeriodeLaporan(tahun: 2024, triwulan: 1)] = .angka(20)
        history.target[PeriodeLaporan(tahun: 2024, triwulan: 2)] = .angka(30)
        #expect(history.targetTahun(2024, sampai: 2) == .angka(50))
        #expect(history.targetTahun(2024) == .angka(100))
    }

    @Test func renstraAchievementSumsOnlyKumulatif() {
        var flow = RiwayatIndikator(agregasi: .kumulatif)
        var stock = RiwayatIndikator(agregasi: .nilaiAkhir)
        for (year, value) in [(2021, 10), (2022, 20), (2023, 30)] {
            flow.realisasi[PeriodeLaporan(tahun: year)] = .angka(Decimal(value))
            stock.realisasi[PeriodeLaporan(tahun: year)] = .angka(Decimal(value))
            flow.target[PeriodeLaporan(tahun: year)] = .angka(100)
            stock.target[PeriodeLaporan(tahun: year)] = .angka(100)
        }
        #expect(flow.realisasiSampai(tahun: 2021...2023) == .angka(60))
        #expect(stock.realisasiSampai(tahun: 2021...2023) == .angka(30))
        // A 100 % yearly target is 100 % at the end of the Renstra, not 300.
        #expect(stock.targetAkhir(tahun: 2021...2023) == .angka(100))
        #expect(flow.targetAkhir(tahun: 2021...2023) == .angka(300))
    }

    @Test func aggregationGuess() {
        #expect(Agregasi.tebakan(nama: "Persentase PMKS", satuan: "%", jenisNilai: .angka) == .nilaiAkhir)
        #expect(Agregasi.tebakan(nama: "Jumlah dokumen", satuan: "Dokumen", jenisNilai: .angka) == .kumulatif)
        #expect(Agregasi.tebakan(nama: "Nilai SAKIP", satuan: "", jenisNilai: .predikat) == .nilaiAkhir)
    }
}

@Suite("Kategori, roll-up, serapan")
struct KategoriRollUpTests {
    let bands = KategoriCapaian.permendagri86

    @Test func permendagri86Bands() {
        #expect(bands.kategori(100).label == "Sangat Tinggi")
        #expect(bands.kategori(91).label == "Sangat Tinggi")
        #expect(bands.kategori(Decimal(string: "90.99")!).label == "Tinggi")
        #expect(bands.kategori(76).label == "Tinggi")
        #expect(bands.kategori(75).label == "Sedang")
        #expect(bands.kategori(66).label == "Sedang")
        #expect(bands.kategori(65).label == "Rendah")
        #expect(bands.kategori(51).label == "Rendah")
        #expect(bands.kategori(Decimal(string: "50.5")!).label == "Sangat Rendah")
        #expect(bands.kategori(0).label == "Sangat Rendah")
        #expect(bands.kategori(-5).label == "Sangat Rendah")
    }

    @Test func bandsAreData() throws {
        let custom = try KategoriCapaian(pita: [
            .init(batasBawah: 0, label: "Kurang", warna: "red"), .init(batasBawah: 80, label: "Baik", warna: "green"),
        ])
        #expect(custom.kategori(85).label == "Baik")
        #expect(custom.kategori(79).label == "Kurang")
        #expect(throws: DomainError.self) { try KategoriCapaian(pita: []) }
        #expect(throws: DomainError.self) {
            try KategoriCapaian(pita: [
                .init(batasBawah: 1, label: "a", warna: ""), .init(batasBawah: 1, label: "b", warna: ""),
            ])
        }
    }

    @Test func rollUpIsAWeightedMeanOfCappedChildren() {
        let children = [
            RollUp.Anak(hasil: .nilai(120)), RollUp.Anak(hasil: .nilai(60)), RollUp.Anak(hasil: .belumDiisi),
        ]
        let capped = RollUp.rataRata(children, batasi: true)
        #expect(capped.capaian == 80)
        #expect(capped.dihitung == 2)
        #expect(capped.dilewati == 1)
        #expect(RollUp.rataRata(children, batasi: false).capaian == 90)
        let weighted = RollUp.rataRata(
            [.init(hasil: .nilai(100), bobot: 3), .init(hasil: .nilai(60), bobot: 1)], batasi: true)
        #expect(weighted.capaian == 90)
        #expect(RollUp.rataRata([.init(hasil: .belumDiisi)], batasi: true).capaian == nil)
    }

    @Test func serapan() {
        #expect(Serapan.persen(realisasi: Rupiah(50), pagu: Rupiah(200)) == 25)
        #expect(Serapan.persen(realisasi: nil, pagu: Rupiah(200)) == nil)
        #expect(Serapan.persen(realisasi: Rupiah(5), pagu: .zero) == nil)
        #expect(Serapan.efisiensi(capaian: 100, serapan: 80) == 125)
        #expect(Serapan.efisiensi(capaian: 100, serapan: 0) == nil)
    }
}
