import Foundation
import Vapor

/// Every route of the site: the pattern the router registers and the links pages print come from here.
public enum SiteURL: Sendable {
    case beranda
    case health
    case aset(String)
    case masuk
    case keluar
    case sandi
    case dasbor(pemda: UUID)
    case laporanPemda(pemda: UUID)
    case laporanSeluruh(pemda: UUID, nama: String)
    case ikuPemda(pemda: UUID)
    case indikator(pemda: UUID, indikator: UUID)
    case cascadingPemda(pemda: UUID)
    case perangkatDaerah(pemda: UUID, kode: String)
    case laporan(pemda: UUID, kode: String, nama: String)
    case cascading(pemda: UUID, kode: String)
    case iku(pemda: UUID, kode: String)
    case realisasi(pemda: UUID, kode: String)
    case rencana(pemda: UUID, kode: String)
    case rencanaElemen(pemda: UUID, kode: String)
    case rencanaIndikator(pemda: UUID, kode: String)
    case bukti(pemda: UUID, kode: String, bukti: UUID)
    case impor(pemda: UUID, kode: String)
    case imporTerapkan(pemda: UUID, kode: String, unggahan: UUID)
    case admin(pemda: UUID)
    case adminPengguna(pemda: UUID)
    case adminPenggunaUbah(pemda: UUID, pengguna: UUID)
    case adminPD(pemda: UUID)
    case adminPeriode(pemda: UUID)
    case adminKategori(pemda: UUID)
    case siapkan
    case imporPeta(pemda: UUID, kode: String, unggahan: UUID)
    case logo(pemda: UUID)
    case adminProfil(pemda: UUID)
    case alur(pemda: UUID, kode: String)
    case riwayat(pemda: UUID, kode: String)
    case pemantauan(pemda: UUID)
    case adminJadwal(pemda: UUID)
    case adminPembukaan(pemda: UUID)
    case rencanaRevisi(pemda: UUID, kode: String)
    case rencanaRevisiLampiran(pemda: UUID, kode: String)
    case pk(pemda: UUID, kode: String)
    case rencanaAksi(pemda: UUID, kode: String)
    case lkjip(pemda: UUID, kode: String)
    case lkjipPemda(pemda: UUID)
    case pkPemda(pemda: UUID)

    /// One piece of a route: a fixed word, or a parameter with its name (for the router) and value (for links).
    public enum Segmen: Sendable, ExpressibleByStringLiteral {
        case tetap(String)
        case param(String, String)

        public init(stringLiteral value: String) { self = .tetap(value) }
    }

    /// The route, defined once: the links (`path`) and the router's pattern (`pattern`) are both read from it.
    public var segmen: [Segmen] {
        switch self {
        case .beranda: []
        case .health: ["health"]
        case .aset(let name): ["aset", .param("nama", name)]
        case .masuk: ["masuk"]
        case .keluar: ["keluar"]
        case .sandi: ["akun", "sandi"]
        case .dasbor(let pemda): Self.pemdaSegmen(pemda) + ["dasbor"]
        case .laporanPemda(let pemda): Self.pemdaSegmen(pemda) + ["laporan"]
        case .laporanSeluruh(let pemda, let nama): Self.pemdaSegmen(pemda) + ["laporan", .param("nama", nama)]
        case .ikuPemda(let pemda): Self.pemdaSegmen(pemda) + ["iku"]
        case .indikator(let pemda, let indikator):
            Self.pemdaSegmen(pemda) + ["indikator", .param("indikator", Self.id(indikator))]
        case .cascadingPemda(let pemda): Self.pemdaSegmen(pemda) + ["cascading"]
        case .perangkatDaerah(let pemda, let kode): Self.pdSegmen(pemda, kode)
        case .laporan(let pemda, let kode, let nama): Self.pdSegmen(pemda, kode) + ["laporan", .param("nama", nama)]
        case .cascading(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["cascading"]
        case .iku(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["iku"]
        case .realisasi(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["realisasi"]
        case .rencana(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["rencana"]
        case .rencanaElemen(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["rencana", "elemen"]
        case .rencanaIndikator(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["rencana", "indikator"]
        case .bukti(let pemda, let kode, let bukti):
            Self.pdSegmen(pemda, kode) + ["bukti", .param("bukti", Self.id(bukti))]
        case .impor(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["impor"]
        case .imporTerapkan(let pemda, let kode, let unggahan):
            Self.pdSegmen(pemda, kode) + ["impor", .param("unggahan", Self.id(unggahan))]
        case .admin(let pemda): Self.pemdaSegmen(pemda) + ["admin"]
        case .adminPengguna(let pemda): Self.pemdaSegmen(pemda) + ["admin", "pengguna"]
        case .adminPenggunaUbah(let pemda, let pengguna):
            Self.pemdaSegmen(pemda) + ["admin", "pengguna", .param("pengguna", Self.id(pengguna))]
        case .adminPD(let pemda): Self.pemdaSegmen(pemda) + ["admin", "pd"]
        case .adminPeriode(let pemda): Self.pemdaSegmen(pemda) + ["admin", "periode"]
        case .adminKategori(let pemda): Self.pemdaSegmen(pemda) + ["admin", "kategori"]
        case .siapkan: ["siapkan"]
        case .imporPeta(let pemda, let kode, let unggahan):
            Self.pdSegmen(pemda, kode) + ["impor", .param("unggahan", Self.id(unggahan)), "peta"]
        case .logo(let pemda): Self.pemdaSegmen(pemda) + ["logo"]
        case .adminProfil(let pemda): Self.pemdaSegmen(pemda) + ["admin", "profil"]
        case .alur(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["alur"]
        case .riwayat(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["riwayat"]
        case .pemantauan(let pemda): Self.pemdaSegmen(pemda) + ["pemantauan"]
        case .adminJadwal(let pemda): Self.pemdaSegmen(pemda) + ["admin", "jadwal"]
        case .adminPembukaan(let pemda): Self.pemdaSegmen(pemda) + ["admin", "pembukaan"]
        case .rencanaRevisi(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["rencana", "revisi"]
        case .rencanaRevisiLampiran(let pemda, let kode):
            Self.pdSegmen(pemda, kode) + ["rencana", "revisi", "lampiran"]
        case .pk(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["pk"]
        case .rencanaAksi(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["rencana-aksi"]
        case .lkjip(let pemda, let kode): Self.pdSegmen(pemda, kode) + ["lkjip"]
        case .lkjipPemda(let pemda): Self.pemdaSegmen(pemda) + ["lkjip"]
        case .pkPemda(let pemda): Self.pemdaSegmen(pemda) + ["pk"]
        }
    }

    public var path: String {
        "/"
            + segmen.map { segment in
                switch segment {
                case .tetap(let word): word
                case .param(_, let value): value
                }
            }.joined(separator: "/")
    }

    /// The pattern the router registers: fixed words as they are, parameters as `:name`.
    public var pattern: [PathComponent] {
        segmen.map { segment in
            switch segment {
            case .tetap(let word): .constant(word)
            case .param(let name, _): .parameter(name)
            }
        }
    }

    static func pemdaSegmen(_ id: UUID) -> [Segmen] { ["pemda", .param("pemda", Self.id(id))] }

    /// A kode is one path segment: `/` and `..` never make it two.
    static func pdSegmen(_ pemda: UUID, _ kode: String) -> [Segmen] {
        pemdaSegmen(pemda) + ["pd", .param("kode", SafeRedirect.segmen(kode))]
    }

    static func pemda(_ id: UUID) -> String { "/pemda/" + Self.id(id) }
    static func id(_ id: UUID) -> String { id.uuidString.lowercased() }

    public func path(tahun: Int?, triwulan: Int?) -> String {
        var query: [String] = []
        if let tahun { query.append("tahun=\(tahun)") }
        if let triwulan { query.append("triwulan=\(triwulan)") }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// Route patterns, for the router: each read from the route's one definition above.
    public enum Pattern {
        static let x = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        public static let beranda: [PathComponent] = SiteURL.beranda.pattern
        public static let health: [PathComponent] = SiteURL.health.pattern
        public static let aset: [PathComponent] = SiteURL.aset("").pattern
        public static let masuk: [PathComponent] = SiteURL.masuk.pattern
        public static let keluar: [PathComponent] = SiteURL.keluar.pattern
        public static let sandi: [PathComponent] = SiteURL.sandi.pattern
        public static let dasbor: [PathComponent] = SiteURL.dasbor(pemda: Self.x).pattern
        public static let laporanPemda: [PathComponent] = SiteURL.laporanPemda(pemda: Self.x).pattern
        public static let laporanSeluruh: [PathComponent] = SiteURL.laporanSeluruh(pemda: Self.x, nama: "").pattern
        public static let ikuPemda: [PathComponent] = SiteURL.ikuPemda(pemda: Self.x).pattern
        public static let indikator: [PathComponent] = SiteURL.indikator(pemda: Self.x, indikator: Self.x).pattern
        public static let cascadingPemda: [PathComponent] = SiteURL.cascadingPemda(pemda: Self.x).pattern
        public static let perangkatDaerah: [PathComponent] = SiteURL.perangkatDaerah(pemda: Self.x, kode: "").pattern
        public static let laporan: [PathComponent] = SiteURL.laporan(pemda: Self.x, kode: "", nama: "").pattern
        public static let cascading: [PathComponent] = SiteURL.cascading(pemda: Self.x, kode: "").pattern
        public static let iku: [PathComponent] = SiteURL.iku(pemda: Self.x, kode: "").pattern
        public static let realisasi: [PathComponent] = SiteURL.realisasi(pemda: Self.x, kode: "").pattern
        public static let rencana: [PathComponent] = SiteURL.rencana(pemda: Self.x, kode: "").pattern
        public static let rencanaElemen: [PathComponent] = SiteURL.rencanaElemen(pemda: Self.x, kode: "").pattern
        public static let rencanaIndikator: [PathComponent] = SiteURL.rencanaIndikator(pemda: Self.x, kode: "").pattern
        public static let bukti: [PathComponent] = SiteURL.bukti(pemda: Self.x, kode: "", bukti: Self.x).pattern
        public static let impor: [PathComponent] = SiteURL.impor(pemda: Self.x, kode: "").pattern
        public static let imporTerapkan: [PathComponent] = SiteURL.imporTerapkan(
            pemda: Self.x, kode: "", unggahan: Self.x
        ).pattern
        public static let admin: [PathComponent] = SiteURL.admin(pemda: Self.x).pattern
        public static let adminPengguna: [PathComponent] = SiteURL.adminPengguna(pemda: Self.x).pattern
        public static let adminPenggunaUbah: [PathComponent] = SiteURL.adminPenggunaUbah(
            pemda: Self.x, pengguna: Self.x
        ).pattern
        public static let adminPD: [PathComponent] = SiteURL.adminPD(pemda: Self.x).pattern
        public static let adminPeriode: [PathComponent] = SiteURL.adminPeriode(pemda: Self.x).pattern
        public static let adminKategori: [PathComponent] = SiteURL.adminKategori(pemda: Self.x).pattern
        public static let siapkan: [PathComponent] = SiteURL.siapkan.pattern
        public static let imporPeta: [PathComponent] = SiteURL.imporPeta(pemda: Self.x, kode: "", unggahan: Self.x)
            .pattern
        public static let logo: [PathComponent] = SiteURL.logo(pemda: Self.x).pattern
        public static let adminProfil: [PathComponent] = SiteURL.adminProfil(pemda: Self.x).pattern
        public static let alur: [PathComponent] = SiteURL.alur(pemda: Self.x, kode: "").pattern
        public static let riwayat: [PathComponent] = SiteURL.riwayat(pemda: Self.x, kode: "").pattern
        public static let pemantauan: [PathComponent] = SiteURL.pemantauan(pemda: Self.x).pattern
        public static let adminJadwal: [PathComponent] = SiteURL.adminJadwal(pemda: Self.x).pattern
        public static let adminPembukaan: [PathComponent] = SiteURL.adminPembukaan(pemda: Self.x).pattern
        public static let rencanaRevisi: [PathComponent] = SiteURL.rencanaRevisi(pemda: Self.x, kode: "").pattern
        public static let pk: [PathComponent] = SiteURL.pk(pemda: Self.x, kode: "").pattern
        public static let rencanaAksi: [PathComponent] = SiteURL.rencanaAksi(pemda: Self.x, kode: "").pattern
        public static let lkjip: [PathComponent] = SiteURL.lkjip(pemda: Self.x, kode: "").pattern
        public static let lkjipPemda: [PathComponent] = SiteURL.lkjipPemda(pemda: Self.x).pattern
        public static let pkPemda: [PathComponent] = SiteURL.pkPemda(pemda: Self.x).pattern
        public static let rencanaRevisiLampiran: [PathComponent] = SiteURL.rencanaRevisiLampiran(
            pemda: Self.x, kode: ""
        ).pattern
    }
}
