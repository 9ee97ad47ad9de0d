"""A cooperative's ``capacities`` and ``lead_time_days`` in the import format (interfaces.md).

Old files without them stay valid; a re-import replaces the list; export →
import round-trips; every bad value is reported as ``LINE: field: message``
and nothing is written.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command

from cooperatives.models import CooperativePage
from tests.cms.exchange.test_import_export import SMALL, run_import

pytestmark = pytest.mark.django_db

IGLA_CAPACITIES = [
    {"capability": "textile_repair", "amount": 300, "unit": "szt.", "per": "week"},
    {"capability": "sewing", "amount": 1000, "unit": "szt.", "per": "week"},
    {"capability": "sewing", "amount": 40, "unit": "godzin", "per": "month"},
]


def small_directory_with(tmp_path, name="directory.jsonl", **igla) -> str:
    """The small directory with Igła's record (line 2) changed by ``igla`` (None drops a
    field)."""
    lines = SMALL.read_text().splitlines()
    record = json.loads(lines[1])
    record.update(igla)
    lines[1] = json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n")
    return path


def stated(slug="ss-igla") -> list[tuple]:
    page = CooperativePage.objects.get(slug=slug)
    return [(c.capability.code, c.amount, c.unit, c.per) for c in page.capacities.all()]


def test_capacities_and_lead_time_are_imported_in_the_file_s_order(tmp_path):
    path = small_directory_with(tmp_path, capacities=IGLA_CAPACITIES, lead_time_days=7)
    code, _, err = run_import(path)
    assert code == 0, err
    assert stated() == [
        ("textile_repair", 300, "szt.", "week"),
        ("sewing", 1000, "szt.", "week"),
        ("sewing", 40, "godzin", "month"),
    ]
    assert CooperativePage.objects.get(slug="ss-igla").lead_time_days == 7
    smak = CooperativePage.objects.get(slug="ss-smak")
    assert (list(smak.capacities.all()), smak.lead_time_days) == ([], None)


def test_old_files_without_the_fields_stay_valid():
    assert run_import(SMALL)[0] == 0
    assert stated() == []


def test_reimport_replaces_the_list_and_the_lead_time(tmp_path):
    run_import(small_directory_with(tmp_path, capacities=IGLA_CAPACITIES, lead_time_days=7))
    fewer = [{"capability": "sewing", "amount": 1500, "unit": "szt.", "per": "week"}]
    code, out, _ = run_import(
        small_directory_with(tmp_path, "fewer.jsonl", capacities=fewer, lead_time_days=0)
    )
    assert code == 0
    assert "updated: cooperative 1" in out
    assert stated() == [("sewing", 1500, "szt.", "week")]
    assert CooperativePage.objects.get(slug="ss-igla").lead_time_days == 0
    # A record without the fields states none.
    code, out, _ = run_import(SMALL)
    assert "updated: cooperative 1" in out
    assert stated() == []
    assert CooperativePage.objects.get(slug="ss-igla").lead_time_days is None


def test_reordered_capacities_are_an_update_and_the_same_list_is_not(tmp_path):
    path = small_directory_with(tmp_path, capacities=IGLA_CAPACITIES)
    run_import(path)
    assert "unchanged: cooperative 2" in run_import(path)[1]
    reordered = small_directory_with(tmp_path, "r.jsonl", capacities=IGLA_CAPACITIES[::-1])
    assert "updated: cooperative 1" in run_import(reordered)[1]
    assert [row[1] for row in stated()] == [40, 1000, 300]


def test_export_then_import_round_trips_capacities(tmp_path):
    run_import(small_directory_with(tmp_path, capacities=IGLA_CAPACITIES, lead_time_days=0))
    exported = tmp_path / "export.jsonl"
    call_command("export_directory", str(exported), stdout=io.StringIO())
    records = {json.loads(line)["slug"]: json.loads(line) for line in exported.open()}
    assert records["ss-igla"]["capacities"] == IGLA_CAPACITIES
    assert records["ss-igla"]["lead_time_days"] == 0
    assert "capacities" not in records["ss-smak"] and "lead_time_days" not in records["ss-smak"]

    CooperativePage.objects.get(slug="ss-igla").capacities.all().delete()
    code, out, _ = run_import(exported)
    assert code == 0
    assert stated() == [
        (c["capability"], c["amount"], c["unit"], c["per"]) for c in IGLA_CAPACITIES
    ]
    code, out, _ = run_import(exported)
    assert "created: none" in out and "updated: none" in out
    again = tmp_path / "again.jsonl"
    call_command("export_directory", str(again), stdout=io.StringIO())
    assert again.read_text() == exported.read_text()


def test_csv_export_writes_capacities_in_one_cell(tmp_path):
    run_import(small_directory_with(tmp_path, capacities=IGLA_CAPACITIES, lead_time_days=7))
    target = tmp_path / "cooperatives.csv"
    call_command("export_directory", str(target), "--csv", "cooperative", stdout=io.StringIO())
    rows = {row["slug"]: row for row in csv.DictReader(target.open(encoding="utf-8"))}
    assert rows["ss-igla"]["capacities"] == (
        "textile_repair 300 szt./week; sewing 1000 szt./week; sewing 40 godzin/month"
    )
    assert rows["ss-igla"]["lead_time_days"] == "7"
    assert rows["ss-smak"]["capacities"] == "" and rows["ss-smak"]["lead_time_days"] == ""


def test_every_bad_capacity_is_reported_on_its_line_and_nothing_is_written(tmp_path):
    bad = [
        {"capability": "sewing", "amount": 0, "unit": "szt.", "per": "week"},
        {"capability": "sewing", "amount": 800, "unit": "szt.", "per": "week"},
        {"capability": "sewing", "amount": 800, "unit": "sztuk", "per": "year"},
        "800 szt.",
    ]
    path = small_directory_with(tmp_path, capacities=bad, lead_time_days=400)
    code, _, err = run_import(path)
    assert code == 1
    assert err.splitlines() == [
        "2: capacities: item 1: amount must be at least 1; "
        "item 3: unit must be one of: szt., posiłków, kg, m², stron, godzin; "
        "item 4: must be an object {capability, amount, unit, per}",
        "2: lead_time_days: must be at most 365",
        "2 error(s); nothing was imported.",
    ]
    assert CooperativePage.objects.count() == 0


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            {"capability": "sewing", "amount": 0, "unit": "szt.", "per": "week"},
            "item 2: amount must be at least 1",
        ),
        (
            {"capability": "sewing", "amount": "800", "unit": "szt.", "per": "week"},
            "item 2: amount must be a whole number",
        ),
        (
            {"capability": "sewing", "amount": 8.5, "unit": "szt.", "per": "week"},
            "item 2: amount must be a whole number",
        ),
        (
            {"capability": "sewing", "amount": 800, "unit": "sztuk", "per": "week"},
            "item 2: unit must be one of: szt., posiłków, kg, m², stron, godzin",
        ),
        (
            {"capability": "sewing", "amount": 800, "unit": "szt.", "per": "year"},
            "item 2: per must be one of: day, week, month",
        ),
        ({"capability": "sewing", "amount": 800, "unit": "szt."}, "item 2: needs per"),
        (
            {"capability": "sewing", "amount": 8, "unit": "kg", "per": "day", "shift": 2},
            "item 2: unknown key(s): shift",
        ),
        ("800 szt.", "item 2: must be an object {capability, amount, unit, per}"),
        (
            {"capability": "printing", "amount": 800, "unit": "szt.", "per": "week"},
            "item 2: 'printing' is not one of this cooperative's capabilities",
        ),
        (
            {"capability": "knitting", "amount": 800, "unit": "szt.", "per": "week"},
            "item 2: 'knitting' is not one of this cooperative's capabilities",
        ),
        (
            {"capability": "sewing", "amount": 1500, "unit": "szt.", "per": "day"},
            "item 2: sewing in szt. is stated twice",
        ),
    ],
)
def test_a_bad_capacity_is_one_clear_error_and_nothing_is_written(tmp_path, item, message):
    first = {"capability": "sewing", "amount": 800, "unit": "szt.", "per": "week"}
    code, _, err = run_import(small_directory_with(tmp_path, capacities=[first, item]))
    assert code == 1
    assert err.splitlines() == [f"2: capacities: {message}", "1 error(s); nothing was imported."]
    assert CooperativePage.objects.count() == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"sewing": 800}, "must be a list of {capability, amount, unit, per}"),
        ("800 szt. tygodniowo", "must be a list of {capability, amount, unit, per}"),
    ],
)
def test_capacities_must_be_a_list(tmp_path, value, message):
    code, _, err = run_import(small_directory_with(tmp_path, capacities=value))
    assert (code, err.splitlines()[0]) == (1, f"2: capacities: {message}")


@pytest.mark.parametrize(
    ("value", "message"),
    [(366, "must be at most 365"), (-1, "must not be negative"), ("5", "must be a whole number")],
)
def test_lead_time_is_a_whole_number_of_days_up_to_a_year(tmp_path, value, message):
    code, _, err = run_import(small_directory_with(tmp_path, lead_time_days=value))
    assert (code, err.splitlines()[0]) == (1, f"2: lead_time_days: {message}")
    assert CooperativePage.objects.count() == 0
