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
            // The seed documents are published: their realisasi is locked, as a Pemda's past years brought in.
            // So are its signed PK: revising documents count once approved.
            let pdOfElement = Dictionary(
                data.elemen.map { ($0.id, $0.perangkatDaerah) }, uniquingKeysWith: { first, _ in first })
            let pdOfIndicator = Dictionary(
                data.indikator.map { ($0.id, pdOfElement[$0.elemen] ?? nil) }, uniquingKeysWith: { first, _ in first })
            let signed = Set(
                data.target.filter { $0.dokumen == .perjanjianKinerja }.compactMap { target in
                    (pdOfIndicator[target.indikator] ?? nil).map {
                        ObjekAlur(perangkatDaerah: $0, jenis: .perjanjianKinerja, tahun: target.periode.tahun)
                    }
                })
            let published = data.triwulanBerealisasi.union(signed).map {
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
