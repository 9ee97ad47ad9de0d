"""The directory import format of interfaces.md: which fields each record type takes, and checks.

Each field has a parser that turns the JSON value into what we store or
raises :class:`FieldError` with a message a person can act on. Extension
fields (``powiat``, ``regon``, ``verified_on``) are ours; everything in
interfaces.md is kept exactly.

Every value is bounded by what its column holds (a name by the page title's
255 characters, a town by 80, a whole number by PostgreSQL's ``integer``),
and free text by :data:`LONG_TEXT`, so a value that passes here is never
refused or cut at write time, nor makes a page of megabytes that
Elasticsearch refuses to index.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from cms.identifiers import (
    compact,
    validate_krs,
    validate_nip,
    validate_postal_code,
    validate_regon,
)
from cms.kinds import PROFILE_KINDS
from cooperatives.models import MAX_LEAD_TIME_DAYS, CapacityPeriod, CapacityUnit

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Free text (descriptions, capacity, the work of a partnership): the database would take any
# length, the pages and the search index should not.
LONG_TEXT = 10_000
# The largest number a PositiveIntegerField holds in PostgreSQL (an ``integer`` column).
INTEGER_MAX = 2_147_483_647
# Jobs created by one partnership: the partnership form's bound (partners.forms.MAX_JOBS).
MAX_JOBS = 10_000


class FieldError(Exception):
    """A value that cannot be imported; the message is shown as ``LINE: field: message``."""


def text(value, max_length: int = LONG_TEXT):
    if not isinstance(value, str):
        raise FieldError("must be text")
    value = value.strip()
    if len(value) > max_length:
        raise FieldError(f"must be at most {max_length} characters (has {len(value)})")
    if "\x00" in value:
        # PostgreSQL cannot store it: refused here rather than half-way through the writing.
        raise FieldError("must not contain the NUL character (\\u0000)")
    return value


def bounded_text(max_length: int) -> Callable:
    """A parser of text of at most ``max_length`` characters (the model field's own)."""
    return lambda value: text(value, max_length)


def short_text(value):
    return text(value, 200)


def non_negative_int(value, maximum: int = INTEGER_MAX):
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("must be a whole number")
    if value < 0:
        raise FieldError("must not be negative")
    if value > maximum:
        raise FieldError(f"must be at most {maximum}")
    return value


def boolean(value):
    if not isinstance(value, bool):
        raise FieldError("must be true or false")
    return value


def date(value):
    try:
        return dt.date.fromisoformat(text(value))
    except ValueError:
        raise FieldError("must be a date written YYYY-MM-DD") from None


def slug(value):
    value = text(value)
    if not SLUG.match(value) or len(value) > 120:
        raise FieldError("must be lowercase letters, digits and hyphens (at most 120)")
    return value


def slug_list(value):
    if not isinstance(value, list):
        raise FieldError("must be a list of slugs")
    return [slug(item) for item in value]


def code_list(value):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FieldError("must be a list of codes")
    return sorted({item.strip() for item in value})


def _checked(validator: Callable, value):
    value = text(value)
    try:
        validator(value)
    except ValidationError as exc:
        raise FieldError(str(exc.messages[0])) from None
    return value


def nip(value):
    return compact(_checked(validate_nip, value))


def regon(value):
    return compact(_checked(validate_regon, value))


def krs(value):
    return compact(_checked(validate_krs, value))


def email(value):
    return _checked(EmailValidator(), text(value, 254))


def url(value):
    return _checked(URLValidator(schemes=["http", "https"]), text(value, 200))


# The longest value of each part of an address (AddressMixin's columns).
ADDRESS_PARTS = {"street": 120, "postal_code": 6, "city": 80}


def address(value):
    if not isinstance(value, dict):
        raise FieldError("must be an object {street, postal_code, city}")
    unknown = set(value) - set(ADDRESS_PARTS)
    if unknown:
        raise FieldError(f"unknown key(s): {', '.join(sorted(unknown))}")
    result = {}
    for key, max_length in ADDRESS_PARTS.items():
        try:
            result[key] = text(value.get(key, ""), max_length)
        except FieldError as exc:
            raise FieldError(f"{key} {exc}") from None
    if result["postal_code"]:
        _checked(validate_postal_code, result["postal_code"])
    return result


def location(value):
    if not isinstance(value, dict) or set(value) != {"lat", "lon"}:
        raise FieldError("must be an object {lat, lon}")
    lat, lon = value["lat"], value["lon"]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon)):
        raise FieldError("lat and lon must be numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise FieldError("lat must be within -90..90 and lon within -180..180")
    return {"lat": float(lat), "lon": float(lon)}


def choice(*allowed: str) -> Callable:
    def parse(value):
        value = text(value)
        if value not in allowed:
            raise FieldError(f"must be one of: {', '.join(allowed)}")
        return value

    return parse


# An order's value: what the model's column holds (12 digits, 2 of them after the point).
MAX_PLN = Decimal("9999999999.99")


def money(value):
    """An amount in PLN: a JSON number or text ("1234.50"), not negative, to the grosz."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise FieldError("must be an amount in PLN, e.g. 1234.50")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise FieldError("must be an amount in PLN, e.g. 1234.50") from None
    if not amount.is_finite() or amount < 0:
        raise FieldError("must be an amount of at least 0")
    if amount > MAX_PLN:
        raise FieldError(f"must be at most {MAX_PLN}")
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError("must have at most 2 digits after the point (grosze)")
    return amount.quantize(Decimal("0.01"))


def order_dates(values: dict) -> list[tuple[str, str]]:
    """An order is delivered after it is ordered, and a delivery date goes with its status."""
    ordered, delivered = values.get("ordered"), values.get("delivered")
    problems = []
    if ordered and delivered and delivered < ordered:
        problems.append(("delivered", "is before the day it was ordered"))
    if delivered and values.get("status", "placed") == "placed":
        problems.append(("status", "must be delivered (or cancelled) when delivered is given"))
    return problems


def positive_int(value):
    if non_negative_int(value) == 0:
        raise FieldError("must be at least 1")
    return value


# The keys of one stated capacity and their parsers.
CAPACITY_KEYS = {
    "capability": bounded_text(40),
    "amount": positive_int,
    "unit": choice(*CapacityUnit.values),
    "per": choice(*CapacityPeriod.values),
}


def capacities(value):
    """A cooperative's ``capacities``: a list of ``{capability, amount, unit, per}``.

    Whether each capability is one the cooperative offers is checked with the
    whole record (:func:`capacities_offered`)."""
    if not isinstance(value, list):
        raise FieldError("must be a list of {capability, amount, unit, per}")
    rows, problems = [], []
    for number, item in enumerate(value, start=1):
        try:
            rows.append(_capacity(item))
        except FieldError as exc:
            problems.append(f"item {number}: {exc}")
    if problems:  # every bad item at once, as every bad field is
        raise FieldError("; ".join(problems))
    return rows


def _capacity(item) -> dict:
    if not isinstance(item, dict):
        raise FieldError("must be an object {capability, amount, unit, per}")
    missing = [key for key in CAPACITY_KEYS if key not in item]
    if missing:
        raise FieldError(f"needs {', '.join(missing)}")
    unknown = sorted(set(item) - set(CAPACITY_KEYS))
    if unknown:
        raise FieldError(f"unknown key(s): {', '.join(unknown)}")
    parsed = {}
    for key, parse in CAPACITY_KEYS.items():
        try:
            parsed[key] = parse(item[key])
        except FieldError as exc:
            raise FieldError(f"{key} {exc}") from None
    return parsed


def capacities_offered(values: dict) -> list[tuple[str, str]]:
    """(field, message) for each capacity of work the cooperative does not list among its
    ``capabilities``, and for a kind of work stated twice in one unit."""
    if "capabilities" not in values:  # missing or malformed: that field has its own error
        return []
    offered = set(values["capabilities"])
    problems, stated = [], set()
    for number, capacity in enumerate(values.get("capacities", []), start=1):
        code, unit = capacity["capability"], capacity["unit"]
        if code not in offered:
            message = f"item {number}: {code!r} is not one of this cooperative's capabilities"
            problems.append(("capacities", message))
        elif (code, unit) in stated:
            problems.append(("capacities", f"item {number}: {code} in {unit} is stated twice"))
        stated.add((code, unit))
    return problems


def staff_statements(values: dict) -> list[tuple[str, str]]:
    """(field, message) for a cooperative's staff counts that cannot all be true: more from
    art. 94's groups or from a WTZ than employees, fewer from the groups than the people
    with disabilities they include, a WTZ of origin it does not list among its workshops.

    A count from the groups stated without its day is dated by ``verified_on``, so
    importing the same file twice writes the same date."""
    problems = []
    total = values.get("employees_total")
    for name in ("employees_reserved_groups", "workers_from_wtz"):
        if None not in (total, values.get(name)) and values[name] > total:
            problems.append((name, "is more than employees_total"))
    groups, disabled = (
        values.get("employees_reserved_groups"),
        values.get("employees_with_disabilities"),
    )
    if None not in (groups, disabled) and groups < disabled:
        problems.append(
            (
                "employees_reserved_groups",
                "is fewer than employees_with_disabilities, whom it includes",
            )
        )
    linked = set(values.get("workshops", []))
    for workshop in values.get("workers_from_workshops", []):
        if workshop not in linked:
            problems.append(("workers_from_workshops", f"{workshop!r} is not in workshops"))
    if groups is not None and "employees_reserved_groups_on" not in values:
        values["employees_reserved_groups_on"] = values.get("verified_on")
    return problems


@dataclass(frozen=True)
class RecordType:
    required: tuple[str, ...]
    fields: dict[str, Callable]
    # Checks of the whole record: each returns (field, message) pairs.
    checks: tuple[Callable[[dict], list[tuple[str, str]]], ...] = ()


COMMON = {
    "type": text,
    "slug": slug,
    "description": text,
    "address": address,
    "voivodeship": text,
    "powiat": bounded_text(60),
    "location": location,
    "website": url,
    "email": email,
    "phone": bounded_text(40),
    "verified_on": date,
}

RECORD_TYPES = {
    "workshop": RecordType(
        required=("slug", "name"),
        fields={
            **COMMON,
            "name": bounded_text(255),
            "operator": short_text,
            "participants": non_negative_int,
            "activity_areas": code_list,
            "regon": regon,
        },
    ),
    "cooperative": RecordType(
        required=("slug", "name", "capabilities"),
        fields={
            **COMMON,
            "name": bounded_text(255),
            "capabilities": code_list,
            "krs": krs,
            "nip": nip,
            "regon": regon,
            "founded": date,
            "service_radius_km": non_negative_int,
            "employees_total": non_negative_int,
            "employees_with_disabilities": non_negative_int,
            "employees_reserved_groups": non_negative_int,
            "employees_reserved_groups_on": date,
            "workers_from_wtz": non_negative_int,
            "workers_from_workshops": slug_list,
            "capacity_note": text,
            "capacities": capacities,
            "lead_time_days": lambda value: non_negative_int(value, MAX_LEAD_TIME_DAYS),
            "certifications": code_list,
            "accepts_orders": boolean,
            "workshops": slug_list,
        },
        checks=(capacities_offered, staff_statements),
    ),
    "partner": RecordType(
        required=("slug", "name"),
        fields={**COMMON, "name": bounded_text(255), "nip": nip, "sector": bounded_text(120)},
    ),
    "need": RecordType(
        required=("slug", "partner", "title"),
        fields={
            **COMMON,
            "partner": slug,
            "title": short_text,
            "capabilities": code_list,
            "quantity": bounded_text(120),
            "deadline": date,
            "required_certifications": code_list,
            "status": choice("open", "closed"),
        },
    ),
    "partnership": RecordType(
        required=("slug", "cooperative", "partner"),
        fields={
            **COMMON,
            "cooperative": slug,
            "partner": slug,
            "workshops": slug_list,
            "local_government": short_text,
            "started": date,
            "work": text,
            "capabilities": code_list,
            "jobs_created": lambda value: non_negative_int(value, MAX_JOBS),
            "status": choice("active", "planned", "ended"),
        },
    ),
    # Extension: ``capability``, the kind of work bought (default: the need's kind the
    # cooperative does, partners.quotes.kind_of_work). ``ordered`` is required: the
    # figures count an order in the period of that day.
    "order": RecordType(
        required=("slug", "need", "cooperative", "ordered"),
        fields={
            "type": text,
            "slug": slug,
            "need": slug,
            "cooperative": slug,
            "capability": bounded_text(40),
            "value_pln": money,
            "ordered": date,
            "delivered": date,
            "status": choice("placed", "delivered", "cancelled"),
        },
        checks=(order_dates,),
    ),
}

# Which record types a reference field points at.
REFERENCES = {
    "workshops": "workshop",
    "workers_from_workshops": "workshop",
    "partner": "partner",
    "cooperative": "cooperative",
    "need": "need",
}
# Order of writing, so that every reference already exists.
# Referenced records first: profiles (in the registry's order), then needs and partnerships,
# then the orders placed on needs.
WRITE_ORDER = (*PROFILE_KINDS, "need", "partnership", "order")
