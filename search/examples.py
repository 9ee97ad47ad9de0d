"""Kinds of work learned from requests buyers wrote, to tell the work asked for from the
things named in passing.

The taxonomy reads a kind of work from a thing's name as readily as from the work's
("ławki" → carpentry, "kamizelki" → sewing): right when the thing is what is ordered,
wrong when it is the setting ("pilnowanie porządku przy ławkach" at a cattle show,
"szafa pełna nut" to scan, "worki przepoconych strojów" to wash). The judged requests of
``tests/relevance`` (some 1,300, written the ways buyers write and judged from the
profiles) say which kinds such requests ask for: the kinds every best-graded
cooperative of a request does.

A naive Bayes model over the words of each request (base forms, no Polish letters)
gives the likeliest kind of a new request. :func:`without_passing_things` uses it only to leave
out: when the taxonomy reads two or more kinds and the model is sure (probability at
least :data:`SURE`) of one of them, a kind read from things alone, and no word of work,
is dropped ("wydawanie kamizelek wystawcom" leaves event support, not sewing). It never
adds a kind, and a kind chosen in a form is never dropped.

Scores of a judged set are measured with that set's own requests left out of the model
(:func:`held_out`), so the evaluation stays a test of requests the model has not seen.
"""

import contextlib
import contextvars
import datetime as dt
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from search.analysis import folded_stems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "relevance"
DIRECTORY = ROOT / "cms" / "demo" / "directory.jsonl"
# How sure the model must be of a kind the taxonomy read before things beside it go.
SURE = 0.9
# Additive smoothing of a word's share of a kind's requests.
SMOOTHING = 0.1
# Requests nobody can do are a kind of their own: the model learns their words too.
NOBODY = ""
# Dates are taken out of a request before its words are read; any day will do.
READ_ON = dt.date(2026, 1, 1)

_held_out: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "held_out", default=frozenset()
)


@dataclass(frozen=True)
class Example:
    id: str
    kinds: tuple[str, ...]
    words: frozenset[str]


def request_words(text: str) -> frozenset[str]:
    """The words the model reads in a request: the base forms of all it says, without
    Polish letters (reading it as the matcher does first took 3 ms a request, 4 s for
    the examples in every process, and learned no better: 71 kinds left out rightly and
    16 wrongly against 69 and 14, over every set, each left out of its own model)."""
    return frozenset(folded_stems(text))


def kinds_asked(grades: dict[str, int], capabilities: dict[str, set[str]]) -> tuple[str, ...]:
    """The kinds every best-graded cooperative of a judged request does (the commonest
    among them when they share none); none for a request nobody can do."""
    if not grades:
        return (NOBODY,)
    best = [slug for slug, grade in grades.items() if grade == max(grades.values())]
    shared = set.intersection(*(capabilities.get(slug, set()) for slug in best))
    if shared:
        return tuple(sorted(shared))
    counts = Counter(code for slug in best for code in sorted(capabilities.get(slug, ())))
    return (counts.most_common(1)[0][0],) if counts else (NOBODY,)


@cache
def examples() -> tuple[Example, ...]:
    """Every judged request, with the kinds it asks for (read once per process); none
    where the checkout holds no judged sets or demo directory (the model then leaves
    every kind the taxonomy reads)."""
    if not DIRECTORY.exists():
        return ()
    capabilities = {}
    for line in DIRECTORY.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        capabilities[record["slug"]] = set(record.get("capabilities") or ())
    found = []
    for path in sorted(EXAMPLES.glob("*_needs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                kinds = kinds_asked(raw["judgements"], capabilities)
                found.append(Example(raw["id"], kinds, request_words(raw["query"])))
    return tuple(found)


class Model:
    """Naive Bayes over which words a request holds, each request counted once per kind
    it asks for (a share of one when it asks for several)."""

    def __init__(self, training: Iterable[Example]) -> None:
        self.requests: Counter[str] = Counter()
        self.words: dict[str, Counter[str]] = defaultdict(Counter)
        self.vocabulary: set[str] = set()
        for example in training:
            share = 1 / len(example.kinds)
            for kind in example.kinds:
                self.requests[kind] += share
                for word in example.words:
                    self.words[kind][word] += share
            self.vocabulary |= example.words

    def likeliest(self, words: frozenset[str]) -> tuple[str, float]:
        """The likeliest kind of a request holding ``words``, and its probability."""
        known = [word for word in words if word in self.vocabulary]
        total = sum(self.requests.values())
        if not total:
            return NOBODY, 0.0
        scores = {}
        for kind, count in self.requests.items():
            score = math.log(count / total)
            counts = self.words[kind]
            for word in known:
                score += math.log((counts[word] + SMOOTHING) / (count + 2 * SMOOTHING))
            scores[kind] = score
        top = max(scores, key=scores.__getitem__)
        spread = sum(math.exp(score - scores[top]) for score in scores.values())
        return top, 1 / spread


@lru_cache(maxsize=32)
def model(left_out: frozenset[str] = frozenset()) -> Model:
    """The model of every judged request but those whose ids are ``left_out``."""
    return Model(example for example in examples() if example.id not in left_out)


@contextlib.contextmanager
def held_out(ids: Iterable[str]) -> Iterator[None]:
    """Inside, the model leaves out the requests ``ids``: a judged set is scored by a model
    that has not seen it."""
    token = _held_out.set(frozenset(ids))
    try:
        yield
    finally:
        _held_out.reset(token)


def likeliest_kind(text: str) -> tuple[str, float]:
    """The kind of work the judged requests most like ``text`` ask for, and how sure."""
    return model(_held_out.get()).likeliest(request_words(text))


def without_passing_things(named: list[str], thing_only: set[str], text: str) -> list[str]:
    """``named`` (kinds the taxonomy read in the request ``text``, in order) without those
    read from things alone, when the model is sure of another kind named (see the
    module)."""
    if len(named) < 2 or not thing_only & set(named):
        return named
    kind, probability = likeliest_kind(text)
    if probability < SURE or kind not in named:
        return named
    return [code for code in named if code == kind or code not in thing_only]
