import Foundation
import KinerjaDomain

/// Charts drawn on the server as SVG: no script, printable, readable without colour (values are written).
enum ChartSVG {
    struct Batang {
        var label: String
        var nilai: Decimal?
        var warna: String
        var tautan: String?
    }

    /// Horizontal bars, one per item, 0-120 % with a line at 100 %.
    static func batang(_ items: [Batang], judul: String) -> HTML {
        let rowHeight = 22
        let labelWidth = 260
        let barWidth = 420
        let height = items.count * rowHeight + 30
        let width = labelWidth + barWidth + 80
        let scale: Decimal = 120
        func x(_ value: Decimal) -> Int {
            labelWidth + Int(truncating: (min(max(value, 0), scale) / scale * Decimal(barWidth)) as NSNumber)
        }
        var parts: [HTML] = [.el("title", [], judul)]
        for (index, item) in items.enumerated() {
            let y = 10 + index * rowHeight
            let label = item.label.count > 38 ? String(item.label.prefix(37)) + "…" : item.label
            var text = HTML.el(
                "text", [("x", "\(labelWidth - 6)"), ("y", "\(y + 15)"), ("text-anchor", "end"), ("font-size", "12")],
                label)
            if let link = item.tautan { text = .el("a", [("href", link)], [text]) }
            parts.append(text)
            if let value = item.nilai {
                parts.append(
                    .el(
                        "rect",
                        [
                            ("x", "\(labelWidth)"), ("y", "\(y + 3)"), ("width", "\(max(1, x(value) - labelWidth))"),
                            ("height", "\(rowHeight - 6)"), ("fill", item.warna),
                        ], [.el("title", [], "\(item.label): \(IndonesianFormat.percent(value))")]))
                parts.append(
                    .el(
                        "text", [("x", "\(x(value) + 4)"), ("y", "\(y + 15)"), ("font-size", "12")],
                        IndonesianFormat.percent(value)))
            } else {
                parts.append(
                    .el(
                        "text",
                        [("x", "\(labelWidth + 4)"), ("y", "\(y + 15)"), ("font-size", "12"), ("fill", "#57606a")],
                        "belum ada capaian"))
            }
        }
        let hundred = x(100)
        parts.append(
            .el(
                "line",
                [
                    ("x1", "\(hundred)"), ("y1", "4"), ("x2", "\(hundred)"), ("y2", "\(height - 18)"),
                    ("stroke", "#1f2328"), ("stroke-dasharray", "4 3"),
                ]))
        parts.append(
            .el(
                "text", [("x", "\(hundred)"), ("y", "\(height - 4)"), ("font-size", "11"), ("text-anchor", "middle")],
                "100 %"))
        return svg(width: width, height: height, judul: judul, parts)
    }

    static func svg(width: Int, height: Int, judul: String, _ parts: [HTML]) -> HTML {
        .el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"), ("width", "\(width)"),
                ("role", "img"), ("aria-label", judul),
            ], parts)
    }

    /// A small line of values per period (trend), with the points labelled.
    static func tren(_ points: [(String, Decimal?)], judul: String) -> HTML {
        let width = 60 * max(points.count, 2) + 20
        let height = 70
        let values = points.compactMap(\.1)
        let top = max(values.max() ?? 100, 100)
        func y(_ value: Decimal) -> Int { 52 - Int(truncating: (max(value, 0) / top * 40) as NSNumber) }
        var parts: [HTML] = [.el("title", [], judul)]
        var path: [String] = []
        for (index, point) in points.enumerated() {
            let x = 20 + index * 60
            parts.append(
                .el("text", [("x", "\(x)"), ("y", "66"), ("font-size", "10"), ("text-anchor", "middle")], point.0))
            guard let value = point.1 else { continue }
            path.append("\(path.isEmpty ? "M" : "L")\(x) \(y(value))")
            parts.append(.el("circle", [("cx", "\(x)"), ("cy", "\(y(value))"), ("r", "3"), ("fill", "#0b5cad")]))
            parts.append(
                .el(
                    "text",
                    [("x", "\(x)"), ("y", "\(y(value) - 5)"), ("font-size", "10"), ("text-anchor", "middle")],
                    IndonesianFormat.percent(value, fractionDigits: 0)))
        }
        if path.count > 1 {
            parts.insert(
                .el(
                    "path",
                    [
                        ("d", path.joined(separator: " ")), ("fill", "none"), ("stroke", "#0b5cad"),
                        ("stroke-width", "2"),
                    ]), at: 1)
        }
        return svg(width: width, height: height, judul: judul, parts)
    }
}
