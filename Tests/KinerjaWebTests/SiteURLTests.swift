import Foundation
import Testing
import Vapor

@testable import KinerjaWeb

/// A route is defined once (`SiteURL.segmen`): every link matches the pattern the router registers for it.
@Suite("SiteURL: satu definisi")
struct SiteURLTests {
    static let id = UUID()

    static let contoh: [SiteURL] = [
        .beranda, .health, .aset("kinerja.js"), .masuk, .keluar, .sandi, .dasbor(pemda: id), .laporanPemda(pemda: id),
        .laporanSeluruh(pemda: id, nama: "renja"), .ikuPemda(pemda: id), .indikator(pemda: id, indikator: id),
        .cascadingPemda(pemda: id), .perangkatDaerah(pemda: id, kode: "1.02.0.00"),
        .laporan(pemda: id, kode: "DINSOS", nama: "renja"), .cascading(pemda: id, kode: "X"),
        .iku(pemda: id, kode: "X"), .realisasi(pemda: id, kode: "X"), .rencana(pemda: id, kode: "X"),
        .rencanaElemen(pemda: id, kode: "X"), .rencanaIndikator(pemda: id, kode: "X"),
        .bukti(pemda: id, kode: "X", bukti: id), .impor(pemda: id, kode: "X"),
        .imporTerapkan(pemda: id, kode: "X", unggahan: id), .admin(pemda: id), .adminPengguna(pemda: id),
        .adminPenggunaUbah(pemda: id, pengguna: id), .adminPD(pemda: id), .adminPeriode(pemda: id),
        .adminKategori(pemda: id), .siapkan, .imporPeta(pemda: id, kode: "X", unggahan: id), .logo(pemda: id),
        .adminProfil(pemda: id),
    ]

    @Test func everyLinkMatchesItsRoutePattern() {
        for url in Self.contoh {
            let parts = url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            let pattern = url.pattern
            #expect(parts.count == pattern.count, "\(url.path)")
            for (part, component) in zip(parts, pattern) {
                if case .constant(let word) = component { #expect(part == word, "\(url.path)") }
            }
        }
        #expect(SiteURL.beranda.path == "/")
        #expect(
            SiteURL.laporan(pemda: Self.id, kode: "DINSOS", nama: "renja").pattern.map(\.description).joined(
                separator: "/") == "pemda/:pemda/pd/:kode/laporan/:nama")
    }
}
