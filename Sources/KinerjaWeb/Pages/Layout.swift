import Foundation
import KinerjaDomain

/// The layout every page shares: title, header with the account, navigation and the stylesheet (no build step;
/// the little JavaScript there is lives in `/aset/kinerja-<hash>.js`).
enum Layout {
    /// Who is looking, for the header: the user (nil = anonymous), the CSRF token for the logout form, and the
    /// Pemda the page belongs to (for the navigation).
    struct Akun: Sendable {
        var pengguna: Pengguna?
        var csrf: String
        var pemda: Pemda?
    }

    static func page(
        title: String, breadcrumbs: [(String, String?)] = [], akun: Akun? = nil, content: [HTML]
    ) -> String {
        let crumbs = breadcrumbs.enumerated().map { index, item in
            let separator: HTML = index == 0 ? .empty : .text(" › ")
            let link = item.1.map { HTML.el("a", [("href", $0)], item.0) } ?? .text(item.0)
            return HTML.join([separator, link])
        }
        return HTML.document(
            head: .el(
                "head", [],
                [
                    .el("meta", [("charset", "utf-8")]),
                    .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                    .el("title", [], title + " · Kinerja"),
                    HTML.style(stylesheet),
                    .el("script", [("src", SiteURL.aset(Script.nama).path), ("defer", "defer")]),
                ]),
            body: [
                .el("a", [("href", "#isi"), ("class", "lompat")], "Langsung ke isi"),
                .el(
                    "header", [],
                    [
                        .el("a", [("href", SiteURL.beranda.path), ("class", "brand")], "Kinerja"),
                        menu(akun),
                        akunBar(akun),
                    ]),
                .el("nav", [("aria-label", "Jejak"), ("class", "jejak")], crumbs),
            ],
            main: [("id", "isi")], content: content)
    }

    static func menu(_ akun: Akun?) -> HTML {
        guard let pemda = akun?.pemda ?? nil else {
            return .el("span", [("class", "tagline")], "Perencanaan dan akuntabilitas kinerja Pemda")
        }
        var items: [(String, String)] = [
            ("Dasbor", SiteURL.dasbor(pemda: pemda.id.uuid).path),
            ("Laporan", SiteURL.laporanPemda(pemda: pemda.id.uuid).path),
            ("IKU", SiteURL.ikuPemda(pemda: pemda.id.uuid).path),
            ("Cascading", SiteURL.cascadingPemda(pemda: pemda.id.uuid).path),
        ]
        if let user = akun?.pengguna, Akses.adminPemda(pemda.id).boleh(user) {
            items.append(("Admin", SiteURL.admin(pemda: pemda.id.uuid).path))
        }
        return .el(
            "nav", [("aria-label", "Menu"), ("class", "menu")],
            items.map { HTML.el("a", [("href", $0.1)], $0.0) })
    }

    static func akunBar(_ akun: Akun?) -> HTML {
        guard let akun else { return .empty }
        guard let user = akun.pengguna else {
            return .el("div", [("class", "akun")], [.el("a", [("href", SiteURL.masuk.path)], "Masuk")])
        }
        return .el(
            "div", [("class", "akun")],
            [
                .el(
                    "span", [],
                    "\(user.namaLengkap.isEmpty ? user.namaPengguna : user.namaLengkap) (\(user.peran.label))"),
                .el("a", [("href", SiteURL.sandi.path)], "Ubah sandi"),
                Form.post(
                    SiteURL.keluar.path, csrf: akun.csrf, attributes: [("class", "inline")],
                    [.el("button", [("type", "submit"), ("class", "tautan")], "Keluar")]),
            ])
    }

    static let stylesheet = """
        :root{--fg:#1f2328;--muted:#57606a;--line:#d1d9e0;--bg:#fff;--accent:#0b5cad;--head:#0b3d6e}
        *{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        .lompat{position:absolute;left:-999px}.lompat:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem;z-index:9}
        header{display:flex;gap:.4rem 1rem;align-items:center;flex-wrap:wrap;padding:.5rem 1rem;background:var(--head);color:#fff}
        header a{color:#fff}header a.brand{font-weight:700;font-size:1.2rem;text-decoration:none}.tagline{opacity:.9}
        nav.menu{display:flex;gap:.9rem;flex-wrap:wrap}.akun{margin-left:auto;display:flex;gap:.8rem;align-items:center;flex-wrap:wrap;font-size:.9rem}
        button.tautan{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;padding:0;font:inherit}
        nav.jejak{padding:.4rem 1rem;color:var(--muted);font-size:.9rem}main{padding:0 1rem 2rem;max-width:100%}
        a{color:var(--accent)}h1{font-size:1.4rem;margin:.6rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}
        :focus-visible{outline:3px solid #f59e0b;outline-offset:1px}
        .box{overflow:auto;max-width:100%;max-height:80vh;border:1px solid var(--line)}
        table{border-collapse:separate;border-spacing:0;width:100%;font-size:.88rem}
        th,td{border-right:1px solid var(--line);border-bottom:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;background:#fff}
        thead th{position:sticky;top:0;background:#eef2f6;text-align:left;z-index:2}
        .box table th:first-child,.box table td:first-child{position:sticky;left:0;z-index:1}
        .box table thead th:first-child{z-index:3}
        td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        td.kode{white-space:nowrap}.lvl-program td{background:#f6f8fa;font-weight:600}
        .badge{display:inline-block;padding:.05rem .4rem;border-radius:.6rem;color:#fff;font-size:.8rem;white-space:nowrap}
        .muted{color:var(--muted)}.warn{color:#9a3412}.ok{color:#166534}
        .pesan{padding:.5rem .8rem;border-radius:.3rem;margin:.6rem 0}.pesan.galat{background:#fef2f2;border:1px solid #fca5a5;color:#7f1d1d}
        .pesan.sukses{background:#f0fdf4;border:1px solid #86efac;color:#14532d}
        form.filter{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap;margin:.6rem 0}form.inline{display:inline}
        label{display:flex;flex-direction:column;font-size:.85rem;gap:.15rem;max-width:100%;min-width:0}
        input,select,button,textarea{font:inherit;padding:.3rem .45rem;border:1px solid #8c959f;border-radius:.25rem;max-width:100%}
        button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}button.kedua{background:#fff;color:var(--accent)}
        input[aria-invalid=true]{border-color:#b91c1c;background:#fef2f2}.galat-isian{color:#b91c1c;font-size:.8rem}
        fieldset{border:1px solid var(--line);margin:.6rem 0;min-width:0}.kartu{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;margin:.6rem 0}
        ul.pd{columns:2 22rem}.summary{display:flex;gap:1.5rem;flex-wrap:wrap;margin:.5rem 0}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
        svg{max-width:100%;height:auto}details>summary{cursor:pointer}
        @media (max-width:600px){body{font-size:14px}main{padding:0 .5rem 1.5rem}ul.pd{columns:1}.akun{margin-left:0}}
        @media print{header,nav,form.filter,.lompat,.no-print{display:none}.box{overflow:visible;max-height:none;border:0}
        thead th{position:static}.box table td:first-child,.box table th:first-child{position:static}}
        """
}
