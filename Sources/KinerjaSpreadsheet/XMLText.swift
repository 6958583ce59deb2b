import Foundation

/// Text as the XML of an office file holds it (a cell of an XLSX, a run of a DOCX): `&`, `<`, `>` and `"` escaped,
/// and the characters XML 1.0 forbids dropped (control characters but tab, line feed and carriage return; U+FFFE and
/// U+FFFF), which Excel and Word would otherwise refuse the file for.
enum XMLText {
    static func escape(_ text: String) -> String {
        // Most texts need nothing: checked by bytes and returned as they are (0xEF starts U+FFFE and U+FFFF).
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20
                ? byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0xEF
                : byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        if plain { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                // Characters XML 1.0 forbids are dropped.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
