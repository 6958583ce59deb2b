import Foundation

/// The kode of a program, kegiatan or sub kegiatan (Permendagri 90/2019, Kepmendagri 050-5889/2021):
/// `U.BB.PP.K.KK.SSSS`, e.g. `7.01.01.2.01.0001`.
///
/// Documents also print the program without its urusan (`6.01`, whose kegiatan is then `06.01.2.01`), `X.XX` for
/// the support programs common to every PD, and 2-digit legacy sub kegiatan (`06.01.2.01.06`). `Kode` keeps what
/// was printed (`asli`) and a normal form in which the bidang and program are two digits and a sub kegiatan four:
/// `6.01` → `06.01`, `06.01.2.01.06` → `06.01.2.01.0006`, `2.08.02.2.01.04` → `2.08.02.2.01.0004`.
public struct Kode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Urusan (`1`…`9` or `X`); nil where the document omits it (`6.01`).
    public var urusan: String?
    /// Bidang urusan, two characters (`06`, `XX`).
    public var bidang: String
    /// Program, two digits.
    public var program: String
    /// Kegiatan, `K.KK` (`2.01`); nil for a program.
    public var kegiatan: String?
    /// Sub kegiatan, four digits; nil for a program or kegiatan.
    public var subKegiatan: String?
    /// The code as printed.
    public var asli: String

    public var tingkat: Tingkat {
        if subKegiatan != nil { return .subKegiatan }
        if kegiatan != nil { return .kegiatan }
        return .program
    }

    /// The normal form.
    public var normal: String {
        var parts: [String] = []
        if let urusan { parts.append(urusan) }
        parts += [bidang, program]
        if let kegiatan { parts.append(kegiatan) }
        if let subKegiatan { parts.append(subKegiatan) }
        return parts.joined(separator: ".")
    }

    public var description: String { normal }

    /// The kode of the parent element (kegiatan → program, sub kegiatan → kegiatan); nil for a program.
    public var induk: Kode? {
        var copy = self
        if subKegiatan != nil {
            copy.subKegiatan = nil
        } else if kegiatan != nil {
            copy.kegiatan = nil
        } else {
            return nil
        }
        copy.asli = copy.normal
        return copy
    }

    /// Whether this code lies under `parent` (a kegiatan under its program, a sub kegiatan under its kegiatan or
    /// program). A missing urusan on either side matches any urusan.
    public func extends(_ parent: Kode) -> Bool {
        guard tingkat.depth > parent.tingkat.depth else { return false }
        if let mine = urusan, let theirs = parent.urusan, mine != theirs { return false }
        guard bidang == parent.bidang, program == parent.program else { return false }
        if let parentKegiatan = parent.kegiatan, parentKegiatan != kegiatan { return false }
        return true
    }

    /// Parses and normalises a printed code. `tingkat`, when known (from a `tingkat` column or the document's
    /// layout), settles the one ambiguous shape: two segments are a program without urusan (`6.01`) unless the
    /// caller says otherwise.
    public static func parse(_ text: String, tingkat expected: Tingkat? = nil) throws(KodeError) -> Kode {
        // Every stored element's code is parsed on every load (a tenth of loading an element): one in the normal form
        // with its urusan, as nearly every stored code is, is read by position.
        if let kode = bentukNormal(text) {
            if let expected, expected != kode.tingkat {
                throw .tingkatTidakCocok(text, tertulis: expected, dariKode: kode.tingkat)
            }
            return kode
        }
        return try parseUmum(text, tingkat: expected)
    }

    /// `U.BB.PP`, `U.BB.PP.K.KK` or `U.BB.PP.K.KK.SSSS` (urusan and bidang digits or `X`, the rest digits), read by
    /// the bytes' positions: what `parseUmum` makes of it, without its segment arrays. Nil for any other text.
    static func bentukNormal(_ text: String) -> Kode? {
        let dot = UInt8(ascii: ".")
        func kodeDigit(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "X") }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Kode? in
            let count = bytes.count
            guard count == 7 || count == 12 || count == 17, kodeDigit(bytes[0]), bytes[1] == dot,
                kodeDigit(bytes[2]), kodeDigit(bytes[3]), bytes[4] == dot, isDigit(bytes[5]), isDigit(bytes[6])
            else { return nil }
            func part(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            var kode = Kode(
                urusan: part(0..<1), bidang: part(2..<4), program: part(5..<7), kegiatan: nil, subKegiatan: nil,
                asli: text)
            if count >= 12 {
                guard bytes[7] == dot, isDigit(bytes[8]), bytes[9] == dot, isDigit(bytes[10]), isDigit(bytes[11])
                else { return nil }
                kode.kegiatan = part(8..<12)
            }
            if count == 17 {
                guard bytes[12] == dot, (13..<17).allSatisfy({ isDigit(bytes[$0]) }) else { return nil }
                kode.subKegiatan = part(13..<17)
            }
            return kode
        }
        return found ?? nil
    }

    /// `parse` of any printed shape: trimmed, without spaces, segments normalised.
    static func parseUmum(_ text: String, tingkat expected: Tingkat? = nil) throws(KodeError) -> Kode {
        // A code of ASCII digits, dots and `X` only skips the trimming, the uppercasing and the check of each
        // character.
        let plain = text.utf8.allSatisfy { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "X") || isDigit($0) }
        let asli = plain ? text : text.trimmed()
        let compact = !plain && asli.contains(" ") ? asli.replacingOccurrences(of: " ", with: "") : asli
        guard !compact.isEmpty else { throw .kosong }
        // A plain code is ASCII: its segments are cut and counted by bytes (splitting and counting by Character
        // was half of decoding an element).
        let segments =
            plain
            ? compact.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            : compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func panjang(_ segment: String) -> Int { plain ? segment.utf8.count : segment.count }
        guard !segments.contains(where: \.isEmpty) else { throw .bentukTidakDikenal(asli) }
        for segment in segments where !plain && !segment.allSatisfy({ $0.isNumber || $0 == "X" || $0 == "x" }) {
            throw .bentukTidakDikenal(asli)
        }
        let upper = plain ? segments : segments.map { $0.uppercased() }
        func numeric(_ segment: String) -> Bool { segment.utf8.allSatisfy(isDigit) || segment.allSatisfy(\.isNumber) }

        // Where does the program prefix end? Either `BB.PP` (2 segments) or `U.BB.PP` (3 segments). The segment
        // after the prefix is the single-digit kegiatan marker K.
        let prefixLength: Int
        switch upper.count {
        case 2: prefixLength = 2
        case 3: prefixLength = panjang(upper[2]) == 1 ? 2 : 3
        case 4: prefixLength = panjang(upper[2]) == 1 ? 2 : 3
        case 5: prefixLength = panjang(upper[2]) == 1 ? 2 : 3
        case 6: prefixLength = 3
        default: throw .bentukTidakDikenal(asli)
        }
        var kode = Kode(urusan: nil, bidang: "", program: "", kegiatan: nil, subKegiatan: nil, asli: asli)
        if prefixLength == 3 {
            guard panjang(upper[0]) == 1 else { throw .segmenSalah(asli, segmen: "urusan", nilai: upper[0]) }
            kode.urusan = upper[0]
        }
        let bidang = upper[prefixLength - 2]
        let program = upper[prefixLength - 1]
        guard (1...2).contains(panjang(bidang)) else { throw .segmenSalah(asli, segmen: "bidang", nilai: bidang) }
        guard (1...2).contains(panjang(program)), numeric(program) else {
            throw .segmenSalah(asli, segmen: "program", nilai: program)
        }
        kode.bidang = panjang(bidang) == 1 ? (bidang == "X" ? "XX" : "0" + bidang) : bidang
        kode.program = panjang(program) == 1 ? "0" + program : program

        let rest = Array(upper.dropFirst(prefixLength))
        switch rest.count {
        case 0: break
        case 1:
            throw .segmenSalah(asli, segmen: "kegiatan", nilai: rest[0])
        case 2, 3:
            let marker = rest[0]
            let kegiatan = rest[1]
            guard panjang(marker) == 1, numeric(marker) else {
                throw .segmenSalah(asli, segmen: "kegiatan", nilai: marker)
            }
            guard (1...2).contains(panjang(kegiatan)), numeric(kegiatan) else {
                throw .segmenSalah(asli, segmen: "kegiatan", nilai: kegiatan)
            }
            kode.kegiatan = marker + "." + (panjang(kegiatan) == 1 ? "0" + kegiatan : kegiatan)
            if rest.count == 3 {
                let sub = rest[2]
                guard (1...4).contains(panjang(sub)), numeric(sub) else {
                    throw .segmenSalah(asli, segmen: "sub kegiatan", nilai: sub)
                }
                kode.subKegiatan = String(repeating: "0", count: 4 - panjang(sub)) + sub
            }
        default:
            throw .bentukTidakDikenal(asli)
        }
        if let expected, expected != kode.tingkat {
            throw .tingkatTidakCocok(asli, tertulis: expected, dariKode: kode.tingkat)
        }
        return kode
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

public enum KodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case kosong
    case bentukTidakDikenal(String)
    case segmenSalah(String, segmen: String, nilai: String)
    case tingkatTidakCocok(String, tertulis: Tingkat, dariKode: Tingkat)

    public var description: String {
        switch self {
        case .kosong: "Kode kosong."
        case .bentukTidakDikenal(let kode):
            "Kode \"\(kode)\" tidak berbentuk U.BB.PP.K.KK.SSSS (contoh 7.01.01.2.01.0001)."
        case .segmenSalah(let kode, let segmen, let nilai):
            "Kode \"\(kode)\": bagian \(segmen) \"\(nilai)\" tidak sah."
        case .tingkatTidakCocok(let kode, let tertulis, let dariKode):
            "Kode \"\(kode)\" adalah kode \(dariKode.label), bukan \(tertulis.label)."
        }
    }
}
