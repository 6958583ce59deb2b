import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A local SMTP server that accepts every message and keeps it (the mail sink of the notification tests).
final class SMTPSink: @unchecked Sendable {
    struct Message: Sendable {
        var from: String
        var to: [String]
        var data: String
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Message] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    var messages: [Message] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            conversation(client)
            close(client)
        }
    }

    private func conversation(_ client: Int32) {
        var buffer: [UInt8] = []
        func say(_ line: String) {
            let bytes = Array((line + "\r\n").utf8)
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
        }
        func line() -> String? {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    let text = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: .newlines)
                    buffer.removeSubrange(...end)
                    return text
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }
        var message = Message(from: "", to: [], data: "")
        say("220 sink")
        while let command = line() {
            let upper = command.uppercased()
            if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
                say("250-sink")
                say("250 8BITMIME")
            } else if upper.hasPrefix("MAIL FROM:") {
                message.from = String(command.dropFirst(10)).trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
                say("250 ok")
            } else if upper.hasPrefix("RCPT TO:") {
                message.to.append(
                    String(command.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: " <>")))
                say("250 ok")
            } else if upper == "DATA" {
                say("354 go on")
                var lines: [String] = []
                while let text = line(), text != "." { lines.append(text) }
                message.data = lines.joined(separator: "\n")
                lock.lock()
                received.append(message)
                lock.unlock()
                message = Message(from: "", to: [], data: "")
                say("250 kept")
            } else if upper == "QUIT" {
                say("221 bye")
                return
            } else {
                say("500 unknown")
            }
        }
    }
}
