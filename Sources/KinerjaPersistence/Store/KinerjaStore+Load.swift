import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// Loading the large tables with SQLKit rows instead of Fluent models: the model layer's reflection cost about
/// 50 µs a row (measured with `kinerja bench` and perf), which is most of a PD page's time.
extension KinerjaStore {
    struct Scope {
        var pemda: UUID
        var pd: UUID?
        var denganRPJMD: Bool
        /// Only this year's rows of the tables that have a `tahun`.
        var tahun: Int? = nil
        /// SQLite stores Fluent's UUIDs as text; Foundation parses those with sscanf, which was the largest single
        /// cost of a load. They are parsed by hand instead.
        var textUUIDs: Bool
        /// Only these rows (by id).
        var ids: [UUID]? = nil
    }

    public static func fastUUID(_ text: String) -> UUID? {
        var bytes = [UInt8](repeating: 0, count: 16)
        var index = 0
        var high: UInt8?
        for character in text.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            case UInt8(ascii: "-"): continue
            default: return nil
            }
            if let first = high {
                guard index < 16 else { return nil }
                bytes[index] = first << 4 | nibble
                index += 1
                high = nil
            } else {
                high = nibble
            }
        }
        guard index == 16, high == nil else { return nil }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    func uuid(_ row: any SQLRow, _ column: String, _ scope: Scope) throws -> UUID {
        if scope.textUUIDs, let text = try? row.decode(column: column, as: String.self), let value = Self.fastUUID(text)
        {
            return value
        }
        return try row.decode(column: column, as: UUID.self)
    }

    func optionalUUID(_ row: any SQLRow, _ column: String, _ scope: Scope) throws -> UUID? {
        if try row.decodeNil(column: column) { return nil }
        return try uuid(row, column, scope)
    }

    /// The years that have data for a PD (or the whole Pemda with nil), and the latest year with realisasi: for
    /// choosing a page's year without loading every year's rows.
    public func tahunData(
        pemda: TypedID<Pemda>, perangkatDaerah: TypedID<PerangkatDaerah>?
    ) async throws -> (
        semua: [Int], realisasiTerakhir: Int?
    ) {
        guard let sql = db as? any SQLDatabase else { throw DomainError.konflik("Basis data bukan SQL.") }
        var years: Set<Int> = []
        var latest: Int?
        for table in ["target", "pagu", "realisasi_kinerja"] {
            var query = sql.select().distinct().column(SQLIdentifier("tahun")).from(table)
                .where(SQLIdentifier("pemda_id"), .equal, SQLBind(pemda.uuid))
            if let perangkatDaerah {
                query = query.where(SQLIdentifier("perangkat_daerah_id"), .equal, SQLBind(perangkatDaerah.uuid))
            }
            let rows = try await query.all()
            let found = try rows.map { try $0.decode(column: "tahun", as: Int.self) }
            years.formUnion(found)
            if table == "realisasi_kinerja" { latest = found.max() }
        }
        return (years.sorted(), latest)
    }

    func select(
        _ table: String, _ columns: [String], _ scope: Scope, tahunan: Bool = false
    ) async throws -> [any SQLRow] {
        guard let sql = db as? any SQLDatabase else { throw DomainError.konflik("Basis data bukan SQL.") }
        var query = sql.select().columns(columns.map { SQLIdentifier($0) }).from(table)
            .where(SQLIdentifier("pemda_id"), .equal, SQLBind(scope.pemda))
        if let pd = scope.pd {
            if scope.denganRPJMD {
                query = query.where { group in
                    group.where(SQLIdentifier("perangkat_daerah_id"), .equal, SQLBind(pd))
                        .orWhere(SQLIdentifier("perangkat_daerah_id"), .is, SQLLiteral.null)
                }
            } else {
                query = query.where(SQLIdentifier("perangkat_daerah_id"), .equal, SQLBind(pd))
            }
        }
        if tahunan, let tahun = scope.tahun {
            query = query.where(SQLIdentifier("tahun"), .equal, SQLBind(tahun))
        }
        if let ids = scope.ids {
            query = query.where(SQLIdentifier("id"), .in, SQLBind.group(ids))
        }
        return try await query.all()
    }

    func loadElemen(_ scope: Scope) async throws -> [ElemenRencana] {
        return try await select(ElemenRencanaModel.schema, ElemenRencanaModel.readColumns, scope).map { row in
            let id = try uuid(row, "id", scope)
            let tingkatText = try row.decode(column: "tingkat", as: String.self)
            let level = try decodeEnum(Tingkat.self, tingkatText, table: "elemen_rencana", id: id, column: "tingkat")
            var kode: Kode?
            if let printed = try row.decode(column: "kode_asli", as: String?.self) {
                do {
                    kode = try Kode.parse(printed, tingkat: level)
                } catch {
                    throw RowError(table: "elemen_rencana", id: id, column: "kode_asli", value: printed)
                }
            }
            return try ElemenRencana(
                id: TypedID(id),
                perangkatDaerah: try optionalUUID(row, "perangkat_daerah_id", scope).map(TypedID.init),
                induk: try optionalUUID(row, "induk_id", scope).map(TypedID.init), tingkat: level, kode: kode,
                nomor: try row.decode(column: "nomor", as: String.self),
                uraian: try row.decode(column: "uraian", as: String.self),
                selarasDengan: try optionalUUID(row, "selaras_id", scope).map(TypedID.init),
                penanggungJawab: try row.decode(column: "penanggung_jawab", as: String.self),
                unitKerja: try optionalUUID(row, "unit_kerja_id", scope).map(TypedID.init),
                urutan: try row.decode(column: "urutan", as: Int.self),
                hasil: try row.decode(column: "hasil", as: String.self))
        }
    }

    func loadIndikator(_ scope: Scope) async throws -> [Indikator] {
        let columns = IndikatorModel.readColumns
        let table = "indikator"
        return try await select(table, columns, scope).map { row in
            let id = try uuid(row, "id", scope)
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            func kind<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> E where E.RawValue == String {
                try decodeEnum(type, try text(column), table: table, id: id, column: column)
            }
            var baseline: Baseline?
            let baselineYear = try row.decode(column: "baseline_tahun", as: Int?.self)
            let baselineValue = try row.decode(column: "baseline_nilai", as: String?.self)
            let baselineText = try row.decode(column: "baseline_teks", as: String?.self)
            if baselineYear != nil || baselineValue != nil || !(baselineText ?? "").isEmpty {
                baseline = Baseline(
                    tahun: baselineYear, nilai: try baselineValue.map { try decodeNilai($0, table: table, id: id) },
                    teks: baselineText ?? "")
            }
            return try Indikator(
                id: TypedID(id), elemen: TypedID(try uuid(row, "elemen_id", scope)),
                nama: try text("nama"),
                satuan: try text("satuan"), jenis: try kind(JenisIndikator.self, "jenis"),
                polaritas: try kind(Polaritas.self, "polaritas"), jenisNilai: try kind(JenisNilai.self, "jenis_nilai"),
                agregasi: try kind(Agregasi.self, "agregasi"),
                metodeTurun: try row.decode(column: "metode_turun", as: String?.self).map {
                    try decodeEnum(MetodeTurun.self, $0, table: table, id: id, column: "metode_turun")
                },
                skala: try row.decode(column: "skala", as: String?.self),
                definisi: DefinisiOperasional(
                    makna: try text("makna"), alasanPemilihan: try text("alasan"), rumus: try text("rumus")),
                sumberData: try text("sumber_data"), penanggungJawab: try text("penanggung_jawab"),
                isIKU: try row.decode(column: "iku", as: Bool.self), baseline: baseline,
                bobot: try decodeDecimal(try text("bobot"), table: table, id: id, column: "bobot"),
                urutan: try row.decode(column: "urutan", as: Int.self))
        }
    }

    func loadTarget(_ scope: Scope) async throws -> [Target] {
        try await select(
            TargetModel.schema, TargetModel.readColumns, scope, tahunan: true
        ).map {
            row in
            let id = try uuid(row, "id", scope)
            let triwulan = try row.decode(column: "triwulan", as: Int.self)
            return Target(
                indikator: TypedID(try uuid(row, "indikator_id", scope)),
                dokumen: try decodeEnum(
                    DokumenRencana.self, try row.decode(column: "dokumen", as: String.self), table: "target", id: id,
                    column: "dokumen"),
                periode: PeriodeLaporan(
                    tahun: try row.decode(column: "tahun", as: Int.self), kodeTriwulan: triwulan),
                nilai: try decodeNilai(try row.decode(column: "nilai", as: String.self), table: "target", id: id),
                teks: try row.decode(column: "teks", as: String.self))
        }
    }

    func loadPagu(_ scope: Scope) async throws -> [Pagu] {
        try await select(
            PaguModel.schema, PaguModel.readColumns, scope, tahunan: true
        )
        .map { row in
            let id = try uuid(row, "id", scope)
            return try Pagu(
                elemen: TypedID(try uuid(row, "elemen_id", scope)),
                dokumen: try decodeEnum(
                    DokumenRencana.self, try row.decode(column: "dokumen", as: String.self), table: "pagu", id: id,
                    column: "dokumen"),
                tahun: try row.decode(column: "tahun", as: Int.self),
                jumlah: Rupiah(sen: try row.decode(column: "jumlah_sen", as: Int64.self)),
                sumberDana: try row.decode(column: "sumber_dana", as: String.self),
                lokasi: try row.decode(column: "lokasi", as: String.self),
                keterangan: try row.decode(column: "keterangan", as: String.self))
        }
    }

    func loadRealisasi(_ scope: Scope) async throws -> [RealisasiKinerja] {
        try await select(
            RealisasiKinerjaModel.schema, RealisasiKinerjaModel.readColumns, scope, tahunan: true
        ).map {
            row in
            let id = try uuid(row, "id", scope)
            let triwulan = try row.decode(column: "triwulan", as: Int.self)
            return try RealisasiKinerja(
                indikator: TypedID(try uuid(row, "indikator_id", scope)),
                periode: PeriodeLaporan(
                    tahun: try row.decode(column: "tahun", as: Int.self), kodeTriwulan: triwulan),
                nilai: try decodeNilai(
                    try row.decode(column: "nilai", as: String.self), table: "realisasi_kinerja", id: id),
                teks: try row.decode(column: "teks", as: String.self))
        }
    }

    func loadAnggaran(_ scope: Scope) async throws -> [RealisasiAnggaran] {
        try await select(
            RealisasiAnggaranModel.schema, RealisasiAnggaranModel.readColumns, scope, tahunan: true
        ).map { row in
            let id = try uuid(row, "id", scope)
            let triwulan = try row.decode(column: "triwulan", as: Int.self)
            return try RealisasiAnggaran(
                elemen: TypedID(try uuid(row, "elemen_id", scope)),
                periode: PeriodeLaporan(
                    tahun: try row.decode(column: "tahun", as: Int.self), kodeTriwulan: triwulan),
                keuangan: try row.decode(column: "keuangan_sen", as: Int64?.self).map { Rupiah(sen: $0) },
                fisik: try row.decode(column: "fisik", as: String?.self).map {
                    try decodeDecimal($0, table: "realisasi_anggaran", id: id, column: "fisik")
                })
        }
    }

    /// The stored version of every entry in scope, by natural key.
    func loadVersi(_ scope: Scope) async throws -> [KunciIsian: Int] {
        var result: [KunciIsian: Int] = [:]
        func periode(_ row: any SQLRow) throws -> PeriodeLaporan {
            PeriodeLaporan(
                tahun: try row.decode(column: "tahun", as: Int.self),
                kodeTriwulan: try row.decode(column: "triwulan", as: Int.self))
        }
        func dokumen(_ row: any SQLRow, _ table: String) throws -> DokumenRencana {
            try decodeEnum(
                DokumenRencana.self, try row.decode(column: "dokumen", as: String.self), table: table, id: nil,
                column: "dokumen")
        }
        for row in try await select(
            "target", ["indikator_id", "dokumen", "tahun", "triwulan", "versi"], scope, tahunan: true)
        {
            let key = KunciIsian.target(
                TypedID(try uuid(row, "indikator_id", scope)), try dokumen(row, "target"), try periode(row))
            result[key] = try row.decode(column: "versi", as: Int.self)
        }
        for row in try await select("pagu", ["elemen_id", "dokumen", "tahun", "versi"], scope, tahunan: true) {
            let key = KunciIsian.pagu(
                TypedID(try uuid(row, "elemen_id", scope)), try dokumen(row, "pagu"),
                tahun: try row.decode(column: "tahun", as: Int.self))
            result[key] = try row.decode(column: "versi", as: Int.self)
        }
        for row in try await select(
            "realisasi_kinerja", ["indikator_id", "tahun", "triwulan", "versi"], scope, tahunan: true)
        {
            result[.realisasi(TypedID(try uuid(row, "indikator_id", scope)), try periode(row))] =
                try row.decode(column: "versi", as: Int.self)
        }
        for row in try await select(
            "realisasi_anggaran", ["elemen_id", "tahun", "triwulan", "versi"], scope, tahunan: true)
        {
            result[.anggaran(TypedID(try uuid(row, "elemen_id", scope)), try periode(row))] =
                try row.decode(column: "versi", as: Int.self)
        }
        return result
    }

    /// Elements of the Pemda by id, decoded by the one element decoder (`loadElemen`).
    func elemen(ids: [UUID], pemda: UUID) async throws -> [ElemenRencana] {
        guard !ids.isEmpty else { return [] }
        let scope = Scope(
            pemda: pemda, pd: nil, denganRPJMD: false, textUUIDs: (db as? any SQLDatabase)?.dialect.name == "sqlite",
            ids: ids)
        return try await loadElemen(scope)
    }
}
