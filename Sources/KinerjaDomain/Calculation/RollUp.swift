import Foundation

/// Roll-up of capaian from indicators to a sasaran, program or PD.
public enum RollUp {
    public struct Anak: Sendable {
        public var hasil: HasilCapaian
        public var bobot: Decimal

        public init(hasil: HasilCapaian, bobot: Decimal = 1) {
            self.hasil = hasil
            self.bobot = bobot
        }
    }

    public struct Hasil: Hashable, Sendable {
        /// The weighted mean; nil when no child has a capaian (or all weights are 0).
        public var capaian: Decimal?
        /// Children that entered the mean.
        public var dihitung: Int
        /// Children left out (no realisasi, no target, not computable).
        public var dilewati: Int
    }

    /// The weighted mean of the children's capaian. With `batasi`, each child is capped at 100 % first. Children
    /// without a capaian are left out and counted in `dilewati`, never treated as 0.
    public static func rataRata(_ children: [Anak], batasi: Bool) -> Hasil {
        var weighted: Decimal = 0
        var weights: Decimal = 0
        var counted = 0
        for child in children {
            guard let value = child.hasil.persen else { continue }
            counted += 1
            let capped = batasi && Decimal(100).isLessThan(value) ? 100 : value
            weighted = weighted.adding(capped.multiplying(by: child.bobot))
            weights = weights.adding(child.bobot)
        }
        let mean: Decimal? = weights > 0 ? weighted.dividing(by: weights) : nil
        return Hasil(capaian: mean, dihitung: counted, dilewati: children.count - counted)
    }
}

/// Budget absorption.
public enum Serapan {
    /// % serapan = realisasi keuangan ÷ pagu × 100; nil when pagu is 0 or realisasi is missing.
    public static func persen(realisasi: Rupiah?, pagu: Rupiah) -> Decimal? {
        guard let realisasi, pagu.sen > 0 else { return nil }
        return Decimal(realisasi.sen).dividing(by: Decimal(pagu.sen)).multiplying(by: 100)
    }

    /// Efisiensi (LKjIP): capaian kinerja compared with % serapan; > 100 means more performance per Rupiah than
    /// planned. nil when either is missing or serapan is 0.
    public static func efisiensi(capaian: Decimal?, serapan: Decimal?) -> Decimal? {
        guard let capaian, let serapan, serapan > 0 else { return nil }
        return capaian.dividing(by: serapan).multiplying(by: 100)
    }
}
