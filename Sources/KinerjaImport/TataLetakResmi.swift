import Foundation
import KinerjaDomain

/// Reads the official layouts: Renja T-C.33 / seed 003 Tabel 3.2 (year n and prakiraan maju n+1) and the Renja
/// evaluation seed 003 Tabel 2.1 (columns 1-11). Headers span several rows and merged cells and are found by their
/// text above the column-numbering row ("1 2 3 …", "8=(7/6)"); repeats of the header after a page break are
/// skipped; a row without kode and without numbers continues the row above.
enum TataLetakResmi {
    struct Kepala {
        var numbering: Int
        var columns: [Int: String]
        var numbers: [Int: Int]
        /// The text above the header (the table's title), where a period such as `2026-2030` is printed.
        var judul: String = ""
        /// The lowest header text of each column ("Target", "Rp" under a year).
        var bawah: [Int: String] = [:]
    }

    /// The numbering row: at least five cells whose leading integers run 1, 2, 3, …
    static func cariKepala(_ table: TabelMasukan) -> Kepala? {
        for (index, row) in table.baris.prefix(40).enumerated() {
            var expected = 1
            var numbers: [Int: Int] = [:]
            for (column, cell) in row.sel.enumerated() where !cell.isKosong {
                guard let number = leadingInteger(cell.teks), number == expected else { break }
                numbers[column] = number
                expected += 1
            }
            guard numbers.count >= 5, index > 0 else { continue }
            var start = index - 1
            while start > 0 && index - start < 4 && !table.baris[start - 1].isKosong
                && table.baris[start - 1].sel.filter({ !$0.isKosong }).count > 1
            {
                start -= 1
            }
            // A group header ("Rencana Tahun 2026" over Lokasi, Target, Pagu…) printed without merged cells stands in
            // its first column only: it reaches right over the empty cells of its row whose columns have a header
            // below, up to the next header of that row.
            let ordered = numbers.keys.sorted()
            var text: [Int: [Int: String]] = [:]
            for headerRow in start..<index {
                for column in ordered {
                    text[headerRow, default: [:]][column] = table.headerText(rowIndex: headerRow, column: column)
                }
            }
            for headerRow in start..<index where headerRow < index - 1 {
                var group = ""
                var groupHasBelow = false
                var groupAbove = ""
                for column in ordered {
                    let own = text[headerRow]![column]!
                    let below = ((headerRow + 1)..<index).contains { !(text[$0]![column]!.isEmpty) }
                    // A group never reaches under another group of the row above.
                    let above = headerRow > start ? text[headerRow - 1]![column]! : ""
                    if !own.isEmpty {
                        group = own
                        groupHasBelow = below
                        groupAbove = above
                    } else if !group.isEmpty && groupHasBelow && below && above == groupAbove {
                        text[headerRow]![column] = group
                    } else {
                        group = ""
                    }
                }
            }
            var columns: [Int: String] = [:]
            var bottom: [Int: String] = [:]
            for column in ordered {
                bottom[column] = (start..<index).reversed().lazy.map { text[$0]![column]! }.first { !$0.isEmpty } ?? ""
                var parts: [String] = []
                for headerRow in start..<index {
                    let value = text[headerRow]![column]!
                    if !value.isEmpty && parts.last != value { parts.append(value) }
                }
                columns[column] = parts.joined(separator: " ")
            }
            let judul = table.baris.prefix(start).flatMap { $0.sel.map(\.teks) }.filter { !$0.isEmpty }
                .joined(separator: " ")
            return Kepala(numbering: index, columns: columns, numbers: numbers, judul: judul, bawah: bottom)
        }
        return nil
    }

    /// The column number of a numbering cell: `3`, `(3)`, `(03)`, `3.`, `8=(7/6)`, `6 = 5/4`.
    static func leadingInteger(_ text: String) -> Int? {
        let digits = text.drop { $0 == "(" || $0 == " " }.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
        let rest = text.drop { $0 == "(" || $0 == " " }.dropFirst(digits.count).drop { $0 == " " }
        guard rest.isEmpty || rest.first == ")" || rest.first == "=" || rest.first == "." else { return nil }
        return value
    }

    /// `7.01.01 - PROGRAM …`, `1.02.02.2.01 Penyediaan …`: a kode at the start of an uraian cell, and the rest.
    static func kodeDiAwal(_ text: String) -> (Kode, String)? {
        let trimmed = text.trimmedSpaces()
        let candidate = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "X" || $0 == "x" }
        guard candidate.contains("."), let kode = try? Kode.parse(String(candidate)) else { return nil }
        var rest = trimmed.dropFirst(candidate.count).drop { $0 == " " }
        guard
            rest.isEmpty || rest.first == "-" || rest.first == "–" || rest.first == ":"
                || trimmed[trimmed.index(trimmed.startIndex, offsetBy: candidate.count)] == " "
        else { return nil }
        if rest.first == "-" || rest.first == "–" || rest.first == ":" { rest = rest.dropFirst().drop { $0 == " " } }
        return (kode, String(rest))
    }

    /// An urusan or bidang urusan row: its kode in the kode column or at the start of the uraian. One part (`1`)
    /// is an urusan; two parts (`1.02`) are a bidang urusan when the document's programs are written under it
    /// (`1.02.02`) or the text says so (`URUSAN …`, `BIDANG …`). A row whose text says `PROGRAM` is a program.
    static func urusanBaris(kode: String, uraian: String, bidangProgram: Set<String>) -> Urusan? {
        var token = kode.trimmedSpaces()
        var name = uraian.trimmedSpaces()
        if token.isEmpty {
            let candidate = name.prefix { $0.isNumber || $0 == "." || $0 == "X" || $0 == "x" }
            guard !candidate.isEmpty else { return nil }
            var rest = name.dropFirst(candidate.count)
            guard rest.first == " " || rest.first == "-" || rest.first == "–" else { return nil }
            rest = rest.drop { $0 == " " }
            if rest.first == "-" || rest.first == "–" || rest.first == ":" {
                rest = rest.dropFirst().drop { $0 == " " }
            }
            token = String(candidate)
            name = String(rest)
        }
        guard let normal = Urusan.kode(token) else { return nil }
        let lower = name.lowercased()
        let saysSo = lower.hasPrefix("urusan") || lower.hasPrefix("bidang")
        guard !lower.hasPrefix("program") else { return nil }
        guard !normal.contains(".") || bidangProgram.contains(normal) || saysSo else { return nil }
        return Urusan(kode: normal, nama: name)
    }

    /// Units that an indicator's name carries in parentheses at its end (`Jumlah Dokumen (Dokumen)`).
    static let satuanUmum: Set<String> = [
        "%", "persen", "dokumen", "laporan", "orang", "unit", "paket", "kegiatan", "bulan", "tahun", "hari", "kali",
        "desa", "kelurahan", "desa/kel", "kecamatan", "lokasi", "buah", "jiwa", "kk", "keluarga", "sekolah", "ha",
        "km", "m", "m2", "m3", "meter", "nilai", "indeks", "poin", "rupiah", "rp", "lembaga", "kelompok", "opd",
        "pd", "perda", "perkada", "rumah", "titik", "ruas", "set", "eksemplar", "jam", "minggu", "pasien", "siswa",
        "peserta", "layanan", "sistem", "aplikasi", "informasi", "izin", "berkas", "predikat", "skor", "level",
    ]

    /// `Jumlah Dokumen (Dokumen)` → `Jumlah Dokumen`, `Dokumen`: only a known unit, or the unit printed with the
    /// row's targets, is taken from the parentheses (an abbreviation such as `(IKM)` stays part of the name).
    static func satuanDalamKurung(_ name: String, unitTarget: String) -> (String, String)? {
        let trimmed = name.trimmedSpaces()
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .trimmedSpaces()
        let lower = inside.lowercased()
        guard !inside.isEmpty, satuanUmum.contains(lower) || (!unitTarget.isEmpty && lower == unitTarget.lowercased())
        else { return nil }
        let base = trimmed[..<open].trimmedSpaces()
        return base.isEmpty ? nil : (base, inside)
    }

    static func year(in text: String) -> Int? {
        let scalars = Array(text)
        var index = 0
        while index + 4 <= scalars.count {
            let chunk = String(scalars[index..<index + 4])
            if chunk.allSatisfy(\.isNumber), let value = Int(chunk), (1990...2100).contains(value),
                index == 0 || !scalars[index - 1].isNumber, index + 4 == scalars.count || !scalars[index + 4].isNumber
            {
                return value
            }
            index += 1
        }
        return nil
    }

    /// Data rows after the header, without page-break repeats of the header or numbering row.
    static func dataRows(_ table: TabelMasukan, _ kepala: Kepala) -> [TabelMasukan.Baris] {
        func signature(_ row: TabelMasukan.Baris) -> [String] {
            var texts = row.sel.map { normalHeader($0.teks) }
            while texts.last == "" { texts.removeLast() }
            return texts
        }
        // The header rows and the numbering row, as they would be printed again after a page break.
        let headerRows = (max(0, kepala.numbering - 4)...kepala.numbering).map { table.baris[$0] }
        let headerSignatures = Set(headerRows.map(signature))
        // Only a row whose first filled cell reads like a header's is compared whole (most rows are not).
        func first(_ row: TabelMasukan.Baris) -> String {
            row.sel.first { !$0.isKosong }.map { normalHeader($0.teks) } ?? ""
        }
        let firsts = Set(headerRows.map(first))
        return table.baris.dropFirst(kepala.numbering + 1).filter { row in
            !row.isKosong && !(firsts.contains(first(row)) && headerSignatures.contains(signature(row)))
        }
    }

    // MARK: - Renja (T-C.33, Tabel 3.2)

    struct RenjaKolom {
        /// The kode column; nil when the kode is printed at the start of the uraian (`7.01.01 - PROGRAM …`).
        var kode: Int?
        var uraian: Int
        var indikator: Int
        /// The outcome/output statement of the element ("Sasaran Program", "Outcome", "Hasil").
        var hasil: Int?
        /// Keterangan / catatan penting.
        var keterangan: Int?
        /// A numbering column ("No") beside an uraian printed without kode.
        var nomor: Int?
        var lokasi: Int?
        var sumber: Int?
        var target: [(year: Int, column: Int, dokumen: DokumenRencana)] = []
        var pagu: [(year: Int, column: Int, dokumen: DokumenRencana)] = []
        // Renstra (T-C.27) only:
        /// Tujuan and sasaran of the PD, each in its own column (rows without kode).
        var tujuan: Int?
        var sasaran: Int?
        /// "Data capaian pada tahun awal perencanaan": the baseline.
        var baseline: Int?
        /// "Kondisi kinerja pada akhir periode": target and Rp at the end of the period.
        var targetAkhir: Int?
        var paguAkhir: Int?
        var penanggungJawab: Int?
        // The realisasi table (Tabel 2.1, eight columns): one year's realisasi beside its target and pagu.
        var tahun: Int?
        var realisasi: Int?
        var keuangan: Int?
        var persenKeuangan: Int?
        var fisik: Int?
        // The quarterly evaluation (form E.81): K and Rp of each triwulan, of the year so far, of the Renstra up to
        // last year and to date, and the % of the Renstra target.
        var triwulanK: [Int: Int] = [:]
        var triwulanRp: [Int: Int] = [:]
        var tahunIniRp: Int?
        var sampaiLaluRp: Int?
        var renstraKiniRp: Int?
        var persenRenstraRp: Int?
        /// E.81: the realisasi K of the year so far (checked against the quarters, not read).
        var tahunIniK: Int?
        // The perkiraan capaian table (the current year's estimate): estimated K and Rp and their % of the target
        // and pagu, checked and not stored (the year's realisasi replaces an estimate).
        var perkiraanK: Int?
        var perkiraanRp: Int?
        var persenPerkiraanK: Int?
        var persenPerkiraanRp: Int?
    }

    /// The triwulan a header names: `Triwulan I` … `IV`, `TW 2`, `Triwulan ke-3`.
    static func triwulan(in header: String) -> Int? {
        guard let range = header.range(of: "triwulan") ?? header.range(of: "tw") else { return nil }
        let rest = header[range.upperBound...].drop { $0 == " " || $0 == "-" || $0 == "." }
        let word = (rest.hasPrefix("ke") ? rest.dropFirst(2).drop { $0 == " " || $0 == "-" } : rest)
            .prefix { $0.isLetter || $0.isNumber }.lowercased()
        return ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4][word]
    }

    /// Form E.81 (Permendagri 86/2017, kabupaten/kota): the evaluation of a year's Renja by triwulan, each figure
    /// as a pair K (kinerja) and Rp. Recognised by at least three triwulan column groups; the year from the title.
    static func e81Kolom(_ kepala: Kepala) -> RenjaKolom? {
        guard let (sorted, base) = kolomDasar(kepala) else { return nil }
        var result = base
        func first(_ test: (String) -> Bool) -> Int? { sorted.first { test($0.value) }?.key }
        result.sasaran = first { $0.contains("sasaran") && !$0.contains("indikator") && !$0.contains("program") }
        let fixed = [base.kode, base.uraian, base.indikator, result.sasaran]
        guard let year = Self.year(in: kepala.judul) ?? sorted.compactMap({ Self.year(in: $0.value) }).max() else {
            return nil
        }
        for (column, header) in sorted where !fixed.contains(column) {
            let lowest = (kepala.bawah[column] ?? header).lowercased().trimmedSpaces()
            let rp = lowest.hasPrefix("rp") || lowest.contains("anggaran")
            let k = lowest == "k" || lowest.hasPrefix("k ") || lowest.contains("kinerja") && !rp
            if let tw = triwulan(in: header), !header.contains("target") {
                if rp { result.triwulanRp[tw] = column } else if k { result.triwulanK[tw] = column }
            } else if header.contains("akhir periode") || header.contains("target renstra")
                || header.contains("target kinerja renstra")
            {
                if rp { result.paguAkhir = column } else { result.targetAkhir = column }
            } else if header.contains("tahun lalu") || header.contains("sampai dengan renja") {
                if rp { result.sampaiLaluRp = column }
            } else if header.contains("tingkat capaian") || header.contains("%") {
                if rp { result.persenRenstraRp = column }
            } else if header.contains("realisasi") && header.contains("renstra") {
                if rp { result.renstraKiniRp = column }
            } else if header.contains("realisasi")
                && (header.contains("dievaluasi") || header.contains("tahun berjalan"))
            {
                if rp { result.tahunIniRp = column } else { result.realisasi = result.realisasi ?? column }
            } else if header.contains("target") && header.contains("renja") || header.contains("dievaluasi") {
                if rp {
                    result.pagu.append((year, column, .renja))
                } else {
                    result.target.append((year, column, .renja))
                }
            } else if header.contains("penanggung") || header.contains("unit") {
                result.penanggungJawab = column
            }
        }
        guard result.triwulanK.count + result.triwulanRp.count >= 3, result.target.count == 1 else { return nil }
        result.tahun = year
        // The year's realisasi is the sum of the quarters: the column "realisasi … dievaluasi" is checked, not read.
        result.tahunIniK = result.realisasi
        result.realisasi = nil
        return result
    }

    /// The columns of a one-year table (realisasi, perkiraan): its target, its pagu (the year from the header, else
    /// the title's), its lokasi. True when the header was one of them.
    static func satuTahun(
        _ header: String, _ column: Int, money: Bool, _ result: inout RenjaKolom, _ year: inout Int?
    ) -> Bool {
        if header.contains("target") {
            year = year ?? Self.year(in: header)
            result.target.append((0, column, .renja))
        } else if header.contains("pagu") || money {
            year = year ?? Self.year(in: header)
            result.pagu.append((0, column, .renja))
        } else if header.contains("lokasi") {
            result.lokasi = column
        } else {
            return false
        }
        return true
    }

    /// The perkiraan capaian table: a year's target (and pagu) beside the estimate of what the year will reach
    /// (`Perkiraan Realisasi 2025`, `Prakiraan Capaian`) and its % (`Tingkat Capaian (%)`).
    static func perkiraanKolom(_ kepala: Kepala) -> RenjaKolom? {
        guard let (sorted, base) = kolomDasar(kepala) else { return nil }
        var result = base
        var year: Int?
        for (column, header) in sorted where ![base.kode, base.uraian, base.indikator].contains(column) {
            let estimate = (header.contains("perkiraan") || header.contains("prakiraan")) && !header.contains("maju")
            let percent = header.contains("%") || header.contains("persen") || header.contains("tingkat")
            let money = ["keuangan", "anggaran", "rp", "dana", "pagu"].contains { header.contains($0) }
            if percent && (estimate || header.contains("capaian") || header.contains("realisasi") || money) {
                if money {
                    result.persenPerkiraanRp = result.persenPerkiraanRp ?? column
                } else {
                    result.persenPerkiraanK = result.persenPerkiraanK ?? column
                }
            } else if estimate {
                year = year ?? Self.year(in: header)
                if money { result.perkiraanRp = column } else { result.perkiraanK = column }
            } else if satuTahun(header, column, money: money, &result, &year) {
                continue
            } else if header.contains("realisasi") {
                // A realisasi column: this is the realisasi table, not the estimate.
                return nil
            }
        }
        guard result.perkiraanK != nil || result.perkiraanRp != nil, result.target.count == 1,
            result.pagu.count <= 1, let tahun = year ?? Self.year(in: kepala.judul)
        else { return nil }
        result.target = result.target.map { (tahun, $0.column, $0.dokumen) }
        result.pagu = result.pagu.map { (tahun, $0.column, $0.dokumen) }
        return result
    }

    /// The headers in column order, lower-cased, and the columns every plan table has: kode (optional), uraian
    /// (program/kegiatan) and indikator.
    /// The other columns (`sorted`) leave out the statement, keterangan and numbering columns.
    static func kolomDasar(_ kepala: Kepala) -> ([(key: Int, value: String)], RenjaKolom)? {
        let all = kepala.columns.mapValues { $0.lowercased() }.sorted { $0.key < $1.key }
        let hasil = all.first { kepalaHasil($0.value) }?.key
        let keterangan = all.first { $0.value.contains("keterangan") || $0.value.contains("catatan") }?.key
        let nomor = all.first {
            ["no", "no.", "nomor", "no urut", "nomor urut"].contains($0.value.trimmedSpaces())
        }?.key
        let sorted = all.filter { ![hasil, keterangan, nomor].contains($0.key) }
        func first(_ test: (String) -> Bool) -> Int? { sorted.first { test($0.value) }?.key }
        guard let indikator = first({ $0.contains("indikator") }),
            let uraian = first({
                ($0.contains("program") || $0.contains("kegiatan")) && !$0.contains("indikator") && !$0.contains("kode")
            })
        else { return nil }
        var base = RenjaKolom(kode: first { $0.contains("kode") }, uraian: uraian, indikator: indikator)
        base.hasil = hasil
        base.keterangan = keterangan
        base.nomor = nomor
        return (sorted, base)
    }

    /// A column of outcome/output statements: `Sasaran Program`, `Outcome`, `Hasil Program`, `Keluaran (Output)`;
    /// never an indicator, target, realisasi or money column, nor the uraian column `Program (Outcome)/Kegiatan`.
    static func kepalaHasil(_ header: String) -> Bool {
        let excluded = ["indikator", "target", "realisasi", "capaian", "kode", "pagu", "dana", "anggaran", "rp"]
        guard !excluded.contains(where: header.contains) else { return false }
        let statement =
            header.hasPrefix("sasaran") || header.hasPrefix("hasil") || header.hasPrefix("outcome")
            || header.hasPrefix("output") || header.hasPrefix("keluaran")
        guard statement || !(header.contains("program") && header.contains("kegiatan")) else { return false }
        return ["outcome", "output", "out put", "keluaran", "sasaran program", "sasaran kegiatan", "sasaran sub"]
            .contains(where: header.contains) || header.hasPrefix("hasil")
    }

    /// `Outcome: Meningkatnya …`, `Sasaran Program - …`, `Hasil : …`: an element's statement on a row of its own.
    static func pernyataanHasil(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces()
        let lower = trimmed.lowercased()
        let labels = [
            "sasaran sub kegiatan", "sasaran kegiatan", "sasaran program", "outcome", "output", "out put", "hasil",
            "keluaran",
        ]
        guard let label = labels.first(where: { lower.hasPrefix($0) }) else { return nil }
        var rest = trimmed.dropFirst(label.count).drop { $0 == " " }
        // `Outcome (hasil): …`
        if rest.first == "(", let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        guard let mark = rest.first, [":", "-", "–", "="].contains(mark) else { return nil }
        let statement = rest.dropFirst().trimmedSpaces()
        return statement.isEmpty ? nil : statement
    }

    /// `I. PROGRAM …`, `A. Kegiatan …`, `1.2 Penyediaan …`, `a) …`: the number an element without kode is printed
    /// with, and the rest.
    static func nomorDiAwal(_ text: String) -> (String, String)? {
        let trimmed = text.trimmedSpaces()
        let token = trimmed.prefix { !$0.isWhitespace }
        guard !token.isEmpty, token.count < trimmed.count else { return nil }
        let rest = trimmed.dropFirst(token.count).trimmedSpaces()
        var body = Substring(token)
        let closed = body.last == "." || body.last == ")"
        if closed { body = body.dropLast() }
        guard !body.isEmpty, !rest.isEmpty else { return nil }
        let roman = body.allSatisfy { "IVXLC".contains($0) } && body.count <= 6
        let letter = body.count == 1 && body.first!.isLetter
        let number = body.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber)
        }
        guard number || ((roman || letter) && closed) else { return nil }
        return (String(token), rest)
    }

    /// The year's realisasi table (the 8-column shape of Tabel 2.1): target, pagu, realisasi kinerja, realisasi
    /// keuangan, % keuangan and % fisik of one year, found in the headers or the title.
    static func realisasiKolom(_ kepala: Kepala) -> RenjaKolom? {
        guard let (sorted, base) = kolomDasar(kepala) else { return nil }
        var result = base
        let (kode, uraian, indikator) = (base.kode, base.uraian, base.indikator)
        var year: Int?
        for (column, header) in sorted where ![kode, uraian, indikator].contains(column) {
            let percent = header.contains("%") || header.contains("persen") || header.contains("serapan")
            let money = ["keuangan", "anggaran", "rp", "dana"].contains { header.contains($0) }
            if header.contains("fisik") {
                result.fisik = column
            } else if percent && money {
                result.persenKeuangan = column
            } else if header.contains("realisasi") && money {
                result.keuangan = column
            } else if header.contains("realisasi") || header.contains("capaian") && !percent {
                result.realisasi = result.realisasi ?? column
            } else {
                _ = satuTahun(header, column, money: money, &result, &year)
            }
        }
        guard let tahun = year ?? Self.year(in: kepala.judul), result.realisasi != nil, result.keuangan != nil,
            result.target.count == 1, result.pagu.count == 1
        else { return nil }
        result.tahun = tahun
        result.target = result.target.map { (tahun, $0.column, $0.dokumen) }
        result.pagu = result.pagu.map { (tahun, $0.column, $0.dokumen) }
        return result
    }

    /// The Renstra table (T-C.27): baseline, then target and Rp for each year of the period (5 or 6), the
    /// condition at the end of the period, the unit in charge and the location. Years are read from the headers
    /// (`2026`) or, for `Tahun-1 … Tahun-5`, counted from the period in the title (`2026-2030`).
    static func renstraKolom(_ kepala: Kepala) -> RenjaKolom? {
        guard let (sorted, base) = kolomDasar(kepala) else { return nil }
        var result = base
        let (kode, uraian, indikator) = (base.kode, base.uraian, base.indikator)
        func first(_ test: (String) -> Bool) -> Int? { sorted.first { test($0.value) }?.key }
        result.tujuan = first { $0.contains("tujuan") && !$0.contains("indikator") && !$0.contains("program") }
        result.sasaran = first { $0.contains("sasaran") && !$0.contains("indikator") && !$0.contains("program") }
        let periodStart = periode(in: kepala.judul)?.awal
        for (column, header) in sorted where ![kode, uraian, indikator, result.tujuan, result.sasaran].contains(column)
        {
            let lowest = (kepala.bawah[column] ?? header).lowercased()
            let money = ["rp", "pagu", "dana", "anggaran"].contains { lowest.contains($0) }
            if header.contains("akhir") && (header.contains("kondisi") || header.contains("capaian")) {
                if money {
                    result.paguAkhir = column
                } else if header.contains("target") || !money {
                    result.targetAkhir = column
                }
            } else if header.contains("awal") || header.contains("baseline") {
                result.baseline = column
            } else if header.contains("penanggung") || header.contains("unit kerja") {
                result.penanggungJawab = column
            } else if header.contains("lokasi") {
                result.lokasi = column
            } else if let year = year(in: header) ?? tahunKe(header).flatMap({ n in periodStart.map { $0 + n - 1 } }) {
                if money {
                    result.pagu.append((year, column, .renstra))
                } else if header.contains("target") || header.contains("kinerja") {
                    result.target.append((year, column, .renstra))
                }
            }
        }
        guard Set(result.target.map(\.year)).count >= 3 else { return nil }
        return result
    }

    /// `tahun-1`, `tahun ke-2`, `tahun ke 3`, `tahun 4` (not a four-digit year): the year's place in the period.
    static func tahunKe(_ header: String) -> Int? {
        guard let range = header.range(of: "tahun") else { return nil }
        let rest = header[range.upperBound...].drop { $0 == " " || $0 == "-" }
        let afterKe = rest.hasPrefix("ke") ? rest.dropFirst(2).drop { $0 == " " || $0 == "-" } : rest
        let digits = afterKe.prefix { $0.isNumber }
        guard (1...2).contains(digits.count), let value = Int(digits), (1...10).contains(value) else { return nil }
        return value
    }

    /// A period `2026-2030` (or `2026 - 2030`, `2026 s.d. 2030`) in a title.
    static func periode(in text: String) -> (awal: Int, akhir: Int)? {
        var years: [Int] = []
        var rest = Substring(text)
        while let found = year(in: String(rest)) {
            years.append(found)
            guard let range = rest.range(of: String(found)) else { break }
            rest = rest[range.upperBound...]
        }
        guard let start = years.first, let end = years.dropFirst().first(where: { $0 > start }), end - start <= 10
        else { return nil }
        return (start, end)
    }

    static func renjaKolom(_ kepala: Kepala) -> RenjaKolom? {
        guard let (sorted, base) = kolomDasar(kepala),
            sorted.contains(where: { $0.value.contains("pagu") || $0.value.contains("kebutuhan dana") })
        else { return nil }
        var result = base
        let (kode, uraian, indikator) = (base.kode, base.uraian, base.indikator)
        let baseYear = sorted.compactMap { year(in: $0.value) }.min()
        for (column, header) in sorted where column != kode && column != uraian && column != indikator {
            let maju = header.contains("prakiraan") || header.contains("perkiraan maju")
            let headerYear = year(in: header) ?? baseYear.map { maju ? $0 + 1 : $0 }
            if header.contains("lokasi") && !maju {
                result.lokasi = column
            } else if header.contains("sumber dana") {
                result.sumber = column
            } else if header.contains("target"), let headerYear {
                result.target.append((headerYear, column, maju ? .prakiraanMaju : .renja))
            } else if header.contains("pagu") || header.contains("kebutuhan dana"), let headerYear {
                result.pagu.append((headerYear, column, maju ? .prakiraanMaju : .renja))
            }
        }
        return result.pagu.isEmpty ? nil : result
    }

    /// What one of the plan tables that share `baca` gave: its layout's name, the document its targets and pagu
    /// belong to, the rows, and for a Renstra the period it covers.
    struct BacaanResmi {
        var tataLetak: String
        var dokumen: DokumenRencana
        var rows: [RencanaBaris]
        var total: [Int: (Rupiah, RencanaBaris)]
        var temuan: [Temuan]
        var urusan: [Urusan]
        var realisasi: [RealisasiBaris]
        var periode: ClosedRange<Int>?
    }

    /// The plan tables read by one reader, recognised on one header in this order: form E.81, the year's realisasi
    /// table (Tabel 2.1, 8 columns), the Renstra (T-C.27), the Renja (T-C.33 / Tabel 3.2).
    static func rencanaResmi(_ table: TabelMasukan) -> BacaanResmi? {
        guard let kepala = cariKepala(table) else { return nil }
        let label: String
        let dokumen: DokumenRencana
        let kolom: RenjaKolom
        var periode: ClosedRange<Int>?
        if let found = e81Kolom(kepala) {
            (label, dokumen, kolom) = ("Evaluasi Renja per triwulan (E.81)", .renja, found)
        } else if let found = perkiraanKolom(kepala) {
            let year = found.target.first!.year
            (label, dokumen, kolom) = (
                "Perkiraan capaian \(year) (target dan pagu diimpor; angka perkiraan diperiksa, tidak disimpan)",
                .renja,
                found
            )
        } else if let found = realisasiKolom(kepala) {
            (label, dokumen, kolom) = ("Realisasi tahunan (Tabel 2.1, 8 kolom)", .renja, found)
        } else if let found = renstraKolom(kepala) {
            let years = found.target.map(\.year)
            let range = years.min()!...years.max()!
            periode = range
            (label, dokumen, kolom) = ("Renstra T-C.27 (\(range.lowerBound)-\(range.upperBound))", .renstra, found)
        } else if let found = renjaKolom(kepala) {
            (label, dokumen, kolom) = ("Renja T-C.33 (Tabel 3.2)", .renja, found)
        } else {
            return nil
        }
        var (rows, total, findings, urusan, realisasi) = baca(table, kepala, kolom)
        for index in rows.indices { rows[index].dokumen = dokumen }
        return BacaanResmi(
            tataLetak: label, dokumen: dokumen, rows: rows, total: total, temuan: findings, urusan: urusan,
            realisasi: realisasi, periode: periode)
    }

    /// The rows of an official plan table whose columns are known: elements by kode (in its column or at the start
    /// of the uraian), the PD's tujuan and sasaran in their own columns, further indicators of an element on rows of
    /// their own, continuation lines, the total row.
    static func baca(
        _ table: TabelMasukan, _ kepala: Kepala, _ kolom: RenjaKolom
    ) -> (
        rows: [RencanaBaris], total: [Int: (Rupiah, RencanaBaris)], temuan: [Temuan], urusan: [Urusan],
        realisasi: [RealisasiBaris]
    ) {
        var findings: [Temuan] = []
        var realisasiRows: [RealisasiBaris] = []
        let data = dataRows(table, kepala)
        // The bidang urusan that the document's programs are written under (`1.02` of `1.02.02`): a two-part kode
        // (`1.02`) is that bidang urusan, while one no program extends stays a program without urusan (`6.01`, as
        // seed 003 prints its programs beside `2.08.02`).
        let bidangProgram = Set(
            data.compactMap { row -> String? in
                let text = row[kolom.kode].teks.isEmpty ? row[kolom.uraian].teks : row[kolom.kode].teks
                let token = text.trimmedSpaces().prefix { $0.isNumber || $0 == "." || $0 == "X" }
                return (try? Kode.parse(String(token))).flatMap(Urusan.dari)?.bidang
            })
        let withUrusan = !bidangProgram.isEmpty
        // A sheet printed without any kode (neither a kode column nor a kode before the uraian): its elements are
        // numbered `I.`, `A`, `1` or not at all, and are matched to the stored plan by name before planning.
        let adaKode = data.contains { row in
            let text = row[kolom.kode].teks
            return (!text.isEmpty && (try? Kode.parse(text)) != nil) || kodeDiAwal(row[kolom.uraian].teks) != nil
        }
        var urusanRows: [(urusan: Urusan, nomor: Int, pagu: [Int: Rupiah])] = []
        let numeric =
            (kolom.pagu + kolom.target).map(\.column)
            + [
                kolom.baseline, kolom.paguAkhir, kolom.targetAkhir, kolom.realisasi, kolom.keuangan,
                kolom.persenKeuangan, kolom.fisik, kolom.tahunIniRp, kolom.sampaiLaluRp, kolom.renstraKiniRp,
                kolom.persenRenstraRp, kolom.tahunIniK, kolom.perkiraanK, kolom.perkiraanRp, kolom.persenPerkiraanK,
                kolom.persenPerkiraanRp,
            ].compactMap { $0 } + Array(kolom.triwulanK.values) + Array(kolom.triwulanRp.values)
        let readers = KolomAngka.untukKolom(numeric, data)
        var rows: [RencanaBaris] = []
        var total: [Int: (Rupiah, RencanaBaris)] = [:]
        var lastByLevel: [Tingkat: Kode] = [:]
        var lastStatement: [Tingkat: String] = [:]
        // The printed headers by template name, the same for every row (one dictionary shared by all of them).
        var labels: [String: String] = [:]
        labels["keterangan"] = kolom.keterangan.flatMap { kepala.columns[$0] }.map(shortHeader)
        for item in kolom.pagu { labels["pagu_\(item.year)"] = kepala.columns[item.column].map(shortHeader) }
        for item in kolom.target { labels["target_\(item.year)"] = kepala.columns[item.column].map(shortHeader) }
        labels["indikator"] = kepala.columns[kolom.indikator].map(shortHeader)
        for row in data {
            var kodeText = row[kolom.kode].teks
            var uraian = row[kolom.uraian].teks
            if let item = urusanBaris(kode: kodeText, uraian: uraian, bidangProgram: bidangProgram) {
                // `1 - URUSAN …`, `1.02 - URUSAN PEMERINTAHAN BIDANG KESEHATAN`: the level above the programs.
                var money: [Int: Rupiah] = [:]
                for pagu in kolom.pagu {
                    if case .angka(let value, _) = readers[pagu.column]!.baca(row[pagu.column], uang: true),
                        let amount = Rupiah(exactly: value)
                    {
                        money[pagu.year] = amount
                    }
                }
                urusanRows.append((item, row.nomor, money))
                continue
            }
            if kodeText.isEmpty, let (kode, rest) = kodeDiAwal(uraian) {
                // `7.01.01 - PROGRAM …`: the kode printed in the uraian cell.
                kodeText = kode.asli
                uraian = rest
            }
            let indikatorText = row[kolom.indikator].teks
            let hasNumbers = (kolom.pagu + kolom.target).contains { !row[$0.column].isKosong }
            let hasPagu = kolom.pagu.contains { !row[$0.column].isKosong }
            if kodeText.isEmpty, let last = rows.last,
                let statement = pernyataanHasil(uraian) ?? (hasNumbers ? nil : pernyataanHasil(indikatorText))
            {
                // `Outcome: Meningkatnya …` on a row of its own: the statement of the element above (all its rows).
                var index = rows.count - 1
                while index >= 0, rows[index].kode == last.kode, rows[index].uraian == last.uraian,
                    rows[index].tingkat == last.tingkat
                {
                    rows[index].hasil = statement
                    index -= 1
                }
                if indikatorText.isEmpty && !hasNumbers { continue }
                // The statement row also carries an indicator of the element.
                uraian = ""
            }
            var nomorTercetak = row[kolom.nomor].teks
            var numbered = !nomorTercetak.isEmpty && !uraian.isEmpty
            if !adaKode, kodeText.isEmpty, let (token, rest) = nomorDiAwal(uraian) {
                (nomorTercetak, uraian, numbered) = (token, rest, true)
            }
            var tanpaKode = false
            // Another indicator of the element above (its kode and uraian are not printed again); it may carry the
            // element's pagu.
            var continues: RencanaBaris?
            var pdLevel: (Tingkat, String)?
            if kodeText.isEmpty, uraian.isEmpty, let found = pernyataanPD(row, kolom) { pdLevel = found }
            func add(
                _ keparahan: Temuan.Keparahan, _ jenis: Temuan.Jenis, _ column: Int?, _ message: String,
                tercetak: String? = nil
            ) {
                findings.append(
                    Temuan(
                        keparahan, jenis, lembar: table.lembar, baris: row.nomor,
                        kolom: column.flatMap { kepala.columns[$0] }.map(shortHeader), pesan: message,
                        tercetak: tercetak))
            }
            // Tujuan and sasaran printed beside a lower row (merged down over it): each new one is an element of its
            // own, before the row.
            for (level, column) in [(Tingkat.tujuanPD, kolom.tujuan), (.sasaranPD, kolom.sasaran)] {
                guard let column, !row[column].teks.isEmpty else { continue }
                let text = row[column].teks
                if pdLevel?.0 == level {
                    lastStatement[level] = text
                    if level == .tujuanPD { lastStatement[.sasaranPD] = nil }
                    continue
                }
                guard lastStatement[level] != text else { continue }
                lastStatement[level] = text
                if level == .tujuanPD { lastStatement[.sasaranPD] = nil }
                var statement = RencanaBaris.kosong(lembar: table.lembar, nomor: row.nomor)
                statement.tingkat = level
                statement.uraian = text
                rows.append(statement)
            }
            if kodeText.isEmpty && pdLevel == nil {
                let label = (uraian.isEmpty ? row[0].teks : uraian).trimmedSpaces().lowercased()
                let labelled = label.contains("total") || label.hasPrefix("jumlah")
                // A total row, labelled or not: money and no text but its label (never an element).
                let textCells = row.sel.enumerated().filter { column, cell in
                    !cell.isKosong && !(kolom.pagu + kolom.target).contains { $0.column == column }
                }
                let bare = textCells.isEmpty
                if hasPagu && indikatorText.isEmpty && (labelled || bare) {
                    var template = RencanaBaris.kosong(lembar: table.lembar, nomor: row.nomor)
                    template.uraian = "TOTAL"
                    for item2 in kolom.pagu {
                        template.labelKolom["pagu_\(item2.year)"] = kepala.columns[item2.column].map(shortHeader)
                    }
                    for item in kolom.pagu {
                        if case .angka(let value, _) = readers[item.column]!.baca(row[item.column], uang: true),
                            let amount = Rupiah(exactly: value)
                        {
                            total[item.year] = (amount, template)
                        }
                    }
                    continue
                }
                if !adaKode, !uraian.isEmpty, numbered || hasNumbers || !indikatorText.isEmpty {
                    // An element printed without kode: matched to the stored plan later (`Pencocok`).
                    tanpaKode = true
                } else if !hasNumbers, var previous = rows.popLast() {
                    // Continuation of the row above, split by a page break.
                    if !uraian.isEmpty { previous.uraian += " " + uraian }
                    if !indikatorText.isEmpty {
                        previous.indikator += (previous.indikator.isEmpty ? "" : " ") + indikatorText
                    }
                    rows.append(previous)
                    continue
                }
                if tanpaKode {
                    // Planned by name once matched.
                } else if uraian.isEmpty, !indikatorText.isEmpty, let previous = rows.last, !previous.uraian.isEmpty {
                    continues = previous
                } else if uraian.isEmpty, let (level, text) = pernyataanPD(row, kolom) {
                    // A tujuan or sasaran of the PD (T-C.27): no kode, its text in its own column.
                    pdLevel = (level, text)
                } else {
                    add(.galat, .kodeTidakSah, kolom.kode ?? kolom.uraian, "Baris berisi angka tanpa kode.")
                    continue
                }
            }
            var kode: Kode?
            if let previous = continues {
                kode = previous.kode
            } else if pdLevel == nil && !tanpaKode {
                do {
                    kode = try Kode.parse(kodeText)
                } catch {
                    add(.galat, .kodeTidakSah, kolom.kode ?? kolom.uraian, error.description)
                    continue
                }
            }
            if let kode, continues == nil,
                let parentLevel = [Tingkat.kegiatan: Tingkat.program, .subKegiatan: .kegiatan][kode.tingkat]
            {
                if let parent = lastByLevel[parentLevel], !kode.extends(parent) {
                    add(
                        .peringatan, .kodeTidakMengikutiInduk, kolom.kode,
                        "Kode \(kode.asli) tidak diawali kode \(parentLevel.label) di atasnya (\(parent.asli)).")
                } else if lastByLevel[parentLevel] == nil {
                    add(
                        .peringatan, .indukTidakAda, kolom.kode,
                        "\(kode.tingkat.labelAwal) \(kode.asli) tanpa \(parentLevel.label) di atasnya.")
                }
            }
            if let kode, continues == nil {
                lastByLevel[kode.tingkat] = kode
                for level in Tingkat.allCases where level.depth > kode.tingkat.depth { lastByLevel[level] = nil }
            }
            var item = RencanaBaris.kosong(lembar: table.lembar, nomor: row.nomor)
            item.kode = kode
            item.tingkat = continues?.tingkat ?? kode?.tingkat ?? pdLevel?.0 ?? .program
            if let (_, text) = pdLevel { uraian = text }
            item.uraian = continues?.uraian ?? uraian
            item.indikator = indikatorText
            item.tanpaKode = continues?.tanpaKode ?? tanpaKode
            item.nomorTercetak = continues?.nomorTercetak ?? nomorTercetak
            item.hasil = row[kolom.hasil].teks.isEmpty ? (continues?.hasil ?? "") : row[kolom.hasil].teks
            item.keterangan = row[kolom.keterangan].teks
            item.labelKolom = labels
            item.lokasi = row[kolom.lokasi].teks.isEmpty ? (continues?.lokasi ?? "") : row[kolom.lokasi].teks
            item.sumberDana = row[kolom.sumber].teks.isEmpty ? (continues?.sumberDana ?? "") : row[kolom.sumber].teks
            item.penanggungJawab =
                row[kolom.penanggungJawab].teks.isEmpty
                ? (continues?.penanggungJawab ?? "") : row[kolom.penanggungJawab].teks
            if let column = kolom.baseline, !row[column].isKosong {
                if case .success(let (value, _)) = RencanaReader.bacaNilai(row[column], kolom: readers[column]) {
                    item.baseline = (value, row[column].teks)
                } else {
                    item.baseline = (nil, row[column].teks)
                }
            }
            if let column = kolom.paguAkhir, !row[column].isKosong {
                if case .angka(let value, _) = readers[column]!.baca(row[column], uang: true),
                    let amount = Rupiah(exactly: value)
                {
                    item.paguAkhir = amount
                    item.labelKolom["pagu_akhir"] = kepala.columns[column].map(shortHeader)
                }
            }
            for target in kolom.target {
                let cell = row[target.column]
                if cell.isKosong {
                    if target.dokumen == .renja { item.tahunKosong.append(target.year) }
                    continue
                }
                switch RencanaReader.bacaNilai(cell, kolom: readers[target.column]) {
                case .success(let (value, note)):
                    item.target[target.year] = (value, cell.teks, target.dokumen)
                    if item.satuan.isEmpty, cell.teks.contains(where: { $0.isLetter || $0 == "%" }),
                        let unit = (try? NilaiParser.parse(cell.teks))??.satuan
                    {
                        item.satuan = unit
                    }
                    if let note { add(.peringatan, .angkaAmbigu, target.column, note) }
                case .failure(let error): add(.galat, .nilaiTidakSah, target.column, error.message)
                }
            }
            for pagu in kolom.pagu {
                switch readers[pagu.column]!.baca(row[pagu.column], uang: true) {
                case .kosong: break
                case .angka(let value, _):
                    if let amount = Rupiah(exactly: value) { item.pagu[pagu.year] = (amount, pagu.dokumen) }
                case .diputuskan(let value, _, let note):
                    add(.peringatan, .angkaAmbigu, pagu.column, note, tercetak: row[pagu.column].teks)
                    if let amount = Rupiah(exactly: value) { item.pagu[pagu.year] = (amount, pagu.dokumen) }
                case .galat(let message): add(.galat, .nilaiTidakSah, pagu.column, message)
                }
            }
            if let (name, unit) = satuanDalamKurung(item.indikator, unitTarget: item.satuan) {
                item.indikator = name
                if item.satuan.isEmpty { item.satuan = unit }
            }
            rows.append(item)
            if kolom.perkiraanK != nil || kolom.perkiraanRp != nil {
                periksaPerkiraan(row, item, kolom, readers, add)
            }
            if let tahun = kolom.tahun, kolom.triwulanK.isEmpty && kolom.triwulanRp.isEmpty {
                realisasiRows.append(realisasiBaris(row, item, tahun: tahun, kolom, readers, add))
            } else if let tahun = kolom.tahun {
                realisasiRows += triwulanBaris(row, item, tahun: tahun, kolom, readers, add)
            }
        }
        // An urusan's or bidang urusan's pagu against the programs under it.
        let programs = rows.filter { $0.tingkat == .program && $0.kode != nil }
        var seenProgram: Set<String> = []
        let distinctPrograms = programs.filter { seenProgram.insert($0.kode!.normal).inserted }
        for (item, nomor, money) in urusanRows where withUrusan {
            for (year, printed) in money.sorted(by: { $0.key < $1.key }) {
                let under = distinctPrograms.filter { program in
                    guard let parts = Urusan.dari(program.kode!) else { return false }
                    return item.isBidang ? parts.bidang == item.kode : parts.urusan == item.kode
                }
                let amounts = under.compactMap { program in
                    rows.first { $0.kode?.normal == program.kode!.normal && $0.pagu[year] != nil }?.pagu[year]?.jumlah
                }
                guard !amounts.isEmpty, amounts.sum() != printed else { continue }
                let column = kolom.pagu.first { $0.year == year }?.column
                findings.append(
                    Temuan(
                        .peringatan, .paguIndukBerbeda, lembar: table.lembar, baris: nomor,
                        kolom: column.flatMap { kepala.columns[$0] }.map(shortHeader),
                        pesan:
                            "Pagu \(year) \(item.isBidang ? "bidang urusan" : "urusan") \(item.kode) ≠ jumlah pagu \(amounts.count) program di bawahnya.",
                        tercetak: IndonesianFormat.rupiah(printed), dihitung: IndonesianFormat.rupiah(amounts.sum()),
                        selisih: IndonesianFormat.rupiah(printed - amounts.sum())))
            }
        }
        return (rows, total, findings, urusanRows.map(\.urusan), realisasiRows)
    }

    /// One row of form E.81: a realisasi per triwulan (K and Rp), and the row's own arithmetic checked: the year so
    /// far against the sum of the quarters, the Renstra to date against last year's plus this year's, and its % of
    /// the Renstra target (to the decimals printed).
    static func triwulanBaris(
        _ row: TabelMasukan.Baris, _ item: RencanaBaris, tahun: Int, _ kolom: RenjaKolom, _ readers: [Int: KolomAngka],
        _ add: (Temuan.Keparahan, Temuan.Jenis, Int?, String, String?) -> Void
    ) -> [RealisasiBaris] {
        func money(_ column: Int?) -> Rupiah? {
            guard let column, let reader = readers[column],
                case .angka(let value, _) = reader.baca(row[column], uang: true)
            else { return nil }
            return Rupiah(exactly: value)
        }
        var result: [RealisasiBaris] = []
        var spent: [Rupiah] = []
        for tw in 1...4 {
            var real = RealisasiBaris(
                lembar: item.lembar, nomor: item.nomor, kodePD: nil, kode: item.kode, uraian: item.uraian,
                indikator: item.indikator, tahun: tahun, triwulan: tw)
            if let column = kolom.triwulanK[tw], !row[column].isKosong, !item.indikator.isEmpty,
                case .success(let (value, _)) = RencanaReader.bacaNilai(row[column], kolom: readers[column])
            {
                real.realisasi = (value, row[column].teks)
            }
            real.keuangan = money(kolom.triwulanRp[tw])
            if let amount = real.keuangan { spent.append(amount) }
            if real.realisasi != nil || real.keuangan != nil { result.append(real) }
        }
        let fmt = { (value: Rupiah) in IndonesianFormat.rupiah(value) }
        func kinerja(_ column: Int?) -> Decimal? {
            guard let column, !row[column].isKosong,
                case .success(let (.angka(value), _)) = RencanaReader.bacaNilai(row[column], kolom: readers[column])
            else { return nil }
            return value
        }
        if let column = kolom.tahunIniK, !item.indikator.isEmpty, let printed = kinerja(column) {
            // The year so far in K: the sum of the quarters (a count), the last quarter (a stock, a %), or their
            // mean; any of the three is right for some indicator, so only a figure that is none of them is reported.
            let quarters = (1...4).compactMap { kinerja(kolom.triwulanK[$0]) }
            let decimals = Konsistensi.decimalsPrinted(row[column].teks)
            if let lastQuarter = quarters.last {
                let sum = quarters.reduce(0, +)
                let mean = sum / Decimal(quarters.count)
                let candidates = [sum, lastQuarter, mean].map { $0.rounded(scale: decimals) }
                if !candidates.contains(printed.rounded(scale: decimals)) {
                    add(
                        .peringatan, .jumlahTriwulanBerbeda, column,
                        "Realisasi K tahun ini bukan jumlah (\(IndonesianFormat.number(sum))), nilai akhir "
                            + "(\(IndonesianFormat.number(lastQuarter))) maupun rata-rata "
                            + "(\(IndonesianFormat.number(mean, fractionDigits: max(decimals, 2)))) triwulan I-IV.",
                        row[column].teks)
                }
            }
        }
        if let column = kolom.tahunIniRp, let printed = money(column), !spent.isEmpty, printed != spent.sum() {
            add(
                .peringatan, .jumlahTriwulanBerbeda, column,
                "Realisasi Rp tahun ini ≠ jumlah realisasi Rp triwulan I-IV (\(fmt(spent.sum()))).", row[column].teks)
        }
        let thisYear = money(kolom.tahunIniRp) ?? (spent.isEmpty ? nil : spent.sum())
        if let column = kolom.renstraKiniRp, let printed = money(column), let lastYears = money(kolom.sampaiLaluRp),
            let thisYear, printed != lastYears + thisYear
        {
            add(
                .peringatan, .jumlahTriwulanBerbeda, column,
                "Realisasi Rp Renstra s.d. tahun ini ≠ realisasi s.d. tahun lalu + tahun ini (\(fmt(lastYears + thisYear))).",
                row[column].teks)
        }
        if let column = kolom.persenRenstraRp, let reader = readers[column],
            case .angka(let printed, _) = reader.baca(row[column]), let toDate = money(kolom.renstraKiniRp),
            let target = money(kolom.paguAkhir), let ratio = Serapan.persen(realisasi: toDate, pagu: target)
        {
            let decimals = Konsistensi.decimalsPrinted(row[column].teks)
            if ratio.rounded(scale: decimals) != printed {
                add(
                    .peringatan, .persenBerbeda, column,
                    "% capaian Rp Renstra ≠ realisasi s.d. tahun ini ÷ target akhir periode × 100 "
                        + "(\(IndonesianFormat.number(ratio, fractionDigits: decimals))).", row[column].teks)
            }
        }
        return result
    }

    /// A row of the perkiraan capaian table: the printed % of the estimate against the target (R/T, or for a
    /// lower-is-better indicator (2T-R)/T or T/R: any of them is accepted, so a correct document is never flagged)
    /// and of the estimated Rp against the pagu, to the decimals printed.
    static func periksaPerkiraan(
        _ row: TabelMasukan.Baris, _ item: RencanaBaris, _ kolom: RenjaKolom, _ readers: [Int: KolomAngka],
        _ add: (Temuan.Keparahan, Temuan.Jenis, Int?, String, String?) -> Void
    ) {
        func number(_ column: Int?, uang: Bool = false) -> Decimal? {
            guard let column, let reader = readers[column],
                case .angka(let value, _) = reader.baca(row[column], uang: uang)
            else { return nil }
            return value
        }
        let year = kolom.target.first?.year ?? 0
        var estimate: Decimal?
        if let column = kolom.perkiraanK, !row[column].isKosong,
            case .success(let (.angka(value), _)) = RencanaReader.bacaNilai(row[column], kolom: readers[column])
        {
            estimate = value
        }
        if let column = kolom.persenPerkiraanK, let printed = number(column), let estimate,
            case .angka(let target)? = item.target[year]?.nilai, target != 0
        {
            let decimals = Konsistensi.decimalsPrinted(row[column].teks)
            var ratios = [estimate / target * 100, (2 * target - estimate) / target * 100]
            if estimate != 0 { ratios.append(target / estimate * 100) }
            if !ratios.map({ $0.rounded(scale: decimals) }).contains(printed.rounded(scale: decimals)) {
                add(
                    .peringatan, .persenBerbeda, column,
                    "% perkiraan capaian ≠ perkiraan realisasi ÷ target × 100 "
                        + "(\(IndonesianFormat.number(ratios[0], fractionDigits: decimals))).", row[column].teks)
            }
        }
        if let column = kolom.persenPerkiraanRp, let printed = number(column),
            let estimate = number(kolom.perkiraanRp, uang: true).flatMap({ Rupiah(exactly: $0) }),
            let pagu = item.pagu[year]?.jumlah, let ratio = Serapan.persen(realisasi: estimate, pagu: pagu)
        {
            let decimals = Konsistensi.decimalsPrinted(row[column].teks)
            if ratio.rounded(scale: decimals) != printed.rounded(scale: decimals) {
                add(
                    .peringatan, .persenBerbeda, column,
                    "% perkiraan realisasi anggaran ≠ perkiraan Rp ÷ pagu × 100 "
                        + "(\(IndonesianFormat.number(ratio, fractionDigits: decimals))).", row[column].teks)
            }
        }
    }

    /// One row's realisasi of the year: kinerja, keuangan, % keuangan as printed, % fisik.
    static func realisasiBaris(
        _ row: TabelMasukan.Baris, _ item: RencanaBaris, tahun: Int, _ kolom: RenjaKolom, _ readers: [Int: KolomAngka],
        _ add: (Temuan.Keparahan, Temuan.Jenis, Int?, String, String?) -> Void
    ) -> RealisasiBaris {
        var result = RealisasiBaris(
            lembar: item.lembar, nomor: item.nomor, kodePD: nil, kode: item.kode, uraian: item.uraian,
            indikator: item.indikator, tahun: tahun, triwulan: nil)
        func number(_ column: Int?, uang: Bool = false) -> Decimal? {
            guard let column, let reader = readers[column] else { return nil }
            switch reader.baca(row[column], uang: uang) {
            case .angka(let value, _): return value
            case .diputuskan(let value, _, let note):
                add(.peringatan, .angkaAmbigu, column, note, row[column].teks)
                return value
            case .kosong: return nil
            case .galat(let message):
                add(.galat, .nilaiTidakSah, column, message, row[column].teks)
                return nil
            }
        }
        if let column = kolom.realisasi, !row[column].isKosong, !item.indikator.isEmpty {
            switch RencanaReader.bacaNilai(row[column], kolom: readers[column]) {
            case .success(let (value, _)): result.realisasi = (value, row[column].teks)
            case .failure(let error): add(.galat, .nilaiTidakSah, column, error.message, row[column].teks)
            }
        }
        result.keuangan = number(kolom.keuangan, uang: true).flatMap { Rupiah(exactly: $0) }
        result.fisik = number(kolom.fisik)
        if let column = kolom.persenKeuangan, let value = number(column) {
            result.persenKeuangan = (value, row[column].teks)
        }
        return result
    }

    /// The PD's tujuan or sasaran printed in its own column on a row without kode (Renstra T-C.27).
    static func pernyataanPD(_ row: TabelMasukan.Baris, _ kolom: RenjaKolom) -> (Tingkat, String)? {
        if let column = kolom.sasaran, !row[column].teks.isEmpty { return (.sasaranPD, row[column].teks) }
        if let column = kolom.tujuan, !row[column].teks.isEmpty { return (.tujuanPD, row[column].teks) }
        return nil
    }

    static func shortHeader(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    // MARK: - Evaluasi Renja (Tabel 2.1)

    static func evaluasi(
        _ table: TabelMasukan
    ) -> (rencana: [RencanaBaris], realisasi: [RealisasiBaris], temuan: [Temuan])? {
        guard let kepala = cariKepala(table), kepala.numbers.count >= 11 else { return nil }
        let byNumber = Dictionary(kepala.numbers.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let headers = kepala.columns.mapValues { $0.lowercased() }
        guard let c4 = byNumber[4], let c11 = byNumber[11],
            headers[c4]?.contains("renstra") == true
                || headers[c11]?.contains("renstra") == true
        else { return nil }
        let column = (1...11).map { byNumber[$0] }
        let renstraEnd = headers[c4].flatMap(year) ?? 0
        let lastYear = headers[column[5]!].flatMap(year) ?? (renstraEnd - 1)
        let thisYear = headers[column[8]!].flatMap(year) ?? lastYear + 1
        let beforeYear = headers[column[4]!].flatMap(year) ?? lastYear - 1
        let data = dataRows(table, kepala)
        let numeric = (3...10).compactMap { column[$0] }
        let readers = KolomAngka.untukKolom(numeric, data)
        var findings: [Temuan] = []
        var plan: [RencanaBaris] = []
        var realisasi: [RealisasiBaris] = []
        for row in data {
            func label(_ number: Int) -> String {
                "(\(number)) " + shortHeader(kepala.columns[column[number - 1]!] ?? "")
            }
            func add(
                _ keparahan: Temuan.Keparahan, _ jenis: Temuan.Jenis, _ number: Int, _ message: String,
                tercetak: String? = nil, dihitung: String? = nil, selisih: String? = nil
            ) {
                findings.append(
                    Temuan(
                        keparahan, jenis, lembar: table.lembar, baris: row.nomor, kolom: label(number), pesan: message,
                        tercetak: tercetak, dihitung: dihitung, selisih: selisih))
            }
            let kodeText = row[column[0]].teks
            let hasNumbers = (3...10).contains { !row[column[$0]].isKosong }
            if kodeText.isEmpty {
                if !hasNumbers, var previous = plan.popLast() {
                    if !row[column[1]].teks.isEmpty { previous.uraian += " " + row[column[1]].teks }
                    if !row[column[2]].teks.isEmpty { previous.indikator += " " + row[column[2]].teks }
                    plan.append(previous)
                }
                continue
            }
            guard let kode = try? Kode.parse(kodeText) else {
                add(.galat, .kodeTidakSah, 1, "Kode \"\(kodeText)\" tidak sah.")
                continue
            }
            var reported: Set<Int> = []
            func number(_ index: Int) -> Decimal? {
                guard let col = column[index - 1], let reader = readers[col] else { return nil }
                switch reader.baca(row[col]) {
                case .angka(let value, _), .diputuskan(let value, _, _): return value
                case .kosong: return nil
                case .galat(let message):
                    if case .teks(let text) = row[col], text.hasPrefix("#") { return nil }
                    if reported.insert(index).inserted { add(.galat, .angkaAmbigu, index, message) }
                    return nil
                }
            }
            let indikator = row[column[2]].teks
            let kind: JenisNilai = Konsistensi.isPercentName(indikator) ? .persen : .angka
            let evaluasi = EvaluasiRenja(
                targetRenstra: number(4), realisasiSampaiLalu: number(5), targetTahunLalu: number(6),
                realisasiTahunLalu: number(7), targetTahunIni: number(9),
                agregasi: Agregasi.tebakan(nama: indikator, satuan: "", jenisNilai: kind))
            // (8) = 7/6
            let printed8 = row[column[7]]
            if case .galat(let error) = printed8 {
                add(
                    .peringatan, .galatRumus, 8,
                    "Galat Excel \(error) tercetak; 7/6 tidak terdefinisi bila kolom 6 = 0 (kebijakan: \(evaluasi.kolom8)).",
                    tercetak: error)
            } else if case .teks(let text) = printed8, text.hasPrefix("#") {
                add(
                    .peringatan, .galatRumus, 8,
                    "Galat Excel \(text) tercetak; 7/6 tidak terdefinisi bila kolom 6 = 0 (kebijakan: \(evaluasi.kolom8)).",
                    tercetak: text)
            } else if let value = number(8) {
                let decimals = Konsistensi.decimalsPrinted(printed8.teks)
                if let exact = evaluasi.kolom8Rumus {
                    if exact.rounded(scale: decimals) != value {
                        add(
                            .peringatan, .persenBerbeda, 8, "Kolom 8 ≠ 7/6 × 100.", tercetak: printed8.teks,
                            dihitung: IndonesianFormat.number(exact, fractionDigits: max(2, decimals)),
                            selisih: IndonesianFormat.number(value - exact, fractionDigits: max(2, decimals)))
                    }
                } else {
                    add(
                        .peringatan, .persenBerbeda, 8,
                        "Kolom 8 berisi angka padahal 7/6 tidak terdefinisi (kolom 6 = 0).", tercetak: printed8.teks,
                        dihitung: "–")
                }
            }
            // (10) = 5 + 7 + 9
            if let printed10 = number(10), printed10 != evaluasi.kolom10Rumus {
                add(
                    .peringatan, .rumusBerbeda, 10, "Kolom 10 ≠ 5 + 7 + 9.", tercetak: row[column[9]].teks,
                    dihitung: IndonesianFormat.number(evaluasi.kolom10Rumus),
                    selisih: IndonesianFormat.number(printed10 - evaluasi.kolom10Rumus))
            }
            // (11) = 10/4
            if let printed10 = number(10), let value = number(11), let exact = evaluasi.kolom11Rumus(kolom10: printed10)
            {
                let decimals = Konsistensi.decimalsPrinted(row[column[10]].teks)
                if exact.rounded(scale: decimals) != value {
                    add(
                        .peringatan, .persenBerbeda, 11, "Kolom 11 ≠ 10/4 × 100.", tercetak: row[column[10]].teks,
                        dihitung: IndonesianFormat.number(exact, fractionDigits: max(2, decimals)),
                        selisih: IndonesianFormat.number(value - exact, fractionDigits: max(2, decimals)))
                }
            }
            // Percentages (and other end values) summed across years.
            if evaluasi.agregasi != .kumulatif {
                if kind == .persen, let four = number(4), four > 100 {
                    add(
                        .peringatan, .persenDijumlahkan, 4,
                        "Target Renstra persentase lebih dari 100: target tahunan dijumlahkan (seharusnya target tahun akhir).",
                        tercetak: row[column[3]].teks, dihitung: evaluasi.kolom4.map { IndonesianFormat.number($0) })
                }
                if let ten = number(10), ten == evaluasi.kolom10Rumus, let correct = evaluasi.kolom10, ten != correct {
                    add(
                        .peringatan, .persenDijumlahkan, 10,
                        "Indikator nilai akhir dijumlahkan antar tahun (5 + 7 + 9); seharusnya nilai terakhir.",
                        tercetak: row[column[9]].teks, dihitung: IndonesianFormat.number(correct))
                }
            }
            var item = RencanaBaris.kosong(lembar: table.lembar, nomor: row.nomor)
            item.kode = kode
            item.tingkat = kode.tingkat
            item.uraian = row[column[1]].teks
            item.indikator = indikator
            if let value = number(4) { item.target[renstraEnd] = (.angka(value), row[column[3]].teks, .renstra) }
            if let value = number(6) { item.target[lastYear] = (.angka(value), row[column[5]].teks, .renja) }
            if let value = number(9) { item.target[thisYear] = (.angka(value), row[column[8]].teks, .renja) }
            plan.append(item)
            for (index, year) in [(5, beforeYear), (7, lastYear)] {
                if let value = number(index), !indikator.isEmpty {
                    realisasi.append(
                        RealisasiBaris(
                            lembar: table.lembar, nomor: row.nomor, kodePD: nil, kode: kode, indikator: indikator,
                            tahun: year,
                            triwulan: nil, realisasi: (.angka(value), row[column[index - 1]].teks), keuangan: nil,
                            fisik: nil,
                            persenKeuangan: nil))
                }
            }
        }
        return (plan, realisasi, findings)
    }
}

extension RencanaBaris {
    static func kosong(lembar: String, nomor: Int) -> RencanaBaris {
        RencanaBaris(
            lembar: lembar, nomor: nomor, kodePD: nil, kode: nil, tingkat: .program, uraian: "", indikator: "",
            satuan: "",
            polaritas: nil, agregasi: nil, baseline: nil, target: [:], pagu: [:], lokasi: "", sumberDana: "",
            penanggungJawab: "", tahunKosong: [])
    }
}
