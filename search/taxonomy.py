"""Map a need's free text to capability codes through the taxonomy's labels and synonyms.

Each label part and synonym becomes a phrase of folded base forms
("konfekcjonowanie" → ("konfekcjonowac",)); a capability matches when every
word of one of its phrases occurs in the text, allowing one typo in words
of six letters or more. Labels and synonyms are edited in the admin, so the
phrases are read from the database (see :func:`load_taxonomy`).
"""

import re
from dataclasses import dataclass, field

from cooperatives.models import Capability
from search.analysis import Lexicon, folded_stems

PHRASE_SPLIT = re.compile(r"[,;()\n]")


def _phrases(text: str) -> list[str]:
    return [part.strip() for part in PHRASE_SPLIT.split(text or "") if part.strip()]


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1


@dataclass
class Taxonomy:
    """Capability codes with the phrases that name them."""

    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, code: str, label_pl: str, label_en: str, synonyms: list[str]) -> None:
        texts = _phrases(label_pl) + _phrases(label_en) + synonyms
        phrases = {tuple(folded_stems(text)) for text in texts}
        self.phrases[code] = sorted(phrase for phrase in phrases if phrase)
        self.labels[code] = (label_pl, label_en)

    def capabilities_in(self, text: str, lexicon: Lexicon | None = None) -> list[str]:
        """Codes whose label or synonym occurs in ``text``, in taxonomy order."""
        tokens = folded_stems(text, lexicon)
        found = []
        for code, phrases in self.phrases.items():
            if any(self._phrase_in(phrase, tokens) for phrase in phrases):
                found.append(code)
        return found

    @staticmethod
    def _phrase_in(phrase: tuple[str, ...], tokens: list[str]) -> bool:
        return all(
            any(
                token == word or (len(word) >= 6 and within_one_edit(token, word))
                for token in tokens
            )
            for word in phrase
        )


def load_taxonomy() -> Taxonomy:
    """The taxonomy as it is in the database now."""

    taxonomy = Taxonomy()
    for capability in Capability.objects.order_by("code"):
        taxonomy.add(
            capability.code, capability.label_pl, capability.label_en, capability.synonym_list()
        )
    return taxonomy
