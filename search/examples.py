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
least :data:`SURE`) of one of them, a kind read only in passing is dropped: from things
alone ("wydawanie kamizelek wystawcom" leaves event support, not sewing), or from one
word that is not the trade's name and that the model finds unlikely (under
:data:`UNLIKELY`: "pomoc w ubieraniu, myciu, przygotowaniu śniadania" is care, not
catering, while "torby z nadrukiem logo" keeps printing beside sewing). It never adds a
kind, and a kind chosen in a form is never dropped. The model learns from
the requests as written and is asked about the words the matcher compares (declined
work and the sender's own trade taken out): "Po malowaniu hali zostało pobojowisko …
szorowarką" is cleaning, though painting fills its first line. Kinds read from one word
were first kept; leaving them out too, unless the word is the trade's own name
("szycie fartuchów … i potem pranie" keeps sewing) or the model finds the kind likely,
raised 73 requests over every set and lowered 5 (the largest fall 0.874 → 0.598), each
set left out of its own model.

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
# Below this a kind read from one word is taken for a word named in passing (printing read
# from "z nadrukiem" beside sewing bags has 0.01 to 0.03 and stays; catering read from
# "śniadania" in a carer's list under 0.001).
UNLIKELY = 0.005
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

    def probabilities(self, words: frozenset[str]) -> dict[str, float]:
        """How likely each kind is to be what a request holding ``words`` asks for."""
        known = [word for word in words if word in self.vocabulary]
        total = sum(self.requests.values())
        if not total:
            return {}
        scores = {}
        for kind, count in self.requests.items():
            score = math.log(count / total)
            counts = self.words[kind]
            for word in known:
                score += math.log((counts[word] + SMOOTHING) / (count + 2 * SMOOTHING))
            scores[kind] = score
        top = max(scores.values())
        shares = {kind: math.exp(score - top) for kind, score in scores.items()}
        spread = sum(shares.values())
        return {kind: share / spread for kind, share in shares.items()}

    def likeliest(self, words: frozenset[str]) -> tuple[str, float]:
        """The likeliest kind of a request holding ``words``, and its probability."""
        probabilities = self.probabilities(words)
        if not probabilities:
            return NOBODY, 0.0
        top = max(probabilities, key=probabilities.__getitem__)
        return top, probabilities[top]


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


def without_passing_things(
    named: list[str], things_only: set[str], text: str, one_word: set[str] = frozenset()
) -> list[str]:
    """``named`` (kinds the taxonomy read in the request's words ``text``, in order)
    without those read only in passing, when the model is sure of another kind named:
    ``things_only``, and ``one_word`` when the model also finds them unlikely (see the
    module)."""
    passing = (things_only | one_word) & set(named)
    if len(named) < 2 or not passing:
        return named
    current = model(_held_out.get())
    probabilities = current.probabilities(request_words(text))
    kind, probability = current.likeliest(request_words(text))
    if probability < SURE or kind not in named:
        return named
    return [
        code
        for code in named
        if code == kind
        or code not in passing
        or (code in one_word and code not in things_only and probabilities[code] >= UNLIKELY)
    ]
