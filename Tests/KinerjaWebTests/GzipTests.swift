import Foundation
import KinerjaSpreadsheet
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// Pages whose large part is kept compressed (`SharedHTML`, `Gzip`): parts compressed apart decode as one text, and
/// a page served gzip-compressed is the page served as text.
@Suite struct GzipTests {
    @Test func chunksCompressedApartDecodeAsTheirTextsInOrder() throws {
        var random = SystemRandomNumberGenerator()
        let samples: [String] = [
            "", "a", "<p>Capaian 101,25 %</p>", String(repeating: "<tr><td>1.234.567,89</td></tr>", count: 20_000),
            "Dinas Pekerjaan Umum dan Penataan Ruang · “kutipan” — ✓ 😀", String(repeating: "x", count: 65_536),
        ]
        for _ in 0..<200 {
            let count = Int.random(in: 0...6, using: &random)
            var texts: [String] = []
            for _ in 0..<count {
                if Bool.random(using: &random) {
                    texts.append(samples.randomElement(using: &random)!)
                } else {
                    // Bytes that compress badly (a stored block), as valid UTF-8.
                    let length = Int.random(in: 0...70_000, using: &random)
                    texts.append(
                        String(
                            decoding: (0..<length).map { _ in UInt8.random(in: 0x20...0x7e, using: &random) },
                            as: UTF8.self))
                }
            }
            let level = Int32.random(in: 1...9, using: &random)
            let stream = Gzip.stream(texts.map { Gzip.Chunk($0, level: level) })
            // zlib checks the CRC-32 and the length of the whole against what it decoded.
            let decoded = try Deflate.inflateGzip(stream)
            #expect(decoded == Array(texts.joined().utf8), "\(texts.map(\.utf8.count)) level \(level)")
        }
    }

    @Test func aDamagedStreamIsRefused() throws {
        var stream = Gzip.stream([Gzip.Chunk("Realisasi triwulan"), Gzip.Chunk(" IV")])
        stream[stream.count - 6] ^= 0x01  // the CRC-32
        #expect(throws: Deflate.Failure.self) { try Deflate.inflateGzip(stream) }
        #expect(throws: Deflate.Failure.self) { try Deflate.inflateGzip(Array(stream.prefix(12))) }
    }

    @Test func acceptEncodingIsReadAsBrowsersWriteIt() {
        for yes in [
            "gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "GZIP", "*", "x-gzip", "deflate, gzip ; q=0.5",
        ] {
            #expect(Gzip.diterima([yes]), "\(yes)")
        }
        for no in ["", "identity", "deflate, br", "gzip;q=0", "gzip; q=0.0, deflate", "gzipx"] {
            #expect(!Gzip.diterima([no]), "\(no)")
        }
        #expect(Gzip.diterima(["identity", "gzip"]))
    }

    /// Each page with a kept part (PD page, dashboard, report, realisasi form), through the running server: served
    /// with gzip it decodes to the page served as text (the CSRF token aside, masked afresh per response), twice
    /// (the second time from the kept part), and says so in its headers.
    @Test func aPageServedCompressedIsThePageServedAsText() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let pd = try await pdPath(app, kode: "DINSOS")
            let pemda = String(pd[..<pd.range(of: "/pd/")!.lowerBound])
            let pages = [
                pd + "?tahun=2024", pd + "?tahun=2024&triwulan=2", pemda + "/dasbor?tahun=2024",
                pd + "/laporan/realisasi?tahun=2024", pd + "/laporan/capaian-sasaran?tahun=2024",
                pd + "/realisasi?tahun=2024&triwulan=1",
            ]
            func tanpaToken(_ html: String) -> String {
                html.replacingOccurrences(of: #"value="[0-9a-f]{64,}""#, with: "TOKEN", options: .regularExpression)
            }
            for page in pages {
                var plain = ""
                try await app.testing(method: .running(port: 0)).test(.GET, page, headers: op.headers) { res in
                    #expect(res.status == .ok, "\(page)")
                    #expect(res.headers.first(name: .contentEncoding) == nil)
                    plain = res.body.string
                }
                #expect(!plain.contains("\u{0}"), "\(page): tempat bagian tertinggal")
                #expect(plain.contains("</table>"), "\(page)")
                for _ in 0..<2 {
                    var headers = op.headers
                    headers.add(name: .acceptEncoding, value: "gzip, deflate, br")
                    try await app.testing(method: .running(port: 0)).test(.GET, page, headers: headers) { res in
                        #expect(res.status == .ok)
                        #expect(res.headers.first(name: .contentEncoding) == "gzip", "\(page)")
                        #expect(res.headers[.vary].contains { $0.lowercased().contains("accept-encoding") })
                        let text = String(
                            decoding: try Deflate.inflateGzip(Array(res.body.readableBytesView)), as: UTF8.self)
                        #expect(tanpaToken(text) == tanpaToken(plain), "\(page)")
                        #expect(res.body.readableBytes * 2 < plain.utf8.count, "\(page): \(res.body.readableBytes)")
                    }
                }
            }
        }
    }
}
