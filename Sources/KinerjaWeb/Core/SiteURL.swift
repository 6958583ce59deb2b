import Foundation
import Vapor

/// Every route of the site: the pattern the router registers and the links pages print come from here.
public enum SiteURL: Sendable {
    case beranda
    case health
    case perangkatDaerah(pemda: UUID, kode: String)
    case laporan(pemda: UUID, kode: String, nama: String)

    public var path: String {
        switch self {
        case .beranda: "/"
        case .health: "/health"
        case .perangkatDaerah(let pemda, let kode):
            "/pemda/\(pemda.uuidString.lowercased())/pd/\(kode.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? kode)"
        case .laporan(let pemda, let kode, let nama):
            SiteURL.perangkatDaerah(pemda: pemda, kode: kode).path + "/laporan/" + nama
        }
    }

    public func path(tahun: Int?, triwulan: Int?) -> String {
        var query: [String] = []
        if let tahun { query.append("tahun=\(tahun)") }
        if let triwulan { query.append("triwulan=\(triwulan)") }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// Route patterns, for the router.
    public enum Pattern {
        public static let beranda: [PathComponent] = []
        public static let health: [PathComponent] = ["health"]
        public static let perangkatDaerah: [PathComponent] = ["pemda", ":pemda", "pd", ":kode"]
        public static let laporan: [PathComponent] = ["pemda", ":pemda", "pd", ":kode", "laporan", ":nama"]
    }
}
