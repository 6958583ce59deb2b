import Foundation
import ZIPFoundation

/// The ZIP package of an Office Open XML file (XLSX, DOCX): its XML parts, deflated, with a fixed date so that the
/// same content gives the same bytes.
enum OfficeZip {
    static func archive(_ parts: [(path: String, xml: String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let stamp = Date(timeIntervalSince1970: 1_704_067_200)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let output = archive.data else { throw SpreadsheetError.bukanXLSX("arsip tidak dapat dibuat.") }
        return output
    }
}
