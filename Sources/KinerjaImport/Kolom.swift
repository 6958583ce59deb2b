import Foundation
import KinerjaDomain

/// Normalises a header: lower case, spaces and dashes as `_`, no surrounding punctuation ("Target 2024" →
/// "target_2024", "Kode PD" → "kode_pd").
func normalHeader(_ text: String) -> String {
    var result = ""
    var lastUnderscore = false
    for character in text.lowercased() {
        if character.isLetter || character.isNumber {
            result.append(character)
            lastUnderscore = false
        } else if !lastUnderscore && !result.isEmpty {
            result.append("_")
            lastUnderscore = true
        }
    }
    while result.hasSuffix("_") { result.removeLast() }
    return result
}

/// Where each column of a template sits, found from its header row.
struct PetaKolom {
    var headerIndex: Int
    var kolom: [String: Int]
    var nama: [Int: String]
    /// `target_YYYY` / `pagu_YYYY` columns by year.
    var tahun: [String: [Int: Int]]

    subscript(_ name: String) -> Int? { kolom[name] }

    func label(_ column: Int?) -> String? { column.flatMap { nama[$0] } }

    /// Finds the header row among the first rows: the first whose normalised cells contain every `wajib` column.
    static func cari(
        _ table: TabelMasukan, wajib: [String], dikenal: Set<String>, tahunan: [String]
    ) -> PetaKolom? {
        for (index, row) in table.baris.prefix(25).enumerated() {
            var columns: [String: Int] = [:]
            var names: [Int: String] = [:]
            var years: [String: [Int: Int]] = [:]
            for (column, cell) in row.sel.enumerated() {
                let header = normalHeader(cell.teks)
                guard !header.isEmpty else { continue }
                names[column] = cell.teks
                if columns[header] == nil { columns[header] = column }
                for prefix in tahunan where header.hasPrefix(prefix + "_") {
                    if let year = Int(header.dropFirst(prefix.count + 1)), (1945...2200).contains(year) {
                        years[prefix, default: [:]][year] = column
                    }
                }
            }
            if wajib.allSatisfy({ columns[$0] != nil }) {
                return PetaKolom(headerIndex: index, kolom: columns, nama: names, tahun: years)
            }
        }
        return nil
    }
}

/// Reads the numbers of one column, deciding ambiguous cells by the column's other cells and reporting them.
struct KolomAngka {
    let konvensi: AngkaIndonesia.TandaDesimal?

    /// The column's convention from its own unambiguous cells, else `cadangan` (the table's).
    init(_ cells: [Sel], cadangan: AngkaIndonesia.TandaDesimal? = nil) {
        konvensi = Self.konvensi(cells) ?? cadangan
    }

    static func konvensi(_ cells: [Sel]) -> AngkaIndonesia.TandaDesimal? {
        let marks = tanda(cells)
        return marks.count == 1 ? marks.first : nil
    }

    /// The decimal marks a column's unambiguous cells show; each distinct text is read once (columns repeat
    /// their values: `1 Dokumen`, `100 %`).
    static func tanda(_ cells: [Sel]) -> Set<AngkaIndonesia.TandaDesimal> {
        var seen: Set<String> = []
        var marks: Set<AngkaIndonesia.TandaDesimal> = []
        for cell in cells {
            guard case .teks(let text) = cell, seen.insert(text).inserted else { continue }
            if case .angka(_, _, let mark?) = try? AngkaIndonesia.baca(text) { marks.insert(mark) }
        }
        return marks
    }

    /// The readers of a table's number columns: each column's own convention, else the table's (all columns
    /// together), computed with one pass over each column.
    static func untukKolom(_ columns: [Int], _ rows: [TabelMasukan.Baris]) -> [Int: KolomAngka] {
        var marks: [Int: Set<AngkaIndonesia.TandaDesimal>] = [:]
        for column in columns { marks[column] = tanda(rows.map { $0[column] }) }
        let all = marks.values.reduce(into: Set<AngkaIndonesia.TandaDesimal>()) { $0.formUnion($1) }
        let table = all.count == 1 ? all.first : nil
        var readers: [Int: KolomAngka] = [:]
        for column in columns {
            let own = marks[column]!
            readers[column] = KolomAngka(konvensi: own.count == 1 ? own.first : table)
        }
        return readers
    }

    init(konvensi: AngkaIndonesia.TandaDesimal?) { self.konvensi = konvensi }

    enum Bacaan {
        case kosong
        case angka(Decimal, persen: Bool)
        /// Read by the column's convention (or, for money, as thousands): a warning.
        case diputuskan(Decimal, persen: Bool, catatan: String)
        case galat(String)
    }

    func baca(_ cell: Sel, uang: Bool = false) -> Bacaan {
        switch cell {
        case .kosong: return .kosong
        case .angka(let number): return .angka(number, persen: false)
        case .galat(let error): return .galat("sel berisi galat \(error)")
        case .rumusTanpaNilai(let formula):
            return .galat("rumus =\(formula) tanpa nilai tersimpan (buka dan simpan ulang di Excel)")
        case .teks(let text):
            do {
                switch try AngkaIndonesia.baca(text) {
                case .kosong: return .kosong
                case .angka(let value, let percent, _): return .angka(value, persen: percent)
                case .ambigu(let dot, let comma, let percent):
                    // `1.250` where the document groups thousands with dots (its other numbers show it) is simply
                    // 1 250: no finding. A mixed spelling such as `245.000,000` stays a warning.
                    let marks = Set(text.filter { $0 == "." || $0 == "," })
                    if let konvensi, marks.count == 1,
                        (konvensi == .koma && marks == ["."]) || (konvensi == .titik && marks == [","])
                    {
                        return .angka(konvensi == .titik ? dot : comma, persen: percent)
                    }
                    if let konvensi {
                        let value = konvensi == .titik ? dot : comma
                        return .diputuskan(
                            value, persen: percent,
                            catatan:
                                "\"\(text)\" dibaca \(IndonesianFormat.number(value)) mengikuti tanda desimal kolom ini"
                        )
                    }
                    if uang {
                        let value = max(dot, comma)
                        return .diputuskan(
                            value, persen: percent,
                            catatan:
                                "\"\(text)\" dibaca \(IndonesianFormat.number(value)) (rupiah tidak bertiga desimal)")
                    }
                    return .galat(
                        "\"\(text)\" dapat dibaca \(IndonesianFormat.number(dot)) atau \(IndonesianFormat.number(comma)); "
                            + "tulis tanpa pemisah ribuan (2746) atau dengan jelas (2,75), atau pastikan sel lain di kolom ini jelas"
                    )
                }
            } catch {
                return .galat("\"\(text)\" bukan angka")
            }
        }
    }
}
