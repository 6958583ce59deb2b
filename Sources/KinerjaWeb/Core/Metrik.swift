import Foundation
import Logging
import Prometheus
import Vapor

/// The process's figures for operations, in Prometheus's text format at `/metrics`: requests per route pattern,
/// method and status with their durations, page cache hits and misses, imports applied with their durations, and
/// the database connections the pool may open. Per process: several instances are scraped one by one.
final class Metrik: Sendable {
    let registry = PrometheusCollectorRegistry()
    let cacheHit: Counter
    let cacheMiss: Counter

    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    init(koneksiMaks: Int) {
        cacheHit = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "tembolok_hit", unitName: "total",
                helpText: "Nilai turunan yang diambil dari tembolok halaman"))
        cacheMiss = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "tembolok_miss", unitName: "total",
                helpText: "Nilai turunan yang harus dihitung (tidak ada di tembolok)"))
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "basis_data_koneksi_maks", unitName: "",
                helpText: "Koneksi basis data yang boleh dibuka kumpulan koneksi proses ini")
        )
        .set(Double(koneksiMaks))
    }

    /// A cache's bytes as it counts them (`PageCache`), and its budget: `tembolok` is `halaman` or `data`.
    func tembolok(_ nama: String, anggaran: Int) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "tembolok_anggaran", unitName: "bytes",
                helpText: "Batas tembolok dalam byte"), labels: [("tembolok", nama)]
        ).set(Double(anggaran))
        return registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "tembolok_terpakai", unitName: "bytes",
                helpText: "Byte yang dihitung tembolok untuk isinya (tidak pernah di atas batasnya)"),
            labels: [("tembolok", nama)])
    }

    /// The process's resident memory, read when `/metrics` is asked (Linux: `/proc/self/status`), anonymous and of
    /// files (the binary's code and the libraries).
    func memori() {
        for (field, jenis) in [("RssAnon", "anonim"), ("RssFile", "berkas")] {
            guard let kB = ProcStatus.kB(field) else { continue }
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "kinerja", metricName: "proses_memori_resident", unitName: "bytes",
                    helpText: "Memori resident proses (RSS) per jenis"), labels: [("jenis", jenis)]
            ).set(Double(kB) * 1024)
        }
    }

    /// One request: its route pattern (never the path, so the label set stays small), method and status.
    func permintaan(rute: String, metode: String, status: UInt, durasi: Duration) {
        let labels = [("rute", rute), ("metode", metode), ("status", String(status))]
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "http_permintaan", unitName: "total",
                helpText: "Permintaan HTTP per rute, metode dan status"), labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "http_durasi", unitName: "seconds",
                helpText: "Lama melayani permintaan HTTP per rute"),
            labels: [("rute", rute), ("metode", metode)], buckets: Self.buckets
        ).record(durasi)
    }

    /// A derived value computed (a cache miss): the kind of value (the first part of its key, never an id, so the
    /// label set stays small) and how long computing it took, apart from waiting for its turn.
    func hitung(nilai: String, durasi: Duration) {
        perJenis("hitung_durasi", "Lama menghitung nilai turunan (halaman, laporan, data PD) per jenis", nilai, durasi)
    }

    /// A wait for a turn of heavy work (`HeavyWork`), per kind of value.
    func antre(nilai: String, durasi: Duration) {
        perJenis("antre_durasi", "Lama menunggu giliran kerja berat per jenis nilai", nilai, durasi)
    }

    private func perJenis(_ name: String, _ help: String, _ nilai: String, _ durasi: Duration) {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: name, unitName: "seconds", helpText: help),
            labels: [("nilai", nilai)], buckets: Self.buckets
        ).record(durasi)
    }

    /// An import applied (from the web).
    func impor(durasi: Duration, baris: Int) {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "impor_durasi", unitName: "seconds",
                helpText: "Lama menerapkan satu impor"), labels: [], buckets: Self.buckets
        ).record(durasi)
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "kinerja", metricName: "impor_isian", unitName: "total",
                helpText: "Isian yang ditulis oleh impor"), labels: []
        ).increment(by: Int64(baris))
    }
}

/// A field of a process's `/proc/PID/status` in kB (Linux; nil elsewhere): `/metrics`, and the benchmarks' memory.
public enum ProcStatus {
    public static func kB(_ field: String, pid: String = "self") -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}

struct MetrikKey: StorageKey {
    typealias Value = Metrik
}

extension Application {
    var metrik: Metrik? { storage[MetrikKey.self] }
}

/// One line per request in the log: method, path, status, duration and the request's id (also in the response's
/// `X-Request-Id`), and the figures for `/metrics`.
struct AccessLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let status: UInt
        let response: Response
        do {
            response = try await next.respond(to: request)
            status = response.status.code
        } catch {
            let elapsed = ContinuousClock.now - start
            record(request, status: (error as? any AbortError)?.status.code ?? 500, elapsed)
            throw error
        }
        response.headers.replaceOrAdd(name: "X-Request-Id", value: request.id)
        record(request, status: status, ContinuousClock.now - start)
        return response
    }

    func record(_ request: Request, status: UInt, _ elapsed: Duration) {
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info(
            "\(request.method.rawValue) \(Log.aman(request.url.path)) \(status) \(String(format: "%.1f", ms)) ms",
            metadata: ["request-id": .string(request.id)])
        let rute = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(tanpa rute)"
        request.application.metrik?.permintaan(
            rute: rute, metode: request.method.rawValue, status: status, durasi: elapsed)
    }
}

/// `/metrics`: for the machine's own monitoring (a request from loopback that no proxy forwarded) or for whoever
/// holds `KINERJA_METRIK_TOKEN` (`Authorization: Bearer …`); 404 for anyone else.
enum MetrikController {
    static func routes(_ app: Application) {
        app.get("metrics") { req -> Response in
            guard boleh(req), let metrik = req.application.metrik else { throw Abort(.notFound) }
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(
                type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            metrik.memori()
            return Response(status: .ok, headers: headers, body: .init(string: metrik.registry.emitToString()))
        }
    }

    static func boleh(_ req: Request) -> Bool {
        if let token = Environment.get("KINERJA_METRIK_TOKEN"), !token.isEmpty,
            req.headers.bearerAuthorization?.token == token
        {
            return true
        }
        guard req.headers.first(name: "X-Forwarded-For") == nil, req.headers.first(name: "Forwarded") == nil,
            let address = req.remoteAddress?.ipAddress
        else { return false }
        return address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
