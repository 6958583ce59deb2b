import Foundation

/// Errors of the domain, each with an Indonesian message that names the field at fault.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case tidakSah(field: String, pesan: String)
    case tidakDitemukan(String)
    case konflik(String)

    public var description: String {
        switch self {
        case .tidakSah(let field, let pesan): "\(field): \(pesan)"
        case .tidakDitemukan(let what): "\(what) tidak ditemukan."
        case .konflik(let pesan): pesan
        }
    }

    /// The message without the field name (for a place that names the field itself: a form, a sheet's column).
    public var pesan: String {
        switch self {
        case .tidakSah(_, let pesan): pesan
        default: description
        }
    }

    public var field: String? {
        if case .tidakSah(let field, _) = self { return field }
        return nil
    }
}
