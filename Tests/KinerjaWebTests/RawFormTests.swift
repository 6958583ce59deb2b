import Foundation
import Testing

@testable import KinerjaWeb

/// The form decoder the realisasi and plan forms go through: the same fields as Foundation's percent decoding gave,
/// read over bytes.
@Suite("Formulir mentah")
struct RawFormTests {
    @Test("urlencoded: plus, percent, UTF-8, empty and repeated fields")
    func urlEncodedDecodes() {
        let form = RawForm.urlEncoded(
            "r.a=1.000%2C5&k.b=25.000.000&nama=Dinas+Sosial+%26+PMD&catatan=Capaian+%E2%89%A5+100%25&kosong=&tanpa"
                + "&&dobel=1&dobel=2")
        #expect(form["r.a"] == "1.000,5")
        #expect(form["k.b"] == "25.000.000")
        #expect(form["nama"] == "Dinas Sosial & PMD")
        #expect(form["catatan"] == "Capaian ≥ 100%")
        #expect(form["kosong"] == "")
        #expect(form["tanpa"] == "")
        #expect(form["dobel"] == "2")
        #expect(form.isian.count == 7)
        #expect(RawForm.urlEncoded("").isian.isEmpty)
        #expect(RawForm.urlEncoded("a=1&").isian == ["a": "1"])
    }

    @Test("urlencoded: what is not valid percent-encoded UTF-8 is kept as sent, as Foundation's decoder left it")
    func urlEncodedKeepsInvalid() {
        let form = RawForm.urlEncoded("a=50%+naik&b=%zz&c=%E2%89&d=%4&e=x%41y")
        #expect(form["a"] == "50%+naik")
        #expect(form["b"] == "%zz")
        #expect(form["c"] == "%E2%89")
        #expect(form["d"] == "%4")
        #expect(form["e"] == "xAy")
        for text in ["a=50%+naik", "b=%zz", "c=%E2%89", "e=x%41y", "f=a+b%20c"] {
            let raw = String(text.split(separator: "=")[1])
            let foundation = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
            #expect(RawForm.urlEncoded(text).isian.values.first == foundation, "\(text)")
        }
    }
}
