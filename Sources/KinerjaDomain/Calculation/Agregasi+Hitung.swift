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

/// An indicator's values by period: a handful (a year's triwulan and its annual figure, over a few years), kept as a
/// short list searched in order. A capaian table asks for ten periods of each of its indicators; as dictionaries,
/// two per indicator, each question hashed its period and each history was built of two more dictionaries (a fifth of
/// computing a PD's table, perf, session 19).
public struct NilaiPerPeriode: Sendable {
    public struct Titik: Sendable, Equatable {
        public var periode: PeriodeLaporan
        public var nilai: Nilai
    }

    /// One entry per period, in the order they were first set.
    public private(set) var titik: [Titik] = []

    public init() {}

    public init(_ values: [PeriodeLaporan: Nilai]) {
        titik = values.map { Titik(periode: $0.key, nilai: $0.value) }
    }

    /// The value of a period; setting nil removes it, setting a value replaces the period's.
    public subscript(periode: PeriodeLaporan) -> Nilai? {
        get {
            for item in titik where item.periode == periode { return item.nilai }
            return nil
        }
        set {
            let index = titik.firstIndex { $0.periode == periode }
            switch (index, newValue) {
            case (let index?, let value?): titik[index].nilai = value
            case (let index?, nil): titik.remove(at: index)
            case (nil, let value?): titik.append(Titik(periode: periode, nilai: value))
            case (nil, nil): break
            }
        }
    }

    public var isEmpty: Bool { titik.isEmpty }

    /// As a dictionary.
    public var kamus: [PeriodeLaporan: Nilai] {
        Dictionary(titik.map { ($0.periode, $0.nilai) }, uniquingKeysWith: { _, last in last })
    }
}

/// The values of one indicator over the reporting calendar, and the questions asked of them.
public struct RiwayatIndikator: Sendable {
    public var agregasi: Agregasi
    public var jumlahTriwulan: Int
    /// Realisasi by period (annual figures have `triwulan == nil`).
    public var nilaiRealisasi: NilaiPerPeriode
    /// Targets by period, already resolved to one document per period.
    public var nilaiTarget: NilaiPerPeriode

    public init(
        agregasi: Agregasi,
        jumlahTriwulan: Int = 4,
        realisasi: [PeriodeLaporan: Nilai] = [:],
        target: [PeriodeLaporan: Nilai] = [:]
    ) {
        self.init(
            agregasi: agregasi, jumlahTriwulan: jumlahTriwulan, nilaiRealisasi: NilaiPerPeriode(realisasi),
            nilaiTarget: NilaiPerPeriode(target))
    }

    public init(
        agregasi: Agregasi, jumlahTriwulan: Int = 4, nilaiRealisasi: NilaiPerPeriode, nilaiTarget: NilaiPerPeriode
    ) {
        self.agregasi = agregasi
        self.jumlahTriwulan = jumlahTriwulan
        self.nilaiRealisasi = nilaiRealisasi
        self.nilaiTarget = nilaiTarget
    }

    /// Realisasi by period, as a dictionary.
    public var realisasi: [PeriodeLaporan: Nilai] {
        get { nilaiRealisasi.kamus }
        set { nilaiRealisasi = NilaiPerPeriode(newValue) }
    }

    /// Targets by period, as a dictionary.
    public var target: [PeriodeLaporan: Nilai] {
        get { nilaiTarget.kamus }
        set { nilaiTarget = NilaiPerPeriode(newValue) }
    }

    /// Realisasi of `tahun` up to and including triwulan `sampai` (nil: the whole year). An annual figure, when
    /// one was entered, is the year's value once the year is complete; otherwise the triwulan figures are
    /// combined by the indicator's aggregation. Depends on the arguments only, never on today's date.
    public func realisasiTahun(_ tahun: Int, sampai triwulan: Int? = nil) -> Nilai? {
        let last = triwulan ?? jumlahTriwulan
        if last >= jumlahTriwulan, let annual = nilaiRealisasi[PeriodeLaporan(tahun: tahun)] {
            return annual
        }
        let quarters = (1...max(1, min(last, jumlahTriwulan))).map {
            nilaiRealisasi[PeriodeLaporan(tahun: tahun, triwulan: $0)]
        }
        return agregasi.gabung(quarters)
    }

    /// Target of `tahun` up to triwulan `sampai`: the triwulan targets combined when any were set, else the annual
    /// target.
    public func targetTahun(_ tahun: Int, sampai triwulan: Int? = nil) -> Nilai? {
        if let triwulan {
            let quarters = (1...max(1, min(triwulan, jumlahTriwulan))).map {
                nilaiTarget[PeriodeLaporan(tahun: tahun, triwulan: $0)]
            }
            if quarters.contains(where: { $0 != nil }) { return agregasi.gabung(quarters) }
        }
        return nilaiTarget[PeriodeLaporan(tahun: tahun)]
    }

    /// Realisasi over a run of years (Renstra achievement to date): Σ for kumulatif indicators, the latest
    /// year's value otherwise.
    public func realisasiSampai(tahun years: ClosedRange<Int>) -> Nilai? {
        agregasi.gabung(years.map { realisasiTahun($0) })
    }

    /// The target at the end of a period: Σ of the yearly targets for kumulatif indicators, the final year's
    /// target otherwise (never a sum of percentages).
    public func targetAkhir(tahun years: ClosedRange<Int>) -> Nilai? {
        agregasi.gabung(years.map { nilaiTarget[PeriodeLaporan(tahun: $0)] })
    }
}
