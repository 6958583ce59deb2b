import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// `kinerja alur tetapkan --pemda "Kabupaten X" --tahun 2023 [--status dikunci] [--pd KODE]`: sets the status of
/// every item of a year that has entries (realisasi triwulan, Renstra, Renja, Renja Perubahan, PK) directly, for
/// figures approved before Kinerja (a Pemda's past years brought in by import). `kinerja alur status …` lists them.
struct AlurCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "aksi", help: "tetapkan, status")
        var aksi: String
        @Option(name: "pemda", help: "Nama Pemda")
        var pemda: String?
        @Option(name: "tahun", help: "Tahun")
        var tahun: Int?
        @Option(name: "status", help: "dikunci (bawaan), diverifikasi, disetujui")
        var status: String?
        @Option(name: "pd", help: "Kode perangkat daerah (bawaan: semua)")
        var pd: String?
    }

    var help: String {
        "Status alur: kinerja alur tetapkan --pemda \"Kabupaten X\" --tahun 2023 (tahun lampau yang sudah disahkan)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let store = KinerjaStore(app.db)
        guard let name = signature.pemda, let pemda = try await store.pemda(nama: name) else {
            throw DomainError.tidakSah(field: "--pemda", pesan: "Sebutkan Pemda yang ada: --pemda \"Kabupaten X\".")
        }
        guard let tahun = signature.tahun, Batas.tahun.contains(tahun) else {
            throw DomainError.tidakSah(field: "--tahun", pesan: "Sebutkan tahun: --tahun 2023.")
        }
        var pdID: TypedID<PerangkatDaerah>?
        if let kode = signature.pd {
            guard let pd = try await store.pd(pemda: pemda.id, kode: kode) else {
                throw DomainError.tidakDitemukan("Perangkat daerah \(kode)")
            }
            pdID = pd.id
        }
        let names = Dictionary(
            try await store.listPD(pemda: pemda.id).map { ($0.id, $0.nama) }, uniquingKeysWith: { first, _ in first })
        switch signature.aksi {
        case "tetapkan":
            guard let status = StatusAlur(rawValue: signature.status ?? "dikunci"),
                [.disetujui, .diverifikasi, .dikunci].contains(status)
            else {
                throw DomainError.tidakSah(
                    field: "--status", pesan: "Status harus disetujui, diverifikasi, atau dikunci.")
            }
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pdID, tahun: tahun)
            let now = Date()
            let items = data.objekBerisi(tahun: tahun).map {
                StatusTersimpan(
                    objek: $0, status: status, catatan: "Ditetapkan lewat perintah kinerja alur",
                    oleh: KinerjaCLI.pelaku,
                    waktu: now)
            }
            guard !items.isEmpty else {
                context.console.print("Tidak ada data tahun \(tahun) untuk ditetapkan.")
                return
            }
            try await store.apply(
                PerubahanData {
                    $0.penetapan = items
                    $0.oleh = KinerjaCLI.pelaku
                    $0.sumber = "perintah kinerja alur tetapkan"
                }, pemda: pemda.id, sekarang: now)
            context.console.print("\(items.count) butir tahun \(tahun) ditetapkan \(status.label.lowercased()).")
        case "status":
            let stored = try await store.statusAlur(pemda: pemda.id, pd: pdID, tahun: tahun)
            for item in stored.sorted(by: {
                ($0.objek.perangkatDaerah.uuid.uuidString, $0.objek.triwulan) < (
                    $1.objek.perangkatDaerah.uuid.uuidString, $1.objek.triwulan
                )
            }) {
                context.console.print(
                    "\(names[item.objek.perangkatDaerah] ?? "?") · \(item.objek.label): \(item.status.label) "
                        + "(\(item.oleh), \(IndonesianFormat.waktu(item.waktu)))")
            }
            if stored.isEmpty { context.console.print("Semua butir tahun \(tahun) masih draf.") }
        default:
            throw DomainError.tidakSah(field: "aksi", pesan: "Aksi yang tersedia: tetapkan, status.")
        }
    }

}
