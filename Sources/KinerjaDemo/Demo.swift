import Foundation
import KinerjaDomain
import KinerjaPersistence

/// The demo: three Pemda built from the seed documents' extracted tables (see Resources/seed-data/README.md).
public enum Demo {
    /// The demo's data sets, ready to store.
    public static func dataSets() throws -> [DataKinerja] {
        [try batuBara(), try banyuasin(), try balangan()]
    }

    /// Loads the demo into the database, replacing an earlier demo load of the same Pemda (by name).
    public static func load(into store: KinerjaStore) async throws -> [DataKinerja] {
        let sets = try dataSets()
        for data in sets {
            if let existing = try await store.pemda(nama: data.pemda.nama) {
                try await store.hapus(pemda: existing.id)
            }
            try await store.create(data)
        }
        return sets
    }
}
