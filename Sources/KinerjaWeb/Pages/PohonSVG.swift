import Foundation
import KinerjaDomain

/// Draws a cascading tree as SVG on the server: one column per level, leaves stacked in document order, each parent
/// centred on its children, elbow connectors. Scales to the page width when printed.
enum PohonSVG {
    static let boxWidth = 230.0
    static let boxHeight = 70.0
    static let gapX = 40.0
    static let gapY = 14.0

    static func render(_ tree: PohonKinerja) -> HTML {
        let width = Double(tree.jumlahKolom) * (boxWidth + gapX) + 20
        let height = Double(tree.jumlahDaun) * (boxHeight + gapY) + 20
        func x(_ node: PohonKinerja.Simpul) -> Double { 10 + Double(node.kolom) * (boxWidth + gapX) }
        func y(_ node: PohonKinerja.Simpul) -> Double { 10 + node.posisi * (boxHeight + gapY) }
        var parts: [HTML] = []
        for node in tree.simpul {
            for childIndex in node.anak {
                let child = tree.simpul[childIndex]
                let x1 = x(node) + boxWidth
                let y1 = y(node) + boxHeight / 2
                let x2 = x(child)
                let y2 = y(child) + boxHeight / 2
                let middle = (x1 + x2) / 2
                parts.append(
                    .el(
                        "path",
                        [("d", "M\(x1) \(y1) H\(middle) V\(y2) H\(x2)"), ("fill", "none"), ("stroke", "#8c959f")]))
            }
        }
        for node in tree.simpul {
            let colour: String
            switch node.elemen.tingkat {
            case .visi, .misi, .tujuan, .sasaran: colour = "#dbe9f7"
            case .tujuanPD, .sasaranPD: colour = "#e3f2e1"
            case .program: colour = "#fff4d6"
            case .kegiatan: colour = "#f6f8fa"
            case .subKegiatan: colour = "#ffffff"
            }
            let left = x(node)
            let top = y(node)
            var group: [HTML] = [
                .el("title", [], node.elemen.uraian),
                .el(
                    "rect",
                    [
                        ("x", "\(left)"), ("y", "\(top)"), ("width", "\(boxWidth)"), ("height", "\(boxHeight)"),
                        ("rx", "6"), ("fill", colour), ("stroke", "#57606a"),
                    ]),
            ]
            var lines = [node.elemen.tingkat.label.uppercased()]
            lines += wrap(node.elemen.uraian, width: 35, lines: 2)
            if let first = node.indikator.first {
                lines.append(String((first.target.isEmpty ? first.nama : "Target: " + first.target).prefix(36)))
            }
            if !node.elemen.penanggungJawab.isEmpty {
                lines.append("PJ: " + String(node.elemen.penanggungJawab.prefix(33)))
            }
            for (index, line) in lines.prefix(5).enumerated() {
                group.append(
                    .el(
                        "text",
                        [
                            ("x", "\(left + 8)"), ("y", "\(top + 14 + Double(index) * 12.5)"), ("font-size", "10"),
                            ("font-weight", index == 0 ? "700" : nil), ("fill", index == 0 ? "#57606a" : nil),
                        ], line))
            }
            parts.append(.el("g", [], group))
        }
        let svg = HTML.el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-label", "Pohon kinerja"),
                ("viewBox", "0 0 \(width) \(height)"), ("width", "\(width)"), ("style", "max-width:100%;height:auto"),
                ("font-family", "system-ui,sans-serif"),
            ], parts)
        return .el("div", [("class", "box pohon")], [svg])
    }

    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width {
                result.append(current)
                current = String(word)
                if result.count == lines { break }
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if result.count < lines && !current.isEmpty { result.append(current) }
        if result.count == lines, let last = result.last, text.count > result.joined(separator: " ").count {
            result[lines - 1] = String(last.prefix(width - 1)) + "…"
        }
        return result
    }
}
