#!/usr/bin/env python3
"""Read an .xlsx written by iccsim with openpyxl, an independent reader, and print what it saw
as JSON: per sheet its name, frozen pane, whether the header row is bold, and every cell value
with its Python type.  Used by XLSXExporterTests; run by hand as `python3 check_xlsx.py FILE`.
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in book.worksheets:
    rows = [[{"value": cell.value, "type": type(cell.value).__name__, "format": cell.number_format}
             for cell in row] for row in sheet.iter_rows()]
    sheets.append({
        "name": sheet.title,
        "freeze_panes": sheet.freeze_panes,
        "header_bold": all(cell.font.b for cell in sheet[1]),
        "rows": rows,
    })
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
