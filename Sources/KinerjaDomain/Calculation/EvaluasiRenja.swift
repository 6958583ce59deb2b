import Foundation

/// Tabel 2.1 of a Renja (evaluasi Renja and pencapaian Renstra), one row: columns (4)-(11).
///
/// The document's formulas are (8) = 7/6, (10) = 5 + 7 + 9, (11) = 10/4. They are right for kumulatif indicators
/// only: for a percentage, an index or any end value they add up percentages across years. `EvaluasiRenja`
/// computes both the formula as printed (to check a document) and the correct value by the indicator's
/// aggregation (to publish).
public struct EvaluasiRenja: Sendable {
    /// (4) Renstra target at the end of the period, as printed.
    public var targetRenstra: Decimal?
    /// (5) Realisasi up to year n-2.
    public var realisasiSampaiLalu: Decimal?
    /// (6) Target of year n-1.
    public var targetTahunLalu: Decimal?
    /// (7) Realisasi of year n-1.
    public var realisasiTahunLalu: Decimal?
    /// (9) Target of year n.
    public var targetTahunIni: Decimal?
    public var agregasi: Agregasi
    public var aturan: AturanCapaian

    public init(
        targetRenstra: Decimal?, realisasiSampaiLalu: Decimal?, targetTahunLalu: Decimal?, realisasiTahunLalu: Decimal?,
        targetTahunIni: Decimal?, agregasi: Agregasi, aturan: AturanCapaian = AturanCapaian(polaritas: .naik)
    ) {
        self.targetRenstra = targetRenstra
        self.realisasiSampaiLalu = realisasiSampaiLalu
        self.targetTahunLalu = targetTahunLalu
        self.realisasiTahunLalu = realisasiTahunLalu
        self.targetTahunIni = targetTahunIni
        self.agregasi = agregasi
        self.aturan = aturan
    }

    /// (8) = capaian of year n-1 (7 against 6), by the capaian rules (so 0 against 0 is 100 %, never "#DIV/0!").
    public var kolom8: HasilCapaian {
        CapaianEngine.capaian(
            target: targetTahunLalu.map(Nilai.angka), realisasi: realisasiTahunLalu.map(Nilai.angka), aturan: aturan)
    }

    /// (8) as the document's formula: 7 ÷ 6 × 100; nil where 6 is 0 or missing.
    public var kolom8Rumus: Decimal? {
        guard let six = targetTahunLalu, six != 0, let seven = realisasiTahunLalu else { return nil }
        return seven.dividing(by: six).multiplying(by: 100)
    }

    /// (10) as the document's formula: 5 + 7 + 9, missing counted as 0 (as the document does).
    public var kolom10Rumus: Decimal {
        (realisasiSampaiLalu ?? 0).adding(realisasiTahunLalu ?? 0).adding(targetTahunIni ?? 0)
    }

    /// (11) as the document's formula, from a given column 10: 10 ÷ 4 × 100.
    public func kolom11Rumus(kolom10: Decimal) -> Decimal? {
        guard let four = targetRenstra, four != 0 else { return nil }
        return kolom10.dividing(by: four).multiplying(by: 100)
    }

    /// (10) correctly: the realisasi expected at the end of year n combined by the indicator's aggregation (Σ for
    /// kumulatif, the latest value otherwise).
    public var kolom10: Decimal? {
        agregasi.gabung([realisasiSampaiLalu, realisasiTahunLalu, targetTahunIni])
    }

    /// (4) correctly: for kumulatif indicators the printed Renstra total; otherwise the end-of-period target, i.e.
    /// the final year's target (column 9 when year n is the Renstra's last year), never a sum of percentages.
    public var kolom4: Decimal? {
        agregasi == .kumulatif ? targetRenstra : (targetTahunIni ?? targetRenstra)
    }

    /// (11) correctly: capaian of (10) against (4) by the capaian rules.
    public var kolom11: HasilCapaian {
        CapaianEngine.capaian(target: kolom4.map(Nilai.angka), realisasi: kolom10.map(Nilai.angka), aturan: aturan)
    }
}
