import Foundation
import KinerjaDomain
import Testing

@Suite("Kode")
struct KodeTests {
    @Test(arguments: [
        ("7.01.01.2.01.0001", "7.01.01.2.01.0001", Tingkat.subKegiatan),
        ("7.01.01", "7.01.01", .program),
        ("7.01.01.2.01", "7.01.01.2.01", .kegiatan),
        ("6.01", "06.01", .program),
        ("06.01.2.01", "06.01.2.01", .kegiatan),
        ("06.01.2.01.06", "06.01.2.01.0006", .subKegiatan),
        ("2.08.02", "2.08.02", .program),
        ("2.08.02.2.01", "2.08.02.2.01", .kegiatan),
        ("2.08.02.2.01.04", "2.08.02.2.01.0004", .subKegiatan),
        ("X.XX.01", "X.XX.01", .program),
        ("x.xx.01.2.02.0003", "X.XX.01.2.02.0003", .subKegiatan),
        (" 1.02.03 ", "1.02.03", .program),
    ])
    func normalises(printed: String, normal: String, tingkat: Tingkat) throws {
        let kode = try Kode.parse(printed)
        #expect(kode.normal == normal)
        #expect(kode.tingkat == tingkat)
        #expect(kode.asli == printed.trimmingCharacters(in: .whitespaces))
    }

    /// A plain code (ASCII digits, dots and X) is cut and counted by bytes; with a space after it, the same code
    /// goes the general way (trimmed, cut and counted by Character): both give the same code or the same error.
    @Test func plainCodesParseAsTheGeneralWayDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789.X..")
        func hasil(_ text: String) -> Result<Kode, KodeError> {
            Result { () throws(KodeError) in try Kode.parse(text) }
        }
        var diterima = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...20, using: &generator)
            let code = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let plain = hasil(code)
            #expect(plain == hasil(code + " "), "\(code)")
            if case .success = plain { diterima += 1 }
        }
        for code in ["7.01.01.2.01.0001", "6.01", "06.01.2.01.06", "X.XX.01", "2.08.02.2.01"] {
            #expect(hasil(code) == hasil(code + " "))
            #expect(throws: Never.self) { try Kode.parse(code) }
        }
        #expect(diterima > 0)
    }

    /// A code in the normal form is read by position (`bentukNormal`); the same code with a space after it goes the
    /// general way: both give the same code, or the same error, at every expected level. The codes are of the
    /// normal form's lengths and dots, each other place a digit or an `X` (an `X` where a digit must be is refused).
    @Test func codesOfTheNormalFormParseAsTheGeneralWayDoes() {
        var generator = SystemRandomNumberGenerator()
        let places = Array("0123456789X")
        func hasil(_ text: String, _ tingkat: Tingkat?) -> Result<Kode, KodeError> {
            Result { () throws(KodeError) in try Kode.parse(text, tingkat: tingkat) }
        }
        var diterima = 0
        for _ in 0..<20_000 {
            let shape = ["_._", "_.__.__", "_.__.__._.__", "_.__.__._.__.____", "__.__.__", "_.__.__._.__.___"]
                .randomElement(using: &generator)!
            // Mostly digits, so that most codes are whole ones.
            let code = String(
                shape.map { mark in
                    mark == "."
                        ? "."
                        : Int.random(in: 0..<8, using: &generator) == 0
                            ? places.randomElement(using: &generator)!
                            : Character(String(Int.random(in: 0...9, using: &generator)))
                })
            for tingkat in [nil, Tingkat.program, .kegiatan, .subKegiatan] {
                let normal = hasil(code, tingkat)
                #expect(normal == hasil(code + " ", tingkat), "\(code) \(String(describing: tingkat))")
                if case .success = normal { diterima += 1 }
            }
        }
        #expect(diterima > 10_000)
    }

    /// `trimmed()` answers ASCII's white space without Unicode's tables: the same as Foundation's trimming for
    /// every ASCII character and a few others at either end.
    @Test func trimmingAsFoundationDoesAtEitherEnd() {
        let scalars =
            (0..<128).compactMap(Unicode.Scalar.init) + ["\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "é", "\u{1C}"]
        for scalar in scalars {
            for text in ["\(scalar)x", "x\(scalar)", "\(scalar)", "\(scalar)x\(scalar)"] {
                #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(scalar.value)")
                #expect(text.trimmedSpaces() == text.trimmingCharacters(in: .whitespaces), "U+\(scalar.value)")
            }
        }
    }

    @Test(arguments: ["", "abc", "1..2", "1.02.03.4", "1.02.03.2.1.00001", "12.345", "1.02.03.2.01.0001.5", "1.02.AB"])
    func refusesMalformed(text: String) {
        #expect(throws: KodeError.self) { try Kode.parse(text) }
    }

    @Test func childExtendsParent() throws {
        let program = try Kode.parse("6.01")
        let kegiatan = try Kode.parse("06.01.2.01")
        let sub = try Kode.parse("06.01.2.01.06")
        let other = try Kode.parse("06.02.2.01")
        #expect(kegiatan.extends(program))
        #expect(sub.extends(kegiatan))
        #expect(sub.extends(program))
        #expect(!other.extends(program))
        #expect(!program.extends(kegiatan))
        #expect(!kegiatan.extends(kegiatan))
        let full = try Kode.parse("1.06.01.2.01.0001")
        #expect(full.extends(program))  // urusan omitted on the parent: matches any
        #expect(!full.extends(try Kode.parse("2.06.01")))
    }

    @Test func indukIsTheCodeOneLevelUp() throws {
        #expect(try Kode.parse("06.01.2.01.06").induk?.normal == "06.01.2.01")
        #expect(try Kode.parse("06.01.2.01").induk?.normal == "06.01")
        #expect(try Kode.parse("6.01").induk == nil)
    }

    @Test func expectedLevelIsChecked() {
        #expect(throws: KodeError.tingkatTidakCocok("6.01", tertulis: .kegiatan, dariKode: .program)) {
            try Kode.parse("6.01", tingkat: .kegiatan)
        }
    }

    @Test func messagesAreIndonesian() {
        do {
            _ = try Kode.parse("1.02.AB")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("tidak berbentuk"))
        }
    }
}

@Suite("Nilai, format, uang")
struct NilaiFormatTests {
    @Test(arguments: [
        ("100%", Nilai.angka(100), "%"),
        ("2 dokument", .angka(2), "dokument"),
        ("B = 66.04", .predikat("B", skor: Decimal(string: "66.04")!), ""),
        ("74.91 (BB)", .predikat("BB", skor: Decimal(string: "74.91")!), ""),
        ("BB", .predikat("BB", skor: nil), ""),
        ("70-75", .rentang(70, 75), ""),
        ("Ada", .ada(true), ""),
        ("Tidak Ada", .ada(false), ""),
        ("12 Laporan", .angka(12), "Laporan"),
    ])
    func parsesPrintedValues(text: String, nilai: Nilai, satuan: String) throws {
        let parsed = try #require(try NilaiParser.parse(text))
        #expect(parsed.nilai == nilai)
        #expect(parsed.satuan == satuan)
    }

    @Test func commaDecimal() throws {
        #expect(
            try NilaiParser.parse("3,01 (-B)", desimal: .koma)?.nilai == .predikat("-B", skor: Decimal(string: "3.01")!)
        )
        #expect(try NilaiParser.parse("10,77", desimal: .koma)?.nilai == .angka(Decimal(string: "10.77")!))
        #expect(try NilaiParser.parse("1.234,5", desimal: .koma)?.nilai == .angka(Decimal(string: "1234.5")!))
    }

    @Test func emptyAndDashAreMissing() throws {
        #expect(try NilaiParser.parse("") == nil)
        #expect(try NilaiParser.parse(" - ") == nil)
        #expect(throws: DomainError.self) { try NilaiParser.parse("banyak sekali") }
    }

    @Test func storageRoundTrip() {
        let values: [Nilai] = [
            .angka(Decimal(string: "11.51")!), .angka(-3), .rentang(70, 75),
            .predikat("BB", skor: Decimal(string: "70.4")!),
            .predikat("A", skor: nil), .ada(true), .ada(false),
        ]
        for value in values { #expect(Nilai(kodeSimpan: value.kodeSimpan) == value) }
        #expect(Nilai(kodeSimpan: "z:1") == nil)
        #expect(Nilai(kodeSimpan: "a:abc") == nil)
    }

    @Test func plainDecimals() {
        #expect(Decimal(plain: "11.51") == Decimal(string: "11.51"))
        #expect(Decimal(plain: " -0.5 ") == Decimal(string: "-0.5"))
        #expect(Decimal(plain: "+3") == 3)
        #expect(Decimal(plain: ".5") == Decimal(string: "0.5"))
        #expect(Decimal(plain: "12345678901234567890123.45") == Decimal(string: "12345678901234567890123.45"))
        for bad in ["", "-", ".", "1e3", "1.2.3", "1,5", "abc", "--1"] { #expect(Decimal(plain: bad) == nil, "\(bad)") }
        #expect(Decimal(plain: "-0") == 0)
    }

    @Test func indonesianNumbers() {
        #expect(IndonesianFormat.number(Decimal(string: "1234567.89")!, fractionDigits: 2) == "1.234.567,89")
        #expect(IndonesianFormat.number(Decimal(string: "66.8971")!, fractionDigits: 2) == "66,90")
        #expect(IndonesianFormat.percent(Decimal(string: "66.8971")!) == "66,90 %")
        #expect(IndonesianFormat.number(1000) == "1.000")
        #expect(IndonesianFormat.number(Decimal(string: "-0.001")!, fractionDigits: 2) == "0,00")
        #expect(IndonesianFormat.number(-1500, fractionDigits: 0) == "-1.500")
    }

    @Test func rupiahIsExactToTheSen() {
        let pagu = Rupiah(sen: 831_850_000_000)
        #expect(IndonesianFormat.rupiah(pagu) == "Rp 8.318.500.000")
        #expect(IndonesianFormat.rupiah(Rupiah(sen: 123_456_789), alwaysSen: true) == "Rp 1.234.567,89")
        #expect(IndonesianFormat.rupiah(Rupiah(sen: 5), prefix: false) == "0,05")
        #expect(
            Rupiah(exactly: Decimal(string: "0.1")!)! + Rupiah(exactly: Decimal(string: "0.2")!)! == Rupiah(
                exactly: Decimal(string: "0.3")!)!)
        #expect(Rupiah(exactly: Decimal(string: "1.005")!) == nil)
        #expect([Rupiah(91_922_600), Rupiah(389_800_000)].sum() == Rupiah(481_722_600))
    }

    @Test func nipIsValidated() throws {
        let unit = TypedID<UnitKerja>()
        let pejabat = try Pejabat(unitKerja: unit, nama: "A", nip: "19700101 199003 1 001", pangkat: "Pembina")
        #expect(pejabat.nipTercetak == "19700101 199003 1 001")
        #expect(throws: DomainError.self) { try Pejabat(unitKerja: unit, nama: "A", nip: "123", pangkat: "") }
    }

    @Test func periodsAreData() throws {
        let rpjmd = try Periode(jenis: .rpjmd, tahunAwal: 2021, tahunAkhir: 2026)
        #expect(rpjmd.jumlahTahun == 6)
        #expect(rpjmd.nama == "RPJMD 2021-2026")
        #expect(throws: DomainError.self) { try Periode(jenis: .renstra, tahunAwal: 2026, tahunAkhir: 2021) }
        #expect(PeriodeLaporan(tahun: 2024, triwulan: 4) < PeriodeLaporan(tahun: 2024))
        #expect(PeriodeLaporan(tahun: 2024, triwulan: 3).description == "2024 TW III")
    }
}

@Suite("Pohon rencana")
struct PlanTreeTests {
    let pd = TypedID<PerangkatDaerah>()

    @Test func childCodeMustExtendParent() throws {
        let program = try ElemenRencana(
            perangkatDaerah: pd, induk: nil, tingkat: .program, kode: try Kode.parse("6.01"), uraian: "P")
        let good = try ElemenRencana(
            perangkatDaerah: pd, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.01.2.01"), uraian: "K")
        try good.validasiInduk(program)
        let bad = try ElemenRencana(
            perangkatDaerah: pd, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.02.2.01"), uraian: "K")
        #expect(throws: DomainError.self) { try bad.validasiInduk(program) }
    }

    @Test func levelsMustNest() throws {
        let program = try ElemenRencana(perangkatDaerah: pd, induk: nil, tingkat: .program, uraian: "P")
        let sub = try ElemenRencana(perangkatDaerah: pd, induk: program.id, tingkat: .subKegiatan, uraian: "S")
        #expect(throws: DomainError.self) { try sub.validasiInduk(program) }
        #expect(throws: DomainError.self) { try sub.validasiInduk(nil) }
    }

    @Test func kodeLevelMustMatch() {
        #expect(throws: DomainError.self) {
            try ElemenRencana(
                perangkatDaerah: pd, induk: nil, tingkat: .kegiatan, kode: try Kode.parse("6.01"), uraian: "P")
        }
    }

    @Test func pdLevelsNeedAPD() {
        #expect(throws: DomainError.self) {
            try ElemenRencana(perangkatDaerah: nil, induk: nil, tingkat: .program, uraian: "P")
        }
    }

    @Test func indicatorNeedsAName() {
        #expect(throws: DomainError.self) {
            try Indikator(elemen: TypedID(), nama: "  ", satuan: "%", jenis: .output)
        }
        #expect(throws: DomainError.self) {
            try Indikator(elemen: TypedID(), nama: "Nilai SAKIP", satuan: "", jenis: .outcome, jenisNilai: .predikat)
        }
    }

    @Test func realisasiMustBeNonNegativeMoney() {
        #expect(throws: DomainError.self) {
            try RealisasiAnggaran(
                elemen: TypedID(), periode: .init(tahun: 2024, triwulan: 1), keuangan: Rupiah(sen: -1), fisik: nil)
        }
        #expect(throws: DomainError.self) {
            try RealisasiAnggaran(
                elemen: TypedID(), periode: .init(tahun: 2024, triwulan: 1), keuangan: nil, fisik: 101)
        }
    }
}
