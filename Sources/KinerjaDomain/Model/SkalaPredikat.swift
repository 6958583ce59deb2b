import Foundation

/// An ordered scale of predicates, lowest first (D < C < CC < B < BB < A < AA). A scale may carry score
/// thresholds (the lowest score of each grade), so that a numeric result can be placed on it.
public struct SkalaPredikat: Hashable, Sendable, Codable {
    public var nama: String
    /// Grades from the lowest to the highest.
    public var urutan: [String]
    /// The lowest score of each grade, by grade; empty when the scale has no scores.
    public var batasBawah: [String: Decimal]

    public init(nama: String, urutan: [String], batasBawah: [String: Decimal] = [:]) {
        self.nama = nama
        self.urutan = urutan
        self.batasBawah = batasBawah
    }

    /// The rank of a grade (0 = lowest), tolerant of case, spaces and a leading sign mark such as "(-B)".
    public func peringkat(_ grade: String) -> Int? {
        let key = Self.normalise(grade)
        return urutan.firstIndex { Self.normalise($0) == key }
    }

    /// The grade a score falls in, when the scale has thresholds.
    public func grade(untukSkor score: Decimal) -> String? {
        guard !batasBawah.isEmpty else { return nil }
        var best: String?
        for grade in urutan {
            if let threshold = batasBawah[grade], score >= threshold { best = grade }
        }
        return best ?? urutan.first
    }

    static func normalise(_ grade: String) -> String {
        grade.uppercased().filter { $0.isLetter }
    }

    /// Nilai SAKIP / LKE (PermenPAN-RB 88/2021): AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D ≤ 30.
    /// The thresholds are "greater than", so the lowest score of a grade is the bound plus the smallest step;
    /// scores are compared as `>=` against bound + 0.01.
    public static let sakip = SkalaPredikat(
        nama: "sakip",
        urutan: ["D", "C", "CC", "B", "BB", "A", "AA"],
        batasBawah: ["D": 0, "C": 30.01, "CC": 50.01, "B": 60.01, "BB": 70.01, "A": 80.01, "AA": 90.01]
    )

    /// Opini BPK: TMP < TW < WDP < WTP.
    public static let opiniBPK = SkalaPredikat(nama: "opini_bpk", urutan: ["TMP", "TW", "WDP", "WTP"])

    /// IKM / mutu pelayanan (PermenPAN-RB 14/2017): D < C < B < A.
    public static let mutuPelayanan = SkalaPredikat(
        nama: "mutu_pelayanan",
        urutan: ["D", "C", "B", "A"],
        batasBawah: ["D": 25, "C": 65, "B": 76.61, "A": 88.31]
    )

    public static let bawaan: [String: SkalaPredikat] = [
        sakip.nama: sakip, opiniBPK.nama: opiniBPK, mutuPelayanan.nama: mutuPelayanan,
    ]
}
