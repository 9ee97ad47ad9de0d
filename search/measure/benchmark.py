"""Benchmark of the matcher: bulk indexing throughput and match latency, API versus direct.

``make bench`` runs :func:`run` for synthetic directories of 10,000 and
100,000 cooperatives. Each size is indexed into its own indices (the
prefix ``<prefix>-bench``), then the same needs are matched twice per round:

* **direct** — the query the matcher builds, sent straight to Elasticsearch;
* **API** — ``GET /api/v1/match`` over HTTP from a gunicorn process of this
  project pointed at the same indices.

Latencies are wall-clock on the client, reported as p50/p95 and as the
ratio of the API's p95 to the direct p95 (target: API p95 ≤ 1.5 x direct
p95 + 15 ms). Indexing throughput counts Python analysis and the bulk
requests together (target: ≥ 2,000 documents/s).
"""

import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from elasticsearch.helpers import parallel_bulk

from cooperatives.models import Capability, CooperativePage
from search.analysis import analyse
from search.client import get_client
from search.documents import CooperativeDocument, index_settings
from search.measure.evaluation import load_judged
from search.query import MatchRequest, build_search, taxonomy_and_lexicon

BASE_DIR = Path(__file__).resolve().parents[2]
CHUNK = 2000
QUERIES = 200
PORT = 8765


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
        return self.api_p95_ms <= 1.5 * self.direct_p95_ms + 15


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def synthetic_documents(size: int, seed: int = 7):
    """Cooperatives shaped like the demo ones: words, capabilities and places drawn at random."""

    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    capabilities = list(Capability.objects.all())
    corpus = [
        word
        for text in CooperativePage.objects.listed().values_list("description", flat=True)
        for word in text.split()
    ] or ["szyjemy", "pakujemy", "sprzątamy"]
    for number in range(size):
        chosen = rng.sample(capabilities, k=rng.randint(1, 3))
        words = " ".join(rng.choices(corpus, k=40))
        labels = " ".join(f"{c.label_pl} {c.label_en} {' '.join(c.term_list())}" for c in chosen)
        text_stems, text_folded = analyse(f"{words}\n{labels}")
        yield {
            "_id": number,
            "slug": f"bench-{number}",
            "name": f"Spółdzielnia Socjalna nr {number}",
            "url": "",
            "description": words,
            "city": "",
            "voivodeship": f"{rng.choice(range(2, 33, 2)):02d}",
            "capabilities": [c.code for c in chosen],
            "certifications": rng.sample(["haccp", "sanepid", "iso9001"], k=rng.randint(0, 2)),
            "location": {"lat": rng.uniform(49.2, 54.7), "lon": rng.uniform(14.2, 24.0)},
            "service_radius_km": rng.choice([20, 50, 100, 300]),
            "accepts_orders": rng.random() > 0.1,
            "stems": text_stems,
            "folded": text_folded,
        }


def build_index(size: int) -> float:
    """Index ``size`` synthetic cooperatives behind the alias; return documents per second."""
    client = get_client()
    alias = CooperativeDocument.alias_name()
    name = f"{alias}-{size}"
    client.indices.delete(index=name, ignore_unavailable=True)
    index = CooperativeDocument._index.clone(name=name)
    index.settings(**index_settings(), refresh_interval="-1")
    index.create(using=client)
    started = time.perf_counter()
    actions = ({**doc, "_index": name} for doc in synthetic_documents(size))
    for ok, item in parallel_bulk(
        client, actions, chunk_size=CHUNK, thread_count=2, request_timeout=120
    ):
        if not ok:
            raise RuntimeError(f"indexing failed: {item}")
    elapsed = time.perf_counter() - started
    client.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
    client.indices.refresh(index=name)
    actions = (
        [{"remove": {"index": f"{alias}-*", "alias": alias}}]
        if client.indices.exists_alias(name=alias)
        else []
    )
    client.indices.update_aliases(actions=[*actions, {"add": {"index": name, "alias": alias}}])
    return size / elapsed


def _needs() -> list[MatchRequest]:
    judged = load_judged()
    needs = []
    for item in (judged * (QUERIES // len(judged) + 1))[:QUERIES]:
        near = item.near or {}
        needs.append(MatchRequest(item.query, lat=near.get("lat"), lon=near.get("lon"), limit=10))
    return needs


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
        params = {"q": need.text, "limit": need.limit}
        if need.located:
            params.update(lat=need.lat, lon=need.lon)
        url = f"http://127.0.0.1:{PORT}/api/v1/match?{urllib.parse.urlencode(params)}"
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            json.load(response)
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
        env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
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


def run(sizes: list[int], progress=print) -> list[SizeResult]:
    needs = _needs()
    results = []
    server = start_api_server()
    try:
        for size in sizes:
            progress(f"indexing {size:,} synthetic cooperatives…")
            rate = build_index(size)
            time_direct(needs[:20])  # warm both paths
            time_api(needs[:20])
            progress(f"timing {len(needs)} matches, direct and through the API…")
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
    finally:
        server.terminate()
        server.wait(timeout=30)
        client = get_client()
        client.indices.delete(
            index=f"{CooperativeDocument.alias_name()}-*", ignore_unavailable=True
        )
    return results


def report(results: list[SizeResult]) -> str:
    lines = [
        "| cooperatives | indexing docs/s | direct p50 / p95 ms | API p50 / p95 ms | "
        "API p95 ÷ direct p95 | target met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.size:,} | {r.docs_per_second:,.0f} | {r.direct_p50_ms:.1f} / "
            f"{r.direct_p95_ms:.1f} | {r.api_p50_ms:.1f} / {r.api_p95_ms:.1f} | "
            f"{r.ratio:.2f} | {'yes' if r.meets_target and r.docs_per_second >= 2000 else 'no'} |"
        )
    return "\n".join(lines)
