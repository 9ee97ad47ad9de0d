"""Import the directory from the public format (interfaces.md), all or nothing.

The file is read as a stream, so memory stays the same whatever its size
(a JSON array as well as JSON Lines):

1. **Checking**, over the whole file, collecting every error as ``(line,
   field, message)``. Of each record only its type, slug and line stay in
   memory, to find a slug used twice and references to slugs that exist
   nowhere; its checked values go to a temporary file per type (:class:`Spool`).
2. **Writing**, only when there was not a single error: the spooled records,
   type by type in :data:`~cms.exchange.schema.WRITE_ORDER` so that every
   reference already exists, in batches (:mod:`cms.exchange.writer`) inside
   one database transaction, upserting by slug. A record that already says
   the same thing is left alone, so importing a file twice changes nothing;
   an error in the database rolls everything back.
"""

import io
import json
import logging
import pickle
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TextIO

from django.db import connection, reset_queries, transaction

from cms import public_cache
from cms.exchange.schema import (
    RECORD_TYPES,
    REFERENCES,
    WRITE_ORDER,
    FieldError,
)
from cms.exchange.writer import (
    BATCH,
    DirectoryWriter,
    MissingReference,
    existing_slugs,
    record_model,
)
from cms.models import Voivodeship
from cms.models.regions import voivodeship_key
from cooperatives.models import Capability, Certification
from partners.models import leads_to_its_page

logger = logging.getLogger(__name__)

# Text is read this much at a time.
CHUNK = 1 << 20
# Tree positions left free before an import's new pages, for profiles editors create under
# the same listing page while it runs (cms.exchange.bulk.TreePositions).
ROOM_FOR_EDITORS = 100


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


def read_objects(source: str | TextIO) -> Iterator[tuple[int, object | None, str]]:
    """Yield ``(line, object, problem)`` from JSON Lines or a JSON array, text or a stream.

    A stream is read :data:`CHUNK` characters at a time, never whole.
    """
    stream = io.StringIO(source, newline=None) if isinstance(source, str) else source
    start = stream.read(CHUNK)
    while start.isspace() and (more := stream.read(CHUNK)):
        start += more
    if start.lstrip().startswith("["):
        yield from _read_array(start, stream)
        return
    for number, line in enumerate(_lines(start, stream), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), ""
        except json.JSONDecodeError as exc:
            yield number, None, f"not valid JSON ({exc.msg} at column {exc.colno})"


def _lines(start: str, stream: TextIO) -> Iterator[str]:
    """The lines of ``start`` and the rest of ``stream``, without their line ends."""
    pending = start
    while True:
        *complete, pending = pending.split("\n")
        yield from complete
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        pending += chunk
    if pending:
        yield pending


def _read_array(start: str, stream: TextIO) -> Iterator[tuple[int, object | None, str]]:
    """Each element of a JSON array, with the line it starts on.

    The text is held from the element being read onwards, a chunk or so, even
    when the whole array is on one line; lines are counted on from the
    previous element, never from the start, so a file of a hundred thousand
    records is read in linear time.
    """
    decoder = json.JSONDecoder()
    buffer = start
    position = buffer.index("[") + 1
    first_line, first_column = 1, 0  # where buffer[0] is in the file (column from 0)
    line, counted_to = 1, 0  # the line number at offset ``counted_to``
    ended = False

    def read_more() -> bool:
        nonlocal buffer
        chunk = stream.read(CHUNK)
        buffer += chunk
        return bool(chunk)

    while True:
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n,":
                position += 1
            if position < len(buffer) or ended:
                break
            ended = not read_more()
        line += buffer.count("\n", counted_to, position)
        counted_to = position
        if position >= len(buffer):
            yield line, None, "the JSON array is not closed with ]"
            return
        if buffer[position] == "]":
            return
        while True:
            try:
                value, position = decoder.raw_decode(buffer, position)
                break
            except json.JSONDecodeError as exc:
                # The element may only be cut off by the end of the chunk: read on.
                if ended:
                    column = exc.colno + (first_column if exc.lineno == 1 else 0)
                    where = first_line + exc.lineno - 1
                    yield where, None, f"not valid JSON ({exc.msg} at column {column})"
                    return
                ended = not read_more()
        yield line, value, ""
        if counted_to > CHUNK:  # forget what is read, even within one long line
            newlines = buffer.count("\n", 0, counted_to)
            if newlines:
                first_column = counted_to - buffer.rfind("\n", 0, counted_to) - 1
            else:
                first_column += counted_to
            first_line += newlines
            buffer = buffer[counted_to:]
            position -= counted_to
            counted_to = 0


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


@dataclass
class Census:
    """What the checking pass keeps of a file: how many records of each type it has."""

    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Spool:
    """Checked records by type, in temporary files: written while checking, read back type by
    type for writing, so that memory holds a batch of records, never the file."""

    def __init__(self) -> None:
        self._files: dict = {}
        self._closing = ExitStack()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc_info) -> None:
        self._closing.close()

    def add(self, record: Record) -> None:
        if record.type not in self._files:
            file = self._closing.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
            self._files[record.type] = file
        data = (record.line, record.values)
        pickle.dump(data, self._files[record.type], pickle.HIGHEST_PROTOCOL)

    def records(self, kind: str) -> Iterator[Record]:
        file = self._files.get(kind)
        if file is None:
            return
        file.seek(0)
        while True:
            try:
                line, values = pickle.load(file)  # noqa: S301 - our own file, written above
            except EOFError:
                return
            yield Record(line=line, type=kind, slug=values["slug"], values=values)


def check(
    objects: Iterable[tuple[int, object | None, str]],
    known: KnownValues,
    progress: Callable[[int], None] | None = None,
    spool: Spool | None = None,
) -> tuple[Census, list[ImportProblem]]:
    """Parse and check every object; return how many records of each type, and every error.

    Each record without an error of its own goes to ``spool``, for writing."""
    census = Census()
    errors: list[ImportProblem] = []
    seen: dict[tuple[str, str], int] = {}
    references: list[tuple[int, str, str, str]] = []  # (line, field, type, slug)
    for number, (line, obj, problem) in enumerate(objects, start=1):
        if progress:
            progress(number)
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
        census.counts[record.type] += 1
        if spool is not None and not record_errors:
            spool.add(record)
        for name, target in REFERENCES.items():
            value = record.values.get(name)
            for slug in value if isinstance(value, list) else [value] if value else []:
                references.append((line, name, target, slug))
    in_file = defaultdict(set)
    for kind, slug in seen:
        in_file[kind].add(slug)
    errors.extend(
        ImportProblem(line, name, f"no {target} with slug {slug!r}")
        for line, name, target, slug in references
        if slug not in in_file[target] and slug not in known.slugs_in_database[target]
    )
    return census, sorted(errors)


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
    for check_record in spec.checks:
        errors.extend(ImportProblem(line, name, message) for name, message in check_record(values))
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
    # An order's one kind of work (a code, not a list).
    if values.get("capability") and values["capability"] not in known.capabilities:
        errors.append(ImportProblem(line, "capability", f"unknown code: {values['capability']}"))
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


def _batches(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while batch := list(islice(records, size)):
        yield batch


def import_directory(
    path: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> ImportReport:
    """Check the whole file, then write it in one transaction unless any error was found.

    ``progress(stage, done, total)`` is called as records are checked (stage
    "checking", total unknown) and written ("writing").
    """
    report = ImportReport()
    path = Path(path)
    known = KnownValues()
    counting = (lambda done: progress("checking", done, None)) if progress else None
    try:
        stream = path.open(encoding="utf-8")
    except FileNotFoundError:
        report.errors.append(ImportProblem(0, "file", f"{path} does not exist"))
        return report
    with Spool() as spool:
        try:
            with stream:
                census, report.errors = check(read_objects(stream), known, counting, spool)
        except UnicodeDecodeError as exc:
            report.errors.append(ImportProblem(0, "file", f"is not UTF-8 text ({exc.reason})"))
        if report.errors or dry_run:
            return report
        started = time.monotonic()
        try:
            _write(spool, census, report, progress)
        except WritingStopped as stopped:
            report.errors.append(stopped.problem)
            return report
    logger.info(
        "Imported %s: %s records in %.1f s; created %s, updated %s, unchanged %s",
        path.name,
        census.total,
        time.monotonic() - started,
        sum(report.created.values()),
        sum(report.updated.values()),
        sum(report.unchanged.values()),
    )
    return report


class WritingStopped(Exception):
    """A checked record could not be written after all; everything written is rolled back."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _write(spool: Spool, census: Census, report: ImportReport, progress) -> None:
    """Write every checked record, type by type, in one transaction."""
    done = 0
    with transaction.atomic():
        writer = DirectoryWriter(room=ROOM_FOR_EDITORS)
        for kind in WRITE_ORDER:
            for batch in _batches(spool.records(kind), BATCH):
                try:
                    outcomes = writer.write_batch(kind, [record.values for record in batch])
                except MissingReference as missing:
                    # Deleted since the check (by someone else, while the file was read).
                    line = next(
                        r.line for r in batch if r.values.get(missing.field) == missing.slug
                    )
                    message = f"{missing} (deleted while the file was imported)"
                    raise WritingStopped(ImportProblem(line, missing.field, message)) from None
                for outcome in outcomes:
                    getattr(report, outcome)[kind] += 1
                done += len(batch)
                # With DEBUG on, Django keeps the last 9,000 statements; at 500 rows each
                # that would be gigabytes.
                reset_queries()
                if progress:
                    progress("writing", done, census.total)
        # The foreign keys PostgreSQL would check at the commit (half a minute at 100,000
        # records) are checked now, before the listing pages' rows are locked by their child
        # counts: editors then wait for the commit alone, not for the check.
        connection.check_constraints()
        writer.finish()
        # Bulk writes send no signals: the public figures and the map are made afresh once
        # the import is committed (its orders included).
        public_cache.directory_changed()
