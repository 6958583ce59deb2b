import Foundation
import KinerjaDomain

/// Public pages and reports show published figures (verified or locked); a reader may include those still in
/// progress, shown as provisional (sementara). The note says which, and a link switches.
enum PilihTampilan {
    static func render(tampilan: Tampilan, catatan: String?, path: String) -> HTML {
        let join = path.contains("?") ? "&" : "?"
        let link: HTML =
            tampilan == .sementara
            ? .el("a", [("href", path)], "Hanya angka terverifikasi")
            : .el("a", [("href", path + join + "sementara=1")], "Tampilkan juga angka sementara")
        guard catatan != nil || tampilan == .sementara else { return .empty }
        return .el(
            "p", [("class", tampilan == .sementara ? "warn tampilan" : "muted tampilan")],
            [.text((catatan ?? "Tidak ada angka sementara.") + " "), link])
    }
}
