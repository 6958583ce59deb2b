import Foundation
import KinerjaCLI
import KinerjaPersistence
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

/// The app on SQLite in memory with the demo (and its accounts) loaded, exercised through HTTP. Bcrypt at its
/// lowest cost keeps the tests fast.
func withDemoApp(_ test: (Application) async throws -> Void) async throws {
    try await withApp(
        configure: { app in
            try KinerjaApp.configure(app, database: .sqliteMemory, bcryptCost: 4)
            // Logins are logged at info in production; the tests log in hundreds of times.
            app.logger.logLevel = .warning
            try await KinerjaCLI.siapkanDemo(app)
        }, test)
}

/// The link of a PD on the home page.
func pdPath(_ app: Application, kode: String) async throws -> String {
    var path = ""
    try await app.testing().test(.GET, "/") { res in
        let html = res.body.string
        let marker = "/pd/\(kode)\""
        guard let end = html.range(of: marker) else { return }
        let start = html[..<end.lowerBound].range(of: "href=\"", options: .backwards)!.upperBound
        path = String(html[start..<end.lowerBound]) + "/pd/\(kode)"
    }
    return path
}

/// The Pemda part of a PD path: `/pemda/<uuid>`.
func pemdaPath(_ pd: String) -> String {
    String(pd[..<pd.range(of: "/pd/")!.lowerBound])
}

/// A signed-in (or anonymous) browser: its cookies and the CSRF token its forms carry.
struct Peramban {
    var cookie: String
    var csrf: String

    var headers: HTTPHeaders { cookie.isEmpty ? [:] : ["Cookie": cookie] }

    /// An anonymous visitor with the login form's CSRF cookie.
    static func anonim(_ app: Application) async throws -> Peramban {
        var cookie = ""
        var token = ""
        try await app.testing().test(.GET, "/masuk") { res in
            cookie = "kinerja_csrf=" + (res.headers.setCookie?["kinerja_csrf"]?.string ?? "")
            token = csrfDari(res.body.string)
        }
        return Peramban(cookie: cookie, csrf: token)
    }

    /// Logs in through the form, as a person would.
    static func masuk(_ app: Application, _ nama: String, sandi: String = "demo2026") async throws -> Peramban {
        let anon = try await anonim(app)
        var session = ""
        try await app.testing().test(
            .POST, "/masuk",
            beforeRequest: { req in
                req.headers.add(name: .cookie, value: anon.cookie)
                try req.content.encode(
                    ["_csrf": anon.csrf, "nama_pengguna": nama, "sandi": sandi], as: .urlEncodedForm)
            },
            afterResponse: { res in
                #expect(res.status == .seeOther, "login \(nama): \(res.status)")
                session = res.headers.setCookie?["kinerja_sesi"]?.string ?? ""
            })
        var token = ""
        try await app.testing().test(.GET, "/akun/sandi", headers: ["Cookie": "kinerja_sesi=\(session)"]) { res in
            token = csrfDari(res.body.string)
        }
        return Peramban(cookie: "kinerja_sesi=\(session)", csrf: token)
    }

    /// Submits a form (urlencoded) with the CSRF token.
    func kirim(
        _ app: Application, _ path: String, _ fields: [String: String] = [:], csrf: Bool = true,
        _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        var body = fields
        if csrf { body["_csrf"] = self.csrf }
        let encoded = Self.urlEncoded(body)
        var headers = self.headers
        headers.contentType = .urlEncodedForm
        try await app.testing().test(
            .POST, path, headers: headers, body: ByteBuffer(string: encoded), afterResponse: check)
    }

    /// `application/x-www-form-urlencoded`, as a browser encodes a form.
    static func urlEncoded(_ fields: [String: String]) -> String {
        fields.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)
        }.joined(separator: "&")
    }

    /// Submits a multipart form (with the CSRF token) carrying one file, as a browser's file upload does.
    func kirimBerkas(
        _ app: Application, _ path: String, _ fields: [String: String], berkas field: String, nama: String,
        _ bytes: [UInt8], _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        let boundary = "----kinerja-uji"
        var body = ByteBuffer()
        for (name, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { $1 }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(nama)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        try await app.testing().test(.POST, path, headers: headers, body: body, afterResponse: check)
    }

    func buka(_ app: Application, _ path: String, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        try await app.testing().test(.GET, path, headers: headers, afterResponse: check)
    }
}

func csrfDari(_ html: String) -> String {
    guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return "" }
    let tail = html[range.upperBound...]
    return String(tail[..<tail.firstIndex(of: "\"")!])
}

/// Every value of a named hidden or text input in a page.
func nilaiInput(_ html: String, name: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\"") else { return nil }
    let tail = html[range.upperBound...]
    guard let value = tail.range(of: "value=\"") else { return nil }
    let rest = tail[value.upperBound...]
    return String(rest[..<rest.firstIndex(of: "\"")!])
}
