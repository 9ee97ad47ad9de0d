"""``python manage.py sync_index [--loop | --status | --retry-parked]``: the index outbox.

Once, or as a worker (``--loop``); ``--status`` reports what waits and what
Elasticsearch kept refusing (parked); ``--retry-parked`` queues those again.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from search.client import patient_client
from search.sync import IndexUnavailable, apply_pending, parked, pending_count
from search.sync import retry_parked as retry_parked_tasks


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
        parser.add_argument(
            "--status",
            action="store_true",
            help="report waiting and parked changes",
        )
        parser.add_argument(
            "--retry-parked", action="store_true", help="queue the parked changes again"
        )

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, loop, interval, status, retry_parked, **options):
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        if status:
            return self._status()
        if retry_parked:
            self.stdout.write(f"{retry_parked_tasks()} parked change(s) queued again")
            return None
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

    def _status(self) -> None:
        """What waits, and each parked change with its last error (the first 20). Exits 1
        when something is parked, so a monitoring check can alert on it."""
        stuck = parked()
        self.stdout.write(f"{pending_count()} change(s) waiting, {stuck.count()} parked")
        for task in stuck[:20]:
            self.stdout.write(
                f"parked {task.kind} #{task.object_id} since {task.parked_at:%Y-%m-%d %H:%M} "
                f"after {task.attempts} attempt(s): {task.last_error[:200]}"
            )
        if stuck.exists():
            raise CommandError("some changes are parked; fix the cause, then --retry-parked")
