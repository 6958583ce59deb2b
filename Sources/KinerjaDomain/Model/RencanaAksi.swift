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

/// What a PD writes under its quarterly evaluation (form E.81): the factors that helped and hindered, and what it
/// will do in the next triwulan and in the next Renja. Kept per PD × year × triwulan, with history.
public struct EvaluasiNaratif: Hashable, Sendable, Codable {
    public var perangkatDaerah: TypedID<PerangkatDaerah>
    public var tahun: Int
    public var triwulan: Int
    public var pendorong: String
    public var penghambat: String
    public var tindakLanjutTriwulan: String
    public var tindakLanjutRenja: String

    public init(
        perangkatDaerah: TypedID<PerangkatDaerah>, tahun: Int, triwulan: Int, pendorong: String = "",
        penghambat: String = "", tindakLanjutTriwulan: String = "", tindakLanjutRenja: String = ""
    ) throws(DomainError) {
        for (text, field, label) in [
            (pendorong, "pendorong", "Faktor pendorong"), (penghambat, "penghambat", "Faktor penghambat"),
            (tindakLanjutTriwulan, "tindak_lanjut_triwulan", "Tindak lanjut triwulan berikutnya"),
            (tindakLanjutRenja, "tindak_lanjut_renja", "Tindak lanjut Renja berikutnya"),
        ] {
            try Batas.periksa(text, field: field, maks: 4000, label: label)
        }
        self.perangkatDaerah = perangkatDaerah
        self.tahun = tahun
        self.triwulan = triwulan
        self.pendorong = pendorong.trimmed()
        self.penghambat = penghambat.trimmed()
        self.tindakLanjutTriwulan = tindakLanjutTriwulan.trimmed()
        self.tindakLanjutRenja = tindakLanjutRenja.trimmed()
    }

    /// The four texts with their labels, in the form's order.
    public var bagian: [(label: String, teks: String)] {
        [
            ("Faktor pendorong", pendorong), ("Faktor penghambat", penghambat),
            ("Tindak lanjut triwulan berikutnya", tindakLanjutTriwulan),
            ("Tindak lanjut Renja berikutnya", tindakLanjutRenja),
        ]
    }
}
