import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import Vapor

/// `kinerja bench-impor`: times reading and planning a realisasi CSV of 2 000, 8 000, 32 000 and 128 000 rows
/// against one synthetic PD (no database), and prints the time per 1 000 rows, which stays flat when the preview is
/// linear. The preview was quadratic before: 2 000 rows 2,4 s, 8 000 rows 38 s.
struct BenchImporCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "maks", help: "Baris terbanyak (bawaan 128000)")
        var maks: Int?
    }

    var help: String { "Mengukur pratinjau impor realisasi: waktu per 1.000 baris untuk 2.000 sampai 128.000 baris." }

    func run(using context: CommandContext, signature: Signature) async throws {
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
}
