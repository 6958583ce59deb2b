import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaWeb
import Vapor

/// `kinerja pemda add "Kabupaten X" --jenis kabupaten --ibukota "Y" [--alamat "…"] [--logo FILE] [--rpjmd 2025-2029]`:
/// creates a Pemda (with the Permendagri 86 bands, its address and logo for the kop, and its RPJMD period).
struct PemdaCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "aksi", help: "add")
        var aksi: String
        @Argument(name: "nama", help: "Nama Pemda, mis. \"Kabupaten Batu Bara\"")
        var nama: String
        @Option(name: "jenis", help: "kabupaten (bawaan), kota, provinsi")
        var jenis: String?
        @Option(name: "ibukota", help: "Ibu kota: tempat penandatanganan dokumen")
        var ibukota: String?
        @Option(name: "alamat", help: "Alamat kantor, untuk kop dokumen")
        var alamat: String?
        @Option(name: "kepala-daerah", help: "Nama Bupati/Walikota/Gubernur, penanda tangan PK")
        var kepalaDaerah: String?
        @Option(name: "logo", help: "Berkas logo PNG atau JPEG (maks. 1 MB), untuk kop dokumen")
        var logo: String?
        @Option(name: "rpjmd", help: "Periode RPJMD, mis. 2025-2029")
        var rpjmd: String?
    }

    var help: String {
        "Membuat Pemda: kinerja pemda add \"Kabupaten X\" --jenis kabupaten --ibukota \"Y\" --rpjmd 2025-2029."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let store = KinerjaStore(app.db)
        switch signature.aksi {
        case "add":
            let nama = signature.nama.trimmedSpaces()
            guard !nama.isEmpty else {
                throw DomainError.tidakSah(
                    field: "nama", pesan: "Sebutkan nama Pemda: kinerja pemda add \"Kabupaten X\".")
            }
            guard let jenis = Pemda.Jenis(rawValue: signature.jenis ?? "kabupaten") else {
                throw DomainError.tidakSah(field: "--jenis", pesan: "Jenis harus kabupaten, kota, atau provinsi.")
            }
            let logo = try signature.logo.map { try readFile($0) }
            let pemda = Pemda(nama: nama, jenis: jenis, ibukota: signature.ibukota ?? "")
            try await store.addPemda(
                pemda,
                profil: ProfilPemda(
                    alamat: signature.alamat ?? "", logo: logo, kepalaDaerah: signature.kepalaDaerah ?? ""),
                rpjmd: try signature.rpjmd.map(Self.periode))
            context.console.print(
                "Pemda \(nama) dibuat. Berikutnya: kinerja user add NAMA --peran admin --pemda \"\(nama)\".")
        default:
            throw DomainError.tidakSah(field: "aksi", pesan: "Aksi yang tersedia: add.")
        }
    }

    /// `2025-2029` as an RPJMD period.
    static func periode(_ text: String) throws -> Periode {
        let parts = text.split(separator: "-").map { Int($0.trimmedSpaces()) }
        guard parts.count == 2, let awal = parts[0], let akhir = parts[1] else {
            throw DomainError.tidakSah(field: "--rpjmd", pesan: "Periode RPJMD ditulis TAHUN-TAHUN, mis. 2025-2029.")
        }
        return try Periode(jenis: .rpjmd, tahunAwal: awal, tahunAkhir: akhir)
    }
}
