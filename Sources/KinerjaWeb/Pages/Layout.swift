import Foundation

/// The layout every page shares: title, header, navigation and the stylesheet (no JavaScript, no build step).
enum Layout {
    static func page(title: String, breadcrumbs: [(String, String?)] = [], content: [HTML]) -> String {
        let crumbs = breadcrumbs.enumerated().map { index, item in
            let separator: HTML = index == 0 ? .empty : .text(" › ")
            let link = item.1.map { HTML.el("a", [("href", $0)], item.0) } ?? .text(item.0)
            return HTML.join([separator, link])
        }
        return HTML.document([
            .el(
                "head", [],
                [
                    .el("meta", [("charset", "utf-8")]),
                    .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                    .el("title", [], title + " · Kinerja"),
                    HTML(rendered: "<style>" + stylesheet + "</style>"),
                ]),
            .el(
                "body", [],
                [
                    .el(
                        "header", [],
                        [
                            .el("a", [("href", SiteURL.beranda.path), ("class", "brand")], "Kinerja"),
                            .el("span", [("class", "tagline")], "Perencanaan dan akuntabilitas kinerja Pemda"),
                        ]),
                    .el("nav", [("aria-label", "Jejak")], crumbs),
                    .el("main", [], content),
                ]),
        ])
    }

    static let stylesheet = """
        :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--accent:#0b5cad}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        header{display:flex;gap:1rem;align-items:baseline;padding:.6rem 1rem;background:#0b3d6e;color:#fff}
        header a.brand{color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none}.tagline{opacity:.85}
        nav{padding:.4rem 1rem;color:var(--muted);font-size:.9rem}main{padding:0 1rem 2rem}
        a{color:var(--accent)}h1{font-size:1.4rem;margin:.6rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}
        .box{overflow-x:auto;max-width:100%;border:1px solid var(--line)}
        table{border-collapse:collapse;width:100%;font-size:.88rem}
        th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top}
        thead th{position:sticky;top:0;background:#f0f3f6;text-align:left}
        td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        td.kode{white-space:nowrap}.lvl-program td{background:#f6f8fa;font-weight:600}.lvl-kegiatan td{background:#fbfcfd}
        .badge{display:inline-block;padding:.05rem .4rem;border-radius:.6rem;color:#fff;font-size:.8rem;white-space:nowrap}
        .muted{color:var(--muted)}.warn{color:#9a3412}form.filter{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap;margin:.6rem 0}
        label{display:flex;flex-direction:column;font-size:.85rem}select,button{font:inherit;padding:.25rem .4rem}
        ul.pd{columns:2 22rem}.summary{display:flex;gap:1.5rem;flex-wrap:wrap;margin:.5rem 0}
        @media print{header,nav,form.filter{display:none}.box{overflow:visible;border:0}}
        """
}
