import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Who is asking: the signed-in user and his session's CSRF token, read from the session cookie on every request.
/// Sessions live in the database (table `sesi`), so any instance serves any user.
struct AkunMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Akun.cookieSesi]?.string, !token.isEmpty {
            let now = request.sekarang
            if let sesi = try await KinerjaStore(request.db).sesi(tokenHash: Akun.hash(token), sekarang: now) {
                request.storage[SesiKey.self] = sesi
                // Sliding expiry, written at most once per half lifetime.
                if sesi.kedaluwarsa.timeIntervalSince(now) < Akun.umurSesi / 2 {
                    try await KinerjaStore(request.db).extendSesi(
                        sesi.id, kedaluwarsa: now.addingTimeInterval(Akun.umurSesi))
                }
            }
        }
        let response = try await next.respond(to: request)
        // A CSRF cookie for anonymous forms (the login form): double-submit.
        if request.storage[SesiKey.self] == nil, request.cookies[Akun.cookieCSRF] == nil,
            let token = request.storage[CSRFBaruKey.self]
        {
            response.cookies[Akun.cookieCSRF] = Akun.cookie(token, request: request, maxAge: nil)
        }
        return response
    }
}

struct SesiKey: StorageKey { typealias Value = KinerjaStore.Sesi }
struct CSRFBaruKey: StorageKey { typealias Value = String }

extension Request {
    /// The signed-in user, nil for anonymous visitors.
    var pengguna: Pengguna? { storage[SesiKey.self]?.pengguna }

    /// The CSRF token that this request's forms carry: the session's, or for anonymous visitors the
    /// double-submit cookie's (created on first use).
    var csrfToken: String {
        if let sesi = storage[SesiKey.self] { return sesi.csrf }
        if let cookie = cookies[Akun.cookieCSRF]?.string, !cookie.isEmpty { return cookie }
        if let fresh = storage[CSRFBaruKey.self] { return fresh }
        let fresh = Akun.tokenAcak()
        storage[CSRFBaruKey.self] = fresh
        return fresh
    }
}

/// Session, password and cookie rules in one place.
enum Akun {
    static let cookieSesi = "kinerja_sesi"
    static let cookieCSRF = "kinerja_csrf"
    /// Sessions expire after 8 hours without use.
    static let umurSesi: TimeInterval = 8 * 3600
    /// Within 15 minutes: five failed logins for a name from one address lock that name for that address, 20 from
    /// one address lock the address; a name failing from many addresses is slowed (each try past 10 failures waits
    /// a second more, at most 10 s), never locked, so an attacker cannot lock the owner out. The admin lifts a
    /// name's locks on the admin page (or `kinerja user unlock NAMA`).
    static let jendelaGagal: TimeInterval = 15 * 60
    static let batasGagalPasangan = 5
    static let batasGagalAlamat = 20
    static let batasGagalNamaTanpaJeda = 10

    /// The token as a form carries it: a fresh random pad and the token XOR the pad, both hex, so that no two
    /// responses hold the same bytes (compressed pages then give nothing away about the token: BREACH).
    static func samarkan(_ token: String) -> String {
        let bytes = Array(token.utf8)
        let pad = [UInt8].random(count: bytes.count)
        let masked = zip(bytes, pad).map { $0 ^ $1 }
        return heksa(pad + masked)
    }

    /// Lowercase hex of bytes (`String(format: "%02x")` per byte was 3 % of the server's CPU at the end of a quarter:
    /// every page masks its token and every request hashes its session's).
    static func heksa(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The token inside a masked form value; nil when it is not one.
    static func buka(_ value: String) -> String? {
        let chars = Array(value.utf8)
        guard chars.count % 4 == 0, !chars.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let byte = UInt8(String(decoding: chars[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
            index += 2
        }
        let half = bytes.count / 2
        return String(decoding: zip(bytes[..<half], bytes[half...]).map { $0 ^ $1 }, as: UTF8.self)
    }

    static func tokenAcak() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        heksa(SHA256.hash(data: Data(token.utf8)))
    }

    /// HttpOnly, SameSite=Lax, Path=/; Secure when the request came over HTTPS (directly or through a proxy that
    /// says so) or when `KINERJA_COOKIE_SECURE=1`.
    static func cookie(_ value: String, request: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: aman(request),
            isHTTPOnly: true, sameSite: .lax)
    }

    static func aman(_ request: Request, tepercaya: Set<String> = proxyTepercaya) -> Bool {
        if Environment.get("KINERJA_COOKIE_SECURE") == "1" { return true }
        if request.url.scheme == "https" { return true }
        guard dariProxy(request, tepercaya: tepercaya) else { return false }
        return request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    /// The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: `KINERJA_PROXY_TEPERCAYA`, a
    /// comma-separated list of addresses (e.g. `127.0.0.1,::1` for an nginx on the same machine). Empty by
    /// default: then the headers are ignored and the peer's address is the client's.
    static let proxyTepercaya: Set<String> = Set(
        (Environment.get("KINERJA_PROXY_TEPERCAYA") ?? "").split(separator: ",")
            .map { $0.trimmedSpaces() }.filter { !$0.isEmpty })

    static func dariProxy(_ request: Request, tepercaya: Set<String> = proxyTepercaya) -> Bool {
        guard let peer = request.remoteAddress?.ipAddress else { return false }
        return tepercaya.contains(peer)
    }

    /// The client's address for throttling: the peer, or, when the peer is a trusted proxy, the last address of
    /// `X-Forwarded-For` that is not itself a trusted proxy (the entries before it are the client's own claims).
    static func alamat(_ request: Request, tepercaya: Set<String> = proxyTepercaya) -> String {
        let peer = request.remoteAddress?.ipAddress ?? "?"
        guard tepercaya.contains(peer) else { return peer }
        let hops = request.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
        guard let client = hops.last(where: { !tepercaya.contains($0) }) else { return peer }
        // An address, not free text: anything else is the proxy's word only.
        guard client.count <= 45, client.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return peer }
        return client
    }

    /// Starts a session for `pengguna` (a random token in the cookie, its hash in `sesi`) and redirects to `ke`.
    static func mulaiSesi(_ req: Request, _ pengguna: Pengguna, ke path: String) async throws -> Response {
        let now = req.sekarang
        let token = tokenAcak()
        try await KinerjaStore(req.db).createSesi(
            pengguna: pengguna.id, tokenHash: hash(token), csrf: tokenAcak(), sekarang: now,
            kedaluwarsa: now.addingTimeInterval(umurSesi))
        let response = req.redirect(to: path, redirectType: .normal)
        response.cookies[cookieSesi] = cookie(token, request: req, maxAge: nil)
        return response
    }

    /// Checks a submitted form's CSRF token against the session's (or the anonymous double-submit cookie).
    static func periksaCSRF(_ request: Request) throws {
        var sent = request.headers.first(name: "X-CSRF-Token")
        if sent == nil {
            do {
                sent = try RawForm.baca(request)["_csrf"]
            } catch let error as DomainError {
                // A field over its limit: say which, rather than call the form forged.
                throw error
            } catch {
                sent = nil
            }
        }
        let expected = request.storage[SesiKey.self]?.csrf ?? request.cookies[cookieCSRF]?.string
        // Forms carry the token masked (`samarkan`); a script's header may carry it as is.
        if let masked = sent, let token = buka(masked), token.utf8.count == expected?.utf8.count { sent = token }
        guard let sent, let expected, !expected.isEmpty,
            sent.utf8.count == expected.utf8.count,
            zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else {
            throw Abort(.forbidden, reason: "csrf")
        }
    }
}
