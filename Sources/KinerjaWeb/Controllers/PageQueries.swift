import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaPersistence
import Vapor

// The queries that build the page models from stored data (pages themselves see domain values only).

extension DashboardPage.Model {
    /// The dashboard, gathered from one part per PD (`DashboardPage.Bagian`), each computed from that PD's year
    /// alone. `bagian` may serve a part from the cache (the page does, keyed by the PD's data version, so that a
    /// write in one PD recomputes one part); by default every part is computed.
    static func query(
        _ store: KinerjaStore, pemda: Pemda, tahun: Int?, triwulan: Int?, tampilan: Tampilan = .terbit,
        bagian:
            @escaping @Sendable (
                PerangkatDaerah, @escaping @Sendable (DashboardPage.Bagian?) async throws -> DashboardPage.Bagian
            )
            async throws -> DashboardPage.Bagian = { try await $1(nil) }
    ) async throws -> Self {
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil)
        let year = tahun ?? LaporanKatalog.tahunTerakhir(years.realisasiTerakhir, semua: years.semua)
        if let triwulan, !(1...pemda.jumlahTriwulan).contains(triwulan) {
            throw DomainError.tidakSah(field: "triwulan", pesan: "Triwulan harus 1 sampai \(pemda.jumlahTriwulan).")
        }
        let pds = try await store.listPD(pemda: pemda.id)
        // The parts are computed as many at once as the machine has cores (each is one PD's table and HTML, CPU):
        // a cold dashboard of 50 PD 1,6-2,8 → 1,2-1,5 s on two cores (`kinerja bench --bagian halaman`). In PD order.
        let parts = try await bagianSerentak(pds.count) { index in
            let pd = pds[index]
            return try await bagian(pd) { sebelumnya in
                try await DashboardPage.Bagian.query(
                    store, pemda: pemda, pd: pd, tahun: year, triwulan: triwulan, tampilan: tampilan,
                    sebelumnya: sebelumnya)
            }
        }
        let names = Dictionary(pds.map { ($0.id, $0.nama) }, uniquingKeysWith: { first, _ in first })
        let available = Array(Set(years.semua + [year])).sorted()
        let fingerprints = parts.compactMap(\.sidikJari)
        return Self(
            pemda: pemda, tahun: year, triwulan: triwulan, tahunTersedia: available, perPD: parts.map(\.perPD),
            tren: parts.flatMap(\.tren), tampilan: tampilan,
            catatanTerbit: AngkaTerbit.catatan(
                sementara: parts.flatMap(\.sementara), ditahan: parts.flatMap(\.ditahan), namaPD: names),
            sidikJari: fingerprints.count == parts.count
                ? SidikJari(
                    Masukan(
                        pemda: pemda, pds: pds, tahun: year, triwulan: triwulan, tahunTersedia: available,
                        tampilan: tampilan, bagian: fingerprints)) : nil)
    }

    /// Everything the dashboard is made of.
    struct Masukan: Hashable {
        var pemda: Pemda
        var pds: [PerangkatDaerah]
        var tahun: Int
        var triwulan: Int?
        var tahunTersedia: [Int]
        var tampilan: Tampilan
        var bagian: [SidikJari]
    }
}

extension DashboardPage.Bagian {
    /// One PD's part of the dashboard: its capaian table of the year, its pagu and spending (Σ of its sub
    /// kegiatan, the truth for every total above them), the trend of its sasaran-level indicators, and its items
    /// shown provisionally or held back. From the PD's own rows of the year only.
    ///
    /// `sebelumnya`: the part's previous version, returned as it is when it was computed from equal inputs.
    static func query(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, tahun year: Int, triwulan: Int?, tampilan: Tampilan,
        sebelumnya: Self? = nil
    ) async throws -> Self {
        let shown = try await LaporanKatalog.muatTerbit(
            store, pemda: pemda.id, pd: pd.id, tahun: year, tampilan: tampilan)
        let sidikJari = SidikJari(Masukan(pd: pd, tahun: year, triwulan: triwulan, tampilan: tampilan, angka: shown))
        if let sebelumnya, sebelumnya.sidikJari == sidikJari { return sebelumnya }
        let data = shown.data
        let index = IndeksKinerja(data)
        let tabel = TabelCapaian(indeks: index, perangkatDaerah: pd.id, tahun: year, sampaiTriwulan: triwulan)
        let leaves = tabel.baris.filter { $0.elemen.tingkat == .subKegiatan }
        let pagu = leaves.compactMap(\.pagu)
        let spent = leaves.compactMap(\.realisasiKeuangan)
        var trend: [(pd: PerangkatDaerah, indikator: Indikator, nilai: [Decimal?])] = []
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
        return Self(
            perPD: DashboardPage.PerPD(
                pd: pd, tabel: tabel, pagu: pagu.isEmpty ? nil : pagu.sum(),
                realisasiKeuangan: spent.isEmpty ? nil : spent.sum(), kategori: data.pemda.kebijakan.kategori),
            tren: trend, sementara: shown.sementara, ditahan: shown.ditahan, sidikJari: sidikJari)
    }
}

extension HomePage.Model {
    static func query(_ store: KinerjaStore, pengguna: Pengguna?, sekarang: Date) async throws -> Self {
        var result: [(Pemda, [PerangkatDaerah])] = []
        for pemda in try await store.listPemda() {
            result.append((pemda, try await store.listPD(pemda: pemda.id)))
        }
        var model = Self(daftar: result)
        if let pengguna, let (pemda, pds) = result.first(where: { $0.0.id == pengguna.pemda }) {
            model.tugas = try await HomePage.Tugas.query(
                store, pengguna: pengguna, pemda: pemda, pds: pds, sekarang: sekarang)
        }
        return model
    }
}

extension HomePage.Tugas {
    /// What needs the user now: the operator, the open triwulan of his PD with what is still empty, and what was
    /// returned with its note; the Kepala PD, what waits for his approval; the evaluator, realisasi waiting for
    /// verification; the admin, what waits for verification or locking, and the monitoring page.
    static func query(
        _ store: KinerjaStore, pengguna: Pengguna, pemda: Pemda, pds: [PerangkatDaerah], sekarang: Date
    ) async throws -> [HomePage.Tugas] {
        let names = Dictionary(pds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let stored = try await store.statusAlur(pemda: pemda.id, pd: pengguna.perangkatDaerah)
            .sorted { ($0.waktu, $0.objek.tahun) > ($1.waktu, $1.objek.tahun) }
        func link(_ item: StatusTersimpan) -> String {
            SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: names[item.objek.perangkatDaerah]?.kode ?? "").path
                + "?tahun=\(item.objek.tahun)#alur"
        }
        func task(_ item: StatusTersimpan, _ what: String) -> HomePage.Tugas {
            HomePage.Tugas(
                judul: "\(item.objek.label) · \(names[item.objek.perangkatDaerah]?.nama ?? "")",
                rincian: what + (item.catatan.isEmpty ? "" : " Catatan: \(item.catatan)"), tautan: link(item))
        }
        var result: [HomePage.Tugas] = []
        switch pengguna.peran {
        case .operatorPD:
            guard let pdID = pengguna.perangkatDaerah, let pd = names[pdID] else { return [] }
            if let open = try await triwulanTerbuka(store, pemda: pemda, pd: pd, stored: stored, sekarang: sekarang) {
                result.append(open)
            }
            result += stored.filter { $0.status == .dikembalikan }.map {
                task(
                    $0,
                    "Dikembalikan oleh \($0.oleh) pada \(IndonesianFormat.waktu($0.waktu)); perbaiki lalu ajukan lagi.")
            }
        case .kepala:
            result += stored.filter { $0.status == .diajukan }.map {
                task($0, "Diajukan oleh \($0.oleh); menunggu persetujuan Anda.")
            }
        case .evaluator:
            result += stored.filter { $0.status == .disetujui && $0.objek.jenis == .realisasi }.map {
                task($0, "Disetujui Kepala PD; menunggu verifikasi.")
            }
        case .admin:
            result += stored.filter { $0.status == .disetujui }.map {
                task($0, "Disetujui Kepala PD; menunggu verifikasi.")
            }
            result += stored.filter { $0.status == .diverifikasi }.map { task($0, "Diverifikasi; siap dikunci.") }
            // The PD late in the clock's year (a window closed, the triwulan not submitted).
            let year = IndonesianFormat.tahun(sekarang)
            let windows = try await store.jadwal(pemda: pemda.id, tahun: year)
            let statuses = Dictionary(
                try await store.statusAlur(pemda: pemda.id, tahun: year).map { ($0.objek, $0.status) },
                uniquingKeysWith: { first, _ in first })
            var late: [String] = []
            for window in windows where window.tutup <= sekarang {
                let names = pds.filter { pd in
                    let item = ObjekAlur(
                        perangkatDaerah: pd.id, jenis: .realisasi, tahun: year, triwulan: window.triwulan)
                    return (statuses[item] ?? .draf).bolehDiubah
                }.map(\.nama)
                if !names.isEmpty { late.append("TW \(PeriodeLaporan.romawi(window.triwulan)): \(names.count) PD") }
            }
            result.append(
                HomePage.Tugas(
                    judul: "Pemantauan pelaporan"
                        + (late.isEmpty ? "" : " · terlambat \(year): " + late.joined(separator: ", ")),
                    rincian: "Status setiap PD per triwulan, yang terlambat, jadwal.",
                    tautan: SiteURL.pemantauan(pemda: pemda.id.uuid).path + "?tahun=\(year)"))
        case .pimpinan:
            break
        }
        return result
    }

    /// The first triwulan of the PD's reporting year that still takes entries now (its window open or reopened,
    /// not submitted), with how many indicators with a target have no realisasi yet. The year: the clock's when the
    /// admin set windows for it, else the latest year the PD has data for.
    static func triwulanTerbuka(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, stored: [StatusTersimpan], sekarang: Date
    ) async throws -> HomePage.Tugas? {
        let clockYear = IndonesianFormat.tahun(sekarang)
        var windows = try await store.jadwal(pemda: pemda.id, tahun: clockYear)
        var year = clockYear
        if windows.isEmpty {
            year = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd.id).semua.last ?? clockYear
            windows = try await store.jadwal(pemda: pemda.id, tahun: year)
        }
        let reopened = try await store.pembukaan(pemda: pemda.id, tahun: year)
        let status = Dictionary(stored.map { ($0.objek, $0.status) }, uniquingKeysWith: { first, _ in first })
        for quarter in 1...pemda.jumlahTriwulan {
            let item = ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: year, triwulan: quarter)
            guard (status[item] ?? .draf).bolehDiubah else { continue }
            let window = windows.first { $0.triwulan == quarter }
            guard
                (try? JadwalPelaporan.periksa(item, jadwal: window, pembukaan: reopened, sekarang: sekarang, namaPD: ""))
                    != nil
            else { continue }
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: year)
            let empty = TabelCapaian(
                indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: year, sampaiTriwulan: quarter
            )
            .belumDilaporkan.count
            return HomePage.Tugas(
                judul: "\(item.label) terbuka"
                    + (window.map { " sampai \(IndonesianFormat.tanggal($0.hariTerakhir))" } ?? ""),
                rincian: empty == 0
                    ? "Semua indikator bertarget sudah diisi; ajukan ke Kepala PD."
                    : "\(empty) indikator bertarget belum diisi realisasinya.",
                tautan: SiteURL.realisasi(pemda: pemda.id.uuid, kode: pd.kode).path(tahun: year, triwulan: quarter))
        }
        return nil
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
        let chosen = tahun ?? LaporanKatalog.tahunTerakhir(years.realisasiTerakhir, semua: years.semua)
        // Measured against the documents in force (a PK or Renja Perubahan once approved).
        let status = try await store.statusAlur(pemda: pemda, pd: pd.id, tahun: chosen)
        let data = try await store.load(pemda: pemda, perangkatDaerah: pd.id, tahun: chosen).berlaku(status: status)
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
            targetRenstra: renstra, status: status)
    }
}

extension RealisasiPage.Model {
    /// The form of a PD's triwulan: from the cache while the PD's data is unchanged (a writer opens it after
    /// every save, and a save reads it to know the form it was sent from), with the lock of this hour added per
    /// request (a reporting window opens and closes with the clock, not with a write).
    static func query(
        _ req: Request, pemda: Pemda, pd: PerangkatDaerah, tahun: Int?, triwulan: Int?
    ) async throws -> (model: Self, tersaji: RealisasiPage.Tersaji) {
        let store = req.store
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd.id)
        let year = tahun ?? LaporanKatalog.tahunTerakhir(years.realisasiTerakhir, semua: years.semua)
        let quarter = triwulan ?? 1
        guard (1...pemda.jumlahTriwulan).contains(quarter) else {
            throw DomainError.tidakSah(field: "triwulan", pesan: "Triwulan harus 1 sampai \(pemda.jumlahTriwulan).")
        }
        let tersaji = try await req.turunan(
            ["realisasi-form", pd.kode, "\(year)", "\(quarter)"], pemda: pemda.id, pd: pd.id, ukuran: \.ukuran
        ) { sebelumnya in
            RealisasiPage.Tersaji(
                try await muat(store, pemda: pemda, pd: pd, year: year, quarter: quarter, years: years.semua),
                sebelumnya: sebelumnya)
        }
        var model = tersaji.model
        model.terkunci = try await store.alasanTerkunci(
            pemda: pemda, pd: pd,
            objek: ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: year, triwulan: quarter),
            sekarang: req.sekarang)
        return (model, tersaji)
    }

    /// The form from the stored data, without its lock.
    static func muat(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, year: Int, quarter: Int, years: [Int]
    ) async throws -> Self {
        let periode = PeriodeLaporan(tahun: year, triwulan: quarter)
        let status = try await store.statusAlur(pemda: pemda.id, pd: pd.id, tahun: year)
        let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: year).berlaku(status: status)
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
                        kode: node.kode?.asli ?? node.nomor, uraian: node.uraian,
                        indikator: RealisasiPage.IndikatorIsian(indikator), targetTahun: yearTarget,
                        targetSampai: history.targetTahun(year, sampai: quarter),
                        tersimpan: stored.kinerja[indikator.id.uuid], capaian: hasil.capaian,
                        kategori: hasil.kategori, bukti: evidence[indikator.id.uuid] ?? []))
            }
            if node.tingkat == .subKegiatan {
                let pagu = index.pagu(node.id, tahun: year)
                anggaran.append(
                    RealisasiPage.BarisAnggaran(
                        elemen: node.id, kode: node.kode?.asli ?? node.nomor, uraian: node.uraian, pagu: pagu,
                        tersimpan: stored.anggaran[node.id.uuid],
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
            tahunTersedia: Array(Set(years + [year])).sorted(), kinerja: kinerja, anggaran: anggaran,
            tanpaTarget: withoutTarget,
            denganRencanaAksi: Set(
                data.target.filter { $0.periode.tahun == year && $0.periode.triwulan != nil }.map(\.indikator)
            ).count,
            naratif: try await store.naratif(pemda: pemda.id, pd: pd.id, tahun: year).first { $0.triwulan == quarter },
            status: status)
    }

    /// The form after a draft write (`TulisanDraf`) of its PD, from the form before it and the PD's year after it
    /// (`data`, as the data cache follows the write): the rows of the indicators and sub kegiatan the write replaced
    /// are computed again from their own rows, the others are kept. A draft write only replaces stored realisasi,
    /// so no row comes or goes, and no target, pagu, workflow status or narrative changes; each row's figures are
    /// made of its own indicator's (or sub kegiatan's) rows only. What `muat` would give for the version after,
    /// without building the index of the whole PD again (`swift test --filter aDraftSavedAgainFollowsTheCachedForms`).
    func mengikuti(_ tulisan: TulisanDraf, data: DataKinerja) -> Self {
        let indikator = Set(tulisan.realisasi.map(\.indikator))
        let elemen = Set(tulisan.anggaran.map(\.elemen))
        var result = self
        guard !indikator.isEmpty || !elemen.isEmpty else { return result }
        // The rows of what the write touched, as `muat` reads them (`berlaku`).
        let index = IndeksKinerja(data.bagian(indikator: indikator, elemen: elemen).berlaku(status: status))
        let periode = PeriodeLaporan(tahun: tahun, triwulan: triwulan)
        var versi: [TypedID<Indikator>: (Int, RealisasiKinerja)] = [:]
        for (row, nomor) in zip(tulisan.realisasi, tulisan.versiRealisasi) where row.periode == periode {
            versi[row.indikator] = (nomor, row)
        }
        // The indicators' definitions from the data (a form row keeps only what it shows).
        let definisi = Dictionary(index.data.indikator.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for i in result.kinerja.indices where indikator.contains(result.kinerja[i].indikator.id) {
            guard let item = definisi[result.kinerja[i].indikator.id] else { continue }
            if let (nomor, row) = versi[item.id] {
                result.kinerja[i].tersimpan = Tersimpan(versi: nomor, teks: row.teks)
            }
            let hasil = index.riwayat(item).hitung(
                tahun: tahun, sampai: triwulan, indikator: item, kebijakan: data.pemda.kebijakan)
            result.kinerja[i].capaian = hasil.capaian
            result.kinerja[i].kategori = hasil.kategori
        }
        var versiUang: [TypedID<ElemenRencana>: (Int, RealisasiAnggaran)] = [:]
        for (row, nomor) in zip(tulisan.anggaran, tulisan.versiAnggaran) where row.periode == periode {
            versiUang[row.elemen] = (nomor, row)
        }
        for i in result.anggaran.indices where elemen.contains(result.anggaran[i].elemen) {
            let id = result.anggaran[i].elemen
            if let (nomor, row) = versiUang[id] {
                result.anggaran[i].tersimpan = TersimpanAnggaran(versi: nomor, keuangan: row.keuangan, fisik: row.fisik)
            }
            result.anggaran[i].serapanSampai = result.anggaran[i].pagu.flatMap {
                Serapan.persen(realisasi: index.realisasiKeuangan(id, tahun: tahun, sampai: triwulan), pagu: $0)
            }
        }
        return result
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
            paguTercatat: Dictionary(recorded.map { ($0.elemen, $0) }, uniquingKeysWith: { first, _ in first }),
            revisi: try await store.revisi(pemda: pemda.id, pd: pd.id, tahun: year).first { $0.dokumen == dokumen })
    }
}

/// The pages `kinerja bench` times (model and HTML as a visitor gets them), for the command line.
public enum HalamanUkur {
    /// A PD's page: load, compute, render, as a browser gets it (gzip); the size of its gzip.
    public static func perangkatDaerah(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah, tahun: Int
    ) async throws -> Int {
        gzip(try await PerangkatDaerahPage.Model.query(store, pemda: pemda, pd: pd, tahun: tahun, triwulan: nil))
    }

    /// A PD's page made from its model computed once (the rows' HTML and their compression, the page around them):
    /// the part of a cold page after the query. The size of its gzip.
    public static func perangkatDaerahHTML(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah, tahun: Int
    ) async throws -> @Sendable () -> Int {
        let model = try await PerangkatDaerahPage.Model.query(store, pemda: pemda, pd: pd, tahun: tahun, triwulan: nil)
        return { gzip(model) }
    }

    private static func gzip(_ model: PerangkatDaerahPage.Model) -> Int {
        let tersaji = PerangkatDaerahPage.Tersaji(model)
        let page = PerangkatDaerahPage.halaman(
            tersaji, akun: Layout.Akun(pengguna: nil, csrf: "", pemda: nil), bolehTulis: false)
        return SharedHTML.gzip(SharedHTML.potong(page), [tersaji.bawah]).count
    }

    /// A PD's realisasi form of TW IV: its model (load and compute) and, apart, its HTML rendered from that model
    /// (what a writer waits for after each save); the size of the HTML.
    public static func formulir(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, tahun: Int, render: Bool
    ) async throws -> Int {
        let model = try await RealisasiPage.Model.muat(
            store, pemda: pemda, pd: pd, year: tahun, quarter: pemda.jumlahTriwulan, years: [tahun])
        guard render else { return model.kinerja.count + model.anggaran.count }
        return RealisasiPage.render(model, akun: Layout.Akun(pengguna: nil, csrf: "", pemda: nil)).utf8.count
    }

    /// The bytes a realisasi form's rows take inline (an indicator's, a sub kegiatan's), for `kinerja bench`.
    public static var strideFormulir: (kinerja: Int, anggaran: Int) {
        (MemoryLayout<RealisasiPage.BarisKinerja>.stride, MemoryLayout<RealisasiPage.BarisAnggaran>.stride)
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

extension AlurPanel {
    static func query(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, tahun: Int, pengguna: Pengguna?, sekarang: Date
    ) async throws -> AlurPanel {
        let stored = try await store.statusAlur(pemda: pemda.id, pd: pd.id, tahun: tahun)
        let windows = try await store.jadwal(pemda: pemda.id, tahun: tahun)
        return AlurPanel(
            pemda: pemda, pd: pd, tahun: tahun,
            status: Dictionary(stored.map { ($0.objek, $0) }, uniquingKeysWith: { first, _ in first }),
            jadwal: Dictionary(windows.map { ($0.triwulan, $0) }, uniquingKeysWith: { first, _ in first }),
            pengguna: pengguna, sekarang: sekarang)
    }
}

extension RencanaAksiPage.Model {
    /// Every indicator of the PD with a target of the year (by the documents' priority, the PK's first), its PK
    /// targets per triwulan with their versions, the check of each row, and whether the PK still takes changes.
    static func query(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, tahun: Int?, sekarang: Date
    ) async throws -> Self {
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd.id)
        let year = tahun ?? years.semua.last ?? 2025
        let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: year, denganVersi: true)
        let index = IndeksKinerja(data)
        let versions = data.versi ?? [:]
        var quarterly: [TypedID<Indikator>: [Int: Target]] = [:]
        for target in data.target where target.dokumen == .perjanjianKinerja && target.periode.triwulan != nil {
            quarterly[target.indikator, default: [:]][target.periode.triwulan!] = target
        }
        var rows: [RencanaAksiPage.Baris] = []
        func visit(_ node: ElemenRencana) {
            for indikator in index.indikatorPerElemen[node.id] ?? [] {
                guard let text = PerjanjianKinerja.targetTeks(index, indikator, year) else { continue }
                let yearValue = index.riwayat(indikator).targetTahun(year)
                let quarters = (1...pemda.jumlahTriwulan).map { quarter in
                    let stored = quarterly[indikator.id]?[quarter]
                    return (
                        teks: stored.map { $0.teks.isEmpty ? $0.nilai.teks : $0.teks } ?? "", nilai: stored?.nilai,
                        versi: versions[
                            .target(indikator.id, .perjanjianKinerja, PeriodeLaporan(tahun: year, triwulan: quarter))]
                            ?? 0
                    )
                }
                rows.append(
                    RencanaAksiPage.Baris(
                        kode: node.kode?.asli ?? node.nomor, uraian: node.uraian, indikator: indikator,
                        targetTahun: yearValue, targetTahunTeks: text, triwulan: quarters,
                        periksa: RencanaAksi.periksa(indikator, tahun: yearValue, triwulan: quarters.map(\.nilai))))
            }
            for child in index.anakDari(node.id) { visit(child) }
        }
        for root in index.akar(perangkatDaerah: pd.id) { visit(root) }
        return Self(
            pemda: pemda, pd: pd, tahun: year, tahunPilihan: Array(Set(years.semua + [year])).sorted(), baris: rows,
            terkunci: try await store.alasanTerkunci(
                pemda: pemda, pd: pd, objek: ObjekAlur(perangkatDaerah: pd.id, jenis: .perjanjianKinerja, tahun: year),
                sekarang: sekarang))
    }
}

extension DataKinerja {
    /// Part of the data, for computing again what a draft write touched (`mengikuti`): the rows of these indicators
    /// (with the elements they belong to) and the money rows of these elements (with the elements); the Pemda, its
    /// PD and the rest as they are.
    fileprivate func bagian(indikator: Set<TypedID<Indikator>>, elemen: Set<TypedID<ElemenRencana>>) -> DataKinerja {
        var bagian = self
        bagian.indikator = self.indikator.filter { indikator.contains($0.id) }
        let pemilik = Set(bagian.indikator.map(\.elemen))
        bagian.elemen = self.elemen.filter { elemen.contains($0.id) || pemilik.contains($0.id) }
        bagian.target = target.filter { indikator.contains($0.indikator) }
        bagian.realisasi = realisasi.filter { indikator.contains($0.indikator) }
        bagian.pagu = pagu.filter { elemen.contains($0.elemen) }
        bagian.anggaran = anggaran.filter { elemen.contains($0.elemen) }
        return bagian
    }
}
