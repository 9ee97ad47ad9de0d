"""Measured comparison of Polish stemmers and lemmatisers for Kooperacja's search text analysis.

Run from the project root (no Django, no services needed)::

    .venv/bin/python -m search.measure.analysis_comparison

It prints Markdown: one table of measures per candidate, then the failures of each
candidate so that a number can be traced back to words.

Candidates (each measured in a fresh child process, so that load time and memory are
not shared between them):

* ``pystempel polimorf``: ``pystempel.Stemmer.polimorf()`` (Stempel with its table
  trained on the PoliMorf dictionary);
* ``pystempel default``: ``pystempel.Stemmer.default()`` (the original table,
  ``stemmer_20000``, the one Lucene's Polish analyzer ships);
* ``simplemma``: ``simplemma.lemmatize(word, lang="pl")``, and the same with
  ``low_memory=True`` (its memory-frugal dictionary backend, same data);
* ``lowercase only``: no stemming, the baseline for recall;
* ``suffix strip``: :func:`strip_suffix`, a crude strip-the-longest-ending baseline;
* ``… + folded strip``: a lemmatiser plus a second field holding the ASCII-folded,
  suffix-stripped word (:func:`_with_folded_strip`), a match in either field counting;
* ``morfeusz2`` (SGJP dictionary), only when ``import morfeusz2`` works in the running
  interpreter. It is deliberately not a project dependency: its wheel exists on PyPI
  (``pip download morfeusz2 --no-deps -d /tmp/m2`` fetched 1.99.15, cp310-abi3
  manylinux x86_64, dictionary built in). To include it without touching the venv,
  unzip that wheel into a directory and run with ``PYTHONPATH=<that directory>``.
  Morfeusz gives every possible lemma of a word; they are all kept as tokens (as a
  morphological token filter in Elasticsearch would index them), and two words
  conflate when their token sets share a token.

Every input is lowercased first, as the search analysis does. The measures:

* load s: import plus construction plus one warm-up call (simplemma loads its
  dictionary lazily, on the first call);
* peak extra MiB: growth of the child process's peak RSS (``getrusage``) from just
  before the import to the end of all measurements; RSS rather than tracemalloc
  because Morfeusz allocates in C++;
* words/s: the whole test vocabulary repeated to at least 50,000 calls, best of three
  runs (simplemma answers repeats from its LRU cache, which real search traffic
  also does); "words/s first sight" times one pass over the distinct words of the
  demo directory's descriptions, right after loading, so no cache helps;
* recall: share of the pairs of forms within a group (:data:`GROUPS`) mapped to the
  same token;
* over-conflation: share of the pairs of different words (:data:`MUST_NOT`) mapped
  to the same token;
* recall folded, over-conflation folded: the same with both words ASCII-folded
  before analysis (ą→a, ł→l, …), as users type without diacritics and as an
  index that folds before stemming would see them;
* recall folded query: the pipeline "stem, then fold" on both sides, with the query
  typed without diacritics and the document written correctly: over the ordered
  pairs (query form, document form) of a group whose folded query differs from the
  document text, the share where fold(analyse(fold(query))) meets
  fold(analyse(document));
* verb→noun: share of :data:`VERB_NOUN` pairs conflated, e.g. "szyjemy" in a
  description against "szycie" in a capability label. Derivation, not inflection, so
  a bonus measure: a stemmer meets it by cutting both to one stem, a lemmatiser by
  giving a gerund its verb's lemma too.
"""

import argparse
import contextlib
import io
import itertools
import json
import math
import os
import re
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DIRECTORY = PROJECT_ROOT / "cms" / "demo" / "directory.jsonl"
MIN_CALLS = 50_000
SPEED_RUNS = 3
MAX_SHOWN = 15  # failures listed per kind and candidate

# Inflected forms that must conflate: capability labels and synonyms of
# cooperatives/vocabulary.py, words of the demo directory's descriptions, and the
# towns of its addresses.
GROUPS: list[tuple[str, ...]] = [
    # Capabilities and their synonyms.
    ("szycie", "szycia", "szyciem", "szyciu"),
    ("krawiectwo", "krawiectwa", "krawiectwem"),
    ("szwalnia", "szwalni", "szwalnię"),
    ("fartuch", "fartucha", "fartuchy", "fartuchów", "fartuchami"),
    ("odzież", "odzieży", "odzieżą"),
    ("roboczy", "robocza", "roboczych", "roboczej", "roboczą"),
    ("reklamacja", "reklamacji", "reklamacje", "reklamacjami"),
    ("naprawa", "naprawy", "napraw", "naprawami"),
    ("konfekcjonowanie", "konfekcjonowania", "konfekcjonowaniem"),
    ("pakowanie", "pakowania", "pakowaniu"),
    ("etykietowanie", "etykietowania", "etykietowaniem"),
    ("zestaw", "zestawy", "zestawów", "zestawami"),
    ("catering", "cateringu", "cateringiem"),
    ("gastronomia", "gastronomii"),
    ("posiłek", "posiłki", "posiłków", "posiłkami"),
    ("obiad", "obiady", "obiadów"),
    ("żywność", "żywności"),
    ("warzywo", "warzywa", "warzyw", "warzywami"),
    ("sałatka", "sałatki", "sałatek", "sałatkami"),
    ("owoc", "owoce", "owoców"),
    ("kawiarnia", "kawiarni", "kawiarnię"),
    ("stołówka", "stołówki", "stołówce"),
    ("sprzątanie", "sprzątania", "sprzątaniem"),
    ("pielęgnacja", "pielęgnacji"),
    ("koszenie", "koszenia", "koszeniem"),
    ("trawnik", "trawniki", "trawników"),
    ("ogród", "ogrodu", "ogrodzie"),
    ("pralnia", "pralni", "pralnię"),
    ("pranie", "prania", "praniem"),
    ("ceramika", "ceramiki", "ceramiką", "ceramice"),
    ("kubek", "kubki", "kubków"),
    ("wiązka", "wiązki", "wiązek", "wiązkami"),
    ("przewód", "przewody", "przewodów"),
    ("montaż", "montażu", "montażem"),
    ("sklep", "sklepu", "sklepie", "sklepy"),
    ("mydło", "mydła", "mydłem"),
    ("kosmetyk", "kosmetyki", "kosmetyków"),
    ("drewno", "drewna", "drewnie"),
    ("mebel", "meble", "mebli"),
    ("paleta", "palety", "palet"),
    ("drukarnia", "drukarni", "drukarnię"),
    ("ulotka", "ulotki", "ulotek"),
    ("impreza", "imprezy", "imprez"),
    ("upominek", "upominki", "upominków"),
    ("rękodzieło", "rękodzieła", "rękodziełem"),
    ("digitalizacja", "digitalizacji"),
    ("transport", "transportu", "transportem"),
    ("dostawa", "dostawy", "dostaw"),
    ("kurier", "kuriera", "kurierem"),
    ("opieka", "opieki", "opiece"),
    # Words of the descriptions.
    ("spółdzielnia", "spółdzielni", "spółdzielnię", "spółdzielnią"),
    ("warsztat", "warsztatu", "warsztaty", "warsztatów"),
    ("uczestnik", "uczestnicy", "uczestników"),
    ("zamówienie", "zamówienia", "zamówień"),
    # Towns of the addresses.
    ("Poznań", "Poznania", "Poznaniu"),
    ("Gniezno", "Gnieźnie", "Gniezna"),
    ("Łódź", "Łodzi"),
    ("Swarzędz", "Swarzędza", "Swarzędzu"),
    ("Kórnik", "Kórnika", "Kórniku"),
    ("Kraków", "Krakowa", "Krakowie"),
    ("Wrocław", "Wrocławia", "Wrocławiu"),
    ("Warszawa", "Warszawy", "Warszawie"),
    ("Toruń", "Torunia", "Toruniu"),
    ("Leszno", "Leszna", "Lesznie"),
]

# Different words that must not conflate: mostly a domain word against a word that
# shares its beginning. Some (pączki/paczki, Łódź/lody) only collide once folded.
MUST_NOT: list[tuple[str, str]] = [
    ("szycie", "szyba"),
    ("pakowanie", "pałac"),
    ("sprzątanie", "sprzęt"),
    ("krawiec", "krawat"),
    ("szwalnia", "szwagier"),
    ("fartuch", "farba"),
    ("odzież", "odzew"),
    ("roboczy", "robot"),
    ("owoce", "owce"),
    ("warzywa", "warzenie"),
    ("żywność", "żywopłot"),
    ("obiady", "obiekt"),
    ("kawa", "kawał"),
    ("pieczenie", "pieczęć"),
    ("pączki", "paczki"),
    ("bufet", "bufor"),
    ("pranie", "prasowanie"),
    ("pralnia", "prawo"),
    ("koszenie", "koszula"),
    ("trawniki", "trawienie"),
    ("mycie", "myto"),
    ("mydło", "myśl"),
    ("ceramika", "cera"),
    ("wiązka", "wiąz"),
    ("kable", "kabina"),
    ("kubki", "kubeł"),
    ("montaż", "monitor"),
    ("sklep", "sklepienie"),
    ("stolarnia", "stolica"),
    ("palety", "palec"),
    ("druk", "drużyna"),
    ("ulotki", "ulica"),
    ("kosmetyki", "kosmos"),
    ("kurier", "kura"),
    ("opieka", "opera"),
    ("Poznań", "poznanie"),
    ("Gniezno", "gniazdo"),
    ("Łódź", "lody"),
    ("Leszno", "leszcz"),
]

# A verb as the descriptions write it ("we sew") against the capability's noun.
VERB_NOUN: list[tuple[str, str]] = [
    ("szyjemy", "szycie"),
    ("pakujemy", "pakowanie"),
    ("konfekcjonujemy", "konfekcjonowanie"),
    ("sprzątamy", "sprzątanie"),
    ("gotujemy", "gotowanie"),
    ("kroimy", "krojenie"),
    ("obieramy", "obieranie"),
    ("pierzemy", "pranie"),
    ("prasujemy", "prasowanie"),
    ("kosimy", "koszenie"),
    ("odśnieżamy", "odśnieżanie"),
    ("drukujemy", "drukowanie"),
    ("malujemy", "malowanie"),
    ("montujemy", "montowanie"),
    ("skanujemy", "skanowanie"),
    ("dowozimy", "dowożenie"),
]

_POLISH_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")


def fold(word: str) -> str:
    """ASCII-fold a lowercase word: Polish letters by table, other accents by NFKD."""
    word = word.translate(_POLISH_FOLD)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Common Polish inflectional and gerund endings. Written from the grammar, not tuned
# on the test set; tried longest first.
_ENDINGS_TEXT = """
owaniami owaniach owaniem owania owaniu owanie eniami eniach eniem enia eniu enie
aniami aniach aniem ania aniu anie ościami ościach ością ości ość
iami iach ami ach ego emu ymi imi ych ich owi ów om ej ym im em ie ia ią ię iu ii
ą ę a e i y o u
"""
_ENDINGS = sorted(_ENDINGS_TEXT.split(), key=len, reverse=True)
_MIN_STEM = 3


def strip_suffix(word: str) -> str:
    """Crude baseline: cut the longest known ending that leaves at least 3 letters."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


# Loaders: each imports its library, builds the analyser and returns a function from a
# lowercase word to a token (str) or to all its tokens (tuple of str).
Analyser = Callable[[str], str | tuple[str, ...]]


def _load_pystempel(table: str) -> Analyser:
    # pystempel reads DISABLE_TQDM (not tqdm's own TQDM_DISABLE) when first imported
    # and passes it to its progress bar explicitly; stderr is silenced as well.
    os.environ.setdefault("DISABLE_TQDM", "1")
    with contextlib.redirect_stderr(io.StringIO()):
        from pystempel import Stemmer

        stemmer = getattr(Stemmer, table)()

    def analyse(word: str) -> str:
        return stemmer(word) or word

    return analyse


def _load_simplemma(low_memory: bool = False) -> Analyser:
    import simplemma

    def analyse(word: str) -> str:
        return simplemma.lemmatize(word, lang="pl", low_memory=low_memory).lower()

    analyse("szycie")  # the Polish dictionary is loaded on the first call
    return analyse


def _load_morfeusz2() -> Analyser:
    import morfeusz2

    morfeusz = morfeusz2.Morfeusz(generate=False)

    def analyse(word: str) -> tuple[str, ...]:
        lemmas = {
            interpretation[1].split(":", 1)[0].lower()
            for start, _end, interpretation in morfeusz.analyse(word)
            if start == 0
        }
        return tuple(sorted(lemmas)) or (word,)

    analyse("szycie")
    return analyse


def _lowercase_only(word: str) -> str:
    return word


def _with_folded_strip(load: Callable[[], Analyser]) -> Analyser:
    """A second field next to ``load``'s: the word ASCII-folded, then suffix-stripped.

    Its tokens are marked with "~" so that they only ever meet each other, as a
    query over two fields of an index would (a match in either field counts).
    """
    analyse = load()

    def both(word: str) -> tuple[str, ...]:
        return (*_tokens(analyse(word)), "~" + strip_suffix(fold(word)))

    return both


CANDIDATES: dict[str, Callable[[], Analyser]] = {
    "pystempel polimorf": lambda: _load_pystempel("polimorf"),
    "pystempel default": lambda: _load_pystempel("default"),
    "simplemma": _load_simplemma,
    "simplemma low_memory": lambda: _load_simplemma(low_memory=True),
    "lowercase only": lambda: _lowercase_only,
    "suffix strip": lambda: strip_suffix,
    "morfeusz2": _load_morfeusz2,
    "simplemma low_memory + folded strip": lambda: _with_folded_strip(
        lambda: _load_simplemma(low_memory=True)
    ),
    "morfeusz2 + folded strip": lambda: _with_folded_strip(_load_morfeusz2),
}
# Candidates measured only when their module imports: candidate → module.
OPTIONAL = {"morfeusz2": "morfeusz2", "morfeusz2 + folded strip": "morfeusz2"}


def _tokens(result: str | tuple[str, ...]) -> frozenset[str]:
    return frozenset((result,)) if isinstance(result, str) else frozenset(result)


def _show(result: str | tuple[str, ...]) -> str:
    return result if isinstance(result, str) else "|".join(result)


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _lower_groups() -> list[tuple[str, ...]]:
    return [tuple(word.lower() for word in group) for group in GROUPS]


def _lower_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(a.lower(), b.lower()) for a, b in pairs]


def all_test_words() -> list[str]:
    """Every distinct lowercase word of the test sets, in a stable order."""
    words = [w for group in _lower_groups() for w in group]
    words += [w for pair in _lower_pairs(MUST_NOT + VERB_NOUN) for w in pair]
    return list(dict.fromkeys(words))


def description_words() -> list[str]:
    """The distinct lowercase words of the demo directory's descriptions."""
    if not DIRECTORY.exists():
        return []
    words: dict[str, None] = {}
    with DIRECTORY.open(encoding="utf-8") as lines:
        for line in lines:
            description = json.loads(line).get("description") or ""
            for word in re.findall(r"[^\W\d_]+", description.lower()):
                words.setdefault(word, None)
    return list(words)


def _quality(analyse: Analyser, prepare: Callable[[str], str]) -> dict:
    """Recall and over-conflation with each word passed through ``prepare`` first."""

    def tokens(word: str) -> frozenset[str]:
        return _tokens(analyse(prepare(word)))

    pairs = hits = 0
    missed = []
    for group in _lower_groups():
        group_pairs = list(itertools.combinations(group, 2))
        group_hits = sum(bool(tokens(a) & tokens(b)) for a, b in group_pairs)
        pairs += len(group_pairs)
        hits += group_hits
        if group_hits < len(group_pairs):
            missed.append(", ".join(f"{w}→{_show(analyse(prepare(w)))}" for w in group))
    over = [
        f"{a}→{_show(analyse(prepare(a)))} = {b}→{_show(analyse(prepare(b)))}"
        for a, b in _lower_pairs(MUST_NOT)
        if tokens(a) & tokens(b)
    ]
    return {
        "recall": _share(hits, pairs),
        "over": _share(len(over), len(MUST_NOT)),
        "missed": missed,
        "overconflated": over,
    }


def _folded_query_recall(analyse: Analyser) -> dict:
    """Stem-then-fold on both sides, the query typed without diacritics."""

    def folded_tokens(word: str) -> frozenset[str]:
        return frozenset(fold(t) for t in _tokens(analyse(word)))

    pairs = hits = 0
    missed = []
    for group in _lower_groups():
        for query, document in itertools.product(group, repeat=2):
            typed = fold(query)
            if typed == document:
                continue
            pairs += 1
            if folded_tokens(typed) & folded_tokens(document):
                hits += 1
            else:
                missed.append(
                    f"{typed}→{_show(analyse(typed))} ≠ {document}→{_show(analyse(document))}"
                )
    return {"recall": _share(hits, pairs), "missed": missed}


def _verb_noun_recall(analyse: Analyser) -> float:
    pairs = _lower_pairs(VERB_NOUN)
    hits = sum(bool(_tokens(analyse(a)) & _tokens(analyse(b))) for a, b in pairs)
    return _share(hits, len(pairs))


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def measure(name: str) -> dict:
    """All measures of one candidate; meant to run in a fresh process."""
    rss_before = _peak_rss_kib()
    started = time.perf_counter()
    analyse = CANDIDATES[name]()
    load = time.perf_counter() - started

    first_sight = description_words()
    started = time.perf_counter()
    for word in first_sight:
        analyse(word)
    first_sight_elapsed = time.perf_counter() - started

    vocabulary = all_test_words()
    calls = vocabulary * math.ceil(MIN_CALLS / len(vocabulary))
    best = math.inf
    for _ in range(SPEED_RUNS):
        started = time.perf_counter()
        for word in calls:
            analyse(word)
        best = min(best, time.perf_counter() - started)

    plain = _quality(analyse, lambda w: w)
    folded = _quality(analyse, fold)
    folded_query = _folded_query_recall(analyse)
    return {
        "name": name,
        "load_s": load,
        "peak_extra_mib": (_peak_rss_kib() - rss_before) / 1024,
        "words_per_s": len(calls) / best,
        "calls": len(calls),
        "first_sight_words": len(first_sight),
        "first_sight_per_s": _share(len(first_sight), first_sight_elapsed),
        "plain": plain,
        "folded": folded,
        "folded_query": folded_query,
        "verb_noun": _verb_noun_recall(analyse),
    }


def _available(name: str) -> bool:
    if name not in OPTIONAL:
        return True
    from importlib.util import find_spec

    return find_spec(OPTIONAL[name]) is not None


def _measure_in_child(name: str) -> dict:
    completed = subprocess.run(
        [sys.executable, "-m", "search.measure.analysis_comparison", "--child", name],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode:
        sys.exit(f"measuring {name} failed:\n{completed.stderr}")
    return json.loads(completed.stdout)


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def render(results: list[dict], skipped: list[str]) -> str:
    """The Markdown report of the measured results."""
    vocabulary = all_test_words()
    group_pairs = sum(math.comb(len(g), 2) for g in GROUPS)
    out = [
        "## Polish stemming and lemmatisation for search: measured comparison",
        "",
        f"Test set: {len(GROUPS)} groups of inflected forms ({group_pairs} pairs), "
        f"{len(MUST_NOT)} must-not pairs, {len(VERB_NOUN)} verb→noun pairs, "
        f"{len(vocabulary)} distinct words. Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs.",
        "",
        "| candidate | load s | peak extra MiB | words/s | words/s first sight | recall "
        "| over-conflation | recall folded | over-conflation folded | recall folded query "
        "| verb→noun |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        out.append(
            f"| {r['name']} | {r['load_s']:.3f} | {r['peak_extra_mib']:.1f} "
            f"| {r['words_per_s']:,.0f} | {r['first_sight_per_s']:,.0f} "
            f"| {_pct(r['plain']['recall'])} | {_pct(r['plain']['over'])} "
            f"| {_pct(r['folded']['recall'])} | {_pct(r['folded']['over'])} "
            f"| {_pct(r['folded_query']['recall'])} | {_pct(r['verb_noun'])} |"
        )
    if results:
        r = results[0]
        out += [
            "",
            f"words/s: {r['calls']:,} calls (the test vocabulary repeated), best of "
            f"{SPEED_RUNS}; first sight: one pass over {r['first_sight_words']:,} distinct "
            "description words right after loading.",
        ]
    for name in skipped:
        out.append(f"\n{name}: not importable in this interpreter, so not measured.")
    out += ["", "### Failures", ""]
    for r in results:
        out.append(f"#### {r['name']}\n")
        sections = [
            ("groups not fully conflated", r["plain"]["missed"]),
            ("must-not pairs conflated", r["plain"]["overconflated"]),
            ("groups not fully conflated, folded input", r["folded"]["missed"]),
            ("must-not pairs conflated, folded input", r["folded"]["overconflated"]),
            ("folded query pairs missed", r["folded_query"]["missed"]),
        ]
        for title, items in sections:
            shown = "; ".join(items[:MAX_SHOWN]) or "none"
            if len(items) > MAX_SHOWN:
                shown += f"; … ({len(items) - MAX_SHOWN} more)"
            out.append(f"- {title} ({len(items)}): {shown}")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--child", choices=sorted(CANDIDATES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    names = [name for name in CANDIDATES if _available(name)]
    skipped = [name for name in CANDIDATES if name not in names]
    print(render([_measure_in_child(name) for name in names], skipped))


if __name__ == "__main__":
    main()
