"""Relevance evaluation: nDCG@5 and MRR of the matcher and two baselines, overall and per kind.

The judged set (``tests/relevance/judged_needs.jsonl``, described in the
README beside it) holds needs written the way buyers write them, each of
one kind (short, long e-mail, region, informal place, no diacritics, typo,
English, mixed, certificate, quantity, unusual words, nothing), with graded
judgements (3 ideal, 2 good, 1 marginal) made by reading the demo
directory's profiles. Metrics are computed here in Python (Elasticsearch's
``_rank_eval`` lives in a module the local node lacks):

* nDCG@5 with gain 2^grade - 1;
* MRR: 1 / rank of the first result graded 2 or more.

A need that should match nothing scores 1 on both when nothing is returned
and 0 otherwise: padding the list is a failure.

Baselines, in the same run: Wagtail's database search over the same pages,
and a plain Elasticsearch ``multi_match`` on the raw name and description.
Per-kind figures show where the matcher is weak; the overall row is what the
floor test guards.
"""

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch.helpers import bulk

from cooperatives.models import CooperativePage
from search.client import get_client, index_name
from search.examples import held_out
from search.query import MatchRequest, match

JUDGED_SET = Path(__file__).resolve().parents[2] / "tests" / "relevance" / "judged_needs.jsonl"
CUTOFF = 5
RELEVANT = 2
FAILURE_BELOW = 0.5


@dataclass
class Judged:
    """One judged need; ``kind`` is the file's ``category`` (how the need is written)."""

    id: str
    query: str
    kind: str
    near: dict | None
    radius_km: float | None
    certifications: list[str]
    grades: dict[str, int]


def load_judged(path: Path = JUDGED_SET) -> list[Judged]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            items.append(
                Judged(
                    id=raw["id"],
                    query=raw["query"],
                    kind=raw["category"],
                    near=raw.get("near"),
                    radius_km=raw.get("radius_km"),
                    certifications=raw.get("certifications", []),
                    grades=raw["judgements"],
                )
            )
    return items


def ndcg(ranked: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    if not grades:
        return 1.0 if not ranked else 0.0
    gain = sum(
        (2 ** grades.get(slug, 0) - 1) / math.log2(rank + 2)
        for rank, slug in enumerate(ranked[:cutoff])
    )
    ideal = sum(
        (2**grade - 1) / math.log2(rank + 2)
        for rank, grade in enumerate(sorted(grades.values(), reverse=True)[:cutoff])
    )
    return gain / ideal


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    if not grades:
        return 1.0 if not ranked else 0.0
    for rank, slug in enumerate(ranked, start=1):
        if grades.get(slug, 0) >= RELEVANT:
            return 1.0 / rank
    return 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


@dataclass
class Failure:
    """A need the ranker scored under ``FAILURE_BELOW`` nDCG@5: what it returned and what
    the judge expected first."""

    id: str
    kind: str
    query: str
    ndcg: float
    returned: list[str]
    expected: list[str]


@dataclass
class Scores:
    name: str
    ndcg_by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    rr_by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[Failure] = field(default_factory=list)

    @property
    def ndcg(self) -> list[float]:
        return [value for values in self.ndcg_by_kind.values() for value in values]

    @property
    def rr(self) -> list[float]:
        return [value for values in self.rr_by_kind.values() for value in values]

    @property
    def mean_ndcg(self) -> float:
        return _mean(self.ndcg)

    @property
    def mrr(self) -> float:
        return _mean(self.rr)

    def kind_ndcg(self, kind: str) -> float:
        return _mean(self.ndcg_by_kind[kind])

    def kind_mrr(self, kind: str) -> float:
        return _mean(self.rr_by_kind[kind])


def evaluate(name: str, ranker: Callable[[Judged], list[str]], judged: list[Judged]) -> Scores:
    """Scores of ``ranker`` on ``judged``; the matcher's model of judged requests
    (:mod:`search.examples`) leaves the set out while it is scored."""
    scores = Scores(name)
    with held_out(item.id for item in judged):
        for item in judged:
            _score(scores, item, ranker(item))
    return scores


def _score(scores: Scores, item: Judged, ranked: list[str]) -> None:
    value = ndcg(ranked, item.grades)
    scores.ndcg_by_kind[item.kind].append(value)
    scores.rr_by_kind[item.kind].append(reciprocal_rank(ranked, item.grades))
    if value < FAILURE_BELOW:
        expected = sorted(item.grades, key=lambda slug: -item.grades[slug])[:CUTOFF]
        scores.failures.append(
            Failure(item.id, item.kind, item.query, value, ranked[:CUTOFF], expected)
        )


def engine_ranker(item: Judged) -> list[str]:
    near = item.near or {}
    need = MatchRequest(
        text=item.query,
        lat=near.get("lat"),
        lon=near.get("lon"),
        radius_km=item.radius_km,
        certifications=item.certifications,
        limit=10,
    )
    return [result.slug for result in match(need).results]


def wagtail_ranker(item: Judged) -> list[str]:
    """Baseline: Wagtail's own search. Its database backend nests one expression per word,
    and a long letter (round 8's longest, some 170 words) exceeds Python's recursion limit:
    the baseline then finds nothing for it, as a site search box built on it would fail."""
    try:
        return [page.slug for page in CooperativePage.objects.listed().search(item.query)[:10]]
    except RecursionError:
        return []


class RawMultiMatch:
    """Baseline: the raw profile text in a plain index, one ``multi_match`` query."""

    def __init__(self) -> None:
        self.index = index_name("evaluation-raw")
        client = get_client()
        client.indices.delete(index=self.index, ignore_unavailable=True)
        client.indices.create(
            index=self.index,
            mappings={"properties": {"name": {"type": "text"}, "text": {"type": "text"}}},
        )
        actions = [
            {
                "_index": self.index,
                "_id": page.slug,
                "name": page.title,
                "text": f"{page.description}\n{page.capacity_note}\n{page.city}",
            }
            for page in CooperativePage.objects.listed()
        ]
        bulk(client, actions, refresh=True)

    def __call__(self, item: Judged) -> list[str]:
        response = get_client().search(
            index=self.index,
            query={"multi_match": {"query": item.query, "fields": ["name^2", "text"]}},
            size=10,
        )
        return [hit["_id"] for hit in response["hits"]["hits"]]

    def close(self) -> None:
        get_client().indices.delete(index=self.index, ignore_unavailable=True)


def run(judged: list[Judged] | None = None) -> list[Scores]:
    """Engine and both baselines over the judged set (demo data must be loaded and indexed).

    Returns the engine's scores first, then Wagtail's, then the plain ``multi_match``'s.
    """
    judged = judged or load_judged()
    raw = RawMultiMatch()
    try:
        return [
            evaluate("matching engine", engine_ranker, judged),
            evaluate("Wagtail database search", wagtail_ranker, judged),
            evaluate("plain Elasticsearch multi_match", raw, judged),
        ]
    finally:
        raw.close()


def report(results: list[Scores], failures: bool = False) -> str:
    """One Markdown table, a row per kind and the overall row; with ``failures``, the
    engine's needs under ``FAILURE_BELOW`` nDCG@5, each with what it returned and what
    the judge ranked first."""
    engine, wagtail, raw = results
    header = (
        f"| kind | n | engine nDCG@{CUTOFF} | engine MRR | Wagtail nDCG@{CUTOFF} | Wagtail MRR "
        f"| multi_match nDCG@{CUTOFF} | multi_match MRR |"
    )
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for kind in sorted(engine.ndcg_by_kind):
        cells = [f"{s.kind_ndcg(kind):.3f} | {s.kind_mrr(kind):.3f}" for s in results]
        lines.append(f"| {kind} | {len(engine.ndcg_by_kind[kind])} | {' | '.join(cells)} |")
    cells = [f"**{s.mean_ndcg:.3f}** | **{s.mrr:.3f}**" for s in (engine, wagtail, raw)]
    lines.append(f"| **all** | {len(engine.ndcg)} | {' | '.join(cells)} |")
    lines += ["", f"Engine failures (nDCG@{CUTOFF} < {FAILURE_BELOW}): {len(engine.failures)}"]
    if failures:
        for failure in sorted(engine.failures, key=lambda f: (f.kind, f.id)):
            lines.append(
                f"- [{failure.kind}] {failure.id} ({failure.ndcg:.2f}) {failure.query[:100]!r}\n"
                f"    returned: {', '.join(failure.returned) or '(nothing)'}\n"
                f"    expected: {', '.join(failure.expected) or '(nothing)'}"
            )
    return "\n".join(lines)
