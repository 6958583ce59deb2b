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
    }

    var help: String { "Mengukur waktu dan memori halaman capaian PD dan seluruh Pemda." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = KinerjaStore(context.application.db)
        var candidates: [(Pemda, [PerangkatDaerah])] = []
        for pemda in try await store.listPemda() where signature.pemda == nil || pemda.nama == signature.pemda {
            candidates.append((pemda, try await store.listPD(pemda: pemda.id)))
        }
        guard let (pemda, pds) = candidates.max(by: { $0.1.count < $1.1.count }), let first = pds.first else {
            throw DomainError.tidakDitemukan("Pemda dengan perangkat daerah (jalankan kinerja generate)")
        }
        let repeats = max(1, signature.ulang ?? 5)
        context.console.print("\(pemda.nama): \(pds.count) PD, \(repeats) ulangan per baris")
        context.console.print("pengukuran                          median      min        maks       baris")
        for pd in [first, pds[pds.count / 2]] {
            try await measure(context, "muat PD \(pd.kode)", repeats) {
                let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
                return data.target.count + data.realisasi.count + data.pagu.count + data.indikator.count
                    + data.elemen.count
            }
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            try await measure(context, "tabel capaian PD \(pd.kode)", repeats) {
                TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2025).baris.count
            }
            try await measure(context, "halaman PD \(pd.kode) (muat+hitung+HTML)", repeats) {
                try await HalamanUkur.perangkatDaerah(store, pemda: pemda.id, pd: pd, tahun: 2025)
            }
        }
        try await measure(context, "muat seluruh Pemda", max(1, repeats / 2)) {
            let data = try await store.load(pemda: pemda.id)
            return data.target.count + data.realisasi.count + data.pagu.count + data.indikator.count + data.elemen.count
        }
        // The dashboard: its parts, then the whole model (what the first visitor after a write waits for).
        try await measure(context, "dasbor: tahun data Pemda", repeats) {
            try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil).semua.count
        }
        try await measure(context, "dasbor: muat Pemda tahun 2025", max(1, repeats / 2)) {
            try await store.load(pemda: pemda.id, tahun: 2025).realisasi.count
        }
        try await measure(context, "dasbor: model lengkap (muat+hitung)", max(1, repeats / 2)) {
            try await HalamanUkur.dasbor(store, pemda: pemda, tahun: 2025)
        }
        let all = try await store.load(pemda: pemda.id)
        try await measure(context, "tabel capaian seluruh Pemda", max(1, repeats / 2)) {
            let index = IndeksKinerja(all)
            return pds.reduce(0) { $0 + TabelCapaian(indeks: index, perangkatDaerah: $1.id, tahun: 2025).baris.count }
        }
        // Every report of one PD, and the whole Pemda's realisasi and evaluasi-renja as XLSX.
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
            try await measure(context, "laporan \(name) \(first.kode) HTML+XLSX", repeats) {
                let laporan = build()
                return LaporanHTML.halaman(laporan).utf8.count + (try LaporanEkspor.xlsx(laporan)).count
            }
        }
        for name in ["realisasi", "evaluasi-renja"] {
            try await measure(context, "laporan \(name) seluruh Pemda XLSX", 1) {
                let index = IndeksKinerja(all)
                let laporan = Laporan.seluruhPemda(index) {
                    name == "realisasi"
                        ? Laporan.realisasi(index, pd: $0, tahun: 2025)
                        : Laporan.evaluasiRenja(index, pd: $0, tahun: 2026)
                }
                return try laporan.map { try LaporanEkspor.xlsx($0).count } ?? 0
            }
        }
        context.console.print("memori puncak proses: \(peakMemoryMB()) MB")
    }

    func measure(
        _ context: CommandContext, _ label: String, _ repeats: Int, _ body: () async throws -> Int
    ) async throws {
        var times: [Duration] = []
        var size = 0
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            size = try await body()
            times.append(ContinuousClock.now - start)
        }
        times.sort()
        func ms(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%8.1f ms", value)
        }
        context.console.print(
            label.padding(toLength: 36, withPad: " ", startingAt: 0) + ms(times[times.count / 2]) + " " + ms(times[0])
                + " "
                + ms(times[times.count - 1]) + "  \(size)")
    }

    func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kilobytes / 1024
    }
}
