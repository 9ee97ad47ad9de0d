"""A clock for the task queue: daily jobs enqueued once a day, however many workers run.

django-tasks queues work but has no scheduler. Each worker (``manage.py
worker``) calls :func:`enqueue_due` every minute with the list of jobs
(:mod:`cms.jobs`). A job's :class:`~cms.models.ScheduledRun` row says when it is
next due; the worker that locks a due row (``SELECT … FOR UPDATE SKIP
LOCKED``) enqueues the job and moves the row to the next day in the same
transaction, so a second worker either skips the locked row or sees it is no
longer due. A worker that was down for days enqueues each missed job once
when it returns, not once per missed day; and a job enqueued while no worker
runs waits in the database until one does.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import Task

from cms.models import ScheduledRun


@dataclass(frozen=True)
class DailyJob:
    """A task (with no arguments) run once a day at ``at``, the site's local time."""

    name: str
    task: Task
    at: dt.time

    def next_run_after(self, moment: dt.datetime) -> dt.datetime:
        """The first ``at`` o'clock, in the site's time zone, after ``moment``."""
        zone = ZoneInfo(settings.TIME_ZONE)
        local = moment.astimezone(zone)
        run = dt.datetime.combine(local.date(), self.at, tzinfo=zone)
        if run <= local:
            run = dt.datetime.combine(local.date() + dt.timedelta(days=1), self.at, tzinfo=zone)
        return run


def enqueue_due(jobs: list[DailyJob], now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose time has come and that no other worker holds; return their
    names. A job seen for the first time is due at its next ``at``."""
    now = now or timezone.now()
    by_name = {job.name: job for job in jobs}
    # Only rows that are missing are inserted: inserting over a row another worker holds would
    # wait for that worker (the unique index must know whether its change commits).
    known = set(ScheduledRun.objects.filter(name__in=by_name).values_list("name", flat=True))
    ScheduledRun.objects.bulk_create(
        [
            ScheduledRun(name=job.name, next_run=job.next_run_after(now))
            for job in jobs
            if job.name not in known
        ],
        ignore_conflicts=True,
    )
    with transaction.atomic():
        due = list(
            ScheduledRun.objects.select_for_update(skip_locked=True)
            .filter(name__in=by_name, next_run__lte=now)
            .order_by("name")
        )
        for run in due:
            job = by_name[run.name]
            job.task.enqueue()
            run.last_run = now
            run.next_run = job.next_run_after(now)
            run.save(update_fields=["last_run", "next_run"])
    return [run.name for run in due]
