import Foundation

/// The names of the form fields that carry an entry's key (`r.<indikator>`, `p.<sub kegiatan>`): one definition for
/// the pages that print them, the controllers that read them and the tests that fill them.
public enum FormKey: Sendable, CaseIterable {
    // The realisasi form.
    case realisasi, awalRealisasi, versiRealisasi, bukti
    case keuangan, awalKeuangan, fisik, awalFisik, versiAnggaran
    // The plan form.
    case target, awalTarget, versiTarget
    case pagu, awalPagu, versiPagu
    // The rencana aksi form: a triwulan target (the key is `<triwulan>.<indikator>`).
    case aksi, awalAksi, versiAksi
    // The import's mapping step: what column n holds.
    case kolomPeta

    public var awalan: String {
        switch self {
        case .realisasi: "r."
        case .awalRealisasi: "a."
        case .versiRealisasi: "v."
        case .bukti: "b."
        case .keuangan: "k."
        case .awalKeuangan: "ka."
        case .fisik: "f."
        case .awalFisik: "fa."
        case .versiAnggaran: "kv."
        case .target: "t."
        case .awalTarget: "ta."
        case .versiTarget: "tv."
        case .pagu: "p."
        case .awalPagu: "pa."
        case .versiPagu: "pv."
        case .aksi: "q."
        case .awalAksi: "qa."
        case .versiAksi: "qv."
        case .kolomPeta: "k."
        }
    }

    /// The field of one entry: `FormKey.realisasi(key)` is `r.<key>`.
    public func callAsFunction(_ key: String) -> String { awalan + key }
}
