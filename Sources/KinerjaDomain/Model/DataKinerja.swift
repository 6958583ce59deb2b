import Foundation

/// Everything stored for a Pemda, or for some of its perangkat daerah: the input of every calculation and report.
public struct DataKinerja: Hashable, Sendable {
    public var pemda: Pemda
    /// RPJMD and Renstra periods.
    public var periode: [Periode]
    public var perangkatDaerah: [PerangkatDaerah]
    public var unitKerja: [UnitKerja]
    public var pejabat: [Pejabat]
    public var elemen: [ElemenRencana]
    public var indikator: [Indikator]
    public var target: [Target]
    public var pagu: [Pagu]
    public var realisasi: [RealisasiKinerja]
    public var anggaran: [RealisasiAnggaran]
    /// The stored version of each entry, when loaded for planning a change (`load(denganVersi:)`): the import
    /// records it in its change set, so an entry changed since is refused as a conflict, as in a form.
    /// nil: not loaded (the import then checks only the Pemda's data version).
    public var versi: [KunciIsian: Int]?
    /// Names of the urusan and bidang urusan the Pemda's documents print.
    public var urusan: [Urusan] = []

    public init(
        pemda: Pemda,
        periode: [Periode] = [],
        perangkatDaerah: [PerangkatDaerah] = [],
        unitKerja: [UnitKerja] = [],
        pejabat: [Pejabat] = [],
        elemen: [ElemenRencana] = [],
        indikator: [Indikator] = [],
        target: [Target] = [],
        pagu: [Pagu] = [],
        realisasi: [RealisasiKinerja] = [],
        anggaran: [RealisasiAnggaran] = []
    ) {
        self.pemda = pemda
        self.periode = periode
        self.perangkatDaerah = perangkatDaerah
        self.unitKerja = unitKerja
        self.pejabat = pejabat
        self.elemen = elemen
        self.indikator = indikator
        self.target = target
        self.pagu = pagu
        self.realisasi = realisasi
        self.anggaran = anggaran
    }

    /// The same data with only `tahun`'s targets, pagu and realisasi (what a load of that year reads), in their
    /// order; everything without a year as it is.
    public func tahunSaja(_ tahun: Int) -> DataKinerja {
        var result = self
        result.target = Self.saring(target) { $0.periode.tahun == tahun }
        result.pagu = Self.saring(pagu) { $0.tahun == tahun }
        result.realisasi = Self.saring(realisasi) { $0.periode.tahun == tahun }
        result.anggaran = Self.saring(anggaran) { $0.periode.tahun == tahun }
        return result
    }

    /// `filter` into an array of exactly the rows kept (`filter` grows its array by doubling, and a year taken so
    /// is kept in the data cache).
    private static func saring<Row>(_ rows: [Row], _ keep: (Row) -> Bool) -> [Row] {
        var count = 0
        for row in rows where keep(row) { count += 1 }
        var result: [Row] = []
        result.reserveCapacity(count)
        for row in rows where keep(row) { result.append(row) }
        return result
    }

    /// The same data with these realisasi in place of those of the same key (indicator or element, triwulan), each
    /// where it stood: what a write that replaced them leaves. Nil when one of them has no row here to replace (a
    /// row added, or of a year this data does not hold): such a write is not followed, the data is read again.
    public func denganRealisasi(_ kinerja: [RealisasiKinerja], anggaran uang: [RealisasiAnggaran]) -> DataKinerja? {
        var result = self
        guard Self.ganti(&result.realisasi, kinerja, kunci: \.kunci), Self.ganti(&result.anggaran, uang, kunci: \.kunci)
        else { return nil }
        return result
    }

    /// Puts each of `baru` in place of the row of `rows` with the same key; false when one has no such row.
    private static func ganti<Row>(_ rows: inout [Row], _ baru: [Row], kunci: (Row) -> KunciIsian) -> Bool {
        guard !baru.isEmpty else { return true }
        var waiting = Dictionary(baru.map { (kunci($0), $0) }, uniquingKeysWith: { _, last in last })
        for index in rows.indices {
            if let row = waiting.removeValue(forKey: kunci(rows[index])) { rows[index] = row }
        }
        return waiting.isEmpty
    }
}

/// Lookup tables over `DataKinerja`, built once (O(n)) so that every question after is O(1).
public struct IndeksKinerja: Sendable {
    public let data: DataKinerja
    public let anak: [TypedID<ElemenRencana>?: [ElemenRencana]]
    public let indikatorPerElemen: [TypedID<ElemenRencana>: [Indikator]]
    public let targetPerIndikator: [TypedID<Indikator>: [Target]]
    public let realisasiPerIndikator: [TypedID<Indikator>: NilaiPerPeriode]
    public let paguPerElemen: [TypedID<ElemenRencana>: [Pagu]]
    public let anggaranPerElemen: [TypedID<ElemenRencana>: [RealisasiAnggaran]]

    public init(_ data: DataKinerja) {
        self.data = data
        // Sized once (growing them rehashed every key again and again: a quarter of building an index), and each
        // element's sort key made once, not at every comparison (`Kode.normal` joins its parts).
        var byParent = Self.kelompok(data.elemen, kapasitas: data.elemen.count / 2 + 1, by: \.induk)
        for (parent, children) in byParent where children.count > 1 {
            let keyed = children.map { ($0.urutan, $0.kode?.normal ?? $0.nomor, $0.uraian) }
            byParent[parent] = zip(keyed, children).sorted { $0.0 < $1.0 }.map(\.1)
        }
        anak = byParent
        var perElemen = Self.kelompok(data.indikator, kapasitas: data.elemen.count, by: \.elemen)
        for (elemen, indicators) in perElemen where indicators.count > 1 {
            perElemen[elemen] = indicators.sorted { ($0.urutan, $0.nama) < ($1.urutan, $1.nama) }
        }
        indikatorPerElemen = perElemen
        targetPerIndikator = Self.kelompok(data.target, kapasitas: data.indikator.count, by: \.indikator)
        var realisasi: [TypedID<Indikator>: NilaiPerPeriode] = .init(minimumCapacity: data.indikator.count)
        for item in data.realisasi { realisasi[item.indikator, default: NilaiPerPeriode()][item.periode] = item.nilai }
        realisasiPerIndikator = realisasi
        paguPerElemen = Self.kelompok(data.pagu, kapasitas: data.elemen.count, by: \.elemen)
        anggaranPerElemen = Self.kelompok(data.anggaran, kapasitas: data.elemen.count, by: \.elemen)
    }

    /// `Dictionary(grouping:by:)` with room for `kapasitas` keys from the start.
    static func kelompok<Key: Hashable, Value>(
        _ values: [Value], kapasitas: Int, by key: (Value) -> Key
    )
        -> [Key: [Value]]
    {
        var groups = [Key: [Value]](minimumCapacity: kapasitas)
        for value in values { groups[key(value), default: []].append(value) }
        return groups
    }

    public static func urutanElemen(_ lhs: ElemenRencana, _ rhs: ElemenRencana) -> Bool {
        if lhs.urutan != rhs.urutan { return lhs.urutan < rhs.urutan }
        return (lhs.kode?.normal ?? lhs.nomor, lhs.uraian) < (rhs.kode?.normal ?? rhs.nomor, rhs.uraian)
    }

    /// Roots of the tree of one PD (its elements whose parent is not its own), or of the Pemda (nil).
    public func akar(perangkatDaerah: TypedID<PerangkatDaerah>?) -> [ElemenRencana] {
        let mine = data.elemen.filter { $0.perangkatDaerah == perangkatDaerah }
        let ids = Set(mine.map(\.id))
        return mine.filter { node in node.induk.map { !ids.contains($0) } ?? true }
            .sorted(by: IndeksKinerja.urutanElemen)
    }

    public func anakDari(_ id: TypedID<ElemenRencana>) -> [ElemenRencana] { anak[id] ?? [] }

    /// The target of a year (or up to a triwulan) from the highest-priority document that has one, or from
    /// `dokumen` when given.
    public func riwayat(_ indikator: Indikator, dokumen: DokumenRencana? = nil) -> RiwayatIndikator {
        let targets = targetPerIndikator[indikator.id] ?? []
        // Each period's target from the best-ranked document (the first stored among equals).
        var chosen = NilaiPerPeriode()
        var ranks: [Int] = []
        ranks.reserveCapacity(targets.count)
        for target in targets {
            if let dokumen, target.dokumen != dokumen { continue }
            let peringkat = target.dokumen.peringkatTahunan
            if let index = chosen.titik.firstIndex(where: { $0.periode == target.periode }) {
                if ranks[index] <= peringkat { continue }
                ranks[index] = peringkat
            } else {
                ranks.append(peringkat)
            }
            chosen[target.periode] = target.nilai
        }
        return RiwayatIndikator(
            agregasi: indikator.agregasi, jumlahTriwulan: data.pemda.jumlahTriwulan,
            nilaiRealisasi: realisasiPerIndikator[indikator.id] ?? NilaiPerPeriode(), nilaiTarget: chosen)
    }

    /// The element's own pagu for a year from the highest-priority document.
    public func paguTercatat(_ id: TypedID<ElemenRencana>, tahun: Int, dokumen: DokumenRencana? = nil) -> Pagu? {
        let candidates = (paguPerElemen[id] ?? []).filter {
            $0.tahun == tahun && (dokumen == nil || $0.dokumen == dokumen)
        }
        return candidates.min { $0.dokumen.peringkatTahunan < $1.dokumen.peringkatTahunan }
    }

    /// Pagu of an element: Σ of its children's pagu where it has children with money (the truth), else its own.
    public func pagu(_ id: TypedID<ElemenRencana>, tahun: Int, dokumen: DokumenRencana? = nil) -> Rupiah? {
        AnggaranTahun(self, tahun: tahun, dokumen: dokumen).pagu(id)
    }

    /// Realisasi keuangan of an element for a year up to triwulan `sampai`: Σ of the sub kegiatan's triwulan
    /// figures (each triwulan is the money spent in that triwulan). nil when nothing was reported.
    public func realisasiKeuangan(_ id: TypedID<ElemenRencana>, tahun: Int, sampai triwulan: Int? = nil) -> Rupiah? {
        AnggaranTahun(self, tahun: tahun, sampai: triwulan).realisasiKeuangan(id)
    }

    /// Physical progress of a sub kegiatan at triwulan `sampai` (the latest reported, as fisik is a stock);
    /// for parents, the mean of the children weighted by pagu.
    public func fisik(_ id: TypedID<ElemenRencana>, tahun: Int, sampai triwulan: Int? = nil) -> Decimal? {
        AnggaranTahun(self, tahun: tahun, sampai: triwulan).fisik(id)
    }
}

/// The money of a year's elements (pagu, realisasi keuangan, fisik), each element's figure computed once. A parent's
/// figure is made of its children's, so asking every element of a tree separately (as a capaian table does) summed
/// each subtree again at every level above it; one `AnggaranTahun` per table remembers what it computed.
public final class AnggaranTahun {
    let indeks: IndeksKinerja
    let tahun: Int
    let dokumen: DokumenRencana?
    let sampai: Int?
    /// Each element's figures, computed together once: a table asks all three of every element.
    private var dihitung: [TypedID<ElemenRencana>: Angka] = [:]

    /// An element's pagu, realisasi keuangan and fisik (`pagu`, `realisasiKeuangan`, `fisik`).
    private struct Angka {
        var pagu: Rupiah?
        var realisasi: Rupiah?
        var fisik: Decimal?
    }

    /// `dokumen`: the pagu of that document only; `sampai`: realisasi and fisik up to that triwulan (nil: the year).
    public init(_ indeks: IndeksKinerja, tahun: Int, dokumen: DokumenRencana? = nil, sampai: Int? = nil) {
        self.indeks = indeks
        self.tahun = tahun
        self.dokumen = dokumen
        self.sampai = sampai
    }

    /// A sub kegiatan's realisasi anggaran of the year up to `sampai` (an annual figure counts as the year's end).
    private func dilaporkan(_ id: TypedID<ElemenRencana>) -> [RealisasiAnggaran] {
        let last = sampai ?? indeks.data.pemda.jumlahTriwulan
        return (indeks.anggaranPerElemen[id] ?? []).filter {
            $0.periode.tahun == tahun && ($0.periode.triwulan ?? last) <= last
        }
    }

    /// The ids of an element's children that carry money (not copies of the elements: 272 bytes and eight
    /// references each).
    private func anakBeranggaran(_ id: TypedID<ElemenRencana>) -> [TypedID<ElemenRencana>] {
        guard let children = indeks.anak[id] else { return [] }
        var ids: [TypedID<ElemenRencana>] = []
        // Fields read in place (a `for child in` loop copies each element out).
        for index in children.indices where children[index].tingkat.hasAnggaran { ids.append(children[index].id) }
        return ids
    }

    /// Σ of the children's pagu where children with money have one, else the element's own.
    public func pagu(_ id: TypedID<ElemenRencana>) -> Rupiah? { angka(id).pagu }

    /// Σ of the sub kegiatan's triwulan figures up to `sampai`; nil when nothing was reported.
    public func realisasiKeuangan(_ id: TypedID<ElemenRencana>) -> Rupiah? { angka(id).realisasi }

    /// The latest fisik reported up to `sampai` for a sub kegiatan; for a parent, its children's weighted by pagu.
    public func fisik(_ id: TypedID<ElemenRencana>) -> Decimal? { angka(id).fisik }

    /// The element's three figures, remembered: from its own rows when no child carries money, else from its
    /// children's (computed first, each once).
    private func angka(_ id: TypedID<ElemenRencana>) -> Angka {
        if let known = dihitung[id] { return known }
        let children = anakBeranggaran(id)
        let result: Angka
        if children.isEmpty {
            let reported = dilaporkan(id)
            let spent = reported.compactMap(\.keuangan)
            result = Angka(
                pagu: indeks.paguTercatat(id, tahun: tahun, dokumen: dokumen)?.jumlah,
                realisasi: spent.isEmpty ? nil : spent.sum(),
                fisik: reported.filter { $0.fisik != nil }.max { $0.periode < $1.periode }?.fisik)
        } else {
            let figures = children.map { angka($0) }
            let pagus = figures.compactMap(\.pagu)
            let spent = figures.compactMap(\.realisasi)
            var weighted: Decimal = 0
            var weights: Decimal = 0
            for figure in figures {
                guard let value = figure.fisik else { continue }
                let weight = Decimal(figure.pagu?.sen ?? 0)
                weighted = weighted.adding(value.multiplying(by: weight))
                weights = weights.adding(weight)
            }
            result = Angka(
                pagu: pagus.isEmpty ? indeks.paguTercatat(id, tahun: tahun, dokumen: dokumen)?.jumlah : pagus.sum(),
                realisasi: spent.isEmpty ? nil : spent.sum(),
                fisik: weights > 0 ? weighted.dividing(by: weights) : nil)
        }
        dihitung[id] = result
        return result
    }
}

extension DataKinerja {
    /// The PD each element and each indicator belongs to (nil: the Pemda's own), built once for a pass over entries.
    public struct PemilikPD {
        public var elemen: [TypedID<ElemenRencana>: TypedID<PerangkatDaerah>?]
        public var indikator: [TypedID<Indikator>: TypedID<PerangkatDaerah>?]

        public func pd(elemen id: TypedID<ElemenRencana>) -> TypedID<PerangkatDaerah>? { elemen[id] ?? nil }
        public func pd(indikator id: TypedID<Indikator>) -> TypedID<PerangkatDaerah>? { indikator[id] ?? nil }
    }

    public var pemilikPD: PemilikPD {
        let elements = Dictionary(elemen.map { ($0.id, $0.perangkatDaerah) }, uniquingKeysWith: { first, _ in first })
        let indicators = Dictionary(
            indikator.map { ($0.id, elements[$0.elemen] ?? nil) }, uniquingKeysWith: { first, _ in first })
        return PemilikPD(elemen: elements, indikator: indicators)
    }
}
