import Fluent
import Foundation
import KinerjaApplication
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaWeb
import Vapor

/// `kinerja demo`: loads the demo Pemda (from the seed documents) into the configured database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "berkas", help: "Tulis juga contoh berkas Tabel 3.2 dan Tabel 2.1 (XLSX) ke folder ini")
        var berkas: String?
    }
    var help: String { "Memuat data demo (tiga Pemda dari dokumen contoh) ke basis data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if let folder = signature.berkas {
            let url = URL(fileURLWithPath: folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try ContohBerkas.tabel32().write(to: url.appendingPathComponent("seed003-tabel-3.2.xlsx"))
            try ContohBerkas.tabel21().write(to: url.appendingPathComponent("seed003-tabel-2.1.xlsx"))
            context.console.print("Contoh berkas ditulis ke \(folder): seed003-tabel-3.2.xlsx, seed003-tabel-2.1.xlsx")
        }
        try await app.autoMigrate()
        let sets = try await Demo.load(into: KinerjaStore(app.db))
        try await AkunDemo.buat(app)
        for data in sets {
            context.console.print(
                "\(data.pemda.nama): \(data.perangkatDaerah.count) PD, \(data.elemen.count) elemen, "
                    + "\(data.indikator.count) indikator, \(data.target.count) target, \(data.pagu.count) pagu, "
                    + "\(data.realisasi.count) realisasi")
        }
        context.console.print(
            "Akun demo (sandi \(AkunDemo.sandi)): "
                + AkunDemo.daftar.map { "\($0.nama) (\($0.peran.label))" }.joined(separator: ", "))
    }
}

/// `kinerja generate --pd 50 --seed N`: builds a large synthetic kabupaten deterministically.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "pd", help: "Jumlah perangkat daerah (bawaan 50)")
        var pd: Int?
        @Option(name: "seed", help: "Benih acak (bawaan 1); benih sama, data sama")
        var seed: Int?
    }

    var help: String { "Membuat kabupaten sintetis besar untuk uji dan benchmark." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = signature.pd ?? 50
        guard (1...500).contains(count) else {
            throw DomainError.tidakSah(field: "--pd", pesan: "Jumlah PD harus 1-500.")
        }
        let seed = signature.seed ?? 1
        guard seed >= 0 else { throw DomainError.tidakSah(field: "--seed", pesan: "Benih tidak boleh negatif.") }
        let app = context.application
        try await app.autoMigrate()
        let started = ContinuousClock.now
        let data = try SyntheticKabupaten(jumlahPD: count, seed: UInt64(seed)).build()
        let store = KinerjaStore(app.db)
        if let existing = try await store.pemda(nama: data.pemda.nama) { try await store.hapus(pemda: existing.id) }
        try await store.create(data)
        let subCount = data.elemen.filter { $0.tingkat == .subKegiatan }.count
        context.console.print(
            "\(data.pemda.nama): \(data.perangkatDaerah.count) PD, \(subCount) sub kegiatan, \(data.indikator.count) indikator, "
                + "\(data.target.count) target, \(data.pagu.count) pagu, \(data.realisasi.count) realisasi kinerja, "
                + "\(data.anggaran.count) realisasi anggaran (\(ContinuousClock.now - started))")
    }
}
