import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// Accounts, sessions and login attempts. Password hashing and session tokens are made by the web layer; this
/// layer stores only the hashes.
extension KinerjaStore {
    /// A session found by its token hash, with its user.
    public struct Sesi: Sendable {
        public var id: UUID
        public var pengguna: Pengguna
        public var csrf: String
        public var kedaluwarsa: Date
    }

    public func add(_ pengguna: Pengguna, sandiHash: String, sekarang: Date = Date()) async throws {
        try await writeUnversioned { db in
            if try await PenggunaModel.query(on: db).filter(\.$namaPengguna == pengguna.namaPengguna).first() != nil {
                throw DomainError.konflik("Nama pengguna \"\(pengguna.namaPengguna)\" sudah dipakai.")
            }
            if let pd = pengguna.perangkatDaerah,
                try await PerangkatDaerahModel.query(on: db).filter(\.$id == pd.uuid)
                    .filter(\.$pemdaID == pengguna.pemda.uuid).first() == nil
            {
                throw DomainError.tidakSah(field: "perangkat_daerah", pesan: "Perangkat daerah tidak ada di Pemda ini.")
            }
            try await PenggunaModel(pengguna, sandiHash: sandiHash, dibuat: sekarang).create(on: db)
        }
    }

    /// A user and his password hash, by login name (case-insensitive).
    public func pengguna(namaPengguna: String) async throws -> (Pengguna, sandiHash: String)? {
        let login = namaPengguna.trimmedSpaces().lowercased()
        guard let row = try await PenggunaModel.query(on: db).filter(\.$namaPengguna == login).first() else {
            return nil
        }
        return (try row.domain(), row.sandiHash)
    }

    public func pengguna(_ id: TypedID<Pengguna>) async throws -> (Pengguna, sandiHash: String)? {
        guard let row = try await PenggunaModel.find(id.uuid, on: db) else { return nil }
        return (try row.domain(), row.sandiHash)
    }

    public func listPengguna(pemda: TypedID<Pemda>) async throws -> [Pengguna] {
        try await PenggunaModel.query(on: db).filter(\.$pemdaID == pemda.uuid).sort(\.$namaPengguna).all()
            .map { try $0.domain() }
    }

    /// Changes role, PD and whether the account is active. Deactivating ends the user's sessions.
    public func update(_ pengguna: Pengguna) async throws {
        try await writeUnversioned { db in
            guard
                let row = try await PenggunaModel.query(on: db).filter(\.$id == pengguna.id.uuid)
                    .filter(\.$pemdaID == pengguna.pemda.uuid).first()
            else { throw DomainError.tidakDitemukan("Pengguna") }
            row.namaLengkap = pengguna.namaLengkap
            row.peran = pengguna.peran.rawValue
            row.perangkatDaerahID = pengguna.perangkatDaerah?.uuid
            row.aktif = pengguna.aktif
            row.email = pengguna.email
            try await row.update(on: db)
            if !pengguna.aktif {
                try await SesiModel.query(on: db).filter(\.$penggunaID == pengguna.id.uuid).delete()
            }
        }
    }

    /// Sets a new password hash and ends every session of the user except `kecuali`.
    public func ubahSandi(_ pengguna: TypedID<Pengguna>, sandiHash: String, kecuali: UUID? = nil) async throws {
        try await writeUnversioned { db in
            guard let row = try await PenggunaModel.find(pengguna.uuid, on: db) else {
                throw DomainError.tidakDitemukan("Pengguna")
            }
            row.sandiHash = sandiHash
            try await row.update(on: db)
            var query = SesiModel.query(on: db).filter(\.$penggunaID == pengguna.uuid)
            if let kecuali { query = query.filter(\.$id != kecuali) }
            try await query.delete()
        }
    }

    // MARK: - Sessions

    public func createSesi(
        pengguna: TypedID<Pengguna>, tokenHash: String, csrf: String, sekarang: Date, kedaluwarsa: Date
    ) async throws {
        let row = SesiModel()
        row.tokenHash = tokenHash
        row.penggunaID = pengguna.uuid
        row.csrf = csrf
        row.dibuat = sekarang
        row.kedaluwarsa = kedaluwarsa
        try await writeUnversioned { db in try await row.create(on: db) }
    }

    /// The live session of a token hash (nil when unknown, expired, or its user inactive).
    public func sesi(tokenHash: String, sekarang: Date) async throws -> Sesi? {
        // One query on every request: the session with its user, read beneath Fluent's models (building the two
        // models by reflection was a tenth of the CPU of a cached page).
        guard let sql = db as? any SQLDatabase else { return nil }
        guard
            let row = try await sql.raw(
                """
                SELECT s.id AS sesi_id, s.csrf, s.kedaluwarsa, p.id, p.pemda_id, p.perangkat_daerah_id, p.nama_pengguna,
                p.nama_lengkap, p.peran, p.aktif, p.email
                FROM sesi s JOIN pengguna p ON p.id = s.pengguna_id WHERE s.token_hash = \(bind: tokenHash)
                """
            ).first()
        else { return nil }
        let id = try row.decode(column: "sesi_id", as: UUID.self)
        let kedaluwarsa = try row.decode(column: "kedaluwarsa", as: Date.self)
        guard kedaluwarsa > sekarang else {
            try await writeUnversioned { db in try await SesiModel.query(on: db).filter(\.$id == id).delete() }
            return nil
        }
        guard try row.decode(column: "aktif", as: Bool.self) else { return nil }
        let pengguna = try PenggunaModel.pengguna(
            id: try row.decode(column: "id", as: UUID.self),
            namaPengguna: try row.decode(column: "nama_pengguna", as: String.self),
            namaLengkap: try row.decode(column: "nama_lengkap", as: String.self),
            peran: try row.decode(column: "peran", as: String.self),
            pemda: try row.decode(column: "pemda_id", as: UUID.self),
            perangkatDaerah: try row.decode(column: "perangkat_daerah_id", as: UUID?.self), aktif: true,
            email: try row.decode(column: "email", as: String.self))
        return Sesi(
            id: id, pengguna: pengguna, csrf: try row.decode(column: "csrf", as: String.self), kedaluwarsa: kedaluwarsa)
    }

    public func extendSesi(_ id: UUID, kedaluwarsa: Date) async throws {
        try await writeUnversioned { db in
            try await SesiModel.query(on: db).filter(\.$id == id).set(\.$kedaluwarsa, to: kedaluwarsa).update()
        }
    }

    public func deleteSesi(tokenHash: String) async throws {
        try await writeUnversioned { db in
            try await SesiModel.query(on: db).filter(\.$tokenHash == tokenHash).delete()
        }
    }

    // MARK: - Login throttling

    /// Records a login attempt *before* its password is checked, so that the count that follows is atomic: of N
    /// concurrent attempts for one name and address, the k-th to be recorded sees at least k, and no more attempts
    /// are checked than the limit allows. The row is pending (`berhasil` true: not a failure yet); a failed check
    /// marks it failed (`gagal`), a successful one removes it (`loginSucceeded`), a refused attempt removes it
    /// (`cancelPercobaan`). Pending rows count only for their own name and address, so that colleagues behind
    /// one office address logging in at the same moment do not lock each other out.
    public func recordPercobaan(namaPengguna: String, alamat: String, waktu: Date) async throws -> UUID {
        let row = PercobaanMasukModel()
        row.id = UUID.acak()
        row.namaPengguna = namaPengguna.lowercased()
        row.alamat = alamat
        row.waktu = waktu
        row.berhasil = true
        try await writeUnversioned { db in try await row.create(on: db) }
        return row.id!
    }

    /// The attempt's password was wrong: it counts as a failure from now on.
    public func gagal(percobaan id: UUID) async throws {
        try await writeUnversioned { db in
            try await PercobaanMasukModel.query(on: db).filter(\.$id == id).set(\.$berhasil, to: false).update()
        }
    }

    public func cancelPercobaan(_ id: UUID) async throws {
        try await writeUnversioned { db in try await PercobaanMasukModel.query(on: db).filter(\.$id == id).delete() }
    }

    /// Attempts since `sejak`: failed or still being checked for the name from this address (the pair); failed
    /// from this address for any name, and for the name from any address; the oldest of the pair's, to say when
    /// its lock ends.
    public func failedLogins(
        namaPengguna: String, alamat: String, sejak: Date
    ) async throws -> (
        pasangan: Int, alamat: Int, nama: Int, tertua: Date?
    ) {
        let name = namaPengguna.lowercased()
        let pair = try await PercobaanMasukModel.query(on: db).filter(\.$namaPengguna == name)
            .filter(\.$alamat == alamat).filter(\.$waktu >= sejak).sort(\.$waktu).all()
        let byAddress = try await PercobaanMasukModel.query(on: db).filter(\.$alamat == alamat)
            .filter(\.$waktu >= sejak).filter(\.$berhasil == false).count()
        let byName = try await PercobaanMasukModel.query(on: db).filter(\.$namaPengguna == name)
            .filter(\.$waktu >= sejak).filter(\.$berhasil == false).count()
        return (pair.count, byAddress, byName, pair.first?.waktu)
    }

    /// After a successful login: this attempt and the earlier failures of the same name from the same address no
    /// longer count; attempts older than `sebelum` are pruned.
    public func loginSucceeded(percobaan: UUID, namaPengguna: String, alamat: String, sebelum: Date) async throws {
        try await writeUnversioned { db in
            try await PercobaanMasukModel.query(on: db).filter(\.$id == percobaan).delete()
            try await PercobaanMasukModel.query(on: db).filter(\.$namaPengguna == namaPengguna.lowercased())
                .filter(\.$alamat == alamat).filter(\.$berhasil == false).delete()
            try await PercobaanMasukModel.query(on: db).filter(\.$waktu < sebelum).delete()
        }
    }

    /// The admin lifts every lock on a name (all addresses).
    public func unlockLogin(namaPengguna: String) async throws {
        try await writeUnversioned { db in
            try await PercobaanMasukModel.query(on: db).filter(\.$namaPengguna == namaPengguna.lowercased())
                .delete()
        }
    }
}

extension KinerjaStore {
    /// The Pemda's organisation only (periods, PD, unit kerja, pejabat): four small queries, no plan rows.
    public func loadOrganisasi(pemda id: TypedID<Pemda>) async throws -> DataKinerja {
        let pemda = try await pemda(id)
        return DataKinerja(
            pemda: pemda,
            periode: try await PeriodeModel.query(on: db).filter(\.$pemdaID == id.uuid).sort(\.$tahunAwal).all()
                .map { try $0.domain() },
            perangkatDaerah: try await listPD(pemda: id),
            unitKerja: try await UnitKerjaModel.query(on: db).filter(\.$pemdaID == id.uuid).all().map {
                try $0.domain()
            },
            pejabat: try await PejabatModel.query(on: db).filter(\.$pemdaID == id.uuid).all().map { try $0.domain() })
    }
}

extension KinerjaStore {
    /// The PD an indicator belongs to: `.some(nil)` for the Pemda's own (RPJMD), nil when it is not in the Pemda.
    public func pemilikIndikator(
        _ id: TypedID<Indikator>, pemda: TypedID<Pemda>
    ) async throws -> TypedID<PerangkatDaerah>?? {
        guard
            let row = try await IndikatorModel.query(on: db).filter(\.$id == id.uuid).filter(\.$pemdaID == pemda.uuid)
                .first()
        else { return nil }
        return .some(row.perangkatDaerahID.map(TypedID.init))
    }
}
