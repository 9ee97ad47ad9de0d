"""``manage.py evaluate_relevance``: nDCG@5 and MRR of the matcher and two baselines, per kind
of need and overall (make eval)."""

from django.core.management.base import BaseCommand, CommandError

from search.client import patient_client
from search.measure.evaluation import report, run
from search.sync import UNAVAILABLE


class Command(BaseCommand):
    help = (
        "Evaluate the matcher on tests/relevance/judged_needs.jsonl against Wagtail's database "
        "search and a plain multi_match, per kind of need and overall. The demo directory must "
        "be loaded (make demo / make eval)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--failures",
            action="store_true",
            help="Also list the needs the matcher scores under 0.5 nDCG@5, with what it "
            "returned and what the judge expected.",
        )

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, **options):
        try:
            results = run()
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch is unreachable: {str(error)[:200]}") from None
        self.stdout.write(report(results, failures=options["failures"]))
