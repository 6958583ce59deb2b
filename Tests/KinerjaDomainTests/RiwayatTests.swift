import Foundation
import KinerjaDomain
import Testing

/// An indicator's history kept as short lists (`NilaiPerPeriode`) answers as the dictionaries it replaced: the
/// best-ranked document's target per period (the first stored among equals, or only the document asked for), the
/// last realisasi stored for a period, and every question of the year asked of both.
@Suite("Riwayat indikator sebagai daftar pendek")
struct RiwayatTests {
    /// The selection as it was written with dictionaries (session 18).
    static func targetLama(_ targets: [Target], dokumen: DokumenRencana?) -> [PeriodeLaporan: Nilai] {
        var chosen: [PeriodeLaporan: (peringkat: Int, nilai: Nilai)] = [:]
        for target in targets {
            if let dokumen, target.dokumen != dokumen { continue }
            let peringkat = target.dokumen.peringkatTahunan
            if let existing = chosen[target.periode], existing.peringkat <= peringkat { continue }
            chosen[target.periode] = (peringkat, target.nilai)
        }
        return chosen.mapValues(\.1)
    }

    @Test func sameAnswersAsTheDictionaries() throws {
        var generator = SystemRandomNumberGenerator()
        let documents: [DokumenRencana] = [
            .rpjmd, .renstra, .renja, .renjaPerubahan, .prakiraanMaju, .perjanjianKinerja,
        ]
        let pemda = Pemda(nama: "Kab. Uji")
        let pd = PerangkatDaerah(kode: "UJI", nama: "Dinas Uji")
        for round in 0..<300 {
            var data = DataKinerja(pemda: pemda, perangkatDaerah: [pd])
            let program = try ElemenRencana(
                perangkatDaerah: pd.id, induk: nil, tingkat: .program, kode: try Kode.parse("6.06"), uraian: "P")
            let agregasi: [Agregasi] = [.kumulatif, .nilaiAkhir, .rataRata]
            let indikator = try Indikator(
                elemen: program.id, nama: "I", satuan: "%", jenis: .outcome,
                agregasi: agregasi[round % agregasi.count])
            data.elemen = [program]
            data.indikator = [indikator]
            func period() -> PeriodeLaporan {
                let year = Int.random(in: 2023...2025, using: &generator)
                let quarter = Int.random(in: 0...4, using: &generator)
                return quarter == 0 ? PeriodeLaporan(tahun: year) : PeriodeLaporan(tahun: year, triwulan: quarter)
            }
            data.target = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                Target(
                    indikator: indikator.id, dokumen: documents.randomElement(using: &generator)!, periode: period(),
                    nilai: .angka(Decimal(Int.random(in: 0...200, using: &generator))))
            }
            data.realisasi = try (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                try RealisasiKinerja(
                    indikator: indikator.id, periode: period(),
                    nilai: .angka(Decimal(Int.random(in: 0...200, using: &generator))))
            }
            let index = IndeksKinerja(data)
            var realisasiLama: [PeriodeLaporan: Nilai] = [:]
            for item in data.realisasi { realisasiLama[item.periode] = item.nilai }
            for dokumen in [nil] + documents.map(Optional.some) {
                let history = index.riwayat(indikator, dokumen: dokumen)
                let old = RiwayatIndikator(
                    agregasi: indikator.agregasi, realisasi: realisasiLama,
                    target: Self.targetLama(data.target, dokumen: dokumen))
                #expect(history.target == old.target)
                #expect(history.realisasi == old.realisasi)
                for year in 2023...2025 {
                    #expect(history.targetTahun(year) == old.targetTahun(year))
                    #expect(history.realisasiTahun(year) == old.realisasiTahun(year))
                    for quarter in 1...4 {
                        #expect(history.targetTahun(year, sampai: quarter) == old.targetTahun(year, sampai: quarter))
                        #expect(
                            history.realisasiTahun(year, sampai: quarter) == old.realisasiTahun(year, sampai: quarter))
                    }
                }
                #expect(history.targetAkhir(tahun: 2023...2025) == old.targetAkhir(tahun: 2023...2025))
                #expect(history.realisasiSampai(tahun: 2023...2025) == old.realisasiSampai(tahun: 2023...2025))
            }
        }
    }

    @Test func aPeriodSetRemovedAndReplaced() {
        var values = NilaiPerPeriode()
        let q1 = PeriodeLaporan(tahun: 2025, triwulan: 1)
        let year = PeriodeLaporan(tahun: 2025)
        values[q1] = .angka(1)
        values[year] = .angka(9)
        values[q1] = .angka(2)
        #expect(values[q1] == .angka(2) && values[year] == .angka(9) && values.titik.count == 2)
        values[q1] = nil
        #expect(values[q1] == nil && values.titik.count == 1 && !values.isEmpty)
        values[PeriodeLaporan(tahun: 2024)] = nil
        #expect(values.kamus == [year: .angka(9)])
        var history = RiwayatIndikator(agregasi: .kumulatif)
        history.realisasi[q1] = .angka(5)
        #expect(history.dengan(realisasi: nil, pada: q1).realisasiTahun(2025, sampai: 1) == nil)
        #expect(history.dengan(realisasi: .angka(7), pada: q1).realisasiTahun(2025, sampai: 1) == .angka(7))
    }
}
