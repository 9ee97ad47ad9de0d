"""``manage.py evaluate_relevance``: nDCG@5 and MRR of the matcher and two baselines, per kind
of need and overall (make eval)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.client import patient_client
from search.measure.evaluation import JUDGED_SET, load_judged, report, run
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
        parser.add_argument(
            "--judged",
            default=str(JUDGED_SET),
            help="The judged set to evaluate (default: the tuning set). "
            "tests/relevance/heldout_needs.jsonl is the held-out set: report it, never tune on it.",
        )

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, **options):
        try:
            judged = load_judged(Path(options["judged"]))
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read the judged set {options['judged']}: {error}") from None
        try:
            results = run(judged)
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch is unreachable: {str(error)[:200]}") from None
        self.stdout.write(report(results, failures=options["failures"]))
