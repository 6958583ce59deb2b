import Foundation

/// A stored entry as a form shows it: its version (for the conflict check) and its text as entered.
public struct Tersimpan: Sendable, Hashable {
    public var versi: Int
    public var teks: String

    public init(versi: Int, teks: String) {
        self.versi = versi
        self.teks = teks
    }
}

/// A stored realisasi anggaran as the form shows it.
public struct TersimpanAnggaran: Sendable, Hashable {
    public var versi: Int
    public var keuangan: Rupiah?
    public var fisik: Decimal?

    public init(versi: Int, keuangan: Rupiah?, fisik: Decimal?) {
        self.versi = versi
        self.keuangan = keuangan
        self.fisik = fisik
    }
}

/// An evidence file as listed (without its contents).
public struct InfoBukti: Sendable, Hashable {
    public var id: UUID
    public var indikator: UUID
    public var namaBerkas: String
    public var ukuran: Int
    public var diunggahOleh: String
    public var waktu: Date

    public init(id: UUID, indikator: UUID, namaBerkas: String, ukuran: Int, diunggahOleh: String, waktu: Date) {
        self.id = id
        self.indikator = indikator
        self.namaBerkas = namaBerkas
        self.ukuran = ukuran
        self.diunggahOleh = diunggahOleh
        self.waktu = waktu
    }
}
