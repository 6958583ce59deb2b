import CoreFoundation
import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaWeb
import Vapor

/// `kinerja bench [--pemda NAMA] [--ulang N]`: times the PD page's work on the stored data — loading one PD,
/// computing its capaian table, rendering the HTML — for the first PD, a middle one and the whole Pemda, and prints
/// the figures with the process's peak memory. Run it on a release build over `kinerja generate` data.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "pemda", help: "Nama Pemda (bawaan: yang mempunyai PD terbanyak)")
        var pemda: String?
        @Option(name: "ulang", help: "Jumlah ulangan per pengukuran (bawaan 5)")
        var ulang: Int?
        @Option(name: "bagian", help: "Hanya satu bagian: muat (data dan bacaan basis data sendiri), halaman, laporan")
        var bagian: String?
        @Option(name: "saring", help: "Hanya pengukuran yang namanya memuat teks ini (untuk profil: perf record)")
        var saring: String?
    }

    var help: String { "Mengukur waktu dan memori halaman capaian PD dan seluruh Pemda." }

    func run(using context: CommandContext, signature: Signature) async throws {
        var store = KinerjaStore(context.application.db)
        store.pembacaKedua = context.application.pembacaKedua(untuk: store.db)
        var candidates: [(Pemda, [PerangkatDaerah])] = []
        for pemda in try await store.listPemda() where signature.pemda == nil || pemda.nama == signature.pemda {
            candidates.append((pemda, try await store.listPD(pemda: pemda.id)))
        }
        guard let (pemda, pds) = candidates.max(by: { $0.1.count < $1.1.count }), let first = pds.first else {
            throw DomainError.tidakDitemukan("Pemda dengan perangkat daerah (jalankan kinerja generate)")
        }
        let repeats = max(1, signature.ulang ?? 5)
        let bagian = signature.bagian
        guard bagian == nil || ["muat", "halaman", "laporan"].contains(bagian!) else {
            throw DomainError.tidakSah(field: "bagian", pesan: "Bagian adalah muat, halaman atau laporan.")
        }
        let bench = Pengukur(
            context: context, store: store, pemda: pemda, pds: pds, repeats: repeats,
            ulangSeluruh: max(1, signature.ulang ?? 1), saring: signature.saring)
        context.console.print("\(pemda.nama): \(pds.count) PD, \(repeats) ulangan per baris")
        context.console.print(
            "pengukuran                          median      min        maks       baris  (cpu: median waktu CPU proses)"
        )
        if bagian == nil || bagian == "muat" { try await bench.muat() }
        if bagian == nil || bagian == "halaman" { try await bench.halaman() }
        if bagian == nil || bagian == "laporan" { try await bench.laporan(first: first) }
        context.console.print("memori puncak proses: \(peakMemoryMB()) MB")
    }

    func peakMemoryMB() -> Int { ProcStatus.kB("VmHWM").map { $0 / 1024 } ?? -1 }
}

/// A figure of a process's `/proc/PID/status` in kB (`VmHWM`, `VmRSS`, `RssAnon`), for the benchmarks.
/// The measurements of `kinerja bench`, by part.
private struct Pengukur {
    let context: CommandContext
    let store: KinerjaStore
    let pemda: Pemda
    let pds: [PerangkatDaerah]
    let repeats: Int
    /// How often a whole-Pemda report is measured: once unless `--ulang` is given (its first run is the cold one;
    /// the others show the spread on a noisy machine).
    let ulangSeluruh: Int
    /// Only the measurements whose label holds this text (the others are skipped), to profile one path alone.
    var saring: String? = nil

    /// Loading a PD, the whole Pemda and one year of it, each beside the database's own read of the same rows and
    /// columns (`KinerjaStore.bacaBasisData`: every column of every row counted inside the database, nothing sent).
    func muat() async throws {
        for pd in [pds[0], pds[pds.count / 2]] {
            try await measure("muat PD \(pd.kode)", repeats) {
                let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
                return data.target.count + data.realisasi.count + data.pagu.count + data.indikator.count
                    + data.elemen.count + data.anggaran.count
            }
            try await measure("  basis data sendiri", repeats) {
                try await store.bacaBasisData(pemda: pemda.id, perangkatDaerah: pd.id)
            }
        }
        let pd = pds[0]
        try await measure("muat PD \(pd.kode) tahun 2025", repeats) {
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: 2025)
            return data.target.count + data.realisasi.count + data.pagu.count + data.indikator.count
                + data.elemen.count + data.anggaran.count
        }
        try await measure("  basis data sendiri", repeats) {
            try await store.bacaBasisData(pemda: pemda.id, perangkatDaerah: pd.id, tahun: 2025)
        }
        // What a PD's year holds in memory (the data cache counts it by `RowBytes.data`): ten loads kept
        // at once, the process's anonymous memory before and after.
        let before = (ProcStatus.kB("RssAnon") ?? 0)
        var kept: [DataKinerja] = []
        for _ in 0..<10 { kept.append(try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: 2025)) }
        let rows =
            kept[0].elemen.count + kept[0].indikator.count + kept[0].target.count + kept[0].realisasi.count
            + kept[0].pagu.count + kept[0].anggaran.count
        context.console.print(
            "  memori: \(((ProcStatus.kB("RssAnon") ?? 0) - before) * 1024 / 10 / max(1, rows)) B per baris (\(rows) baris)"
        )
        let jumlah = [
            kept[0].elemen.count, kept[0].indikator.count, kept[0].target.count, kept[0].realisasi.count,
            kept[0].pagu.count, kept[0].anggaran.count,
        ]
        kept.removeAll()
        context.console.print(
            "  baris dalam larik: elemen, indikator, target, realisasi, pagu, anggaran "
                + "\(jumlah.map(String.init).joined(separator: "/")) baris, "
                + [
                    MemoryLayout<ElemenRencana>.stride, MemoryLayout<Indikator>.stride, MemoryLayout<Target>.stride,
                    MemoryLayout<RealisasiKinerja>.stride, MemoryLayout<Pagu>.stride,
                    MemoryLayout<RealisasiAnggaran>.stride,
                ].map(String.init).joined(separator: "/") + " B")
        try await measure("  tersimpan TW IV (formulir)", repeats) {
            let stored = try await store.stored(
                pemda: pemda.id, pd: pd.id, periode: PeriodeLaporan(tahun: 2025, triwulan: 4))
            return stored.kinerja.count + stored.anggaran.count
        }
        try await measure("muat seluruh Pemda", max(1, repeats / 2)) {
            let data = try await store.load(pemda: pemda.id)
            return data.target.count + data.realisasi.count + data.pagu.count + data.indikator.count
                + data.elemen.count + data.anggaran.count
        }
        try await measure("  basis data sendiri", max(1, repeats / 2)) {
            try await store.bacaBasisData(pemda: pemda.id, perangkatDaerah: nil)
        }
        try await measure("muat Pemda tahun 2025", max(1, repeats / 2)) {
            let data = try await store.load(pemda: pemda.id, tahun: 2025)
            return data.target.count + data.realisasi.count + data.pagu.count + data.indikator.count
                + data.elemen.count + data.anggaran.count
        }
        try await measure("  basis data sendiri", max(1, repeats / 2)) {
            try await store.bacaBasisData(pemda: pemda.id, perangkatDaerah: nil, tahun: 2025)
        }
    }

    /// The PD page and the dashboard, cold (load, compute, render).
    func halaman() async throws {
        for pd in [pds[0], pds[pds.count / 2]] {
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            try await measure("tabel capaian PD \(pd.kode)", repeats) {
                TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2025).baris.count
            }
            try await measure("halaman PD \(pd.kode) (muat+hitung+gzip)", repeats) {
                try await HalamanUkur.perangkatDaerah(store, pemda: pemda.id, pd: pd, tahun: 2025)
            }
            if diukur("  HTML+gzip saja") {
                let html = try await HalamanUkur.perangkatDaerahHTML(store, pemda: pemda.id, pd: pd, tahun: 2025)
                try await measure("  HTML+gzip saja", repeats) { html() }
            }
            try await measure("formulir realisasi \(pd.kode) (muat+hitung)", repeats) {
                try await HalamanUkur.formulir(store, pemda: pemda, pd: pd, tahun: 2025, render: false)
            }
            if pd == pds[0] && diukur("formulir realisasi \(pd.kode)") {
                let (kinerja, anggaran) = HalamanUkur.strideFormulir
                context.console.print("  baris formulir dalam larik: kinerja \(kinerja) B, anggaran \(anggaran) B")
            }
            try await measure("  dengan HTML", repeats) {
                try await HalamanUkur.formulir(store, pemda: pemda, pd: pd, tahun: 2025, render: true)
            }
        }
        // The dashboard: its parts, then the whole model (what the first visitor after a write waits for).
        try await measure("dasbor: tahun data Pemda", repeats) {
            try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil).semua.count
        }
        try await measure("dasbor: model lengkap (muat+hitung)", max(1, repeats / 2)) {
            try await HalamanUkur.dasbor(store, pemda: pemda, tahun: 2025)
        }
        let all = try await store.load(pemda: pemda.id)
        try await measure("tabel capaian seluruh Pemda", max(1, repeats / 2)) {
            let index = IndeksKinerja(all)
            return pds.reduce(0) { $0 + TabelCapaian(indeks: index, perangkatDaerah: $1.id, tahun: 2025).baris.count }
        }
    }

    /// Every report of one PD, and the whole Pemda's realisasi and evaluasi-renja as XLSX (from loading on).
    func laporan(first: PerangkatDaerah) async throws {
        let pdData = try await store.load(pemda: pemda.id, perangkatDaerah: first.id, denganRPJMD: true)
        let pdIndex = IndeksKinerja(pdData)
        let reports: [(String, () -> Laporan)] = [
            ("renja", { Laporan.renja(pdIndex, pd: first, tahun: 2025) }),
            ("renstra", { Laporan.renstra(pdIndex, pd: first, tahun: 2025) }),
            ("realisasi", { Laporan.realisasi(pdIndex, pd: first, tahun: 2025) }),
            ("evaluasi-renja", { Laporan.evaluasiRenja(pdIndex, pd: first, tahun: 2026) }),
            ("evaluasi-triwulan", { Laporan.evaluasiTriwulan(pdIndex, pd: first, tahun: 2025) }),
            ("capaian-sasaran", { Laporan.capaianSasaran(pdIndex, pd: first, tahun: 2025) }),
            ("tujuan-sasaran", { Laporan.tujuanSasaran(pdIndex, pd: first, tahun: 2025) }),
            ("iku", { Laporan.iku(pdIndex, pd: first) }),
            ("cascading", { Laporan.cascading(pdIndex, pd: first) }),
        ]
        for (name, build) in reports {
            try await measure("laporan \(name) \(first.kode) HTML+XLSX", repeats) {
                let laporan = build()
                return LaporanHTML.halaman(laporan).utf8.count + (try LaporanEkspor.xlsx(laporan)).count
            }
        }
        // The whole Pemda, cold, as served: the PD parts as many at once as there are cores, each PD's rows written
        // into the XLSX as they come; then each step alone (the report from loading on, and the XLSX of a report
        // already built).
        for name in [NamaLaporan.realisasi, .evaluasiRenja] {
            let tahun = name == .realisasi ? 2025 : 2026
            // As served: each PD's rows written while the next PD are read (`seluruhPemdaXLSX`).
            try await measure("laporan \(name.rawValue) seluruh Pemda XLSX", ulangSeluruh) {
                try await LaporanKatalog.seluruhPemdaXLSX(
                    name, store: store, pemda: pemda.id, tahun: tahun, tampilan: .kerja
                ).1.count
            }
            // The database's own read of the rows the parts read (each PD's, of the year or of every year), as many
            // PD at once as the parts are.
            let periode = try await store.periode(pemda: pemda.id, perangkatDaerah: nil)
            try await measure("  basis data, seluruh Pemda per PD", ulangSeluruh) {
                try await bagianSerentak(pds.count) { [store, pemda, pds] index in
                    try await store.bacaBasisData(
                        pemda: pemda.id, perangkatDaerah: pds[index].id, tahun: name.satuTahun ? tahun : nil,
                        pilihan: LaporanKatalog.pilihanMuat(name, tahun: tahun, periode: periode, pd: pds[index].id))
                }.reduce(0, +)
            }
            var built: Laporan?
            try await measure("  \(name.rawValue): laporan saja", ulangSeluruh) {
                let laporan = try await LaporanKatalog.seluruhPemda(
                    name, store: store, pemda: pemda.id, tahun: tahun, tampilan: .kerja)
                built = laporan
                return laporan.baris.count
            }
            if let built {
                try await measure("  \(name.rawValue): XLSX saja", 3) { try LaporanEkspor.xlsx(built).count }
            }
        }
    }

    /// Whether the measurement named `label` runs (`--saring`).
    func diukur(_ label: String) -> Bool { saring.map { label.contains($0) } ?? true }

    func measure(_ label: String, _ repeats: Int, _ body: () async throws -> Int) async throws {
        guard diukur(label) else { return }
        var times: [Duration] = []
        var cpu: [Duration] = []
        var size = 0
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            let cpuStart = Self.cpuTime()
            size = try await body()
            times.append(ContinuousClock.now - start)
            cpu.append(Self.cpuTime() - cpuStart)
        }
        times.sort()
        cpu.sort()
        func ms(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%8.1f ms", value)
        }
        context.console.print(
            label.padding(toLength: 36, withPad: " ", startingAt: 0) + ms(times[times.count / 2]) + " " + ms(times[0])
                + " " + ms(times[times.count - 1]) + "  \(size)" + "  cpu " + ms(cpu[cpu.count / 2]))
    }

    /// The CPU time of the whole process (all its threads): the time the measured work computed, without the time
    /// the machine gave to others (this VM's wall-clock figures vary by ±40 % between runs of the same build).
    static func cpuTime() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }
}
