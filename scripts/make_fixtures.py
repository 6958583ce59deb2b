#!/usr/bin/env python3
"""Writes the XLSX fixtures of Tests/KinerjaImportTests/Fixtures with openpyxl, i.e. as another program than
Kinerja writes them: shared strings, dates, booleans, a formula without a cached value, merged cells, two sheets.
Run once; the files are committed."""
import datetime
import os

import openpyxl

here = os.path.join(os.path.dirname(__file__), "..", "Tests", "KinerjaImportTests", "Fixtures")
os.makedirs(here, exist_ok=True)

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "rencana"
ws.append(["Kode", "Tingkat", "Uraian", "Indikator", "Satuan", "Target_2025", "Pagu_2025", "Sumber_Dana"])
ws.append(["1.06.01", "program", "Program Penunjang", "Persentase layanan", "%", "100%", "1.000.000,00", "DAU"])
ws.append(["1.06.01.2.01", "kegiatan", "Perencanaan", "Jumlah dokumen", "Dokumen", "9", 600000, "DAU"])
ws.append(["1.06.01.2.01.0001", "sub_kegiatan", "Penyusunan dokumen", "Jumlah dokumen", "Dokumen", 2, "400.000", "DAU"])
ws.append(["1.06.01.2.01.0002", "sub_kegiatan", "Laporan capaian", "Jumlah laporan", "Laporan", "B = 66,04", 250000, "DAU"])
ws["J1"] = "Dibuat"
ws["J2"] = datetime.date(2024, 3, 31)
ws["K1"] = "Final"
ws["K2"] = True
ws["L1"] = "Jumlah"
ws["L2"] = "=SUM(G3:G5)"
ws.merge_cells("M1:N1")
ws["M1"] = "Gabungan"
info = wb.create_sheet("petunjuk")
info["A1"] = "Petunjuk"
wb.save(os.path.join(here, "openpyxl-rencana.xlsx"))
print("fixtures written to", os.path.abspath(here))
