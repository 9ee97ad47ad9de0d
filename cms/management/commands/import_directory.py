"""``manage.py import_directory FILE [--dry-run]``: the public directory import (interfaces.md)."""

import sys

from django.core.management.base import BaseCommand, no_translations

from cms.exchange.importer import import_directory
from search.client import patient_client
from search.sync import IndexUnavailable, flush

PROGRESS_FROM = 200  # records; smaller files finish before a progress line would help


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
        report = import_directory(file, dry_run=dry_run, progress=self._progress)
        if not report.ok:
            for problem in report.errors:
                self.stderr.write(str(problem))
            self.stderr.write(f"{len(report.errors)} error(s); nothing was imported.")
            sys.exit(1)
        if dry_run:
            self.stdout.write("The file is valid; nothing was written (--dry-run).")
            return
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

    def _progress(self, done: int, total: int) -> None:
        if total >= PROGRESS_FROM and (done % 100 == 0 or done == total):
            self.stderr.write(f"  {done}/{total} records written")
