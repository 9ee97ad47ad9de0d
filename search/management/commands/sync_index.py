"""``python manage.py sync_index [--loop]``: apply the index outbox (once, or as a worker)."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.sync import IndexUnavailable, apply_pending, pending_count


class Command(BaseCommand):
    help = (
        "Apply queued search-index changes. With --loop, keep doing it (several workers may "
        "run at once: each takes different rows)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="run until stopped")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="seconds between rounds (default 2)"
        )

    def handle(self, *args, loop, interval, **options):
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        while True:
            try:
                result = apply_pending(refresh=not loop)
            except IndexUnavailable as error:
                if not loop:
                    raise CommandError(
                        f"{error}; {pending_count()} change(s) stay queued for the next sync"
                    ) from None
                self.stderr.write(f"waiting for Elasticsearch: {str(error)[:200]}")
                time.sleep(max(interval, 10))
                continue
            if result.applied or not loop:
                self.stdout.write(
                    f"indexed {result.indexed}, removed {result.deleted}, {pending_count()} waiting"
                )
            if not loop:
                return
            time.sleep(interval)
