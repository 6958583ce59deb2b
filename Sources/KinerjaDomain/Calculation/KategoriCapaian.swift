import Foundation

/// Category bands for capaian, as data. Each band covers [batasBawah, next band's batasBawah).
public struct KategoriCapaian: Hashable, Sendable, Codable {
    public struct Pita: Hashable, Sendable, Codable {
        public var batasBawah: Decimal
        public var label: String
        /// A CSS colour for dashboards.
        public var warna: String

        public init(batasBawah: Decimal, label: String, warna: String) {
            self.batasBawah = batasBawah
            self.label = label
            self.warna = warna
        }
    }

    /// Bands from the highest lower bound to the lowest.
    public private(set) var pita: [Pita]

    public init(pita: [Pita]) throws(DomainError) {
        guard !pita.isEmpty else { throw .tidakSah(field: "kategori", pesan: "Kategori capaian kosong.") }
        let sorted = pita.sorted { $0.batasBawah > $1.batasBawah }
        guard Set(sorted.map(\.batasBawah)).count == sorted.count else {
            throw .tidakSah(field: "kategori", pesan: "Dua kategori mempunyai batas bawah yang sama.")
        }
        self.pita = sorted
    }

    /// The band of a capaian; below the lowest bound falls in the lowest band.
    public func kategori(_ capaian: Decimal) -> Pita {
        pita.first { !capaian.isLessThan($0.batasBawah) } ?? pita[pita.count - 1]
    }

    public func kategori(_ hasil: HasilCapaian) -> Pita? {
        hasil.persen.map(kategori)
    }

    /// Permendagri 86/2017: ≥ 91 Sangat Tinggi, 76-90 Tinggi, 66-75 Sedang, 51-65 Rendah, ≤ 50 Sangat Rendah.
    /// Values between the printed bands (90,5) fall in the lower band: the bands are read as [91, ∞), [76, 91),
    /// [66, 76), [51, 66), (−∞, 51).
    public static let permendagri86: KategoriCapaian = {
        // The literal is valid; `try!` cannot fail here.
        try! KategoriCapaian(pita: [
            Pita(batasBawah: 91, label: "Sangat Tinggi", warna: "#1a7f37"),
            Pita(batasBawah: 76, label: "Tinggi", warna: "#4c9a2a"),
            Pita(batasBawah: 66, label: "Sedang", warna: "#bf8700"),
            Pita(batasBawah: 51, label: "Rendah", warna: "#d1490b"),
            Pita(batasBawah: 0, label: "Sangat Rendah", warna: "#cf222e"),
        ])
    }()
}
