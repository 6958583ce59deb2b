import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// Every write to a Pemda's data raises the Pemda's counter in the same transaction, so that anything derived from
/// the data (a computed table, a rendered page) can be cached by any instance under the key (Pemda, counter) and is
/// never served after a change, whichever instance made it.
///
/// Finer keys for what one PD shows (`kunciVersi(pemda:pd:)`): a write raises, besides that counter, either the
/// Pemda's *common* counter (`versi_umum`: its policy, PD list, organisation, periods, RPJMD and own indicators,
/// reporting windows — what any page of the Pemda may show) or the counters of the PD whose data it changed
/// (`versi_data_pd`). A write raises the common counter unless it says otherwise (`write(lingkupPD:)`), and only
/// the one write path says otherwise, after finding the PD of everything it wrote (`lingkup`); anything it cannot
/// place in a PD raises the common counter. A page of one PD keyed by (common, PD) is therefore never served after
/// a change it could show, and a realisasi saved in one PD leaves the other PD's pages cached.
///
/// Published versions (`terbit`): the Pemda's and each PD's `versi_terbit` move with every write but one that
/// changes only draft realisasi already stored (`hanyaDraf`): values of triwulan that take changes, hence not
/// published, in rows that existed before and exist after, so that the items held back stay the same. Such a write
/// changes nothing a published view shows (`DataKinerja.terbit` with `Tampilan.terbit`): its reports and dashboard,
/// keyed by these versions, stay cached while operators save their drafts at the end of a quarter. The default is
/// again the safe one: a write raises them unless the one write path finds it draft-only.
extension KinerjaStore {
    /// The Pemda's data version: 0 before its first write. `terbit`: the version of its published data.
    public func versiData(pemda: TypedID<Pemda>, terbit: Bool = false) async throws -> Int64 {
        try await Self.versiData(pemda: pemda, on: db, kunci: false, terbit: terbit)
    }

    /// The cache key part of what one PD's pages show: the Pemda's common version and the PD's, read in one query.
    /// `terbit`: of what its published views show (the PD's published version).
    public func kunciVersi(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, terbit: Bool = false
    ) async throws
        -> String
    {
        guard db is any SQLDatabase else { return "0" }
        let (umum, own) = try await Self.versiPD(pemda: pemda, pd: pd, terbit: terbit, on: db)
        return Self.kunciVersi(umum: umum, pd: own, terbit: terbit)
    }

    /// The Pemda's common version and the PD's (or its published one), read in one query.
    static func versiPD(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, terbit: Bool, on db: any Database
    ) async throws -> (umum: Int64, pd: Int64) {
        guard let sql = db as? any SQLDatabase else { return (0, 0) }
        let row = try await sql.raw(
            """
            SELECT (SELECT versi_umum FROM versi_data WHERE id = \(bind: pemda.uuid)) AS umum,
            (SELECT \(unsafeRaw: terbit ? "versi_terbit" : "versi") FROM versi_data_pd WHERE id = \(bind: pd.uuid)) AS pd
            """
        ).first()
        return (
            try row?.decode(column: "umum", as: Int64?.self) ?? 0, try row?.decode(column: "pd", as: Int64?.self) ?? 0
        )
    }

    /// `kunciVersi` of every PD of the Pemda in one query (the dashboard gathers one part per PD): the PD's id to
    /// its key; a PD never written to is absent (its key is `kunciVersi(umum:pd:0)`).
    public func kunciVersiSemua(
        pemda: TypedID<Pemda>, terbit: Bool = false
    ) async throws
        -> (umum: Int64, pd: [UUID: String])
    {
        guard let sql = db as? any SQLDatabase else { return (0, [:]) }
        let column = terbit ? "versi_terbit" : "versi"
        let rows = try await sql.raw(
            """
            SELECT NULL AS id, versi_umum AS versi FROM versi_data WHERE id = \(bind: pemda.uuid)
            UNION ALL SELECT id, \(unsafeRaw: column) AS versi FROM versi_data_pd WHERE pemda_id = \(bind: pemda.uuid)
            """
        ).all()
        var umum: Int64 = 0
        var own: [UUID: Int64] = [:]
        for row in rows {
            let versi = try row.decode(column: "versi", as: Int64?.self) ?? 0
            if let id = try row.decode(column: "id", as: UUID?.self) { own[id] = versi } else { umum = versi }
        }
        return (umum, own.mapValues { Self.kunciVersi(umum: umum, pd: $0, terbit: terbit) })
    }

    /// "u3p45": common version 3, PD version 45; "u3t12": common version 3, the PD's published version 12.
    public static func kunciVersi(umum: Int64, pd: Int64, terbit: Bool = false) -> String {
        "u\(umum)\(terbit ? "t" : "p")\(pd)"
    }

    /// The version as seen inside a transaction; `kunci` locks the row on PostgreSQL (`FOR UPDATE`) so that no
    /// other writer of the Pemda commits between this check and the end of the transaction (on SQLite the single
    /// writer already guarantees it).
    /// `terbit`: the published version.
    static func versiData(
        pemda: TypedID<Pemda>, on db: any Database, kunci: Bool, terbit: Bool = false
    ) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let lock = kunci && sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let column = terbit ? "versi_terbit" : "versi"
        let row = try await sql.raw(
            "SELECT \(unsafeRaw: column) AS versi FROM versi_data WHERE id = \(bind: pemda.uuid)\(unsafeRaw: lock)"
        ).first()
        return try row?.decode(column: "versi", as: Int64.self) ?? 0
    }

    /// Runs `body` in a transaction that also raises the Pemda's data version, as the single writer on SQLite and
    /// retried when the database reports a transient conflict (`SingleWriter`).
    /// `besar`: a bulk write (tens of thousands of rows). On SQLite its connection gets, for the transaction, a
    /// 128 MB page cache, so that SQLite does not spill pages to the WAL and read them back mid-way (2 MB by default;
    /// the spill was a tenth of `kinerja generate`), and statement journals in memory (each multi-row INSERT wrote
    /// one to a temporary file); set before the transaction begins (SQLite ignores `temp_store` inside one), and
    /// back to the defaults after it; after its commit the large tables' statistics are brought up to date on SQLite
    /// (`perbaruiStatistik`).
    /// `lingkupPD`: the body raises the versions of what it changed itself (`raiseVersions`); otherwise the write
    /// raises the common version (every page of the Pemda is recomputed).
    func write<T: Sendable>(
        pemda: TypedID<Pemda>, besar: Bool = false, lingkupPD: Bool = false,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        @Sendable func transaction(_ db: any Database) async throws -> T {
            try await db.transaction { db in
                // First: on PostgreSQL the version row's lock is held from here to the commit, so the writers of one
                // Pemda follow one another and each reads what the one before committed (a status checked here
                // cannot change before this write commits).
                try await KinerjaStore.raiseVersion(pemda: pemda, umum: !lingkupPD, on: db)
                return try await body(db)
            }
        }
        let result = try await SingleWriter.jalankan(db) { db in
            guard besar, let pooled = db as? any SQLDatabase, pooled.dialect.name == "sqlite" else {
                return try await transaction(db)
            }
            return try await db.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA cache_size = -131072").run()
                try await sql.raw("PRAGMA temp_store = MEMORY").run()
                let result: Result<T, any Error>
                do { result = .success(try await transaction(connection)) } catch { result = .failure(error) }
                try? await sql.raw("PRAGMA cache_size = -2000").run()
                try? await sql.raw("PRAGMA temp_store = DEFAULT").run()
                return try result.get()
            }
        }
        // After a bulk write SQLite's statistics may no longer describe its tables (`perbaruiStatistik`); the write
        // is committed whatever happens here. PostgreSQL's autovacuum analyzes them within a minute (doing it
        // here cost `generate` 0,7 s of issue 14.3's 15).
        if besar, !db.inTransaction, (db as? any SQLDatabase)?.dialect.name == "sqlite" {
            _ = try? await SingleWriter.jalankan(db) { db in try await Self.perbaruiStatistik(on: db) }
        }
        return result
    }

    /// A write that changes no Pemda data (sessions, login attempts, uploads awaiting apply): one transaction,
    /// through the same single writer and retry.
    func writeUnversioned<T: Sendable>(
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await SingleWriter.jalankan(db) { db in try await db.transaction { db in try await body(db) } }
    }

    /// `INSERT … ON CONFLICT DO UPDATE`: the same statement on SQLite (3.24+) and PostgreSQL, atomic under
    /// concurrent writers.
    /// `umum`: the common version too, and the published one.
    static func raiseVersion(pemda: TypedID<Pemda>, umum: Bool, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let step = umum ? 1 : 0
        try await sql.raw(
            """
            INSERT INTO versi_data (id, versi, versi_umum, versi_terbit)
            VALUES (\(bind: pemda.uuid), 1, \(literal: step), \(literal: step))
            ON CONFLICT (id) DO UPDATE SET versi = versi_data.versi + 1,
            versi_umum = versi_data.versi_umum + \(literal: step), versi_terbit = versi_data.versi_terbit + \(literal: step)
            """
        ).run()
    }

    /// Raises the versions of what a write changed: the common one, or each named PD's; and the published ones
    /// (the Pemda's and the PD's) unless `terbit` is false (`hanyaDraf`).
    static func raiseVersions(
        _ lingkup: LingkupTulis, terbit: Bool = true, pemda: TypedID<Pemda>, on db: any Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let step = terbit ? 1 : 0
        switch lingkup {
        case .umum:
            try await sql.raw(
                """
                UPDATE versi_data SET versi_umum = versi_umum + 1, versi_terbit = versi_terbit + 1
                WHERE id = \(bind: pemda.uuid)
                """
            ).run()
        case .pd(let pds):
            for pd in pds.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await sql.raw(
                    """
                    INSERT INTO versi_data_pd (id, pemda_id, versi, versi_terbit)
                    VALUES (\(bind: pd), \(bind: pemda.uuid), 1, \(literal: step))
                    ON CONFLICT (id) DO UPDATE SET versi = versi_data_pd.versi + 1,
                    versi_terbit = versi_data_pd.versi_terbit + \(literal: step)
                    """
                ).run()
            }
            if terbit {
                try await sql.raw(
                    "UPDATE versi_data SET versi_terbit = versi_terbit + 1 WHERE id = \(bind: pemda.uuid)"
                ).run()
            }
        }
    }

    /// Whether a write changes nothing a published view shows, so that it may leave the published versions as
    /// they are: the change set carries realisasi (kinerja or anggaran) only (`PerubahanData.hanyaRealisasi`), of
    /// PD (`lingkup`), every one replacing a row already stored (nothing added or removed: the triwulan with
    /// realisasi, which a published view lists as held back, stay the same), and the workflow check passed, so
    /// each belongs to a triwulan that takes changes (draf or dikembalikan), which is never published.
    static func hanyaDraf(_ change: PerubahanData, _ plan: EntryPlan, _ lingkup: LingkupTulis) -> Bool {
        guard case .pd = lingkup, change.hanyaRealisasi, plan.baru.isEmpty, plan.buang.isEmpty else { return false }
        return plan.ganti.allSatisfy { $0 is RealisasiKinerjaModel || $0 is RealisasiAnggaranModel }
    }

    /// Whether a write leaves every published view as it was, so that the published versions stay: a draft write
    /// (`hanyaDraf`), or one of draft realisasi that also adds rows, each in a triwulan of its PD that already holds
    /// realisasi (kinerja or keuangan, the same year and triwulan code). The triwulan a published view lists as held
    /// back are then the same, and no row of them is shown. At the end of a quarter each operator's first save of
    /// an indicator in the new triwulan adds its row: every such save moved the Pemda's published version, and the
    /// published dashboard, reports and years were computed again 5-7 times in a minute. Read before the write's
    /// own rows are written; the first row of a triwulan still moves them (its triwulan is newly held back).
    static func terbitTetap(
        _ change: PerubahanData, _ plan: EntryPlan, _ lingkup: LingkupTulis, pemda: UUID, on db: any Database
    ) async throws -> Bool {
        if hanyaDraf(change, plan, lingkup) { return true }
        let tables: Set<String> = [RealisasiKinerjaModel.schema, RealisasiAnggaranModel.schema]
        guard case .pd = lingkup, change.hanyaRealisasi, plan.buang.isEmpty,
            Set(plan.baru.keys).isSubset(of: tables),
            plan.ganti.allSatisfy({ $0 is RealisasiKinerjaModel || $0 is RealisasiAnggaranModel }),
            let sql = db as? any SQLDatabase
        else { return false }
        struct Triwulan: Hashable {
            var pd: UUID
            var tahun: Int
            var kode: Int
        }
        var items: Set<Triwulan> = []
        for item in plan.ubahan {
            switch item.key {
            case .realisasi(_, let periode), .anggaran(_, let periode):
                guard let pd = item.pd else { return false }
                items.insert(Triwulan(pd: pd, tahun: periode.tahun, kode: periode.kodeTriwulan))
            case .target, .pagu:
                return false
            }
        }
        for item in items {
            let held = try await sql.raw(
                """
                SELECT 1 AS ada WHERE EXISTS (SELECT 1 FROM realisasi_kinerja WHERE pemda_id = \(bind: pemda)
                AND perangkat_daerah_id = \(bind: item.pd) AND tahun = \(bind: item.tahun)
                AND triwulan = \(bind: item.kode))
                OR EXISTS (SELECT 1 FROM realisasi_anggaran WHERE pemda_id = \(bind: pemda)
                AND perangkat_daerah_id = \(bind: item.pd) AND tahun = \(bind: item.tahun)
                AND triwulan = \(bind: item.kode))
                """
            ).first()
            if held == nil { return false }
        }
        return true
    }
}

/// A write that changed only draft realisasi already stored, in one PD (`KinerjaStore.hanyaDraf`): the PD's
/// data version (`kunciVersi`) before and after it, and the rows it replaced, as stored. The PD's data at `sesudah`
/// is its data at `sebelum` with these rows in place (`DataKinerja.denganRealisasi`).
public struct TulisanDraf: Sendable {
    public var pemda: TypedID<Pemda>
    public var pd: TypedID<PerangkatDaerah>
    public var sebelum: String
    public var sesudah: String
    public var realisasi: [RealisasiKinerja]
    public var anggaran: [RealisasiAnggaran]
    /// The stored version of each row of `realisasi` and `anggaran`, in their order (what a form sends back).
    public var versiRealisasi: [Int] = []
    public var versiAnggaran: [Int] = []

    /// The years of its rows.
    public var tahun: Set<Int> { Set(realisasi.map(\.periode.tahun) + anggaran.map(\.periode.tahun)) }
}

/// What a write changed, for the cache's keys.
enum LingkupTulis: Equatable {
    /// Something any page of the Pemda may show.
    case umum
    /// Only the data of these PD.
    case pd(Set<UUID>)
}

/// The apply of a preview found the Pemda's data changed since the preview was computed: nothing was written.
public struct DataBerubah: Error, Sendable {
    public var sejak: Int64
    public var kini: Int64
}
