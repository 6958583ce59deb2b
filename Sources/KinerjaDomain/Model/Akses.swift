import Foundation

/// The roles of DOMAIN.md "Who uses it".
public enum Peran: String, Sendable, Codable, CaseIterable {
    /// Bappeda / Bagian Organisasi: sets up periods, PD, users; sees and may change everything of its Pemda.
    case admin
    /// Staff of one PD: enters its plan, realisasi and evidence; only for its own PD.
    case operatorPD = "operator"
    /// Head of a PD: reads his PD (approval comes with the Perjanjian Kinerja).
    case kepala
    /// Inspektorat: reads everything of its Pemda.
    case evaluator
    /// Bupati, DPRD: read-only.
    case pimpinan

    public var label: String {
        switch self {
        case .admin: "Admin Pemda"
        case .operatorPD: "Operator PD"
        case .kepala: "Kepala PD"
        case .evaluator: "Evaluator"
        case .pimpinan: "Pimpinan"
        }
    }

    /// Whether the role belongs to one PD.
    public var perluPD: Bool { self == .operatorPD || self == .kepala }
}

/// A user account (without its password hash, which never leaves persistence and web).
public struct Pengguna: Hashable, Sendable, Codable, Identifiable {
    public var id: TypedID<Pengguna>
    public var namaPengguna: String
    public var namaLengkap: String
    public var peran: Peran
    public var pemda: TypedID<Pemda>
    public var perangkatDaerah: TypedID<PerangkatDaerah>?
    public var aktif: Bool
    /// Where notifications go by email (only when the installation has an SMTP server); empty: none.
    public var email: String

    public init(
        id: TypedID<Pengguna> = .init(), namaPengguna: String, namaLengkap: String, peran: Peran,
        pemda: TypedID<Pemda>, perangkatDaerah: TypedID<PerangkatDaerah>? = nil, aktif: Bool = true,
        email: String = ""
    ) throws(DomainError) {
        let login = namaPengguna.trimmedSpaces().lowercased()
        guard (3...40).contains(login.count),
            login.unicodeScalars.allSatisfy({
                CharacterSet.lowercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0)
                    || ".-_".unicodeScalars.contains($0)
            })
        else {
            throw .tidakSah(
                field: "nama_pengguna",
                pesan: "Nama pengguna 3-40 karakter: huruf kecil, angka, titik, tanda hubung atau garis bawah.")
        }
        try Batas.periksa(namaLengkap, field: "nama_lengkap", maks: Batas.namaOrang, label: "Nama lengkap")
        if peran.perluPD && perangkatDaerah == nil {
            throw .tidakSah(
                field: "perangkat_daerah", pesan: "\(peran.label) harus terhubung ke satu perangkat daerah.")
        }
        if !peran.perluPD && perangkatDaerah != nil {
            throw .tidakSah(
                field: "perangkat_daerah", pesan: "\(peran.label) tidak terikat pada satu perangkat daerah.")
        }
        self.id = id
        self.namaPengguna = login
        self.namaLengkap = namaLengkap.trimmedSpaces()
        self.peran = peran
        self.pemda = pemda
        self.perangkatDaerah = perangkatDaerah
        self.aktif = aktif
        self.email = try Self.periksaEmail(email)
    }

    /// An address as `nama@domain.tld`, or empty; trimmed and lower-cased.
    public static func periksaEmail(_ text: String) throws(DomainError) -> String {
        let address = text.trimmedSpaces().lowercased()
        guard !address.isEmpty else { return "" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            address.unicodeScalars.allSatisfy({ $0.isASCII && !CharacterSet.whitespacesAndNewlines.contains($0) })
        else {
            throw .tidakSah(field: "email", pesan: "Alamat email tidak sah: tulis seperti nama@contoh.go.id.")
        }
        return address
    }

    /// A password is at least 8 characters with a letter and a digit.
    public static func periksaSandi(_ sandi: String, field: String = "sandi") throws(DomainError) {
        guard sandi.count >= 8, sandi.contains(where: \.isLetter), sandi.contains(where: \.isNumber) else {
            throw .tidakSah(field: field, pesan: "Kata sandi minimal 8 karakter dan memuat huruf serta angka.")
        }
        // Bcrypt reads at most 72 bytes: a longer password is refused, never silently truncated. Measured in UTF-8
        // bytes (an "é" is two).
        guard sandi.utf8.count <= 72 else {
            throw .tidakSah(
                field: field, pesan: "Kata sandi paling panjang 72 byte (huruf beraksen dihitung 2 byte atau lebih).")
        }
    }
}

/// What a request wants to do, and on what: the one place that decides who may do it.
public enum Akses: Hashable, Sendable {
    /// Anyone, signed in or not: the home page, published documents (reports, dashboards, IKU, cascading).
    case publik
    /// Any signed-in user (own account pages).
    case masuk
    /// Read a PD's working data (its table with realisasi not yet published, evidence).
    case bacaPD(pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>)
    /// Change a PD's data: realisasi, plan, import.
    case tulisPD(pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>)
    /// Set up the Pemda: periods, PD, users, capaian bands.
    case adminPemda(TypedID<Pemda>)

    /// Whether `pengguna` (nil = anonymous) may do this.
    public func boleh(_ pengguna: Pengguna?) -> Bool {
        if case .publik = self { return true }
        guard let pengguna, pengguna.aktif else { return false }
        switch self {
        case .publik, .masuk: return true
        case .bacaPD(let pemda, let pd):
            guard pengguna.pemda == pemda else { return false }
            switch pengguna.peran {
            case .admin, .evaluator, .pimpinan: return true
            case .operatorPD, .kepala: return pengguna.perangkatDaerah == pd
            }
        case .tulisPD(let pemda, let pd):
            guard pengguna.pemda == pemda else { return false }
            switch pengguna.peran {
            case .admin: return true
            case .operatorPD: return pengguna.perangkatDaerah == pd
            case .kepala, .evaluator, .pimpinan: return false
            }
        case .adminPemda(let pemda):
            return pengguna.pemda == pemda && pengguna.peran == .admin
        }
    }
}

extension Pengguna {
    /// An admin cannot take away his own admin role nor deactivate himself (the Pemda would be left without one).
    public static func periksaUbah(
        _ current: Pengguna, oleh pelaku: TypedID<Pengguna>?, peranBaru: Peran, aktif: Bool
    ) throws(DomainError) {
        if current.id == pelaku && (peranBaru != .admin || !aktif) {
            throw .tidakSah(field: "peran", pesan: "Anda tidak dapat mencabut peran admin akun Anda sendiri.")
        }
    }
}
