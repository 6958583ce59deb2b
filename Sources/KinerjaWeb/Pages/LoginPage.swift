import Foundation

/// The login form and the change-password form.
enum LoginPage {
    static func render(akun: Layout.Akun, namaPengguna: String, lanjut: String, galat: String?) -> String {
        Layout.page(
            title: "Masuk", breadcrumbs: [("Beranda", SiteURL.beranda.path), ("Masuk", nil)], akun: akun,
            content: [
                .el("h1", [], "Masuk ke Kinerja"),
                Form.pesan(galat, galat: true),
                Form.post(
                    SiteURL.masuk.path, csrf: akun.csrf,
                    attributes: [("class", "kartu"), ("style", "max-width:24rem")],
                    [
                        .el("input", [("type", "hidden"), ("name", "lanjut"), ("value", lanjut)]),
                        Form.input(
                            "Nama pengguna", name: "nama_pengguna", value: namaPengguna,
                            extra: [("autocomplete", "username"), ("required", "required"), ("autofocus", "autofocus")]),
                        Form.input(
                            "Kata sandi", name: "sandi", type: "password",
                            extra: [("autocomplete", "current-password"), ("required", "required")]),
                        .el("p", [], [.el("button", [("type", "submit")], "Masuk")]),
                    ]),
                .el(
                    "p", [("class", "muted")],
                    "Lupa kata sandi? Hubungi Admin Pemda (Bappeda) untuk mengatur ulang."),
            ])
    }

    static func sandi(akun: Layout.Akun, galat: [String: String], sukses: String?) -> String {
        Layout.page(
            title: "Ubah kata sandi", breadcrumbs: [("Beranda", SiteURL.beranda.path), ("Ubah kata sandi", nil)],
            akun: akun,
            content: [
                .el("h1", [], "Ubah kata sandi"),
                Form.pesan(galat.isEmpty ? nil : "Periksa isian yang ditandai.", galat: true),
                Form.pesan(sukses, galat: false),
                Form.post(
                    SiteURL.sandi.path, csrf: akun.csrf,
                    attributes: [("class", "kartu"), ("style", "max-width:24rem")],
                    [
                        Form.input(
                            "Kata sandi lama", name: "sandi_lama", type: "password", galat: galat["sandi_lama"],
                            extra: [("autocomplete", "current-password")]),
                        Form.input(
                            "Kata sandi baru (min. 8, huruf dan angka)", name: "sandi_baru", type: "password",
                            galat: galat["sandi_baru"], extra: [("autocomplete", "new-password")]),
                        Form.input(
                            "Ulangi kata sandi baru", name: "sandi_ulang", type: "password",
                            galat: galat["sandi_ulang"],
                            extra: [("autocomplete", "new-password")]),
                        .el("p", [], [.el("button", [("type", "submit")], "Simpan")]),
                    ]),
            ])
    }
}
