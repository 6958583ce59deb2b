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
        if let (name, value) = parsed.isian.first(where: { $0.value.count > Batas.isianForm }) {
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

    static func urlEncoded(_ text: String) -> RawForm {
        var form = RawForm()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ raw: Substring) -> String {
                String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(raw)
            }
            form.isian[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
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
                    let trimmed = part.trimmingCharacters(in: .whitespaces)
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
