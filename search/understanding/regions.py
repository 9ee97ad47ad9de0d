"""A voivodeship named in a request → its TERYT code (the codes of
:data:`cms.models.regions.VOIVODESHIPS`), and the words that named it.

Voivodeships are named by their official adjective ("małopolskie", "woj.
małopolskiego", "w łódzkim") or by the name of the land ("z Małopolski", "na
Pomorzu", "Dolny Śląsk", "Warmia i Mazury", "Lubelszczyzna", "Ziemia Lubuska"),
in Polish or English, in any case, with or without Polish letters (the case
forms come from :mod:`search.places.declension`). Without "woj."/"województwo"
before it, the adjective counts only in its neuter forms, the ones that stand
for "województwo" ("łódzkie", "z łódzkiego", "w łódzkim"): "łódzka firma" is
as likely the city's. The city itself ("Łódź") is a place, not a region.

A word that is part of a town's name is not a region ("Ruda Śląska",
"Ostrów Wielkopolski", "Wysokie Mazowieckie" lies in podlaskie), nor is a
capitalised word after a first name ("Jan Mazur").
"""

from dataclasses import dataclass
from functools import cache

from cms.models.regions import VOIVODESHIPS
from search.places import GIVEN_NAMES, Token, is_town_name, tokens_of
from search.places.declension import adjective_forms, name_forms
from search.places.gazetteer import phrase_key, word_set

# The lands' names, Polish and English, by TERYT code.
LANDS = {
    "02": ["Dolny Śląsk", "Lower Silesia", "Lower Silesian", "Ziemia Kłodzka", "Karkonosze"],
    "04": ["Kujawy", "Kujawy i Pomorze", "Pomorze i Kujawy", "Kuyavia", "Kuyavia-Pomerania",
           "Kuyavian-Pomeranian"],
    "06": ["Lubelszczyzna", "Ziemia Lubelska", "Roztocze", "Polesie", "Polesie Lubelskie"],
    "08": ["Ziemia Lubuska", "Lubusz"],
    "10": ["Ziemia Łódzka"],
    "12": ["Małopolska", "Lesser Poland", "Podhale", "Pieniny", "Sądecczyzna", "Beskid Sądecki"],
    "14": ["Mazowsze", "Masovia", "Mazovia", "Masovian", "Mazovian"],
    "16": ["Opolszczyzna", "Śląsk Opolski", "Ziemia Opolska"],
    "18": ["Podkarpacie", "Subcarpathia", "Subcarpathian", "Bieszczady"],
    "20": ["Podlasie", "Podlachia", "Suwalszczyzna"],
    "22": ["Pomorze", "Pomorze Gdańskie", "Pomerania", "Pomeranian", "Kaszuby", "Kashubia",
           "Kociewie", "Żuławy"],
    "24": ["Śląsk", "Górny Śląsk", "Upper Silesia", "Silesia", "Silesian", "Śląsk Cieszyński",
           "Podbeskidzie", "Beskid Śląski", "Beskid Żywiecki"],
    "26": ["Kielecczyzna", "Ziemia Świętokrzyska", "Holy Cross"],
    "28": ["Warmia i Mazury", "Warmia", "Mazury", "Masuria", "Warmia-Masuria",
           "Warmian-Masurian", "Kraina Wielkich Jezior", "Kraina Tysiąca Jezior"],
    "30": ["Wielkopolska", "Greater Poland"],
    "32": ["Pomorze Zachodnie", "West Pomerania", "Western Pomerania", "West Pomeranian"],
}  # fmt: skip
# Words for "voivodeship" before an adjective: then any of its forms counts.
VOIVODESHIP_WORDS = word_set(
    "woj wojewodztwo wojewodztwa wojewodztwie wojewodztwem wojewodztwu voivodeship province"
)
# The adjective's forms that stand for the voivodeship on their own.
NEUTER_ENDINGS = ("ie", "iego", "iemu", "im", "iem")
# Words before or after a region that go with it: "z terenu", "na całym", "Voivodeship".
BEFORE = word_set(
    "w we z ze na do teren terenu terenie obszar obszaru obszarze caly calego calym cale calej "
    "cala in from across the whole"
)
AFTER = word_set("voivodeship province region")
# Who does the work, after an adjective in the plural: "któryś z podkarpackich zakładów",
# "małopolskim firmom" name the voivodeship's firms, not a city's.
FIRMS = word_set(
    "zakladow zakladach firm firmach firmami wykonawcow wykonawcach spoldzielni "
    "spoldzielniach szwalni szwalniach warsztatow warsztatach przedsiebiorstw podwykonawcow "
    "producentow dostawcow pracowni"
)
PLURAL_ENDINGS = ("ich", "imi")


@dataclass(frozen=True)
class Region:
    code: str
    words: tuple[str, ...]


def _adjective_forms(adjective: str, neuter_only: bool | None) -> set[str]:
    """ "kujawsko-pomorskie" → {"kujawsko pomorskie", "kujawsko pomorskiego", …}."""
    *fixed, declined = adjective.split("-")
    forms = adjective_forms(declined)
    if neuter_only:
        stem = declined[:-2]
        forms = {stem + ending for ending in NEUTER_ENDINGS}
    elif neuter_only is None:  # the plural's own forms
        stem = declined[:-2]
        forms = {stem + ending for ending in PLURAL_ENDINGS}
    return {phrase_key(" ".join([*fixed, form])) for form in forms}


@cache
def _starts() -> frozenset[str]:
    """The first words of every region's phrases: a word outside these opens none."""
    named, _adjectives = _tables()
    return frozenset(phrase.split()[0] for phrase in (*named, *_plurals())) | VOIVODESHIP_WORDS


@cache
def _plurals() -> dict[str, str]:
    """Phrase → code for the adjectives' genitive and instrumental plural ("podkarpackich")."""
    return {
        form: code
        for code, adjective in VOIVODESHIPS.items()
        for form in _adjective_forms(adjective, neuter_only=None)
    }


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(phrase → code for lands and neuter adjectives, phrase → code for any adjective)."""
    named: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for code, adjective in VOIVODESHIPS.items():
        for name in LANDS[code]:
            for form in name_forms(name):
                named.setdefault(phrase_key(form), code)
        for form in _adjective_forms(adjective, neuter_only=True):
            named.setdefault(form, code)
        for form in _adjective_forms(adjective, neuter_only=False):
            adjectives.setdefault(form, code)
    return named, adjectives


def _phrase_at(tokens: list[Token], index: int, table: dict[str, str]) -> tuple[str, int] | None:
    for length in (4, 3, 2, 1):
        if index + length <= len(tokens):
            code = table.get(" ".join(token.folded for token in tokens[index : index + length]))
            if code:
                return code, length
    return None


def _part_of_town(tokens: list[Token], index: int, length: int) -> bool:
    """Whether the words at ``index`` continue or open a town's name ("Ruda Śląska")."""
    phrase = " ".join(token.text for token in tokens[index : index + length])
    before = tokens[index - 1].text + " " + phrase if index > 0 else ""
    after = phrase + " " + tokens[index + length].text if index + length < len(tokens) else ""
    return any(is_town_name(candidate) for candidate in (before, after) if candidate)


def _after_given_name(tokens: list[Token], index: int) -> bool:
    return (
        index > 0
        and not tokens[index].sentence_start
        and tokens[index - 1].capitalised
        and tokens[index - 1].folded in GIVEN_NAMES
    )


def _with_surroundings(tokens: list[Token], start: int, end: int) -> tuple[str, ...]:
    while start > 0 and not tokens[start].sentence_start and tokens[start - 1].folded in BEFORE:
        start -= 1
    if end < len(tokens) and not tokens[end].sentence_start and tokens[end].folded in AFTER:
        end += 1
    return tuple(token.text for token in tokens[start:end])


def find_region(text: str) -> Region | None:
    """The first voivodeship named in ``text``, or None."""
    named, adjectives = _tables()
    tokens = tokens_of(text or "")
    starts = _starts()
    for index, token in enumerate(tokens):
        if token.folded not in starts:
            continue
        if token.folded in VOIVODESHIP_WORDS:
            found = _phrase_at(tokens, index + 1, adjectives)
            if found:
                code, length = found
                return Region(code, _with_surroundings(tokens, index, index + 1 + length))
        found = _phrase_at(tokens, index, named)
        if found is None:
            plural = _phrase_at(tokens, index, _plurals())
            end = index + plural[1] if plural else len(tokens)
            if plural and end < len(tokens) and tokens[end].folded in FIRMS:
                found = plural
        if found is None:
            continue
        code, length = found
        if _part_of_town(tokens, index, length) or _after_given_name(tokens, index):
            continue
        return Region(code, _with_surroundings(tokens, index, index + length))
    return None
