import Foundation
import KinerjaDomain
import Testing

@Suite("Perjanjian Kinerja: penanggung jawab")
struct PerjanjianKinerjaTests {
    /// A unit signs for an element whose penanggung jawab names it as a whole entry, never as part of another's name.
    @Test func aPenanggungJawabTextNamesWholeEntriesOnly() {
        let text = "Kabag Fasilitasi, pengawasan & penganggaran; Kabag persidangan & perundang-undangan"
        #expect(PerjanjianKinerja.menyebut(text, "Kabag Fasilitasi, pengawasan & penganggaran"))
        #expect(PerjanjianKinerja.menyebut(text, "kabag Persidangan & Perundang-undangan"))
        #expect(!PerjanjianKinerja.menyebut(text, "Kabag Fasilitasi"))
        #expect(!PerjanjianKinerja.menyebut("Kabag Umum & Keuangan", "Kabag Umum"))
        #expect(PerjanjianKinerja.menyebut("Kabag Umum, Kabag Umum & Keuangan", "Kabag Umum"))
        // Without ";" a comma separates (and a name with a comma is matched whole all the same).
        #expect(PerjanjianKinerja.menyebut("Kabag Umum, Kabag Keuangan", "Kabag Keuangan"))
        #expect(!PerjanjianKinerja.menyebut("", "Kabag Umum"))
        #expect(!PerjanjianKinerja.menyebut("Kabag Umum", ""))
    }
}
