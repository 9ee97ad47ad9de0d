"""``manage.py worker [--until-empty]``: the one background process beside the web processes.

It runs django-tasks' database worker over every queue of the "queue" backend
(``email``: e-mail delivery, :mod:`cms.mail`; ``jobs``: the daily jobs,
:mod:`cms.jobs`) and, once a minute, enqueues the daily jobs that are due
(:mod:`cms.schedule`). Run one or more per machine: they share the queue in
PostgreSQL (``SKIP LOCKED``), so no task and no daily job runs twice.

``--until-empty`` (or ``--once``) enqueues what is due, runs every task that is
ready, and exits: for tests, and to catch up by hand.

Run from code (``call_command("worker", stop=event)``), it stops when the
``threading.Event`` is set: it finishes the pass over the queue at hand and
returns. That is how a test runs the real worker in a thread of its own
process (signals reach only the main thread, so it sets no signal handlers
then); from the command line it stops on Ctrl+C or SIGTERM as before.
"""

import logging
import threading
import time

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks import task_backends
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands.db_worker import Worker

from cms import schedule
from cms.jobs import DAILY_JOBS

BACKEND = "queue"
SCHEDULE_EVERY = 60  # seconds between looks at the clock


class Command(BaseCommand):
    help = "Run queued tasks (e-mail, daily jobs) and enqueue the daily jobs when they are due."
    # For code only (see the module's docstring): the event that stops the loop, and seconds
    # between looks at the clock (a test's clock is minutes, not hours).
    stealth_options = ("stop", "schedule_every")

    def add_arguments(self, parser):
        parser.add_argument(
            "--until-empty",
            "--once",
            action="store_true",
            dest="until_empty",
            help="Enqueue the due jobs, run every ready task, then exit.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="Seconds to wait when no task is ready (default: 2).",
        )

    def handle(
        self,
        *args,
        until_empty=False,
        interval=2.0,
        verbosity=1,
        stop=None,
        schedule_every=SCHEDULE_EVERY,
        **options,
    ):
        self._log_to_stdout(verbosity)
        worker = Worker(
            queue_names=sorted(task_backends[BACKEND].queues),
            interval=0,
            batch=True,  # Worker.run returns when nothing is ready; this loop goes on
            backend_name=BACKEND,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if until_empty:
            self._enqueue_due()
            worker.run()
            return
        if stop is None:
            # Ctrl+C or SIGTERM: finish the task at hand, then stop (the worker's own handling).
            worker.configure_signals()
            stop = threading.Event()  # never set: the signals stop this worker
        self.stdout.write(
            f"worker: queues {', '.join(worker.queue_names)}, daily jobs "
            f"{', '.join(job.name for job in DAILY_JOBS)}"
        )
        last_look = None
        while worker.running and not stop.is_set():
            if last_look is None or time.monotonic() - last_look >= schedule_every:
                self._enqueue_due()
                last_look = time.monotonic()
            worker.run()
            if worker.running:
                stop.wait(interval)  # a sleep that the stop event cuts short

    def _enqueue_due(self) -> None:
        for name in schedule.enqueue_due(DAILY_JOBS):
            self.stdout.write(f"enqueued the daily job {name}")

    def _log_to_stdout(self, verbosity: int) -> None:
        """Each task started and finished (django-tasks' log); the worker's own start and stop
        of every pass over the queue only with -v 2, or they would fill the log every 2 s."""
        quiet = {0: logging.CRITICAL, 1: logging.WARNING}.get(verbosity, logging.DEBUG)
        tasks = {0: logging.CRITICAL}.get(verbosity, logging.INFO)
        for name, level in ((TASKS_LOGGER, tasks), ("django_tasks_db", quiet)):
            logger = logging.getLogger(name)
            logger.setLevel(level)
            if verbosity and not logger.handlers:
                logger.addHandler(logging.StreamHandler(self.stdout))
