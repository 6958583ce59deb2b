import FluentKit
import FluentSQL
import SQLKit

/// The schema's changelog: every migration, in order. Written once for SQLite and PostgreSQL (no database enums,
/// no column changes, money as integer sen).
public enum KinerjaMigrations {
    public static let all: [any Migration] = [
        M001CreatePemda(),  // pemda and its capaian bands
        M002CreateOrganisasi(),  // periode, perangkat daerah, unit kerja, pejabat
        M003CreateRencana(),  // the plan tree and its indicators
        M004CreateTargetPagu(),  // targets per year/triwulan and pagu per year, per document
        M005CreateRealisasi(),  // realisasi kinerja, keuangan and fisik
        M006CreateIndexes(),  // lookup indexes by Pemda and PD
        M007CreateAkun(),  // users, sessions (any instance serves any user), login attempts for throttling
        M008CreateBerkas(),  // evidence files of realisasi, uploaded workbooks awaiting apply
        M009CreateVersiData(),  // a counter per Pemda, raised by every write: the key of the derived-page cache
        M010UnggahanDenganRencana(),  // an upload keeps its import plan (jenis, dokumen, computed preview, version)
        M011Penyiapan(),  // the Pemda's address and logo for the kop; one-time setup codes of a new installation
        M012HasilKeterangan(),  // outcome/output statements of elements, keterangan (catatan penting) of pagu
        M013Alur(),  // workflow status per PD document and realisasi triwulan, reporting windows, the history of writes
        M014Revisi(),  // the basis (reason, SK) of a Renja Perubahan, a revised Renstra or PK
        M015EmailPengguna(),  // a user's email address for notifications
        M016TargetMurni(),  // the murni value of a revised Renstra target
        M017EvaluasiNaratif(),  // faktor pendorong, penghambat and tindak lanjut of a PD's triwulan
        M018NaskahLKjIP(),  // the narrative sections of a PD's LKjIP
        M019KepalaDaerah(),  // the name of the Pemda's head, who signs the PK
        M020VersiDataPD(),  // data versions per PD and of the Pemda's common data (the page cache's keys)
        M021IndeksTahun(),  // (pemda_id, tahun) on target, pagu, realisasi_kinerja: the Pemda's years by seeks
        M022VersiTerbit(),  // versions of the published data (pages of published figures outlive a draft saved)
        M023KunciTurunan(),  // PostgreSQL: bulk rows belong to the Pemda and PD through their element or indicator
    ]
}
