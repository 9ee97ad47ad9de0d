"""The directory import format of interfaces.md: which fields each record type takes, and checks.

Each field has a parser that turns the JSON value into what we store or
raises :class:`FieldError` with a message a person can act on. Extension
fields (``powiat``, ``regon``, ``verified_on``) are ours; everything in
interfaces.md is kept exactly.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

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

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FieldError(Exception):
    """A value that cannot be imported; the message is shown as ``LINE: field: message``."""


def text(value, max_length: int = 0):
    if not isinstance(value, str):
        raise FieldError("must be text")
    value = value.strip()
    if max_length and len(value) > max_length:
        raise FieldError(f"must be at most {max_length} characters")
    return value


def short_text(value):
    return text(value, 200)


def non_negative_int(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("must be a whole number")
    if value < 0:
        raise FieldError("must not be negative")
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
    return _checked(EmailValidator(), value)


def url(value):
    return _checked(URLValidator(schemes=["http", "https"]), value)


def address(value):
    if not isinstance(value, dict):
        raise FieldError("must be an object {street, postal_code, city}")
    unknown = set(value) - {"street", "postal_code", "city"}
    if unknown:
        raise FieldError(f"unknown key(s): {', '.join(sorted(unknown))}")
    result = {key: text(value.get(key, ""), 120) for key in ("street", "postal_code", "city")}
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


@dataclass(frozen=True)
class RecordType:
    required: tuple[str, ...]
    fields: dict[str, Callable]


COMMON = {
    "type": text,
    "slug": slug,
    "description": text,
    "address": address,
    "voivodeship": text,
    "powiat": short_text,
    "location": location,
    "website": url,
    "email": email,
    "phone": lambda value: text(value, 40),
    "verified_on": date,
}

RECORD_TYPES = {
    "workshop": RecordType(
        required=("slug", "name"),
        fields={
            **COMMON,
            "name": short_text,
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
            "name": short_text,
            "capabilities": code_list,
            "krs": krs,
            "nip": nip,
            "regon": regon,
            "founded": date,
            "service_radius_km": non_negative_int,
            "employees_total": non_negative_int,
            "employees_with_disabilities": non_negative_int,
            "capacity_note": text,
            "certifications": code_list,
            "accepts_orders": boolean,
            "workshops": slug_list,
        },
    ),
    "partner": RecordType(
        required=("slug", "name"),
        fields={**COMMON, "name": short_text, "nip": nip, "sector": short_text},
    ),
    "need": RecordType(
        required=("slug", "partner", "title"),
        fields={
            **COMMON,
            "partner": slug,
            "title": short_text,
            "capabilities": code_list,
            "quantity": lambda value: text(value, 120),
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
            "jobs_created": non_negative_int,
            "status": choice("active", "planned", "ended"),
        },
    ),
}

# Which record types a reference field points at.
REFERENCES = {"workshops": "workshop", "partner": "partner", "cooperative": "cooperative"}
# Order of writing, so that every reference already exists.
# Referenced records first: profiles (in the registry's order), then needs and partnerships.
WRITE_ORDER = (*PROFILE_KINDS, "need", "partnership")
