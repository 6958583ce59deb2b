import FluentKit
import Foundation
import KinerjaTestSupport
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
