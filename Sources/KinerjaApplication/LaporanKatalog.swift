import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence

/// The reports Kinerja produces, by name: a typed value, not a string switch.
public enum NamaLaporan: String, Sendable, CaseIterable {
    case renja
    case capaianSasaran = "capaian-sasaran"
    case tujuanSasaran = "tujuan-sasaran"
    case realisasi
    case evaluasiTriwulan = "evaluasi-triwulan"
    case evaluasiRenja = "evaluasi-renja"
    case renstra
    case cascading
    case iku
    case ikuPemda = "iku-pemda"
    case renjaPerubahan = "renja-perubahan"
    case renstraPerubahan = "renstra-perubahan"

    /// Whether the report measures capaian against targets (and says which document's).
    public var mengukurCapaian: Bool {
        [.capaianSasaran, .realisasi, .evaluasiTriwulan, .evaluasiRenja, .ikuPemda].contains(self)
    }

    /// Whether the report reads nothing of its PD's other years: its year's targets, pagu and realisasi are all it
    /// measures (the capaian table of the PD page, which loads one year). Such a report is built from that year
    /// alone: 7 400 rows a PD of the synthetic kabupaten instead of 12 400, the year the PD page, the realisasi form
    /// and the dashboard read from the data cache too (`swift test --filter
    /// aReportOfOneYearIsTheSameFromThatYearAlone`). The others reach back over their period (the capaian of the
    /// two years before, a Renstra's realisasi to date).
    public var satuTahun: Bool { self == .realisasi }

    public var judul: String {
        switch self {
        case .renja: "Renja T-C.33 (Tabel 3.2): target dan pagu tahun n, prakiraan maju n+1"
        case .capaianSasaran: "Capaian kinerja sasaran (Tabel 2.3)"
        case .tujuanSasaran: "Tujuan dan sasaran dengan target tahunan (Tabel 3.1)"
        case .realisasi: "Realisasi kinerja dan keuangan dengan subtotal"
        case .evaluasiTriwulan: "Evaluasi per triwulan (Permendagri 86): K dan Rp per triwulan"
        case .evaluasiRenja: "Evaluasi Renja dan pencapaian Renstra (Tabel 2.1), kolom 1-11"
        case .renstra: "Renstra T-C.27: target dan pagu setiap tahun periode"
        case .cascading: "Cascading (pohon kinerja): bagan dan tabel"
        case .iku: "Indikator Kinerja Utama PD per unit dan eselon"
        case .ikuPemda: "Indikator Kinerja Utama Pemda (Lampiran I)"
        case .renjaPerubahan: "Renja murni dan perubahan: target dan pagu berdampingan, dengan dasar perubahannya"
        case .renstraPerubahan: "Renstra murni dan perubahan: target setiap tahun sebelum dan sesudah revisi"
        }
    }

    /// A name from a URL or the command line; an unknown one is an error listing the known names.
    public static func baca(_ text: String) throws(DomainError) -> NamaLaporan {
        guard let name = NamaLaporan(rawValue: text) else {
            throw .tidakSah(
                field: "laporan",
                pesan: "Laporan \"\(text)\" tidak dikenal (\(allCases.map(\.rawValue).joined(separator: ", "))).")
        }
        return name
    }
}

/// Use case "produce a named report for a PD or the whole Pemda": which year it shows when none is asked (from the
/// data, never the clock), and the report built from stored data. Used by the web and the CLI alike.
public enum LaporanKatalog {
    /// Every report with its title, in the order pages offer them.
    public static let nama: [(String, String)] = NamaLaporan.allCases.map { ($0.rawValue, $0.judul) }

    /// A report of stored data; its realisasi as `tampilan` says (published only, by default), with a note naming
    /// what is provisional or held back.
    public static func buat(
        _ name: NamaLaporan, store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah?, tahun: Int?,
        triwulan: Int? = nil, tampilan: Tampilan = .terbit
    ) async throws -> Laporan {
        if name == .ikuPemda {
            // The Pemda's own IKU: no PD needed.
            let (data, note) = try await muat(store, pemda: pemda, pd: nil, tampilan: tampilan)
            return dengan(Laporan.ikuPemda(IndeksKinerja(data)), note)
        }
        guard let pd else {
            throw DomainError.tidakSah(
                field: "pd", pesan: "Laporan \"\(name.rawValue)\" dibuat untuk satu perangkat daerah.")
        }
        let years = try await store.tahunData(pemda: pemda, perangkatDaerah: pd.id)
        if name == .renjaPerubahan || name == .renstraPerubahan {
            // Murni beside perubahan, whether or not the perubahan is approved yet: the stored data, unfiltered
            // (these reports show no realisasi).
            let data = try await store.load(pemda: pemda, perangkatDaerah: pd.id)
            let year =
                tahun ?? tahunBawaan(name, data, pd: pd, realisasiTerakhir: years.realisasiTerakhir, semua: years.semua)
            return try await perubahan(name, data, store: store, pemda: pemda, pd: pd, tahun: year)
        }
        let satuTahun = name.satuTahun ? tahun ?? tahunTerakhir(years.realisasiTerakhir, semua: years.semua) : nil
        // The evaluation of the Renja reads what it shows (its year is the default year of `tahunBawaan`).
        var pilihan: PilihanMuat?
        if name == .evaluasiRenja {
            pilihan = pilihanMuat(
                name, tahun: tahun ?? tahunTerakhir(years.realisasiTerakhir, semua: years.semua),
                periode: try await store.periode(pemda: pemda, perangkatDaerah: pd.id), pd: pd.id)
        }
        let (data, note) = try await muat(
            store, pemda: pemda, pd: pd.id, denganRPJMD: name == .cascading, tahun: satuTahun, pilihan: pilihan,
            tampilan: tampilan)
        let year =
            satuTahun ?? tahun
            ?? tahunBawaan(name, data, pd: pd, realisasiTerakhir: years.realisasiTerakhir, semua: years.semua)
        var laporan = dengan(
            bangun(name, IndeksKinerja(data), pd: pd, tahun: year, tahunDiminta: tahun, triwulan: triwulan), note)
        if name.mengukurCapaian {
            laporan.catatan.append(sumberTarget(data, pd: pd.id, tahun: year))
        }
        if name == .evaluasiTriwulan {
            // The PD's texts of that triwulan's evaluation, under the table as the form prints them.
            let quarter = triwulan ?? data.pemda.jumlahTriwulan
            if let texts = try await store.naratif(pemda: pemda, pd: pd.id, tahun: year).first(where: {
                $0.triwulan == quarter
            }) {
                laporan.catatan += texts.bagian.filter { !$0.teks.isEmpty }.map { "\($0.label): \($0.teks)" }
            }
        }
        return laporan
    }

    /// A revised document beside its murni, with the bases of the revision (and the Renja Perubahan's status).
    static func perubahan(
        _ name: NamaLaporan, _ data: DataKinerja, store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah,
        tahun year: Int
    ) async throws -> Laporan {
        if name == .renstraPerubahan {
            var laporan = Laporan.renstraMurniPerubahan(
                IndeksKinerja(data), pd: pd, tahun: year, murni: try await store.targetMurni(pemda: pemda, pd: pd.id))
            let bases = try await store.revisi(pemda: pemda, pd: pd.id).filter { $0.dokumen == .renstra }
            laporan.catatan += bases.map { "Dasar perubahan tahun \($0.tahun): \($0.uraian)." }
            return laporan
        }
        var laporan = Laporan.renjaMurniPerubahan(IndeksKinerja(data), pd: pd, tahun: year)
        let basis = try await store.revisi(pemda: pemda, pd: pd.id, tahun: year).first {
            $0.dokumen == .renjaPerubahan
        }
        let status = try await store.statusAlur(pemda: pemda, pd: pd.id, tahun: year).first {
            $0.objek.jenis == .renjaPerubahan
        }
        laporan.catatan.append(
            (basis.map { "Dasar perubahan: \($0.uraian)." } ?? "Dasar perubahan belum dicatat.")
                + " Status Renja Perubahan: \((status?.status ?? .draf).label.lowercased()).")
        return laporan
    }

    /// "Target tahun 2024 diukur menurut Renja Perubahan (disetujui), lalu Renja bagi indikator tanpa target di
    /// dokumen sebelumnya.": what a report's capaian is measured against.
    public static func sumberTarget(_ data: DataKinerja, pd: TypedID<PerangkatDaerah>?, tahun: Int) -> String {
        let documents = data.dokumenTarget(pd: pd, tahun: tahun)
        guard let first = documents.first else { return "Belum ada target tahun \(tahun)." }
        let revising: Set<DokumenRencana> = [.perjanjianKinerja, .renjaPerubahan]
        var text =
            "Target tahun \(tahun) diukur menurut \(first.label)" + (revising.contains(first) ? " (disetujui)" : "")
        if documents.count > 1 {
            text +=
                ", lalu " + documents.dropFirst().map(\.label).joined(separator: ", ")
                + " bagi indikator tanpa target di dokumen sebelumnya"
        }
        return text + "."
    }

    /// Stored data as a reader sees it (`DataKinerja.terbit`), and the note a report or page prints about it.
    public static func muat(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>?, denganRPJMD: Bool = false,
        tahun: Int? = nil, pilihan: PilihanMuat? = nil, tampilan: Tampilan
    ) async throws -> (DataKinerja, String?) {
        let shown = try await muatTerbit(
            store, pemda: pemda, pd: pd, denganRPJMD: denganRPJMD, tahun: tahun, pilihan: pilihan, tampilan: tampilan)
        let data = shown.data
        let names = Dictionary(data.perangkatDaerah.map { ($0.id, $0.nama) }, uniquingKeysWith: { first, _ in first })
        return (data, shown.catatan(namaPD: names))
    }

    /// `muat`, with the items shown provisionally or held back as lists (for a page that gathers them from several
    /// loads, the dashboard). With `pilihan`, the items are those of the rows it reads: a report names what it shows.
    public static func muatTerbit(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>?, denganRPJMD: Bool = false,
        tahun: Int? = nil, pilihan: PilihanMuat? = nil, tampilan: Tampilan
    ) async throws -> AngkaTerbit {
        let stored = try await store.load(
            pemda: pemda, perangkatDaerah: pd, denganRPJMD: denganRPJMD, tahun: tahun, pilihan: pilihan)
        // Measured against the documents in force (a PK or Renja Perubahan once approved).
        let status = try await store.statusAlur(pemda: pemda, pd: pd, tahun: tahun)
        let data = stored.berlaku(status: status)
        guard tampilan != .kerja else { return AngkaTerbit(data: data, sementara: [], ditahan: []) }
        return data.terbit(status: status, tampilan: tampilan)
    }

    static func dengan(_ laporan: Laporan, _ note: String?) -> Laporan {
        guard let note else { return laporan }
        var result = laporan
        result.catatan.append(note)
        return result
    }

    /// The year a report shows when none is asked: the period that holds its data, never the clock. The Renstra:
    /// the first year of the PD's Renstra period (the one with the latest realisasi, else the latest period); the
    /// Renja: the latest year with Renja targets or pagu; the others: the latest year with realisasi, else the
    /// latest year with any data.
    public static func tahunBawaan(
        _ name: NamaLaporan, _ data: DataKinerja, pd: PerangkatDaerah, realisasiTerakhir: Int?, semua: [Int]
    ) -> Int {
        let fallback = tahunTerakhir(realisasiTerakhir, semua: semua)
        switch name {
        case .renstra, .renstraPerubahan:
            let periods = data.periode.filter { $0.jenis == .renstra && $0.perangkatDaerah == pd.id }
            let chosen =
                realisasiTerakhir.flatMap { year in periods.first { $0.contains(year) } }
                ?? periods.max { $0.tahunAwal < $1.tahunAwal }
            return chosen?.tahunAwal ?? semua.first ?? fallback
        case .renja, .renjaPerubahan:
            let renja: Set<DokumenRencana> = [.renja, .renjaPerubahan]
            let targetYears = data.target.filter { renja.contains($0.dokumen) }.map(\.periode.tahun)
            let paguYears = data.pagu.filter { renja.contains($0.dokumen) }.map(\.tahun)
            return (targetYears + paguYears).max() ?? fallback
        default:
            return fallback
        }
    }

    /// The rows a report reads when it shows some years' figures only (`PilihanMuat`): the evaluation of the Renja of
    /// `tahun` reads the targets of that year, the year before and the last year of the PD's Renstra that holds it
    /// (of each, should two hold it), the realisasi kinerja of the years before, and no money. Nil for every other
    /// report: it reads all of its PD's rows, or one year's (`satuTahun`).
    public static func pilihanMuat(
        _ name: NamaLaporan, tahun: Int, periode: [Periode], pd: TypedID<PerangkatDaerah>
    ) -> PilihanMuat? {
        guard name == .evaluasiRenja else { return nil }
        // Without a Renstra period the report's last year is its own.
        let ends = periode.filter { $0.perangkatDaerah == pd && $0.jenis == .renstra && $0.contains(tahun) }
            .map(\.tahunAkhir)
        return PilihanMuat(tahunTarget: Array(Set([tahun - 1, tahun] + ends)).sorted(), realisasiSebelum: tahun)
    }

    /// Builds a named report of one PD from loaded data.
    public static func bangun(
        _ name: NamaLaporan, _ index: IndeksKinerja, pd: PerangkatDaerah, tahun year: Int, tahunDiminta: Int?,
        triwulan: Int? = nil
    ) -> Laporan {
        switch name {
        case .renja: Laporan.renja(index, pd: pd, tahun: year)
        case .tujuanSasaran: Laporan.tujuanSasaran(index, pd: pd, tahun: year)
        case .realisasi: Laporan.realisasi(index, pd: pd, tahun: year)
        case .evaluasiTriwulan: Laporan.evaluasiTriwulan(index, pd: pd, tahun: year, sampaiTriwulan: triwulan)
        case .evaluasiRenja: Laporan.evaluasiRenja(index, pd: pd, tahun: year)
        case .iku: Laporan.iku(index, pd: pd)
        case .renstra: Laporan.renstra(index, pd: pd, tahun: year)
        case .cascading: Laporan.cascading(index, pd: pd, tahun: tahunDiminta)
        case .capaianSasaran, .ikuPemda: Laporan.capaianSasaran(index, pd: pd, tahun: year)
        case .renjaPerubahan: Laporan.renjaMurniPerubahan(index, pd: pd, tahun: year)
        case .renstraPerubahan: Laporan.renstraMurniPerubahan(index, pd: pd, tahun: year, murni: [])
        }
    }

    /// The latest year with realisasi, else the latest with data: the year of every report but the Renstra's and
    /// the Renja's when none is asked, and of the pages (a PD's, the form, the dashboard).
    public static func tahunTerakhir(_ realisasiTerakhir: Int?, semua: [Int]) -> Int {
        realisasiTerakhir ?? semua.last ?? 2025
    }

    /// The year of a whole-Pemda report when none is asked: the latest with realisasi, else the latest with data.
    public static func tahunSeluruhPemda(_ tahun: Int?, store: KinerjaStore, pemda: TypedID<Pemda>) async throws -> Int
    {
        if let tahun { return tahun }
        let years = try await store.tahunData(pemda: pemda, perangkatDaerah: nil)
        return tahunTerakhir(years.realisasiTerakhir, semua: years.semua)
    }

    /// A report for the whole Pemda (every PD under its heading), gathered from one part per PD, each built from
    /// that PD's data alone (`bagianSeluruhPemda`): the Pemda's data is never in memory at once, and `bagian` may
    /// serve a part from the cache (the web does, keyed by the PD's data version, so that a write in one PD rebuilds
    /// one part). The note of what is provisional or held back gathers every part's items.
    public static func seluruhPemda(
        _ name: NamaLaporan, store: KinerjaStore, pemda: TypedID<Pemda>, tahun: Int, tampilan: Tampilan = .terbit,
        bagian:
            @escaping @Sendable (PerangkatDaerah, @escaping @Sendable () async throws -> BagianLaporan) async throws ->
            BagianLaporan = { try await $1() }
    ) async throws -> Laporan {
        try await gabung(
            name, store: store, pemda: pemda, tahun: tahun, tampilan: tampilan, alamat: nil, bagian: bagian
        )
        .laporan
    }

    /// `seluruhPemda`; with `alamat`, its XLSX too, each part written as soon as it and the parts before it are in
    /// (`LaporanEkspor.Bertahap`, made once the PD are known).
    static func gabung(
        _ name: NamaLaporan, store: KinerjaStore, pemda: TypedID<Pemda>, tahun: Int, tampilan: Tampilan,
        alamat: String?,
        bagian:
            @escaping @Sendable (PerangkatDaerah, @escaping @Sendable () async throws -> BagianLaporan) async throws ->
            BagianLaporan
    ) async throws -> (laporan: Laporan, xlsx: LaporanEkspor.Bertahap?) {
        guard name != .ikuPemda else {
            throw DomainError.tidakSah(
                field: "laporan", pesan: "Laporan \"\(name.rawValue)\" tidak dikenal untuk seluruh Pemda.")
        }
        let pemdaValue = try await store.pemda(pemda)
        // In the report's order (`Laporan.gabungan`), which the parts written into `xlsx` follow.
        let pds = try await store.listPD(pemda: pemda).sorted { $0.kode < $1.kode }
        // Every PD's periods in one read, for the reports that choose their rows by them.
        let periode = name == .evaluasiRenja ? try await store.periode(pemda: pemda, perangkatDaerah: nil) : []
        let xlsx = alamat.map { LaporanEkspor.Bertahap(jumlah: pds.count, pemda: pemdaValue, alamat: $0) }
        // The PD's parts as many at once as there are cores (each one PD's load and report), in PD order.
        let parts: [(PerangkatDaerah, BagianLaporan)] = try await bagianSerentak(pds.count) { index in
            let pd = pds[index]
            let part = try await bagian(pd) {
                try await bagianSeluruhPemda(
                    name, store: store, pemda: pemda, pd: pd, tahun: tahun, tampilan: tampilan,
                    pilihan: pilihanMuat(name, tahun: tahun, periode: periode, pd: pd.id))
            }
            xlsx?.terima(index, pd, part.laporan)
            return (pd, part)
        }
        guard let laporan = Laporan.gabungan(pemda: pemdaValue, parts.map { ($0.0, $0.1.laporan) }) else {
            throw DomainError.tidakDitemukan("Perangkat daerah")
        }
        let names = Dictionary(pds.map { ($0.id, $0.nama) }, uniquingKeysWith: { first, _ in first })
        let note = AngkaTerbit.catatan(
            sementara: parts.flatMap(\.1.sementara), ditahan: parts.flatMap(\.1.ditahan), namaPD: names)
        return (dengan(laporan, note), xlsx)
    }

    /// A report for the whole Pemda (`seluruhPemda`) and its XLSX, each PD's rows written while the next PD are read
    /// (`LaporanEkspor.Bertahap`): the file of the report with `alamat` under the Pemda's name (`denganAlamat`).
    public static func seluruhPemdaXLSX(
        _ name: NamaLaporan, store: KinerjaStore, pemda: TypedID<Pemda>, tahun: Int, tampilan: Tampilan = .terbit,
        alamat: String = "",
        bagian:
            @escaping @Sendable (PerangkatDaerah, @escaping @Sendable () async throws -> BagianLaporan) async throws ->
            BagianLaporan = { try await $1() }
    ) async throws -> (Laporan, Data) {
        let (laporan, bertahap) = try await gabung(
            name, store: store, pemda: pemda, tahun: tahun, tampilan: tampilan, alamat: alamat, bagian: bagian)
        guard let xlsx = bertahap else { preconditionFailure("an address asks for the file") }
        var withAddress = laporan
        if !alamat.isEmpty { withAddress.kop.append(alamat) }
        return (laporan, try xlsx.selesai(withAddress))
    }

    /// One PD's part of a whole-Pemda report: the report built from the PD's data (with the RPJMD above it for the
    /// cascading, as the PD's own report), and its items shown provisionally or held back.
    public static func bagianSeluruhPemda(
        _ name: NamaLaporan, store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah, tahun: Int,
        tampilan: Tampilan, pilihan: PilihanMuat? = nil
    ) async throws -> BagianLaporan {
        let shown = try await muatTerbit(
            store, pemda: pemda, pd: pd.id, denganRPJMD: name == .cascading, tahun: name.satuTahun ? tahun : nil,
            pilihan: pilihan, tampilan: tampilan)
        return BagianLaporan(
            laporan: bangun(name, IndeksKinerja(shown.data), pd: pd, tahun: tahun, tahunDiminta: tahun),
            sementara: shown.sementara, ditahan: shown.ditahan)
    }

    /// The kop's address line: the Pemda's office address under its name (all formats).
    public static func denganAlamat(_ laporan: Laporan, _ profil: ProfilPemda) -> Laporan {
        guard !profil.alamat.isEmpty else { return laporan }
        var result = laporan
        result.kop.append(profil.alamat)
        return result
    }
}

/// One PD's part of a whole-Pemda report (`LaporanKatalog.seluruhPemda`).
public struct BagianLaporan: Sendable {
    public var laporan: Laporan
    public var sementara: [ObjekAlur]
    public var ditahan: [ObjekAlur]

    public init(laporan: Laporan, sementara: [ObjekAlur], ditahan: [ObjekAlur]) {
        self.laporan = laporan
        self.sementara = sementara
        self.ditahan = ditahan
    }
}
