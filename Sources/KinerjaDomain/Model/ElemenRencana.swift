import Foundation

/// An element of the plan tree: visi, misi, tujuan, sasaran (Pemda), tujuan/sasaran PD, program, kegiatan,
/// sub kegiatan.
public struct ElemenRencana: Hashable, Sendable, Codable, Identifiable {
    public var id: TypedID<ElemenRencana>
    /// nil for the Pemda's own (RPJMD) elements.
    public var perangkatDaerah: TypedID<PerangkatDaerah>?
    public var induk: TypedID<ElemenRencana>?
    public var tingkat: Tingkat
    /// Program, kegiatan and sub kegiatan have a kode; the others may carry a number as printed ("1.", "I.I").
    public var kode: Kode?
    public var nomor: String
    public var uraian: String
    /// A PD sasaran's RPJMD sasaran.
    public var selarasDengan: TypedID<ElemenRencana>?
    /// Position / unit responsible (free text as printed, e.g. "Kabag Umum & Keuangan").
    public var penanggungJawab: String
    public var unitKerja: TypedID<UnitKerja>?
    public var urutan: Int
    /// The outcome (program) or output (kegiatan, sub kegiatan) statement as the document words it: "Meningkatnya
    /// kualitas pelayanan administrasi". Empty when none was given.
    public var hasil: String

    public init(
        id: TypedID<ElemenRencana> = .init(),
        perangkatDaerah: TypedID<PerangkatDaerah>?,
        induk: TypedID<ElemenRencana>?,
        tingkat: Tingkat,
        kode: Kode? = nil,
        nomor: String = "",
        uraian: String,
        selarasDengan: TypedID<ElemenRencana>? = nil,
        penanggungJawab: String = "",
        unitKerja: TypedID<UnitKerja>? = nil,
        urutan: Int = 0,
        hasil: String = ""
    ) throws(DomainError) {
        let text = uraian.trimmed()
        try Batas.periksa(text, field: "uraian", maks: Batas.uraian, label: "Uraian")
        try Batas.periksa(penanggungJawab, field: "penanggung_jawab", maks: Batas.nama, label: "Penanggung jawab")
        let statement = hasil.trimmed()
        try Batas.periksa(statement, field: "hasil", maks: Batas.uraian, label: "Rumusan hasil (outcome/output)")
        guard !text.isEmpty || tingkat == .subKegiatan else {
            throw .tidakSah(field: "uraian", pesan: "Uraian \(tingkat.label) kosong.")
        }
        if let kode, kode.tingkat != tingkat {
            throw .tidakSah(
                field: "kode", pesan: "Kode \(kode.asli) adalah kode \(kode.tingkat.label), bukan \(tingkat.label).")
        }
        if tingkat.isPD && perangkatDaerah == nil {
            throw .tidakSah(field: "kode_pd", pesan: "Elemen \(tingkat.label) harus milik satu perangkat daerah.")
        }
        self.id = id
        self.perangkatDaerah = perangkatDaerah
        self.induk = induk
        self.tingkat = tingkat
        self.kode = kode
        self.nomor = nomor
        self.uraian = text
        self.selarasDengan = selarasDengan
        self.penanggungJawab = penanggungJawab
        self.unitKerja = unitKerja
        self.urutan = urutan
        self.hasil = statement
    }

    /// Checks that `parent` may hold this element: the level is allowed and a kode extends the parent's kode.
    public func validasiInduk(_ parent: ElemenRencana?) throws(DomainError) {
        guard let parent else {
            if tingkat == .visi || tingkat == .program || tingkat == .tujuanPD || tingkat == .sasaranPD
                || tingkat == .sasaran || tingkat == .tujuan || tingkat == .misi
            {
                return
            }
            throw .tidakSah(field: "induk", pesan: "\(tingkat.labelAwal) \(label) tidak mempunyai induk.")
        }
        guard tingkat.allowedParents.contains(parent.tingkat) else {
            throw .tidakSah(
                field: "induk",
                pesan: "\(tingkat.labelAwal) \(label) tidak boleh berada di bawah \(parent.tingkat.label).")
        }
        if let kode, let parentKode = parent.kode, !kode.extends(parentKode) {
            throw .tidakSah(
                field: "kode",
                pesan: "Kode \(kode.asli) tidak diawali kode induknya \(parentKode.asli).")
        }
    }

    /// "06.01.2.01 Perencanaan…" or the uraian alone.
    public var label: String {
        if let kode { return kode.asli + " " + uraian }
        return nomor.isEmpty ? uraian : nomor + " " + uraian
    }

    /// The uraian with the outcome/output statement on a line of its own, as the plan tables print it:
    /// "PROGRAM …\nSasaran program: Meningkatnya …".
    public var uraianDanHasil: String {
        hasil.isEmpty ? uraian : uraian + "\nSasaran \(tingkat.label): " + hasil
    }
}
