"""Matching under load while the cluster loses a node and gets it back (``make cluster-test``).

``manage.py cluster_test`` runs :func:`run` in a process whose environment
names a cluster of three nodes (first node first) with a replica of every
shard, and hands it the cluster to stop and start nodes with, so the engine
never imports the dev tooling. While a few threads keep matching, the first
node of ``ELASTICSEARCH_URL`` is stopped — once with SIGTERM (a clean
shutdown), once with SIGKILL (a crash) — matching goes on for about 20 s
while new cooperatives are published through the outbox, then the node is
started again and the cluster is waited for until green.

The threads take the judged needs in turn. Even-numbered threads call
:func:`search.query.match` in this process; odd-numbered ones ask
``GET /api/v1/match`` of a gunicorn of this project started for the run (its
own processes and clients), so both the engine and the web tier meet the
outage. Every answer is timed and filed under the phase it started in.

It passes when no match failed (an exception, or an HTTP status other than
200), every cooperative published during an outage is in the index, the
index holds exactly the publicly listed cooperatives, and the outbox is
empty. Answers are also compared with the healthy cluster's answer to the
same need: a search whose shard copy goes away mid-search may come back
shorter without an error, so the report counts and lists any that differ.
"""

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils.text import slugify

from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativeIndexPage, CooperativePage
from search.client import get_client, nodes
from search.documents import CooperativeDocument
from search.measure.evaluation import load_judged
from search.query import MatchRequest, match
from search.sync import IndexUnavailable, flush, pending_count

BASE_DIR = Path(__file__).resolve().parents[2]
PUBLISHED_PER_OUTAGE = 5


@dataclass
class Answer:
    phase: str
    ms: float
    error: str = ""  # empty when answered
    # Answered, but not what the healthy cluster answered: how (for the report).
    difference: str = ""
    at: float = 0  # time.monotonic() when asked


@dataclass
class Round:
    """One loss of the first node: how it went and how long each step took (seconds)."""

    how: str
    master: str  # the elected master when the node was stopped
    signalled_at: float = 0  # time.monotonic()
    stop_s: float = 0  # signal sent → process gone
    down_s: float = 0  # signal sent → start again
    rejoin_s: float = 0  # start again → the node is back in the cluster
    green_s: float = 0  # the node is back → green
    published: list[int] = field(default_factory=list)
    flush_waits: int = 0  # flush() calls that found Elasticsearch unavailable


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Load:
    """Threads matching the judged needs in turn until stopped; each answer is kept with the
    phase it started in, and compared with the first answer to the same need on the same path
    (given by the healthy cluster, before anything is stopped)."""

    def __init__(self, threads: int, api_url: str) -> None:
        self.needs = [
            (item.query, (item.near or {}).get("lat"), (item.near or {}).get("lon"))
            for item in load_judged()
        ]
        self.api_url = api_url
        self.phase = "before"
        self.answers: list[Answer] = []
        self._healthy: dict[tuple[str, int], list[str]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads = [
            threading.Thread(target=self._work, args=(number,), daemon=True)
            for number in range(threads)
        ]

    def learn_healthy_answers(self) -> None:
        """Ask every need once on each path while the cluster is whole: the yardstick.

        Also the warm-up; a first question that meets cold caches on a busy
        machine may time out, so each is asked up to three times.
        """
        for index, need in enumerate(self.needs):
            for path, ask in (("direct", self._direct), ("api", self._api)):
                for attempt in range(3):
                    try:
                        self._healthy[(path, index)] = sorted(ask(*need))
                        break
                    except Exception:
                        if attempt == 2:
                            raise
                        time.sleep(2)

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(timeout=120)

    def _direct(self, text: str, lat, lon) -> list[str]:
        return [item.slug for item in match(MatchRequest(text, lat=lat, lon=lon)).results]

    def _api(self, text: str, lat, lon) -> list[str]:
        params = {"q": text} | ({"lat": lat, "lon": lon} if lat is not None else {})
        url = f"{self.api_url}/api/v1/match?{urllib.parse.urlencode(params)}"
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - loopback
            return [item["slug"] for item in json.load(response)["results"]]

    def _work(self, number: int) -> None:
        path, ask = ("api", self._api) if number % 2 else ("direct", self._direct)
        turn = number * 7  # threads start at different needs
        try:
            while not self._stopping.is_set():
                index = turn % len(self.needs)
                turn += 1
                phase = self.phase
                at = time.monotonic()
                started = time.perf_counter()
                try:
                    slugs = ask(*self.needs[index])
                # Whatever goes wrong is a failed match to count, never a thread that dies.
                except Exception as error:
                    answer = Answer(phase, 0, f"{type(error).__name__}: {error}"[:300], at=at)
                else:
                    answer = Answer(phase, (time.perf_counter() - started) * 1000, at=at)
                    healthy = self._healthy[(path, index)]
                    if sorted(slugs) != healthy:
                        answer.difference = (
                            f"{path} need #{index}: {len(slugs)} results instead of "
                            f"{len(healthy)}, {len(set(healthy) - set(slugs))} missing"
                        )
                with self._lock:
                    self.answers.append(answer)
        finally:
            connection.close()  # this thread's own database connection

    def in_phase(self, phase: str) -> list[Answer]:
        with self._lock:
            return [answer for answer in self.answers if answer.phase == phase]


def publish_cooperative(name: str) -> int:
    """Create and publish a cooperative as an editor would; the outbox takes it from there.

    It does not accept orders, so it never enters a match and the answers of
    the healthy cluster stay the yardstick; it is indexed all the same.
    """
    with transaction.atomic():
        page = CooperativePage(
            title=f"Spółdzielnia Socjalna Klaster {name}",
            slug=slugify(f"ss-klaster-{name}"),
            description="Opieka wytchnieniowa nad osobami starszymi (próba skalowania).",
            city="Poznań",
            voivodeship=Voivodeship.objects.get(teryt="30"),
            accepts_orders=False,
        )
        CooperativeIndexPage.add_profile(page)
        page.capabilities.set(Capability.objects.filter(code="care_services"))
        page.save_revision().publish()  # commits the index task; applied after the commit
    return page.pk


def _flush(round_: Round) -> None:
    try:
        flush()
    except IndexUnavailable:
        round_.flush_waits += 1  # the tasks stay queued; the next flush applies them


def lose_first_node(cluster, load: Load, how: signal.Signals, outage_s: float) -> Round:
    """Stop the first node with ``how``, publish while it is away, start it, wait for green."""
    first = cluster.node(1)
    round_ = Round(how=how.name, master=cluster.master())
    load.phase = f"{how.name}: node 1 down"
    stopped = round_.signalled_at = time.monotonic()
    first.stop(how)
    round_.stop_s = time.monotonic() - stopped
    for number in range(PUBLISHED_PER_OUTAGE):
        wait = stopped + outage_s * number / PUBLISHED_PER_OUTAGE - time.monotonic()
        time.sleep(max(0, wait))
        round_.published.append(publish_cooperative(f"{how.name} {number + 1}"))
        _flush(round_)
    time.sleep(max(0, stopped + outage_s - time.monotonic()))
    load.phase = f"{how.name}: node 1 starting"
    restarted = time.monotonic()
    round_.down_s = restarted - stopped
    cluster.start(1)
    cluster.wait_for(None, timeout=600)
    rejoined = time.monotonic()
    round_.rejoin_s = rejoined - restarted
    load.phase = f"{how.name}: node 1 back, not green"
    cluster.wait_for("green", timeout=600)
    round_.green_s = time.monotonic() - rejoined
    load.phase = f"{how.name}: after"
    return round_


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_web() -> tuple[subprocess.Popen, str]:
    """A gunicorn of this project (2 workers) with this process's environment."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=os.environ.copy(),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v1/openapi.json", timeout=5)  # noqa: S310
            return server, url
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the web server for the cluster test did not start")


def check_index(published: list[int]) -> list[str]:
    """What is wrong with the index after the run (nothing, when it passes)."""
    deadline = time.monotonic() + 300
    while pending_count():
        if time.monotonic() > deadline:
            return [f"{pending_count()} change(s) still queued in the outbox"]
        try:
            flush()
        except IndexUnavailable:
            time.sleep(2)
    flush()
    client = get_client()
    alias = CooperativeDocument.alias_name()
    problems = []
    docs = client.mget(index=alias, ids=[str(pk) for pk in published])["docs"]
    missing = [doc["_id"] for doc in docs if not doc.get("found")]
    if missing:
        problems.append(f"published during an outage but not in the index: {missing}")
    indexed = client.count(index=alias)["count"]
    listed = CooperativePage.objects.listed().count()
    if indexed != listed:
        problems.append(f"the index holds {indexed} cooperatives, PostgreSQL lists {listed}")
    return problems


def _phase_line(phase: str, answers: list[Answer]) -> str:
    answered = [answer.ms for answer in answers if not answer.error]
    failed = len(answers) - len(answered)
    differing = sum(bool(answer.difference) for answer in answers)
    timing = (
        f"{statistics.median(answered):.0f} / {_percentile(answered, 0.95):.0f}"
        if answered
        else "-"
    )
    return f"| {phase} | {len(answered)} | {failed} | {differing} | {timing} |"


@dataclass
class Outcome:
    report: str
    problems: list[str]


def run(cluster, threads: int, outage_s: float, calm_s: float, progress=print) -> Outcome:
    """The measured part of ``make cluster-test``; the cluster is formed, the demo indexed."""
    urls = nodes()
    if urls[:1] != [cluster.node(1).url]:
        raise RuntimeError(f"ELASTICSEARCH_URL must list {cluster.node(1).url} first: {urls}")
    server, api_url = start_web()
    load = Load(threads, api_url)
    rounds = []
    try:
        progress("asking every judged need once, directly and through the API…")
        load.learn_healthy_answers()
        load.start()
        progress(f"matching from {threads} threads for {calm_s:.0f} s on the healthy cluster…")
        time.sleep(calm_s)
        for how in (signal.SIGTERM, signal.SIGKILL):
            progress(f"stopping node 1 ({cluster.node(1).url}) with {how.name}…")
            rounds.append(lose_first_node(cluster, load, how, outage_s))
            progress(f"green again; matching {calm_s:.0f} s more…")
            time.sleep(calm_s)
    finally:
        load.stop()
        server.terminate()
        server.wait(timeout=60)
    problems = check_index([pk for round_ in rounds for pk in round_.published])
    phases = ["before"] + [
        f"{round_.how}: {stage}"
        for round_ in rounds
        for stage in ("node 1 down", "node 1 starting", "node 1 back, not green", "after")
    ]
    lines = [
        "| phase | matches answered | failed | answer differed | p50 / p95 ms |",
        "|---|---|---|---|---|",
        *(_phase_line(phase, load.in_phase(phase)) for phase in phases),
        "",
        "| node 1 stopped with | master then | process gone | down for | restart → "
        "rejoined | rejoined → green | published while away | flushes that waited |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rounds:
        lines.append(
            f"| {r.how} | {r.master} | {r.stop_s:.1f} s | {r.down_s:.1f} s | {r.rejoin_s:.1f} s "
            f"| {r.green_s:.1f} s | {len(r.published)} | {r.flush_waits} |"
        )
    failed = [answer for answer in load.answers if answer.error]
    if failed:
        errors = sorted({answer.error for answer in failed})
        problems.append(f"{len(failed)} match(es) failed, e.g. {errors[:3]}")
    differing = [answer for answer in load.answers if answer.difference]
    if differing:
        lines += ["", "Answers that differed from the healthy cluster's:"]
        for answer in differing:
            since = max(
                (r for r in rounds if r.signalled_at <= answer.at),
                key=lambda r: r.signalled_at,
                default=None,
            )
            when = f"{answer.at - since.signalled_at:.1f} s after {since.how}" if since else ""
            lines.append(f"- {answer.phase}, {when}: {answer.difference}")
    return Outcome("\n".join(lines), problems)
