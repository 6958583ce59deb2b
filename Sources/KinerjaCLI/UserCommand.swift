import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaWeb
import Vapor

/// `kinerja user add NAMA --peran admin --pemda "Kabupaten X" [--pd KODE] [--nama "Nama Lengkap"]`: creates an
/// account (the first admin, typically). The password is read from `KINERJA_SANDI` or asked at the prompt.
/// `kinerja user unlock NAMA`: lifts the login throttling of a name (every address).
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "aksi", help: "add | unlock")
        var aksi: String
        @Argument(name: "nama_pengguna", help: "Nama pengguna (huruf kecil, angka, . - _)")
        var namaPengguna: String
        @Option(name: "peran", help: "admin, operator, kepala, evaluator, pimpinan")
        var peran: String?
        @Option(name: "pemda", help: "Nama Pemda (bila ada lebih dari satu)")
        var pemda: String?
        @Option(name: "pd", help: "Kode perangkat daerah (operator dan kepala)")
        var pd: String?
        @Option(name: "nama", help: "Nama lengkap")
        var nama: String?
        @Option(name: "email", help: "Alamat email untuk pemberitahuan (bila server SMTP diatur)")
        var email: String?
    }

    var help: String { "Menambah akun pengguna: kinerja user add NAMA --peran admin --pemda \"Kabupaten X\"." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.aksi == "unlock" {
            let app = context.application
            try await app.autoMigrate()
            try await KinerjaStore(app.db).unlockLogin(namaPengguna: signature.namaPengguna)
            context.console.print("Kunci masuk \(signature.namaPengguna) dibuka.")
            return
        }
        guard signature.aksi == "add" else {
            throw DomainError.tidakSah(field: "aksi", pesan: "Aksi yang tersedia: add, unlock.")
        }
        guard let peran = Peran(rawValue: signature.peran ?? "admin") else {
            throw DomainError.tidakSah(
                field: "--peran", pesan: "Peran harus admin, operator, kepala, evaluator, atau pimpinan.")
        }
        let app = context.application
        try await app.autoMigrate()
        let store = KinerjaStore(app.db)
        let pemda = try await resolvePemda(store, nama: signature.pemda)
        var pd: PerangkatDaerah?
        if let kode = signature.pd {
            guard let found = try await store.pd(pemda: pemda.id, kode: kode) else {
                throw DomainError.tidakSah(field: "--pd", pesan: "Perangkat daerah \(kode) tidak ada di \(pemda.nama).")
            }
            pd = found
        }
        let user = try Pengguna(
            namaPengguna: signature.namaPengguna, namaLengkap: signature.nama ?? "", peran: peran, pemda: pemda.id,
            perangkatDaerah: pd?.id, email: signature.email ?? "")
        let sandi = Environment.get("KINERJA_SANDI") ?? context.console.ask("Kata sandi", isSecure: true)
        try Pengguna.periksaSandi(sandi)
        try await store.add(user, sandiHash: try await app.passwordHasher.hash(sandi))
        context.console.print("Pengguna \(user.namaPengguna) (\(peran.label), \(pemda.nama)) dibuat.")
    }
}
