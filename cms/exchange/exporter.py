"""Export the directory in the import format (so export → import round-trips) and as CSV."""

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from cms.exchange.schema import WRITE_ORDER
from cms.exchange.writer import MANY, PLAIN_MODELS, SCALARS, record_model
from cms.kinds import PROFILE_KINDS
from cms.spreadsheets import csv_cell
from partners.models import Order, Partnership


def _place(obj, record: dict) -> None:
    address = {"street": obj.street, "postal_code": obj.postal_code, "city": obj.city}
    if any(address.values()):
        record["address"] = address
    if obj.voivodeship_id:
        record["voivodeship"] = obj.voivodeship.name


def _point(obj, record: dict) -> None:
    if obj.latitude is not None and obj.longitude is not None:
        record["location"] = {"lat": obj.latitude, "lon": obj.longitude}


def _record(kind: str, obj) -> dict:
    record = {"type": kind, "slug": obj.slug}
    if kind in PROFILE_KINDS:
        record["name"] = obj.title
        for name in ("description", "website", "email", "phone"):
            if getattr(obj, name):
                record[name] = getattr(obj, name)
        if obj.powiat_id:
            record["powiat"] = obj.powiat.name
        if obj.verified_on:
            record["verified_on"] = obj.verified_on.isoformat()
    if kind == "need" and obj.description:
        record["description"] = obj.description
    if kind not in ("partnership", "order"):
        _place(obj, record)
    if kind != "order":
        _point(obj, record)
    for name, model_field in SCALARS[kind].items():
        value = getattr(obj, model_field)
        if value in (None, ""):
            continue
        record[name] = value.isoformat() if hasattr(value, "isoformat") else value
    for name, (model_field, _model, key) in MANY[kind].items():
        values = sorted(getattr(related, key) for related in getattr(obj, model_field).all())
        if values:
            record[name] = values
    if kind == "cooperative":
        codes = sorted(c.certification.code for c in obj.certificates.all())
        if codes:
            record["certifications"] = codes
        # In the editor's order, which the profile shows.
        stated = obj.stated_capacities()
        if stated:
            record["capacities"] = stated
    for name in ("partner", "cooperative"):
        if hasattr(obj, f"{name}_id") and kind in PLAIN_MODELS:
            record[name] = getattr(obj, name).slug
    if kind == "order":
        record["need"] = obj.need.slug
        if obj.capability_id:
            record["capability"] = obj.capability.code
        if obj.value_pln is not None:
            # A JSON number; a float's shortest form keeps every grosz of 12 digits.
            record["value_pln"] = float(obj.value_pln)
    return record


def _objects(kind: str):
    if kind in PROFILE_KINDS:
        queryset = record_model(kind).objects.live().select_related("voivodeship", "powiat")
    else:
        queryset = record_model(kind).objects.select_related("voivodeship", "partner")
        if kind == "partnership":
            queryset = Partnership.objects.select_related("cooperative", "partner")
        if kind == "order":
            # Of live profiles only, as the profiles exported, so the file imports whole.
            queryset = Order.objects.filter(
                cooperative__live=True, need__partner__live=True
            ).select_related("need", "cooperative", "capability")
    prefetch = [model_field for model_field, _model, _key in MANY[kind].values()]
    if kind == "cooperative":
        prefetch += ["certificates__certification", "capacities__capability"]
    return queryset.prefetch_related(*prefetch).order_by("slug")


def export_records() -> Iterator[dict]:
    """Every live profile, need, partnership and order as import-format records."""
    for kind in WRITE_ORDER:
        for obj in _objects(kind):
            yield _record(kind, obj)


def write_jsonl(out: TextIO) -> int:
    count = 0
    for record in export_records():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


CSV_COLUMNS = {
    "workshop": ["slug", "name", "operator", "participants", "activity_areas"],
    "cooperative": [
        "slug",
        "name",
        "capabilities",
        "accepts_orders",
        "service_radius_km",
        "employees_total",
        "employees_with_disabilities",
        "employees_reserved_groups",
        "employees_reserved_groups_on",
        "workers_from_wtz",
        "capacity_note",
        "capacities",
        "lead_time_days",
        "certifications",
        "krs",
        "nip",
        "regon",
    ],
    "partner": ["slug", "name", "sector", "nip"],
    "need": ["slug", "partner", "title", "capabilities", "quantity", "deadline", "status"],
    "partnership": ["slug", "cooperative", "partner", "work", "started", "status", "jobs_created"],
    "order": [
        "slug",
        "need",
        "cooperative",
        "capability",
        "value_pln",
        "ordered",
        "delivered",
        "status",
    ],
}
PLACE_COLUMNS = [
    "street",
    "postal_code",
    "city",
    "voivodeship",
    "lat",
    "lon",
    "email",
    "phone",
    "website",
]


def _capacity_cell(capacity: dict) -> str:
    """One stated capacity in a spreadsheet cell: "sewing 800 szt./week"."""
    return f"{capacity['capability']} {capacity['amount']} {capacity['unit']}/{capacity['per']}"


def write_csv(kind: str, out: TextIO) -> int:
    """One catalogue as a spreadsheet: lists joined with "; ", the place flattened, and text
    that could start a formula neutralised (:func:`cms.spreadsheets.csv_cell`)."""
    columns = CSV_COLUMNS[kind] + (PLACE_COLUMNS if kind not in ("partnership", "order") else [])
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for obj in _objects(kind):
        record = _record(kind, obj)
        if "capacities" in record:
            record["capacities"] = [_capacity_cell(item) for item in record["capacities"]]
        row = {key: ("; ".join(v) if isinstance(v, list) else v) for key, v in record.items()}
        row.update(record.get("address", {}))
        location = record.get("location", {})
        row.update(lat=location.get("lat"), lon=location.get("lon"))
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
        count += 1
    return count
