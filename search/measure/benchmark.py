"""Benchmark of the matcher: bulk indexing throughput, match latency (API versus direct), and a
full reindex behind the alias while matches keep arriving.

``make bench`` runs :func:`run` for synthetic directories of 10,000,
100,000 and 1,000,000 cooperatives. Each size is built the way
``rebuild_index`` builds an index — a new versioned index
(:func:`search.documents.create_versioned_index`), filled, then put behind the
alias in one atomic step (:func:`search.documents.move_alias`) — under the
prefix ``<prefix>-bench``. Then the same needs are matched twice per round:

* **direct** — the query the matcher builds, sent straight to Elasticsearch;
* **API** — ``GET /api/v1/match`` over HTTP from a gunicorn process of this
  project pointed at the same indices.

Latencies are wall-clock on the client, reported as p50/p95 and as the
ratio of the API's p95 to the direct p95 (target: API p95 ≤ 1.2 x direct
p95 + 5 ms). Indexing throughput counts Python analysis and the bulk
requests together (target: ≥ 2,000 documents/s).

**Reindex under load** (:func:`measure_reindex`, at the largest size unless
``--no-reindex``): a second complete index of the same directory is built
behind the alias and swapped in while a background thread sends matches
through the API without pause. A query fails when it raises, answers other
than 200, or returns a different number of results than before the reindex
(the data are the same, so any difference is a gap or a half-built index
seen). Target: 1,000,000 cooperatives in under 5 minutes, no failed query.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections
from elasticsearch.helpers import parallel_bulk

from cooperatives.models import Capability, CooperativePage
from search.analysis import analyse
from search.client import get_client
from search.documents import CooperativeDocument, create_versioned_index, move_alias
from search.measure.evaluation import load_judged
from search.query import MatchRequest, build_search, taxonomy_and_lexicon

BASE_DIR = Path(__file__).resolve().parents[2]
CHUNK = 2000
QUERIES = 200
PORT = 8765
MIN_DOCS_PER_SECOND = 2000
REINDEX_LIMIT_SECONDS = 300
# Matches keep arriving this long after the swap, to catch failures just after it.
AFTER_SWAP_SECONDS = 2.0


def latency_target_ms(direct_p95_ms: float) -> float:
    """The API p95 allowed for a direct p95: 1.2 x direct + 5 ms (issue 15)."""
    return 1.2 * direct_p95_ms + 5


@dataclass
class SizeResult:
    size: int
    docs_per_second: float
    direct_p50_ms: float
    direct_p95_ms: float
    api_p50_ms: float
    api_p95_ms: float

    @property
    def ratio(self) -> float:
        return self.api_p95_ms / self.direct_p95_ms

    @property
    def meets_target(self) -> bool:
        return self.api_p95_ms <= latency_target_ms(self.direct_p95_ms)

    @property
    def indexes_fast_enough(self) -> bool:
        return self.docs_per_second >= MIN_DOCS_PER_SECOND


@dataclass
class ReindexResult:
    size: int
    seconds: float
    sent: int
    failed: int
    p50_ms: float
    p95_ms: float
    failures: list[str] = field(default_factory=list)

    @property
    def meets_target(self) -> bool:
        return self.failed == 0 and self.sent > 0 and self.seconds < REINDEX_LIMIT_SECONDS


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _analysed_tokens(text: str) -> tuple[list[str], list[str]]:
    text_stems, text_folded = analyse(text)
    return text_stems.split(), text_folded.split()


def synthetic_documents(size: int, seed: int = 7):
    """Cooperatives shaped like the demo ones: words, capabilities and places drawn at random.

    Analysis splits on whitespace before it looks at a word, so the analysis
    of a text of space-joined words is the analyses of its words, in order:
    each corpus word and each capability's label text is analysed once, and a
    document's ``stems``/``folded`` are joined from those — the same strings
    :func:`search.analysis.analyse` gives for the whole text, at a fraction of
    the cost (a million documents need it).
    """

    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    capabilities = list(Capability.objects.order_by("code"))
    corpus = [
        word
        for text in CooperativePage.objects.listed()
        .order_by("pk")
        .values_list("description", flat=True)
        for word in text.split()
    ] or ["szyjemy", "pakujemy", "sprzątamy"]
    word_analysis = {word: _analysed_tokens(word) for word in set(corpus)}
    label_text = {
        c.code: f"{c.label_pl} {c.label_en} {' '.join(c.term_list())}" for c in capabilities
    }
    label_analysis = {code: _analysed_tokens(text) for code, text in label_text.items()}
    for number in range(size):
        chosen = rng.sample(capabilities, k=rng.randint(1, 3))
        drawn = rng.choices(corpus, k=40)
        text_stems, text_folded = [], []
        for part in [
            *(word_analysis[word] for word in drawn),
            *(label_analysis[c.code] for c in chosen),
        ]:
            text_stems += part[0]
            text_folded += part[1]
        yield {
            "_id": number,
            "slug": f"bench-{number}",
            "name": f"Spółdzielnia Socjalna nr {number}",
            "url": "",
            "description": " ".join(drawn),
            "city": "",
            "voivodeship": f"{rng.choice(range(2, 33, 2)):02d}",
            "capabilities": [c.code for c in chosen],
            "certifications": rng.sample(["haccp", "sanepid", "iso9001"], k=rng.randint(0, 2)),
            "location": {"lat": rng.uniform(49.2, 54.7), "lon": rng.uniform(14.2, 24.0)},
            "service_radius_km": rng.choice([20, 50, 100, 300]),
            "accepts_orders": rng.random() > 0.1,
            "stems": " ".join(text_stems),
            "folded": " ".join(text_folded),
        }


def fill_new_index(size: int) -> tuple[str, float]:
    """A new versioned cooperative index holding ``size`` synthetic cooperatives, refreshed and
    searchable but not yet behind the alias; returns its name and the documents per second."""
    client = get_client()
    name = create_versioned_index(CooperativeDocument)
    # While it is built nobody reads the index, and a crash means building it again: no
    # refreshes (segments nobody searches) and no fsync of the translog per bulk request.
    client.indices.put_settings(
        index=name, settings={"refresh_interval": "-1", "translog.durability": "async"}
    )
    started = time.perf_counter()
    actions = ({**doc, "_index": name} for doc in synthetic_documents(size))
    bulk_client = client.options(request_timeout=120)
    for ok, item in parallel_bulk(bulk_client, actions, chunk_size=CHUNK, thread_count=2):
        if not ok:
            raise RuntimeError(f"indexing failed: {item}")
    client.indices.put_settings(
        index=name, settings={"refresh_interval": "1s", "translog.durability": "request"}
    )
    client.indices.refresh(index=name)
    return name, size / (time.perf_counter() - started)


def build_index(size: int) -> float:
    """Index ``size`` synthetic cooperatives behind the alias (the index it had is deleted);
    return documents per second."""
    name, rate = fill_new_index(size)
    move_alias(CooperativeDocument, name)
    return rate


class QueryLoad:
    """A background thread asking ``ask`` about each need in turn, without pause, until stopped.

    ``expected`` holds each need's result count before the measured change; an
    answer that raises or counts differently is a failure (kept, first ten
    described).
    """

    def __init__(self, ask: Callable[[MatchRequest], int], needs: list[MatchRequest], expected):
        self.ask, self.needs, self.expected = ask, needs, expected
        self.timings: list[float] = []
        self.failed = 0
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bench-query-load", daemon=True)

    def _loop(self) -> None:
        turn = 0
        while not self._stop.is_set():
            index = turn % len(self.needs)
            turn += 1
            started = time.perf_counter()
            try:
                count = self.ask(self.needs[index])
                problem = (
                    None
                    if count == self.expected[index]
                    else f"{count} results, {self.expected[index]} before"
                )
            except Exception as error:  # every failure is counted; none may stop the load
                problem = f"{type(error).__name__}: {str(error)[:120]}"
            self.timings.append((time.perf_counter() - started) * 1000)
            if problem:
                self.failed += 1
                if len(self.failures) < 10:
                    self.failures.append(f"{self.needs[index].text!r}: {problem}")
        connections.close_all()  # an asker that read the database leaves no connection open

    def __enter__(self) -> "QueryLoad":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join(timeout=60)


def measure_reindex(
    size: int,
    ask: Callable[[MatchRequest], int],
    needs: list[MatchRequest],
    after_swap_seconds: float = AFTER_SWAP_SECONDS,
) -> ReindexResult:
    """Rebuild the alias's index of ``size`` cooperatives while ``ask`` is called in a loop."""
    expected = [ask(need) for need in needs]
    started = time.perf_counter()
    with QueryLoad(ask, needs, expected) as load:
        name, _rate = fill_new_index(size)
        move_alias(CooperativeDocument, name)
        seconds = time.perf_counter() - started
        time.sleep(after_swap_seconds)
    timings = load.timings or [0.0]
    return ReindexResult(
        size=size,
        seconds=seconds,
        sent=len(load.timings),
        failed=load.failed,
        p50_ms=statistics.median(timings),
        p95_ms=_percentile(timings, 0.95),
        failures=load.failures,
    )


def _needs() -> list[MatchRequest]:
    judged = load_judged()
    needs = []
    for item in (judged * (QUERIES // len(judged) + 1))[:QUERIES]:
        near = item.near or {}
        needs.append(MatchRequest(item.query, lat=near.get("lat"), lon=near.get("lon"), limit=10))
    return needs


def ask_direct(need: MatchRequest) -> int:
    """The matcher's query for ``need`` sent straight to Elasticsearch; the number of hits."""
    taxonomy, lexicon = taxonomy_and_lexicon()
    codes = taxonomy.capabilities_in(need.text, lexicon)
    return len(build_search(need, codes, lexicon).execute().hits)


def ask_api(need: MatchRequest) -> int:
    """``GET /api/v1/match`` for ``need``; the number of results (a non-200 answer raises)."""
    params = {"q": need.text, "limit": need.limit}
    if need.located:
        params.update(lat=need.lat, lon=need.lon)
    url = f"http://127.0.0.1:{PORT}/api/v1/match?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return len(json.load(response)["results"])


def time_direct(needs: list[MatchRequest]) -> list[float]:
    taxonomy, lexicon = taxonomy_and_lexicon()
    timings = []
    for need in needs:
        codes = taxonomy.capabilities_in(need.text, lexicon)
        search = build_search(need, codes, lexicon)
        started = time.perf_counter()
        search.execute()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_api(needs: list[MatchRequest]) -> list[float]:
    timings = []
    for need in needs:
        started = time.perf_counter()
        ask_api(need)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def start_api_server() -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "ELASTICSEARCH_INDEX_PREFIX": settings.ELASTICSEARCH_INDEX_PREFIX,
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/v1/openapi.json", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the API server did not start")


def run(
    sizes: list[int], reindex: bool = True, progress=print
) -> tuple[list[SizeResult], list[ReindexResult]]:
    """Measure every size; with ``reindex``, rebuild the largest under load at the end."""
    needs = _needs()
    analyse("szyjemy sewing")  # loads the lemmatiser's dictionaries, a one-off not per document
    results, reindexes = [], []
    server = start_api_server()
    try:
        for size in sizes:
            progress(f"indexing {size:,} synthetic cooperatives…")
            rate = build_index(size)
            time_direct(needs[:20])  # warm both paths
            time_api(needs[:20])
            progress(
                f"{rate:,.0f} docs/s; timing {len(needs)} matches, direct and through the API…"
            )
            direct, api = [], []
            for need in needs:  # interleaved, so both see the same machine state
                direct += time_direct([need])
                api += time_api([need])
            results.append(
                SizeResult(
                    size=size,
                    docs_per_second=rate,
                    direct_p50_ms=statistics.median(direct),
                    direct_p95_ms=_percentile(direct, 0.95),
                    api_p50_ms=statistics.median(api),
                    api_p95_ms=_percentile(api, 0.95),
                )
            )
            progress(report(results[-1:]).splitlines()[-1])
        if reindex and sizes:
            size = max(sizes)
            if results[-1].size != size:
                build_index(size)
            progress(f"reindexing {size:,} behind the alias while matches arrive…")
            reindexes.append(measure_reindex(size, ask_api, needs))
            progress(reindex_report(reindexes))
    finally:
        server.terminate()
        server.wait(timeout=30)
        client = get_client()
        client.indices.delete(
            index=f"{CooperativeDocument.alias_name()}-*", ignore_unavailable=True
        )
    return results, reindexes


def _verdict(result: SizeResult) -> str:
    if result.meets_target and result.indexes_fast_enough:
        return "yes"
    latency = "latency yes" if result.meets_target else "latency no"
    indexing = "indexing yes" if result.indexes_fast_enough else "indexing no"
    return f"{latency}; {indexing}"


def report(results: list[SizeResult]) -> str:
    lines = [
        "| cooperatives | indexing docs/s | direct p50 / p95 ms | API p50 / p95 ms | "
        "API p95 ÷ direct p95 | API p95 allowed (1.2 x direct + 5) ms | targets met |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.size:,} | {r.docs_per_second:,.0f} | {r.direct_p50_ms:.1f} / "
            f"{r.direct_p95_ms:.1f} | {r.api_p50_ms:.1f} / {r.api_p95_ms:.1f} | "
            f"{r.ratio:.2f} | {latency_target_ms(r.direct_p95_ms):.1f} | {_verdict(r)} |"
        )
    return "\n".join(lines)


def reindex_report(results: list[ReindexResult]) -> str:
    lines = [
        "| cooperatives reindexed | wall time s | matches sent during it | failed | "
        "p50 / p95 ms during it | target met (< 300 s, 0 failed) |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.size:,} | {r.seconds:.0f} | {r.sent:,} | {r.failed} | "
            f"{r.p50_ms:.1f} / {r.p95_ms:.1f} | {'yes' if r.meets_target else 'no'} |"
        )
        lines += [f"  failed: {failure}" for failure in r.failures]
    return "\n".join(lines)
