"""The daily jobs and when they run: the scheduler's list (:mod:`cms.schedule`).

Each job is a task on the ``jobs`` queue of the task queue, so it runs in a
worker (``manage.py worker``), once a day however many workers there are, and
waits in the database while none runs. The work itself lives with its subject;
this list only says what runs when, which is why it stands on the wiring floor.
Times are the site's (Europe/Warsaw).
"""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from cms import freshness, notices
from cms.schedule import DailyJob
from partners import needs


@task(backend="queue", queue_name="jobs")
def send_digests() -> int:
    """The morning e-mail with what each person takes daily and has not read."""
    return notices.send_digests()


@task(backend="queue", queue_name="jobs")
def expire_needs() -> int:
    """Needs whose deadline passed yesterday or earlier become expired."""
    return needs.expire_needs(timezone.localdate())


@task(backend="queue", queue_name="jobs")
def freshness_reminders() -> int:
    """Ask the members of profiles not confirmed for a year whether they are still right."""
    return freshness.send_reminders(timezone.localdate())


DAILY_JOBS = [
    # Just after midnight: a need whose deadline was yesterday is no longer offered today.
    DailyJob("expire_needs", expire_needs, dt.time(0, 10)),
    DailyJob("send_digests", send_digests, dt.time(7, 0)),
    DailyJob("freshness_reminders", freshness_reminders, dt.time(8, 0)),
]
