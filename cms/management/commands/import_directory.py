"""``manage.py import_directory FILE [--dry-run]``: the public directory import (interfaces.md)."""

import sys
import time

from django.core.management.base import BaseCommand, no_translations

from cms.exchange.importer import import_directory
from search.client import patient_client
from search.sync import IndexUnavailable, flush, pending_count

PROGRESS_FROM = 200  # records; smaller files finish before a progress line would help
PROGRESS_EVERY = 3.0  # seconds between progress lines


def duration(seconds: float) -> str:
    """A time left as people say it: "40 s", "4 min 40 s", "1 h 5 min"."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


class Progress:
    """Progress lines on stderr, at most one every :data:`PROGRESS_EVERY` seconds, and the
    last one always: "12,345 / 100,000 records · 312 records/s · about 4 min 40 s left"."""

    def __init__(self, write) -> None:
        self.write = write
        self.stage = ""
        self.started = self.shown = 0.0

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.started, self.shown = stage, now, now
        finished = total is not None and done == total
        if not finished and now - self.shown < PROGRESS_EVERY:
            return
        if stage == "checking":
            self.shown = now
            self.write(f"  checking: {done:,} records read")
            return
        if total < PROGRESS_FROM:
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-6)
        line = f"  {done:,} / {total:,} records · {rate:,.0f} records/s"
        if not finished:
            line += f" · about {duration((total - done) / rate)} left"
        self.write(line)


class Command(BaseCommand):
    help = (
        "Import workshops, cooperatives, partners, needs and partnerships from JSON Lines or a "
        "JSON array. All or nothing: any error is printed as LINE: field: message and nothing "
        "is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and write nothing"
        )

    # Error lines are a contract read by scripts as well as people: always in English.
    @no_translations
    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, file, dry_run, **options):
        report = import_directory(file, dry_run=dry_run, progress=Progress(self.stderr.write))
        if not report.ok:
            for problem in report.errors:
                self.stderr.write(str(problem))
            self.stderr.write(f"{len(report.errors)} error(s); nothing was imported.")
            sys.exit(1)
        if dry_run:
            self.stdout.write("The file is valid; nothing was written (--dry-run).")
            return
        waiting = pending_count()
        if waiting >= PROGRESS_FROM:
            self.stderr.write(f"  making {waiting:,} changes searchable…")
        try:
            flush()
        except IndexUnavailable as error:
            self.stderr.write(
                f"Imported, but not yet searchable: {str(error)[:200]}. The changes are queued; "
                "run `python manage.py sync_index` when Elasticsearch is back."
            )
            sys.exit(2)
        for label, counter in (
            ("created", report.created),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
        ):
            details = ", ".join(f"{kind} {n}" for kind, n in sorted(counter.items())) or "none"
            self.stdout.write(f"{label}: {details}")
