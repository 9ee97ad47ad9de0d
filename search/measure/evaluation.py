"""Relevance evaluation: nDCG@5 and MRR of the matcher and two baselines on a judged set.

The judged set (``tests/relevance/judged_needs.jsonl``) holds needs written
as companies write them, with graded judgements (3 ideal, 2 good, 1
marginal) over the demo directory. Metrics are computed here in Python
(Elasticsearch's ``_rank_eval`` lives in a module the local node lacks):

* nDCG@5 with gain 2^grade - 1;
* MRR: 1 / rank of the first result graded 2 or more.

A need that should match nothing scores 1 on both when nothing is returned
and 0 otherwise: padding the list is a failure.

Baselines, in the same run: Wagtail's database search over the same pages,
and a plain Elasticsearch ``multi_match`` on the raw name and description.
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
from search.query import MatchRequest, match

JUDGED_SET = Path(__file__).resolve().parents[2] / "tests" / "relevance" / "judged_needs.jsonl"
CUTOFF = 5
RELEVANT = 2


@dataclass
class Judged:
    id: str
    query: str
    category: str
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
                    category=raw["category"],
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


@dataclass
class Scores:
    name: str
    ndcg: list[float] = field(default_factory=list)
    rr: list[float] = field(default_factory=list)
    by_category: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def mean_ndcg(self) -> float:
        return sum(self.ndcg) / len(self.ndcg)

    @property
    def mrr(self) -> float:
        return sum(self.rr) / len(self.rr)


def evaluate(name: str, ranker: Callable[[Judged], list[str]], judged: list[Judged]) -> Scores:
    scores = Scores(name)
    for item in judged:
        ranked = ranker(item)
        value = ndcg(ranked, item.grades)
        scores.ndcg.append(value)
        scores.rr.append(reciprocal_rank(ranked, item.grades))
        scores.by_category[item.category].append(value)
        if value < 0.5:
            scores.failures.append((item.id, item.query, value))
    return scores


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

    return [page.slug for page in CooperativePage.objects.listed().search(item.query)[:10]]


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
    """Engine and both baselines over the judged set (demo data must be loaded and indexed)."""
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


def report(results: list[Scores]) -> str:
    lines = [
        f"| ranker | nDCG@{CUTOFF} | MRR |",
        "|---|---|---|",
        *(f"| {s.name} | {s.mean_ndcg:.3f} | {s.mrr:.3f} |" for s in results),
        "",
        f"| category (engine) | queries | nDCG@{CUTOFF} |",
        "|---|---|---|",
    ]
    engine = results[0]
    for category, values in sorted(engine.by_category.items()):
        lines.append(f"| {category} | {len(values)} | {sum(values) / len(values):.3f} |")
    lines += ["", f"Engine failures (nDCG@{CUTOFF} < 0.5): {len(engine.failures)}"]
    lines += [f"- {qid} {query!r}: {value:.2f}" for qid, query, value in engine.failures]
    return "\n".join(lines)
