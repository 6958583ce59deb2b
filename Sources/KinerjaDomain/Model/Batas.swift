import Foundation

/// The longest text each kind of field accepts (in characters), checked wherever a value enters: forms, imports
/// and the store. A 1 MB PD name once made the admin page 18 MB.
public enum Batas {
    public static let namaPengguna = 64
    public static let namaOrang = 200
    public static let kodePD = 40
    public static let nama = 300
    public static let uraian = 2_000
    public static let satuan = 100
    public static let teksNilai = 500
    public static let catatan = 4_000
    /// Any single field of a submitted form (the forms' own fields are shorter still).
    public static let isianForm = 20_000
    /// The years a plan, a period or a page may concern.
    public static let tahun: ClosedRange<Int> = 1945...2200

    /// `value` is at most `maks` characters, else a `tidakSah` error naming `field`.
    public static func periksa(_ value: String, field: String, maks: Int, label: String) throws(DomainError) {
        // A text has no more characters than UTF-8 bytes: counting characters (grapheme breaking) only when needed.
        guard value.utf8.count <= maks || value.count <= maks else {
            throw .tidakSah(field: field, pesan: "\(label) paling panjang \(maks) karakter (terisi \(value.count)).")
        }
    }

    /// A PD kode is a code: letters, digits, `.`, `-`, `_`; starts with a letter or digit; no `..`; at most 40.
    public static func periksaKodePD(_ kode: String, field: String = "kode_pd") throws(DomainError) {
        let allowed = kode.unicodeScalars.allSatisfy {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "." || $0 == "-" || $0 == "_"
        }
        guard !kode.isEmpty, kode.count <= kodePD, allowed, !kode.contains(".."),
            let first = kode.unicodeScalars.first, CharacterSet.alphanumerics.contains(first)
        else {
            throw .tidakSah(
                field: field,
                pesan:
                    "Kode PD \"\(String(kode.prefix(60)))\" tidak sah: huruf, angka, titik, tanda hubung atau garis bawah, "
                    + "paling panjang \(kodePD), tanpa \"/\" atau \"..\".")
        }
    }
}
