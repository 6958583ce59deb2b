import Foundation

/// A regional government: a kabupaten, kota or provinsi. Every stored row belongs to one.
public struct Pemda: Hashable, Sendable, Codable, Identifiable {
    public enum Jenis: String, Sendable, Codable, CaseIterable {
        case kabupaten
        case kota
        case provinsi
    }

    public var id: TypedID<Pemda>
    public var nama: String
    public var jenis: Jenis
    /// Where documents are signed ("Limapuluh").
    public var ibukota: String
    /// Number of reporting periods in a year (4 triwulan by default).
    public var jumlahTriwulan: Int
    public var kebijakan: KebijakanCapaian

    public init(
        id: TypedID<Pemda> = .init(),
        nama: String,
        jenis: Jenis = .kabupaten,
        ibukota: String = "",
        jumlahTriwulan: Int = 4,
        kebijakan: KebijakanCapaian = .standar
    ) {
        self.id = id
        self.nama = nama
        self.jenis = jenis
        self.ibukota = ibukota
        self.jumlahTriwulan = jumlahTriwulan
        self.kebijakan = kebijakan
    }
}

/// A perangkat daerah (PD / OPD / SKPD).
public struct PerangkatDaerah: Hashable, Sendable, Codable, Identifiable {
    public var id: TypedID<PerangkatDaerah>
    public var kode: String
    public var nama: String
    public var singkatan: String

    public init(id: TypedID<PerangkatDaerah> = .init(), kode: String, nama: String, singkatan: String = "") {
        self.id = id
        self.kode = kode
        self.nama = nama
        self.singkatan = singkatan
    }
}

/// Eselon of a position: II = Kepala, III = Kabag/Kabid, IV = Kasubbag/Kasi/Subkoordinator.
public enum Eselon: String, Sendable, Codable, CaseIterable, Comparable {
    case ii = "II"
    case iii = "III"
    case iv = "IV"
    case nonEselon = "non"

    public static func < (lhs: Eselon, rhs: Eselon) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A unit of a PD's organisation (a position in its tree: Kepala Dinas, Sekretaris, Kabid, Kasi…).
public struct UnitKerja: Hashable, Sendable, Codable, Identifiable {
    public var id: TypedID<UnitKerja>
    public var perangkatDaerah: TypedID<PerangkatDaerah>
    public var induk: TypedID<UnitKerja>?
    public var nama: String
    /// The position title used as penanggung jawab ("Kabag Umum & Keuangan").
    public var jabatan: String
    public var eselon: Eselon

    public init(
        id: TypedID<UnitKerja> = .init(),
        perangkatDaerah: TypedID<PerangkatDaerah>,
        induk: TypedID<UnitKerja>? = nil,
        nama: String,
        jabatan: String,
        eselon: Eselon
    ) {
        self.id = id
        self.perangkatDaerah = perangkatDaerah
        self.induk = induk
        self.nama = nama
        self.jabatan = jabatan
        self.eselon = eselon
    }
}

/// The official holding a unit: used in signature blocks.
public struct Pejabat: Hashable, Sendable, Codable, Identifiable {
    public var id: TypedID<Pejabat>
    public var unitKerja: TypedID<UnitKerja>
    public var nama: String
    public var nip: String
    /// Pangkat / golongan ("Pembina Tk. I / IV.b").
    public var pangkat: String

    public init(
        id: TypedID<Pejabat> = .init(),
        unitKerja: TypedID<UnitKerja>,
        nama: String,
        nip: String,
        pangkat: String
    ) throws(DomainError) {
        let digits = nip.filter { !$0.isWhitespace }
        guard digits.isEmpty || (digits.count == 18 && digits.allSatisfy(\.isNumber)) else {
            throw .tidakSah(field: "nip", pesan: "NIP \"\(nip)\" harus 18 angka.")
        }
        self.id = id
        self.unitKerja = unitKerja
        self.nama = nama
        self.nip = digits
        self.pangkat = pangkat
    }

    /// `19700101 199003 1 001`, as printed under a signature.
    public var nipTercetak: String {
        guard nip.count == 18 else { return nip }
        let characters = Array(nip)
        return String(characters[0..<8]) + " " + String(characters[8..<14]) + " " + String(characters[14..<15])
            + " " + String(characters[15..<18])
    }
}

extension Pemda {
    /// A Pemda's own settings as any source may write them: a name, the periods per year, the lower-is-better bound.
    public func validasi() throws(DomainError) {
        guard !nama.trimmedSpaces().isEmpty else {
            throw .tidakSah(field: "nama", pesan: "Nama Pemda kosong.")
        }
        try Batas.periksa(nama, field: "nama", maks: Batas.nama, label: "Nama Pemda")
        try Batas.periksa(ibukota, field: "ibukota", maks: Batas.nama, label: "Ibu kota")
        guard (1...12).contains(jumlahTriwulan) else {
            throw .tidakSah(field: "jumlah_triwulan", pesan: "Jumlah periode per tahun harus 1-12.")
        }
        guard kebijakan.batasRasio >= 100 else {
            throw .tidakSah(field: "batas_rasio", pesan: "Batas rasio harus sekurangnya 100 %.")
        }
    }
}
