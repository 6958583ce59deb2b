import Foundation
import KinerjaSpreadsheet

/// Gzip made of parts compressed apart (`Deflate.Chunk`), so that the large part of a cached page (a PD's capaian
/// table, the dashboard, a report's table: 0,3-1,8 MB of HTML) is compressed once per version and each request
/// compresses only what is its own (the user's name and token, the workflow panel: a few kB). Served to a browser,
/// such a page was compressed again at every request (a cached dashboard: 181 requests a second, 1 792 now).
enum Gzip {
    typealias Chunk = Deflate.Chunk

    /// One gzip stream of the chunks' texts in order: the header, the chunks, the last block, and the CRC-32 and
    /// length of the whole.
    static func stream(_ chunks: [Chunk]) -> [UInt8] {
        var output: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]
        output.reserveCapacity(chunks.reduce(20) { $0 + $1.deflate.count })
        for chunk in chunks { output += chunk.deflate }
        output += Deflate.akhir
        let (crc, count) = Deflate.gabungan(chunks)
        for value in [crc, UInt32(truncatingIfNeeded: count)] {
            withUnsafeBytes(of: value.littleEndian) { output += $0 }
        }
        return output
    }

    /// The text of a chunk this process compressed and kept (a cached page's part or rows): one that does not
    /// decode can only be memory gone bad, and stops the process rather than show it.
    static func teks(_ chunk: Chunk) -> [UInt8] {
        guard let text = try? chunk.teks() else { preconditionFailure("bagian tersimpan rusak") }
        return text
    }

    /// Whether a request's `Accept-Encoding` takes gzip (`gzip`, `x-gzip` or `*`, with a quality above 0).
    static func diterima(_ acceptEncoding: [String]) -> Bool {
        for header in acceptEncoding {
            for item in header.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let name = parts.first, ["gzip", "x-gzip", "*"].contains(name) else { continue }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) }
                if (quality ?? 1) > 0 { return true }
            }
        }
        return false
    }
}
