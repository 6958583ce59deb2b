import Fluent
import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import SQLKit
import Vapor

/// Builds the application from its dependencies: the database configuration is read once by the caller.
public enum KinerjaApp {
    /// - Parameter bcryptCost: 12 in production; tests pass a low cost to stay fast.
    public static func configure(_ app: Application, database: DatabaseConfig, bcryptCost: Int = 12) throws {
        try database.register(on: app.databases)
        app.migrations.add(KinerjaMigrations.all)
        app.storage[PasswordHasherKey.self] = try PasswordHasher(cost: bcryptCost)
        app.lifecycle.use(PasswordHasherLifecycle())
        if case .sqliteFile = database { app.lifecycle.use(SQLiteWAL()) }
        app.lifecycle.use(PenyiapanLifecycle())
        app.mail = MailConfig.fromEnvironment()
        // A whole PD's plan or realisasi form is one POST: a large PD sends thousands of fields. Uploads set their
        // own limits on their routes.
        app.routes.defaultMaxBodySize = "8mb"
        app.http.server.configuration.idleTimeout = .seconds(
            Int64(Environment.get("KINERJA_IDLE_DETIK").flatMap(Int.init) ?? 75))
        // HTML, CSS, JS, CSV, JSON and SVG go out gzip-compressed to a client that accepts it (offices on slow
        // connections); XLSX, DOCX and images are compressed already.
        app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
        app.middleware = Middlewares()
        let berjalan = InFlightRequests()
        app.storage[InFlightRequestsKey.self] = berjalan
        app.middleware.use(berjalan)
        app.lifecycle.use(berjalan)
        app.middleware.use(AccessLogMiddleware())
        app.middleware.use(MethodMiddleware())
        app.middleware.use(KinerjaErrorMiddleware())
        app.middleware.use(SecurityHeaderMiddleware())
        app.middleware.use(AkunMiddleware())
        app.storage[DatabaseLabelKey.self] = database.jenis
        let cacheMB = Environment.get("KINERJA_TEMBOLOK_MB").flatMap(Int.init) ?? 96
        let metrik = Metrik(koneksiMaks: database.koneksiMaks * System.coreCount)
        app.storage[MetrikKey.self] = metrik
        app.storage[PageCacheKey.self] = PageCache(budgetBytes: max(0, cacheMB) * 1_048_576, metrik: metrik)
        let dataMB = Environment.get("KINERJA_TEMBOLOK_DATA_MB").flatMap(Int.init) ?? 32
        app.storage[DataCacheKey.self] = PageCache(
            budgetBytes: max(0, dataMB) * 1_048_576, metrik: metrik, nama: "data")
        app.storage[HeavyWorkKey.self] = HeavyWork.buat()
        try routes(app)
    }

    /// Every route, each with its access rule (see `Application.rute`).
    public static func routes(_ app: Application) throws {
        app.route(.GET, SiteURL.Pattern.health, .publik) { req, _ in
            _ = try await PemdaModel.query(on: req.db).count()
            // The kind of database only: no path, user or host.
            let body = ["status": "ok", "database": req.application.storage[DatabaseLabelKey.self] ?? ""]
            return try await body.encodeResponse(for: req)
        }
        app.route(.GET, SiteURL.Pattern.aset, .publik) { req, _ in
            guard req.parameters.get("nama") == Script.nama else { throw Abort(.notFound) }
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            // Its name changes with its content: kept a year, never asked again.
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
            return Response(status: .ok, headers: headers, body: .init(string: Script.kinerja))
        }
        app.route(.GET, SiteURL.Pattern.beranda, .publik) { req, ctx in
            let model = try await HomePage.Model.query(
                KinerjaStore(req.db), pengguna: ctx.pengguna, sekarang: req.sekarang)
            // An installation without a Pemda starts at its setup page.
            if model.daftar.isEmpty { return req.redirect(to: SiteURL.siapkan.path) }
            return htmlResponse(HomePage.render(model, akun: ctx.akunBar))
        }
        AkunController.routes(app)
        DisplayController.routes(app)
        RealisasiController.routes(app)
        RencanaController.routes(app)
        ImporController.routes(app)
        AdminController.routes(app)
        PenyiapanController.routes(app)
        AlurController.routes(app)
        RencanaAksiController.routes(app)
        LKjIPController.routes(app)
        MetrikController.routes(app)
    }

    /// Published figures, or with provisional ones when the reader asks (`?sementara=1`).
    static func tampilan(_ req: Request) -> Tampilan {
        queryTeks(req, "sementara") == "1" ? .sementara : .terbit
    }

    /// A plain query parameter's value as `req.query[String.self, at: name]` reads it (the last when repeated,
    /// percent-decoded, `+` a space), without decoding the whole query into a tree at each call: the year and view
    /// of every page were 1 % of the server's time at the end of a quarter (`perf record` on `bench-serentak`).
    static func queryTeks(_ req: Request, _ name: String) -> String? {
        guard let query = req.url.query, !query.isEmpty else { return nil }
        func decoded(_ part: Substring) -> String {
            let spaced = part.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        var found: String?
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if decoded(parts[0]) == name { found = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return found
    }

    /// An optional integer query parameter; an empty value counts as absent, anything else not a number in range
    /// is a 400 naming the parameter.
    static func queryInt(_ req: Request, _ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let raw = queryTeks(req, name), !raw.isEmpty else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw DomainError.tidakSah(field: name, pesan: "\"\(raw)\" bukan nilai \(name) yang sah.")
        }
        return value
    }

    /// The `tahun` of a reading page: absent, or a year the Pemda has data for (targets, pagu or realisasi). Any
    /// other year is a 404 naming it, so that nobody makes the server compute pages of years without data. A Pemda
    /// without any data yet accepts every year (its pages cost nothing).
    static func tahunData(_ req: Request, pemda: TypedID<Pemda>) async throws -> Int? {
        guard let tahun = try queryInt(req, "tahun", range: 1945...2200) else { return nil }
        let size: ([Int]) -> Int = { $0.count * 8 + 64 }
        // Not queued behind the heavy work (`antre: false`): a read by index seeks of half a millisecond, asked by
        // every page with a year after every write in the Pemda (at the end of a quarter readers of cached pages
        // waited seconds in the queue for it). Keyed by the published version: the years are those with rows, and a
        // draft saved (which leaves that version) only changes the values of rows already stored.
        let years = try await req.turunan(["tahun-data"], pemda: pemda, terbit: true, antre: false, ukuran: size) {
            try await KinerjaStore(req.db).tahunData(pemda: pemda, perangkatDaerah: nil).semua
        }
        guard years.isEmpty || years.contains(tahun) else {
            throw DomainError.tidakDitemukan("Data tahun \(tahun)")
        }
        return tahun
    }

    static func htmlResponse(_ html: String, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    enum JenisUnduhan { case xlsx, csv, docx }

    static func download(_ data: Data, nama: String, jenis: JenisUnduhan) -> Response {
        var headers = HTTPHeaders()
        switch jenis {
        case .xlsx:
            headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case .csv:
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .docx:
            headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        headers.replaceOrAdd(name: .contentDisposition, value: FileName.contentDisposition(nama))
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

struct DatabaseLabelKey: StorageKey {
    typealias Value = String
}

/// Headers every response carries: no framing by other sites, no MIME sniffing, no referrer to other origins, and a
/// content policy that allows only our own script.
struct SecurityHeaderMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // Only a path of this site ever reaches a Location header, whatever a handler built.
        if let location = response.headers.first(name: .location), !SafeRedirect.amanUntukLokasi(location) {
            request.logger.warning("Location ditolak: \(Log.aman(location))")
            response.headers.replaceOrAdd(name: .location, value: SiteURL.beranda.path)
        }
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // A signed-in user's pages are his: never kept by a shared cache or the browser's back-forward store.
        if request.storage[SesiKey.self] != nil, response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        }
        if response.headers.first(name: "Content-Security-Policy") == nil {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value:
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
            )
        }
        return response
    }
}

/// The requests under way, so that a stop (SIGTERM) lets them end before the databases close. Vapor closes a
/// connection whose request is still being answered as soon as the stop begins and then shuts the databases down;
/// a request still computing met a closed database and crashed the process (`Request.db`). On shutdown this waits
/// until none is under way, at most `KINERJA_BERHENTI_DETIK` (75 s: longer than a heavy computation may wait for its
/// turn, 60 s). The client of such a request has lost its connection already; what the request writes is written.
final class InFlightRequests: AsyncMiddleware, LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var jumlah = 0
    /// Requests begun since the start, and that number when the heap was last given back.
    private var dimulai: UInt64 = 0
    private var dikembalikanPada: UInt64 = 0
    /// Times the heap was given back when the server fell idle (tests).
    private(set) var dikembalikan = 0
    let batas: Duration
    /// How long no request may begin before the server counts as idle.
    let jedaSenggang: Duration

    init(
        batas: Duration = .seconds(Environment.get("KINERJA_BERHENTI_DETIK").flatMap(Int.init) ?? 75),
        jedaSenggang: Duration = .seconds(2)
    ) {
        self.batas = batas
        self.jedaSenggang = jedaSenggang
    }

    var berjalan: Int { lock.withLock { jumlah } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        lock.withLock {
            jumlah += 1
            dimulai += 1
        }
        defer {
            let terakhir: UInt64? = lock.withLock {
                jumlah -= 1
                return jumlah == 0 ? dimulai : nil
            }
            if let terakhir { senggang(request.eventLoop, setelah: terakhir) }
        }
        return try await next.respond(to: request)
    }

    /// The last request under way has ended: if none begins within `jedaSenggang`, what the heap freed is given back
    /// to the system (`HeavyWork.kembalikanSemua`). glibc keeps freed pages, and a trim came only after a long
    /// computation or with the next one: after a whole-Pemda report and a run of cached pages the server held 129 MB of
    /// anonymous memory of which 56 MB in use (`scripts/bench_http.sh`; 75 MB once trimmed). A server under load
    /// is never idle that long, so its requests never wait for a trim.
    private func senggang(_ loop: any EventLoop, setelah terakhir: UInt64) {
        loop.scheduleTask(in: .init(jedaSenggang)) { [self] in
            let idle = lock.withLock {
                guard jumlah == 0, dimulai == terakhir, dikembalikanPada != terakhir else { return false }
                dikembalikanPada = terakhir
                dikembalikan += 1
                return true
            }
            if idle { HeavyWork.kembalikanSemua() }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let sampai = ContinuousClock.now + batas
        while berjalan > 0 && ContinuousClock.now < sampai {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Where `Request.store` reads how many requests are under way.
struct InFlightRequestsKey: StorageKey { typealias Value = InFlightRequests }

/// A SQLite file runs in WAL mode: readers never wait for the writer nor the writer for readers, and a reader never
/// sees a half-written transaction. The mode is kept in the file; setting it at every start is harmless.
struct SQLiteWAL: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard let sql = application.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        // A file written by an older version, or copied in, may have no statistics for its planner.
        try await KinerjaStore(application.db).perbaruiStatistik()
    }
}

/// The site answers GET, HEAD and POST. Anything else (CONNECT, TRACE, PUT…) gets 405 at once. A method the HTTP
/// parser does not know at all, such as `FOO`, never reaches the application: the server closes that connection
/// immediately. A connection idle for `KINERJA_IDLE_DETIK` (75 s) is closed, so nothing is left hanging (the
/// parser treats the bytes after a CONNECT as a tunnel).
struct MethodMiddleware: AsyncMiddleware {
    static let diizinkan: Set<String> = ["GET", "HEAD", "POST"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.diizinkan.contains(request.method.rawValue) else {
            let response = KinerjaApp.htmlResponse(
                Layout.page(
                    title: "Metode tidak diizinkan", breadcrumbs: [("Beranda", SiteURL.beranda.path)],
                    akun: Layout.Akun(pengguna: nil, csrf: "", pemda: nil),
                    content: [.el("h1", [], "Metode tidak diizinkan"), .el("p", [], "Gunakan GET atau POST.")]),
                status: .methodNotAllowed)
            response.headers.replaceOrAdd(name: .allow, value: "GET, HEAD, POST")
            return response
        }
        return try await next.respond(to: request)
    }
}
