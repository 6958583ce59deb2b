import Foundation
import KinerjaDomain

/// The first page of an empty installation: the Pemda, its RPJMD period and the first admin, opened with the
/// one-time setup code the server printed in its log.
enum PenyiapanPage {
    static func render(akun: Layout.Akun, isian: FormState) -> String {
        let value = { (name: String) in isian.nilai[name] ?? "" }
        return Layout.page(
            title: "Penyiapan Kinerja", breadcrumbs: [("Penyiapan", nil)], akun: akun,
            content: [
                .el("h1", [], "Selamat datang di Kinerja"),
                .el(
                    "p", [],
                    "Instalasi ini belum mempunyai Pemda. Isi data Pemda, periode RPJMD, dan akun admin pertama. "
                        + "Kode penyiapan tercetak di log server saat server dimulai (baris \"Kode penyiapan\"); "
                        + "kode itu memastikan hanya pengelola server yang dapat menyiapkan instalasi."),
                Form.pesan(isian.pesan, galat: true),
                Form.post(
                    SiteURL.siapkan.path, csrf: akun.csrf, attributes: [("class", "kartu")], multipart: true,
                    [
                        Form.input(
                            "Kode penyiapan (dari log server)", name: "kode", value: value("kode"),
                            galat: isian.galat["kode"], extra: [("required", "required"), ("autocomplete", "off")]),
                        .el("h2", [], "Pemda"),
                        Form.input(
                            "Nama Pemda (mis. Kabupaten Batu Bara)", name: "nama", value: value("nama"),
                            galat: isian.galat["nama"], extra: [("required", "required")]),
                        Form.select(
                            "Jenis", name: "jenis",
                            options: [("kabupaten", "Kabupaten"), ("kota", "Kota"), ("provinsi", "Provinsi")],
                            selected: isian.nilai["jenis"] ?? "kabupaten"),
                        Form.input(
                            "Ibu kota (tempat penandatanganan dokumen)", name: "ibukota", value: value("ibukota"),
                            galat: isian.galat["ibukota"]),
                        Form.input(
                            "Alamat kantor (untuk kop dokumen)", name: "alamat", value: value("alamat"),
                            galat: isian.galat["alamat"]),
                        Form.input(
                            "Nama Bupati/Walikota/Gubernur (penanda tangan PK, opsional)", name: "kepala_daerah",
                            value: value("kepala_daerah"), galat: isian.galat["kepala_daerah"]),
                        Form.input(
                            "Logo (PNG atau JPEG, maks. 1 MB, opsional)", name: "logo", type: "file",
                            galat: isian.galat["logo"], extra: [("accept", "image/png,image/jpeg")]),
                        .el("h2", [], "Periode RPJMD"),
                        Form.input(
                            "Tahun awal", name: "rpjmd_awal", value: value("rpjmd_awal"), type: "number",
                            galat: isian.galat["rpjmd_awal"] ?? isian.galat["tahun_awal"],
                            extra: [("required", "required"), ("min", "1945"), ("max", "2200")]),
                        Form.input(
                            "Tahun akhir", name: "rpjmd_akhir", value: value("rpjmd_akhir"), type: "number",
                            galat: isian.galat["rpjmd_akhir"] ?? isian.galat["tahun_akhir"],
                            extra: [("required", "required"), ("min", "1945"), ("max", "2200")]),
                        .el("h2", [], "Admin Pemda pertama"),
                        Form.input(
                            "Nama pengguna (huruf kecil, angka, . - _)", name: "nama_pengguna",
                            value: value("nama_pengguna"), galat: isian.galat["nama_pengguna"],
                            extra: [("required", "required"), ("autocomplete", "username")]),
                        Form.input(
                            "Nama lengkap", name: "nama_lengkap", value: value("nama_lengkap"),
                            galat: isian.galat["nama_lengkap"]),
                        Form.input(
                            "Kata sandi (min. 8, huruf dan angka)", name: "sandi", type: "password",
                            galat: isian.galat["sandi"],
                            extra: [("required", "required"), ("autocomplete", "new-password")]),
                        Form.input(
                            "Ulangi kata sandi", name: "sandi_ulang", type: "password",
                            galat: isian.galat["sandi_ulang"],
                            extra: [("required", "required"), ("autocomplete", "new-password")]),
                        .el("p", [], [.el("button", [("type", "submit")], "Siapkan instalasi")]),
                    ]),
            ])
    }
}
