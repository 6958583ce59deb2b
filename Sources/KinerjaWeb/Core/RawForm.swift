import Foundation
import KinerjaDomain
import MultipartKit
import Vapor

/// A submitted form with field names chosen at run time (`r.<uuid>`): text fields and files, from
/// `multipart/form-data` or `application/x-www-form-urlencoded`.
struct RawForm: Sendable {
    struct Berkas: Sendable {
        var namaBerkas: String
        var jenis: String
        var isi: Data
    }

    var isian: [String: String] = [:]
    var berkas: [String: Berkas] = [:]

    subscript(_ name: String) -> String? { isian[name] }

    /// The request's form, parsed once (the CSRF check and the handler both read it; an upload may be 40 MB).
    static func baca(_ req: Request) throws -> RawForm {
        if let parsed = req.storage[RawFormKey.self] { return parsed }
        let parsed = try urai(req)
        // No text field is longer than a form could need (files are limited by their routes).
        // Characters are never more than bytes: only a long value is counted.
        if let (name, value) = parsed.isian.first(where: {
            $0.value.utf8.count > Batas.isianForm && $0.value.count > Batas.isianForm
        }) {
            throw DomainError.tidakSah(
                field: String(name.prefix(80)),
                pesan:
                    "Isian \"\(String(name.prefix(80)))\" terlalu panjang (\(value.count) karakter, batas \(Batas.isianForm))."
            )
        }
        req.storage[RawFormKey.self] = parsed
        return parsed
    }

    private static func urai(_ req: Request) throws -> RawForm {
        guard let type = req.headers.contentType else { return RawForm() }
        let body = req.body.data ?? ByteBuffer()
        if type.type == "multipart", let boundary = type.parameters["boundary"] {
            return try multipart(body, boundary: boundary)
        }
        if type == .urlEncodedForm {
            return urlEncoded(String(buffer: body))
        }
        throw Abort(.unsupportedMediaType)
    }

    /// `application/x-www-form-urlencoded`, decoded over its bytes: a PD's realisasi form is 2 000 fields, and
    /// Foundation's `replacingOccurrences` and `removingPercentEncoding` per field were a tenth of the server's CPU
    /// at the end of a quarter. A field that is not valid percent-encoded UTF-8 is kept as sent, as before.
    static func urlEncoded(_ text: String) -> RawForm {
        var form = RawForm()
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
                if end > start {
                    let pair = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                        form.isian[decode(UnsafeBufferPointer(rebasing: pair[..<equals]))] = decode(
                            UnsafeBufferPointer(rebasing: pair[(equals + 1)...]))
                    } else {
                        form.isian[decode(pair)] = ""
                    }
                }
                start = end + 1
            }
        }
        return form
    }

    /// `+` as a space and `%XX` as its byte; the raw text when a `%` is not followed by two hex digits or the
    /// bytes are not UTF-8.
    private static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        guard raw.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: raw, as: UTF8.self)
        }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < raw.count, let high = hex(raw[index + 1]), let low = hex(raw[index + 2]) else {
                    return String(decoding: raw, as: UTF8.self)
                }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? String(decoding: raw, as: UTF8.self)
    }

    static func multipart(_ body: ByteBuffer, boundary: String) throws -> RawForm {
        final class Collector {
            var form = RawForm()
            var headers: [(String, String)] = []
            var data = Data()

            func finish() {
                let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
                let name = Collector.parameter("name", in: disposition)
                let filename = Collector.parameter("filename", in: disposition)
                let type = headers.first { $0.0.lowercased() == "content-type" }?.1 ?? "application/octet-stream"
                if let name {
                    if let filename {
                        if !filename.isEmpty || !data.isEmpty {
                            form.berkas[name] = Berkas(namaBerkas: filename, jenis: type, isi: data)
                        }
                    } else {
                        form.isian[name] = String(decoding: data, as: UTF8.self)
                    }
                }
                headers = []
                data = Data()
            }

            static func parameter(_ key: String, in header: String) -> String? {
                for part in header.split(separator: ";") {
                    let trimmed = part.trimmedSpaces()
                    guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
                    var value = String(trimmed.dropFirst(key.count + 1))
                    if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                        value = String(value.dropFirst().dropLast())
                    }
                    return value
                }
                return nil
            }
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.headers.append(($0, $1)) }
        parser.onBody = { buffer in collector.data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = { collector.finish() }
        do {
            try parser.execute(body)
        } catch {
            throw DomainError.tidakSah(field: "formulir", pesan: "Formulir tidak terbaca (multipart rusak).")
        }
        return collector.form
    }
}

struct RawFormKey: StorageKey { typealias Value = RawForm }
