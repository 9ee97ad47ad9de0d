"""Certificates a request asks for ("z HACCP", "zatwierdzenie sanepidu", "ISO 9001", "znak
Zakup Prospołeczny") → the codes of :data:`cooperatives.vocabulary.CERTIFICATIONS`.

Each code has the ways buyers write it (below) and its own Polish and English
labels from the vocabulary. The words around a certificate that only say it is
required ("wymagane", "certyfikat", "z") go with it, so none of them is left
for the matcher to compare. A certificate ruled out ("bez HACCP", "without
ISO 9001") is dropped from the words but not asked for.
"""

import re
from dataclasses import dataclass

from cooperatives.vocabulary import CERTIFICATIONS
from search.understanding.folded import FoldedText, Span

WRITTEN = {
    "haccp": [r"haccp"],
    "sanepid": [
        r"sanepid\w*",
        r"(?:panstwow\w*\s+)?inspekcj\w*\s+sanitarn\w*",
        r"sanitary\s+(?:inspection|approval)",
    ],
    "iso9001": [r"iso[\s-]?9001(?::?\s?20\d\d)?"],
    "zakup_prospoleczny": [r"zakup\w*\s+prospoleczn\w*", r"prospoleczn\w*\s+zakup\w*"],
}
# Words that say a certificate is wanted, taken out with it (before it, also a preposition
# or a word ruling it out).
AROUND = (
    r"(?:certyfikat\w*|certyfikacj\w*|certified|certificat\w*|system\w*"
    r"|znak\w*|mark|wymagan\w*|wymagamy|required|requirement|zatwierdzeni\w*|approv\w*"
    r"|decyzj\w*|wpis\w*|obowiazkow\w*|konieczn\w*|niezbedn\w*|posiadan\w*|posiadajac\w*"
    r"|aktualn\w*|waz\w+|valid)"
)
BEFORE = rf"(?:{AROUND}|z|ze|with|bez|without|no|nie)"
RULED_OUT = re.compile(r"\b(?:bez|without|no|nie)\b")
# A sentence that says the certificate is the buyer's own ("robi to nasza ekipa według planu
# HACCP", "HACCP mamy wdrożony") asks nothing of the supplier, unless it also says the
# supplier must have one ("Mamy ISO 9001 i od dostawców wymagamy ...").
OWN = re.compile(r"\b(?:nasz\w*|mamy|posiadamy|our|we\s+have|we\s+hold)\b")
REQUIRED = re.compile(
    r"\b(?:wymag\w*|musi|musza|warun\w*|wykonawc\w*|dostawc\w*|podwykonawc\w*|oferent\w*"
    r"|required?|requires|must|supplier\w*|contractor\w*)\b"
)
SENTENCE_END = re.compile(r"[.!?;\n]")


@dataclass(frozen=True)
class Certificates:
    codes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()  # where they stand, to blank each where it is


def _label_pattern(label: str) -> str:
    return r"\s+".join(re.escape(word) for word in re.findall(r"\w+", label))


def _patterns() -> dict[str, re.Pattern]:
    compiled = {}
    for code, (label_pl, label_en, _issuer) in CERTIFICATIONS.items():
        written = WRITTEN.get(code, [])
        labels = [_label_pattern(FoldedText(label).folded) for label in (label_pl, label_en)]
        core = "|".join([*written, *labels])
        compiled[code] = re.compile(
            rf"(?<![\w-])(?P<before>(?:{BEFORE}\s+){{0,2}})(?:{core})"
            rf"(?:\s+{AROUND}){{0,2}}(?![\w-])"
        )
    return compiled


PATTERNS = _patterns()


def _buyers_own(folded: str, at: int) -> bool:
    """Whether the sentence around position ``at`` says its certificate is the buyer's."""
    starts = [match.end() for match in SENTENCE_END.finditer(folded, 0, at)]
    ending = SENTENCE_END.search(folded, at)
    sentence = folded[starts[-1] if starts else 0 : ending.start() if ending else len(folded)]
    return OWN.search(sentence) is not None and REQUIRED.search(sentence) is None


def find_certificates(text: str) -> Certificates:
    """The certificates ``text`` asks for (codes in the order written) and the words that
    named them."""
    found = FoldedText(text)
    codes, spans = [], []
    for code, pattern in PATTERNS.items():
        for match in pattern.finditer(found.folded):
            spans.append((match.start(), code, found.span(match), match.group("before")))
    for start, code, _span, before in sorted(spans):
        if RULED_OUT.search(before) or _buyers_own(found.folded, start) or code in codes:
            continue
        codes.append(code)
    named = tuple(span for _s, _c, span, _b in spans)
    return Certificates(tuple(codes), found.words(*named), named)
