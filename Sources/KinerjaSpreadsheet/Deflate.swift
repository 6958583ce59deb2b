import CKinerjaZlib
import Foundation

/// Raw deflate in pieces compressed apart (zlib, as the system has it): the ZIP parts of an XLSX or DOCX
/// (`OfficeZip`), and the web's gzip of cached pages' shared parts.
///
/// Each `Chunk` is raw deflate ending with a sync flush: whole blocks, none the last, ending on a byte boundary.
/// Chunks put one after another, then `akhir` (an empty last block), are one valid deflate stream that decodes to
/// their texts one after another: a chunk's back-references reach only into its own text, which is the most recent
/// output when it is decoded (pigz compresses in parallel the same way). The CRC-32 and length of the whole are
/// combined from each chunk's own (`gabungan`).
public enum Deflate {
    public struct Chunk: Sendable {
        public let deflate: [UInt8]
        public let crc: UInt32
        public let count: Int

        /// A chunk's parts as they were made (tests damage one).
        public init(deflate: [UInt8], crc: UInt32, count: Int) {
            self.deflate = deflate
            self.crc = crc
            self.count = count
        }

        /// `level`: zlib's 1-9 (6 is zlib's default).
        public init(_ text: String, level: Int32 = 6) {
            var text = text
            self = text.withUTF8 { Chunk(bytes: $0, level: level) }
        }

        public init(bytes: UnsafeBufferPointer<UInt8>, level: Int32 = 6) {
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
            // Exactly its bytes: the buffer was sized for the whole text, and a cached page's part is kept for as
            // long as its version lives (a 27 kB chunk held the 390 kB buffer it was written into).
            deflate = Array(output[..<written])
        }

        /// The text this chunk decodes to (a raw deflate stream that ends on a sync flush: no last block).
        public func teks() throws -> [UInt8] {
            var stream = z_stream()
            let ready = inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard ready == Z_OK else { throw Failure.rusak(ready) }
            defer { inflateEnd(&stream) }
            // One byte more than the text: the sync flush's empty block is read to its end, and a chunk that decodes
            // to more than it says is refused.
            var output = [UInt8](repeating: 0, count: count + 1)
            let (result, produced, left) = deflate.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                    stream.avail_in = uInt(input.count)
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let result = CKinerjaZlib.inflate(&stream, Z_SYNC_FLUSH)
                    return (result, out.count - Int(stream.avail_out), Int(stream.avail_in))
                }
            }
            output.removeLast()
            guard result == Z_OK || result == Z_BUF_ERROR, produced == count, left == 0,
                UInt32(truncatingIfNeeded: output.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt(count)) })
                    == crc
            else { throw Failure.rusak(result == Z_OK ? Z_DATA_ERROR : result) }
            return output
        }
    }

    /// The last block that ends a stream of chunks: fixed Huffman codes, no symbol but the end of the block.
    public static let akhir: [UInt8] = [0x03, 0x00]

    /// The CRC-32 and length of the chunks' texts one after another.
    public static func gabungan(_ chunks: [Chunk]) -> (crc: UInt32, count: Int) {
        var crc: uLong = 0
        var count = 0
        for chunk in chunks {
            crc = crc32_combine(crc, uLong(chunk.crc), off_t(chunk.count))
            count += chunk.count
        }
        return (UInt32(truncatingIfNeeded: crc), count)
    }

    /// A large text compressed in pieces of `potongan` bytes, as many at once as there are cores (a whole Pemda's
    /// worksheet is 25 MB of XML). The pieces depend only on the text, so the same text gives the same bytes.
    public static func serentak(_ bytes: [UInt8], level: Int32 = 6, potongan: Int = 1 << 20) -> [Chunk] {
        let count = max(1, (bytes.count + potongan - 1) / potongan)
        guard count > 1 else { return bytes.withUnsafeBufferPointer { [Chunk(bytes: $0, level: level)] } }
        return serentakUrut(count) { index in
            let start = index * potongan
            return bytes[start..<Swift.min(bytes.count, start + potongan)].withUnsafeBufferPointer {
                Chunk(bytes: $0, level: level)
            }
        }
    }

    public enum Failure: Error { case rusak(Int32) }

    /// The text of a gzip stream (tests, and the benchmark's client, which reads its forms back as browsers ask them).
    public static func inflateGzip(_ bytes: [UInt8]) throws -> [UInt8] {
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

/// `make(0)`, …, `make(count - 1)`, as many at once as there are cores, in order (the deflated pieces of a part, the
/// ranges of a worksheet's rows, a report's cells).
public func serentakUrut<T>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
        results.deinitialize()
        results.deallocate()
    }
    // Each iteration writes its own slot.
    let slots = UncheckedSendable(results)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.value[index] = make(index) }
    return results.map { $0! }
}

/// The slots `serentakUrut`'s iterations write, each its own.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
