import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The demo's accounts: one per role in Kabupaten Batu Bara, an operator of another PD, and an admin of each
/// other Pemda. All have the password `demo2026` (documented in the README).
public enum AkunDemo {
    public static let sandi = "demo2026"

    public static let daftar: [(nama: String, lengkap: String, peran: Peran, pemda: String, pd: String?)] = [
        ("admin", "Admin Bappeda Batu Bara", .admin, "Kabupaten Batu Bara", nil),
        ("operator", "Operator Dinsos PPPA", .operatorPD, "Kabupaten Batu Bara", "DINSOS"),
        ("kepala", "Kepala Dinsos PPPA", .kepala, "Kabupaten Batu Bara", "DINSOS"),
        ("evaluator", "Inspektorat Batu Bara", .evaluator, "Kabupaten Batu Bara", nil),
        ("pimpinan", "Bupati Batu Bara", .pimpinan, "Kabupaten Batu Bara", nil),
        ("operator.setwan", "Operator Sekretariat DPRD", .operatorPD, "Kabupaten Batu Bara", "SETWAN"),
        ("admin.banyuasin", "Admin Bappeda Banyuasin", .admin, "Kabupaten Banyuasin", nil),
        ("admin.balangan", "Admin Bagian Organisasi Balangan", .admin, "Kabupaten Balangan", nil),
    ]

    public static func buat(_ app: Application) async throws {
        let store = KinerjaStore(app.db)
        let hash = try await app.passwordHasher.hash(sandi)
        for item in daftar {
            guard let pemda = try await store.pemda(nama: item.pemda) else { continue }
            guard try await store.pengguna(namaPengguna: item.nama) == nil else { continue }
            var pd: PerangkatDaerah?
            if let kode = item.pd { pd = try await store.pd(pemda: pemda.id, kode: kode) }
            try await store.add(
                try Pengguna(
                    namaPengguna: item.nama, namaLengkap: item.lengkap, peran: item.peran, pemda: pemda.id,
                    perangkatDaerah: pd?.id),
                sandiHash: hash)
        }
    }
}
