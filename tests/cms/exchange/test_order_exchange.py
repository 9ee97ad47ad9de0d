"""Orders in the directory format (interfaces.md, type ``order``): import, export, errors."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from partners.models import Need, Order

pytestmark = pytest.mark.django_db

SMALL = Path(__file__).resolve().parents[2] / "data" / "small_directory.jsonl"
# A second need of the same company asking for two kinds, one of which ss-igla does.
NEED = {
    "type": "need",
    "slug": "torby-i-nadruk",
    "partner": "firma-testowa",
    "title": "Torby z nadrukiem",
    "capabilities": ["printing", "sewing"],
    "status": "closed",
}
ORDERS = [
    {
        "type": "order",
        "slug": "zam-fartuchy-1",
        "need": "fartuchy-2000",
        "cooperative": "ss-igla",
        "value_pln": 12500.5,
        "ordered": "2026-02-01",
        "delivered": "2026-03-10",
        "status": "delivered",
    },
    {
        "type": "order",
        "slug": "zam-torby",
        "need": "torby-i-nadruk",
        "cooperative": "ss-igla",
        "value_pln": "3400.00",
        "ordered": "2026-04-15",
    },
    {
        "type": "order",
        "slug": "zam-catering",
        "need": "torby-i-nadruk",
        "cooperative": "ss-smak",
        "capability": "catering",
        "value_pln": 800,
        "ordered": "2026-05-01",
        "status": "cancelled",
    },
]


def run_import(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_directory", str(path), *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def directory_with(tmp_path, *records) -> Path:
    path = tmp_path / "directory.jsonl"
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text(SMALL.read_text() + "\n".join(lines) + "\n")
    return path


def test_orders_import_with_value_dates_status_and_kind_of_work(tmp_path):
    code, out, err = run_import(directory_with(tmp_path, NEED, *ORDERS))
    assert code == 0, err
    assert "order 3" in out
    first, bags, catering = (Order.objects.get(slug=o["slug"]) for o in ORDERS)
    assert (first.need.slug, first.cooperative.slug) == ("fartuchy-2000", "ss-igla")
    assert first.value_pln == Decimal("12500.50")
    assert (str(first.ordered), str(first.delivered), first.status) == (
        "2026-02-01",
        "2026-03-10",
        "delivered",
    )
    # No kind given: the need's kind the cooperative does (sewing, not the first by code).
    assert bags.capability.code == "sewing"
    assert bags.status == "placed" and bags.delivered is None
    assert catering.capability.code == "catering" and catering.status == "cancelled"
    assert Need.objects.get(slug="torby-i-nadruk").status == "closed"


def test_importing_orders_twice_changes_nothing(tmp_path):
    path = directory_with(tmp_path, NEED, *ORDERS)
    run_import(path)
    stamps = dict(Order.objects.values_list("slug", "updated_at"))
    code, out, _ = run_import(path)
    assert code == 0
    assert "unchanged: cooperative 2, need 2, order 3" in out
    assert dict(Order.objects.values_list("slug", "updated_at")) == stamps


def test_changed_order_is_updated(tmp_path):
    run_import(directory_with(tmp_path, NEED, *ORDERS))
    changed = {**ORDERS[1], "status": "delivered", "delivered": "2026-05-02", "value_pln": 3500}
    code, out, _ = run_import(directory_with(tmp_path, NEED, ORDERS[0], changed, ORDERS[2]))
    assert code == 0 and "updated: order 1" in out
    bags = Order.objects.get(slug="zam-torby")
    assert (bags.status, str(bags.delivered), bags.value_pln) == (
        "delivered",
        "2026-05-02",
        Decimal("3500.00"),
    )


def test_bad_orders_are_all_reported_and_nothing_is_written(tmp_path):
    bad = [
        {"type": "order", "slug": "bez-daty", "need": "fartuchy-2000", "cooperative": "ss-igla"},
        {
            "type": "order",
            "slug": "zle",
            "need": "nie-ma",
            "cooperative": "ss-duch",
            "capability": "knitting",
            "value_pln": -5,
            "ordered": "2026-13-01",
            "status": "paid",
        },
        {
            "type": "order",
            "slug": "wczesniej",
            "need": "fartuchy-2000",
            "cooperative": "ss-igla",
            "value_pln": 10.001,
            "ordered": "2026-05-01",
            "delivered": "2026-04-01",
        },
        {
            "type": "order",
            "slug": "tekst",
            "need": "fartuchy-2000",
            "cooperative": "ss-igla",
            "value_pln": "dużo",
            "ordered": "2026-05-01",
            "colour": "red",
        },
    ]
    code, _, err = run_import(directory_with(tmp_path, *bad))
    assert code == 1
    assert err.splitlines() == [
        "7: ordered: is required",
        "8: capability: unknown code: knitting",
        "8: cooperative: no cooperative with slug 'ss-duch'",
        "8: need: no need with slug 'nie-ma'",
        "8: ordered: must be a date written YYYY-MM-DD",
        "8: status: must be one of: placed, delivered, cancelled",
        "8: value_pln: must be an amount of at least 0",
        "9: delivered: is before the day it was ordered",
        "9: status: must be delivered (or cancelled) when delivered is given",
        "9: value_pln: must have at most 2 digits after the point (grosze)",
        "10: colour: unknown field for a order",
        "10: value_pln: must be an amount in PLN, e.g. 1234.50",
        "12 error(s); nothing was imported.",
    ]
    assert Order.objects.count() == 0 and Need.objects.count() == 0


def test_orders_export_and_import_again_unchanged(tmp_path):
    run_import(directory_with(tmp_path, NEED, *ORDERS))
    exported = tmp_path / "export.jsonl"
    call_command("export_directory", str(exported), stdout=io.StringIO())
    records = [json.loads(line) for line in exported.read_text().splitlines()]
    orders = [record for record in records if record["type"] == "order"]
    assert [record["slug"] for record in orders] == ["zam-catering", "zam-fartuchy-1", "zam-torby"]
    assert orders[1] == {
        "type": "order",
        "slug": "zam-fartuchy-1",
        "need": "fartuchy-2000",
        "cooperative": "ss-igla",
        "capability": "sewing",
        "value_pln": 12500.5,
        "ordered": "2026-02-01",
        "delivered": "2026-03-10",
        "status": "delivered",
    }
    code, out, _ = run_import(exported)
    assert code == 0 and "created: none" in out and "updated: none" in out


def test_orders_export_as_csv(tmp_path):
    run_import(directory_with(tmp_path, NEED, *ORDERS))
    target = tmp_path / "orders.csv"
    call_command("export_directory", str(target), "--csv", "order", stdout=io.StringIO())
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [(row["slug"], row["capability"], row["value_pln"]) for row in rows] == [
        ("zam-catering", "catering", "800.0"),
        ("zam-fartuchy-1", "sewing", "12500.5"),
        ("zam-torby", "sewing", "3400.0"),
    ]
