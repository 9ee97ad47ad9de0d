"""What a request asks for in so many words: the clause after "szukamy", "potrzebujemy",
"zlecimy", "we need", "looking for".

A long request names many trades, and most of them are its setting: "Szkoła
prowadzi własną stołówkę … i szukamy dietetyka", "Ognisko muzyczne szuka
lutnika … nowe pokrowce uszyła nam już szwalnia", "teatr szuka osoby do
charakteryzacji aktorów … bufet prowadzi koło gospodyń". The canteen, the
sewing room and the buffet are not what is wanted; the dietitian, the luthier
and the make-up are. Read whole, such a request asks for catering or sewing
and finds a cooperative that does them.

:func:`asked_clauses` gives the words from each asking verb to the end of its
sentence. What they name is the work the request is about; what the rest of
the text names may only be its setting.
"""

import re

from search.places import ABBREVIATIONS
from search.understanding.declined import NEED
from search.understanding.folded import FoldedText

# The verbs and phrases that ask for work, in folded text (a negated one declines, and
# the declined clauses are read apart: :mod:`search.understanding.declined`).
ASKING = re.compile(
    r"(?<!nie )\b(?:"
    r"szukam|szukamy|szuka|szukaja|poszukuj\w*|poszukiwan\w*"
    rf"|{NEED}ujemy|{NEED}uje|{NEED}uja|{NEED}n[aey]\w*"
    r"|zlecimy|zlecic|zlecac|zlecamy|zleci|zlecilibysmy|zlecilabym|zlecilbym"
    r"|zamowimy|zamowic|zamawiamy|zamowilibysmy"
    r"|prosimy o|prosze o"
    r"|(?:we|i) (?:need|require|are looking for|am looking for|are seeking|am seeking"
    r"|are searching for|would like to (?:order|hire|commission))"
    r"|looking for|seeking"
    r")\b(?! no\b| nothing\b)"
)
# A clause that asks for work besides the rest of the request: "Potrzebujemy też tłumacza",
# "we also need an interpreter".
BESIDES = re.compile(r"\b(?:tez|takze|rowniez|dodatkowo|ponadto|oprocz tego|also|as well)\b")
# Where a sentence may end: a full stop, a question or exclamation mark, a semicolon or a
# line break (a full stop after an abbreviation or a number ends none: "ok. 260", "np.").
SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")
WORD_BEFORE = re.compile(r"(\w+)$")


def asks_besides(clause: str) -> bool:
    """Whether an asked clause asks for its work besides what the rest of the request
    names ("Potrzebujemy też tłumacza"): the rest is asked for too."""
    return bool(BESIDES.search(FoldedText(clause).folded))


def asked_clauses(text: str) -> list[str]:
    """The words of ``text`` from each verb that asks for work to the end of its sentence,
    as written ("Ognisko muzyczne szuka lutnika." → "szuka lutnika")."""
    folded = FoldedText(text)
    clauses = []
    position = 0
    for asking in ASKING.finditer(folded.folded):
        if asking.start() < position:
            continue
        position = _sentence_end(folded.folded, asking.end())
        span = folded.span_at(asking.start(), position)
        clauses.append(text[span.start : span.end])
    return clauses


def _sentence_end(folded: str, start: int) -> int:
    """Where the sentence holding ``folded[start]`` ends."""
    for end in SENTENCE_END.finditer(folded, start):
        if end.group() == ".":
            before = WORD_BEFORE.search(folded, start, end.start())
            if before and (before.group(1) in ABBREVIATIONS or before.group(1).isdigit()):
                continue
        return end.start()
    return len(folded)
