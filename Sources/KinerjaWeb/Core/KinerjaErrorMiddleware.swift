import AsyncKit
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Maps every error to a status and an Indonesian message, as an HTML page or a JSON problem body. No stack trace
/// or SQL reaches the user; 5xx are logged as errors with the request id, 4xx at debug.
struct KinerjaErrorMiddleware: AsyncMiddleware {
    struct Problem: Content {
        var status: Int
        var title: String
        var detail: String
        var field: String?
        var requestId: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message, field) = Self.describe(error)
            let requestID = request.headers.first(name: "X-Request-Id") ?? request.id
            let path = Log.aman(request.url.path)
            if status == .serviceUnavailable {
                request.logger.warning("503 \(request.method) \(path): \(String(reflecting: error))")
            } else if status.code >= 500 {
                request.logger.error(
                    "\(status.code) \(request.method) \(path): \(String(reflecting: error)) [request-id \(Log.aman(requestID))]"
                )
            } else {
                request.logger.debug("\(status.code) \(request.method) \(path): \(Log.aman(message))")
            }
            // JSON for clients that ask for it and not for HTML (a browser's `*/*` is not a request for JSON).
            let accept = request.headers[.accept].joined(separator: ",").lowercased()
            let wantsJSON =
                request.url.path.hasPrefix("/api/") || (accept.contains("json") && !accept.contains("text/html"))
            if wantsJSON {
                let problem = Problem(
                    status: Int(status.code), title: status.reasonPhrase, detail: message, field: field,
                    requestId: requestID)
                let response = Response(status: status)
                if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
                try response.content.encode(problem, as: .json)
                response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
                return response
            }
            let page = Layout.page(
                title: "Kesalahan",
                breadcrumbs: [("Beranda", SiteURL.beranda.path)],
                akun: Layout.Akun(pengguna: request.pengguna, csrf: Akun.samarkan(request.csrfToken), pemda: nil),
                content: [
                    .el("h1", [], Self.heading(status)),
                    .el("p", [], message),
                    .el("p", [("class", "muted")], "Kode permintaan: \(requestID)"),
                ])
            let response = KinerjaApp.htmlResponse(page, status: status)
            if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String, String?) {
        switch error {
        case let domain as DomainError:
            switch domain {
            case .tidakSah(let field, let pesan): return (.badRequest, pesan, field)
            case .tidakDitemukan: return (.notFound, domain.description, nil)
            case .konflik(let pesan): return (.conflict, pesan, nil)
            }
        case is WriterBusy, is ServerBusy, is ConnectionPoolTimeoutError:
            return (
                .serviceUnavailable,
                "Server sedang melayani banyak permintaan pada saat yang sama; permintaan Anda belum diproses dan "
                    + "tidak ada yang tersimpan. Coba lagi sebentar lagi.", nil
            )
        case let locked as IsianTerkunci:
            return (.locked, locked.pesan, "status")
        case is DataBerubah:
            return (.conflict, "Data telah diubah orang lain sejak pratinjau dibuat; tidak ada yang disimpan.", nil)
        case let abort as any AbortError:
            let message: String
            switch abort.status {
            case .notFound: message = "Halaman tidak ditemukan."
            case .methodNotAllowed: message = "Metode tidak diizinkan untuk alamat ini."
            case .unauthorized: message = "Silakan masuk terlebih dahulu."
            case .forbidden:
                message =
                    abort.reason == "csrf"
                    ? "Formulir kedaluwarsa atau tidak sah (token keamanan). Muat ulang halaman lalu kirim lagi."
                    : "Anda tidak berhak membuka halaman ini."
            case .tooManyRequests: message = "Terlalu banyak permintaan. Coba lagi sebentar lagi."
            case .unsupportedMediaType: message = "Jenis isi permintaan tidak didukung."
            case .payloadTooLarge: message = "Berkas atau isian terlalu besar."
            default:
                message =
                    abort.status.code < 500 ? "Permintaan tidak dapat diproses." : "Terjadi kesalahan pada server."
            }
            return (abort.status, message, nil)
        default:
            return (.internalServerError, "Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.", nil)
        }
    }

    static func heading(_ status: HTTPStatus) -> String {
        switch status.code {
        case 404: "Tidak ditemukan"
        case 400: "Isian tidak sah"
        case 409: "Terjadi konflik"
        case 423: "Terkunci"
        case 503: "Coba lagi"
        case 401: "Perlu masuk"
        case 403: "Akses ditolak"
        case 500...: "Kesalahan server"
        default: "Permintaan gagal"
        }
    }
}
