import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// The one domain-facing service through which everything is read and written. Writes validate with the
/// domain's rules and run in a transaction; later concerns (audit, workflow) hook in here.
public struct KinerjaStore: Sendable {
    public let db: any Database
    /// Where a PD's data, once read by `load(pemda:perangkatDaerah:tahun:)` — one year, or every year when the
    /// year is nil — is kept for the next reader of it: given the Pemda, the PD, the year and the load itself. The
    /// web keeps it per PD version, so that the pages a save makes again (the PD page, the realisasi form, the PD's
    /// reports, its dashboard part) read it once.
    public var tahunPD: TahunPD?

    public typealias TahunPD =
        @Sendable (
            TypedID<Pemda>, TypedID<PerangkatDaerah>, Int?, @Sendable () async throws -> DataKinerja
        ) async throws -> DataKinerja

    /// Told, after it commits, of a write that changed only draft realisasi already stored in one PD
    /// (`TulisanDraf`): the web derives the PD's data at the new version from the data it holds at the version before,
    /// instead of reading the PD again.
    public var sesudahDraf: SesudahDraf?

    public typealias SesudahDraf = @Sendable (TulisanDraf) -> Void

    /// A second way to the same database, for reading half of a load's tables while `db` reads the other half
    /// (`load`): on SQLite the pool of another event loop (its driver keeps one connection per loop), on
    /// PostgreSQL another of the pool's connections. Nil: one after the other. Never used inside a transaction.
    public var pembacaKedua: (any Database)?

    public init(_ db: any Database) { self.db = db }

    public init(_ db: any Database, tahunPD: @escaping TahunPD) {
        self.db = db
        self.tahunPD = tahunPD
    }

    // MARK: - Pemda

    public func listPemda() async throws -> [Pemda] {
        let rows = try await PemdaModel.query(on: db).sort(\.$nama).all()
        let bands = try await KategoriModel.query(on: db).all()
        let bandsByPemda = Dictionary(grouping: bands, by: \.pemdaID)
        return try rows.map { try $0.domain(kategori: bandsByPemda[$0.id!] ?? []) }
    }

    public func pemda(_ id: TypedID<Pemda>) async throws -> Pemda {
        guard let pemda = try await pemdaJikaAda(id) else { throw DomainError.tidakDitemukan("Pemda") }
        return pemda
    }

    /// The Pemda of an id from a URL: nil when unknown.
    public func pemdaJikaAda(_ id: TypedID<Pemda>) async throws -> Pemda? {
        let bacaan = BacaanPemda()
        try await Self.bacaBanyak(bacaan.bacaan(id), on: db)
        return try bacaan.pemda()
    }

    public func pemda(nama: String) async throws -> Pemda? {
        guard let row = try await PemdaModel.query(on: db).filter(\.$nama == nama).first() else { return nil }
        return try await pemda(TypedID(row.id!))
    }

    /// Deletes a Pemda with everything of it: its rows go by the foreign keys' cascade; its history, which has none
    /// (history outlives the rows it tells of), by its Pemda. Its data versions stay (one row each, raised by this
    /// write): a Pemda created again with the same id never meets a cached page of its previous life.
    public func hapus(pemda: TypedID<Pemda>) async throws {
        try await write(pemda: pemda) { db in
            try await PemdaModel.query(on: db).filter(\.$id == pemda.uuid).delete()
            try await RiwayatModel.query(on: db).filter(\.$pemdaID == pemda.uuid).delete()
        }
    }

    // MARK: - Perangkat daerah

    public func listPD(pemda: TypedID<Pemda>) async throws -> [PerangkatDaerah] {
        try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda.uuid).sort(\.$kode).all()
            .map { $0.domain() }
    }

    public func pd(pemda: TypedID<Pemda>, kode: String) async throws -> PerangkatDaerah? {
        try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$kode == kode).first()?
            .domain()
    }
}

extension KinerjaStore {
    /// The lengths and forms every organisation entry must have, whichever way it enters (form, import, CLI).
    static func periksa(_ pd: PerangkatDaerah) throws(DomainError) {
        guard !pd.nama.trimmedSpaces().isEmpty else {
            throw .tidakSah(field: "nama", pesan: "Kode dan nama PD wajib diisi.")
        }
        try Batas.periksaKodePD(pd.kode)
        try Batas.periksa(pd.nama, field: "nama", maks: Batas.nama, label: "Nama PD")
        try Batas.periksa(pd.singkatan, field: "singkatan", maks: Batas.satuan, label: "Singkatan")
    }

    static func periksa(_ unit: UnitKerja) throws(DomainError) {
        try Batas.periksa(unit.nama, field: "unit_kerja", maks: Batas.nama, label: "Nama unit kerja")
        try Batas.periksa(unit.jabatan, field: "jabatan", maks: Batas.nama, label: "Jabatan")
    }

    static func periksa(_ pejabat: Pejabat) throws(DomainError) {
        try Batas.periksa(pejabat.nama, field: "nama_pejabat", maks: Batas.namaOrang, label: "Nama pejabat")
        try Batas.periksa(pejabat.pangkat, field: "pangkat", maks: Batas.nama, label: "Pangkat")
    }
}
