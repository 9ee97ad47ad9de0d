"""import_directory / export_directory keep the contract of interfaces.md."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from cooperatives.models import CooperativePage
from partners.models import Need, PartnerPage, Partnership
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db

SMALL = Path(__file__).resolve().parents[2] / "data" / "small_directory.jsonl"


def run_import(path, *args):
    """Run the command; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_directory", str(path), *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def counts():
    return (
        WorkshopPage.objects.count(),
        CooperativePage.objects.count(),
        PartnerPage.objects.count(),
        Need.objects.count(),
        Partnership.objects.count(),
    )


def test_import_creates_published_records_with_their_links():
    code, out, _ = run_import(SMALL)
    assert code == 0
    assert counts() == (1, 2, 1, 1, 1)
    igla = CooperativePage.objects.get(slug="ss-igla")
    assert igla.live
    assert sorted(igla.capabilities.values_list("code", flat=True)) == ["sewing", "textile_repair"]
    assert [w.slug for w in igla.workshops.all()] == ["wtz-testowo"]
    assert igla.voivodeship.teryt == "30"
    assert igla.powiat.name == "m. Poznań"
    assert igla.accepts_orders is True
    assert CooperativePage.objects.get(slug="ss-smak").accepts_orders is False
    assert [c.certification.code for c in igla.certificates.all()] == ["zakup_prospoleczny"]
    need = Need.objects.get(slug="fartuchy-2000")
    assert (need.partner.slug, need.latitude, need.status) == ("firma-testowa", 52.4, "open")
    assert "created: cooperative 2, need 1, partner 1, partnership 1, workshop 1" in out


def test_second_import_of_the_same_file_changes_nothing():
    run_import(SMALL)
    revisions = Revision.objects.count()
    code, out, _ = run_import(SMALL)
    assert code == 0
    assert "created: none" in out and "updated: none" in out
    assert "unchanged: cooperative 2, need 1, partner 1, partnership 1, workshop 1" in out
    assert Revision.objects.count() == revisions


def test_changed_record_is_updated_and_republished(tmp_path):
    run_import(SMALL)
    lines = SMALL.read_text().splitlines()
    record = json.loads(lines[1])
    record["description"] = "Szyjemy też torby."
    lines[1] = json.dumps(record, ensure_ascii=False)
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join(lines))
    code, out, _ = run_import(changed)
    assert code == 0
    assert "updated: cooperative 1" in out
    assert CooperativePage.objects.get(slug="ss-igla").description == "Szyjemy też torby."


def test_any_error_writes_nothing_and_every_error_is_printed(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        SMALL.read_text()
        + '{"type": "cooperative", "slug": "ss-zla", "name": "Zła", "capabilities": ["knitting"],'
        ' "nip": "7792433422", "krs": "12345", "workshops": ["brak"], "colour": "red"}\n'
        + '{"type": "need", "slug": "n", "partner": "duch", "title": "X", "deadline": "1.1.2027"}\n'
        + "to nie jest JSON\n"
    )
    code, _, err = run_import(bad)
    assert code == 1
    assert counts() == (0, 0, 0, 0, 0)
    assert err.splitlines() == [
        "7: capabilities: unknown code(s): knitting",
        "7: colour: unknown field for a cooperative",
        "7: krs: A KRS number has exactly 10 digits.",
        "7: nip: This NIP is not valid: its check digit does not match.",
        "7: workshops: no workshop with slug 'brak'",
        "8: deadline: must be a date written YYYY-MM-DD",
        "8: partner: no partner with slug 'duch'",
        "9: -: not valid JSON (Expecting value at column 1)",
        "8 error(s); nothing was imported.",
    ]


def test_required_fields_and_duplicate_slugs_are_reported(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"type": "cooperative", "slug": "a", "name": "A", "capabilities": []}\n'
        '{"type": "partner", "slug": "p", "name": "P"}\n'
        '{"type": "partner", "slug": "p", "name": "P2"}\n'
        '{"type": "workshop", "slug": "w"}\n'
    )
    code, _, err = run_import(bad)
    assert code == 1
    assert err.splitlines()[:3] == [
        "1: capabilities: is required",
        "3: slug: 'p' already appears on line 2",
        "4: name: is required",
    ]


def test_json_array_is_accepted_and_errors_carry_the_objects_line(tmp_path):
    records = [json.loads(line) for line in SMALL.read_text().splitlines()]
    records[3]["nip"] = "1111111112"
    array = tmp_path / "directory.json"
    array.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]")
    code, _, err = run_import(array)
    assert code == 1
    assert err.splitlines()[0] == "5: nip: This NIP is not valid: its check digit does not match."
    records[3]["nip"] = "5260250274"
    array.write_text(json.dumps(records, ensure_ascii=False, indent=2))
    assert run_import(array)[0] == 0
    assert counts() == (1, 2, 1, 1, 1)


def test_dry_run_checks_but_writes_nothing():
    code, out, _ = run_import(SMALL, "--dry-run")
    assert code == 0
    assert "nothing was written" in out
    assert counts() == (0, 0, 0, 0, 0)


def test_missing_file_is_one_clear_error(tmp_path):
    code, _, err = run_import(tmp_path / "nie-ma.jsonl")
    assert code == 1
    assert "file: " in err.splitlines()[0] and "does not exist" in err.splitlines()[0]


def test_export_then_import_round_trips_without_changes(tmp_path):
    run_import(SMALL)
    exported = tmp_path / "export.jsonl"
    call_command("export_directory", str(exported), stdout=io.StringIO())
    code, out, _ = run_import(exported)
    assert code == 0
    assert "created: none" in out and "updated: none" in out
    again = tmp_path / "again.jsonl"
    call_command("export_directory", str(again), stdout=io.StringIO())
    assert again.read_text() == exported.read_text()
    assert len(exported.read_text().splitlines()) == 6


def test_csv_export_of_cooperatives_opens_as_a_spreadsheet(tmp_path):
    run_import(SMALL)
    target = tmp_path / "cooperatives.csv"
    call_command("export_directory", str(target), "--csv", "cooperative", stdout=io.StringIO())
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [row["slug"] for row in rows] == ["ss-igla", "ss-smak"]
    assert rows[0]["capabilities"] == "sewing; textile_repair"
    assert rows[0]["city"] == "Poznań" and rows[0]["voivodeship"] == "wielkopolskie"


def test_partnership_keeps_where_its_work_happens_and_its_description(tmp_path):
    lines = SMALL.read_text().splitlines()
    record = json.loads(lines[-1])
    assert record["type"] == "partnership"
    record.update(
        location={"lat": 52.3, "lon": 16.8},
        description="Spółdzielnia szyje w hali firmy.",
    )
    placed = tmp_path / "placed.jsonl"
    placed.write_text("\n".join([*lines[:-1], json.dumps(record, ensure_ascii=False)]))
    assert run_import(placed)[0] == 0
    partnership = Partnership.objects.get(slug="igla-firma")
    assert (partnership.latitude, partnership.longitude) == (52.3, 16.8)
    assert partnership.description == "Spółdzielnia szyje w hali firmy."
    exported = tmp_path / "export.jsonl"
    call_command("export_directory", str(exported), stdout=io.StringIO())
    out = [json.loads(line) for line in exported.read_text().splitlines()]
    again = next(item for item in out if item["slug"] == "igla-firma")
    assert again["location"] == {"lat": 52.3, "lon": 16.8}
    assert again["description"] == "Spółdzielnia szyje w hali firmy."
