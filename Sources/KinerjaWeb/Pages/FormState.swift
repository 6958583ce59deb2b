import AsyncKit
import Foundation
import KinerjaDomain
import Vapor

/// What a user typed into a form and what went wrong, so that a page renders the form again without losing
/// anything: the typed values, a message per field, conflicts with someone else's save, the versions the form now
/// carries, and one message above the form.
struct FormState: Sendable {
    var nilai: [String: String] = [:]
    var galat: [String: String] = [:]
    var konflik: [String: String] = [:]
    var versi: [String: Int] = [:]
    var pesan: String?
    var sukses: String?

    init() {}

    /// Nothing typed, refused or in conflict: the form shows the stored values as they are.
    var tanpaIsian: Bool { nilai.isEmpty && galat.isEmpty && konflik.isEmpty && versi.isEmpty }

    /// Everything the form sent (but its CSRF token), and the domain's error on the field it names.
    init(form: RawForm, galat error: DomainError) {
        nilai = form.isian
        nilai["_csrf"] = nil
        if let field = error.field { galat[field] = error.pesan }
        pesan = "Belum tersimpan: " + error.pesan
    }

    /// Someone else saved these entries after the form was loaded: both values under each field (`field` names the
    /// input of an entry). Nothing was written; the page is rendered with the stored versions, so saving again
    /// overwrites deliberately.
    mutating func catat(_ conflict: KonflikVersi, field: (KonflikVersi.Butir) -> String) {
        for item in conflict.butir {
            konflik[field(item)] =
                "Diubah orang lain sejak Anda membuka formulir. Tersimpan: \(item.tersimpan); isian Anda: \(item.isian). "
                + "Simpan lagi untuk menimpa, atau muat ulang halaman."
        }
        pesan =
            "Belum tersimpan: \(conflict.butir.count) isian sudah diubah orang lain. Tidak ada yang ditimpa; periksa yang ditandai."
    }
}

extension DomainError {
    /// A form that failed on this error answers 409 for a conflict, else 400.
    var statusFormulir: HTTPStatus {
        if case .konflik = self { return .conflict }
        return .badRequest
    }
}

extension Error {
    /// An Indonesian message for the user: the domain's own, else a generic one (never a stack trace or SQL).
    var pesan: String {
        if let domain = self as? DomainError { return domain.pesan }
        return "isian tidak sah."
    }
}

extension FormState {
    static let pesanSibuk =
        "Belum tersimpan: server sedang menyimpan isian banyak pengguna pada saat yang sama. Isian Anda masih di "
        + "halaman ini; tekan Simpan lagi sebentar lagi."
}
