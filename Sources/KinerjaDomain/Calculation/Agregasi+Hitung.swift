import Foundation

extension Agregasi {
    /// Combines values of consecutive periods, given in period order. Missing values (nil) are skipped, never
    /// counted as 0; when every value is missing the result is missing.
    ///
    /// - kumulatif: the sum of the reported numbers;
    /// - nilai akhir: the latest reported value;
    /// - rata-rata: the mean of the reported numbers.
    /// Non-numeric values (predicates, Ada/Tidak Ada) always take the latest reported value.
    public func gabung(_ values: [Nilai?]) -> Nilai? {
        let reported = values.compactMap { $0 }
        guard let last = reported.last else { return nil }
        let numbers = reported.compactMap(\.angka)
        guard numbers.count == reported.count else { return last }
        switch self {
        case .kumulatif: return .angka(numbers.sum())
        case .nilaiAkhir: return last
        case .rataRata: return .angka(numbers.sum().dividing(by: Decimal(numbers.count)))
        }
    }

    /// The same for plain numbers.
    public func gabung(_ values: [Decimal?]) -> Decimal? {
        gabung(values.map { $0.map(Nilai.angka) })?.angka
    }
}

/// The values of one indicator over the reporting calendar, and the questions asked of them.
public struct RiwayatIndikator: Sendable {
    public var agregasi: Agregasi
    public var jumlahTriwulan: Int
    /// Realisasi by period (annual figures have `triwulan == nil`).
    public var realisasi: [PeriodeLaporan: Nilai]
    /// Targets by period, already resolved to one document per period.
    public var target: [PeriodeLaporan: Nilai]

    public init(
        agregasi: Agregasi,
        jumlahTriwulan: Int = 4,
        realisasi: [PeriodeLaporan: Nilai] = [:],
        target: [PeriodeLaporan: Nilai] = [:]
    ) {
        self.agregasi = agregasi
        self.jumlahTriwulan = jumlahTriwulan
        self.realisasi = realisasi
        self.target = target
    }

    /// Realisasi of `tahun` up to and including triwulan `sampai` (nil: the whole year). An annual figure, when
    /// one was entered, is the year's value once the year is complete; otherwise the triwulan figures are
    /// combined by the indicator's aggregation. Depends on the arguments only, never on today's date.
    public func realisasiTahun(_ tahun: Int, sampai triwulan: Int? = nil) -> Nilai? {
        let last = triwulan ?? jumlahTriwulan
        if last >= jumlahTriwulan, let annual = realisasi[PeriodeLaporan(tahun: tahun)] {
            return annual
        }
        let quarters = (1...max(1, min(last, jumlahTriwulan))).map {
            realisasi[PeriodeLaporan(tahun: tahun, triwulan: $0)]
        }
        return agregasi.gabung(quarters)
    }

    /// Target of `tahun` up to triwulan `sampai`: the triwulan targets combined when any were set, else the annual
    /// target.
    public func targetTahun(_ tahun: Int, sampai triwulan: Int? = nil) -> Nilai? {
        if let triwulan {
            let quarters = (1...max(1, min(triwulan, jumlahTriwulan))).map {
                target[PeriodeLaporan(tahun: tahun, triwulan: $0)]
            }
            if quarters.contains(where: { $0 != nil }) { return agregasi.gabung(quarters) }
        }
        return target[PeriodeLaporan(tahun: tahun)]
    }

    /// Realisasi over a run of years (Renstra achievement to date): Σ for kumulatif indicators, the latest
    /// year's value otherwise.
    public func realisasiSampai(tahun years: ClosedRange<Int>) -> Nilai? {
        agregasi.gabung(years.map { realisasiTahun($0) })
    }

    /// The target at the end of a period: Σ of the yearly targets for kumulatif indicators, the final year's
    /// target otherwise (never a sum of percentages).
    public func targetAkhir(tahun years: ClosedRange<Int>) -> Nilai? {
        agregasi.gabung(years.map { target[PeriodeLaporan(tahun: $0)] })
    }
}
