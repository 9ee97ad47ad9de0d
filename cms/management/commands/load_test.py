"""``python manage.py load_test``: the load test behind ``make load`` (not part of ``make test``).

It runs the site the way production does, on loopback, and drives it with
locust (``loadtest/locustfile.py``):

1. a database of its own, ``kooperacja_load`` on the PostgreSQL server this
   project uses, made afresh, with its cache table, migrated, and the demo
   directory imported and indexed under the index prefix ``load``;
2. the static files collected into a temporary folder, served by WhiteNoise;
3. gunicorn with the production settings (gthread workers), the index outbox
   worker (``sync_index --loop``) and the queue worker (``worker`` when the
   project has it, else the e-mail ``db_worker``), each a child process whose
   environment holds what ``cms.settings.production`` requires, with safe
   local values (a random ``SECRET_KEY``, ``ALLOWED_HOSTS`` of loopback, plain
   HTTP since no TLS proxy stands in front);
4. one request to each page that keeps figures (the site warmed as after a
   deployment's health check), then locust headless for the given time;
5. a Markdown table of requests/s and p50/p95/p99 per request name and the
   errors, read from locust's CSV files (kept under ``.local/load/``), judged
   against the targets: p95 under 300 ms for every name, no 5xx, and at least
   100 requests/s when 50 or more users run.

Whatever happens, the processes are stopped, the database dropped, the
indices deleted and the temporary folder removed. Exit 1 when a target was
missed.
"""

import csv
import os
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from search.client import delete_prefixed_indices, patient_client

BASE_DIR = Path(__file__).resolve().parents[3]
DATABASE = "kooperacja_load"
INDEX_PREFIX = "load"
DEMO = "cms/demo/directory.jsonl"
LOCUSTFILE = "loadtest/locustfile.py"
RESULTS = BASE_DIR / ".local" / "load"
# Pages whose figures are kept (cms.public_cache): asked once before the measured run.
WARM_UP = ("/", "/statistics/", "/map/", "/api/v1/map.geojson")
P95_TARGET_MS = 300
RATE_TARGET = 100
RATE_TARGET_USERS = 50


@dataclass
class Line:
    """One request name of locust's statistics."""

    name: str
    requests: int
    failures: int
    rate: float
    p50: float
    p95: float
    p99: float


@dataclass
class Run:
    """What one locust run measured."""

    lines: list[Line]
    errors: dict[str, int]
    load_before: float
    load_after: float
    setting: str = ""
    locust_cpu: float = 0.0
    site_cpu: float = 0.0


class Command(BaseCommand):
    help = (
        "Start the site as production runs it (gunicorn, workers, its own database and "
        "indices), drive it with locust headless, print the figures, then stop everything."
    )

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50, help="simulated people (50)")
        parser.add_argument("--spawn-rate", type=float, default=10, help="people started a second")
        parser.add_argument(
            "--time", dest="duration", default="10m", help="how long, as locust reads it (10m)"
        )
        parser.add_argument(
            "--port", type=int, default=0, help="loopback port of gunicorn (default: a free one)"
        )
        # Two cores: one process per core, threads to overlap the waits on PostgreSQL and
        # Elasticsearch (README, "Load test").
        parser.add_argument("--workers", type=int, default=2, help="gunicorn processes (2)")
        parser.add_argument("--threads", type=int, default=4, help="threads per process (4)")

    def handle(self, *args, users, spawn_rate, duration, port, workers, threads, **options):
        if users < 1 or spawn_rate <= 0 or workers < 1 or threads < 1:
            raise CommandError("--users, --spawn-rate, --workers and --threads must be positive")
        if find_spec("locust") is None:
            raise CommandError("locust is not installed: pip install -e '.[dev]' (or make load)")
        # A stop from outside (Ctrl-C, SIGTERM) still runs the clean-up below.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        scratch = Path(tempfile.mkdtemp(prefix="kooperacja-load-"))
        env = self._environment(scratch / "static")
        RESULTS.mkdir(parents=True, exist_ok=True)
        prefix = RESULTS / timezone.localtime().strftime("%Y%m%d-%H%M%S")
        # What the site's processes print (production logs at INFO) goes to a file.
        self.log = Path(f"{prefix}_site.log").open("w")  # noqa: SIM115 - closed below
        self.stderr.write(f"the site's output: {self.log.name}")
        processes: list[subprocess.Popen] = []
        try:
            self._prepare(env)
            port = port or _free_port()
            url = f"http://127.0.0.1:{port}"
            processes += self._start(env, port, workers, threads)
            self._wait_until_serving(url, processes)
            for path in WARM_UP:
                urllib.request.urlopen(url + path, timeout=120).read()  # noqa: S310 - loopback
            site_before, locust_before = _cpu_of(processes), _cpu_of_children()
            run = self._run_locust(url, prefix, users, spawn_rate, duration)
            run.site_cpu = _cpu_of(processes) - site_before
            run.locust_cpu = _cpu_of_children() - locust_before
            run.setting = f"{users} users; gunicorn {workers} processes of {threads} threads"
        finally:
            self._clean_up(processes, scratch)
            self.log.close()
        self._report(run, users)

    def _environment(self, static_root: Path) -> dict:
        db = connection.settings_dict
        login = quote(db["USER"] or "postgres")
        if db["PASSWORD"]:
            login += ":" + quote(db["PASSWORD"])
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://{login}@{db['HOST']}:{db['PORT']}/{DATABASE}",
            "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
            "ELASTICSEARCH_INDEX_PREFIX": INDEX_PREFIX,
            "ELASTICSEARCH_REPLICAS": "0",  # one local node
            "STATIC_ROOT": str(static_root),
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP: no TLS proxy on loopback
        }

    def _prepare(self, env: dict) -> None:
        _drop_data()  # what a run stopped by force may have left
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{DATABASE}"')
        self.stderr.write("collecting static files and importing the demo…")
        collecting = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            for arguments in (
                ("createcachetable",),
                ("migrate", "--no-input", "-v", "0"),
                ("import_directory", DEMO),
            ):
                self._child(env, *arguments)
        finally:
            if collecting.wait() != 0:
                raise CommandError(f"`manage.py collectstatic` failed; see {self.log.name}")

    def _child(self, env: dict, *arguments: str) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            check=False,
        )
        if result.returncode != 0:
            raise CommandError(
                f"`manage.py {arguments[0]}` failed (exit {result.returncode}); see {self.log.name}"
            )

    def _start(self, env: dict, port: int, workers: int, threads: int) -> list:
        queue_worker = (
            ["worker"]
            if "worker" in get_commands()
            else ["db_worker", "--backend", "queue", "--queue-name", "email"]
        )
        commands = [
            [
                *(sys.executable, "-m", "gunicorn", "cms.wsgi:application"),
                *("--bind", f"127.0.0.1:{port}", "--worker-class", "gthread"),
                *("--workers", str(workers), "--threads", str(threads)),
                # Longer than a visitor's pause, so that an idle keep-alive connection is
                # not closed just as the next request is sent (gunicorn's default is 2 s).
                *("--keep-alive", "5", "--log-level", "warning"),
            ],
            [sys.executable, "manage.py", "sync_index", "--loop"],
            [sys.executable, "manage.py", *queue_worker],
        ]
        self.stderr.write(
            f"starting gunicorn ({workers} processes, {threads} threads each), "
            f"sync_index --loop and {queue_worker[0]}…"
        )
        # Each in a session of its own, so stopping it stops its children too.
        return [
            subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            for command in commands
        ]

    def _wait_until_serving(self, url: str, processes: list) -> None:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if any(process.poll() is not None for process in processes):
                raise CommandError(f"a process of the site stopped while starting: {self.log.name}")
            try:
                urllib.request.urlopen(url + "/", timeout=10).read()  # noqa: S310 - loopback
                return
            except OSError:
                time.sleep(0.5)
        raise CommandError(f"the site did not answer at {url} within 180 s")

    def _run_locust(self, url: str, prefix: Path, users: int, spawn_rate: float, duration: str):
        self.stderr.write(
            f"locust: {users} users, {spawn_rate:g} started a second, for {duration}; "
            f"CSV files {prefix}_*.csv"
        )
        before = os.getloadavg()[0]
        result = subprocess.run(
            [
                *(sys.executable, "-m", "locust", "-f", LOCUSTFILE, "--headless"),
                *("--users", str(users), "--spawn-rate", str(spawn_rate), "--run-time", duration),
                *("--host", url, "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"),
                *("--loglevel", "WARNING", "--exit-code-on-error", "0"),
            ],
            cwd=BASE_DIR,
            check=False,
        )
        if result.returncode != 0:
            raise CommandError(f"locust failed (exit {result.returncode})")
        return Run(
            lines=_read_stats(Path(f"{prefix}_stats.csv")),
            errors=_read_errors(prefix),
            load_before=before,
            load_after=os.getloadavg()[0],
        )

    def _clean_up(self, processes: list, scratch: Path) -> None:
        self.stderr.write("stopping the site, dropping its database and indices…")
        for process in processes:
            _signal_group(process, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()
        shutil.rmtree(scratch, ignore_errors=True)
        _drop_data()

    def _report(self, run: Run, users: int) -> None:
        lines, errors = run.lines, run.errors
        total = next(line for line in lines if line.name == "Aggregated")
        self.stdout.write("")
        self.stdout.write("| request | requests | req/s | p50 ms | p95 ms | p99 ms | failures |")
        self.stdout.write("|---|---:|---:|---:|---:|---:|---:|")
        for line in lines:
            name = "**all**" if line is total else line.name
            self.stdout.write(
                f"| {name} | {line.requests} | {line.rate:.1f} | {line.p50:.0f} "
                f"| {line.p95:.0f} | {line.p99:.0f} | {line.failures} |"
            )
        self.stdout.write(
            f"\n{run.setting}; load average {run.load_before:.2f} before, {run.load_after:.2f} "
            f"after (1 min), {os.cpu_count()} cores"
        )
        # CPU time does not depend on what else the machine runs, unlike the rates above.
        self.stdout.write(
            f"CPU during the run: gunicorn and the workers {run.site_cpu:.1f} s, "
            f"{1000 * run.site_cpu / max(total.requests, 1):.1f} ms a request (PostgreSQL and "
            f"Elasticsearch not counted); locust {run.locust_cpu:.1f} s"
        )
        server_errors = sum(count for error, count in errors.items() if _is_server_error(error))
        for error, count in sorted(errors.items(), key=lambda item: -item[1]):
            self.stdout.write(f"error, {count} times: {error}")
        missed = [
            f"{line.name}: p95 {line.p95:.0f} ms ≥ {P95_TARGET_MS} ms"
            for line in lines
            if line is not total and line.p95 >= P95_TARGET_MS
        ]
        if server_errors:
            missed.append(f"{server_errors} server error(s) (5xx or no answer)")
        if users >= RATE_TARGET_USERS and total.rate < RATE_TARGET:
            missed.append(f"{total.rate:.1f} requests/s < {RATE_TARGET}")
        if missed:
            raise CommandError("targets missed:\n  " + "\n  ".join(missed))
        self.stdout.write(f"targets met: p95 < {P95_TARGET_MS} ms everywhere, no 5xx")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cpu_of(processes: list) -> float:
    """CPU seconds used so far by ``processes`` and everything they started (each leads a
    session of its own, so its process group), read from /proc (0 where there is none)."""
    groups, ticks = {process.pid for process in processes}, os.sysconf("SC_CLK_TCK")
    used = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            # After "(command)": state, ppid, pgrp, …; utime and stime are the 12th and 13th.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) in groups:
                used += int(fields[11]) + int(fields[12])
    return used / ticks


def _cpu_of_children() -> float:
    """CPU seconds of every process this one started and waited for, and of theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _read_stats(path: Path) -> list[Line]:
    with path.open(newline="") as stats:
        return [
            Line(
                name=row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rate=float(row["Requests/s"]),
                p50=_number(row["50%"]),
                p95=_number(row["95%"]),
                p99=_number(row["99%"]),
            )
            for row in csv.DictReader(stats)
        ]


def _read_errors(prefix: Path) -> dict[str, int]:
    """Locust's failures, "<name>: <error>" → how many."""
    with Path(f"{prefix}_failures.csv").open(newline="") as failures:
        return {
            f"{row['Name']}: {row['Error']}": int(row["Occurrences"])
            for row in csv.DictReader(failures)
        }


def _drop_data() -> None:
    """The load test's database and its indices, gone."""
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=INDEX_PREFIX), patient_client():
        delete_prefixed_indices()


def _signal_group(process: subprocess.Popen, number: int) -> None:
    """Signal ``process`` and whatever it started (its session); gone already is fine."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, number)


def _number(cell: str) -> float:
    return float(cell) if cell not in ("", "N/A") else 0.0


def _is_server_error(error: str) -> bool:
    """A 5xx answer, or none at all (refused, reset, timed out), as locust words them."""
    return "Server Error" in error or "HTTPError" not in error
