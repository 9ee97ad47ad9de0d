"""The real ``manage.py worker`` in a thread of the test process.

E-mail the worker delivers then lands in the same ``django.core.mail.outbox``
(locmem) that the test reads, and the web requests of ``live_server`` (another
thread) write the tasks to the same PostgreSQL database. The worker is stopped
through the command's stop event, and its thread's database connection is
closed so that the test database can be emptied and dropped.
"""

import io
import threading

from django.core.management import call_command
from django.db import connections


class WorkerThread:
    """``with WorkerThread():`` runs the worker for the block; ``start``/``stop`` by hand."""

    def __init__(self, interval: float = 0.1, schedule_every: float = 0.5):
        self.interval = interval
        self.schedule_every = schedule_every
        self.output = io.StringIO()
        self.failure: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> "WorkerThread":
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="worker", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 30) -> None:
        """Ask the worker to stop and wait until it has (it ends the pass at hand first)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError(f"the worker did not stop within {timeout} s")
        if self.failure is not None:
            raise RuntimeError("the worker failed") from self.failure

    def _run(self) -> None:
        try:
            call_command(
                "worker",
                interval=self.interval,
                schedule_every=self.schedule_every,
                stop=self._stop,
                verbosity=0,  # the loggers it would set up are the whole process's
                stdout=self.output,
            )
        except BaseException as error:  # reported by stop(), in the test's thread
            self.failure = error
        finally:
            connections.close_all()

    def __enter__(self) -> "WorkerThread":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
