import Foundation
import KinerjaDomain
import Testing

@Suite("Capaian")
struct CapaianTests {
    let naik = AturanCapaian(polaritas: .naik)
    let turunKebalikan = AturanCapaian(polaritas: .turun, metodeTurun: .kebalikan, batasRasio: 200)
    let turunSelisih = AturanCapaian(polaritas: .turun, metodeTurun: .selisih)

    func hitung(_ t: Nilai?, _ r: Nilai?, _ aturan: AturanCapaian) -> HasilCapaian {
        CapaianEngine.capaian(target: t, realisasi: r, aturan: aturan)
    }

    @Test func naikIsRealisasiOverTarget() {
        #expect(hitung(.angka(200), .angka(200), naik) == .nilai(100))
        #expect(hitung(.angka(45), .angka(54), naik) == .nilai(120))
        #expect(hitung(.angka(4), .angka(1), naik) == .nilai(25))
    }

    @Test func turunKebalikanIsTargetOverRealisasi() {
        // Seed 003 Tabel 2.3: target 16.45, realisasi 24.59 → 66.90 %.
        let result = hitung(.angka(Decimal(string: "16.45")!), .angka(Decimal(string: "24.59")!), turunKebalikan)
        #expect(result.persen?.rounded(scale: 2) == Decimal(string: "66.9"))
    }

    @Test func turunSelisihIsTwoTMinusROverT() {
        #expect(hitung(.angka(4), .angka(Decimal(string: "3.49")!), turunSelisih).persen == Decimal(string: "112.75"))
        // Far worse than target: floored at 0, never negative.
        #expect(hitung(.angka(10), .angka(35), turunSelisih) == .nilai(0))
        // R = 0 is the best possible: 200 %.
        #expect(hitung(.angka(10), .angka(0), turunSelisih) == .nilai(200))
    }

    @Test func realisasiMissingIsBelumDiisi() {
        #expect(hitung(.angka(10), nil, naik) == .belumDiisi)
        #expect(hitung(nil, nil, naik) == .belumDiisi)
        #expect(hitung(.angka(10), nil, naik).persen == nil)
    }

    @Test func targetMissingIsTanpaTarget() {
        #expect(hitung(nil, .angka(5), naik) == .tanpaTarget)
    }

    @Test func zeroTargetZeroRealisasiIsHundred() {
        #expect(hitung(.angka(0), .angka(0), naik) == .nilai(100))
        #expect(hitung(.angka(0), .angka(0), turunKebalikan) == .nilai(100))
        #expect(hitung(.angka(0), .angka(0), turunSelisih) == .nilai(100))
    }

    @Test func naikZeroTargetPositiveRealisasiIsNotComputable() {
        #expect(hitung(.angka(0), .angka(3), naik) == .tidakTerhitung(.targetNol))
    }

    @Test func turunZeroTargetPositiveRealisasiIsZero() {
        #expect(hitung(.angka(0), .angka(3), turunKebalikan) == .nilai(0))
        #expect(hitung(.angka(0), .angka(3), turunSelisih) == .nilai(0))
    }

    @Test func kebalikanWithZeroRealisasiIsCapped() {
        #expect(hitung(.angka(5), .angka(0), turunKebalikan) == .dibatasi(200))
        // A ratio above the bound is bounded too.
        #expect(hitung(.angka(5), .angka(1), turunKebalikan) == .dibatasi(200))
    }

    @Test func negativeTargetIsNotComputable() {
        #expect(hitung(.angka(-2), .angka(1), naik) == .tidakTerhitung(.targetNegatif))
    }

    @Test func rangeTarget() {
        let range = Nilai.rentang(70, 75)
        #expect(hitung(range, .angka(72), naik) == .nilai(100))
        #expect(hitung(range, .angka(70), naik) == .nilai(100))
        #expect(hitung(range, .angka(35), naik) == .nilai(50))
        #expect(hitung(range, .angka(90), naik) == .nilai(120))
        let stable = AturanCapaian(polaritas: .rentang, metodeTurun: .kebalikan)
        #expect(hitung(range, .angka(35), stable) == .nilai(50))
        #expect(hitung(range, .angka(150), stable) == .nilai(50))
        // Bounds given backwards are read in order.
        #expect(hitung(.rentang(75, 70), .angka(72), naik) == .nilai(100))
    }

    @Test func rangeAsRealisasiIsRefused() {
        #expect(hitung(.angka(1), .rentang(1, 2), naik) == .tidakTerhitung(.realisasiRentang))
    }

    @Test func adaTidak() {
        #expect(hitung(.ada(true), .ada(true), naik) == .nilai(100))
        #expect(hitung(.ada(true), .ada(false), naik) == .nilai(0))
        #expect(hitung(.ada(true), .angka(1), naik) == .tidakTerhitung(.jenisBerbeda))
    }
}

@Suite("Capaian predikat")
struct PredikatTests {
    let aturan = AturanCapaian(polaritas: .naik, skala: .sakip)

    func hitung(_ t: Nilai, _ r: Nilai, _ aturan: AturanCapaian? = nil) -> HasilCapaian {
        CapaianEngine.capaian(target: t, realisasi: r, aturan: aturan ?? self.aturan)
    }

    @Test func metOrExceededIsHundred() {
        #expect(hitung(.predikat("BB", skor: nil), .predikat("BB", skor: nil)) == .nilai(100))
        #expect(hitung(.predikat("BB", skor: nil), .predikat("A", skor: nil)) == .nilai(100))
        #expect(hitung(.predikat("BB", skor: 70.4), .predikat("A", skor: 81)) == .nilai(100))
    }

    @Test func shortOfTargetUsesOrdinalRatio() {
        // D C CC B BB A AA: A has rank 5, BB rank 4 → 5/6.
        let result = hitung(.predikat("A", skor: nil), .predikat("BB", skor: nil))
        #expect(result.persen?.rounded(scale: 2) == Decimal(string: "83.33"))
    }

    @Test func shortOfTargetWithScoresUsesScores() {
        let result = hitung(
            .predikat("BB", skor: Decimal(string: "70.4")!), .predikat("B", skor: Decimal(string: "66.04")!))
        #expect(result.persen?.rounded(scale: 2) == Decimal(string: "93.81"))
    }

    @Test func sameGradeLowerScoreUsesScores() {
        // Seed 003: "74.91 (BB)" against "74.91 (BB)" → 100 %.
        #expect(
            hitung(.predikat("BB", skor: Decimal(string: "74.91")!), .predikat("BB", skor: Decimal(string: "74.91")!))
                == .nilai(100))
        let lower = hitung(.predikat("BB", skor: 75), .predikat("BB", skor: 72))
        #expect(lower == .nilai(96))
    }

    @Test func numberIsPlacedOnTheScale() {
        // A score of 81 on the SAKIP scale is an A: meets a BB target.
        #expect(hitung(.predikat("BB", skor: nil), .angka(81)) == .nilai(100))
        #expect(SkalaPredikat.sakip.grade(untukSkor: 70) == "B")
        #expect(SkalaPredikat.sakip.grade(untukSkor: Decimal(string: "70.01")!) == "BB")
        #expect(SkalaPredikat.sakip.grade(untukSkor: 95) == "AA")
        #expect(SkalaPredikat.sakip.grade(untukSkor: 10) == "D")
    }

    @Test func unknownGradeIsNotComputable() {
        #expect(hitung(.predikat("ZZ", skor: nil), .predikat("A", skor: nil)) == .tidakTerhitung(.predikatTidakDikenal))
    }

    @Test func noScaleButScoresComparesScores() {
        // Indeks Pelayanan Publik "3,01 (-B)": a grade outside any scale, with its score.
        let noScale = AturanCapaian(polaritas: .naik)
        #expect(hitung(.predikat("B", skor: 4), .predikat("B", skor: 3), noScale) == .nilai(75))
        #expect(
            hitung(.predikat("B", skor: nil), .predikat("A", skor: nil), noScale)
                == .tidakTerhitung(.predikatTidakDikenal))
    }

    @Test func opiniBPKOrder() {
        let opini = AturanCapaian(polaritas: .naik, skala: .opiniBPK)
        #expect(hitung(.predikat("WTP", skor: nil), .predikat("WDP", skor: nil), opini) == .nilai(75))
        #expect(hitung(.predikat("WDP", skor: nil), .predikat("WTP", skor: nil), opini) == .nilai(100))
    }

    @Test func gradeReadingToleratesMarks() {
        #expect(SkalaPredikat.sakip.peringkat("(-B)") == 3)
        #expect(SkalaPredikat.sakip.peringkat(" bb ") == 4)
    }
}
