import Foundation

/// Tables of the pages: in a scrolling box (sticky header and first column), one header row.
enum HTMLTable {
    static func kotak(kepala: [String], _ rows: [HTML], atribut: [(String, String?)] = []) -> HTML {
        .el(
            "div", [("class", "box")],
            [
                .el(
                    "table", atribut,
                    [
                        .el("thead", [], [.el("tr", [], kepala.map { HTML.el("th", [("scope", "col")], $0) })]),
                        .el("tbody", [], rows),
                    ])
            ])
    }
}
