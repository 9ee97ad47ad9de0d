"""Every value the import accepts fits where it is stored: lengths and numbers are checked
against the model fields themselves, so nothing is refused or cut half-way through writing;
a value too long or too large is a ``LINE: field: message`` error like any other."""

import io
import json
import time

import pytest
from django.core.management import call_command
from django.db import connection

from cms.exchange.importer import KnownValues, check, read_objects
from cms.exchange.schema import LONG_TEXT
from cms.models import Powiat
from cooperatives.models import CooperativePage
from partners.forms import MAX_JOBS
from partners.models import Need, PartnerPage, Partnership
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db

INTEGER_MAX = connection.ops.integer_field_range("PositiveIntegerField")[1]
BASE = {
    "workshop": {"type": "workshop", "name": "W", "voivodeship": "30"},
    "cooperative": {"type": "cooperative", "name": "C", "capabilities": ["sewing"]},
    "partner": {"type": "partner", "name": "P"},
    "need": {"type": "need", "partner": "p", "title": "N"},
    "partnership": {"type": "partnership", "cooperative": "c", "partner": "p"},
}
# (record type, field of the file, model, model field): text limited by its column.
CHAR_FIELDS = [
    ("workshop", "name", WorkshopPage, "title"),
    ("workshop", "operator", WorkshopPage, "operator"),
    ("workshop", "powiat", Powiat, "name"),
    ("cooperative", "name", CooperativePage, "title"),
    ("cooperative", "phone", CooperativePage, "phone"),
    ("partner", "name", PartnerPage, "title"),
    ("partner", "sector", PartnerPage, "sector"),
    ("need", "title", Need, "title"),
    ("need", "quantity", Need, "quantity"),
    ("partnership", "local_government", Partnership, "local_government"),
]
ADDRESS_FIELDS = [
    ("cooperative", "street", CooperativePage),
    ("cooperative", "city", CooperativePage),
    ("need", "street", Need),
    ("need", "city", Need),
]
FREE_TEXT = [
    ("workshop", "description"),
    ("cooperative", "description"),
    ("cooperative", "capacity_note"),
    ("need", "description"),
    ("partnership", "work"),
    ("partnership", "description"),
]
WHOLE_NUMBERS = [
    ("workshop", "participants", INTEGER_MAX),
    ("cooperative", "service_radius_km", INTEGER_MAX),
    ("cooperative", "employees_total", INTEGER_MAX),
    ("cooperative", "employees_with_disabilities", INTEGER_MAX),
    ("partnership", "jobs_created", MAX_JOBS),  # as the partnership form allows
]


def max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def url_of(length: int) -> str:
    return "https://example.pl/" + "a" * (length - len("https://example.pl/"))


def email_of(length: int) -> str:
    domain = ".".join(["b" * 63] * 3) + ".pl"  # labels of 63, the most a domain label holds
    return "a" * (length - len(domain) - 1) + "@" + domain


def values_at(extra: int) -> list[tuple[str, str, object, str]]:
    """(type, field, value, message when refused) for every bounded field, ``extra`` past
    its limit (0: exactly at it)."""
    cases = []
    for kind, name, model, field in CHAR_FIELDS:
        limit = max_length(model, field)
        message = f"must be at most {limit} characters (has {limit + extra})"
        cases.append((kind, name, "ż" * (limit + extra), message))
    for kind, part, model in ADDRESS_FIELDS:
        limit = max_length(model, part)
        message = f"{part} must be at most {limit} characters (has {limit + extra})"
        cases.append((kind, "address", {part: "ż" * (limit + extra)}, message))
    for kind, name in FREE_TEXT:
        message = f"must be at most {LONG_TEXT} characters (has {LONG_TEXT + extra})"
        cases.append((kind, name, "ż" * (LONG_TEXT + extra), message))
    for kind, name, limit in WHOLE_NUMBERS:
        cases.append((kind, name, limit + extra, f"must be at most {limit}"))
    for name, make in (("website", url_of), ("email", email_of)):
        limit = max_length(PartnerPage, name)
        message = f"must be at most {limit} characters (has {limit + extra})"
        cases.append(("partner", name, make(limit + extra), message))
    return cases


def file_of(records: list[dict]) -> str:
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records)


def problems(text: str) -> list[str]:
    _records, errors = check(read_objects(text), KnownValues())
    return [str(error) for error in errors]


def test_a_value_one_past_what_its_column_holds_is_an_error_on_its_line():
    parties = [BASE["partner"] | {"slug": "p"}, BASE["cooperative"] | {"slug": "c"}]
    cases = values_at(1)
    records = [
        BASE[kind] | {"slug": f"x{number}", name: value}
        for number, (kind, name, value, _message) in enumerate(cases)
    ]
    assert problems(file_of(parties + records)) == [
        f"{line}: {name}: {message}"
        for line, (_kind, name, _value, message) in enumerate(cases, start=len(parties) + 1)
    ]


def test_every_value_at_the_limit_is_imported_whole(tmp_path):
    records = {kind: BASE[kind] | {"slug": kind[0]} for kind in BASE}
    for kind, name, value, _message in values_at(0):
        if name == "address":
            records[kind].setdefault("address", {}).update(value)
        else:
            records[kind][name] = value
    source = tmp_path / "limits.jsonl"
    source.write_text(file_of(list(records.values())), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_directory", str(source), stdout=out, stderr=err)
    assert err.getvalue() == ""
    cooperative = CooperativePage.objects.get(slug="c")
    assert len(cooperative.title) == max_length(CooperativePage, "title")
    assert cooperative.service_radius_km == INTEGER_MAX
    assert len(cooperative.capacity_note) == LONG_TEXT
    assert len(WorkshopPage.objects.get(slug="w").powiat.name) == max_length(Powiat, "name")
    assert len(PartnerPage.objects.get(slug="p").email) == max_length(PartnerPage, "email")
    assert len(Need.objects.get(slug="n").city) == max_length(Need, "city")
    assert Partnership.objects.get(slug="p").jobs_created == MAX_JOBS


def test_an_enormous_number_or_a_nul_character_stops_the_import_with_its_line(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text(
        file_of(
            [
                BASE["cooperative"] | {"slug": "c", "service_radius_km": 10**30},
                BASE["workshop"] | {"slug": "w", "participants": 10**12},
                BASE["partner"] | {"slug": "p", "name": "Firma\u0000"},
            ]
        )
    )
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import_directory", str(source), stdout=io.StringIO(), stderr=err)
    assert exit_.value.code == 1
    assert err.getvalue().splitlines() == [
        f"1: service_radius_km: must be at most {INTEGER_MAX}",
        f"2: participants: must be at most {INTEGER_MAX}",
        "3: name: must not contain the NUL character (\\u0000)",
        "3 error(s); nothing was imported.",
    ]
    assert not CooperativePage.objects.exists()


def test_a_large_json_array_is_read_in_linear_time_with_each_objects_line():
    """20,000 records (about 10 MB, pretty-printed) are read in well under the time the
    quadratic line counting took (about a minute); every object keeps its first line."""
    need = BASE["need"] | {"title": "Uszycie fartuchów " * 5, "description": "Opis. " * 50}
    records = [need | {"slug": f"n-{number}"} for number in range(20_000)]
    text = json.dumps(records, ensure_ascii=False, indent=2)
    lines_per_record = len(json.dumps(need | {"slug": "n-0"}, indent=2).splitlines())
    started = time.perf_counter()
    read = list(read_objects(text))
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert [line for line, _object, _problem in read] == [
        2 + number * lines_per_record for number in range(20_000)
    ]
    broken = text[: text.rindex("{")] + '{"type": "need", "slug": oops}\n]'
    *_, (line, obj, problem) = read_objects(broken)
    assert (line, obj) == (2 + 19_999 * lines_per_record, None)
    assert problem.startswith("not valid JSON (Expecting value")
