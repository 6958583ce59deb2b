import Fluent
import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import Vapor

/// Builds the application from its dependencies: the database configuration is read once by the caller.
public enum KinerjaApp {
    public static func configure(_ app: Application, database: DatabaseConfig) throws {
        try database.register(on: app.databases)
        app.migrations.add(KinerjaMigrations.all)
        app.middleware = Middlewares()
        app.middleware.use(KinerjaErrorMiddleware())
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(GenerateCommand(), as: "generate")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(CheckCommand(), as: "check")
        app.asyncCommands.use(ExportCommand(), as: "export")
        app.asyncCommands.use(TemplateCommand(), as: "template")
        app.asyncCommands.use(BenchCommand(), as: "bench")
        app.asyncCommands.use(ReportCommand(), as: "report")
        app.storage[DatabaseLabelKey.self] = database.label
        try routes(app)
    }

    public static func routes(_ app: Application) throws {
        app.get(SiteURL.Pattern.health) { req async throws -> Response in
            _ = try await PemdaModel.query(on: req.db).count()
            let body = ["status": "ok", "database": req.application.storage[DatabaseLabelKey.self] ?? ""]
            return try await body.encodeResponse(for: req)
        }
        app.get(SiteURL.Pattern.beranda) { req async throws -> Response in
            let model = try await BerandaPage.Model.query(KinerjaStore(req.db))
            return htmlResponse(BerandaPage.render(model))
        }
        app.get(SiteURL.Pattern.perangkatDaerah) { req async throws -> Response in
            guard let pemda = req.parameters.get("pemda", as: UUID.self) else {
                throw DomainError.tidakDitemukan("Pemda")
            }
            let kode = req.parameters.get("kode") ?? ""
            let tahun = try queryInt(req, "tahun", range: 1945...2200)
            let triwulan = try queryInt(req, "triwulan", range: 1...12)
            let model = try await PerangkatDaerahPage.Model.query(
                KinerjaStore(req.db), pemda: TypedID(pemda), kode: kode, tahun: tahun, triwulan: triwulan)
            return htmlResponse(PerangkatDaerahPage.render(model))
        }
        app.get(SiteURL.Pattern.laporan) { req async throws -> Response in try await laporanRoute(req) }
    }

    /// A report as HTML (screen and print), XLSX or CSV: `?tahun=2024&format=xlsx`.
    static func laporanRoute(_ req: Request) async throws -> Response {
        guard let pemda = req.parameters.get("pemda", as: UUID.self) else { throw DomainError.tidakDitemukan("Pemda") }
        let kode = req.parameters.get("kode") ?? ""
        let name = req.parameters.get("nama") ?? ""
        let tahun = try queryInt(req, "tahun", range: 1945...2200)
        let laporan = try await LaporanKatalog.buat(
            name, store: KinerjaStore(req.db), pemda: TypedID(pemda), kode: kode, tahun: tahun)
        switch req.query[String.self, at: "format"] ?? "html" {
        case "html":
            var chart = HTML.empty
            if name == "cascading", let pd = try await KinerjaStore(req.db).pd(pemda: TypedID(pemda), kode: kode) {
                let data = try await KinerjaStore(req.db).muat(
                    pemda: TypedID(pemda), perangkatDaerah: pd.id, denganRPJMD: true)
                chart = PohonSVG.render(PohonKinerja(IndeksKinerja(data), pd: pd.id, tahun: tahun))
            }
            return htmlResponse(LaporanKatalog.html(laporan, sebelumTabel: chart))
        case "xlsx":
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            headers.contentDisposition = .init(.attachment, filename: "\(name)-\(kode).xlsx")
            return Response(status: .ok, headers: headers, body: .init(data: try LaporanEkspor.xlsx(laporan)))
        case "csv":
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            headers.contentDisposition = .init(.attachment, filename: "\(name)-\(kode).csv")
            return Response(status: .ok, headers: headers, body: .init(string: LaporanEkspor.csv(laporan)))
        default:
            throw DomainError.tidakSah(field: "format", pesan: "Format harus html, xlsx, atau csv.")
        }
    }

    /// An optional integer query parameter; an empty value counts as absent, anything else not a number in range
    /// is a 400 naming the parameter.
    static func queryInt(_ req: Request, _ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw DomainError.tidakSah(field: name, pesan: "\"\(raw)\" bukan nilai \(name) yang sah.")
        }
        return value
    }

    static func htmlResponse(_ html: String, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    /// Prepares a fresh SQLite demo database: deletes the file, migrates, loads the demo.
    public static func prepareDemo(_ app: Application) async throws {
        try await app.autoMigrate()
        _ = try await Demo.load(into: KinerjaStore(app.db))
    }
}

struct DatabaseLabelKey: StorageKey {
    typealias Value = String
}
