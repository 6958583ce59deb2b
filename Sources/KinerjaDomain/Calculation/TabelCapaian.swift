import Foundation

/// The capaian table of a PD for a year up to a triwulan: every element in tree order with its indicators'
/// target, realisasi, capaian and category, and its money. A pure function of the data and the arguments.
public struct TabelCapaian: Sendable {
    public struct BarisIndikator: Equatable, Sendable {
        public var indikator: Indikator
        public var target: Nilai?
        public var realisasi: Nilai?
        public var capaian: HasilCapaian
        public var kategori: KategoriCapaian.Pita?
    }

    public struct Baris: Equatable, Sendable {
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
    /// Each indicator's result with what it was computed from, for the next table of the same year, triwulan,
    /// policy and scales (`sebelumnya`): an indicator whose definition and history are equal has an equal result.
    var ingatan: Ingatan

    struct Ingatan: Sendable {
        var kebijakan: KebijakanCapaian
        var skala: [String: SkalaPredikat]
        var hasil: [TypedID<Indikator>: (indikator: Indikator, riwayat: RiwayatIndikator, hasil: RiwayatIndikator.Hasil)]
        /// Each element's roll-up with the indicators it was made of (equal indicators, equal results: equal roll-up).
        var elemen: [TypedID<ElemenRencana>: (indikator: [TypedID<Indikator>], hasil: RollUp.Hasil)] = [:]
    }

    /// How many indicators this table computed (the others it took from `sebelumnya`).
    public private(set) var dihitung = 0

    /// `sebelumnya`: the table of the previous version of the same data (after a save): the result of an indicator
    /// whose definition and history did not change is taken from it instead of computed again (the capaian
    /// divisions and roll-ups were most of a PD page computed after a save).
    public init(
        indeks: IndeksKinerja,
        perangkatDaerah: TypedID<PerangkatDaerah>?,
        tahun: Int,
        sampaiTriwulan: Int? = nil,
        skala: [String: SkalaPredikat] = SkalaPredikat.bawaan,
        sebelumnya: TabelCapaian? = nil
    ) {
        self.tahun = tahun
        self.sampaiTriwulan = sampaiTriwulan
        let kebijakan = indeks.data.pemda.kebijakan
        let previous = sebelumnya.flatMap {
            $0.tahun == tahun && $0.sampaiTriwulan == sampaiTriwulan && $0.ingatan.kebijakan == kebijakan
                && $0.ingatan.skala == skala ? $0.ingatan : nil
        }
        var memory = Ingatan(kebijakan: kebijakan, skala: skala, hasil: [:])
        var computed = 0
        var rows: [Baris] = []
        var all: [RollUp.Anak] = []

        func visit(_ node: ElemenRencana, depth: Int) {
            var indicatorRows: [BarisIndikator] = []
            var children: [RollUp.Anak] = []
            let computedBefore = computed
            let indicators = indeks.indikatorPerElemen[node.id] ?? []
            for indikator in indicators {
                let riwayat = indeks.riwayat(indikator)
                let hasil: RiwayatIndikator.Hasil
                if let known = previous?.hasil[indikator.id], known.riwayat == riwayat, known.indikator == indikator {
                    hasil = known.hasil
                } else {
                    hasil = riwayat.hitung(
                        tahun: tahun, sampai: sampaiTriwulan, indikator: indikator, kebijakan: kebijakan, skala: skala)
                    computed += 1
                }
                memory.hasil[indikator.id] = (indikator, riwayat, hasil)
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
                pagu = indeks.pagu(node.id, tahun: tahun)
                let own = indeks.paguTercatat(node.id, tahun: tahun)?.jumlah
                if let own, own != pagu { recorded = own }
                spent = indeks.realisasiKeuangan(node.id, tahun: tahun, sampai: sampaiTriwulan)
                physical = indeks.fisik(node.id, tahun: tahun, sampai: sampaiTriwulan)
            }
            let ids = indicators.map(\.id)
            let rollUp: RollUp.Hasil
            if computed == computedBefore, let known = previous?.elemen[node.id], known.indikator == ids {
                rollUp = known.hasil
            } else {
                rollUp = RollUp.rataRata(children, batasi: kebijakan.batasiRollUp)
            }
            memory.elemen[node.id] = (ids, rollUp)
            rows.append(
                Baris(
                    elemen: node, kedalaman: depth, indikator: indicatorRows, pagu: pagu,
                    paguTercatatBerbeda: recorded, realisasiKeuangan: spent,
                    serapan: pagu.flatMap { Serapan.persen(realisasi: spent, pagu: $0) }, fisik: physical,
                    capaianElemen: rollUp))
            for child in indeks.anakDari(node.id) { visit(child, depth: depth + 1) }
        }
        for root in indeks.akar(perangkatDaerah: perangkatDaerah) { visit(root, depth: 0) }
        self.baris = rows
        self.capaianKeseluruhan = RollUp.rataRata(all, batasi: kebijakan.batasiRollUp)
        self.ingatan = memory
        self.dihitung = computed
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
        copy.realisasi[periode] = nilai
        return copy
    }
}
