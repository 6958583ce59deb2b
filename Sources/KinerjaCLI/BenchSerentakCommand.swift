import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaWeb
import Vapor

/// `kinerja bench-serentak --url URL [--penulis 40] [--pembaca 200] [--detik 60] [--pid N]`: the end of a quarter
/// against a running server (issue 14.2). Writers — one operator per PD, each signed in — open their PD's realisasi
/// form and save one changed figure every 2-4 s; readers open PD pages, PD reports and the dashboard, one page every
/// 0,5-1,5 s. For a bounded time, then prints what was written and refused, the readers' latency percentiles per
/// page kind, the throughput, the server's memory (with `--pid`), and checks that every write is stored: each
/// writer's last saved value of each indicator it wrote is read back from its form. Requests ask for gzip as a
/// browser's do (`--tanpa-gzip`: without).
///
/// Prepares on the database the server uses (same `DATABASE_URL`): an operator account per PD (`bench.op.<n>`)
/// and a reading admin (`bench.baca`), created once. Run against the synthetic kabupaten (`kinerja generate`).
struct BenchSerentakCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "url", help: "Alamat server (mis. http://127.0.0.1:8080)")
        var url: String?
        @Option(name: "penulis", help: "Jumlah operator yang menyimpan (bawaan 40)")
        var penulis: Int?
        @Option(name: "pembaca", help: "Jumlah pembaca (bawaan 200)")
        var pembaca: Int?
        @Option(name: "detik", help: "Lama pengukuran dalam detik (bawaan 60)")
        var detik: Int?
        @Option(name: "pid", help: "PID server, untuk mencatat memorinya")
        var pid: Int?
        @Flag(name: "tanpa-gzip", help: "Meminta halaman tanpa kompresi (peramban selalu memintanya)")
        var tanpaGzip: Bool
    }

    var help: String { "Mengukur beban akhir triwulan (penulis dan pembaca serentak) terhadap server yang berjalan." }

    static let sandi = "bench-serentak-2026"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let base = signature.url else {
            throw DomainError.tidakSah(field: "--url", pesan: "Alamat server wajib diisi.")
        }
        let app = context.application
        app.http.client.configuration.redirectConfiguration = .disallow
        app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 400
        let store = KinerjaStore(app.db)
        guard
            let (pemda, pds) = try await store.listPemda().asyncMap({ ($0, try await store.listPD(pemda: $0.id)) })
                .max(by: { $0.1.count < $1.1.count }), !pds.isEmpty
        else { throw DomainError.tidakDitemukan("Pemda dengan perangkat daerah (jalankan kinerja generate)") }
        let writers = min(signature.penulis ?? 40, pds.count)
        let readers = signature.pembaca ?? 200
        let seconds = signature.detik ?? 60
        try await siapkanAkun(app, store: store, pemda: pemda, pds: Array(pds.prefix(writers)))
        let tahun = try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil).realisasiTerakhir ?? 2025
        let pemdaPath = "/pemda/\(pemda.id.uuid.uuidString.lowercased())"
        context.console.print(
            "\(pemda.nama): \(writers) penulis, \(readers) pembaca, \(seconds) detik, realisasi \(tahun) TW IV, \(base)"
        )

        let client = Klien(app: app, base: base, gzip: !signature.tanpaGzip)
        let reader = try await client.masuk("bench.baca")
        var writerSessions: [(PerangkatDaerah, Sesi)] = []
        for (n, pd) in pds.prefix(writers).enumerated() {
            writerSessions.append((pd, try await client.masuk("bench.op.\(n + 1)")))
        }
        // The cache as it is before the rush: every page read once.
        let pages = Self.halaman(pemdaPath: pemdaPath, pds: pds, tahun: tahun)
        let warm = ContinuousClock.now
        for path in Set(pages.map(\.1)) { _ = try await client.status(path, sesi: reader) }
        context.console.print(
            "tembolok dipanaskan: \(Set(pages.map(\.1)).count) halaman dalam \(warm.duration(to: .now))")
        let catatan = Catatan()
        let until = ContinuousClock.now + .seconds(seconds)
        let memory = Task { await Self.catatMemori(pid: signature.pid, sampai: until, catatan: catatan) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (pd, sesi) in writerSessions {
                let form = "\(pemdaPath)/pd/\(pd.kode)/realisasi?tahun=\(tahun)&triwulan=4"
                group.addTask {
                    try await Penulis(client: client, sesi: sesi, form: form, catatan: catatan).jalankan(sampai: until)
                }
            }
            for n in 0..<readers {
                group.addTask {
                    var random = SystemRandomNumberGenerator()
                    // Spread the readers' first requests over the first second.
                    try await Task.sleep(for: .milliseconds(n * 1000 / max(1, readers)))
                    while ContinuousClock.now < until {
                        let (kind, path) = pages.randomElement(using: &random)!
                        let start = ContinuousClock.now
                        let status = try await client.status(path, sesi: reader)
                        await catatan.baca(kind, ContinuousClock.now - start, ok: status == .ok)
                        try await Task.sleep(for: .milliseconds(Int.random(in: 500...1500, using: &random)))
                    }
                }
            }
            try await group.waitForAll()
        }
        await memory.value
        // Every write stored: each writer's last saved value per indicator, read back from its form.
        var lost = 0
        for (pd, sesi) in writerSessions {
            let form = "\(pemdaPath)/pd/\(pd.kode)/realisasi?tahun=\(tahun)&triwulan=4"
            let fields = Formulir.isian(try await client.get(form, sesi: sesi).teks)
            for (field, value) in await catatan.terakhir(form)
            where fields[field].flatMap(Self.angka) != Self.angka(value) {
                lost += 1
            }
        }
        await catatan.cetak(context.console, detik: seconds, hilang: lost)
    }

    /// The page kinds readers open, with their paths.
    static func halaman(pemdaPath: String, pds: [PerangkatDaerah], tahun: Int) -> [(String, String)] {
        var pages: [(String, String)] = []
        for pd in pds {
            pages.append(("halaman PD", "\(pemdaPath)/pd/\(pd.kode)"))
            pages.append(("laporan PD", "\(pemdaPath)/pd/\(pd.kode)/laporan/capaian-sasaran?tahun=\(tahun)"))
            pages.append(("laporan PD", "\(pemdaPath)/pd/\(pd.kode)/laporan/realisasi?tahun=\(tahun)"))
        }
        // The dashboard about as often as one kind of page of every PD together.
        for _ in 0..<max(1, pds.count / 2) { pages.append(("dasbor", "\(pemdaPath)/dasbor?tahun=\(tahun)")) }
        return pages
    }

    static func angka(_ text: String) -> Decimal? {
        Decimal(plain: text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
    }

    func siapkanAkun(_ app: Application, store: KinerjaStore, pemda: Pemda, pds: [PerangkatDaerah]) async throws {
        let hash = try await app.passwordHasher.hash(Self.sandi)
        if try await store.pengguna(namaPengguna: "bench.baca") == nil {
            try await store.add(
                try Pengguna(namaPengguna: "bench.baca", namaLengkap: "Pembaca uji", peran: .admin, pemda: pemda.id),
                sandiHash: hash)
        }
        for (n, pd) in pds.enumerated() where try await store.pengguna(namaPengguna: "bench.op.\(n + 1)") == nil {
            try await store.add(
                try Pengguna(
                    namaPengguna: "bench.op.\(n + 1)", namaLengkap: "Operator uji \(pd.kode)", peran: .operatorPD,
                    pemda: pemda.id, perangkatDaerah: pd.id),
                sandiHash: hash)
        }
    }

    static func catatMemori(pid: Int?, sampai: ContinuousClock.Instant, catatan: Catatan) async {
        guard let pid else { return }
        while ContinuousClock.now < sampai {
            if let kilobytes = ProcStatus.kB("VmRSS", pid: String(pid)) { await catatan.memori(kilobytes / 1024) }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

/// One operator: open the form, change one of its first indicators' figure, save; again every 2-4 s.
private struct Penulis {
    let client: Klien
    let sesi: Sesi
    let form: String
    let catatan: Catatan

    func jalankan(sampai: ContinuousClock.Instant) async throws {
        var random = SystemRandomNumberGenerator()
        var round = 0
        while ContinuousClock.now < sampai {
            round += 1
            let page = try await client.get(form, sesi: sesi)
            var fields = Formulir.isian(page.teks)
            let targets = fields.keys.filter { $0.hasPrefix("r.") }.sorted().prefix(5)
            guard page.status == .ok, let field = targets.randomElement(using: &random) else {
                await catatan.tulis(.gagal, .zero, form: form, field: "", value: "")
                return
            }
            let value = String(Int.random(in: 1...999, using: &random))
            fields[field] = value
            let start = ContinuousClock.now
            let response = try await client.post(form, fields, sesi: sesi)
            let took = ContinuousClock.now - start
            switch response.status {
            case .seeOther: await catatan.tulis(.tersimpan, took, form: form, field: field, value: value)
            case .conflict: await catatan.tulis(.konflik, took, form: form, field: field, value: value)
            case .locked: await catatan.tulis(.terkunci, took, form: form, field: field, value: value)
            default: await catatan.tulis(.gagal, took, form: form, field: field, value: value)
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 2000...4000, using: &random)))
        }
    }
}

/// A signed-in session: its cookies.
struct Sesi: Sendable {
    var cookie: String
}

/// HTTP through Vapor's client, with the site's cookies and CSRF.
struct Klien: Sendable {
    let app: Application
    let base: String
    /// Whether requests take gzip, as browsers' do.
    var gzip = true

    struct Jawaban: Sendable {
        var status: HTTPStatus
        var teks: String
        var cookies: [String]
    }

    private func headers(_ sesi: Sesi?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let sesi { headers.add(name: .cookie, value: sesi.cookie) }
        // As a browser asks, unless measuring without (`--tanpa-gzip`).
        if gzip { headers.add(name: .acceptEncoding, value: "gzip") }
        return headers
    }

    func get(_ path: String, sesi: Sesi?) async throws -> Jawaban {
        try jawaban(await app.client.get(URI(string: base + path), headers: headers(sesi)))
    }

    /// A reader's request: the status only (the body is not decoded, so that the client takes less of the cores
    /// it shares with the server).
    func status(_ path: String, sesi: Sesi) async throws -> HTTPStatus {
        try await app.client.get(URI(string: base + path), headers: headers(sesi)).status
    }

    func post(_ path: String, _ fields: [String: String], sesi: Sesi?) async throws -> Jawaban {
        var headers = headers(sesi)
        headers.contentType = .urlEncodedForm
        let body = fields.map { Formulir.kode($0.key) + "=" + Formulir.kode($0.value) }.joined(separator: "&")
        return try jawaban(
            await app.client.post(URI(string: base + path), headers: headers) { $0.body = ByteBuffer(string: body) })
    }

    private func jawaban(_ response: ClientResponse) throws -> Jawaban {
        let cookies = response.headers[.setCookie].compactMap { $0.split(separator: ";").first.map(String.init) }
        var bytes = response.body.map { Array($0.readableBytesView) } ?? []
        if response.headers[.contentEncoding].contains("gzip") { bytes = try Deflate.inflateGzip(bytes) }
        return Jawaban(status: response.status, teks: String(decoding: bytes, as: UTF8.self), cookies: cookies)
    }

    /// Signs in as `nama` (the login page's cookie and token, then the form).
    func masuk(_ nama: String) async throws -> Sesi {
        let page = try await get("/masuk", sesi: nil)
        var fields = Formulir.isian(page.teks)
        fields["nama_pengguna"] = nama
        fields["sandi"] = BenchSerentakCommand.sandi
        let first = Sesi(cookie: page.cookies.joined(separator: "; "))
        let response = try await post("/masuk", fields, sesi: first)
        guard response.status == .seeOther, !response.cookies.isEmpty else {
            throw DomainError.tidakSah(
                field: "masuk", pesan: "\(nama) tidak dapat masuk (HTTP \(response.status.code)).")
        }
        return Sesi(cookie: (page.cookies + response.cookies).joined(separator: "; "))
    }
}

/// Reading a form's fields out of its HTML (inputs and text areas; files left out), over its bytes: the client shares
/// the cores with the server it measures, and a realisasi form is 500 kB with 2 000 fields (Foundation's
/// `range(of:)` on a substring copied the rest of the page for every field and took most of the client's CPU).
enum Formulir {
    static func isian(_ html: String) -> [String: String] {
        var result: [String: String] = [:]
        let bytes = Array(html.utf8)
        var index = 0
        while let open = cari(Array("<".utf8), in: bytes, from: index) {
            index = open + 1
            if mulai(bytes, open, with: "<input") {
                let end = cari(Array(">".utf8), in: bytes, from: open) ?? bytes.count
                let tag = bytes[open..<end]
                index = end
                let type = atribut(tag, "type")
                guard let name = atribut(tag, "name"), type != "file", type != "submit" else { continue }
                if type == "checkbox" && cari(Array(" checked".utf8), in: tag) == nil { continue }
                result[name] = atribut(tag, "value") ?? ""
            } else if mulai(bytes, open, with: "<textarea") {
                guard let close = cari(Array(">".utf8), in: bytes, from: open),
                    let name = atribut(bytes[open..<close], "name")
                else { continue }
                let bodyEnd = cari(Array("</textarea>".utf8), in: bytes, from: close) ?? close + 1
                result[name] = bukaEntitas(
                    String(decoding: bytes[(close + 1)..<max(close + 1, bodyEnd)], as: UTF8.self))
                index = max(close + 1, bodyEnd)
            }
        }
        return result
    }

    private static func mulai(_ bytes: [UInt8], _ at: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return at + prefix.count <= bytes.count && bytes[at..<(at + prefix.count)].elementsEqual(prefix)
    }

    /// Where `needle` starts in `haystack` at or after `from`.
    private static func cari(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        cari(needle, in: haystack[from...])
    }

    private static func cari(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    static func atribut(_ tag: ArraySlice<UInt8>, _ name: String) -> String? {
        guard let start = cari(Array(" \(name)=\"".utf8), in: tag) else { return nil }
        let from = start + name.utf8.count + 3
        let end = tag[from...].firstIndex(of: UInt8(ascii: "\"")) ?? tag.endIndex
        return bukaEntitas(String(decoding: tag[from..<end], as: UTF8.self))
    }

    static func bukaEntitas(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Percent-encodes all but letters, digits and `-._~`, as a browser encodes a form.
    static func kode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// What the load did, gathered from every task.
actor Catatan {
    enum Hasil: String, CaseIterable { case tersimpan, konflik, terkunci, gagal }
    private var reads: [String: [Duration]] = [:]
    private var readErrors = 0
    private var writes: [Hasil: Int] = [:]
    private var writeTimes: [Duration] = []
    private var last: [String: [String: String]] = [:]
    private var memoryMB: [Int] = []

    func baca(_ kind: String, _ took: Duration, ok: Bool) {
        reads[kind, default: []].append(took)
        if !ok { readErrors += 1 }
    }

    func tulis(_ hasil: Hasil, _ took: Duration, form: String, field: String, value: String) {
        writes[hasil, default: 0] += 1
        guard hasil == .tersimpan else { return }
        writeTimes.append(took)
        last[form, default: [:]][field] = value
    }

    func terakhir(_ form: String) -> [String: String] { last[form] ?? [:] }

    func memori(_ megabytes: Int) { memoryMB.append(megabytes) }

    func cetak(_ console: any Console, detik: Int, hilang: Int) {
        func ms(_ value: Duration) -> String {
            String(
                format: "%7.1f ms",
                Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000)
        }
        func line(_ label: String, _ times: [Duration]) {
            let sorted = times.sorted()
            guard !sorted.isEmpty else { return }
            func p(_ q: Double) -> Duration { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
            console.print(
                label.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%7d", sorted.count)
                    + "  p50 " + ms(p(0.5)) + "  p95 " + ms(p(0.95)) + "  p99 " + ms(p(0.99)) + "  maks "
                    + ms(sorted.last!))
        }
        console.print("bacaan                  jumlah")
        for kind in reads.keys.sorted() { line(kind, reads[kind]!) }
        line("semua bacaan", reads.values.flatMap { $0 })
        line("simpan realisasi", writeTimes)
        let total = reads.values.reduce(0) { $0 + $1.count }
        let saved = writes[.tersimpan] ?? 0
        console.print(
            String(
                format: "throughput: %.1f bacaan/detik, %.1f simpan/detik", Double(total) / Double(detik),
                Double(saved) / Double(detik)))
        console.print(
            "simpan: " + Hasil.allCases.map { "\($0.rawValue) \(writes[$0] ?? 0)" }.joined(separator: ", ")
                + "; galat bacaan: \(readErrors); tulisan hilang: \(hilang)")
        if let peak = memoryMB.max(), let final = memoryMB.last {
            console.print("memori server (RSS): puncak \(peak) MB, akhir \(final) MB")
        }
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
