import FluentKit
import Foundation
import KinerjaDomain
import KinerjaTestSupport
import NIOCore
import SQLKit
import Testing

@testable import KinerjaPersistence

/// Each plan table's columns are written once beside its model (`columns`, `readColumns`): they must be exactly the
/// model's fields and the columns the migrations create, on both databases (issue 11.4).
@Suite("Kolom tabel: satu tempat")
struct TableColumnsTests {
    static let tables: [any RawRow.Type] = [
        ElemenRencanaModel.self, IndikatorModel.self, TargetModel.self, PaguModel.self, RealisasiKinerjaModel.self,
        RealisasiAnggaranModel.self, UrusanModel.self, RiwayatModel.self,
    ]

    /// The organisation, policy and account tables: their FluentKit fields are the one definition (model and
    /// decoder); the migrations must create exactly those columns.
    static let models: [any Model.Type] = [
        PemdaModel.self, KategoriModel.self, PeriodeModel.self, PerangkatDaerahModel.self, UnitKerjaModel.self,
        PejabatModel.self, PenggunaModel.self, SesiModel.self, PercobaanMasukModel.self, BuktiModel.self,
        UnggahanModel.self, PemdaProfilModel.self, KodePenyiapanModel.self, PetaKolomModel.self, StatusAlurModel.self,
        JadwalPelaporanModel.self, PembukaanKhususModel.self, RevisiDokumenModel.self, TargetMurniModel.self,
        EvaluasiNaratifModel.self, NaskahLKjIPModel.self,
    ]

    static func columns(_ table: String, on db: any Database) async throws -> Set<String> {
        let sql = try #require(db as? any SQLDatabase)
        if sql.dialect.name == "sqlite" {
            return Set(
                try await sql.raw("PRAGMA table_info(\(ident: table))").all().map {
                    try $0.decode(column: "name", as: String.self)
                })
        }
        return Set(
            try await sql.raw(
                "SELECT column_name FROM information_schema.columns WHERE table_name = \(bind: table)"
            ).all().map { try $0.decode(column: "column_name", as: String.self) })
    }

    @Test(arguments: TestBackend.available)
    func theWrittenColumnsAreTheModelsAndTheMigratedTables(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            for table in Self.tables {
                let written = Set(table.columns)
                let fields = Set(table.keys.map(\.description))
                #expect(written == fields, "\(table.schema): columns ≠ model")
                let migrated = try await Self.columns(table.schema, on: db)
                #expect(written == migrated, "\(table.schema): ≠ migrasi")
                #expect(Set(table.readColumns).isSubset(of: written), "\(table.schema): readColumns")
            }
            for model in Self.models {
                let fields = Set(model.keys.map(\.description))
                let migrated = try await Self.columns(model.schema, on: db)
                #expect(fields == migrated, "\(model.schema): model ≠ migrasi")
            }
        }
    }
}

@Suite("Teks UUID")
struct UUIDTextTests {
    /// The bulk insert writes a UUID's text itself on SQLite: it must be exactly FluentKit's (`uuidString`).
    @Test func theBulkInsertsUUIDTextIsFoundationsOwn() {
        for _ in 0..<1000 {
            let uuid = UUID()
            #expect(KinerjaStore.uuidText(uuid) == uuid.uuidString)
        }
        let fixed = UUID(uuidString: "00FF10AB-C36C-495A-93FC-0C247A3E6E5F")!
        #expect(KinerjaStore.uuidText(fixed) == "00FF10AB-C36C-495A-93FC-0C247A3E6E5F")
    }
}

@Suite("Tulis massal")
struct BulkWriteTests {
    /// What the bulk write stores (COPY's text on PostgreSQL, SQLiteNIO's values on SQLite) reads back equal to what
    /// FluentKit's own INSERT stores: texts with COPY's special characters, nulls, UUIDs and times to the microsecond.
    @Test(arguments: TestBackend.available)
    func aBulkWriteStoresWhatAnInsertStores(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let texts = [
                "biasa", "tab\tdi tengah", "baris\nbaru", "cr\r\nlf", "garis \\ miring \\N", "\\.", "\\", "",
                "Rp 1.234.567,89 — ✓ ñ 日本", " spasi di tepi ",
            ]
            let times = [
                Date(timeIntervalSince1970: 1_764_600_000.123_456_7), Date(timeIntervalSinceReferenceDate: -0.25),
                Date(timeIntervalSince1970: 946_684_799.999_999_4), Date(),
            ]
            let pemda = UUID()
            func model(_ n: Int, _ text: String, _ waktu: Date, kunci: UUID?) -> RiwayatModel {
                let row = RiwayatModel()
                row.id = UUID.acak()
                row.pemdaID = pemda
                row.perangkatDaerahID = n.isMultiple(of: 2) ? nil : UUID.acak()
                row.waktu = waktu
                row.oleh = text
                row.sumber = "uji \(n)"
                row.entitas = text + text
                row.kunci = kunci
                row.uraian = text
                row.periode = ""
                row.lama = "\(n)"
                row.baru = text.uppercased()
                return row
            }
            var pairs: [(RiwayatModel, RiwayatModel)] = []
            for (n, text) in texts.enumerated() {
                for (m, waktu) in times.enumerated() {
                    let kunci = m == 0 ? nil : UUID.acak()
                    pairs.append((model(n, text, waktu, kunci: kunci), model(n, text, waktu, kunci: kunci)))
                }
            }
            for (fluent, _) in pairs { try await fluent.create(on: db) }
            try await KinerjaStore(db).insertRows(pairs.map(\.1), on: db)
            let stored = Dictionary(
                uniqueKeysWithValues: try await RiwayatModel.query(on: db).all().map { ($0.id!, $0) })
            #expect(stored.count == pairs.count * 2)
            for (fluent, bulk) in pairs {
                let a = try #require(stored[fluent.id!])
                let b = try #require(stored[bulk.id!])
                #expect(b.perangkatDaerahID == bulk.perangkatDaerahID)
                #expect(a.waktu == b.waktu, "\(fluent.waktu.timeIntervalSince1970)")
                #expect(a.oleh == b.oleh && b.oleh == bulk.oleh)
                #expect(a.entitas == b.entitas && a.uraian == b.uraian && a.baru == b.baru && a.lama == b.lama)
                #expect(a.kunci == b.kunci && a.periode == b.periode && a.sumber == b.sumber)
            }
        }
    }

    /// COPY's text of each kind of value, as PostgreSQL's input functions read it.
    @Test func copyTextEscapesWhatCOPYReadsSpecially() {
        func text(_ value: ColumnValue) -> String {
            var buffer = ByteBuffer()
            KinerjaStore.copyText(value, into: &buffer)
            return buffer.readString(length: buffer.readableBytes)!
        }
        #expect(text(.text("a\tb\nc\rd\\e")) == "a\\tb\\nc\\rd\\\\e")
        #expect(text(.text("Rp 1.234,5 ✓")) == "Rp 1.234,5 ✓")
        #expect(text(.null(.text)) == "\\N")
        #expect(text(.text("\\N")) == "\\\\N")
        #expect(text(.bool(true)) == "t" && text(.bool(false)) == "f")
        #expect(text(.integer(-9_223_372_036_854_775_807)) == "-9223372036854775807")
        #expect(text(.double(0.1)) == "0.1")
        #expect(text(.date(Date(timeIntervalSince1970: 946_684_800.25))) == "2000-01-01 00:00:00.250000+00")
        #expect(text(.date(Date(timeIntervalSince1970: 946_684_799.5))) == "1999-12-31 23:59:59.500000+00")
        #expect(text(.date(Date(timeIntervalSince1970: 1_764_622_800))) == "2025-12-01 21:00:00.000000+00")
        let uuid = UUID()
        #expect(text(.uuid(uuid)) == uuid.uuidString)
    }
}

extension BulkWriteTests {
    /// A new entry is written from its values alone (`EntryRow.baris`): they must be the values of the model the
    /// same entry builds (which a replacement writes), column for column, nulls and their kinds included.
    @Test func aNewEntrysValuesAreItsModels() throws {
        let pemda = UUID.acak()
        func same<M: EntryRow>(_: M.Type, _ entri: M.Entri, pd: UUID?) {
            let model = M(pemda: pemda, pd: pd, entri)
            var baris = M.baris(pemda: pemda, pd: pd, entri)
            #expect(baris.count == M.columns.count)
            baris[0] = .uuid(model.rawID)
            #expect(model.values == baris, "\(M.schema)")
        }
        let indikator = TypedID<Indikator>()
        let elemen = TypedID<ElemenRencana>()
        // Elements and indicators keep their domain ids: their values are the model's exactly.
        let program = try ElemenRencana(
            id: elemen, perangkatDaerah: TypedID(), induk: nil, tingkat: .program, kode: try Kode.parse("1.01.02"),
            uraian: "Program")
        let sasaran = try ElemenRencana(perangkatDaerah: nil, induk: nil, tingkat: .sasaran, kode: nil, uraian: "S")
        for node in [program, sasaran] {
            #expect(ElemenRencanaModel(pemda: pemda, node).values == ElemenRencanaModel.baris(pemda: pemda, node))
        }
        let full = try Indikator(
            id: indikator, elemen: elemen, nama: "Persentase", satuan: "%", jenis: .outcome,
            definisi: DefinisiOperasional(makna: "m", alasanPemilihan: "a", rumus: "r"), isIKU: true,
            baseline: Baseline(tahun: 2024, nilai: .angka(Decimal(string: "66.5")!), teks: "66,5 %"))
        let bare = try Indikator(elemen: elemen, nama: "Nilai", satuan: "Nilai", jenis: .output)
        for item in [full, bare] {
            for pd in [nil, UUID.acak()] {
                #expect(
                    IndikatorModel(pemda: pemda, pd: pd, item).values
                        == IndikatorModel.baris(pemda: pemda, pd: pd, item))
            }
        }
        for pd in [nil, UUID.acak()] {
            same(
                TargetModel.self,
                Target(
                    indikator: indikator, dokumen: .renja, periode: PeriodeLaporan(tahun: 2026, triwulan: 3),
                    nilai: .angka(Decimal(string: "12.50")!)), pd: pd)
            same(
                TargetModel.self,
                Target(
                    indikator: indikator, dokumen: .rpjmd, periode: PeriodeLaporan(tahun: 2026),
                    nilai: .rentang(1, 2)),
                pd: pd)
            same(
                PaguModel.self,
                try Pagu(
                    elemen: elemen, dokumen: .renja, tahun: 2026, jumlah: Rupiah(sen: 123_456_789), sumberDana: "DAU",
                    lokasi: "Kab.", keterangan: "-"), pd: pd)
            same(
                RealisasiKinerjaModel.self,
                try RealisasiKinerja(
                    indikator: indikator, periode: PeriodeLaporan(tahun: 2026, triwulan: 1), nilai: .angka(7)), pd: pd)
            for (keuangan, fisik) in [(Rupiah(sen: 5), Decimal(string: "12.5")), (nil, nil)] {
                same(
                    RealisasiAnggaranModel.self,
                    try RealisasiAnggaran(
                        elemen: elemen, periode: PeriodeLaporan(tahun: 2026, triwulan: 2), keuangan: keuangan,
                        fisik: fisik), pd: pd)
            }
        }
    }
}
