import Foundation

/// What a Pemda prints in the kop of its documents besides its name: the address of its office and its logo.
public struct ProfilPemda: Hashable, Sendable, Codable {
    public var alamat: String
    /// PNG or JPEG, at most 1 MB; nil without a logo.
    public var logo: Data?
    /// `image/png` or `image/jpeg`.
    public var logoJenis: String?

    public static let batasLogo = 1 << 20

    public init(alamat: String = "", logo: Data? = nil, logoJenis: String? = nil) {
        self.alamat = alamat
        self.logo = logo
        self.logoJenis = logoJenis
    }

    /// The image type of a logo, read from its first bytes (never from its name): PNG or JPEG, else nil.
    public static func jenisGambar(_ data: Data) -> String? {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// The address's length and the logo's size and kind.
    public func periksa() throws(DomainError) {
        try Batas.periksa(alamat, field: "alamat", maks: Batas.nama, label: "Alamat")
        if let logo {
            guard logo.count <= Self.batasLogo else {
                throw .tidakSah(field: "logo", pesan: "Logo paling besar 1 MB.")
            }
            guard Self.jenisGambar(logo) != nil else {
                throw .tidakSah(field: "logo", pesan: "Logo harus berkas PNG atau JPEG.")
            }
        }
    }
}
