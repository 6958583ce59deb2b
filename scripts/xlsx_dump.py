#!/usr/bin/env python3
"""Reads an XLSX with openpyxl (as Excel-compatible readers do) and prints its content as JSON:
sheets, cell values (cached values of formulas), formulas, merged ranges, frozen panes, print titles and
page setup. Used by the tests to check every XLSX Kinerja writes."""
import json
import sys

import openpyxl


def dump(path):
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    out = {"sheets": []}
    for ws in values.worksheets:
        wf = formulas[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                value = cell.value
                if not isinstance(value, (str, int, float, bool)):
                    value = str(value)
                entry = {"v": value}
                f = wf[cell.coordinate].value
                if isinstance(f, str) and f.startswith("="):
                    entry["f"] = f
                if cell.font is not None and cell.font.bold:
                    entry["bold"] = True
                if cell.number_format and cell.number_format != "General":
                    entry["fmt"] = cell.number_format
                cells[cell.coordinate] = entry
        out["sheets"].append({
            "name": ws.title,
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "print_title_rows": ws.print_title_rows,
            "orientation": ws.page_setup.orientation,
            "fit_width": ws.page_setup.fitToWidth,
        })
    return out


if __name__ == "__main__":
    json.dump(dump(sys.argv[1]), sys.stdout, ensure_ascii=False, default=str)
