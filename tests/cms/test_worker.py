"""``manage.py worker`` stops when told: from another thread through its stop event (how the
browser journeys run it beside the live server), and on SIGTERM from the command line as
in production. Nothing queued while it is stopped is lost or sent twice."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import jobs
from cms.models import ScheduledRun
from tests.cms.worker_thread import WorkerThread

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("baseline_site")]

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def eventually(check, timeout: float = 10.0):
    """Wait for ``check()`` to be true (the worker polls every 0.1 s here)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s: {check.__doc__ or check}")
        time.sleep(0.05)


def subjects():
    return sorted(message.subject for message in mail.outbox)


@pytest.mark.usefixtures("queued_mail")
def test_a_worker_thread_stops_when_told_and_the_mail_of_the_pause_waits_then_arrives_once():
    worker = WorkerThread().start()
    send_mail("First", "Sent while the worker runs.", None, ["anna@example.com"])
    eventually(lambda: subjects() == ["First"])

    worker.stop()
    assert not worker.running
    send_mail("Second", "Sent while no worker runs.", None, ["anna@example.com"])
    send_mail("Third", "Sent while no worker runs.", None, ["jan@example.com"])
    time.sleep(0.5)  # five of the worker's polls: it would have sent them by now
    assert subjects() == ["First"]
    assert DBTaskResult.objects.filter(status="READY", queue_name="email").count() == 2

    with WorkerThread():
        eventually(lambda: subjects() == ["First", "Second", "Third"])
    time.sleep(0.3)
    assert subjects() == ["First", "Second", "Third"]  # nothing twice
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_the_stop_event_cuts_the_wait_between_polls_short():
    worker = WorkerThread(interval=60).start()
    time.sleep(0.3)  # into its first minute-long wait
    started = time.monotonic()
    worker.stop(timeout=5)
    assert time.monotonic() - started < 5  # not the rest of the minute


def test_a_daily_job_that_falls_due_while_the_worker_runs_is_enqueued_and_run_once():
    far = timezone.now() + dt.timedelta(days=1)
    for job in jobs.DAILY_JOBS:
        ScheduledRun.objects.create(name=job.name, next_run=far)
    with WorkerThread(schedule_every=0.2) as worker:
        time.sleep(0.3)
        ScheduledRun.objects.filter(name="expire_needs").update(
            next_run=timezone.now() - dt.timedelta(minutes=1)
        )
        eventually(
            lambda: DBTaskResult.objects.filter(
                task_path="cms.jobs.expire_needs", status="SUCCESSFUL"
            ).exists()
        )
        time.sleep(0.5)  # more looks at the clock: not enqueued again
    assert "enqueued the daily job expire_needs" in worker.output.getvalue()
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "cms.jobs.expire_needs"
    ]
    assert ScheduledRun.objects.get(name="expire_needs").next_run > timezone.now()


def test_from_the_command_line_the_worker_stops_on_sigterm_without_waiting_out_its_sleep():
    database = django_settings.DATABASES["default"]
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    process = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "60"],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        first_line = process.stdout.readline()  # written once it is polling
        assert first_line.startswith("worker: queues email, jobs")
        time.sleep(1)  # into the minute-long wait between polls
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert time.monotonic() - sent < 10  # not the rest of the minute
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
