"""Import the directory from the public format (interfaces.md), all or nothing.

Reading and checking happen first, over the whole file, collecting every
error as ``(line, field, message)``. Only a file without a single error is
written, inside one database transaction, upserting by slug: a record that
already says the same thing is left alone, so importing a file twice
changes nothing.
"""

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cms.exchange.schema import (
    RECORD_TYPES,
    REFERENCES,
    WRITE_ORDER,
    FieldError,
)
from cms.exchange.writer import DirectoryWriter, existing_slugs, record_model
from cms.models import Voivodeship
from cms.models.regions import voivodeship_key
from cooperatives.models import Capability, Certification
from partners.models import leads_to_its_page


@dataclass(order=True)
class ImportProblem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.field}: {self.message}"


@dataclass
class Record:
    line: int
    type: str
    slug: str
    values: dict


@dataclass
class ImportReport:
    errors: list[ImportProblem] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_objects(text: str) -> Iterator[tuple[int, object | None, str]]:
    """Yield ``(line, object, problem)`` from JSON Lines or a JSON array."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from _read_array(text)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), ""
        except json.JSONDecodeError as exc:
            yield number, None, f"not valid JSON ({exc.msg} at column {exc.colno})"


def _read_array(text: str) -> Iterator[tuple[int, object | None, str]]:
    """Each element of a JSON array, with the line it starts on.

    Lines are counted on from the previous element, never from the start of
    the file, so a file of a hundred thousand records is read in linear time.
    """
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    line, counted_to = 1, 0  # the line number at offset ``counted_to``
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        line += text.count("\n", counted_to, position)
        counted_to = position
        if position >= len(text):
            yield line, None, "the JSON array is not closed with ]"
            return
        if text[position] == "]":
            return
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            yield exc.lineno, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
            return
        yield line, value, ""


class KnownValues:
    """Codes, voivodeships and existing slugs a file may refer to, loaded once per import."""

    def __init__(self) -> None:
        self.capabilities = set(Capability.objects.values_list("code", flat=True))
        self.certifications = set(Certification.objects.values_list("code", flat=True))
        self.voivodeships = {
            key: voivodeship
            for voivodeship in Voivodeship.objects.all()
            for key in (voivodeship.teryt, voivodeship.name)
        }
        self.slugs_in_database = existing_slugs()

    def voivodeship(self, value: str):
        return self.voivodeships.get(voivodeship_key(value))


CODE_FIELDS = {
    "capabilities": "capabilities",
    "activity_areas": "capabilities",
    "certifications": "certifications",
    "required_certifications": "certifications",
}


def check(objects: Iterator[tuple[int, object | None, str]], known: KnownValues):
    """Parse and check every object; return records and every error found."""
    records: list[Record] = []
    errors: list[ImportProblem] = []
    seen: dict[tuple[str, str], int] = {}
    for line, obj, problem in objects:
        if problem:
            errors.append(ImportProblem(line, "-", problem))
            continue
        record, record_errors = _check_object(line, obj, known)
        errors.extend(record_errors)
        if record is None:
            continue
        key = (record.type, record.slug)
        if key in seen:
            errors.append(
                ImportProblem(line, "slug", f"{record.slug!r} already appears on line {seen[key]}")
            )
            continue
        seen[key] = line
        records.append(record)
    errors.extend(_check_references(records, known))
    return records, sorted(errors)


def _check_object(line: int, obj, known: KnownValues):
    if not isinstance(obj, dict):
        return None, [ImportProblem(line, "-", "each record must be a JSON object")]
    kind = obj.get("type")
    if kind not in RECORD_TYPES:
        allowed = ", ".join(RECORD_TYPES)
        return None, [ImportProblem(line, "type", f"must be one of: {allowed} (got {kind!r})")]
    spec = RECORD_TYPES[kind]
    errors = [
        ImportProblem(line, name, "is required")
        for name in spec.required
        if obj.get(name) in (None, "", [])
    ]
    values = {}
    for name, raw in obj.items():
        parse: Callable | None = spec.fields.get(name)
        if parse is None:
            errors.append(ImportProblem(line, name, f"unknown field for a {kind}"))
            continue
        if raw is None:
            continue
        try:
            values[name] = parse(raw)
        except FieldError as exc:
            errors.append(ImportProblem(line, name, str(exc)))
    errors.extend(_check_codes(line, values, known))
    if "slug" in values and not leads_to_its_page(record_model(kind), values["slug"]):
        errors.append(
            ImportProblem(line, "slug", f"{values['slug']!r} is a fixed address of the site")
        )
    # A record with errors is still returned, so that its references are checked too
    # and the person sees every problem of the file at once.
    if "slug" not in values:
        return None, errors
    return Record(line=line, type=kind, slug=values["slug"], values=values), errors


def _check_codes(line: int, values: dict, known: KnownValues) -> list[ImportProblem]:
    errors = []
    for name, kind_of_code in CODE_FIELDS.items():
        codes = getattr(known, kind_of_code)
        unknown = [code for code in values.get(name, []) if code not in codes]
        if unknown:
            errors.append(ImportProblem(line, name, f"unknown code(s): {', '.join(unknown)}"))
    if "voivodeship" in values:
        region = known.voivodeship(values["voivodeship"])
        if region is None:
            errors.append(
                ImportProblem(
                    line,
                    "voivodeship",
                    f"unknown voivodeship {values['voivodeship']!r} "
                    "(use a name like 'wielkopolskie' or a TERYT code like '30')",
                )
            )
        else:
            values["voivodeship"] = region
    if values.get("powiat") and "voivodeship" not in values:
        errors.append(ImportProblem(line, "powiat", "needs a voivodeship in the same record"))
    total, disabled = values.get("employees_total"), values.get("employees_with_disabilities")
    if total is not None and disabled is not None and disabled > total:
        errors.append(
            ImportProblem(line, "employees_with_disabilities", "is more than employees_total")
        )
    return errors


def _check_references(records: list[Record], known: KnownValues) -> list[ImportProblem]:
    in_file = defaultdict(set)
    for record in records:
        in_file[record.type].add(record.slug)
    errors = []
    for record in records:
        for name, target in REFERENCES.items():
            if name not in record.values:
                continue
            value = record.values[name]
            for slug in value if isinstance(value, list) else [value]:
                if slug not in in_file[target] and slug not in known.slugs_in_database[target]:
                    errors.append(
                        ImportProblem(record.line, name, f"no {target} with slug {slug!r}")
                    )
    return errors


def import_directory(
    path: Path, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Check the whole file, then write it in one transaction unless any error was found."""
    report = ImportReport()
    try:
        content = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        report.errors.append(ImportProblem(0, "file", f"{path} does not exist"))
        return report
    except UnicodeDecodeError as exc:
        report.errors.append(ImportProblem(0, "file", f"is not UTF-8 text ({exc.reason})"))
        return report
    known = KnownValues()
    records, report.errors = check(read_objects(content), known)
    if report.errors or dry_run:
        return report
    ordered = sorted(records, key=lambda record: WRITE_ORDER.index(record.type))
    with transaction.atomic():
        writer = DirectoryWriter()
        for done, record in enumerate(ordered, start=1):
            outcome = writer.write(record.type, record.values)
            getattr(report, outcome)[record.type] += 1
            if progress:
                progress(done, len(ordered))
    return report
