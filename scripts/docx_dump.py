#!/usr/bin/env python3
"""Prints what python-docx reads from a DOCX, as JSON: the paragraphs' text and every table's rows of cell text.
The tests use it to check that another program opens the DOCX files Kinerja writes."""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
print(json.dumps({
    "paragraphs": [p.text for p in document.paragraphs],
    "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
}, ensure_ascii=False))
