"""``manage.py benchmark [--sizes N …] [--no-reindex]``: indexing throughput, match latency and
a reindex under load (make bench)."""

import argparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.client import patient_client
from search.measure.benchmark import reindex_report, report, run
from search.sync import UNAVAILABLE


class Command(BaseCommand):
    help = (
        "Index synthetic directories of the given sizes into separate bench indices and time "
        "matches through the HTTP API against the same query sent directly; then rebuild the "
        "largest behind its alias while matches keep arriving, and count failed ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
        parser.add_argument(
            "--reindex",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Rebuild the largest size under load at the end (default: yes).",
        )

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, sizes, reindex, **options):
        if any(size < 100 or size > 1_000_000 for size in sizes):
            raise CommandError("each size must be between 100 and 1,000,000")
        settings.ELASTICSEARCH_INDEX_PREFIX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-bench"
        try:
            results, reindexes = run(
                sizes, reindex=reindex, progress=lambda line: self.stderr.write(line)
            )
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch is unreachable: {str(error)[:200]}") from None
        self.stdout.write(report(results))
        if reindexes:
            self.stdout.write("")
            self.stdout.write(reindex_report(reindexes))
