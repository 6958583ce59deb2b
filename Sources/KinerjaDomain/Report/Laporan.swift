import Foundation

/// A report as a neutral table: title, a multi-row header with the documents' column numbering, rows grouped and
/// indented by level with subtotals, notes, kop and signature block. Rendered as HTML, XLSX and CSV elsewhere; built
/// by pure functions of the data.
public struct Laporan: Hashable, Sendable {
    public enum JenisKolom: Sendable, Hashable {
        case teks
        case angka
        case rupiah
        case persen
    }

    public struct Kolom: Sendable, Hashable {
        public var judul: String
        /// The document's numbering: "(1)", "8=(7/6)".
        public var nomor: String
        public var jenis: JenisKolom
        /// Width in characters (XLSX) / relative width (HTML).
        public var lebar: Double

        public init(_ judul: String, nomor: String, jenis: JenisKolom = .teks, lebar: Double = 12) {
            self.judul = judul
            self.nomor = nomor
            self.jenis = jenis
            self.lebar = lebar
        }
    }

    /// A header cell spanning columns and rows.
    public struct SelKepala: Sendable, Hashable {
        public var teks: String
        public var kolom: Int
        public var baris: Int

        public init(_ teks: String, kolom: Int = 1, baris: Int = 1) {
            self.teks = teks
            self.kolom = kolom
            self.baris = baris
        }
    }

    public enum Sel: Sendable, Hashable {
        case kosong
        case teks(String)
        case angka(Decimal?)
        case rupiah(Rupiah?)
        case persen(Decimal?)
        /// A value that is undefined (a ratio against 0, not computable): shown as "–" with footnote `catatan`.
        case tidakTerdefinisi(catatan: Int)

        /// The value as printed the Indonesian way.
        public var teks: String {
            switch self {
            case .kosong: ""
            case .teks(let text): text
            case .angka(let value): value.map { IndonesianFormat.number($0) } ?? ""
            case .rupiah(let value): value.map { IndonesianFormat.rupiah($0, prefix: false) } ?? ""
            case .persen(let value): value.map { IndonesianFormat.number($0, fractionDigits: 2) } ?? ""
            case .tidakTerdefinisi(let note): "–" + String(repeating: "*", count: note)
            }
        }
    }

    public enum Gaya: Sendable, Hashable {
        case biasa
        case kelompok
        case subtotal
        case total
    }

    public struct Baris: Sendable, Hashable {
        public var sel: [Sel]
        public var kedalaman: Int
        public var gaya: Gaya

        public init(_ sel: [Sel], kedalaman: Int = 0, gaya: Gaya = .biasa) {
            self.sel = sel
            self.kedalaman = kedalaman
            self.gaya = gaya
        }
    }

    public struct TandaTangan: Sendable, Hashable {
        public var tempat: String
        public var tanggal: String
        public var jabatan: String
        public var nama: String
        public var pangkat: String
        public var nip: String
        /// What the signer does with the report ("Disusun oleh", "Dievaluasi oleh"); empty on most reports.
        public var peran: String

        public init(
            tempat: String, tanggal: String, jabatan: String, nama: String, pangkat: String, nip: String,
            peran: String = ""
        ) {
            self.peran = peran
            self.tempat = tempat
            self.tanggal = tanggal
            self.jabatan = jabatan
            self.nama = nama
            self.pangkat = pangkat
            self.nip = nip
        }
    }

    public var nama: String
    public var kop: [String]
    public var judul: [String]
    public var kepala: [[SelKepala]]
    public var kolom: [Kolom]
    public var baris: [Baris]
    public var catatan: [String]
    public var tandaTangan: TandaTangan?
    /// A second block left of the first: who evaluates the report (the Kepala Bappeda on form E.81).
    public var tandaTanganEvaluasi: TandaTangan?

    public init(
        nama: String, kop: [String], judul: [String], kepala: [[SelKepala]], kolom: [Kolom], baris: [Baris],
        catatan: [String] = [], tandaTangan: TandaTangan? = nil, tandaTanganEvaluasi: TandaTangan? = nil
    ) {
        self.nama = nama
        self.kop = kop
        self.judul = judul
        self.kepala = kepala
        self.kolom = kolom
        self.baris = baris
        self.catatan = catatan
        self.tandaTangan = tandaTangan
        self.tandaTanganEvaluasi = tandaTanganEvaluasi
    }

    /// The header as a grid: for each header row, the leaf column each cell starts at.
    public var kepalaGrid: [[(sel: SelKepala, kolom: Int)]] {
        var occupied = Set<[Int]>()
        var result: [[(SelKepala, Int)]] = []
        for (rowIndex, row) in kepala.enumerated() {
            var column = 0
            var placed: [(SelKepala, Int)] = []
            for cell in row {
                while occupied.contains([rowIndex, column]) { column += 1 }
                placed.append((cell, column))
                for r in rowIndex..<(rowIndex + cell.baris) {
                    for c in column..<(column + cell.kolom) { occupied.insert([r, c]) }
                }
                column += cell.kolom
            }
            result.append(placed)
        }
        return result.map { $0.map { (sel: $0.0, kolom: $0.1) } }
    }

    /// The signature block of a PD: its head (Eselon II) and his official, when stored.
    public static func tandaTangan(
        _ data: DataKinerja, pd: TypedID<PerangkatDaerah>, tanggal: String, peran: String = ""
    ) -> TandaTangan? {
        guard let head = data.unitKerja.first(where: { $0.perangkatDaerah == pd && $0.eselon == .ii }) else {
            return nil
        }
        let official = data.pejabat.first { $0.unitKerja == head.id }
        return TandaTangan(
            tempat: data.pemda.ibukota, tanggal: tanggal, jabatan: head.jabatan, nama: official?.nama ?? "",
            pangkat: official?.pangkat ?? "", nip: official?.nipTercetak ?? "", peran: peran)
    }

    /// The Kepala Bappeda's block ("Dievaluasi oleh"): the head of the PD whose name or abbreviation says Bappeda
    /// (Badan Perencanaan Pembangunan …), when the Pemda has it in Kinerja; else the position with room for a name.
    public static func tandaTanganBappeda(_ data: DataKinerja, tanggal: String) -> TandaTangan {
        let bappeda = data.perangkatDaerah.first { pd in
            let words = (pd.nama + " " + pd.singkatan + " " + pd.kode).lowercased()
            return words.contains("bappeda") || words.contains("perencanaan pembangunan")
        }
        if let bappeda, var block = tandaTangan(data, pd: bappeda.id, tanggal: tanggal, peran: "Dievaluasi oleh") {
            block.tanggal = ""
            return block
        }
        return TandaTangan(
            tempat: "", tanggal: "", jabatan: "Kepala Bappeda", nama: "(………………………)", pangkat: "", nip: "",
            peran: "Dievaluasi oleh")
    }
}
