import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Email through an SMTP server the installation names (a relay on the local network; no TLS, no login):
/// `KINERJA_SMTP_HOST`, `KINERJA_SMTP_PORT` (25), `KINERJA_SMTP_DARI` (the sender address). Without a host no mail
/// is sent; notifications stay in the application (each user's task list).
public struct MailConfig: Sendable {
    public var host: String
    public var port: Int
    public var from: String

    public init(host: String, port: Int = 25, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }

    static func fromEnvironment() -> MailConfig? {
        guard let host = Environment.get("KINERJA_SMTP_HOST"), !host.isEmpty else { return nil }
        return MailConfig(
            host: host, port: Environment.get("KINERJA_SMTP_PORT").flatMap(Int.init) ?? 25,
            from: Environment.get("KINERJA_SMTP_DARI") ?? "kinerja@localhost")
    }
}

extension Application {
    private struct MailKey: StorageKey {
        typealias Value = MailConfig
    }

    /// The SMTP server, when the installation has one (set from the environment at start; tests set it).
    public var mail: MailConfig? {
        get { storage[MailKey.self] }
        set { storage[MailKey.self] = newValue }
    }
}

/// A plain SMTP conversation over a blocking socket, run off the event loop: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.
enum SMTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func send(_ config: MailConfig, to recipients: [String], subject: String, body: String) async throws {
        guard !recipients.isEmpty else { return }
        try await Task.detached {
            let socket = try LineSocket(host: config.host, port: config.port)
            defer { socket.close() }
            try socket.expect(220)
            try socket.command("EHLO kinerja", expect: 250)
            try socket.command("MAIL FROM:<\(config.from)>", expect: 250)
            for address in recipients { try socket.command("RCPT TO:<\(address)>", expect: 250) }
            try socket.command("DATA", expect: 354)
            try socket.write(message(from: config.from, to: recipients, subject: subject, body: body) + "\r\n.")
            try socket.expect(250)
            try? socket.command("QUIT", expect: 221)
        }.value
    }

    /// Headers and body: UTF-8 text, the subject encoded (RFC 2047), lines starting with a dot doubled.
    static func message(from: String, to: [String], subject: String, body: String) -> String {
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return [
            "From: Kinerja <\(from)>", "To: " + to.joined(separator: ", "), "Subject: \(encodedSubject)",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
        ].joined(separator: "\r\n") + "\r\n" + lines.joined(separator: "\r\n")
    }
}

/// A TCP connection read and written by lines (CRLF), with a 10 s timeout each way.
final class LineSocket {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw SMTP.Failure(description: "SMTP: alamat \(host) tidak ditemukan")
        }
        defer { freeaddrinfo(result) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let address = candidate, connected < 0 {
            let handle = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if handle >= 0 {
                var timeout = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(handle, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(handle, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if connect(handle, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                    connected = handle
                } else {
                    _ = Self.closeSocket(handle)
                }
            }
            candidate = address.pointee.ai_next
        }
        guard connected >= 0 else { throw SMTP.Failure(description: "SMTP: tidak dapat terhubung ke \(host):\(port)") }
        fd = connected
    }

    func close() { _ = Self.closeSocket(fd) }

    private static func closeSocket(_ handle: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.close(handle)
        #else
            Darwin.close(handle)
        #endif
    }

    func write(_ text: String) throws {
        let bytes = Array((text + "\r\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw SMTP.Failure(description: "SMTP: koneksi terputus saat menulis") }
            sent += count
        }
    }

    func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: .newlines)
                buffer.removeSubrange(...end)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw SMTP.Failure(description: "SMTP: koneksi terputus saat membaca") }
            buffer += chunk[..<count]
        }
    }

    /// Reads a reply (its continuation lines `250-…` too) and checks its code.
    func expect(_ code: Int) throws {
        while true {
            let line = try readLine()
            guard line.count >= 3, let got = Int(line.prefix(3)) else {
                throw SMTP.Failure(description: "SMTP: balasan tidak dikenal: \(line)")
            }
            if line.count > 3 && line.dropFirst(3).first == "-" { continue }
            guard got == code else { throw SMTP.Failure(description: "SMTP: \(line)") }
            return
        }
    }

    func command(_ line: String, expect code: Int) throws {
        try write(line)
        try expect(code)
    }
}
