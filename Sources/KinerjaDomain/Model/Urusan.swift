import Foundation

/// An urusan (`1`, `X`) or bidang urusan (`1.02`, `X.XX`) of Permendagri 90: the level above the programs in the
/// Renja and Renstra tables (`1.02 - URUSAN PEMERINTAHAN BIDANG KESEHATAN`). Programs carry it in their kode
/// (`1.02.02`); the name is kept per Pemda so that documents print it.
public struct Urusan: Hashable, Sendable, Codable {
    /// `1` or `X` for an urusan, `1.02` or `X.XX` for a bidang urusan (normal form).
    public var kode: String
    public var nama: String

    public init(kode: String, nama: String) {
        self.kode = kode
        self.nama = nama
    }

    public var isBidang: Bool { kode.contains(".") }

    /// `1`, `X` → urusan; `1.02`, `1.2`, `x.xx` → bidang urusan (normal form); anything else nil.
    public static func kode(_ text: String) -> String? {
        let parts = text.trimmedSpaces().uppercased().split(
            separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 1,
            parts[0].allSatisfy({ $0.isNumber || $0 == "X" })
        else { return nil }
        guard parts.count == 2 else { return String(parts[0]) }
        let bidang = parts[1]
        guard (1...2).contains(bidang.count), bidang.allSatisfy({ $0.isNumber || $0 == "X" }) else { return nil }
        return parts[0] + "." + (bidang.count == 1 ? (bidang == "X" ? "XX" : "0" + bidang) : String(bidang))
    }

    /// The urusan or bidang urusan a program's kode lies under (`1.02.02` → `1.02` and `1`); nil without urusan.
    public static func dari(_ kode: Kode) -> (urusan: String, bidang: String)? {
        guard let urusan = kode.urusan else { return nil }
        return (urusan, urusan + "." + kode.bidang)
    }
}
