import Foundation

/// What a Pemda prints in the kop of its documents besides its name: the address of its office and its logo; and the
/// name of its head (Bupati, Walikota or Gubernur), who signs the Pemda's PK and is pihak kedua of each Kepala PD's.
public struct ProfilPemda: Hashable, Sendable, Codable {
    public var alamat: String
    /// "H. Abdul Hadi, S.H." — empty until the admin writes it (documents then leave room for the name).
    public var kepalaDaerah: String
    /// PNG or JPEG, at most 1 MB; nil without a logo.
    public var logo: Data?
    /// `image/png` or `image/jpeg`.
    public var logoJenis: String?

    public static let batasLogo = 1 << 20

    public init(alamat: String = "", logo: Data? = nil, logoJenis: String? = nil, kepalaDaerah: String = "") {
        self.alamat = alamat
        self.kepalaDaerah = kepalaDaerah
        self.logo = logo
        self.logoJenis = logoJenis
    }

    enum CodingKeys: String, CodingKey { case alamat, logo, logoJenis, kepalaDaerah }

    /// Profiles kept in uploads made before the head's name was asked for still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        alamat = try container.decode(String.self, forKey: .alamat)
        logo = try container.decodeIfPresent(Data.self, forKey: .logo)
        logoJenis = try container.decodeIfPresent(String.self, forKey: .logoJenis)
        kepalaDaerah = try container.decodeIfPresent(String.self, forKey: .kepalaDaerah) ?? ""
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
        try Batas.periksa(kepalaDaerah, field: "kepala_daerah", maks: Batas.nama, label: "Nama kepala daerah")
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
