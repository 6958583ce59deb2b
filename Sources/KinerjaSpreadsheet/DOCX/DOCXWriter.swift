import Foundation

/// A block of a Word document to write: a paragraph, a table, or a page break.
public enum DOCXBlock: Sendable {
    public enum Alignment: String, Sendable {
        case left
        case center
        case right
        case both
    }

    /// Text with its weight, alignment, size in points and the space after it in points.
    case paragraph(String, bold: Bool = false, alignment: Alignment = .left, size: Int = 11, spaceAfter: Int = 6)
    /// Rows of cells (text, bold); the first `headerRows` repeat on every page. Widths in twentieths of a point,
    /// the text's size in points.
    case table(rows: [[(String, bold: Bool)]], widths: [Int], headerRows: Int = 1, size: Int = 10)
    /// Two blocks of lines side by side without borders (signature blocks).
    case twoColumns(left: [String], right: [String])
    case pageBreak
}

/// A DOCX (WordprocessingML) that Word and LibreOffice open: A4 pages, Arial, the blocks in order. Our own XML,
/// zipped with ZIPFoundation (no template file).
public enum DOCXWriter {
    public static func write(_ blocks: [DOCXBlock], landscape: Bool = false) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRels),
            ("word/document.xml", document(blocks, landscape: landscape)),
            ("word/styles.xml", styles),
            ("word/_rels/document.xml.rels", documentRels),
        ]
        return try OfficeZip.archive(parts)
    }

    /// One escaping for every office file (`XMLText`): this one kept U+FFFE and U+FFFF, which XML forbids.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    static func run(_ text: String, bold: Bool, size: Int) -> String {
        let properties = (bold ? "<w:b/>" : "") + "<w:sz w:val=\"\(size * 2)\"/>"
        // Lines of a text become line breaks within the paragraph.
        let lines = text.components(separatedBy: "\n").map { "<w:t xml:space=\"preserve\">\(escape($0))</w:t>" }
        return "<w:r><w:rPr>\(properties)</w:rPr>" + lines.joined(separator: "<w:br/>") + "</w:r>"
    }

    static func paragraph(
        _ text: String, bold: Bool = false, alignment: DOCXBlock.Alignment = .left, size: Int = 11, spaceAfter: Int = 6
    ) -> String {
        "<w:p><w:pPr><w:spacing w:after=\"\(spaceAfter * 20)\"/><w:jc w:val=\"\(alignment.rawValue)\"/></w:pPr>"
            + run(text, bold: bold, size: size) + "</w:p>"
    }

    static func block(_ block: DOCXBlock) -> String {
        switch block {
        case .paragraph(let text, let bold, let alignment, let size, let after):
            return paragraph(text, bold: bold, alignment: alignment, size: size, spaceAfter: after)
        case .pageBreak:
            return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        case .table(let rows, let widths, let headerRows, let size):
            let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
            let border = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined()
            var xml =
                "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblBorders>\(border)"
                + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
            for (index, row) in rows.enumerated() {
                xml +=
                    "<w:tr>"
                    + (index < headerRows
                        ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
                for (column, cell) in row.enumerated() {
                    let width = column < widths.count ? widths[column] : 1000
                    xml +=
                        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                        + paragraph(
                            cell.0, bold: cell.bold, alignment: index < headerRows ? .center : .left, size: size,
                            spaceAfter: 0)
                        + "</w:tc>"
                }
                xml += "</w:tr>"
            }
            return xml + "</w:tbl>" + paragraph("", spaceAfter: 6)
        case .twoColumns(let left, let right):
            func cell(_ lines: [String]) -> String {
                "<w:tc><w:tcPr><w:tcW w:w=\"4500\" w:type=\"dxa\"/></w:tcPr>"
                    + (lines.isEmpty ? [""] : lines).map { paragraph($0, alignment: .center, spaceAfter: 0) }.joined()
                    + "</w:tc>"
            }
            return "<w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr>"
                + "<w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cell(left) + cell(right) + "</w:tr></w:tbl>"
        }
    }

    static func document(_ blocks: [DOCXBlock], landscape: Bool) -> String {
        // A4: 11906 × 16838 twentieths of a point; margins 2 cm (1134).
        let (width, height) = landscape ? (16838, 11906) : (11906, 16838)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            \(blocks.map(block).joined())\
            <w:sectPr><w:pgSz w:w="\(width)" w:h="\(height)"\(landscape ? " w:orient=\"landscape\"" : "")/>\
            <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>\
            </w:sectPr></w:body></w:document>
            """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    static let documentRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/></Relationships>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults>\
        <w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/>\
        <w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr>\
        </w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">\
        <w:name w:val="Normal"/></w:style></w:styles>
        """
}
