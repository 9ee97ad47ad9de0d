"""``manage.py benchmark [--sizes N …]``: indexing throughput and match latency (make bench)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.client import patient_client
from search.measure.benchmark import report, run
from search.sync import UNAVAILABLE


class Command(BaseCommand):
    help = (
        "Index synthetic directories of the given sizes into separate bench indices and time "
        "matches through the HTTP API against the same query sent directly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, sizes, **options):
        if any(size < 100 or size > 1_000_000 for size in sizes):
            raise CommandError("each size must be between 100 and 1,000,000")
        settings.ELASTICSEARCH_INDEX_PREFIX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-bench"
        try:
            results = run(sizes, progress=lambda line: self.stderr.write(line))
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch is unreachable: {str(error)[:200]}") from None
        self.stdout.write(report(results))
