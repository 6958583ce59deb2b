import Foundation

/// The capaian table of a PD for a year up to a triwulan: every element in tree order with its indicators'
/// target, realisasi, capaian and category, and its money. A pure function of the data and the arguments.
public struct TabelCapaian: Sendable {
    public struct BarisIndikator: Hashable, Sendable {
        public var indikator: Indikator
        public var target: Nilai?
        public var realisasi: Nilai?
        public var capaian: HasilCapaian
        public var kategori: KategoriCapaian.Pita?
    }

    public struct Baris: Hashable, Sendable {
        public var elemen: ElemenRencana
        public var kedalaman: Int
        public var indikator: [BarisIndikator]
        /// Pagu: Σ children for parents.
        public var pagu: Rupiah?
        /// The pagu stored on the element itself, when it differs from Σ children.
        public var paguTercatatBerbeda: Rupiah?
        public var realisasiKeuangan: Rupiah?
        public var serapan: Decimal?
        public var fisik: Decimal?
        /// Roll-up of the indicators' capaian of this element.
        public var capaianElemen: RollUp.Hasil
    }

    public var tahun: Int
    public var sampaiTriwulan: Int?
    public var baris: [Baris]
    /// Roll-up over every indicator of the table.
    public var capaianKeseluruhan: RollUp.Hasil

    public init(
        indeks: IndeksKinerja,
        perangkatDaerah: TypedID<PerangkatDaerah>?,
        tahun: Int,
        sampaiTriwulan: Int? = nil,
        skala: [String: SkalaPredikat] = SkalaPredikat.bawaan
    ) {
        self.tahun = tahun
        self.sampaiTriwulan = sampaiTriwulan
        let kebijakan = indeks.data.pemda.kebijakan
        var rows: [Baris] = []
        var all: [RollUp.Anak] = []
        let anggaran = AnggaranTahun(indeks, tahun: tahun, sampai: sampaiTriwulan)

        func visit(_ node: ElemenRencana, depth: Int) {
            var indicatorRows: [BarisIndikator] = []
            var children: [RollUp.Anak] = []
            for indikator in indeks.indikatorPerElemen[node.id] ?? [] {
                let hasil = indeks.riwayat(indikator).hitung(
                    tahun: tahun, sampai: sampaiTriwulan, indikator: indikator, kebijakan: kebijakan, skala: skala)
                indicatorRows.append(
                    BarisIndikator(
                        indikator: indikator, target: hasil.target, realisasi: hasil.realisasi,
                        capaian: hasil.capaian, kategori: hasil.kategori))
                children.append(RollUp.Anak(hasil: hasil.capaian, bobot: indikator.bobot))
            }
            all += children
            var pagu: Rupiah?
            var recorded: Rupiah?
            var spent: Rupiah?
            var physical: Decimal?
            if node.tingkat.hasAnggaran {
                pagu = anggaran.pagu(node.id)
                let own = indeks.paguTercatat(node.id, tahun: tahun)?.jumlah
                if let own, own != pagu { recorded = own }
                spent = anggaran.realisasiKeuangan(node.id)
                physical = anggaran.fisik(node.id)
            }
            rows.append(
                Baris(
                    elemen: node, kedalaman: depth, indikator: indicatorRows, pagu: pagu,
                    paguTercatatBerbeda: recorded, realisasiKeuangan: spent,
                    serapan: pagu.flatMap { Serapan.persen(realisasi: spent, pagu: $0) }, fisik: physical,
                    capaianElemen: RollUp.rataRata(children, batasi: kebijakan.batasiRollUp)))
            for child in indeks.anakDari(node.id) { visit(child, depth: depth + 1) }
        }
        for root in indeks.akar(perangkatDaerah: perangkatDaerah) { visit(root, depth: 0) }
        self.baris = rows
        self.capaianKeseluruhan = RollUp.rataRata(all, batasi: kebijakan.batasiRollUp)
    }

    /// Indicators with a target for the period but no realisasi yet.
    public var belumDilaporkan: [BarisIndikator] {
        baris.flatMap(\.indikator).filter {
            if case .belumDiisi = $0.capaian { return $0.target != nil } else { return false }
        }
    }
}

extension RiwayatIndikator {
    /// Target, realisasi, capaian and category of one indicator for a year up to a triwulan.
    public struct Hasil: Sendable {
        public var target: Nilai?
        public var realisasi: Nilai?
        public var capaian: HasilCapaian
        public var kategori: KategoriCapaian.Pita?
    }

    /// The one calculation behind every table, form, live preview and chart: the target and realisasi of `tahun` up
    /// to triwulan `sampai` (nil: the whole year), the capaian by the indicator's rule and its category.
    public func hitung(
        tahun: Int, sampai triwulan: Int?, indikator: Indikator, kebijakan: KebijakanCapaian,
        skala: [String: SkalaPredikat] = SkalaPredikat.bawaan
    ) -> Hasil {
        let target = targetTahun(tahun, sampai: triwulan)
        let realisasi = realisasiTahun(tahun, sampai: triwulan)
        let capaian = CapaianEngine.capaian(
            target: target, realisasi: realisasi, aturan: indikator.aturan(kebijakan: kebijakan, skala: skala))
        return Hasil(
            target: target, realisasi: realisasi, capaian: capaian, kategori: kebijakan.kategori.kategori(capaian))
    }

    /// The same with the realisasi of one period replaced (what a user is typing; nil clears it).
    public func dengan(realisasi nilai: Nilai?, pada periode: PeriodeLaporan) -> RiwayatIndikator {
        var copy = self
        copy.nilaiRealisasi[periode] = nilai
        return copy
    }
}
