import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: set)`, without Foundation's NSString bridge when there is nothing to trim (almost
    /// always: every stored text was trimmed when it was written). Loading a PD built its elements and indicators
    /// through the domain's initializers, which trim, and the bridge was a tenth of the load.
    ///
    /// The check is exact: every character of `.whitespacesAndNewlines` (and so of `.whitespaces`) has Unicode's
    /// White_Space property, so a text whose first and last scalars lack it has nothing to trim under either set.
    public func trimmed() -> String { trimmed(blanks) }

    /// `trimmingCharacters(in: .whitespaces)` (newlines kept), with the same shortcut: a form of 2 000 fields trimmed
    /// each through the bridge was a seventh of saving a realisasi (perf).
    public func trimmedSpaces() -> String { trimmed(spaces) }

    /// The shortcut both share; `set` is one of the two built once below.
    private func trimmed(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !putih(first) && !putih(last) { return String(self) }
        return trimmingCharacters(in: set)
    }
}

/// Unicode's White_Space property, answered for ASCII without its tables (the property's lookup was a seventh of
/// decoding an indicator): in ASCII only U+0009-U+000D and the space have it.
@inline(__always)
private func putih(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    return scalar.properties.isWhitespace
}

/// `.whitespacesAndNewlines`, built once: Foundation builds a new set each time it is named, and naming it as a
/// default argument cost 6 % of loading a PD (perf).
private let blanks = CharacterSet.whitespacesAndNewlines
private let spaces = CharacterSet.whitespaces
