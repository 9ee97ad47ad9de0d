"""Text analysis for Polish and English, done in Python at index and at query time.

The local Elasticsearch node has no language analyzers, stemmers or
folding filters (see the README), and a production cluster should behave
the same, so words are turned into their base forms here and Elasticsearch
only splits on spaces and lowercases (the ``standard`` analyzer).

* :func:`stems` — lowercase base forms: "szyciem fartuchów" → ["szycie", "fartuch"].
* :func:`fold` — the ASCII form: "Łódź" → "lodz", so people typing without
  Polish letters are understood.
* :class:`Lexicon` — folded surface forms seen in the directory mapped to
  their base forms, so "fartuchow" (typed without diacritics, unknown to the
  lemmatiser) still becomes "fartuch".
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import simplemma

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# Short function words that carry no meaning for matching, Polish and English.
STOPWORDS = frozenset(
    """
    a aby ale albo ani bez by być co czy dla do i im ich ja jak jest jego jej już
    ku lub ma mamy może na nad nam nas nie niż o od oraz po pod przez przy się
    są ta tak te też to tu w we więc z za ze że około ok szt sztuk
    okolice okolicy pobliżu blisko koło
    an and are as at be by for from in into is it of on or our the to we with you
    your this that will can per pcs near around close within
    """.split()  # noqa: SIM905 - a list literal of 90 words reads worse
)
FOLD = str.maketrans({"ł": "l", "Ł": "l"})


def fold(text: str) -> str:
    """Lowercase ASCII form of ``text``: diacritics removed, "ł" → "l"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Lowercase words of ``text`` without stop words or numbers."""
    normalised = unicodedata.normalize("NFKC", text or "").lower()
    return [word for word in WORD.findall(normalised) if word not in STOPWORDS and len(word) > 1]


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The base form of one lowercase word (Polish first, then English)."""
    lemma = simplemma.lemmatize(word, lang=("pl", "en"), low_memory=True)
    return lemma.lower()


def stems(text: str, lexicon: "Lexicon | None" = None) -> list[str]:
    """Base forms of the words of ``text``; with a lexicon, diacritic-less words are restored."""
    result = []
    for word in words(text):
        if lexicon is not None and word == fold(word):
            result.append(lexicon.base_form(word) or stem(word))
        else:
            result.append(stem(word))
    return result


def folded_stems(text: str, lexicon: "Lexicon | None" = None) -> list[str]:
    return [fold(base) for base in stems(text, lexicon)]


def analyse(text: str) -> tuple[str, str]:
    """The two indexed fields of a text: its base forms, and their ASCII forms."""
    bases = stems(text)
    return " ".join(bases), " ".join(_fold_cached(base) for base in bases)


@lru_cache(maxsize=100_000)
def _fold_cached(word: str) -> str:
    return fold(word)


class Lexicon:
    """Folded word forms seen in the directory, mapped to their base forms.

    The lemmatiser knows "fartuchów" but not "fartuchow"; having seen the
    former in a description, the lexicon maps "fartuchow" to "fartuch".
    """

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._forms: dict[str, str] = {}
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        for word in words(text):
            folded = fold(word)
            if folded != word:
                self._forms.setdefault(folded, stem(word))

    def base_form(self, folded_word: str) -> str | None:
        return self._forms.get(folded_word)

    def __len__(self) -> int:
        return len(self._forms)
