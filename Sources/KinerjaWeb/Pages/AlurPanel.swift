import Foundation
import KinerjaDomain

/// The status of a PD's documents and realisasi triwulan of a year, with the steps the signed-in user may take on
/// each: the workflow part of the PD page.
struct AlurPanel: Sendable {
    var pemda: Pemda
    var pd: PerangkatDaerah
    var tahun: Int
    var status: [ObjekAlur: StatusTersimpan]
    var jadwal: [Int: JadwalPelaporan]
    var pengguna: Pengguna?
    var sekarang: Date

    /// The items of the year, documents first.
    var objek: [ObjekAlur] {
        [ObjekAlur.Jenis.renstra, .renja, .renjaPerubahan, .perjanjianKinerja, .lkjip].map {
            ObjekAlur(perangkatDaerah: pd.id, jenis: $0, tahun: tahun)
        }
            + (1...pemda.jumlahTriwulan).map {
                ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: tahun, triwulan: $0)
            }
    }

    func statusOf(_ item: ObjekAlur) -> StatusAlur { status[item]?.status ?? .draf }

    /// A realisasi triwulan whose window has closed and that was not submitted.
    func terlambat(_ item: ObjekAlur) -> Bool {
        guard item.jenis == .realisasi, let window = jadwal[item.triwulan] else { return false }
        return window.tutup <= sekarang && statusOf(item).bolehDiubah
    }

    static func badge(_ status: StatusAlur) -> HTML {
        .el("span", [("class", "status status-\(status.rawValue)")], status.label)
    }

    static let style = """
        .status{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8rem;background:#eef2f6}
        .status-diajukan{background:#fff8c5}.status-dikembalikan{background:#ffebe9}.status-disetujui{background:#ddf4ff}
        .status-diverifikasi{background:#dafbe1}.status-dikunci{background:#d0d7de;font-weight:600}
        form.langkah{display:inline-flex;gap:.3rem;margin:.1rem .3rem .1rem 0;align-items:center}
        form.langkah input[name=catatan]{width:14rem}
        """

    func render(csrf: String) -> HTML {
        let action = SiteURL.alur(pemda: pemda.id.uuid, kode: pd.kode).path
        let rows = objek.map { item -> HTML in
            let stored = status[item]
            let current = statusOf(item)
            let steps = AturanAlur.bolehDiambil(pengguna, objek: item, pemda: pemda.id, status: current)
            var info = stored.map { "\($0.oleh), \(IndonesianFormat.waktu($0.waktu))" } ?? ""
            if item.jenis == .realisasi, let window = jadwal[item.triwulan] {
                info +=
                    (info.isEmpty ? "" : " · ") + "jadwal \(IndonesianFormat.tanggal(window.buka)) s.d. "
                    + IndonesianFormat.tanggal(window.hariTerakhir)
            }
            let key = "\(item.jenis.rawValue)-\(item.triwulan)"
            return .el(
                "tr", [("id", "alur-" + key)],
                [
                    .el("td", [], item.label),
                    .el(
                        "td", [],
                        [
                            Self.badge(current),
                            terlambat(item) ? .el("span", [("class", "warn")], " terlambat") : .empty,
                        ]),
                    .el("td", [("class", "muted")], info),
                    .el("td", [], stored?.catatan ?? ""),
                    .el(
                        "td", [],
                        steps.map { step in
                            Form.post(
                                action, csrf: csrf, attributes: [("class", "langkah")],
                                [
                                    Form.tersembunyi("jenis", item.jenis.rawValue),
                                    Form.tersembunyi("tahun", String(item.tahun)),
                                    Form.tersembunyi("triwulan", String(item.triwulan)),
                                    Form.tersembunyi("versi", String(stored?.versi ?? 0)),
                                    step.perluCatatan
                                        ? .el(
                                            "input",
                                            [
                                                ("name", "catatan"), ("required", "required"),
                                                ("aria-label", "Catatan \(step.label.lowercased()) \(item.label)"),
                                                (
                                                    "placeholder",
                                                    step == .kembalikan ? "Apa yang perlu diperbaiki" : "Alasan"
                                                ),
                                            ]) : .empty,
                                    .el(
                                        "button",
                                        [
                                            ("type", "submit"), ("name", "transisi"), ("value", step.rawValue),
                                            ("id", "langkah-\(key)-\(step.rawValue)"),
                                        ], step.label),
                                ])
                        }),
                ])
        }
        return .el(
            "section", [("id", "alur")],
            [
                HTML.style(Self.style),
                .el("h2", [], "Status dan persetujuan \(tahun)"),
                HTMLTable.kotak(kepala: ["Dokumen", "Status", "Oleh, waktu", "Catatan", "Tindakan"], rows),
                .el(
                    "p", [("class", "muted")],
                    "Operator PD mengajukan; Kepala PD menyetujui atau mengembalikan dengan catatan; realisasi "
                        + "diverifikasi Inspektorat atau Bappeda, dokumen rencana oleh Bappeda; Admin Pemda mengunci. "
                        + "Yang sudah diajukan, disetujui, diverifikasi atau dikunci tidak dapat diubah."),
            ])
    }
}
