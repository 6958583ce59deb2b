import Foundation
import KinerjaDomain
import Vapor

/// User input in a log line: control characters (CR, LF, tab, escape…) and direction overrides escaped, so that a
/// user name with a newline cannot forge a second line; at most 200 characters.
enum Log {
    static func aman(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(200) {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || FileName.arah.contains(scalar.value) {
                    out += String(format: "\\u{%04X}", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return text.unicodeScalars.count > 200 ? out + "…" : out
    }
}

/// The server cannot take this request now (too many password checks queued): nothing was done; try again.
struct ServerBusy: Error, Sendable {}

/// What may reach a `Location` header: a path of this site only.
enum SafeRedirect {
    /// Characters allowed as they are in a path and query (RFC 3986 unreserved and sub-delims, `/`, `?`, `%`,
    /// `:`, `@`); everything else must arrive percent-encoded.
    static let diizinkan = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%".unicodeScalars)

    /// A same-site relative reference: starts with one `/` (not `//`, not `/\`), only allowed characters, and no
    /// control character or backslash even once percent-decoded. `#fragment` is allowed after the path.
    static func amanUntukLokasi(_ value: String) -> Bool {
        guard value.hasPrefix("/"), !value.hasPrefix("//"), value.utf8.count <= 2048 else { return false }
        let (main, fragment) = pisahFragmen(value)
        guard main.unicodeScalars.allSatisfy({ diizinkan.contains($0) }),
            fragment.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "_" })
        else { return false }
        let decoded: String = main.removingPercentEncoding ?? String(main)
        if decoded.hasPrefix("//") { return false }
        for scalar in decoded.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\" {
            return false
        }
        return true
    }

    private static func pisahFragmen(_ value: String) -> (Substring, Substring) {
        guard let hash = value.firstIndex(of: "#") else { return (Substring(value), "") }
        return (value[..<hash], value[value.index(after: hash)...])
    }

    /// Where a login may continue: a safe relative reference (above) whose path is a page the site serves to GET.
    static func lokal(_ raw: String, app: Application) -> String? {
        guard amanUntukLokasi(raw), !raw.contains("#") else { return nil }
        let path = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        guard let path else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let known = app.ruteTerdaftar.contains { route in
            guard route.method == "GET" else { return false }
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            if route.path == "/" { return path == "/" }
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { p, s in
                p.hasPrefix(":") ? !s.isEmpty && s != "." && s != ".." : p == s
            }
        }
        return known ? raw : nil
    }

    /// A path segment made of a value (a PD kode, a report name): everything but unreserved characters encoded.
    static func segmen(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: tidakDicadangkan) ?? ""
    }

    /// A query string from names and values, each encoded.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { segmen($0.0) + "=" + segmen($0.1) }.joined(separator: "&")
    }

    static let tidakDicadangkan = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}

/// File names as they are shown and sent: no control characters, no Unicode direction overrides (which make
/// `gpj.exe` look like `exe.jpg`), no path, at most 255 bytes.
enum FileName {
    /// U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C: embedding, override, isolate and mark characters.
    static let arah: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
    ]

    static func bersih(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var out = String.UnicodeScalarView()
        for scalar in base.unicodeScalars
        where scalar.value >= 0x20 && scalar.value != 0x7F && !arah.contains(scalar.value) {
            out.append(scalar)
        }
        var result = String(out).trimmedSpaces()
        while result.utf8.count > 255 { result.removeLast() }
        return result.isEmpty || result == "." || result == ".." ? "berkas" : result
    }

    /// `Content-Disposition: attachment` with an ASCII fallback name and the real one as RFC 5987/6266
    /// `filename*=UTF-8''…`.
    static func contentDisposition(_ name: String, inline: Bool = false) -> String {
        let clean = bersih(name)
        let ascii = String(
            clean.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar != "\"" && scalar != "\\" && scalar != ";" ? Character(scalar) : "_"
            })
        let kind = inline ? "inline" : "attachment"
        guard ascii != clean else { return kind + "; filename=\"\(ascii)\"" }
        let encoded = clean.addingPercentEncoding(withAllowedCharacters: SafeRedirect.tidakDicadangkan) ?? ascii
        return kind + "; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
