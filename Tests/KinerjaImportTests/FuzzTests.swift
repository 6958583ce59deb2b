import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaSpreadsheet
import Testing

/// Bounded fuzzing of the readers: mutated workbooks (XML and ZIP bytes), random cell text for the number, value
/// and kode parsers, random CSV. Nothing may crash or hang; every outcome is a value or a finding. CI runs the
/// default count; `KINERJA_FUZZ_ITERATIONS=100000 swift test --filter Fuzz` runs a longer campaign.
@Suite("Fuzz")
struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["KINERJA_FUZZ_ITERATIONS"] ?? "") ?? 300

    typealias Generator = SplitMix64

    static let alphabet = Array("0123456789.,-+%() RpABx=<>&\"'/;:\n\té—\u{00A0}#")

    static func randomText(_ rng: inout Generator, length: Int = 12) -> String {
        String((0..<Int.random(in: 0...length, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// The official-table readers on damaged tables: cells of the Renja and Renstra layouts built by the tests
    /// blanked, swapped, cut or replaced by what real files hold (`(3)`, `1.02 -`, `TOTAL`, units, long text);
    /// reading and planning never crash, and every outcome is a table or a finding.
    @Test func damagedOfficialTablesNeverCrash() throws {
        var rng = Generator(seed: 11)
        var grids: [[[String]]] = []
        for layout in VariasiTataLetakTests.tataLetak {
            grids.append(try Self.grid(try VariasiTataLetakTests.berkas(layout)))
        }
        grids.append(try Self.grid(try EvaluasiTriwulanTests.berkas()))
        grids.append(try Self.grid(try RealisasiTahunanTests.berkas()))
        for form in RenstraTataLetakTests.bentuk {
            grids.append(
                try Self.grid(
                    try RenstraTataLetakTests.berkas(
                        RenstraTataLetakTests.isi(), tahunDiKepala: form.tahunDiKepala,
                        kodeDalamUraian: form.kodeDalamUraian)))
        }
        for form in TanpaKodeTests.Penomoran.allCases {
            grids.append(try Self.grid(try TanpaKodeTests.berkas(form)))
        }
        grids.append(try Self.grid(try PernyataanTests.renja()))
        grids.append(try Self.grid(try PernyataanTests.perkiraan()))
        let pieces = [
            "", "(3)", "(01)", "6 = 5/4", "I.", "A.", "a)", "IV. PROGRAM", "Outcome: Meningkatnya", "Output -",
            "Catatan Penting", "Sasaran Program", "Perkiraan Realisasi 2025", "Tingkat Capaian (%)", "1", "1.02",
            "1.02 - URUSAN KESEHATAN", "7.01.01 - PROGRAM", "TOTAL",
            "JUMLAH", "7 Dokumen", "- desa/kel", "100%", "Rp 1.000.000,00", "2,746", "Tahun-3", "Tahun 2027", "Target",
            "Rp", "Jumlah (Unit)", "(", ")", "1.02.02.2.01.0001", "X.XX", "kode", "indikator", "pagu",
            String(repeating: "panjang ", count: 200),
        ]
        let pd = PerangkatDaerah(kode: "FUZZ", nama: "Dinas Fuzz")
        // A stored plan, so that rows without kode are matched against something.
        let existing = try TanpaKodeTests.tersimpan(pd)
        for _ in 0..<Self.iterations {
            var grid = grids.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...10, using: &rng) {
                let row = Int.random(in: 0..<grid.count, using: &rng)
                guard !grid[row].isEmpty else { continue }
                let column = Int.random(in: 0..<grid[row].count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: grid[row][column] = pieces.randomElement(using: &rng)!
                case 1: grid[row][column] = Self.randomText(&rng)
                case 2: grid.remove(at: row)
                case 3: grid.insert(grid[row], at: row)
                default: grid[row].remove(at: column)
                }
            }
            let hasil = Importer.baca(Data(CSV.write(grid).utf8), namaBerkas: "rusak.csv")
            _ = Importer.pratinjau(hasil, pd: pd, existing: existing)
        }
    }

    /// Mapping files are input too: random mappings (unknown names, huge or negative column numbers, repeated
    /// names, no year) are refused by `periksa` or read harmlessly; none crashes the reader.
    @Test func randomMappingsNeverCrash() throws {
        var rng = Generator(seed: 5)
        let data = Data(PetaLembarTests.csv.utf8)
        let names = PetaLembar.namaRencana + PetaLembar.namaRealisasi + ["target_2026", "pagu_2026", "x", ""]
        for _ in 0..<Self.iterations {
            var kolom: [Int: String] = [:]
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                let index = [Int.random(in: -5...10, using: &rng), Int.max, Int.min, 1_000_000].randomElement(
                    using: &rng)!
                kolom[index] = names.randomElement(using: &rng)!
            }
            let mapping = PetaLembar(
                tanda: PetaLembarTests.peta.tanda, jenis: ["rencana", "realisasi", "lain"].randomElement(using: &rng)!,
                kolom: kolom, tahun: Bool.random(using: &rng) ? Int.random(in: -3...3000, using: &rng) : nil,
                triwulan: Bool.random(using: &rng) ? Int.random(in: -3...20, using: &rng) : nil)
            _ = try? mapping.periksa()
            _ = Importer.baca(data, namaBerkas: "bidang.csv", peta: [mapping])
            if let json = try? JSONEncoder().encode(mapping) {
                var bytes = Array(json)
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 32...126, using: &rng)
                _ = try? JSONDecoder().decode(PetaLembar.self, from: Data(bytes))
            }
        }
    }

    static func grid(_ xlsx: Data) throws -> [[String]] {
        try XLSXReader().read(xlsx).sheets[0].textRows()
    }

    @Test func parsersNeverCrash() {
        var rng = Generator(seed: 42)
        for _ in 0..<(Self.iterations * 20) {
            let text = Self.randomText(&rng)
            if let reading = try? AngkaIndonesia.baca(text), let value = reading.nilai(desimal: .koma) {
                #expect(value.isFiniteNumber)
            }
            _ = try? NilaiParser.parse(text)
            _ = try? Kode.parse(text)
            _ = try? CSV.parse(text)
        }
    }

    /// A cell of plain digits and marks skips the cleaning (`AngkaIndonesia.polos`): it reads exactly as the same
    /// text with blanks around it, which goes through the cleaning.
    @Test func plainNumbersReadAsTheyDoThroughTheCleaning() {
        var rng = Generator(seed: 11)
        let marks = Array("0123456789.,")
        for _ in 0..<(Self.iterations * 20) {
            let text = String(
                (0..<Int.random(in: 1...14, using: &rng)).map { _ in marks.randomElement(using: &rng)! })
            #expect(AngkaIndonesia.polos(text))
            let plain = try? AngkaIndonesia.baca(text)
            let padded = try? AngkaIndonesia.baca(" \(text)\u{00A0}")
            #expect(plain == padded, "\(text)")
        }
        #expect(!AngkaIndonesia.polos("") && !AngkaIndonesia.polos("1 000") && !AngkaIndonesia.polos("-5"))
    }

    @Test func mutatedWorkbooksNeverCrash() throws {
        var rng = Generator(seed: 7)
        let base = try fixture("openpyxl-rencana.xlsx")
        let workbook = try XLSXReader().read(base)
        #expect(!workbook.sheets.isEmpty)
        let sheetXML = Array(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>uraian</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\"><v>1.5E3</v></c></row><row r=\"2\"><c r=\"A2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"B2\"><f>SUM(A1)</f></c></row></sheetData><mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells></worksheet>"
                .utf8)
        for _ in 0..<Self.iterations {
            // Byte mutations of a real file.
            var bytes = Array(base)
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))) }
            _ = Importer.baca(Data(bytes), namaBerkas: "fuzz.xlsx")
            // XML mutations inside a valid ZIP.
            var xml = sheetXML
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let index = Int.random(in: 0..<xml.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: xml[index] = Array("<>\"/0123456789AZ&;=r".utf8).randomElement(using: &rng)!
                case 1: xml.remove(at: index)
                default: xml.insert(UInt8.random(in: 32...126, using: &rng), at: index)
                }
            }
            let archive = try ArchiveBuilder()
            let parts: [(String, Data)] = [
                ("xl/workbook.xml", HostileFileTests.workbookXML), ("xl/worksheets/sheet1.xml", Data(xml)),
                ("xl/sharedStrings.xml", Data("<sst><si><t>indikator</t></si></sst>".utf8)),
            ]
            for (path, data) in parts {
                try archive.add(path, size: Int64(data.count)) { position, count in
                    data.subdata(in: Int(position)..<Int(position) + count)
                }
            }
            let hasil = Importer.baca(archive.data, namaBerkas: "fuzz.xlsx")
            for finding in hasil.temuan { #expect(!finding.pesan.isEmpty) }
        }
    }
}
