import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

extension KinerjaStore {
    /// Rows per INSERT statement: far below SQLite's 32 766 and PostgreSQL's 65 535 bound parameters.
    static let chunk = 400

    /// Stores a whole new data set (a Pemda with its PD and plans) in one transaction: all or nothing. The tree is
    /// validated first (levels, kode prefixes, duplicate kode) so that nothing half-valid is written; then the Pemda
    /// is created and everything else goes through the one write path as one change set (`PerubahanData(semua:)`).
    public func create(_ data: DataKinerja) async throws {
        try data.pemda.validasi()
        try ValidasiData.periksa(data)
        let perubahan = PerubahanData(semua: data)
        try Self.checkEntries(perubahan)
        let now = Date()
        try await write(pemda: data.pemda.id, besar: perubahan.jumlah > 20_000) { db in
            try await Self.insertPemda(data.pemda, profil: .init(), rpjmd: nil, on: db)
            _ = try await self.apply(
                perubahan, pemda: data.pemda.id.uuid, sekarang: now, riwayat: false, on: db)
        }
    }

    func insert<M: Model>(_ rows: [M], on db: any Database) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + Self.chunk, rows.count)
            try await Array(rows[start..<end]).create(on: db)
            start = end
        }
    }

    /// Orders items so that every parent comes before its children.
    static func parentsFirst<T, ID: Hashable>(_ items: [T], id: KeyPath<T, ID>, parent: KeyPath<T, ID?>) -> [T] {
        let byParent = Dictionary(grouping: items) { $0[keyPath: parent] }
        let ids = Set(items.map { $0[keyPath: id] })
        var result: [T] = []
        result.reserveCapacity(items.count)
        var queue = items.filter { item in item[keyPath: parent].map { !ids.contains($0) } ?? true }
        while let next = queue.popLast() {
            result.append(next)
            queue += byParent[next[keyPath: id]] ?? []
        }
        return result
    }

    /// Loads everything of a Pemda, or of one of its PD (with the Pemda's own RPJMD elements when `denganRPJMD`),
    /// with one query per table: the cost does not grow with the number of elements (no N+1).
    ///
    /// With `tahun`, targets, pagu and realisasi are those of that year only (a page about one year needs no
    /// other).
    public func load(
        pemda id: TypedID<Pemda>, perangkatDaerah pd: TypedID<PerangkatDaerah>? = nil, denganRPJMD: Bool = false,
        tahun: Int? = nil, denganVersi: Bool = false
    ) async throws -> DataKinerja {
        if let tahunPD, let pd, !denganRPJMD, !denganVersi {
            var langsung = self
            langsung.tahunPD = nil
            return try await tahunPD(id, pd, tahun) { [langsung] in
                try await langsung.load(pemda: id, perangkatDaerah: pd, tahun: tahun)
            }
        }
        let pdID = pd?.uuid
        let scope = Scope(pemda: id.uuid, pd: pdID, denganRPJMD: denganRPJMD, tahun: tahun)

        // The large tables in two halves of about the same decoding work, the second read through `pembacaKedua`
        // while the first is read here (a whole Pemda's 622 000 rows took 0,8 s one after the other), the small
        // ones (the Pemda, its PD, units, officials, periods, urusan: seven queries) after the second half. In a
        // transaction everything is read on its connection, in order.
        @Sendable func separuh(_ store: KinerjaStore) async throws -> ([Target], [Indikator], [Pagu], Kecil) {
            (
                try await store.loadTarget(scope), try await store.loadIndikator(scope),
                try await store.loadPagu(scope), try await store.loadKecil(pemda: id, pd: pd)
            )
        }
        var kedua: KinerjaStore?
        if !db.inTransaction, let pembaca = pembacaKedua { kedua = KinerjaStore(pembaca) }
        async let dariKedua: ([Target], [Indikator], [Pagu], Kecil)? = { [kedua] in
            guard let kedua else { return nil }
            return try await separuh(kedua)
        }()
        let elemen = try await loadElemen(scope)
        let realisasi = try await loadRealisasi(scope)
        let anggaran = try await loadAnggaran(scope)
        let dibaca = try await dariKedua
        let (target, indikator, pagu, kecil) = if let dibaca { dibaca } else { try await separuh(self) }
        var data = DataKinerja(
            pemda: kecil.pemda, periode: kecil.periode, perangkatDaerah: kecil.perangkatDaerah,
            unitKerja: kecil.unitKerja, pejabat: kecil.pejabat, elemen: elemen, indikator: indikator, target: target,
            pagu: pagu, realisasi: realisasi, anggaran: anggaran)
        data.urusan = kecil.urusan
        if denganVersi { data.versi = try await loadVersi(scope) }
        return data
    }

    /// What a load reads besides its large tables: the Pemda, its PD (or the one), their units and officials, the
    /// periods (the PD's and the Pemda's), the Pemda's urusan.
    struct Kecil: Sendable {
        var pemda: Pemda
        var perangkatDaerah: [PerangkatDaerah]
        var unitKerja: [UnitKerja]
        var pejabat: [Pejabat]
        var periode: [Periode]
        var urusan: [Urusan]
    }

    func loadKecil(pemda id: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>?) async throws -> Kecil {
        let pemdaID = id.uuid
        let pdID = pd?.uuid
        let pemda = try await pemda(id)
        // One PD's load reads its own row only (a part of the dashboard read all 50 through Fluent's reflection:
        // a twentieth of a cold dashboard).
        var pdQuery = PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemdaID)
        if let pdID { pdQuery = pdQuery.filter(\.$id == pdID) }
        let pds = try await pdQuery.sort(\.$kode).all().map { $0.domain() }
        var unitQuery = UnitKerjaModel.query(on: db).filter(\.$pemdaID == pemdaID)
        var pejabatQuery = PejabatModel.query(on: db).filter(\.$pemdaID == pemdaID)
        var periodeQuery = PeriodeModel.query(on: db).filter(\.$pemdaID == pemdaID)
        if let pdID {
            unitQuery = unitQuery.filter(\.$perangkatDaerahID == pdID)
            pejabatQuery = pejabatQuery.filter(\.$perangkatDaerahID == pdID)
            periodeQuery = periodeQuery.group(.or) {
                $0.filter(\.$perangkatDaerahID == pdID).filter(\.$perangkatDaerahID == .null)
            }
        }
        return Kecil(
            pemda: pemda, perangkatDaerah: pds, unitKerja: try await unitQuery.all().map { try $0.domain() },
            pejabat: try await pejabatQuery.all().map { try $0.domain() },
            periode: try await periodeQuery.sort(\.$tahunAwal).all().map { try $0.domain() },
            urusan: try await UrusanModel.query(on: db).filter(\.$pemdaID == pemdaID).sort(\.$kode).all()
                .map { Urusan(kode: $0.kode, nama: $0.nama) })
    }
}
