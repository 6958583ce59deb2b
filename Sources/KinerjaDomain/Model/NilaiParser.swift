import Foundation

/// Reads values as documents print them: `100%`, `2 dokument`, `B = 66.04`, `74.91 (BB)`, `3,01 (-B)`, `70-75`,
/// `BB`, `Ada`. The decimal mark is given by the caller (documents differ per table); a fuller reader of
/// Indonesian numbers lives with the spreadsheet import.
public enum NilaiParser {
    public enum TandaDesimal: Sendable {
        /// `11.51`, `1,234.5`
        case titik
        /// `10,77`, `1.234,5`
        case koma
    }

    public struct Hasil: Hashable, Sendable {
        public var nilai: Nilai
        /// The unit printed after the number ("dokument", "%"), if any.
        public var satuan: String
    }

    /// Parses `text`; nil for an empty cell or `-`. Throws when the text is not a value.
    ///
    /// With `satuanSah` (what a form passes: the indicator's own unit), the text must be read exactly: after the
    /// number only nothing, `%` or one of those units may follow, no space or other character may stand inside the
    /// number, and at most 18 digits. `1e3`, `1e999`, `0x10` and `1 000` with a non-breaking space are refused
    /// instead of being stored as 1, 1, 0 and 1 beside the typed text.
    public static func parse(
        _ text: String, desimal: TandaDesimal = .titik, skala: SkalaPredikat? = nil, satuanSah: Set<String>? = nil
    )
        throws(DomainError) -> Hasil?
    {
        let result = try parseBebas(text, desimal: desimal, skala: skala)
        guard let satuanSah, let result else { return result }
        let trimmed = text.trimmed()
        func refuse() -> DomainError {
            .tidakSah(
                field: "nilai",
                pesan:
                    "\"\(String(trimmed.prefix(60)))\" tidak dapat dibaca dengan pasti: tulis angka seperti 1.234,5, "
                    + "rentang 70-75, predikat, atau Ada/Tidak Ada.")
        }
        let unit = result.satuan.lowercased()
        guard unit.isEmpty || unit == "%" || satuanSah.contains(unit) else { throw refuse() }
        switch result.nilai {
        case .angka, .rentang:
            let numberPart = trimmed.dropLast(result.satuan.count).trimmedSpaces()
            // Spaces only around a range's dash.
            let compact = numberPart.replacingOccurrences(of: " - ", with: "-")
            guard !compact.contains(" "), compact.filter(\.isNumber).count <= 18 else { throw refuse() }
        default: break
        }
        return result
    }

    static func parseBebas(
        _ text: String, desimal: TandaDesimal, skala: SkalaPredikat?
    )
        throws(DomainError) -> Hasil?
    {
        let trimmed = text.trimmed()
        if trimmed.isEmpty || trimmed == "-" || trimmed == "–" { return nil }
        let lower = trimmed.lowercased()
        if lower == "ada" || lower == "ya" { return Hasil(nilai: .ada(true), satuan: "") }
        if lower == "tidak ada" || lower == "tidak" { return Hasil(nilai: .ada(false), satuan: "") }

        // "B = 66.04"
        if let equals = trimmed.firstIndex(of: "=") {
            let grade = trimmed[..<equals].trimmedSpaces()
            let score = trimmed[trimmed.index(after: equals)...].trimmedSpaces()
            if isGrade(grade), let number = angka(score, desimal: desimal) {
                return Hasil(nilai: .predikat(grade, skor: number), satuan: "")
            }
        }
        // "74.91 (BB)", "3,01 (-B)"
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            let number = trimmed[..<open].trimmedSpaces()
            let grade = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmedSpaces()
            if let value = angka(number, desimal: desimal), isGrade(grade.filter { $0 != "-" && $0 != "+" }) {
                return Hasil(nilai: .predikat(grade, skor: value), satuan: "")
            }
        }
        if isGrade(trimmed), skala == nil || skala?.peringkat(trimmed) != nil {
            return Hasil(nilai: .predikat(trimmed, skor: nil), satuan: "")
        }
        // Leading number and a unit: "2 dokument", "100%", "66,90 %".
        var numberPart = ""
        var index = trimmed.startIndex
        while index < trimmed.endIndex, "0123456789.,-+ ".contains(trimmed[index]) {
            numberPart.append(trimmed[index])
            index = trimmed.index(after: index)
        }
        let unit = trimmed[index...].trimmedSpaces()
        let numberText = numberPart.trimmedSpaces()
        // "70-75" / "70 - 75"
        if let dash = numberText.dropFirst().firstIndex(of: "-") {
            let low = angka(String(numberText[..<dash]), desimal: desimal)
            let high = angka(String(numberText[numberText.index(after: dash)...]), desimal: desimal)
            if let low, let high {
                // A range is written low-high: the one rule for forms and imports.
                guard low <= high else {
                    throw .tidakSah(
                        field: "nilai",
                        pesan: "Rentang \"\(trimmed)\": batas bawah lebih besar dari batas atas (tulis rendah-tinggi).")
                }
                return Hasil(nilai: .rentang(low, high), satuan: unit)
            }
        }
        if let value = angka(numberText, desimal: desimal) {
            return Hasil(nilai: .angka(value), satuan: unit)
        }
        throw .tidakSah(field: "nilai", pesan: "\"\(trimmed)\" bukan angka, rentang, predikat, atau Ada/Tidak Ada.")
    }

    static func isGrade(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 4 && text.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// A number the Indonesian way (`AngkaIndonesia`); the given decimal mark settles only a reading that could be
    /// either (`2,746`).
    public static func angka(_ text: String, desimal: TandaDesimal) -> Decimal? {
        guard let reading = try? AngkaIndonesia.baca(text) else { return nil }
        return reading.nilai(desimal: desimal == .titik ? .titik : .koma)
    }
}
