"""Which cell values a spreadsheet could run, and how each file format keeps them text."""

import io

import openpyxl
import pytest

from cms.spreadsheets import append_row, csv_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+48 61 000 00 00", "'+48 61 000 00 00"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Szycie = 2000 szt.", "Szycie = 2000 szt."),
        ("", ""),
        (-5, -5),
        (-33.9, -33.9),
        (None, None),
    ],
)
def test_csv_cell_marks_only_text_that_starts_like_a_formula(value, cell):
    assert csv_cell(value) == cell


def test_xlsx_row_keeps_text_as_typed_and_numbers_as_numbers():
    workbook = openpyxl.Workbook()
    append_row(workbook.active, ["=1+1", "-5", -5, "zwykły tekst"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    formula, minus, number, plain = openpyxl.load_workbook(buffer).active[1]
    assert (formula.value, formula.data_type, formula.quotePrefix) == ("=1+1", "s", True)
    assert (minus.value, minus.data_type, minus.quotePrefix) == ("-5", "s", True)
    assert (number.value, number.data_type, number.quotePrefix) == (-5, "n", False)
    assert (plain.value, plain.quotePrefix) == ("zwykły tekst", False)
