import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaPersistence
import Vapor

// The queries that build the page models from stored data (pages themselves see domain values only).

extension DashboardPage.Model {
    static func query(_ store: KinerjaStore, pemda: Pemda, tahun: Int?, triwulan: Int?) async throws -> Self {
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil)
        let year = tahun ?? years.realisasiTerakhir ?? years.semua.last ?? 2025
        if let triwulan, !(1...pemda.jumlahTriwulan).contains(triwulan) {
            throw DomainError.tidakSah(field: "triwulan", pesan: "Triwulan harus 1 sampai \(pemda.jumlahTriwulan).")
        }
        let data = try await store.load(pemda: pemda.id, tahun: year)
        let index = IndeksKinerja(data)
        var perPD: [DashboardPage.PerPD] = []
        var trend: [(PerangkatDaerah, Indikator, [Decimal?])] = []
        for pd in data.perangkatDaerah {
            let tabel = TabelCapaian(indeks: index, perangkatDaerah: pd.id, tahun: year, sampaiTriwulan: triwulan)
            // Σ of the sub kegiatan: the truth for every total above them.
            let leaves = tabel.baris.filter { $0.elemen.tingkat == .subKegiatan }
            let pagu = leaves.compactMap(\.pagu)
            let spent = leaves.compactMap(\.realisasiKeuangan)
            perPD.append(
                DashboardPage.PerPD(
                    pd: pd, tabel: tabel, pagu: pagu.isEmpty ? nil : pagu.sum(),
                    realisasiKeuangan: spent.isEmpty ? nil : spent.sum()))
            for baris in tabel.baris where baris.elemen.tingkat == .sasaranPD || baris.elemen.tingkat == .tujuanPD {
                for item in baris.indikator {
                    let history = index.riwayat(item.indikator)
                    let points = (1...data.pemda.jumlahTriwulan).map { quarter in
                        history.hitung(
                            tahun: year, sampai: quarter, indikator: item.indikator, kebijakan: data.pemda.kebijakan
                        ).capaian.persen
                    }
                    if points.contains(where: { $0 != nil }) { trend.append((pd, item.indikator, points)) }
                }
            }
        }
        return Self(
            pemda: data.pemda, tahun: year, triwulan: triwulan,
            tahunTersedia: Array(Set(years.semua + [year])).sorted(), perPD: perPD, tren: trend)
    }
}

extension HomePage.Model {
    static func query(_ store: KinerjaStore) async throws -> Self {
        var result: [(Pemda, [PerangkatDaerah])] = []
        for pemda in try await store.listPemda() {
            result.append((pemda, try await store.daftarPD(pemda: pemda.id)))
        }
        return Self(daftar: result)
    }
}

extension PerangkatDaerahPage.Model {
    /// Loads the PD (one query per table) and computes its table. The year defaults to the latest year with
    /// realisasi, else the latest year with a target: a function of the data, never of today's date.
    static func query(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah, tahun: Int?, triwulan: Int?
    )
        async throws -> Self
    {
        // The years first (small DISTINCT queries), then only the chosen year's rows.
        let years = try await store.tahunData(pemda: pemda, perangkatDaerah: pd.id)
        let chosen = tahun ?? years.realisasiTerakhir ?? years.semua.last ?? 2025
        let data = try await store.load(pemda: pemda, perangkatDaerah: pd.id, tahun: chosen)
        if let triwulan, !(1...data.pemda.jumlahTriwulan).contains(triwulan) {
            throw DomainError.tidakSah(
                field: "triwulan", pesan: "Triwulan harus 1 sampai \(data.pemda.jumlahTriwulan).")
        }
        let index = IndeksKinerja(data)
        let tabel = TabelCapaian(
            indeks: index, perangkatDaerah: pd.id, tahun: chosen, sampaiTriwulan: triwulan)
        var renstra: [TypedID<Indikator>: Nilai] = [:]
        for indikator in data.indikator {
            if let value = index.riwayat(indikator, dokumen: .renstra).targetTahun(chosen) {
                renstra[indikator.id] = value
            }
        }
        return Self(
            pemda: data.pemda, pd: pd, tahunTersedia: years.semua, tahun: chosen, triwulan: triwulan, tabel: tabel,
            periode: data.periode.filter { $0.contains(chosen) },
            unitKerja: data.unitKerja.filter { $0.perangkatDaerah == pd.id }, pejabat: data.pejabat,
            targetRenstra: renstra)
    }
}

extension RealisasiPage.Model {
    static func query(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, tahun: Int?, triwulan: Int?
    ) async throws -> Self {
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd.id)
        let year = tahun ?? years.realisasiTerakhir ?? years.semua.last ?? 2025
        let quarter = triwulan ?? 1
        guard (1...pemda.jumlahTriwulan).contains(quarter) else {
            throw DomainError.tidakSah(field: "triwulan", pesan: "Triwulan harus 1 sampai \(pemda.jumlahTriwulan).")
        }
        let periode = PeriodeLaporan(tahun: year, triwulan: quarter)
        let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: year)
        let stored = try await store.stored(pemda: pemda.id, pd: pd.id, periode: periode)
        let evidence = Dictionary(
            grouping: try await store.listBukti(pemda: pemda.id, pd: pd.id, periode: periode), by: \.indikator)
        let index = IndeksKinerja(data)
        var kinerja: [RealisasiPage.BarisKinerja] = []
        var anggaran: [RealisasiPage.BarisAnggaran] = []
        var withoutTarget = 0
        func visit(_ node: ElemenRencana) {
            for indikator in index.indikatorPerElemen[node.id] ?? [] {
                let history = index.riwayat(indikator)
                let yearTarget = history.targetTahun(year)
                guard yearTarget != nil || stored.kinerja[indikator.id.uuid] != nil else {
                    withoutTarget += 1
                    continue
                }
                let hasil = history.hitung(
                    tahun: year, sampai: quarter, indikator: indikator, kebijakan: data.pemda.kebijakan)
                kinerja.append(
                    RealisasiPage.BarisKinerja(
                        kode: node.kode?.asli ?? node.nomor, uraian: node.uraian, indikator: indikator,
                        targetTahun: yearTarget, targetSampai: history.targetTahun(year, sampai: quarter),
                        tersimpan: stored.kinerja[indikator.id.uuid], capaian: hasil.capaian,
                        kategori: hasil.kategori, bukti: evidence[indikator.id.uuid] ?? []))
            }
            if node.tingkat == .subKegiatan {
                let pagu = index.pagu(node.id, tahun: year)
                anggaran.append(
                    RealisasiPage.BarisAnggaran(
                        node: node, pagu: pagu, tersimpan: stored.anggaran[node.id.uuid],
                        serapanSampai: pagu.flatMap {
                            Serapan.persen(
                                realisasi: index.realisasiKeuangan(node.id, tahun: year, sampai: quarter), pagu: $0)
                        }))
            }
            for child in index.anakDari(node.id) { visit(child) }
        }
        for root in index.akar(perangkatDaerah: pd.id) { visit(root) }
        return Self(
            pemda: data.pemda, pd: pd, tahun: year, triwulan: quarter,
            tahunTersedia: Array(Set(years.semua + [year])).sorted(), kinerja: kinerja, anggaran: anggaran,
            tanpaTarget: withoutTarget)
    }
}

extension RencanaPage.Model {
    static func query(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, tahun: Int?, dokumen: DokumenRencana
    ) async throws -> Self {
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd.id)
        let year = tahun ?? years.semua.last ?? 2025
        let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganRPJMD: true, tahun: year)
        let stored = try await store.storedRencana(pemda: pemda.id, pd: pd.id, dokumen: dokumen, tahun: year)
        let index = IndeksKinerja(data)
        var rows: [RencanaPage.Baris] = []
        func visit(_ node: ElemenRencana, depth: Int) {
            rows.append(
                RencanaPage.Baris(
                    node: node, kedalaman: depth,
                    indikator: (index.indikatorPerElemen[node.id] ?? []).map { ($0, stored.target[$0.id.uuid]) },
                    pagu: stored.pagu[node.id.uuid],
                    paguJumlahAnak: node.tingkat.hasAnggaran
                        ? index.pagu(node.id, tahun: year, dokumen: dokumen) : nil))
            for child in index.anakDari(node.id) { visit(child, depth: depth + 1) }
        }
        for root in index.akar(perangkatDaerah: pd.id) { visit(root, depth: 0) }
        let periodYears = data.periode.flatMap { Array($0.tahun) }
        let rpjmd = data.elemen.filter {
            $0.perangkatDaerah == nil && ($0.tingkat == .tujuan || $0.tingkat == .sasaran)
        }
        .sorted(by: IndeksKinerja.urutanElemen)
        .map {
            ($0.id.uuid.uuidString.lowercased(), "Pemda · \($0.tingkat.labelAwal) " + String($0.uraian.prefix(60)))
        }
        let recorded = data.pagu.filter { $0.dokumen == dokumen && $0.tahun == year }
        return Self(
            pemda: pemda, pd: pd, tahun: year, dokumen: dokumen,
            tahunPilihan: Array(Set(years.semua + periodYears + [year])).sorted(), baris: rows, induk: rpjmd,
            paguTercatat: Dictionary(recorded.map { ($0.elemen, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// The pages `kinerja bench` times (model and HTML as a visitor gets them), for the command line.
public enum HalamanUkur {
    /// A PD's page: load, compute, render; the size of its HTML.
    public static func perangkatDaerah(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah, tahun: Int
    ) async throws -> Int {
        let model = try await PerangkatDaerahPage.Model.query(store, pemda: pemda, pd: pd, tahun: tahun, triwulan: nil)
        return PerangkatDaerahPage.render(
            model, akun: Layout.Akun(pengguna: nil, csrf: "", pemda: nil), bolehTulis: false
        ).utf8.count
    }

    /// The dashboard's model (load and compute); its number of PD.
    public static func dasbor(_ store: KinerjaStore, pemda: Pemda, tahun: Int) async throws -> Int {
        try await DashboardPage.Model.query(store, pemda: pemda, tahun: tahun, triwulan: nil).perPD.count
    }
}

extension FormState {
    /// The server could not take the save now (its turn to write did not come in time, or no database connection
    /// was free): nothing was written.
    static func sibuk(_ error: any Error) -> Bool {
        error is WriterBusy || error is ServerBusy || error is ConnectionPoolTimeoutError
    }
}
