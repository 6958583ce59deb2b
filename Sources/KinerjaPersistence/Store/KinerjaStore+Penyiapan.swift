import FluentKit
import Foundation
import KinerjaDomain

/// The first day of an installation: is there a Pemda yet, the one-time setup codes, the Pemda's profile (address
/// and logo for the kop), and creating the Pemda with its RPJMD period and first admin in one transaction.
extension KinerjaStore {
    /// Setup codes are valid for a day.
    public static let umurKodePenyiapan: TimeInterval = 86_400

    public func hasPemda() async throws -> Bool {
        try await PemdaModel.query(on: db).first() != nil
    }

    /// Stores the SHA-256 of a freshly printed setup code (every code printed within a day is accepted, so any
    /// instance's code works).
    public func createKodePenyiapan(hash: String, sekarang: Date = Date()) async throws {
        try await writeUnversioned { db in
            try await KodePenyiapanModel.query(on: db)
                .filter(\.$dibuat < sekarang.addingTimeInterval(-Self.umurKodePenyiapan)).delete()
            let row = KodePenyiapanModel()
            row.kodeHash = hash
            row.dibuat = sekarang
            try await row.create(on: db)
        }
    }

    /// The Pemda's address and, when asked, its logo.
    public func profil(pemda: TypedID<Pemda>, denganLogo: Bool = false) async throws -> ProfilPemda {
        var query = PemdaProfilModel.query(on: db).filter(\.$id == pemda.uuid)
        if !denganLogo { query = query.field(\.$id).field(\.$alamat).field(\.$logoJenis).field(\.$kepalaDaerah) }
        guard let row = try await query.first() else { return ProfilPemda() }
        return ProfilPemda(
            alamat: row.alamat, logo: denganLogo ? row.logo : nil, logoJenis: row.logoJenis,
            kepalaDaerah: row.kepalaDaerah)
    }

    /// Creates the installation's first Pemda, its RPJMD period and its first admin, all or nothing, when no Pemda
    /// exists yet and `kodeHash` is a setup code printed within a day (pass nil from the command line, where the
    /// operator is already trusted). The codes are spent.
    public func siapkan(
        pemda: Pemda, profil: ProfilPemda, rpjmd: Periode?, admin: Pengguna, sandiHash: String, kodeHash: String?,
        sekarang: Date = Date()
    ) async throws {
        try pemda.validasi()
        try profil.periksa()
        try await write(pemda: pemda.id) { db in
            if let kodeHash {
                let valid = try await KodePenyiapanModel.query(on: db).filter(\.$kodeHash == kodeHash)
                    .filter(\.$dibuat >= sekarang.addingTimeInterval(-Self.umurKodePenyiapan)).first()
                guard valid != nil else {
                    throw DomainError.tidakSah(
                        field: "kode", pesan: "Kode penyiapan salah atau kedaluwarsa (lihat log server).")
                }
            }
            guard try await PemdaModel.query(on: db).first() == nil else {
                throw DomainError.konflik("Instalasi ini sudah disiapkan: sudah ada Pemda. Masuklah sebagai admin.")
            }
            try await Self.insertPemda(pemda, profil: profil, rpjmd: rpjmd, on: db)
            guard admin.pemda == pemda.id, admin.peran == .admin else {
                throw DomainError.tidakSah(field: "nama_pengguna", pesan: "Akun pertama harus admin Pemda ini.")
            }
            try await PenggunaModel(admin, sandiHash: sandiHash, dibuat: sekarang).create(on: db)
            try await KodePenyiapanModel.query(on: db).delete()
        }
    }

    /// A new Pemda (from the command line): the Pemda with its bands, profile and RPJMD period.
    public func addPemda(_ pemda: Pemda, profil: ProfilPemda = .init(), rpjmd: Periode? = nil) async throws {
        try pemda.validasi()
        try profil.periksa()
        try await write(pemda: pemda.id) { db in
            try await Self.insertPemda(pemda, profil: profil, rpjmd: rpjmd, on: db)
        }
    }

    static func insertPemda(_ pemda: Pemda, profil: ProfilPemda, rpjmd: Periode?, on db: any Database) async throws {
        if try await PemdaModel.query(on: db).filter(\.$nama == pemda.nama).first() != nil {
            throw DomainError.konflik("Pemda \"\(pemda.nama)\" sudah ada.")
        }
        try await PemdaModel(pemda).create(on: db)
        for band in pemda.kebijakan.kategori.pita {
            try await KategoriModel(pemda: pemda.id.uuid, band).create(on: db)
        }
        let row = PemdaProfilModel()
        row.id = pemda.id.uuid
        row.alamat = profil.alamat.trimmed()
        row.kepalaDaerah = profil.kepalaDaerah.trimmed()
        row.logo = profil.logo
        row.logoJenis = profil.logo.flatMap(ProfilPemda.jenisGambar)
        try await row.create(on: db)
        if let rpjmd {
            guard rpjmd.jenis == .rpjmd, rpjmd.perangkatDaerah == nil else {
                throw DomainError.tidakSah(field: "rpjmd", pesan: "Periode pertama harus periode RPJMD Pemda.")
            }
            try await PeriodeModel(pemda: pemda.id.uuid, rpjmd).create(on: db)
        }
    }
}

/// Column mappings of sheets the Pemda's staff mapped by hand (encoded by the import layer), by header signature.
extension KinerjaStore {
    public func listPetaKolom(pemda: TypedID<Pemda>) async throws -> [Data] {
        try await PetaKolomModel.query(on: db).filter(\.$pemdaID == pemda.uuid).sort(\.$dibuat).all().map(\.isi)
    }

    /// Saves (or replaces) the mapping of a header signature.
    public func savePetaKolom(pemda: TypedID<Pemda>, tanda: String, isi: Data, sekarang: Date = Date()) async throws {
        try await write(pemda: pemda) { db in
            let row =
                try await PetaKolomModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$tanda == tanda)
                .first() ?? PetaKolomModel()
            row.pemdaID = pemda.uuid
            row.tanda = tanda
            row.isi = isi
            row.dibuat = sekarang
            try await row.save(on: db)
        }
    }
}
