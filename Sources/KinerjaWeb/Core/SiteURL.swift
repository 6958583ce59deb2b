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

    public var path: String {
        switch self {
        case .beranda: "/"
        case .health: "/health"
        case .aset(let name): "/aset/" + name
        case .masuk: "/masuk"
        case .keluar: "/keluar"
        case .sandi: "/akun/sandi"
        case .dasbor(let pemda): Self.pemda(pemda) + "/dasbor"
        case .laporanPemda(let pemda): Self.pemda(pemda) + "/laporan"
        case .laporanSeluruh(let pemda, let nama): Self.pemda(pemda) + "/laporan/" + nama
        case .ikuPemda(let pemda): Self.pemda(pemda) + "/iku"
        case .indikator(let pemda, let indikator): Self.pemda(pemda) + "/indikator/" + Self.id(indikator)
        case .cascadingPemda(let pemda): Self.pemda(pemda) + "/cascading"
        case .perangkatDaerah(let pemda, let kode):
            // A kode is one path segment: `/` and `..` never make it two.
            Self.pemda(pemda) + "/pd/" + SafeRedirect.segmen(kode)
        case .laporan(let pemda, let kode, let nama):
            SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/laporan/" + nama
        case .cascading(let pemda, let kode): SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/cascading"
        case .iku(let pemda, let kode): SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/iku"
        case .realisasi(let pemda, let kode): SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/realisasi"
        case .rencana(let pemda, let kode): SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/rencana"
        case .rencanaElemen(let pemda, let kode): SiteURL.rencana(pemda: pemda, kode: kode).path + "/elemen"
        case .rencanaIndikator(let pemda, let kode): SiteURL.rencana(pemda: pemda, kode: kode).path + "/indikator"
        case .bukti(let pemda, let kode, let bukti):
            SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/bukti/" + Self.id(bukti)
        case .impor(let pemda, let kode): SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/impor"
        case .imporTerapkan(let pemda, let kode, let unggahan):
            SiteURL.impor(pemda: pemda, kode: kode).path + "/" + Self.id(unggahan)
        case .admin(let pemda): Self.pemda(pemda) + "/admin"
        case .adminPengguna(let pemda): Self.pemda(pemda) + "/admin/pengguna"
        case .adminPenggunaUbah(let pemda, let pengguna): Self.pemda(pemda) + "/admin/pengguna/" + Self.id(pengguna)
        case .adminPD(let pemda): Self.pemda(pemda) + "/admin/pd"
        case .adminPeriode(let pemda): Self.pemda(pemda) + "/admin/periode"
        case .adminKategori(let pemda): Self.pemda(pemda) + "/admin/kategori"
        case .siapkan: "/siapkan"
        case .imporPeta(let pemda, let kode, let unggahan):
            SiteURL.imporTerapkan(pemda: pemda, kode: kode, unggahan: unggahan).path + "/peta"
        case .logo(let pemda): Self.pemda(pemda) + "/logo"
        case .adminProfil(let pemda): Self.pemda(pemda) + "/admin/profil"
        }
    }

    static func pemda(_ id: UUID) -> String { "/pemda/" + Self.id(id) }
    static func id(_ id: UUID) -> String { id.uuidString.lowercased() }

    public func path(tahun: Int?, triwulan: Int?) -> String {
        var query: [String] = []
        if let tahun { query.append("tahun=\(tahun)") }
        if let triwulan { query.append("triwulan=\(triwulan)") }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// Route patterns, for the router.
    public enum Pattern {
        static let pemda: [PathComponent] = ["pemda", ":pemda"]
        static let pd: [PathComponent] = pemda + ["pd", ":kode"]
        public static let beranda: [PathComponent] = []
        public static let health: [PathComponent] = ["health"]
        public static let aset: [PathComponent] = ["aset", ":nama"]
        public static let masuk: [PathComponent] = ["masuk"]
        public static let keluar: [PathComponent] = ["keluar"]
        public static let sandi: [PathComponent] = ["akun", "sandi"]
        public static let dasbor: [PathComponent] = pemda + ["dasbor"]
        public static let laporanPemda: [PathComponent] = pemda + ["laporan"]
        public static let laporanSeluruh: [PathComponent] = pemda + ["laporan", ":nama"]
        public static let ikuPemda: [PathComponent] = pemda + ["iku"]
        public static let indikator: [PathComponent] = pemda + ["indikator", ":indikator"]
        public static let cascadingPemda: [PathComponent] = pemda + ["cascading"]
        public static let perangkatDaerah: [PathComponent] = pd
        public static let laporan: [PathComponent] = pd + ["laporan", ":nama"]
        public static let cascading: [PathComponent] = pd + ["cascading"]
        public static let iku: [PathComponent] = pd + ["iku"]
        public static let realisasi: [PathComponent] = pd + ["realisasi"]
        public static let rencana: [PathComponent] = pd + ["rencana"]
        public static let rencanaElemen: [PathComponent] = pd + ["rencana", "elemen"]
        public static let rencanaIndikator: [PathComponent] = pd + ["rencana", "indikator"]
        public static let bukti: [PathComponent] = pd + ["bukti", ":bukti"]
        public static let impor: [PathComponent] = pd + ["impor"]
        public static let imporTerapkan: [PathComponent] = pd + ["impor", ":unggahan"]
        public static let admin: [PathComponent] = pemda + ["admin"]
        public static let adminPengguna: [PathComponent] = pemda + ["admin", "pengguna"]
        public static let adminPenggunaUbah: [PathComponent] = pemda + ["admin", "pengguna", ":pengguna"]
        public static let adminPD: [PathComponent] = pemda + ["admin", "pd"]
        public static let adminPeriode: [PathComponent] = pemda + ["admin", "periode"]
        public static let adminKategori: [PathComponent] = pemda + ["admin", "kategori"]
        public static let siapkan: [PathComponent] = ["siapkan"]
        public static let imporPeta: [PathComponent] = pd + ["impor", ":unggahan", "peta"]
        public static let logo: [PathComponent] = pemda + ["logo"]
        public static let adminProfil: [PathComponent] = pemda + ["admin", "profil"]
    }
}
