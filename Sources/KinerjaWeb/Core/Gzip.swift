import CKinerjaZlib
import Foundation

/// Gzip made of parts compressed apart, so that the large part of a cached page (a PD's capaian table, the
/// dashboard, a report's table: 0,3-1,8 MB of HTML) is compressed once per version and each request compresses only
/// what is its own (the user's name and token, the workflow panel: a few kB). Served to a browser, such a page was
/// compressed again at every request (a cached dashboard: 181 requests a second, 1 792 now).
///
/// Each `Chunk` is raw deflate ending with a sync flush: whole blocks, none the last, ending on a byte boundary.
/// Blocks of chunks put one after another are one valid deflate stream that decodes to their texts one after
/// another: a chunk's back-references reach only into its own text, which is the most recent output when it is
/// decoded (pigz compresses in parallel the same way). `stream` adds the gzip header, an empty last block, and the
/// CRC-32 and length of the whole, combined from each chunk's own (`crc32_combine`).
public enum Gzip {
    struct Chunk: Sendable {
        let deflate: [UInt8]
        let crc: UInt32
        let count: Int

        /// `level`: zlib's 1-9; 6 (zlib's default) for what is kept, 1 for what is compressed per request.
        init(_ text: String, level: Int32 = 6) {
            var text = text
            self = text.withUTF8 { Chunk(bytes: $0, level: level) }
        }

        init(bytes: UnsafeBufferPointer<UInt8>, level: Int32 = 6) {
            count = bytes.count
            crc = UInt32(truncatingIfNeeded: crc32(0, bytes.baseAddress, uInt(bytes.count)))
            var stream = z_stream()
            let ready = deflateInit2_(
                &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size))
            precondition(ready == Z_OK, "zlib: deflateInit2 \(ready)")
            defer { deflateEnd(&stream) }
            // Room for the whole text at once: what deflate may grow it to, and the sync flush's few bytes.
            var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
            var written = 0
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
            stream.avail_in = uInt(bytes.count)
            while true {
                let result = output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress! + written
                    stream.avail_out = uInt(buffer.count - written)
                    let result = CKinerjaZlib.deflate(&stream, Z_SYNC_FLUSH)
                    written = buffer.count - Int(stream.avail_out)
                    return result
                }
                precondition(result == Z_OK || result == Z_BUF_ERROR, "zlib: deflate \(result)")
                // Done when the input is used up and the flush had room to end (output left over).
                if stream.avail_in == 0 && written < output.count { break }
                output.append(contentsOf: repeatElement(0, count: output.count))
            }
            output.removeSubrange(written...)
            deflate = output
        }
    }

    /// One gzip stream of the chunks' texts in order.
    static func stream(_ chunks: [Chunk]) -> [UInt8] {
        var output: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]
        output.reserveCapacity(chunks.reduce(20) { $0 + $1.deflate.count })
        var crc: uLong = 0
        var count = 0
        for chunk in chunks {
            output += chunk.deflate
            crc = crc32_combine(crc, uLong(chunk.crc), off_t(chunk.count))
            count += chunk.count
        }
        // The last block: fixed Huffman codes, no symbol but the end of the block.
        output += [0x03, 0x00]
        for value in [UInt32(truncatingIfNeeded: crc), UInt32(truncatingIfNeeded: count)] {
            withUnsafeBytes(of: value.littleEndian) { output += $0 }
        }
        return output
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

    public enum Failure: Error { case rusak(Int32) }

    /// The text of a gzip stream (tests, and the benchmark's client, which reads its forms back).
    public static func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip header and trailer, checked.
        let ready = inflateInit2_(&stream, MAX_WBITS + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard ready == Z_OK else { throw Failure.rusak(ready) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        return try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let (result, produced) = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let result = CKinerjaZlib.inflate(&stream, Z_NO_FLUSH)
                    return (result, out.count - Int(stream.avail_out))
                }
                output += buffer[..<produced]
                if result == Z_STREAM_END {
                    guard stream.avail_in == 0 else { throw Failure.rusak(Z_DATA_ERROR) }
                    return output
                }
                guard result == Z_OK, produced > 0 || stream.avail_in > 0 else { throw Failure.rusak(result) }
            }
        }
    }
}
