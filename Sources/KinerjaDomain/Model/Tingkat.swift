import Foundation

/// The level of an element of the plan tree.
public enum Tingkat: String, CaseIterable, Hashable, Sendable, Codable {
    case visi
    case misi
    case tujuan
    case sasaran
    case tujuanPD = "tujuan_pd"
    case sasaranPD = "sasaran_pd"
    case program
    case kegiatan
    case subKegiatan = "sub_kegiatan"

    /// Position in the tree. Cascading documents skip levels (a PD sasaran under a misi) and cascade sasaran by
    /// eselon (a sasaran of an Eselon III unit under its Eselon II sasaran): `allowedParents` says what is allowed.
    public var depth: Int {
        switch self {
        case .visi: 0
        case .misi: 1
        case .tujuan: 2
        case .sasaran: 3
        case .tujuanPD: 4
        case .sasaranPD: 5
        case .program: 6
        case .kegiatan: 7
        case .subKegiatan: 8
        }
    }

    /// Levels that carry money (pagu, realisasi keuangan).
    public var hasAnggaran: Bool { self == .program || self == .kegiatan || self == .subKegiatan }

    /// Levels whose code follows the Permendagri 90 kode.
    public var hasKode: Bool { hasAnggaran }

    /// Levels that belong to one perangkat daerah (the others are the Pemda's RPJMD).
    public var isPD: Bool { depth >= Tingkat.tujuanPD.depth }

    /// Which levels may hold this one directly.
    public var allowedParents: [Tingkat] {
        switch self {
        case .visi: []
        case .misi: [.visi]
        case .tujuan: [.misi]
        case .sasaran: [.tujuan, .misi]
        case .tujuanPD: [.sasaran]
        case .sasaranPD: [.tujuanPD, .sasaran, .sasaranPD, .tujuan, .misi]
        case .program: [.sasaranPD, .sasaran]
        case .kegiatan: [.program]
        case .subKegiatan: [.kegiatan]
        }
    }

    /// The jenis of indicator expected at this level.
    public var jenisIndikatorDiharapkan: JenisIndikator {
        switch self {
        case .visi, .misi, .tujuan, .tujuanPD: .impact
        case .sasaran, .sasaranPD, .program: .outcome
        case .kegiatan, .subKegiatan: .output
        }
    }

    public var label: String {
        switch self {
        case .visi: "visi"
        case .misi: "misi"
        case .tujuan: "tujuan"
        case .sasaran: "sasaran"
        case .tujuanPD: "tujuan PD"
        case .sasaranPD: "sasaran PD"
        case .program: "program"
        case .kegiatan: "kegiatan"
        case .subKegiatan: "sub kegiatan"
        }
    }

    /// The label at the start of a line or cell: "Tujuan PD", "Sub kegiatan" (`capitalized` would give "Pd").
    public var labelAwal: String { label.prefix(1).uppercased() + label.dropFirst() }

    /// Reads the spellings documents and templates use ("sub kegiatan", "Sub-Kegiatan", "sasaran_pd").
    public init?(teks: String) {
        let key = teks.lowercased().trimmedSpaces()
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        switch key {
        case "visi": self = .visi
        case "misi": self = .misi
        case "tujuan": self = .tujuan
        case "sasaran", "sasaran strategis": self = .sasaran
        case "tujuan pd", "tujuan opd": self = .tujuanPD
        case "sasaran pd", "sasaran opd": self = .sasaranPD
        case "program": self = .program
        case "kegiatan": self = .kegiatan
        case "sub kegiatan", "subkegiatan": self = .subKegiatan
        default: return nil
        }
    }
}
