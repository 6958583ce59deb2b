import Foundation
import KinerjaDomain
import PropertyBased
import Testing

/// Invariants of the calculation engine over random inputs.
@Suite("Sifat mesin capaian")
struct PropertyTests {
    /// Values with up to two decimals from -50 to 1000, zero included often.
    static let value = Gen.int(in: -5_000...100_000).map { Decimal($0) / 100 }
    static let nonNegative = Gen.int(in: 0...100_000).map { Decimal($0) / 100 }
    static let polaritas = Gen<Polaritas>.case
    static let metode = Gen<MetodeTurun>.case

    static func aturan(_ polaritas: Polaritas, _ metode: MetodeTurun) -> AturanCapaian {
        AturanCapaian(polaritas: polaritas, metodeTurun: metode, skala: .sakip, batasRasio: 200)
    }

    @Test func neverNaNOrInfinite() async {
        await propertyCheck(count: 500, input: Self.value, Self.value, Self.polaritas, Self.metode) { t, r, p, m in
            let result = CapaianEngine.capaian(target: .angka(t), realisasi: .angka(r), aturan: Self.aturan(p, m))
            if let value = result.persen {
                #expect(value.isFiniteNumber)
            }
        }
    }

    @Test func rangeTargetsNeverNaN() async {
        await propertyCheck(count: 300, input: Self.nonNegative, Self.nonNegative, Self.value, Self.polaritas) {
            a, b, r, p in
            let result = CapaianEngine.capaian(
                target: .rentang(a, b), realisasi: .angka(r), aturan: Self.aturan(p, .kebalikan))
            if let value = result.persen { #expect(value.isFiniteNumber) }
        }
    }

    @Test func naikIsMonotoneInRealisasi() async {
        await propertyCheck(count: 500, input: Self.nonNegative, Self.nonNegative, Self.nonNegative) { t, r1, r2 in
            let low = min(r1, r2)
            let high = max(r1, r2)
            let rule = Self.aturan(.naik, .kebalikan)
            let a = CapaianEngine.capaian(target: .angka(t), realisasi: .angka(low), aturan: rule).persen
            let b = CapaianEngine.capaian(target: .angka(t), realisasi: .angka(high), aturan: rule).persen
            if let a, let b { #expect(a <= b) }
        }
    }

    @Test func turunIsAntitoneInRealisasi() async {
        await propertyCheck(count: 500, input: Self.nonNegative, Self.nonNegative, Self.nonNegative, Self.metode) {
            t, r1, r2, m in
            let low = min(r1, r2)
            let high = max(r1, r2)
            let rule = Self.aturan(.turun, m)
            let a = CapaianEngine.capaian(target: .angka(t), realisasi: .angka(low), aturan: rule).persen
            let b = CapaianEngine.capaian(target: .angka(t), realisasi: .angka(high), aturan: rule).persen
            if let a, let b { #expect(a >= b) }
        }
    }

    @Test func capaianIsNeverNegative() async {
        await propertyCheck(count: 500, input: Self.nonNegative, Self.nonNegative, Self.polaritas, Self.metode) {
            t, r, p, m in
            if let value = CapaianEngine.capaian(target: .angka(t), realisasi: .angka(r), aturan: Self.aturan(p, m))
                .persen
            {
                #expect(value >= 0)
            }
        }
    }

    @Test func rollUpLiesBetweenChildrenMinAndMax() async {
        let child = Gen.int(in: 0...30_000).map { Decimal($0) / 100 }
        let weight = Gen.int(in: 0...5).map { Decimal($0) }
        await propertyCheck(count: 300, input: child.array(of: 1...12), weight.array(of: 12...12), Gen.bool) {
            values, weights, cap in
            let children = values.enumerated().map { RollUp.Anak(hasil: .nilai($1), bobot: weights[$0]) }
            let result = RollUp.rataRata(children, batasi: cap)
            guard let mean = result.capaian else {
                // Only when every weight is zero.
                #expect(weights.prefix(values.count).allSatisfy { $0 == 0 })
                return
            }
            let effective = values.enumerated().filter { weights[$0.offset] > 0 }.map {
                cap ? min($0.element, 100) : $0.element
            }
            #expect(mean >= effective.min()! - Decimal(string: "0.0000001")!)
            #expect(mean <= effective.max()! + Decimal(string: "0.0000001")!)
        }
    }

    @Test func kumulatifOfNonNegativesIsAtLeastEachValue() async {
        await propertyCheck(count: 200, input: Self.nonNegative.array(of: 1...8)) { values in
            let total = Agregasi.kumulatif.gabung(values.map(Optional.some))!
            for value in values { #expect(total >= value) }
        }
    }

    @Test func indonesianFormatRoundTripsThroughTheParser() async {
        await propertyCheck(count: 300, input: Gen.int(in: -10_000_000...10_000_000)) { cents in
            let value = Decimal(cents) / 100
            let printed = IndonesianFormat.number(value, fractionDigits: 2)
            #expect(NilaiParser.angka(printed, desimal: .koma) == value)
        }
    }

    @Test func kodeNormalFormIsStable() async {
        let segment = Gen.int(in: 1...99)
        await propertyCheck(count: 200, input: Gen.int(in: 1...9), segment, segment, segment, Gen.int(in: 1...9999)) {
            u, b, p, k, s in
            let text = "\(u).\(b).\(p).2.\(k).\(s)"
            let kode = try Kode.parse(text)
            let again = try Kode.parse(kode.normal)
            #expect(again.normal == kode.normal)
            #expect(kode.extends(try Kode.parse("\(u).\(b).\(p)")))
        }
    }
}
