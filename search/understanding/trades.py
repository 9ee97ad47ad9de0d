"""A person of a trade asked for by name: "szukamy szkutnika", "potrzebny jest rusznikarz".

Buyers often ask for the tradesperson rather than the work, and a request for a trade
nobody here practises still shares words with profiles: a shipwright's boats to caulk and
paint bring carpenters and painters, an insurance broker's tender brings the archive
scanners. Lists of work nobody does (``OUTSIDE_WORK``) name the work, and every round of
new requests brought a trade no list held.

:func:`trades_asked` gives the person an asking clause (:mod:`search.understanding.asked`)
names first, when the word has the form of a person of a trade in Polish (the endings of
agent nouns: "-nik", "-arz", "-acz", "-yk", "-ekt", "-er", "-tor", "-log", "-graf", "-ant",
"-ent", "-mistrz", "-ysta"/"-ista", as asked for: "szkutnika", "arborystę") and is not a
word for any contractor at all ("wykonawcy", "partnera", "specjalisty"). Whether a kind of
work here covers the trade is the taxonomy's to say (``search.query``): "kucharza" is
catering's, "szkutnika" nobody's.
"""

import re

from search.analysis import fold
from search.understanding.asked import ASKING, asked_clauses

# The endings of a person of a trade, folded, in the genitive/accusative that "szukamy",
# "potrzebujemy" and "prosimy o" take. Not the nominative: "prosimy o cennik", "numer
# decyzji" are things, and a thing's accusative is its nominative.
PERSON = re.compile(
    r"(?:nik|arz|acz|yk|ekt|er|tor|sor|log|graf|ant|ent|mistrz)a$|(?:yst|ist)(?:y|e)$"
)
# Words for anyone who does work, whatever the trade, an operator of a place and a carrier
# of anything: they name no trade ("szukamy partnera do szycia", "operatora kawiarni";
# what a carrier carries says whether anyone here can: pallets yes, heifers no).
ANY_CONTRACTOR = frozenset(
    (
        "partner", "partnera", "partnerow", "kooperant", "kooperanta", "kooperantow", "producent",
        "producenta", "producentow", "kontrahent", "kontrahenta", "operator", "operatora",
        "organizator", "organizatora", "koordynator", "koordynatora", "pracownik", "pracownika",
        "pracownikow", "specjalista", "specjalisty", "specjaliste", "specjalistow", "sponsor",
        "sponsora", "inwestor", "inwestora", "dystrybutor", "dystrybutora", "posrednik",
        "posrednika", "dostawca", "dostawcy", "wykonawca", "wykonawcy", "podwykonawca",
        "podwykonawcy", "fachowiec", "fachowca", "agent", "agenta", "przedstawiciel",
        "przedstawiciela", "zleceniobiorca", "zleceniobiorcy", "wolontariusz", "wolontariusza",
        "najemca", "najemcy", "ekspert", "eksperta", "przewoznik", "przewoznika",
    )
)  # fmt: skip
WORD = re.compile(r"[^\W\d_]+")
# Words between the asking verb and the person that say nothing of the trade.
BETWEEN = frozenset(
    ("jest", "sa", "nam", "nas", "pilnie", "obecnie", "teraz", "kogos", "kilku", "dwoch", "trzech")
)


def trades_asked(text: str) -> list[tuple[str, str]]:
    """Each asking clause of ``text`` that asks first for a person of a trade, with the
    words naming the person as written and the word after them ("szkutnika albo",
    "brokera ubezpieczeniowego"), so that the taxonomy can read a trade named by two words."""
    found = []
    for clause in asked_clauses(text):
        written = WORD.findall(clause)
        folded = [fold(word) for word in written]
        asking = ASKING.match(" ".join(folded))
        start = len(asking.group().split()) if asking else 0
        words = list(zip(written[start:], folded[start:], strict=True))
        while words and (words[0][1] in BETWEEN or words[0][1].endswith("ego")):
            words.pop(0)  # "szukamy pilnie doświadczonego szkutnika"
        if not words:
            continue
        first = words[0][1]
        if len(first) >= 5 and first not in ANY_CONTRACTOR and PERSON.search(first):
            found.append((clause, " ".join(word for word, _plain in words[:2])))
    return found


def nominative(person: str) -> str:
    """The nominative of a person of a trade as asked for ("szkutnika" → "szkutnik",
    "arborystę" → "arborysta"), for saying which trade nobody here practises."""
    if person[-1:] in "yęe" and fold(person)[-4:-1] in ("yst", "ist"):
        return person[:-1] + "a"
    return person[:-1] if person.endswith("a") else person
