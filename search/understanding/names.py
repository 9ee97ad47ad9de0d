"""The names in quotes of a request: who writes or for whom, not what is to be done.

Buyers put their organisation's name in quotes: "Pensjonat „Wydmowy Dwór”",
"Stowarzyszenie „Wspólny Stół”", "the "Green Valley" hotel". Left in, the
name's words are read as work: "Stół" is a table (carpentry), "Dwór" and
"Pasaż" match the words of profiles. A quote can also hold the work itself
("szukamy firmy do „sprzątania po remoncie”", "usługa typu "pick and pack"")
and then it must stay.

The rule tells them apart by the way Polish and English write proper names:

* a quote whose words all begin with a capital letter (the short joining words
  "i", "na", "pod", "of", "the"… aside, unless one opens the quote with a
  capital) and which has at least two such words is a name: „Wspólny Stół”,
  "Green Valley", „Pod Luboniem”;
* a quote of one capitalised word is a name when an organisation's kind
  stands just before it (up to two words between: "Fundacja Rozwoju „Promyk”"):
  alone, „Sprzątanie” may be the work written with a capital;
* a quote with a word in lower case is the buyer's words for the work (or a
  quotation), whatever stands before it: „sprzątania po remoncie”, "pick and
  pack", „Sprzątanie po remoncie”.

Only the name is taken out; the kind before it ("Hotel", "Fundacja") stays for
the other readers (:mod:`.filler` knows a sender's "jesteśmy fundacją").

A company's name also stands unquoted before its legal form, mostly in the
signature: "Trans-Rad Logistyka Sp. z o.o.", "Catering Smaczek S.A.", "Green
Valley Ltd". The capitalised words just before the form (up to four) and the form
are taken out: "Logistyka" there is the sender's name, not transport asked for.
"""

import re

from search.understanding.folded import FoldedText, Span

# Opening and closing marks: Polish „…”, English “…” and "…", guillemets both ways, and
# single quotes only where they open after a space (an apostrophe is inside a word).
QUOTED = re.compile(
    r"„(?P<pl>[^„”\"\n]{1,80})[”\"]"
    r"|“(?P<en>[^“”\n]{1,80})”"
    r"|(?<![\w\"])\"(?P<straight>[^\"\n]{1,80})\"(?!\w)"
    r"|»(?P<right>[^«»\n]{1,80})«"
    r"|«(?P<left>[^«»\n]{1,80})»"
    r"|(?<!\w)['\u2018](?P<single>[^'\u2018\u2019\n]{1,80})['\u2019](?!\w)"
)
# Kinds of organisation a buyer names before its name, folded to ASCII.
KINDS = re.compile(
    r"(?:hotel|pensjonat|stowarzyszeni|fundacj|centr|spoldzielni|firm|sklep|restauracj"
    r"|kawiarni|bistro|bar|osrodk|dom|klub|szkol|przedszkol|zlobk|szpital|klinik|przychodni"
    r"|gabinet|muze|teatr|kino|galeri|agencj|spolk|grup|siec|zespol|mark|brand|inn|guesthouse"
    r"|restaurant|cafe|shop|store|company|foundation|association|center|school|clinic"
    r"|gallery|agency|chain|studio|park|kompleks|osiedl|will|zajazd|karczm|gospod|sanatori"
    r"|uzdrowisk|cech|kgw|kol[oa] gospodyn|parafi|wspolnot|zaklad|hurtowni|piekarni|drukarni"
    r"|pracowni|salon"
    r"|biur|kancelari|liceum|technikum|akademi|instytut|browar|winnic|schronisk|camping"
    r"|kemping|resort|spa|dwor|palac|zamek|brewery|winery|bakery|office)\w*"
)
KIND_BEFORE = re.compile(rf"\b{KINDS.pattern}(?:\s+[\w.-]+){{0,2}}\s*$")
# Words that join a name's capitalised words and are written in lower case.
JOINING = frozenset(
    """i a w we z ze na pod nad od do dla przy u o po za ku
    and of the at on in by for de la le von van""".split()  # noqa: SIM905 - reads better
)
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# Up to four capitalised words (hyphens inside: "Trans-Rad") and a legal form after them.
CAPITALISED = r"[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]*(?:-[^\W\d_]+)*"
LEGAL_FORM = (
    r"(?i:sp\.\s*z\s*o\.\s*o\.?|spółka\s+z\s+o\.\s*o\.?|s\.\s*a\.|sp\.\s*[jkp]\."
    r"|sp\.\s*k\.\s*a\.|ltd\b\.?|gmbh\b|inc\b\.?|llc\b)"
)
COMPANY_NAME = re.compile(rf"\b(?:{CAPITALISED}\s+){{1,4}}{LEGAL_FORM}")


def _capitalised(words: list[str]) -> list[bool]:
    """Whether each word that counts begins with a capital: the joining words do not count,
    except one opening the name with a capital ("Pod Lipami", "Nad Zalewem", "U Kowala"),
    the way Polish names inns, hotels and sanatoria."""
    return [
        word[0].isupper()
        for number, word in enumerate(words)
        if word.lower() not in JOINING or (number == 0 and word[0].isupper())
    ]


def is_name(inside: str, before: str) -> bool:
    """Whether the quoted ``inside`` is a proper name (see the module's rule); ``before``
    is the text just before the opening mark."""
    words = WORD.findall(inside)
    capitals = _capitalised(words)
    if not capitals or not all(capitals):
        return False
    if len(capitals) >= 2:
        return True
    return bool(KIND_BEFORE.search(FoldedText(before[-60:]).folded))


def quoted_names(text: str) -> list[Span]:
    """Where the quoted names of ``text`` stand, with their quotation marks."""
    return [
        Span(*match.span())
        for match in QUOTED.finditer(text or "")
        if is_name(next(group for group in match.groups() if group), text[: match.start()])
    ]


def company_names(text: str) -> list[Span]:
    """Where the names standing before a legal form are, with the form."""
    return [Span(*match.span()) for match in COMPANY_NAME.finditer(text or "")]


def without_names(text: str) -> str:
    """``text`` with its quoted names and the names before a legal form blanked out
    (spaces keep the other words' places)."""
    for span in [*quoted_names(text), *company_names(text)]:
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return text
