import Foundation
import KinerjaDomain
import KinerjaPersistence

/// The demo: three Pemda built from the seed documents' extracted tables (see Resources/seed-data/README.md).
public enum Demo {
    /// When the demo's figures count as published: a fixed moment, not the clock.
    static let terbit = Date(timeIntervalSince1970: 1_735_689_600)  // 1 January 2025 00.00 UTC

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
            // The seed documents are published: their realisasi and signed PK are locked, as a Pemda's past years
            // brought in (revising documents count once approved).
            let published = data.objekBerisi(jenis: [.realisasi, .perjanjianKinerja]).map {
                StatusTersimpan(
                    objek: $0, status: .dikunci, catatan: "Dokumen terbit", oleh: "demo", waktu: Self.terbit)
            }
            if !published.isEmpty {
                try await store.apply(
                    PerubahanData {
                        $0.penetapan = published
                        $0.oleh = "demo"
                        $0.sumber = "data demo"
                    }, pemda: data.pemda.id, sekarang: Self.terbit)
            }
        }
        return sets
    }
}
