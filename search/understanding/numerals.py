"""Amounts written in words: "dwanaście tysięcy sztuk", "dla stu czterdziestu stołowników",
"tysiąc kafelków", "osiem tysięcy sztuk miesięcznie" → 12000, 140, 1000, 8000.

Polish cardinal numbers in any case, read in folded text (lower case, no Polish letters):
units, teens, tens and hundreds add up, and "tysiąc" in any form multiplies what came
before it (or stands for one thousand). A run of number words counts as an amount only
when it holds a number of ten or more: "dwa razy w tygodniu", "jeden z nas" and "trzy
kartony" are left alone, as buyers who count so few rarely mean an amount of work.
"""

import re
from dataclasses import dataclass


def _forms(*groups: tuple[int, str]) -> dict[str, int]:
    return {form: value for value, forms in groups for form in forms.split()}


VALUES = _forms(
    (1, "jeden jedna jedno jednego jednej jednemu jednym jedna"),
    (2, "dwa dwie dwoch dwu dwom dwoma dwiema"),
    (3, "trzy trzech trzem trzema"),
    (4, "cztery czterech czterem czterema"),
    (5, "piec pieciu piecioma"),
    (6, "szesc szesciu szescioma"),
    (7, "siedem siedmiu siedmioma"),
    (8, "osiem osmiu osmioma"),
    (9, "dziewiec dziewieciu dziewiecioma"),
    (10, "dziesiec dziesieciu"),
    (11, "jedenascie jedenastu"),
    (12, "dwanascie dwunastu"),
    (13, "trzynascie trzynastu"),
    (14, "czternascie czternastu"),
    (15, "pietnascie pietnastu"),
    (16, "szesnascie szesnastu"),
    (17, "siedemnascie siedemnastu"),
    (18, "osiemnascie osiemnastu"),
    (19, "dziewietnascie dziewietnastu"),
    (20, "dwadziescia dwudziestu"),
    (30, "trzydziesci trzydziestu"),
    (40, "czterdziesci czterdziestu"),
    (50, "piecdziesiat piecdziesieciu"),
    (60, "szescdziesiat szescdziesieciu"),
    (70, "siedemdziesiat siedemdziesieciu"),
    (80, "osiemdziesiat osiemdziesieciu"),
    (90, "dziewiecdziesiat dziewiecdziesieciu"),
    (100, "sto stu"),
    (200, "dwiescie dwustu"),
    (300, "trzysta trzystu"),
    (400, "czterysta czterystu"),
    (500, "piecset pieciuset"),
    (600, "szescset szesciuset"),
    (700, "siedemset siedmiuset"),
    (800, "osiemset osmiuset"),
    (900, "dziewiecset dziewieciuset"),
)
THOUSANDS = frozenset(["tysiac", "tysiaca", "tysiace", "tysiecy", "tysiacem", "tysiacach"])
# The smallest number word that makes a run an amount.
AT_LEAST = 10

_WORD = "|".join(sorted([*VALUES, *THOUSANDS], key=len, reverse=True))
RUN = re.compile(rf"(?<![\w.,])(?:{_WORD})(?:\s+(?:{_WORD}))*(?![\w])")


@dataclass(frozen=True)
class Worded:
    """A number written in words: where it stands in the folded text, and its value."""

    start: int
    end: int
    value: int


def worded_numbers(folded: str) -> list[Worded]:
    """The amounts written in words in ``folded`` (lower case, no Polish letters)."""
    found = []
    for match in RUN.finditer(folded):
        words = match.group().split()
        if not any(word in THOUSANDS or VALUES[word] >= AT_LEAST for word in words):
            continue
        total = current = 0
        for word in words:
            if word in THOUSANDS:
                total += (current or 1) * 1000
                current = 0
            else:
                current += VALUES[word]
        found.append(Worded(match.start(), match.end(), total + current))
    return found
