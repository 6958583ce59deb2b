import Foundation

/// Rencana aksi: the PK targets of a year broken down per triwulan, so that capaian can be measured during the year.
/// The quarters must agree with the year by the indicator's aggregation: kumulatif, their sum; nilai akhir, the
/// last quarter; rata-rata, their mean.
public enum RencanaAksi {
    /// nil when the quarters agree with the year (or are not all entered yet); else the message naming both.
    public static func periksa(
        _ indikator: Indikator, tahun: Nilai?, triwulan: [Nilai?]
    ) -> String? {
        guard let year = tahun?.angka, !triwulan.isEmpty, triwulan.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = triwulan.compactMap { $0?.angka }
        guard numbers.count == triwulan.count else { return nil }
        guard let combined = indikator.agregasi.gabung(numbers.map(Optional.some)) else { return nil }
        // Equal to the cent of a percent: typed values carry at most two decimals.
        let difference = combined - year
        guard abs(NSDecimalNumber(decimal: difference).doubleValue) >= 0.005 else { return nil }
        let how =
            switch indikator.agregasi {
            case .kumulatif: "jumlah target triwulan"
            case .nilaiAkhir: "target triwulan terakhir"
            case .rataRata: "rata-rata target triwulan"
            }
        return "\(indikator.nama): \(how) \(IndonesianFormat.number(combined)) tidak sama dengan target tahun "
            + "\(IndonesianFormat.number(year))."
    }
}
