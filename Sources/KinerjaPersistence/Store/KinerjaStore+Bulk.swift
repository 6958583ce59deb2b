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
    ///
    /// With `pilihan`, only the rows it names (a report that shows some years' figures; never from the data cache).
    public func load(
        pemda id: TypedID<Pemda>, perangkatDaerah pd: TypedID<PerangkatDaerah>? = nil, denganRPJMD: Bool = false,
        tahun: Int? = nil, denganVersi: Bool = false, pilihan: PilihanMuat? = nil
    ) async throws -> DataKinerja {
        if let tahunPD, let pd, !denganRPJMD, !denganVersi, pilihan == nil {
            var langsung = self
            langsung.tahunPD = nil
            return try await tahunPD(id, pd, tahun) { [langsung] in
                try await langsung.load(pemda: id, perangkatDaerah: pd, tahun: tahun)
            }
        }
        let pdID = pd?.uuid
        let scope = Scope(pemda: id.uuid, pd: pdID, denganRPJMD: denganRPJMD, tahun: tahun)

        // The large tables in two halves of about the same decoding work, the second read through `pembacaKedua`
        // while the first is read here (a whole Pemda's 622 000 rows took 0,8 s one after the other), with the small
        // ones (the Pemda, its PD, units, officials, periods, urusan: seven queries) after the second half. Each half
        // is one job on its connection (`bacaBanyak`): a lease and a hop to NIO's pool and back, where a query each
        // waited for its connection and its thread three and four times per half. In a transaction everything is
        // read on its connection, in order.
        let (targetScope, realisasiScope) = scope.dipilih(pilihan)
        let denganUang = pilihan == nil
        let peta = scope.seluruhPemda
        @Sendable func separuh(_ store: KinerjaStore) async throws -> ([Target], [Indikator], [Pagu], Kecil) {
            let (target, targets) = Self.bacaan(
                TargetModel.schema, TargetModel.readColumns, targetScope, tahunan: true, Self.target)
            let (indikator, indikators) = Self.bacaan("indikator", IndikatorModel.readColumns, scope, Self.indikator)
            let (pagu, pagus) = Self.bacaan(PaguModel.schema, PaguModel.readColumns, scope, tahunan: true, Self.pagu)
            let kecil = KotakKecil()
            try await Self.bacaBanyak(
                [target, indikator] + (denganUang ? [pagu] : []) + kecil.bacaan(pemda: id, pd: pd), peta: peta,
                on: store.db)
            return (targets.hasilTepat, indikators.hasilTepat, pagus.hasilTepat, try kecil.kecil())
        }
        var kedua: KinerjaStore?
        if !db.inTransaction, let pembaca = pembacaKedua { kedua = KinerjaStore(pembaca) }
        async let dariKedua: ([Target], [Indikator], [Pagu], Kecil)? = { [kedua] in
            guard let kedua else { return nil }
            return try await separuh(kedua)
        }()
        let (elemen, elemens) = Self.bacaan(
            ElemenRencanaModel.schema, ElemenRencanaModel.readColumns, scope, Self.elemen)
        let (realisasi, realisasis) = Self.bacaan(
            RealisasiKinerjaModel.schema, RealisasiKinerjaModel.readColumns, realisasiScope, tahunan: true,
            Self.realisasi)
        let (anggaran, anggarans) = Self.bacaan(
            RealisasiAnggaranModel.schema, RealisasiAnggaranModel.readColumns, scope, tahunan: true, Self.anggaran)
        try await Self.bacaBanyak([elemen, realisasi] + (denganUang ? [anggaran] : []), peta: peta, on: db)
        let dibaca = try await dariKedua
        let (target, indikator, pagu, kecil) = if let dibaca { dibaca } else { try await separuh(self) }
        var data = DataKinerja(
            pemda: kecil.pemda, periode: kecil.periode, perangkatDaerah: kecil.perangkatDaerah,
            unitKerja: kecil.unitKerja, pejabat: kecil.pejabat, elemen: elemens.hasilTepat, indikator: indikator,
            target: target,
            pagu: pagu, realisasi: realisasis.hasilTepat, anggaran: anggarans.hasilTepat)
        data.urusan = kecil.urusan
        if denganVersi { data.versi = try await loadVersi(scope) }
        return data
    }

    /// The periods of a PD and the Pemda's own (of every PD with nil), by first year: what a report needs to choose
    /// the rows it reads (`PilihanMuat`) before it reads them.
    public func periode(
        pemda id: TypedID<Pemda>, perangkatDaerah pd: TypedID<PerangkatDaerah>?
    ) async throws
        -> [Periode]
    {
        try await baca(PeriodeModel.schema, Self.kolomPeriode, Scope(pemda: id.uuid, pd: pd?.uuid, denganRPJMD: true)) {
            try Self.periode($0)
        }.sorted { $0.tahunAwal < $1.tahunAwal }
    }

    static let kolomPeriode = ["id", "perangkat_daerah_id", "jenis", "tahun_awal", "tahun_akhir", "nama"]

    /// A period from a row of `kolomPeriode`.
    static func periode(_ row: Baris) throws -> Periode {
        try Periode(
            jenis: try row.jenis(Periode.Jenis.self, 2), tahunAwal: try row.bilangan(3),
            tahunAkhir: try row.bilangan(4),
            nama: try row.teks(5), perangkatDaerah: try row.idOpsional(1))
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
}

/// What a load reads besides its large tables (`KinerjaStore.Kecil`), read with a half of them (`bacaBanyak`, on
/// NIO's thread, one row after another): the Pemda and its bands, converted by the models' own `domain` (the same
/// checks of stored values), its PD (one PD's load reads its own PD row only), their units and officials, the periods
/// (the PD's and the Pemda's), the Pemda's urusan.
final class KotakKecil: @unchecked Sendable {
    private let pemda = BacaanPemda()
    private var perangkatDaerah: [PerangkatDaerah] = []
    private var unitKerja: [UnitKerja] = []
    private var pejabat: [Pejabat] = []
    private var periode: [Periode] = []
    private var urusan: [Urusan] = []

    /// The seven reads, for the Pemda `id` and the PD `pd` (every PD with nil).
    func bacaan(pemda id: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>?) -> [KinerjaStore.Bacaan] {
        typealias Scope = KinerjaStore.Scope
        typealias Bacaan = KinerjaStore.Bacaan
        let semua = Scope(pemda: id.uuid, pd: nil, denganRPJMD: false)
        let milikPD = Scope(pemda: id.uuid, pd: pd?.uuid, denganRPJMD: false)
        var pdSaja = semua
        pdSaja.ids = pd.map { [$0.uuid] }
        // The PD's periods and the Pemda's own (no PD): `denganRPJMD` reads both.
        let periode = Scope(pemda: id.uuid, pd: pd?.uuid, denganRPJMD: true)
        return pemda.bacaan(id) + [
            Bacaan(table: PerangkatDaerahModel.schema, columns: ["id", "kode", "nama", "singkatan"], scope: pdSaja) {
                row in
                self.perangkatDaerah.append(
                    PerangkatDaerah(
                        id: try row.id(0), kode: try row.teks(1), nama: try row.teks(2), singkatan: try row.teks(3)))
            },
            Bacaan(
                table: UnitKerjaModel.schema,
                columns: ["id", "perangkat_daerah_id", "induk_id", "nama", "jabatan", "eselon"], scope: milikPD
            ) { row in
                self.unitKerja.append(
                    UnitKerja(
                        id: try row.id(0), perangkatDaerah: try row.id(1), induk: try row.idOpsional(2),
                        nama: try row.teks(3), jabatan: try row.teks(4), eselon: try row.jenis(Eselon.self, 5)))
            },
            Bacaan(
                table: PejabatModel.schema, columns: ["id", "unit_kerja_id", "nama", "nip", "pangkat"], scope: milikPD
            ) { row in
                self.pejabat.append(
                    try Pejabat(
                        id: try row.id(0), unitKerja: try row.id(1), nama: try row.teks(2), nip: try row.teks(3),
                        pangkat: try row.teks(4)))
            },
            Bacaan(table: PeriodeModel.schema, columns: KinerjaStore.kolomPeriode, scope: periode) { row in
                self.periode.append(try KinerjaStore.periode(row))
            },
            Bacaan(table: UrusanModel.schema, columns: ["kode", "nama"], scope: semua) { row in
                self.urusan.append(Urusan(kode: try row.teks(0), nama: try row.teks(1)))
            },
        ]
    }

    /// What the reads found, in the orders the Fluent queries asked of the database, ties in the order read.
    func kecil() throws -> KinerjaStore.Kecil {
        guard let pemda = try pemda.pemda() else { throw DomainError.tidakDitemukan("Pemda") }
        return KinerjaStore.Kecil(
            pemda: pemda,
            perangkatDaerah: perangkatDaerah.sorted { $0.kode < $1.kode }, unitKerja: unitKerja,
            pejabat: pejabat, periode: periode.sorted { $0.tahunAwal < $1.tahunAwal },
            urusan: urusan.sorted { $0.kode < $1.kode })
    }
}

/// A Pemda's row and its bands as `bacaBanyak` reads them (with a load's other small tables, or alone), made into the
/// Pemda by the models' own `domain` (the same checks of stored values as through Fluent).
final class BacaanPemda: @unchecked Sendable {
    private var model: PemdaModel?
    private var kategori: [KategoriModel] = []

    /// The reads of the Pemda `id`'s row and of its bands.
    func bacaan(_ id: TypedID<Pemda>) -> [KinerjaStore.Bacaan] {
        var pemdaSaja = KinerjaStore.Scope(pemda: id.uuid, pd: nil, denganRPJMD: false)
        pemdaSaja.kolomPemda = "id"
        return [
            KinerjaStore.Bacaan(table: PemdaModel.schema, columns: PemdaModel.kolomBaca, scope: pemdaSaja) { row in
                self.model = try PemdaModel.dariBaris(row)
            },
            KinerjaStore.Bacaan(
                table: KategoriModel.schema, columns: KategoriModel.kolomBaca,
                scope: KinerjaStore.Scope(pemda: id.uuid, pd: nil, denganRPJMD: false)
            ) { row in
                self.kategori.append(try KategoriModel.dariBaris(row))
            },
        ]
    }

    /// The Pemda read; nil when there is none of that id.
    func pemda() throws -> Pemda? { try model?.domain(kategori: kategori) }
}

/// What a load may leave out, for a report that shows only some years' figures: the evaluation of the Renja
/// (`Laporan.evaluasiRenja`) reads the targets of its year, the year before and the Renstra's last, the realisasi
/// kinerja of the years before its own, and no money (a whole Pemda's 622 000 rows of every year, 315 000 this way).
public struct PilihanMuat: Sendable, Hashable {
    /// Only the targets of these years.
    public var tahunTarget: [Int]
    /// Only the realisasi kinerja of the years before this one. Pagu and realisasi anggaran are not read.
    public var realisasiSebelum: Int

    public init(tahunTarget: [Int], realisasiSebelum: Int) {
        self.tahunTarget = tahunTarget
        self.realisasiSebelum = realisasiSebelum
    }
}
