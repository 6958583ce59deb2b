import Foundation

/// The outcome of a capaian calculation. Every edge case is a named outcome; the engine never yields NaN or ∞.
public enum HasilCapaian: Hashable, Sendable, CustomStringConvertible {
    /// A capaian in percent.
    case nilai(Decimal)
    /// A ratio that would be unbounded (T ÷ R with R = 0), reported at the policy's bound.
    case dibatasi(Decimal)
    /// No realisasi yet: "belum diisi".
    case belumDiisi
    /// No target for the period.
    case tanpaTarget
    /// The capaian cannot be computed; the reason says why.
    case tidakTerhitung(AlasanTidakTerhitung)

    /// The percentage, when there is one.
    public var persen: Decimal? {
        switch self {
        case .nilai(let value), .dibatasi(let value): value
        case .belumDiisi, .tanpaTarget, .tidakTerhitung: nil
        }
    }

    public var description: String {
        switch self {
        case .nilai(let value): IndonesianFormat.percent(value)
        case .dibatasi(let value): IndonesianFormat.percent(value) + "*"
        case .belumDiisi: "belum diisi"
        case .tanpaTarget: "tanpa target"
        case .tidakTerhitung(let reason): "– (\(reason.pesan))"
        }
    }
}

public enum AlasanTidakTerhitung: String, Hashable, Sendable, CaseIterable {
    /// Higher is better, T = 0 and R > 0.
    case targetNol = "target_nol"
    /// A negative target: a ratio against it has no meaning.
    case targetNegatif = "target_negatif"
    /// Target and realisasi are of different kinds (a number against a predicate with no score).
    case jenisBerbeda = "jenis_berbeda"
    /// A predicate not on the indicator's scale, or a predicate indicator without a scale.
    case predikatTidakDikenal = "predikat_tidak_dikenal"
    /// A range given as realisasi.
    case realisasiRentang = "realisasi_rentang"

    public var pesan: String {
        switch self {
        case .targetNol: "target 0 dengan realisasi lebih dari 0 tidak dapat dihitung"
        case .targetNegatif: "target negatif tidak dapat dibandingkan"
        case .jenisBerbeda: "target dan realisasi berbeda jenis"
        case .predikatTidakDikenal: "predikat tidak ada pada skala indikator"
        case .realisasiRentang: "realisasi tidak boleh berupa rentang"
        }
    }
}

/// The capaian rules of DOMAIN.md "Calculations", as pure functions.
public enum CapaianEngine {
    /// Capaian of realisasi `r` against target `t` under `aturan`.
    ///
    /// - Higher is better: R ÷ T × 100. T = 0 and R = 0 → 100 %; T = 0 and R > 0 → not computable.
    /// - Lower is better: (2T − R) ÷ T × 100 floored at 0 (`selisih`), or T ÷ R × 100 (`kebalikan`, R = 0 →
    ///   bounded at the policy's `batasRasio`). T = 0 and R = 0 → 100 %; T = 0 and R > 0 → 0 %.
    /// - Range target: inside the range → 100 %; outside, the polarity's formula against the nearer bound (a
    ///   `rentang` indicator above its range is treated as lower-is-better against the upper bound).
    /// - Predicates: see `capaianPredikat`.
    /// - Ada/Tidak Ada: realisasi "Ada" → 100 %, "Tidak Ada" → 0 % (a target of "Tidak Ada" inverts it).
    public static func capaian(target t: Nilai?, realisasi r: Nilai?, aturan: AturanCapaian) -> HasilCapaian {
        guard let r else { return .belumDiisi }
        guard let t else { return .tanpaTarget }
        switch (t, r) {
        case (_, .rentang):
            return .tidakTerhitung(.realisasiRentang)
        case (.angka(let target), .angka(let realisasi)):
            return numerik(target: target, realisasi: realisasi, polaritas: aturan.polaritas, aturan: aturan)
        case (.rentang(let low, let high), .angka(let realisasi)):
            return rentang(low: min(low, high), high: max(low, high), realisasi: realisasi, aturan: aturan)
        case (.predikat, .predikat), (.predikat, .angka), (.angka, .predikat):
            return capaianPredikat(target: t, realisasi: r, aturan: aturan)
        case (.ada(let wanted), .ada(let present)):
            return .nilai(wanted == present ? 100 : 0)
        default:
            return .tidakTerhitung(.jenisBerbeda)
        }
    }

    static func numerik(
        target: Decimal, realisasi: Decimal, polaritas: Polaritas, aturan: AturanCapaian
    )
        -> HasilCapaian
    {
        if target < 0 { return .tidakTerhitung(.targetNegatif) }
        if target == 0 {
            if realisasi == 0 { return .nilai(100) }
            switch polaritas {
            case .naik: return .tidakTerhitung(.targetNol)
            case .turun, .rentang: return .nilai(0)
            }
        }
        switch polaritas {
        case .naik, .rentang:
            // A `rentang` indicator with a single-number target is measured as higher-is-better.
            return .nilai(realisasi.dividing(by: target).multiplying(by: 100))
        case .turun:
            switch aturan.metodeTurun {
            case .selisih:
                return .nilai(max(0, (2 * target).subtracting(realisasi).dividing(by: target).multiplying(by: 100)))
            case .kebalikan:
                if realisasi <= 0 { return .dibatasi(aturan.batasRasio) }
                let value = target.dividing(by: realisasi).multiplying(by: 100)
                return aturan.batasRasio.isLessThan(value) ? .dibatasi(aturan.batasRasio) : .nilai(value)
            }
        }
    }

    static func rentang(low: Decimal, high: Decimal, realisasi: Decimal, aturan: AturanCapaian) -> HasilCapaian {
        if realisasi >= low && realisasi <= high { return .nilai(100) }
        let below = realisasi < low
        switch aturan.polaritas {
        case .naik:
            return numerik(target: below ? low : high, realisasi: realisasi, polaritas: .naik, aturan: aturan)
        case .turun:
            return numerik(target: below ? low : high, realisasi: realisasi, polaritas: .turun, aturan: aturan)
        case .rentang:
            return below
                ? numerik(target: low, realisasi: realisasi, polaritas: .naik, aturan: aturan)
                : numerik(target: high, realisasi: realisasi, polaritas: .turun, aturan: aturan)
        }
    }

    /// Predicates compare on the scale's order. Target met (grade at or above the target's, and score at or
    /// above the target's score when both carry one) → 100 %. Otherwise: when both carry scores, the numeric
    /// rule on the scores; else the ordinal ratio (rank(R) + 1) ÷ (rank(T) + 1) × 100, ranks counted from 0 at
    /// the lowest grade (so one grade short of "A" on D…AA gives 5/6 = 83,33 %). A number on one side is placed
    /// on the scale by the scale's thresholds. For lower-is-better scales the order is reversed.
    public static func capaianPredikat(target: Nilai, realisasi: Nilai, aturan: AturanCapaian) -> HasilCapaian {
        let (targetGrade, targetScore) = gradeAndScore(target, skala: aturan.skala)
        let (realGrade, realScore) = gradeAndScore(realisasi, skala: aturan.skala)
        if let targetScore, let realScore, targetGrade == nil || realGrade == nil || aturan.skala == nil {
            // Both are plain scores in effect: compare them as numbers.
            return numerik(target: targetScore, realisasi: realScore, polaritas: aturan.polaritas, aturan: aturan)
        }
        guard let skala = aturan.skala, let targetGrade, let realGrade else {
            return .tidakTerhitung(aturan.skala == nil ? .predikatTidakDikenal : .jenisBerbeda)
        }
        guard var targetRank = skala.peringkat(targetGrade), var realRank = skala.peringkat(realGrade) else {
            return .tidakTerhitung(.predikatTidakDikenal)
        }
        if aturan.polaritas == .turun {
            targetRank = skala.urutan.count - 1 - targetRank
            realRank = skala.urutan.count - 1 - realRank
        }
        if realRank > targetRank { return .nilai(100) }
        if realRank == targetRank {
            if let targetScore, let realScore, realScore < targetScore {
                return numerik(target: targetScore, realisasi: realScore, polaritas: aturan.polaritas, aturan: aturan)
            }
            return .nilai(100)
        }
        if let targetScore, let realScore {
            return numerik(target: targetScore, realisasi: realScore, polaritas: aturan.polaritas, aturan: aturan)
        }
        return .nilai(Decimal(realRank + 1).dividing(by: Decimal(targetRank + 1)).multiplying(by: 100))
    }

    static func gradeAndScore(_ value: Nilai, skala: SkalaPredikat?) -> (String?, Decimal?) {
        switch value {
        case .predikat(let grade, let score): (grade, score)
        case .angka(let score): (skala?.grade(untukSkor: score), score)
        case .rentang, .ada: (nil, nil)
        }
    }
}
