import Foundation
import KinerjaSpreadsheet
import Vapor

/// A part of a page that every request of the page's version shows the same (a PD's capaian table, the dashboard's
/// content for a kind of viewer, a report's table), kept with the page in the cache compressed only (`Gzip`): made
/// once, at the first request that shows it, and never kept as text — a client that does not take gzip gets it
/// decoded. The page puts `HTML.tempatBagian` where the part goes; `KinerjaApp.htmlResponse(_:_:bagian:)` puts it in:
/// compressed parts as they are kept and the rest of the page (the user's name and token, the workflow panel)
/// compressed per request.
final class SharedHTML: @unchecked Sendable {
    /// Let go once made: what it captured (a page's model) is not kept for it.
    private var make: (@Sendable () -> [Gzip.Chunk])?
    private let lock = NSLock()
    private var kept: [Gzip.Chunk]?

    init(chunks make: @escaping @Sendable () -> [Gzip.Chunk]) { self.make = make }

    /// A part rendered whole.
    convenience init(_ make: @escaping @Sendable () -> HTML) {
        self.init { [Gzip.Chunk(make().rendered)] }
    }

    /// A part around rows kept compressed (`BarisTersaji`): `kerangka` holds a `HTML.tempatBagian` where each set of
    /// rows goes, in order; its text between them is compressed, the rows' blocks are taken as they are.
    convenience init(kerangka make: @escaping @Sendable () -> HTML, baris: [[Gzip.Chunk]]) {
        self.init {
            let pieces = SharedHTML.potong(make().rendered)
            precondition(pieces.count == baris.count + 1, "tempat baris tidak cocok")
            var chunks: [Gzip.Chunk] = []
            for (index, piece) in pieces.enumerated() {
                if !piece.isEmpty { chunks.append(piece.withUnsafeBufferPointer { Gzip.Chunk(bytes: $0) }) }
                if index < baris.count { chunks += baris[index] }
            }
            return chunks
        }
    }

    /// Made under the lock: readers of a page's new version wait for one compression instead of each making one.
    var gzip: [Gzip.Chunk] {
        lock.withLock {
            if let kept { return kept }
            let chunks = make?() ?? []
            kept = chunks
            make = nil
            return chunks
        }
    }

    /// Its text, decoded from what is kept.
    var bytes: [UInt8] { gzip.flatMap(Gzip.teks) }

    /// Its text.
    var html: HTML { HTML(dipulihkan: bytes) }

    /// Bytes it keeps once made.
    var ukuran: Int { lock.withLock { kept?.reduce(0) { $0 + $1.deflate.count } ?? 0 } }

    static let penanda = HTML.tempatBagian.rendered

    /// The page's bytes between the places of its parts (one more piece than places).
    static func potong(_ page: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(page.utf8)
        let marker = Array(penanda.utf8)
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == marker[0] && bytes[index..<index + marker.count].elementsEqual(marker) {
                pieces.append(bytes[start..<index])
                index += marker.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[start...])
        return pieces
    }
}

extension SharedHTML {
    /// The page with its parts put in: the whole text (for a client without gzip, tests, benchmarks).
    static func gabung(_ page: String, _ parts: [SharedHTML]) -> String {
        String(decoding: teks(potong(page), parts), as: UTF8.self)
    }

    /// The page's pieces compressed now (fast) with its parts as kept between them: the gzip a client gets.
    static func gzip(_ pieces: [ArraySlice<UInt8>], _ parts: [SharedHTML]) -> [UInt8] {
        precondition(pieces.count == parts.count + 1, "tempat bagian tetap tidak cocok")
        var chunks: [Gzip.Chunk] = []
        for (index, piece) in pieces.enumerated() {
            if !piece.isEmpty { chunks.append(piece.withUnsafeBufferPointer { Gzip.Chunk(bytes: $0, level: 1) }) }
            if index < parts.count { chunks += parts[index].gzip }
        }
        return Gzip.stream(chunks)
    }

    /// The page's pieces with its parts' HTML between them.
    static func teks(_ pieces: [ArraySlice<UInt8>], _ parts: [SharedHTML]) -> [UInt8] {
        precondition(pieces.count == parts.count + 1, "tempat bagian tetap tidak cocok")
        var bytes: [UInt8] = []
        for (index, piece) in pieces.enumerated() {
            bytes += piece
            if index < parts.count { bytes += parts[index].bytes }
        }
        return bytes
    }
}

extension KinerjaApp {
    /// A page with its shared parts put in where it holds their places, in order: gzip-compressed for a client that
    /// accepts it (the parts as kept, the rest compressed now, fast), else as text. Both vary by `Accept-Encoding`.
    static func htmlResponse(
        _ req: Request, _ page: String, bagian: [SharedHTML], status: HTTPStatus = .ok
    ) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        let pieces = SharedHTML.potong(page)
        guard Gzip.diterima(req.headers[.acceptEncoding]) else {
            return Response(
                status: status, headers: headers,
                body: .init(buffer: ByteBuffer(bytes: SharedHTML.teks(pieces, bagian))))
        }
        headers.replaceOrAdd(name: .contentEncoding, value: "gzip")
        // Compressed already: not again by the server's own compression.
        headers.responseCompression = .disable
        return Response(
            status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: SharedHTML.gzip(pieces, bagian))))
    }
}
