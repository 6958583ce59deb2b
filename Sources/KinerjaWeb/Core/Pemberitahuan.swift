import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Notifications of workflow steps. In the application they are each user's task list (home page); by email too,
/// to those with an address, when the installation has an SMTP server. A mail that cannot be sent is logged and
/// never undoes the step.
enum Pemberitahuan {
    static func kirim(_ req: Request, pemda: Pemda, pd: PerangkatDaerah, langkah: LangkahAlur) async {
        guard let config = req.application.mail else { return }
        do {
            let users = try await KinerjaStore(req.db).listPengguna(pemda: pemda.id)
            let to = AturanAlur.penerima(langkah, dari: users).map(\.email).filter { !$0.isEmpty }
            guard !to.isEmpty else { return }
            let item = "\(langkah.objek.label) \(pd.nama)"
            let link =
                (Environment.get("KINERJA_URL_DASAR") ?? "")
                + SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path
                + "?tahun=\(langkah.objek.tahun)#alur"
            var body = [
                "\(item): \(langkah.transisi.label.lowercased()) oleh \(langkah.pelaku.namaLengkap) "
                    + "(\(langkah.pelaku.namaPengguna)), \(IndonesianFormat.waktu(req.sekarang))."
            ]
            if !langkah.catatan.isEmpty { body.append("Catatan: \(langkah.catatan)") }
            body += ["", "Buka: \(link)", "", "Pesan ini dikirim otomatis oleh Kinerja \(pemda.nama)."]
            try await SMTP.send(
                config, to: to, subject: "[Kinerja] \(item): \(langkah.transisi.label)",
                body: body.joined(separator: "\n"))
        } catch {
            req.logger.warning("email pemberitahuan tidak terkirim: \(String(describing: error))")
        }
    }
}
