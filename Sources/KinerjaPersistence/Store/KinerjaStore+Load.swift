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
        /// With `tahun`: only this triwulan's rows (its stored code: 1-4, 0 for the year's own row).
        var triwulan: Int? = nil
        /// Only the rows of these years, of the tables that have a `tahun` (`PilihanMuat`).
        var tahunDalam: [Int]? = nil
        /// Only the rows of the years before this one, of the tables that have a `tahun` (`PilihanMuat`).
        var tahunSebelum: Int? = nil

        /// This scope for the targets and for the realisasi kinerja a load with `pilihan` reads (itself, both, without).
        func dipilih(_ pilihan: PilihanMuat?) -> (target: Scope, realisasi: Scope) {
            var target = self
            var realisasi = self
            target.tahunDalam = pilihan?.tahunTarget
            realisasi.tahunSebelum = pilihan?.realisasiSebelum
            return (target, realisasi)
        }
        /// Only these rows (by id).
        var ids: [UUID]? = nil
        /// Only the rows of these owners: the column (`indikator_id`, `elemen_id`) and the owners' ids.
        var pemilik: (kolom: String, ids: [UUID])? = nil
        /// The column that holds the Pemda's id (`id` in the Pemda's own table).
        var kolomPemda = "pemda_id"

        /// Every row of the Pemda (no PD, ids or owners chosen).
        var seluruhPemda: Bool { pd == nil && ids == nil && pemilik == nil }
    }

    /// Parses a UUID's text (any case, hyphens anywhere) into its bytes on the stack: Foundation's parser used
    /// sscanf, and an array per UUID was a twentieth of a load.
    public static func fastUUID(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { fastUUID($0) }
    }

    /// A hex digit's value by its byte; 0xFF for any other byte.
    private static let hexNibble: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }

    /// `fastUUID` of UTF-8 bytes where they lie (a SQLite column's text).
    static func fastUUID(_ utf8: UnsafeBufferPointer<UInt8>) -> UUID? {
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // The stored form (8-4-4-4-12) by a table of nibbles: every id of every loaded row goes through here.
        if utf8.count == 36, utf8[8] == 45, utf8[13] == 45, utf8[18] == 45, utf8[23] == 45 {
            var bad: UInt8 = 0
            // The table's storage taken once (looked up through the global at each digit, it was a tenth of
            // loading the whole Pemda; a branch per digit instead is mispredicted on random hex).
            hexNibble.withUnsafeBufferPointer { nibble in
                withUnsafeMutableBytes(of: &value) { bytes in
                    var at = 0
                    for index in 0..<16 {
                        if at == 8 || at == 13 || at == 18 || at == 23 { at += 1 }
                        let high = nibble[Int(utf8[at])]
                        let low = nibble[Int(utf8[at + 1])]
                        bad |= (high | low) & 0xF0
                        bytes[index] = high << 4 | low
                        at += 2
                    }
                }
            }
            return bad == 0 ? UUID(uuid: value) : nil
        }
        let parsed = withUnsafeMutableBytes(of: &value) { bytes -> Bool in
            var index = 0
            var high: UInt8 = 0
            var haveHigh = false
            for character in utf8 {
                if character == UInt8(ascii: "-") { continue }
                let nibble = hexNibble[Int(character)]
                guard nibble != 0xFF else { return false }
                if haveHigh {
                    guard index < 16 else { return false }
                    bytes[index] = high << 4 | nibble
                    index += 1
                    haveHigh = false
                } else {
                    high = nibble
                    haveHigh = true
                }
            }
            return index == 16 && !haveHigh
        }
        return parsed ? UUID(uuid: value) : nil
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
            let found: [Int]
            if let perangkatDaerah {
                // The PD's rows through its index (a few thousand).
                found = try await sql.select().distinct().column(SQLIdentifier("tahun")).from(table)
                    .where(SQLIdentifier("pemda_id"), .equal, SQLBind(pemda.uuid))
                    .where(SQLIdentifier("perangkat_daerah_id"), .equal, SQLBind(perangkatDaerah.uuid))
                    .all().map { try $0.decode(column: "tahun", as: Int.self) }
            } else {
                // The whole Pemda: one seek per year on (pemda_id, tahun) (migration 021), not every row.
                found = try await sql.raw(
                    """
                    WITH RECURSIVE y(t) AS (
                      SELECT min(tahun) FROM \(ident: table) WHERE pemda_id = \(bind: pemda.uuid)
                      UNION ALL
                      SELECT (SELECT min(tahun) FROM \(ident: table) WHERE pemda_id = \(bind: pemda.uuid) AND tahun > y.t)
                      FROM y WHERE y.t IS NOT NULL)
                    SELECT t AS tahun FROM y WHERE t IS NOT NULL
                    """
                ).all().map { try $0.decode(column: "tahun", as: Int.self) }
            }
            years.formUnion(found)
            if table == "realisasi_kinerja" { latest = found.max() }
        }
        return (years.sorted(), latest)
    }

    func loadElemen(_ scope: Scope) async throws -> [ElemenRencana] {
        try await baca(ElemenRencanaModel.schema, ElemenRencanaModel.readColumns, scope, Self.elemen)
    }

    /// ElemenRencana from a row of `ElemenRencanaModel.readColumns`.
    @Sendable static func elemen(_ row: Baris) throws -> ElemenRencana {
        // id, perangkat_daerah_id, induk_id, tingkat, kode_asli, nomor, uraian, selaras_id, penanggung_jawab,
        // unit_kerja_id, urutan, hasil
        let level = try row.jenis(Tingkat.self, 3)
        var kode: Kode?
        if let printed = try row.teksOpsional(4) {
            do {
                kode = try Kode.parse(printed, tingkat: level)
            } catch {
                throw RowError(table: "elemen_rencana", id: try row.uuid(0), column: "kode_asli", value: printed)
            }
        }
        return try ElemenRencana(
            id: try row.id(0), perangkatDaerah: try row.idOpsional(1), induk: try row.idOpsional(2),
            tingkat: level, kode: kode, nomor: try row.teks(5), uraian: try row.teks(6),
            selarasDengan: try row.idOpsional(7), penanggungJawab: try row.teks(8),
            unitKerja: try row.idOpsional(9), urutan: try row.bilangan(10), hasil: try row.teks(11))
    }

    /// Indikator from a row of `IndikatorModel.readColumns`.
    @Sendable static func indikator(_ row: Baris) throws -> Indikator {
        // id 0, elemen_id 1, nama 2, satuan 3, jenis 4, polaritas 5, jenis_nilai 6, agregasi 7, metode_turun 8,
        // skala 9, makna 10, alasan 11, rumus 12, sumber_data 13, penanggung_jawab 14, iku 15, baseline_tahun 16,
        // baseline_nilai 17, baseline_teks 18, bobot 19, urutan 20
        var baseline: Baseline?
        let baselineYear = try row.bilanganOpsional(16)
        let baselineValue = row.kosong(17) ? nil : try row.nilai(17)
        let baselineText = try row.teksOpsional(18)
        if baselineYear != nil || baselineValue != nil || !(baselineText ?? "").isEmpty {
            baseline = Baseline(tahun: baselineYear, nilai: baselineValue, teks: baselineText ?? "")
        }
        return try Indikator(
            id: try row.id(0), elemen: try row.id(1), nama: try row.teks(2), satuan: try row.teks(3),
            jenis: try row.jenis(JenisIndikator.self, 4), polaritas: try row.jenis(Polaritas.self, 5),
            jenisNilai: try row.jenis(JenisNilai.self, 6), agregasi: try row.jenis(Agregasi.self, 7),
            metodeTurun: row.kosong(8) ? nil : try row.jenis(MetodeTurun.self, 8),
            skala: try row.teksOpsional(9),
            definisi: DefinisiOperasional(
                makna: try row.teks(10), alasanPemilihan: try row.teks(11), rumus: try row.teks(12)),
            sumberData: try row.teks(13), penanggungJawab: try row.teks(14), isIKU: try row.logika(15),
            baseline: baseline, bobot: try row.desimal(19), urutan: try row.bilangan(20))
    }

    /// Target from a row of `TargetModel.readColumns`.
    @Sendable static func target(_ row: Baris) throws -> Target {
        // id, indikator_id, dokumen, tahun, triwulan, nilai, teks
        Target(
            indikator: try row.id(1), dokumen: try row.jenis(DokumenRencana.self, 2),
            periode: PeriodeLaporan(tahun: try row.bilangan(3), kodeTriwulan: try row.bilangan(4)),
            nilai: try row.nilai(5), teks: try row.teks(6))
    }

    /// Pagu from a row of `PaguModel.readColumns`.
    @Sendable static func pagu(_ row: Baris) throws -> Pagu {
        // id, elemen_id, dokumen, tahun, jumlah_sen, sumber_dana, lokasi, keterangan
        try Pagu(
            elemen: try row.id(1), dokumen: try row.jenis(DokumenRencana.self, 2), tahun: try row.bilangan(3),
            jumlah: Rupiah(sen: try row.int64(4)), sumberDana: try row.teks(5), lokasi: try row.teks(6),
            keterangan: try row.teks(7))
    }

    /// RealisasiKinerja from a row of `RealisasiKinerjaModel.readColumns`.
    @Sendable static func realisasi(_ row: Baris) throws -> RealisasiKinerja {
        // id, indikator_id, tahun, triwulan, nilai, teks
        try RealisasiKinerja(
            indikator: try row.id(1),
            periode: PeriodeLaporan(tahun: try row.bilangan(2), kodeTriwulan: try row.bilangan(3)),
            nilai: try row.nilai(4), teks: try row.teks(5))
    }

    /// RealisasiAnggaran from a row of `RealisasiAnggaranModel.readColumns`.
    @Sendable static func anggaran(_ row: Baris) throws -> RealisasiAnggaran {
        // id, elemen_id, tahun, triwulan, keuangan_sen, fisik
        try RealisasiAnggaran(
            elemen: try row.id(1),
            periode: PeriodeLaporan(tahun: try row.bilangan(2), kodeTriwulan: try row.bilangan(3)),
            keuangan: try row.int64Opsional(4).map { Rupiah(sen: $0) },
            fisik: row.kosong(5) ? nil : try row.desimal(5))
    }

    /// The stored version of every entry in scope, by natural key.
    func loadVersi(_ scope: Scope) async throws -> [KunciIsian: Int] {
        @Sendable func periode(_ row: Baris, _ tahun: Int) throws -> PeriodeLaporan {
            PeriodeLaporan(tahun: try row.bilangan(tahun), kodeTriwulan: try row.bilangan(tahun + 1))
        }
        var entries = try await baca(
            "target", ["indikator_id", "dokumen", "tahun", "triwulan", "versi"], scope, tahunan: true
        ) { row in
            (
                KunciIsian.target(try row.id(0), try row.jenis(DokumenRencana.self, 1), try periode(row, 2)),
                try row.bilangan(4)
            )
        }
        entries += try await baca("pagu", ["elemen_id", "dokumen", "tahun", "versi"], scope, tahunan: true) { row in
            (
                KunciIsian.pagu(try row.id(0), try row.jenis(DokumenRencana.self, 1), tahun: try row.bilangan(2)),
                try row.bilangan(3)
            )
        }
        entries += try await baca(
            "realisasi_kinerja", ["indikator_id", "tahun", "triwulan", "versi"], scope, tahunan: true
        ) { row in (KunciIsian.realisasi(try row.id(0), try periode(row, 1)), try row.bilangan(3)) }
        entries += try await baca(
            "realisasi_anggaran", ["elemen_id", "tahun", "triwulan", "versi"], scope, tahunan: true
        ) { row in (KunciIsian.anggaran(try row.id(0), try periode(row, 1)), try row.bilangan(3)) }
        return Dictionary(entries, uniquingKeysWith: { _, last in last })
    }

    /// Elements of the Pemda by id, decoded by the one element decoder (`loadElemen`).
    func elemen(ids: [UUID], pemda: UUID) async throws -> [ElemenRencana] {
        guard !ids.isEmpty else { return [] }
        let scope = Scope(
            pemda: pemda, pd: nil, denganRPJMD: false, ids: ids)
        return try await loadElemen(scope)
    }
}
