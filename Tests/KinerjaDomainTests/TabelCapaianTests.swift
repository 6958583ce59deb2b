import Foundation
import KinerjaDomain
import Testing

@Suite("Tabel capaian PD")
struct TabelCapaianTests {
    /// A PD with one program, two kegiatan, three sub kegiatan, and a parent pagu printed wrong.
    static func sample() throws -> (DataKinerja, PerangkatDaerah) {
        let pemda = Pemda(nama: "Kab. Uji")
        let pd = PerangkatDaerah(kode: "UJI", nama: "Dinas Uji")
        var data = DataKinerja(pemda: pemda, perangkatDaerah: [pd])
        let program = try ElemenRencana(
            perangkatDaerah: pd.id, induk: nil, tingkat: .program, kode: try Kode.parse("6.06"), uraian: "Program")
        let k1 = try ElemenRencana(
            perangkatDaerah: pd.id, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.06.2.01"),
            uraian: "K1")
        let k2 = try ElemenRencana(
            perangkatDaerah: pd.id, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.06.2.02"),
            uraian: "K2")
        let s1 = try ElemenRencana(
            perangkatDaerah: pd.id, induk: k1.id, tingkat: .subKegiatan, kode: try Kode.parse("06.06.2.01.01"),
            uraian: "S1")
        let s2 = try ElemenRencana(
            perangkatDaerah: pd.id, induk: k2.id, tingkat: .subKegiatan, kode: try Kode.parse("06.06.2.02.01"),
            uraian: "S2")
        let s3 = try ElemenRencana(
            perangkatDaerah: pd.id, induk: k2.id, tingkat: .subKegiatan, kode: try Kode.parse("06.06.2.02.02"),
            uraian: "S3")
        data.elemen = [program, k1, k2, s1, s2, s3]
        let outcome = try Indikator(
            elemen: program.id, nama: "Persentase korban tertangani", satuan: "%", jenis: .outcome, jenisNilai: .persen)
        let output = try Indikator(elemen: s1.id, nama: "Jumlah orang", satuan: "Orang", jenis: .output)
        let turun = try Indikator(
            elemen: s2.id, nama: "Rasio kekerasan", satuan: "%", jenis: .output, polaritas: .turun)
        data.indikator = [outcome, output, turun]
        data.target = [
            Target(indikator: outcome.id, dokumen: .renstra, periode: .init(tahun: 2024), nilai: .angka(90)),
            Target(indikator: outcome.id, dokumen: .renja, periode: .init(tahun: 2024), nilai: .angka(100)),
            Target(indikator: output.id, dokumen: .renja, periode: .init(tahun: 2024), nilai: .angka(40)),
            Target(indikator: turun.id, dokumen: .renja, periode: .init(tahun: 2024), nilai: .angka(4)),
        ]
        data.realisasi = [
            try RealisasiKinerja(indikator: outcome.id, periode: .init(tahun: 2024, triwulan: 1), nilai: .angka(50)),
            try RealisasiKinerja(indikator: outcome.id, periode: .init(tahun: 2024, triwulan: 2), nilai: .angka(80)),
            try RealisasiKinerja(indikator: output.id, periode: .init(tahun: 2024, triwulan: 1), nilai: .angka(10)),
            try RealisasiKinerja(indikator: output.id, periode: .init(tahun: 2024, triwulan: 2), nilai: .angka(20)),
        ]
        data.pagu = [
            try Pagu(elemen: program.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(487_722_600)),
            try Pagu(elemen: s1.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(91_922_600)),
            try Pagu(elemen: s2.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(389_000_000)),
            try Pagu(elemen: s3.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(800_000)),
        ]
        data.anggaran = [
            try RealisasiAnggaran(
                elemen: s1.id, periode: .init(tahun: 2024, triwulan: 1), keuangan: Rupiah(10_000_000), fisik: 20),
            try RealisasiAnggaran(
                elemen: s1.id, periode: .init(tahun: 2024, triwulan: 2), keuangan: Rupiah(20_000_000), fisik: 45),
            try RealisasiAnggaran(
                elemen: s2.id, periode: .init(tahun: 2024, triwulan: 1), keuangan: Rupiah(1_000_000), fisik: nil),
        ]
        try ValidasiData.periksa(data)
        return (data, pd)
    }

    @Test func parentsSumTheirChildrenAndFlagThePrintedPagu() throws {
        let (data, pd) = try Self.sample()
        let table = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2024, sampaiTriwulan: 2)
        #expect(table.baris.map(\.elemen.uraian) == ["Program", "K1", "S1", "K2", "S2", "S3"])
        #expect(table.baris.map(\.kedalaman) == [0, 1, 2, 1, 2, 2])
        let program = table.baris[0]
        #expect(program.pagu == Rupiah(481_722_600))
        #expect(program.paguTercatatBerbeda == Rupiah(487_722_600))
        #expect(program.realisasiKeuangan == Rupiah(31_000_000))
        #expect(table.baris[2].fisik == 45)
    }

    @Test func capaianUsesTheRenjaTargetAndTheAggregation() throws {
        let (data, pd) = try Self.sample()
        let table = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2024, sampaiTriwulan: 2)
        let outcome = table.baris[0].indikator[0]
        #expect(outcome.target == .angka(100))  // Renja wins over Renstra
        #expect(outcome.realisasi == .angka(80))  // a percentage: the latest, not 130
        #expect(outcome.capaian == .nilai(80))
        #expect(outcome.kategori?.label == "Tinggi")
        let output = table.baris[2].indikator[0]
        #expect(output.realisasi == .angka(30))  // kumulatif
        #expect(output.capaian == .nilai(75))
        let turun = table.baris[4].indikator[0]
        #expect(turun.capaian == .belumDiisi)
        #expect(table.belumDilaporkan.count == 1)
        #expect(table.capaianKeseluruhan.capaian == Decimal(155) / 2)
    }

    @Test func triwulanOneSeesOnlyTriwulanOne() throws {
        let (data, pd) = try Self.sample()
        let table = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2024, sampaiTriwulan: 1)
        #expect(table.baris[0].indikator[0].realisasi == .angka(50))
        #expect(table.baris[0].realisasiKeuangan == Rupiah(11_000_000))
    }

    @Test func validationRejectsBrokenData() throws {
        var (data, _) = try Self.sample()
        data.pagu.append(try Pagu(elemen: TypedID(), dokumen: .renja, tahun: 2024, jumlah: Rupiah(1)))
        #expect(throws: DomainError.self) { try ValidasiData.periksa(data) }
        (data, _) = try Self.sample()
        data.elemen.append(data.elemen[3])
        #expect(throws: DomainError.self) { try ValidasiData.periksa(data) }
    }

    @Test func aDocumentsRankIsItsPlaceInTheYearsPriority() {
        for dokumen in DokumenRencana.allCases {
            #expect(dokumen.peringkatTahunan == DokumenRencana.prioritasTahunan.firstIndex(of: dokumen))
        }
    }

    @Test func aParentsFisikIsItsChildrensWeightedByTheirPagu() throws {
        // S3 (pagu 800 000) reports 10 % in TW II; S2 (389 000 000) none: K2's fisik is S3's alone. The program's is
        // K1's 45 % and K2's 10 % weighted by their pagu (91 922 600 and S2 + S3 = 389 800 000).
        var (data, pd) = try Self.sample()
        let s3 = try #require(data.elemen.first { $0.uraian == "S3" })
        data.anggaran.append(
            try RealisasiAnggaran(elemen: s3.id, periode: .init(tahun: 2024, triwulan: 2), keuangan: nil, fisik: 10))
        let table = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2024, sampaiTriwulan: 2)
        #expect(
            table.baris.map(\.fisik) == [
                (Decimal(45) * 91_922_600 + Decimal(10) * 389_800_000) / (91_922_600 + 389_800_000), 45, 45, 10, nil,
                10,
            ])
        #expect(table.baris[3].pagu == Rupiah(389_800_000))
        #expect(table.baris[3].realisasiKeuangan == Rupiah(1_000_000))
        // Up to TW I nothing of S3: K2 has no fisik and the program's is K1's 20 %.
        let first = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2024, sampaiTriwulan: 1)
        #expect(first.baris.map(\.fisik) == [20, 20, 20, nil, nil, nil])
    }

    @Test func aYearsMoneyRememberedIsTheMoneyAskedAlone() throws {
        // `AnggaranTahun` computes each element once for a table; asked alone, each element gives the same.
        let (data, _) = try Self.sample()
        let indeks = IndeksKinerja(data)
        for tahun in Set(data.pagu.map(\.tahun)).union(data.anggaran.map(\.periode.tahun)) {
            for sampai in [nil, 1, 2, 3, 4] as [Int?] {
                let anggaran = AnggaranTahun(indeks, tahun: tahun, sampai: sampai)
                for elemen in data.elemen.reversed() {
                    #expect(anggaran.pagu(elemen.id) == AnggaranTahun(indeks, tahun: tahun).pagu(elemen.id))
                    #expect(
                        anggaran.realisasiKeuangan(elemen.id)
                            == AnggaranTahun(indeks, tahun: tahun, sampai: sampai).realisasiKeuangan(elemen.id))
                    #expect(
                        anggaran.fisik(elemen.id)
                            == AnggaranTahun(indeks, tahun: tahun, sampai: sampai).fisik(elemen.id))
                }
            }
        }
    }

    @Test func anIndexOrdersAsItsComparatorsDo() throws {
        // The index sorts by keys made once per element; the order must be the comparators' own, whatever order the
        // rows were loaded in (ties included: equal urutan, codes and names).
        var (data, _) = try Self.sample()
        var extra = data.elemen
        for (n, var elemen) in data.elemen.enumerated() where elemen.induk != nil {
            elemen.id = .init()
            elemen.urutan = n % 2
            extra.append(elemen)
        }
        data.elemen = extra
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            data.elemen.shuffle(using: &rng)
            data.indikator.shuffle(using: &rng)
            let indeks = IndeksKinerja(data)
            for (parent, children) in Dictionary(grouping: data.elemen, by: \.induk) {
                #expect(indeks.anak[parent]?.map(\.id) == children.sorted(by: IndeksKinerja.urutanElemen).map(\.id))
            }
            for (elemen, indicators) in Dictionary(grouping: data.indikator, by: \.elemen) {
                let sorted = indicators.sorted { ($0.urutan, $0.nama) < ($1.urutan, $1.nama) }
                #expect(indeks.indikatorPerElemen[elemen]?.map(\.id) == sorted.map(\.id))
            }
        }
    }
}
