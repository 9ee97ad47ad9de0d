"""Scheduled work on the task queue: each daily job is enqueued once a day whatever the number
of workers, waits in PostgreSQL while no worker runs, and is done when one does."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import jobs, notices, schedule
from cms.models import ScheduledRun
from partners.models import Need, PartnerPage
from tests.cms.factories import UserFactory
from tests.partners.factories import NeedFactory

WARSAW = ZoneInfo("Europe/Warsaw")
DIGESTS = next(job for job in jobs.DAILY_JOBS if job.name == "send_digests")


def make_due(*names):
    """Each named job's next run an hour ago, as if the clock had passed it."""
    schedule.enqueue_due(jobs.DAILY_JOBS)  # the rows exist from the first look on
    ScheduledRun.objects.filter(name__in=names).update(
        next_run=timezone.now() - dt.timedelta(hours=1)
    )


def run_worker():
    call_command("worker", "--until-empty", verbosity=0)


def waiting(queue):
    return DBTaskResult.objects.filter(queue_name=queue, status="READY")


def test_the_digest_runs_at_seven_in_warsaw_summer_time_or_not():
    before_change = dt.datetime(2026, 3, 28, 8, 0, tzinfo=WARSAW)  # winter time, after 07:00
    assert DIGESTS.next_run_after(before_change) == dt.datetime(2026, 3, 29, 7, 0, tzinfo=WARSAW)
    assert DIGESTS.next_run_after(before_change).astimezone(dt.UTC).hour == 5  # summer time
    early = dt.datetime(2026, 12, 1, 6, 59, tzinfo=WARSAW)
    assert DIGESTS.next_run_after(early) == dt.datetime(2026, 12, 1, 7, 0, tzinfo=WARSAW)
    assert DIGESTS.next_run_after(early).astimezone(dt.UTC).hour == 6  # winter time
    at_seven = dt.datetime(2026, 12, 1, 7, 0, tzinfo=WARSAW)
    assert DIGESTS.next_run_after(at_seven).date() == dt.date(2026, 12, 2)


def test_a_new_job_waits_for_its_time_and_a_due_one_is_enqueued_once(db):
    assert schedule.enqueue_due(jobs.DAILY_JOBS) == []  # first look: rows made, none due yet
    assert sorted(ScheduledRun.objects.values_list("name", flat=True)) == [
        "expire_needs",
        "freshness_reminders",
        "send_digests",
    ]
    make_due("send_digests", "expire_needs")
    assert schedule.enqueue_due(jobs.DAILY_JOBS) == ["expire_needs", "send_digests"]
    assert sorted(waiting("jobs").values_list("task_path", flat=True)) == [
        "cms.jobs.expire_needs",
        "cms.jobs.send_digests",
    ]
    assert schedule.enqueue_due(jobs.DAILY_JOBS) == []  # a minute later: nothing more
    run = ScheduledRun.objects.get(name="send_digests")
    assert run.last_run is not None
    assert run.next_run.astimezone(WARSAW).time() == dt.time(7, 0)
    assert run.next_run > timezone.now()


def test_days_missed_while_no_worker_ran_are_made_up_once_not_once_a_day(db):
    schedule.enqueue_due(jobs.DAILY_JOBS)
    ScheduledRun.objects.filter(name="send_digests").update(
        next_run=timezone.now() - dt.timedelta(days=3)
    )
    assert schedule.enqueue_due(jobs.DAILY_JOBS) == ["send_digests"]
    assert waiting("jobs").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_second_worker_does_not_enqueue_a_job_the_first_one_holds():
    make_due("send_digests")
    holding, release = threading.Event(), threading.Event()
    first_enqueued = []

    def first_worker():
        try:
            with transaction.atomic():  # holds the row until this worker's transaction ends
                first_enqueued.extend(schedule.enqueue_due(jobs.DAILY_JOBS))
                holding.set()
                release.wait(timeout=30)
        finally:
            holding.set()
            connection.close()

    thread = threading.Thread(target=first_worker)
    thread.start()
    try:
        assert holding.wait(timeout=30)
        assert first_enqueued == ["send_digests"]
        with transaction.atomic(), connection.cursor() as cursor:
            # Waiting for the first worker would fail here, instead of passing when it ends.
            cursor.execute("SET LOCAL lock_timeout = '2s'")
            assert schedule.enqueue_due(jobs.DAILY_JOBS) == []  # the row is locked: skipped
    finally:
        release.set()
        thread.join(timeout=30)
    assert schedule.enqueue_due(jobs.DAILY_JOBS) == []  # and afterwards it is not due any more
    assert waiting("jobs").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_job_enqueued_while_no_worker_runs_is_done_when_the_worker_runs(settings):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    person = UserFactory()
    notices.notify([person], "new_need", "Szycie fartuchów, 2000 szt.")
    jobs.send_digests.enqueue()  # no worker is running: it waits in PostgreSQL
    assert waiting("jobs").count() == 1
    assert mail.outbox == []

    run_worker()  # runs the job, then the e-mail it queued on the other queue
    assert [message.to for message in mail.outbox] == [[person.email]]
    assert "Szycie fartuchów, 2000 szt." in mail.outbox[0].body
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_the_worker_runs_a_due_digest_once_a_day_however_often_it_runs():
    people = [UserFactory(), UserFactory()]
    notices.notify(people, "new_need", "Catering dla 150 osób w Gnieźnie")
    make_due("send_digests")
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in people)
    notices.notify(people, "new_need", "Pakowanie zestawów")  # later the same day
    run_worker()
    run_worker()
    assert len(mail.outbox) == 2  # tomorrow's digest will carry it


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_the_expiry_job_expires_needs_past_their_deadline(small_directory):
    today = timezone.localdate()
    company = PartnerPage.objects.get()
    late = NeedFactory(partner=company, deadline=today - dt.timedelta(days=1))
    current = NeedFactory(partner=company, deadline=today + dt.timedelta(days=1))
    make_due("expire_needs")
    run_worker()
    statuses = dict(Need.objects.values_list("pk", "status"))
    assert (statuses[late.pk], statuses[current.pk]) == ("expired", "open")
