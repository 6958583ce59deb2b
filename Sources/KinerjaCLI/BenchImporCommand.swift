import Fluent
import Foundation
import KinerjaApplication
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaWeb
import Vapor

/// `kinerja bench-impor`: times reading and planning a realisasi CSV of 2 000, 8 000, 32 000 and 128 000 rows
/// against one synthetic PD (no database), and prints the time per 1 000 rows, which stays flat when the preview is
/// linear. The preview was quadratic before: 2 000 rows 2,4 s, 8 000 rows 38 s.
struct BenchImporCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "maks", help: "Baris terbanyak (bawaan 128000)")
        var maks: Int?
        @Option(name: "renja", help: "Juga: Renja T-C.33 sebanyak N baris, pratinjau dan terapkan pada DATABASE_URL")
        var renja: Int?
    }

    var help: String { "Mengukur pratinjau impor realisasi: waktu per 1.000 baris untuk 2.000 sampai 128.000 baris." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let rows = signature.renja {
            try await renja(context, rows: rows)
            return
        }
        let largest = signature.maks ?? 128_000
        // One PD with enough sub kegiatan: two indicators each, four triwulan each → 8 rows per sub kegiatan.
        let programs = max(1, (largest + 399) / 400)
        let data = try SyntheticKabupaten(
            jumlahPD: 1, seed: 7, jumlahTahun: 1, programPerPD: programs, kegiatanPerProgram: 5, subPerKegiatan: 10
        ).build()
        let pd = data.perangkatDaerah[0]
        let nodes = Dictionary(uniqueKeysWithValues: data.elemen.map { ($0.id, $0) })
        var lines: [String] = []
        for indikator in data.indikator {
            guard let node = nodes[indikator.elemen], node.tingkat == .subKegiatan, let kode = node.kode else {
                continue
            }
            for triwulan in 1...4 { lines.append("\(kode.asli);\(indikator.nama);2026;\(triwulan);\(triwulan * 3)") }
        }
        context.console.print(
            "PD sintetis: \(data.elemen.count) elemen, \(data.indikator.count) indikator; \(lines.count) baris tersedia"
        )
        context.console.print("baris        baca (ms)   rencana (ms)   total per 1.000 baris (ms)   diubah")
        for size in [2_000, 8_000, 32_000, 128_000] where size <= min(largest, lines.count) {
            let csv = "kode;indikator;tahun;triwulan;realisasi\n" + lines.prefix(size).joined(separator: "\n")
            let start = ContinuousClock.now
            let hasil = Importer.baca(Data(csv.utf8), namaBerkas: "realisasi.csv", jenis: .realisasi)
            let read = ContinuousClock.now
            let preview = Importer.pratinjau(hasil, pd: pd, existing: data)
            let end = ContinuousClock.now
            func ms(_ duration: Duration) -> Double {
                Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            }
            let total = ms(end - start)
            context.console.print(
                String(
                    format: "%7d   %10.1f   %12.1f   %26.2f   %6d", size, ms(read - start), ms(end - read),
                    total / Double(size) * 1000, preview.perubahan.jumlah))
        }
    }

    /// A Renja T-C.33 of about `rows` rows (the synthetic kabupaten's plan of one large PD, two indicators per sub
    /// kegiatan, year n and prakiraan maju), read, planned and applied to an empty PD of `DATABASE_URL`; the
    /// figures beside the goal (preview under 3 s, apply under 5 s, release build on SQLite).
    func renja(_ context: CommandContext, rows wanted: Int) async throws {
        // 411 rows a program (its outcome, 10 kegiatan, 200 sub kegiatan with two indicators each); at most 99
        // programs in one bidang.
        let programs = min(99, max(1, wanted / 411))
        let data = try SyntheticKabupaten(
            jumlahPD: 1, seed: 3, jumlahTahun: 2, programPerPD: programs, kegiatanPerProgram: 10, subPerKegiatan: 20
        ).build()
        let index = IndeksKinerja(data)
        var lines = [
            "Tabel 3.2 Rumusan Rencana Program dan Kegiatan Tahun 2025",
            "Kode;Program/Kegiatan/Sub Kegiatan;Indikator Kinerja Program (Outcome)/Kegiatan (Output);Lokasi;"
                + "Target Capaian Kinerja 2025;Kebutuhan Dana/Pagu Indikatif 2025;Sumber Dana;"
                + "Prakiraan Maju Target 2026;Prakiraan Maju Pagu 2026",
            "1;2;3;4;5;6;7;8;9",
        ]
        func rp(_ value: Rupiah?) -> String {
            value.map { IndonesianFormat.rupiah($0).replacingOccurrences(of: "Rp ", with: "") } ?? ""
        }
        func walk(_ node: ElemenRencana) {
            if let kode = node.kode {
                let indicators = index.indikatorPerElemen[node.id] ?? []
                for (position, indikator) in indicators.enumerated() {
                    let targets = index.targetPerIndikator[indikator.id] ?? []
                    let t25 = targets.first { $0.periode.tahun == 2025 }?.teks ?? ""
                    let t26 = targets.first { $0.periode.tahun == 2026 }?.teks ?? ""
                    let first = position == 0
                    lines.append(
                        [
                            first ? kode.asli : "", first ? node.uraian : "", indikator.nama, first ? "Kabupaten" : "",
                            t25 + " " + indikator.satuan, first ? rp(index.pagu(node.id, tahun: 2025)) : "",
                            first ? "DAU" : "", t26, first ? rp(index.pagu(node.id, tahun: 2026)) : "",
                        ].joined(separator: ";"))
                }
            }
            for child in index.anakDari(node.id) { walk(child) }
        }
        for root in data.elemen where root.induk == nil && root.tingkat == .program { walk(root) }
        let csv = Data(lines.joined(separator: "\n").utf8)
        context.console.print("Renja T-C.33 sintetis: \(lines.count - 3) baris, \(csv.count / 1024) kB")
        let store = KinerjaStore(context.application.db)
        try await context.application.autoMigrate()
        func s(_ duration: Duration) -> String {
            String(
                format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        // Three runs, each into a new Pemda: this machine's neighbours make single runs vary by a second; the median
        // and the best are printed beside each run.
        var previews: [Duration] = []
        var applies: [Duration] = []
        for run in 1...3 {
            let pemda = Pemda(nama: "Kabupaten Bench Impor \(UUID().uuidString.prefix(8))")
            let pd = PerangkatDaerah(kode: "BENCH", nama: "Dinas Bench")
            try await store.create(DataKinerja(pemda: pemda, perangkatDaerah: [pd]))
            let parseStart = ContinuousClock.now
            _ = try TabelMasukan.baca(csv, namaBerkas: "renja.csv")
            let parsed = ContinuousClock.now - parseStart
            let start = ContinuousClock.now
            let hasil = Importer.baca(csv, namaBerkas: "renja.csv", dokumen: .renja)
            let read = ContinuousClock.now
            let preview = Importer.pratinjau(
                hasil, pd: pd,
                existing: try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganVersi: true))
            let planned = ContinuousClock.now
            let written = try await store.apply(preview.perubahan, pemda: pemda.id)
            let applied = ContinuousClock.now
            previews.append(planned - start)
            applies.append(applied - planned)
            context.console.print(
                "lari \(run): temuan \(hasil.temuan.count), galat \(preview.galat.count), baris ditulis \(written); "
                    + "membaca CSV saja \(s(parsed)); baca \(s(read - start)) · rencana \(s(planned - read)) · "
                    + "pratinjau \(s(planned - start)) · terapkan \(s(applied - planned))")
            try await store.hapus(pemda: pemda.id)
        }
        let median = { (values: [Duration]) in values.sorted()[values.count / 2] }
        context.console.print(
            "pratinjau: median \(s(median(previews))), terbaik \(s(previews.min()!)) (sasaran < 3 s)")
        context.console.print(
            "terapkan (satu perubahan data, satu transaksi): median \(s(median(applies))), terbaik \(s(applies.min()!)) "
                + "(sasaran < 5 s)")
    }
}
